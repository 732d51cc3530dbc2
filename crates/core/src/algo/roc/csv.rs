//! Reading `score,label` samples from CSV text.
//!
//! One sample per line; commas, semicolons or tabs separate the two fields (or spaces when no
//! such separator is present). A first line whose score is not a number is a header. Labels are
//! 0/1, true/false, yes/no, or any two words, with the positive one chosen by the caller (by
//! default the word that sorts last, so "spam" beats "ham"). Blank lines and `#` comments are
//! skipped. Every error names its line.

use crate::format::group_digits;
use crate::format::quote;
use crate::input::{InputError, MAX_TEXT_BYTES};

/// Parsed samples in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct Samples {
    /// Scores.
    pub scores: Vec<f64>,
    /// True where the label is the positive class.
    pub positive: Vec<bool>,
    /// How to call the two classes: the label words, or "positives"/"negatives" for 0/1.
    pub class_names: [String; 2],
}

/// Label pairs whose positive member is obvious; anything else is two words.
const KNOWN_PAIRS: &[(&str, &str)] = &[
    ("1", "0"),
    ("true", "false"),
    ("yes", "no"),
    ("pos", "neg"),
    ("positive", "negative"),
];

/// The most CSV a file may hold for [`parse_samples_up_to`] (the page's big-data path).
pub const MAX_CSV_FILE_BYTES: usize = 64 << 20;

/// How 0/1 (true/false, yes/no…) classes are called.
pub fn numbered_class_names() -> [String; 2] {
    ["positives".to_string(), "negatives".to_string()]
}

/// How much one parse takes: bytes of text, and samples (the parse stops at the first sample
/// past the limit, so a huge file fails fast and in bounded memory).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvLimits {
    /// The most bytes of text.
    pub bytes: usize,
    /// The most samples.
    pub samples: usize,
}

/// Parses CSV text typed into a box (at most [`MAX_TEXT_BYTES`]); `positive` names the
/// positive label when the labels are words.
pub fn parse_samples(text: &str, positive: Option<&str>) -> Result<Samples, InputError> {
    let limits = CsvLimits {
        bytes: MAX_TEXT_BYTES,
        samples: usize::MAX,
    };
    parse_samples_up_to(text, positive, limits)
}

/// Parses CSV text within `limits`, as [`parse_samples`].
pub fn parse_samples_up_to(
    text: &str,
    positive: Option<&str>,
    limits: CsvLimits,
) -> Result<Samples, InputError> {
    if text.len() > limits.bytes {
        return Err(InputError::limit(format!(
            "the CSV is {} bytes long; the limit is {}",
            group_digits(text.len()),
            group_digits(limits.bytes)
        )));
    }
    let mut scores = Vec::new();
    let mut labels: Vec<String> = Vec::new();
    let mut label_of_sample: Vec<usize> = Vec::new();
    let mut offset = 0;
    let mut first_content = true;
    for (number, raw) in text.split_inclusive('\n').enumerate() {
        let line_number = number + 1;
        let start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']).trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let span = start..start + raw.trim_end().len();
        let fields = split_fields(line);
        if fields.len() != 2 {
            return Err(InputError::at(
                format!(
                    "line {line_number}: expected score,label — found {} field{}",
                    fields.len(),
                    if fields.len() == 1 { "" } else { "s" }
                ),
                span,
            ));
        }
        let (score_text, label_text) = (fields[0], unquote(fields[1]));
        let score = match crate::number::parse_f64(score_text).ok_or(()) {
            Ok(score) if score.is_finite() => score,
            Ok(_) => {
                return Err(InputError::at(
                    format!(
                        "line {line_number}: the score {} is not a finite number",
                        quote(score_text)
                    ),
                    span,
                ))
            }
            Err(_) if first_content => {
                first_content = false;
                continue; // a header line
            }
            Err(_) => {
                return Err(InputError::at(
                    format!(
                        "line {line_number}: the score {} is not a number",
                        quote(score_text)
                    ),
                    span,
                ))
            }
        };
        first_content = false;
        if label_text.is_empty() {
            return Err(InputError::at(
                format!("line {line_number}: the label is empty"),
                span,
            ));
        }
        let index = match labels.iter().position(|label| label == label_text) {
            Some(index) => index,
            None if labels.len() == 2 => {
                return Err(InputError::at(
                    format!(
                        "line {line_number}: a third label {} (the labels so far are {} and {}); \
                         a ROC curve needs two classes",
                        quote(label_text),
                        quote(&labels[0]),
                        quote(&labels[1])
                    ),
                    span,
                ))
            }
            None => {
                labels.push(label_text.to_string());
                labels.len() - 1
            }
        };
        if scores.len() == limits.samples {
            return Err(InputError::limit(format!(
                "line {line_number}: more than {} samples, the most this reader takes",
                group_digits(limits.samples)
            )));
        }
        scores.push(score);
        label_of_sample.push(index);
    }
    if scores.is_empty() {
        return Err(InputError::new(
            "no samples: write one score,label pair per line",
        ));
    }
    let positive_index = choose_positive(&labels, positive)?;
    let known = KNOWN_PAIRS.iter().any(|(yes, no)| {
        labels
            .iter()
            .all(|label| label.eq_ignore_ascii_case(yes) || label.eq_ignore_ascii_case(no))
    });
    let class_names = match (known, positive_index) {
        (false, Some(positive_index)) => {
            let other = labels
                .iter()
                .enumerate()
                .find(|(index, _)| *index != positive_index)
                .map_or_else(
                    || format!("not {}", labels[positive_index]),
                    |(_, label)| label.clone(),
                );
            [labels[positive_index].clone(), other]
        }
        _ => numbered_class_names(),
    };
    Ok(Samples {
        scores,
        positive: label_of_sample
            .iter()
            .map(|&label| Some(label) == positive_index)
            .collect(),
        class_names,
    })
}

