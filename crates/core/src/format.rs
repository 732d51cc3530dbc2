//! Formatting for people: numbers as they are typed, digit grouping, quoting user text in
//! messages. The one place such text is made, so a message and a label agree.

/// Shortens user text for an error message, so a 10^6-character token cannot flood the page.
pub fn quote(text: &str) -> String {
    const LONGEST: usize = 24;
    match text.char_indices().nth(LONGEST) {
        Some((cut, _)) => format!("'{}…'", &text[..cut]),
        None => format!("'{text}'"),
    }
}

/// Writes `1234567` as `1,234,567` for messages.
pub fn group_digits(value: usize) -> String {
    let digits = value.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// Writes numbers the way people type them: `3`, `-2.5`, `1e300`, never `3.0`; up to ten
/// significant digits.
///
/// Written with integer arithmetic on purpose: Rust's float formatting machinery costs the
/// wasm about 10 KB gzipped, a fifteenth of the page's whole budget.
pub fn format_number(value: f64) -> String {
    if !value.is_finite() {
        return match (value.is_nan(), value > 0.0) {
            (true, _) => "NaN".to_string(),
            (false, true) => "Infinity".to_string(),
            (false, false) => "-Infinity".to_string(),
        };
    }
    let magnitude = value.abs();
    if value == value.trunc() && magnitude < 1e15 {
        return (value as i64).to_string();
    }
    if !(1e-4..1e15).contains(&magnitude) {
        return format_scientific(value);
    }
    let whole_digits = decimal_exponent(magnitude).max(0) as usize + 1;
    trim_zeros(format_fixed(value, 10usize.saturating_sub(whole_digits)))
}

/// `value` with exactly `decimals` digits after the point (at most 12), rounded half away
/// from zero: `format_fixed(0.25, 1)` is `"0.3"`.
pub fn format_fixed(value: f64, decimals: usize) -> String {
    let decimals = decimals.min(12);
    let scale = 10u64.pow(decimals as u32);
    let scaled = (value.abs() * scale as f64).round();
    if !scaled.is_finite() || scaled >= 9e18 {
        return format_number(value);
    }
    let units = scaled as u64;
    let sign = if value < 0.0 && units > 0 { "-" } else { "" };
    let whole = units / scale;
    if decimals == 0 {
        return format!("{sign}{whole}");
    }
    let fraction = units % scale;
    format!("{sign}{whole}.{fraction:0>decimals$}")
}

/// The power of ten of `magnitude`'s leading digit (`decimal_exponent(250.0)` is 2), by
/// repeated division (no `log10`, which would add libm's code to every module using it).
pub fn decimal_exponent(magnitude: f64) -> i32 {
    if !magnitude.is_finite() {
        return 0;
    }
    let mut exponent = 0;
    let mut scaled = magnitude;
    while scaled >= 10.0 {
        scaled /= 10.0;
        exponent += 1;
    }
    while scaled > 0.0 && scaled < 1.0 {
        scaled *= 10.0;
        exponent -= 1;
    }
    exponent
}

fn format_scientific(value: f64) -> String {
    let mut exponent = decimal_exponent(value.abs());
    // One scaling by a power of ten, not a loop of them: no drift in the mantissa.
    let scale = |exponent: i32| {
        if exponent >= 0 {
            value / 10f64.powi(exponent)
        } else {
            value * 10f64.powi(-exponent)
        }
    };
    let mut mantissa = format_fixed(scale(exponent), 6);
    // Rounding may carry into a tenth digit (9.9999999e-5 → "10.000000"): one more power.
    if mantissa.trim_start_matches('-').starts_with("10") {
        exponent += 1;
        mantissa = format_fixed(scale(exponent), 6);
    }
    format!("{}e{exponent}", trim_zeros(mantissa))
}

fn trim_zeros(text: String) -> String {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_tokens_are_shortened_in_messages() {
        let token = "y".repeat(10_000);
        let quoted = quote(&token);
        assert_eq!(quoted.chars().count(), 27, "{quoted}");
        assert!(quoted.ends_with("…'"));
        assert_eq!(quote("x7"), "'x7'");
    }

    #[test]
    fn numbers_format_like_typed_text() {
        assert_eq!(format_number(3.0), "3");
        assert_eq!(format_number(-2.5), "-2.5");
        assert_eq!(format_number(1e300), "1e300");
        assert_eq!(format_number(-2.5e-7), "-2.5e-7");
        assert_eq!(format_number(0.125), "0.125");
        assert_eq!(format_number(0.1 + 0.2), "0.3");
        assert_eq!(format_number(-1234.5678), "-1234.5678");
        assert_eq!(format_number(2.5e15), "2.5e15");
        assert_eq!(format_number(f64::MAX), "1.797693e308");
        assert_eq!(format_number(f64::NAN), "NaN");
        assert_eq!(format_number(9.9999999e-5), "1e-4");
        assert_eq!(format_number(9.99999996e20), "1e21");
        assert_eq!(format_number(-9.99999999995e-5), "-1e-4");
        assert_eq!(format_number(1e-300), "1e-300");
        assert_eq!(format_fixed(0.20930232558, 4), "0.2093");
        assert_eq!(format_fixed(-0.00001, 2), "0.00");
        assert_eq!(format_fixed(1.0, 0), "1");
    }
    #[test]
    fn digits_are_grouped_by_thousands() {
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(999), "999");
        assert_eq!(group_digits(1000), "1,000");
        assert_eq!(group_digits(2_000_000), "2,000,000");
    }
}
