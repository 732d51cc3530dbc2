//! The fill's "what happens next?" question: what goes into the next cell of S, against the
//! formula's classic slips (forgetting the diagonal, adding it, leaving out M).

use super::{fill_formula, Event, State};
use crate::algorithm::Question;
use crate::format::format_number;

/// The question before `event`: asked at every cell of the table's fill.
pub fn question(state: &State, event: &Event) -> Option<Question> {
    let Event::Fill { row, column } = *event else {
        return None;
    };
    let (row, column) = (row as usize, column as usize);
    let value = state.value(row - 1, column - 1);
    let up = state.table_cell(row - 1, column);
    let left = state.table_cell(row, column - 1);
    let diagonal = state.table_cell(row - 1, column - 1);
    let right = fill_formula(value, up, left, diagonal);
    // The slips first; near misses fill in where the slips coincide (zeros).
    let slips = [
        value + up + left,
        up + left - diagonal,
        value + up + left + diagonal,
        value + up - diagonal,
        value,
        2.0 * right,
        right + 1.0,
        right - 1.0,
    ];
    Some(Question {
        prompt: format!(
            "S[{row}][{column}] comes next (M = {}, above {}, left {}, diagonal {}). What does it hold?",
            format_number(value),
            format_number(up),
            format_number(left),
            format_number(diagonal)
        ),
        answer: format_number(right),
        wrong: slips.iter().map(|&slip| format_number(slip)).collect(),
    })
}
