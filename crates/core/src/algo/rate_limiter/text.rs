//! The rate limiter's text: times, amounts and windows written for sentences (narration,
//! questions and the picture's labels).

use crate::format::format_number;

/// A time or amount for sentences: at most three decimals (`2.25`, `0.333`).
pub(super) fn short(value: f64) -> String {
    if value.is_finite() && value.abs() < 1e12 {
        format_number((value * 1000.0).round() / 1000.0)
    } else {
        format_number(value)
    }
}

/// The window `[k·w, (k+1)·w)` as text.
pub(super) fn window_text(index: f64, window: f64) -> String {
    format!(
        "[{}, {})",
        short(index * window),
        short((index + 1.0) * window)
    )
}
