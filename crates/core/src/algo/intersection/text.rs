//! The intersection's text: reading the two arrays, and writing items and arrays for sentences.

use super::State;
use crate::format::format_number;
use crate::input::{parse_numbers, InputError};

/// Reads one array's line; errors are about `what` ("array a").
pub(super) fn parse_integers(line: &str, what: &str) -> Result<Vec<i32>, InputError> {
    parse_integer_items(line, what).map_err(|error| error.in_field(what))
}

/// [`parse_integers`] before the error is placed in its field.
fn parse_integer_items(line: &str, what: &str) -> Result<Vec<i32>, InputError> {
    let numbers = parse_numbers(line, &format!("{what}, item"))?;
    numbers
        .iter()
        .enumerate()
        .map(|(index, &value)| {
            let place = format!("{what}, item {}", index + 1);
            if value.fract() != 0.0 {
                Err(InputError::new(format!(
                    "{place}: {} is not a whole number",
                    format_number(value)
                )))
            } else if value < i32::MIN as f64 || value > i32::MAX as f64 {
                Err(InputError::new(format!(
                    "{place}: {} is outside the 32-bit integer range ({}..{})",
                    format_number(value),
                    i32::MIN,
                    i32::MAX
                )))
            } else {
                Ok(value as i32)
            }
        })
        .collect()
}

/// Splits "a: …\nb: …" into the two lines (labels optional), with their byte offsets.
pub(super) fn two_lines(text: &str) -> Result<[(&str, usize); 2], InputError> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        lines.push((line.trim_end_matches(['\n', '\r']), offset));
        offset += line.len();
    }
    if text.ends_with('\n') || text.is_empty() {
        lines.push(("", text.len()));
    }
    while lines.len() > 2 && lines.last().is_some_and(|(line, _)| line.trim().is_empty()) {
        lines.pop();
    }
    match lines.as_slice() {
        [first, second] => Ok([*first, *second]),
        [_] => Err(InputError::new(
            "write two lines: array a on the first, array b on the second (an empty line is an empty array)",
        )),
        _ => Err(InputError::at(
            format!("line 3: only two arrays are read (a and b), found {} lines", lines.len()),
            lines[2].1..lines[2].1 + lines[2].0.len(),
        )),
    }
}

/// Drops an optional `a:` / `a =` label from the start of a line.
pub(super) fn strip_label(line: &str, label: char) -> (&str, usize) {
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    let mut characters = trimmed.char_indices();
    if let Some((_, first)) = characters.next() {
        if first.eq_ignore_ascii_case(&label) {
            let rest = &trimmed[first.len_utf8()..];
            let after = rest.trim_start();
            if let Some(body) = after.strip_prefix(':').or_else(|| after.strip_prefix('=')) {
                let skipped = line.len() - body.len();
                return (body, skipped);
            }
        }
    }
    (&line[lead..], lead)
}

/// "a[i]=x": an item of an array, named.
pub(super) fn item_text(values: &[i32], name: &str, index: usize) -> String {
    format!("{name}[{index}]={}", values[index])
}

/// "a[i]=x" and "b[j]=y" for a compared pair.
pub(super) fn pair(state: &State, i: usize, j: usize) -> (String, String) {
    (item_text(&state.a, "a", i), item_text(&state.b, "b", j))
}

/// An array for sentences: its first twelve values, then how many more.
pub(super) fn list(values: &[i32]) -> String {
    const SHOWN: usize = 12;
    let mut text: Vec<String> = values.iter().take(SHOWN).map(i32::to_string).collect();
    if values.len() > SHOWN {
        text.push(format!("… {} more", values.len() - SHOWN));
    }
    format!("[{}]", text.join(", "))
}
