//! Errors carry a kind and the field they are about, so callers route them without reading
//! the message: the page puts a rectangle's error beside the rectangle boxes, an embedder can
//! tell a limit from a typo.
#![cfg(not(target_arch = "wasm32"))]

use stepwise::algo;
use stepwise::algo::roc::roc_curve;
use stepwise::input::{ErrorKind, InputError, OptionMap, OptionValue};

/// Animates `text` with `options` on the registered algorithm `id` and returns its error.
fn error_of(id: &str, text: &str, options: &[(&str, OptionValue)]) -> InputError {
    let mut map = options.iter().fold(OptionMap::new(), |map, (key, value)| {
        map.with(key, value.clone())
    });
    let entry = algo::find(id).unwrap();
    match (entry.animate)(text, &mut map) {
        Ok(_) => panic!("{id}: {text:?} was accepted"),
        Err(error) => error,
    }
}

fn text(word: &str) -> OptionValue {
    OptionValue::Text(word.to_string())
}

#[test]
fn parse_errors_name_their_array_and_place() {
    let error = error_of("intersection", "1 2\n3 x4", &[]);
    assert_eq!(error.kind(), ErrorKind::Parse);
    assert_eq!(error.field(), Some("array b"));
    assert_eq!(error.span(), Some(6..8));
    assert_eq!(error.message(), "array b, item 2: 'x4' is not a number");
    let error = error_of("next-greater", "2 7 oops", &[]);
    assert_eq!((error.kind(), error.field()), (ErrorKind::Parse, None));
}

#[test]
fn rectangle_errors_name_their_option() {
    let matrix = "1 2\n3 4";
    let error = error_of("summed-area", matrix, &[("query", text("0,0,5,5"))]);
    assert_eq!(
        (error.kind(), error.field()),
        (ErrorKind::Invalid, Some("query"))
    );
    let error = error_of(
        "summed-area",
        matrix,
        &[("mode", text("iou")), ("second", text("0,0,1"))],
    );
    assert_eq!(error.field(), Some("second"));
    assert!(error
        .message()
        .starts_with("rectangle B: write four numbers"));
    assert_eq!(error.span(), None, "an option's text is not the input text");
}

#[test]
fn limits_are_limits() {
    let long: String = (0..10_001).map(|value| format!("{value} ")).collect();
    let error = error_of("next-greater", &long, &[]);
    assert_eq!(error.kind(), ErrorKind::Limit);
    let big = format!("a: {}\nb: 1", "1 ".repeat(1_001));
    let error = error_of("intersection", &big, &[]);
    assert_eq!(
        (error.kind(), error.field()),
        (ErrorKind::Limit, Some("array a"))
    );
    let huge = "1 ".repeat(600_000);
    assert_eq!(
        error_of("next-greater", &huge, &[]).kind(),
        ErrorKind::Limit
    );
}

#[test]
fn options_and_algorithms_are_named() {
    let error = error_of("next-greater", "1 2", &[("bogus", OptionValue::Bool(true))]);
    assert_eq!(
        (error.kind(), error.field()),
        (ErrorKind::UnknownOption, Some("bogus"))
    );
    let error = error_of("next-greater", "1 2", &[("method", text("heap"))]);
    assert_eq!(
        (error.kind(), error.field()),
        (ErrorKind::BadOption, Some("method"))
    );
    let error = algo::find("bogo-sort").err().unwrap();
    assert_eq!(error.kind(), ErrorKind::UnknownAlgorithm);
    assert_eq!(error.field(), Some("algorithm"));
    assert_eq!(ErrorKind::UnknownOption.name(), "unknown option");
}

#[test]
fn kernel_errors_name_the_offending_array() {
    let field = |scores: &[f64], labels: &[u8], weights: Option<&[f64]>| {
        roc_curve(scores, labels, weights, false)
            .unwrap_err()
            .field()
            .map(str::to_string)
    };
    assert_eq!(
        field(&[f64::NAN, 0.1], &[1, 0], None).as_deref(),
        Some("scores")
    );
    assert_eq!(field(&[0.2, 0.1], &[1, 3], None).as_deref(), Some("labels"));
    assert_eq!(
        field(&[0.2, 0.1], &[1, 0], Some(&[1.0, -1.0])).as_deref(),
        Some("weights")
    );
    let one_class = roc_curve(&[0.2, 0.1], &[1, 1], None, false).unwrap_err();
    assert_eq!(
        (one_class.kind(), one_class.field()),
        (ErrorKind::Invalid, None)
    );
}

#[test]
fn an_unknown_positive_class_names_its_option() {
    let error = error_of("roc", "0.9,spam\n0.1,ham", &[("positive", text("eggs"))]);
    assert_eq!(error.field(), Some("positive"));
    assert!(error.message().starts_with("the positive class 'eggs'"));
}
