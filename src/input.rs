//! Reading what people type: number lists, option objects, seeded random inputs.
//!
//! Every parser returns an [`InputError`] that says what is wrong and where ("item 4: 'x7' is
//! not a number"), with the byte range of the offending text so the page can select it.

use std::fmt;
use std::ops::Range;

/// The most characters of input text any parser reads.
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// What is wrong with an input, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    message: String,
    span: Option<Range<usize>>,
}

impl InputError {
    /// An error about the input as a whole.
    pub fn new(message: impl Into<String>) -> Self {
        InputError {
            message: message.into(),
            span: None,
        }
    }

    /// An error about the text at byte range `span`.
    pub fn at(message: impl Into<String>, span: Range<usize>) -> Self {
        InputError {
            message: message.into(),
            span: Some(span),
        }
    }

    /// The same error with its span moved `offset` bytes later (for a part of a larger text).
    pub fn shifted(self, offset: usize) -> Self {
        InputError {
            span: self.span.map(|span| span.start + offset..span.end + offset),
            ..self
        }
    }

    /// The message, ready to show.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The byte range of the offending text, when the error is about one place.
    pub fn span(&self) -> Option<Range<usize>> {
        self.span.clone()
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.message)
    }
}

impl std::error::Error for InputError {}

/// Shortens user text for an error message, so a 10^6-character token cannot flood the page.
pub fn quote(text: &str) -> String {
    const LONGEST: usize = 24;
    match text.char_indices().nth(LONGEST) {
        Some((cut, _)) => format!("'{}…'", &text[..cut]),
        None => format!("'{text}'"),
    }
}

/// Parses a list of finite numbers separated by commas and/or white space.
///
/// Square brackets around the whole list are allowed, so `[1, 2, 3]` pasted from Python or JSON
/// works. `what` names the list in messages ("item 4" or "array b, item 4").
pub fn parse_numbers(text: &str, what: &str) -> Result<Vec<f64>, InputError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(InputError::new(format!(
            "{what}: the text is {} characters long; the limit is {}",
            crate::trace::group_digits(text.len()),
            crate::trace::group_digits(MAX_TEXT_BYTES)
        )));
    }
    let (body, offset) = strip_brackets(text);
    let mut values = Vec::new();
    let mut item_start: Option<usize> = None;
    // True after a comma until the next item starts: a second comma then means an empty item.
    let mut comma_pending = false;
    for (index, character) in body.char_indices() {
        let is_comma = character == ',';
        if is_comma || character.is_whitespace() {
            if let Some(start) = item_start.take() {
                let item = values.len() + 1;
                values.push(parse_item(&body[start..index], what, item, offset + start)?);
            }
            if is_comma {
                if comma_pending || values.is_empty() {
                    return Err(InputError::at(
                        format!(
                            "{what} {} is empty: a comma with no number before it",
                            values.len() + 1
                        ),
                        offset + index..offset + index + 1,
                    ));
                }
                comma_pending = true;
            }
        } else if item_start.is_none() {
            item_start = Some(index);
            comma_pending = false;
        }
    }
    if let Some(start) = item_start {
        let item = values.len() + 1;
        values.push(parse_item(&body[start..], what, item, offset + start)?);
    }
    Ok(values)
}

/// Parses one item of a list; `item` is its 1-based number, `start` its byte offset.
fn parse_item(token: &str, what: &str, item: usize, start: usize) -> Result<f64, InputError> {
    let span = start..start + token.len();
    match token.parse::<f64>() {
        // -0 is read as 0 so that it prints and compares like the 0 people meant.
        Ok(value) if value.is_finite() => Ok(if value == 0.0 { 0.0 } else { value }),
        Ok(_) => Err(InputError::at(
            format!("{what} {item}: {} is not a finite number", quote(token)),
            span,
        )),
        Err(_) => Err(InputError::at(
            format!("{what} {item}: {} is not a number", quote(token)),
            span,
        )),
    }
}

/// A matrix read from text: `rows` × `columns` numbers, row-major.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedMatrix {
    /// Number of rows.
    pub rows: usize,
    /// Numbers per row.
    pub columns: usize,
    /// The numbers, row by row.
    pub values: Vec<f64>,
}

