//! The ROC curve's text: counts, percentages and class names written for sentences.

use super::State;
use crate::format::{format_number, group_digits};

/// A sample count (a weight total, possibly fractional) with thousands grouped when whole.
pub fn format_count(count: f64) -> String {
    if count.fract() == 0.0 && count >= 0.0 && count <= usize::MAX as f64 {
        group_digits(count as usize)
    } else {
        format_number(count)
    }
}

/// The classes' names for narration: the CSV's words, or in plain language for 0/1 labels a
/// story anyone follows (a test for an illness).
pub(super) fn plain_names(state: &State) -> (&str, &str) {
    match (state.plain, state.class_names[0].as_str()) {
        (true, "positives") => ("sick patients", "healthy people"),
        _ => (&state.class_names[0], &state.class_names[1]),
    }
}

/// A rate as a percentage with one decimal (`42.9%`).
pub(super) fn percent(value: f64) -> String {
    format!("{}%", format_number((value * 1000.0).round() / 10.0))
}