fn split_fields(line: &str) -> Vec<&str> {
    let separator = [',', ';', '\t']
        .into_iter()
        .find(|separator| line.contains(*separator));
    match separator {
        Some(separator) => line.split(separator).map(str::trim).collect(),
        None => line.split_whitespace().collect(),
    }
}

fn unquote(field: &str) -> &str {
    field
        .strip_prefix('"')
        .and_then(|inner| inner.strip_suffix('"'))
        .unwrap_or(field)
        .trim()
}

/// Which label is positive: the caller's choice, the obvious member of a known pair, or the
/// label that sorts last. `None` when the only label present reads as negative ("0").
fn choose_positive(labels: &[String], chosen: Option<&str>) -> Result<Option<usize>, InputError> {
    if let Some(chosen) = chosen {
        return labels
            .iter()
            .position(|label| label == chosen)
            .map(Some)
            .ok_or_else(|| {
                InputError::new(format!(
                    "the positive class {} is not one of the labels ({})",
                    quote(chosen),
                    labels
                        .iter()
                        .map(|label| quote(label))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
                .in_field("positive")
            });
    }
    for (yes, no) in KNOWN_PAIRS {
        let reads_as = |label: &String, word: &str| label.eq_ignore_ascii_case(word);
        if let Some(index) = labels.iter().position(|label| reads_as(label, yes)) {
            return Ok(Some(index));
        }
        if labels.len() == 1 && reads_as(&labels[0], no) {
            return Ok(None);
        }
    }
    Ok(labels
        .iter()
        .enumerate()
        .max_by(|left, right| left.1.cmp(right.1))
        .map(|(index, _)| index))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_separators_and_word_labels() {
        let samples = parse_samples(
            "score;label\n0.9;\"spam\"\n0.2;ham\n\n# note\n0.5;spam\n",
            None,
        )
        .unwrap();
        assert_eq!(samples.scores, vec![0.9, 0.2, 0.5]);
        assert_eq!(samples.positive, vec![true, false, true]);
        assert_eq!(samples.class_names, ["spam".to_string(), "ham".to_string()]);
        let chosen = parse_samples("0.9 spam\n0.2 ham", Some("ham")).unwrap();
        assert_eq!(chosen.positive, vec![false, true]);
        let numeric = parse_samples("0.3\t0\n0.8\t1", None).unwrap();
        assert_eq!(numeric.positive, vec![false, true]);
        assert_eq!(numeric.class_names[0], "positives");
        let truth = parse_samples("0.3,False\n0.8,TRUE", None).unwrap();
        assert_eq!(truth.positive, vec![false, true]);
    }

    #[test]
    fn errors_name_the_line() {
        let message = |text: &str| parse_samples(text, None).unwrap_err().to_string();
        assert_eq!(
            message("0.9,1\n0.8\n"),
            "line 2: expected score,label — found 1 field"
        );
        assert_eq!(
            message("score,label\n0.9,1\nx,0"),
            "line 3: the score 'x' is not a number"
        );
        assert_eq!(
            message("0.9,1\ninf,0"),
            "line 2: the score 'inf' is not a finite number"
        );
        assert_eq!(
            message("1,cat\n2,dog\n3,maybe"),
            "line 3: a third label 'maybe' (the labels so far are 'cat' and 'dog'); a ROC curve needs two classes"
        );
        assert_eq!(
            message(""),
            "no samples: write one score,label pair per line"
        );
        assert!(parse_samples("1,a\n2,b", Some("c")).is_err());
        let error = parse_samples("0.9,1\n0.8\n", None).unwrap_err();
        assert_eq!(error.span(), Some(6..9));
    }

    #[test]
    fn a_single_negative_class_has_no_positive() {
        let samples = parse_samples("0.9,0\n0.8,0", None).unwrap();
        assert_eq!(samples.positive, vec![false, false]);
    }
}