/// Parses a matrix: one row per line, numbers separated by commas and/or spaces. Blank lines
/// are skipped; every row must have as many numbers as the first.
pub fn parse_matrix(text: &str) -> Result<ParsedMatrix, InputError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(InputError::new(format!(
            "the matrix text is {} characters long; the limit is {}",
            crate::trace::group_digits(text.len()),
            crate::trace::group_digits(MAX_TEXT_BYTES)
        )));
    }
    let mut matrix = ParsedMatrix {
        rows: 0,
        columns: 0,
        values: Vec::new(),
    };
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        if line.trim().is_empty() {
            continue;
        }
        let row = matrix.rows + 1;
        let numbers = parse_numbers(line, &format!("row {row}, item"))
            .map_err(|error| error.shifted(line_start))?;
        if matrix.rows == 0 {
            matrix.columns = numbers.len();
        } else if numbers.len() != matrix.columns {
            return Err(InputError::at(
                format!(
                    "row {row} has {} number{}, expected {} like row 1",
                    numbers.len(),
                    if numbers.len() == 1 { "" } else { "s" },
                    matrix.columns
                ),
                line_start..line_start + line.trim_end().len(),
            ));
        }
        matrix.values.extend(numbers);
        matrix.rows += 1;
    }
    Ok(matrix)
}

/// Returns the text inside one pair of surrounding square brackets, and its byte offset.
fn strip_brackets(text: &str) -> (&str, usize) {
    let trimmed = text.trim();
    let lead = text.len() - text.trim_start().len();
    match trimmed
        .strip_prefix('[')
        .and_then(|inner| inner.strip_suffix(']'))
    {
        Some(inner) => (inner, lead + 1),
        None => (text, 0),
    }
}

/// One option value as it arrives from JS or a URL.
#[derive(Debug, Clone, PartialEq)]
pub enum OptionValue {
    /// `true` / `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A word such as `"stack"`.
    Text(String),
}

/// Named options for an algorithm; each algorithm takes the keys it knows and then calls
/// [`OptionMap::finish`], which rejects any key left over.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OptionMap(Vec<(String, OptionValue)>);

impl OptionMap {
    /// An empty map: every option takes its default.
    pub fn new() -> Self {
        OptionMap::default()
    }

    /// Sets `key` to `value` (builder style, for Rust callers and tests).
    pub fn with(mut self, key: &str, value: OptionValue) -> Self {
        self.0.retain(|(existing, _)| existing != key);
        self.0.push((key.to_string(), value));
        self
    }

    /// Removes and returns the value of `key`.
    fn remove(&mut self, key: &str) -> Option<OptionValue> {
        let index = self.0.iter().position(|(existing, _)| existing == key)?;
        Some(self.0.remove(index).1)
    }

    /// Takes a boolean option; absent means `false`.
    pub fn take_flag(&mut self, key: &str) -> Result<bool, InputError> {
        match self.remove(key) {
            None => Ok(false),
            Some(OptionValue::Bool(value)) => Ok(value),
            Some(other) => Err(InputError::new(format!(
                "option '{key}' must be true or false, not {}",
                describe(&other)
            ))),
        }
    }

    /// Takes a word option that must be one of `choices`; absent means the first choice.
    pub fn take_choice(
        &mut self,
        key: &str,
        choices: &[&'static str],
    ) -> Result<&'static str, InputError> {
        match self.remove(key) {
            None => Ok(choices[0]),
            Some(OptionValue::Text(word)) => choices
                .iter()
                .copied()
                .find(|choice| *choice == word)
                .ok_or_else(|| {
                    InputError::new(format!(
                        "option '{key}' must be one of {}, not {}",
                        choices.join(", "),
                        quote(&word)
                    ))
                }),
            Some(other) => Err(InputError::new(format!(
                "option '{key}' must be one of {}, not {}",
                choices.join(", "),
                describe(&other)
            ))),
        }
    }

    /// Takes a text option; absent means `None`.
    pub fn take_text(&mut self, key: &str) -> Result<Option<String>, InputError> {
        match self.remove(key) {
            None => Ok(None),
            Some(OptionValue::Text(text)) => Ok(Some(text)),
            Some(other) => Err(InputError::new(format!(
                "option '{key}' must be text, not {}",
                describe(&other)
            ))),
        }
    }

    /// Fails when a key was not taken: unknown options are errors, never silently ignored.
    pub fn finish(self, known: &[&str]) -> Result<(), InputError> {
        match self.0.first().map(|(key, _)| key) {
            None => Ok(()),
            Some(key) => Err(InputError::new(format!(
                "unknown option {} (known options: {})",
                quote(key),
                known.join(", ")
            ))),
        }
    }
}

