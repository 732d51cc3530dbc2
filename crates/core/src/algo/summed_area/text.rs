//! The summed-area table's text: lookups and ratios written for sentences.

use super::{State, Target};
use crate::format::{format_fixed, format_number};

/// One corner's lookup for sentences: `+ S[r][c] = 7`.
pub(super) fn corner_text(state: &State, target: Target, corner: u8) -> String {
    let Some(rect) = state.rects[target.slot()] else {
        return String::new();
    };
    let (row, column, sign) = rect.corners()[corner as usize];
    format!(
        "{} S[{row}][{column}] = {}",
        if sign > 0.0 { "+" } else { "−" },
        format_number(state.table_cell(row, column))
    )
}

/// A ratio (an IoU) to four decimals.
pub(super) fn format_ratio(value: f64) -> String {
    format_fixed(value, 4)
}
