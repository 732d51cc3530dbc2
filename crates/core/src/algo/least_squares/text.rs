//! How least squares writes its numbers and names its points and losses, in narration,
//! questions and the picture alike.

use super::{Method, Points};
use crate::format::{decimal_exponent, format_fixed, format_number};

/// `value` to four significant digits, as people write it: `12.35`, `0.004321`, `1.235e7`,
/// `∞` and `−∞` for the infinite log-likelihood of a perfect fit.
pub fn brief(value: f64) -> String {
    if value.is_infinite() {
        return if value > 0.0 { "∞" } else { "−∞" }.to_string();
    }
    if !value.is_finite() || value == 0.0 {
        return format_number(value);
    }
    let exponent = decimal_exponent(value.abs());
    if !(-4..7).contains(&exponent) {
        let scale = 10f64.powi(exponent - 3);
        return format_number((value / scale).round() * scale);
    }
    let decimals = (3 - exponent).max(0) as usize;
    let text = format_fixed(value, decimals);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// "point 3 (2, 4.5)": a point by its 1-based number, as the picture labels it, and its place.
pub fn point_text(points: &Points, index: usize) -> String {
    format!(
        "point {} ({}, {})",
        index + 1,
        brief(points.x[index]),
        brief(points.y[index])
    )
}

/// The objective's short name: SSE, SAD or Σh.
pub fn objective_name(method: Method) -> &'static str {
    match method {
        Method::Squared => "SSE",
        Method::Absolute => "Σ|r|",
        Method::Huber => "Σh(r)",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_four_significant_digits() {
        assert_eq!(brief(12.3456), "12.35");
        assert_eq!(brief(-0.0043216), "-0.004322");
        assert_eq!(brief(3.0), "3");
        assert_eq!(brief(123_456.7), "123457");
        assert_eq!(brief(12_345_678.0), "12350000");
        assert_eq!(brief(f64::INFINITY), "∞");
        assert_eq!(brief(0.0), "0");
    }
}
