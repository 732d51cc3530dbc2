//! "What happens next?" at every step: what goes into the next cell of S (against the
//! formula's classic slips: forgetting the diagonal, adding it, leaving out M), the running
//! total after a lookup or a read, a rectangle's sum, where A and B overlap, and the IoU.

use super::kernel::fill_formula;
use super::layout::{MATRIX, TABLE};
use super::{Event, State, Target};
use crate::algorithm::{Item, Question};
use crate::format::format_number;

/// The question before `event`.
pub fn question(state: &State, event: &Event) -> Option<Question> {
    match *event {
        Event::Fill { row, column } => fill(state, row as usize, column as usize),
        Event::Lookup { target, corner, .. } => lookup(state, target, corner as usize),
        Event::Read {
            target,
            row,
            column,
            ..
        } => read(state, target, row as usize, column as usize),
        Event::Total { target } => total(state, target),
        Event::Intersect => intersect(state),
        Event::Ratio => ratio(state),
    }
}

/// The running total after adding `sign × value` to `target`'s sum, against the wrong sign.
fn running(state: &State, target: Target, what: String, sign: f64, value: f64) -> Question {
    let sum = state.sums[target.slot()];
    Question::number(
        format!(
            "sum({}) is {} so far; next it adds {what}. What is the running total then?",
            target.name(),
            format_number(sum)
        ),
        sum + sign * value,
        &[sum - sign * value, sum, value, sum + sign * value + 1.0],
    )
}

/// A lookup of one of the rectangle's four corners in S.
fn lookup(state: &State, target: Target, corner: usize) -> Option<Question> {
    let rect = state.rects[target.slot()]?;
    let (row, column, sign) = *rect.corners().get(corner)?;
    let value = state.table_cell(row, column);
    let signed = if sign > 0.0 { "+" } else { "−" };
    Some(
        running(
            state,
            target,
            format!(
                "{signed} S[{row}][{column}] = {signed}{}",
                format_number(value)
            ),
            sign,
            value,
        )
        .focus([Item::cell(TABLE, row, column)]),
    )
}

/// The naive method reads one more cell of M.
fn read(state: &State, target: Target, row: usize, column: usize) -> Option<Question> {
    let value = state.value(row, column);
    Some(
        running(
            state,
            target,
            format!("M[{row}][{column}] = {}", format_number(value)),
            1.0,
            value,
        )
        .focus([Item::cell(MATRIX, row, column)]),
    )
}

/// The sum is complete: what is it?
fn total(state: &State, target: Target) -> Option<Question> {
    let rect = state.rects[target.slot()]?;
    let sum = state.sums[target.slot()];
    Some(Question::number(
        format!(
            "sum({}) over {} is complete. What is it?",
            target.name(),
            rect.describe()
        ),
        sum,
        &[rect.area() as f64, sum + 1.0, sum - 1.0],
    ))
}

/// Where do A and B overlap?
fn intersect(state: &State) -> Option<Question> {
    let (a, b) = (state.rects[0]?, state.rects[1]?);
    let text = |rect: Option<super::Rect>| {
        rect.map_or("They do not overlap".to_string(), |rect| rect.describe())
    };
    let both = a.intersection(b);
    Some(Question::choice(
        format!(
            "A is {}, B is {}. Where do they overlap?",
            a.describe(),
            b.describe()
        ),
        text(both),
        vec![text(Some(a)), text(Some(b)), text(None)],
    ))
}

/// The weighted IoU from the three sums.
fn ratio(state: &State) -> Option<Question> {
    let (a, b, both) = (state.sums[0], state.sums[1], state.sums[2]);
    let union = a + b - both;
    let iou = if union == 0.0 { 0.0 } else { both / union };
    let plain = if a + b == 0.0 { 1.0 } else { both / (a + b) };
    Some(Question::number(
        format!(
            "sum(A) = {}, sum(B) = {}, sum(A∩B) = {}. What is the weighted IoU?",
            format_number(a),
            format_number(b),
            format_number(both)
        ),
        iou,
        &[plain, 1.0 - iou, both],
    ))
}

/// What goes into the next cell of S.
fn fill(state: &State, row: usize, column: usize) -> Option<Question> {
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
    Some(Question::number(
        format!(
            "S[{row}][{column}] comes next (M = {}, above {}, left {}, diagonal {}). What does it hold?",
            format_number(value),
            format_number(up),
            format_number(left),
            format_number(diagonal)
        ),
        right,
        &slips,
    )
    .focus([
        Item::cell(MATRIX, row - 1, column - 1),
        Item::cell(TABLE, row - 1, column),
        Item::cell(TABLE, row, column - 1),
        Item::cell(TABLE, row - 1, column - 1),
    ]))
}
