//! Reading what people type: number lists, option objects, seeded random inputs.
//!
//! Every parser returns an [`InputError`] that says what is wrong and where ("item 4: 'x7' is
//! not a number"), with the byte range of the offending text so the page can select it.

use crate::format::{format_number, group_digits, quote};
use std::fmt;
use std::ops::Range;

/// The most characters of input text any parser reads.
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// What sort of problem an [`InputError`] reports, so a caller can route it without reading
/// the message (the page shows a rectangle's error beside the rectangle boxes, say).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The text cannot be read (not a number, a row too short, a bad CSV line).
    Parse,
    /// The input is read but not acceptable (a rectangle outside the matrix, one class only).
    Invalid,
    /// The input is over a documented limit (too long to animate, too many steps).
    Limit,
    /// An option nobody declared.
    UnknownOption,
    /// A declared option with a value it does not take.
    BadOption,
    /// An algorithm id that is not in the registry.
    UnknownAlgorithm,
}

impl ErrorKind {
    /// The kind's name as JS sees it (`error.kind`): `"parse"`, `"limit"`, `"unknown option"`…
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Parse => "parse",
            ErrorKind::Invalid => "invalid",
            ErrorKind::Limit => "limit",
            ErrorKind::UnknownOption => "unknown option",
            ErrorKind::BadOption => "bad option",
            ErrorKind::UnknownAlgorithm => "unknown algorithm",
        }
    }
}

/// What is wrong with an input, and where: a message to show, a [`ErrorKind`], the field it is
/// about (`"array b"`, `"rectangle A"`, `"scores"`, an option's name) and, for text, the byte
/// range of the offending part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    message: String,
    kind: ErrorKind,
    field: Option<String>,
    span: Option<Range<usize>>,
}

impl InputError {
    /// An error about the input as a whole: read, but not acceptable.
    pub fn new(message: impl Into<String>) -> Self {
        InputError {
            message: message.into(),
            kind: ErrorKind::Invalid,
            field: None,
            span: None,
        }
    }

    /// A text that cannot be read, at byte range `span`.
    pub fn at(message: impl Into<String>, span: Range<usize>) -> Self {
        InputError {
            span: Some(span),
            kind: ErrorKind::Parse,
            ..InputError::new(message)
        }
    }

    /// An input over a documented limit.
    pub fn limit(message: impl Into<String>) -> Self {
        InputError::new(message).of_kind(ErrorKind::Limit)
    }

    /// The same error, of another kind.
    pub fn of_kind(self, kind: ErrorKind) -> Self {
        InputError { kind, ..self }
    }

    /// The same error, about `field` (which input or option: `"array a"`, `"rectangle B"`).
    pub fn in_field(self, field: impl Into<String>) -> Self {
        InputError {
            field: Some(field.into()),
            ..self
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

    /// What sort of problem this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Which input or option the error is about, when it is about one.
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
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

/// Parses a list of finite numbers separated by commas and/or white space.
///
/// Square brackets around the whole list are allowed, so `[1, 2, 3]` pasted from Python or JSON
/// works. `what` names the list in messages ("item 4" or "array b, item 4").
pub fn parse_numbers(text: &str, what: &str) -> Result<Vec<f64>, InputError> {
    parse_numbers_spanned(text, what)
        .map(|items| items.into_iter().map(|(value, _)| value).collect())
}

/// Like [`parse_numbers`], with each number's byte range in `text`, so that a later check
/// (order, range) can point at the item it refuses.
pub fn parse_numbers_spanned(
    text: &str,
    what: &str,
) -> Result<Vec<(f64, Range<usize>)>, InputError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(InputError::limit(format!(
            "{what}: the text is {} bytes long; the limit is {}",
            group_digits(text.len()),
            group_digits(MAX_TEXT_BYTES)
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
                let span = offset + start..offset + index;
                values.push((
                    parse_item(&body[start..index], what, item, offset + start)?,
                    span,
                ));
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
        let span = offset + start..offset + body.len();
        values.push((
            parse_item(&body[start..], what, item, offset + start)?,
            span,
        ));
    }
    Ok(values)
}

/// Parses one item of a list; `item` is its 1-based number, `start` its byte offset.
fn parse_item(token: &str, what: &str, item: usize, start: usize) -> Result<f64, InputError> {
    let span = start..start + token.len();
    match crate::number::parse_f64(token).ok_or(()) {
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
        return Err(InputError::limit(format!(
            "the matrix text is {} bytes long; the limit is {}",
            group_digits(text.len()),
            group_digits(MAX_TEXT_BYTES)
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

    /// True when `key` is given (a required option's check).
    pub fn contains(&self, key: &str) -> bool {
        self.0.iter().any(|(existing, _)| existing == key)
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
            Some(other) => Err(bad_option(
                key,
                format!(
                    "option '{key}' must be true or false, not {}",
                    describe(&other)
                ),
            )),
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
                    bad_option(
                        key,
                        format!(
                            "option '{key}' must be one of {}, not {}",
                            choices.join(", "),
                            quote(&word)
                        ),
                    )
                }),
            Some(other) => Err(bad_option(
                key,
                format!(
                    "option '{key}' must be one of {}, not {}",
                    choices.join(", "),
                    describe(&other)
                ),
            )),
        }
    }

    /// Takes a text option; absent means `None`.
    pub fn take_text(&mut self, key: &str) -> Result<Option<String>, InputError> {
        match self.remove(key) {
            None => Ok(None),
            Some(OptionValue::Text(text)) => Ok(Some(text)),
            Some(other) => Err(bad_option(
                key,
                format!("option '{key}' must be text, not {}", describe(&other)),
            )),
        }
    }

    /// Takes a number option, given as a number or as text (`"0.5"`); absent or blank text
    /// means `None`. NaN and infinities are refused.
    pub fn take_number(&mut self, key: &str) -> Result<Option<f64>, InputError> {
        let value = match self.remove(key) {
            None => return Ok(None),
            Some(OptionValue::Number(value)) => value,
            Some(OptionValue::Text(text)) if text.trim().is_empty() => return Ok(None),
            Some(OptionValue::Text(text)) => crate::number::parse_f64(text.trim())
                .ok_or(())
                .map_err(|()| {
                    bad_option(
                        key,
                        format!("option '{key}' must be a number, not {}", quote(&text)),
                    )
                })?,
            Some(other) => {
                return Err(bad_option(
                    key,
                    format!("option '{key}' must be a number, not {}", describe(&other)),
                ))
            }
        };
        if value.is_finite() {
            Ok(Some(value))
        } else {
            Err(bad_option(
                key,
                format!(
                    "option '{key}' must be a finite number, not {}",
                    format_number(value)
                ),
            ))
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
            ))
            .of_kind(ErrorKind::UnknownOption)
            .in_field(key.as_str())),
        }
    }
}

/// An option's value it does not take, about that option.
fn bad_option(key: &str, message: String) -> InputError {
    InputError::new(message)
        .of_kind(ErrorKind::BadOption)
        .in_field(key)
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
}
