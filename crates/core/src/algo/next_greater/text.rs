//! The next greater element's text: items and answers written for sentences.

use super::{AnswerKind, State};
use crate::format::format_number;

/// "a[i]=x": an item for sentences.
pub(super) fn item_text(values: &[f64], index: usize) -> String {
    format!("a[{index}]={}", format_number(values[index]))
}

/// An answer as the answer row shows it: its index, or its value.
pub(super) fn answer_text(state: &State, answer: usize) -> String {
    match state.options.answer {
        AnswerKind::Index => answer.to_string(),
        AnswerKind::Value => format_number(state.values[answer]),
    }
}