fn describe(value: &OptionValue) -> String {
    match value {
        OptionValue::Bool(flag) => flag.to_string(),
        OptionValue::Number(number) => format_number(*number),
        OptionValue::Text(word) => quote(word),
    }
}

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same input everywhere.
#[derive(Debug, Clone)]
pub struct SeededRandom(u64);

impl SeededRandom {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Self {
        SeededRandom(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut mixed = self.0;
        mixed = (mixed ^ (mixed >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        mixed = (mixed ^ (mixed >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        mixed ^ (mixed >> 31)
    }

    /// A whole number in `low..=high`.
    pub fn integer(&mut self, low: i64, high: i64) -> i64 {
        let span = high.abs_diff(low) + 1;
        low + (self.next_u64() % span) as i64
    }
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

/// The power of ten of `magnitude`'s leading digit (`decimal_exponent(250.0)` is 2).
fn decimal_exponent(magnitude: f64) -> i32 {
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
    fn numbers_accept_commas_spaces_brackets_and_negatives() {
        assert_eq!(
            parse_numbers(" [2, 7 ,-3\n5.5\t1e3] ", "item").unwrap(),
            vec![2.0, 7.0, -3.0, 5.5, 1000.0]
        );
        assert_eq!(
            parse_numbers("", "item").unwrap(),
            Vec::<f64>::new(),
            "empty text is the empty list"
        );
        assert_eq!(parse_numbers("1,2,", "item").unwrap(), vec![1.0, 2.0]);
    }

    #[test]
    fn a_bad_item_is_named_with_its_place() {
        let error = parse_numbers("1 2 3 x7 5", "item").unwrap_err();
        assert_eq!(error.message(), "item 4: 'x7' is not a number");
        assert_eq!(error.span(), Some(6..8));
        let error = parse_numbers("1, 2,, 3", "item").unwrap_err();
        assert_eq!(
            error.message(),
            "item 3 is empty: a comma with no number before it"
        );
        let error = parse_numbers("1 inf", "item").unwrap_err();
        assert_eq!(error.message(), "item 2: 'inf' is not a finite number");
        let error = parse_numbers("NaN", "item").unwrap_err();
        assert_eq!(error.message(), "item 1: 'NaN' is not a finite number");
    }

    #[test]
    fn matrices_are_read_row_by_row_with_placed_errors() {
        let matrix = parse_matrix("1 2 3\n\n4,5,6\n").unwrap();
        assert_eq!((matrix.rows, matrix.columns), (2, 3));
        assert_eq!(matrix.values, vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
        let error = parse_matrix("1 2 3\n4 5\n").unwrap_err();
        assert_eq!(
            error.message(),
            "row 2 has 2 numbers, expected 3 like row 1"
        );
        assert_eq!(error.span(), Some(6..9));
        let error = parse_matrix("1 2\n3 q").unwrap_err();
        assert_eq!(error.message(), "row 2, item 2: 'q' is not a number");
        assert_eq!(error.span(), Some(6..7));
        assert_eq!(parse_matrix("  \n").unwrap().rows, 0);
    }

    #[test]
    fn long_tokens_are_shortened_in_messages() {
        let token = "y".repeat(10_000);
        let message = parse_numbers(&token, "item").unwrap_err().to_string();
        assert!(message.len() < 80, "{message}");
    }

    #[test]
    fn options_reject_unknown_keys_and_wrong_types() {
        let mut options = OptionMap::new().with("circular", OptionValue::Bool(true));
        assert!(options.take_flag("circular").unwrap());
        assert!(!options.take_flag("previous").unwrap());
        options.finish(&["circular"]).unwrap();

        let options = OptionMap::new().with("sideways", OptionValue::Bool(true));
        let message = options.finish(&["circular"]).unwrap_err().to_string();
        assert_eq!(
            message,
            "unknown option 'sideways' (known options: circular)"
        );

        let mut options = OptionMap::new().with("circular", OptionValue::Number(1.0));
        assert!(options.take_flag("circular").is_err());

        let mut options = OptionMap::new().with("method", OptionValue::Text("magic".into()));
        let message = options
            .take_choice("method", &["stack", "scan"])
            .unwrap_err()
            .to_string();
        assert_eq!(
            message,
            "option 'method' must be one of stack, scan, not 'magic'"
        );
    }

    #[test]
    fn the_same_seed_gives_the_same_numbers() {
        let mut first = SeededRandom::new(7);
        let mut second = SeededRandom::new(7);
        for _ in 0..100 {
            let value = first.integer(-5, 5);
            assert_eq!(value, second.integer(-5, 5));
            assert!((-5..=5).contains(&value));
        }
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
}
