//! ROC samples kept in memory (see [`crate::resident`]): up to [`MAX_ANIMATED_SAMPLES`] from
//! the generator (two unit Gaussian classes d′ apart) or from a CSV file's bytes, swept with no
//! text in between.

use std::any::Any;

use super::{
    binormal_auc, check_animated_count, gaussian_columns, numbered_class_names,
    parse_samples_up_to, CsvLimits, Prepared, Roc, MAX_ANIMATED_SAMPLES, MAX_CSV_FILE_BYTES,
};
use crate::algorithm::Run;
use crate::format::format_fixed;
use crate::input::{InputError, OptionMap};
use crate::resident::{ResidentData, ResidentEntry};
use crate::scene::within;
use crate::trace::{Animation, Timeline};
use crate::value::{Describe, Value};

/// What ROC offers for input kept in memory.
pub const RESIDENT: ResidentEntry = ResidentEntry {
    limits: &[
        ("csvFileBytes", MAX_CSV_FILE_BYTES),
        ("animatedSamples", MAX_ANIMATED_SAMPLES),
    ],
    generate,
    read,
    length: |data| samples(data).map_or(0, |samples| samples.scores.len()),
    text,
    facts,
    animate,
};

/// Samples in memory: scores, 0/1 labels, the classes' names, and the generator's d′ when
/// they were generated.
struct Samples {
    scores: Vec<f64>,
    labels: Vec<u8>,
    class_names: [String; 2],
    separation: Option<f64>,
}

/// The samples behind a handle this module made.
fn samples(data: &dyn Any) -> Option<&Samples> {
    data.downcast_ref::<Samples>()
}

/// The handle's data, or an error (a handle of another algorithm's data).
fn samples_or_error(data: &dyn Any) -> Result<&Samples, InputError> {
    samples(data).ok_or_else(|| InputError::new("this resident input does not hold ROC samples"))
}

/// `size` samples (2 to [`MAX_ANIMATED_SAMPLES`]) from two unit Gaussian classes
/// `options.separation` (d′, within ±10, default 1.5) apart, at full precision; the same seed
/// gives the same samples.
fn generate(size: usize, seed: u64, options: &mut OptionMap) -> Result<ResidentData, InputError> {
    let separation = within(
        options.take_number("separation")?.unwrap_or(1.5),
        -10.0,
        10.0,
    );
    std::mem::take(options).finish(&["separation"])?;
    let size = size.clamp(2, MAX_ANIMATED_SAMPLES);
    let (scores, labels) = gaussian_columns(size, separation, seed);
    Ok(Box::new(Samples {
        scores,
        labels,
        class_names: numbered_class_names(),
        separation: Some(separation),
    }))
}

/// Samples from the bytes of a CSV file (UTF-8, at most [`MAX_CSV_FILE_BYTES`]; the format of
/// the text box); `options.positive` names the positive label when the labels are words. The
/// read stops at the first sample past [`MAX_ANIMATED_SAMPLES`]. Errors name the line.
fn read(bytes: &[u8], options: &mut OptionMap) -> Result<ResidentData, InputError> {
    let positive = options
        .take_text("positive")?
        .filter(|name| !name.is_empty());
    std::mem::take(options).finish(&["positive"])?;
    let text = std::str::from_utf8(bytes).map_err(|error| {
        InputError::new(format!(
            "the file is not UTF-8 text (byte {} is not)",
            error.valid_up_to()
        ))
    })?;
    let limits = CsvLimits {
        bytes: MAX_CSV_FILE_BYTES,
        samples: MAX_ANIMATED_SAMPLES,
    };
    let parsed = parse_samples_up_to(text, positive.as_deref(), limits)?;
    Ok(Box::new(Samples {
        labels: parsed.positive.iter().map(|&flag| u8::from(flag)).collect(),
        scores: parsed.scores,
        class_names: parsed.class_names,
        separation: None,
    }))
}

/// The samples as the text box's CSV (`score,label`, scores to three decimals).
fn text(data: &dyn Any) -> String {
    let Some(samples) = samples(data) else {
        return String::new();
    };
    let mut text = String::from("score,label\n");
    for (&score, &label) in samples.scores.iter().zip(&samples.labels) {
        text.push_str(&format_fixed(score, 3));
        text.push_str(if label == 1 { ",1\n" } else { ",0\n" });
    }
    text
}

/// `{ length, expectedAuc }`: the theory's AUC, Φ(d′/√2), for generated samples (else null).
fn facts(data: &dyn Any) -> Value {
    let Some(samples) = samples(data) else {
        return Value::Null;
    };
    Value::record([
        ("length", samples.scores.len().describe()),
        (
            "expectedAuc",
            samples.separation.map_or(Value::Null, |separation| {
                binormal_auc(separation).describe()
            }),
        ),
    ])
}

/// The sweep of the samples with `options` as for the text input; they are copied once,
/// sorted, so the handle may be freed afterwards.
fn animate(data: &dyn Any, options: &mut OptionMap) -> Result<Box<dyn Animation>, InputError> {
    let samples = samples_or_error(data)?;
    check_animated_count(samples.scores.len())?;
    let options = Roc::parse_options(options)?;
    let input = Prepared::new(
        &samples.scores,
        &samples.labels,
        samples.class_names.clone(),
    )?;
    Ok(Box::new(Timeline::<Roc>::new(input, options)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::OptionValue;

    #[test]
    fn generated_text_is_the_generators_text() {
        let mut options = OptionMap::new().with("separation", OptionValue::Number(1.0));
        let data = generate(50, 7, &mut options).unwrap();
        assert_eq!(
            text(data.as_ref()),
            super::super::gaussian_samples(50, 1.0, 7)
        );
        assert_eq!((RESIDENT.length)(data.as_ref()), 50);
        let expected = facts(data.as_ref()).get("expectedAuc").cloned();
        assert_eq!(expected, Some(Value::Number(binormal_auc(1.0))));
    }

    #[test]
    fn files_are_read_and_swept() {
        let data = read(b"score,label\n0.9,1\n0.2,0\n0.4,1\n", &mut OptionMap::new()).unwrap();
        let animation = animate(data.as_ref(), &mut OptionMap::new()).unwrap();
        assert!(!animation.is_empty());
        let refused = read(&[0xff, 0xfe], &mut OptionMap::new()).unwrap_err();
        assert!(refused.to_string().contains("not UTF-8"), "{refused}");
    }

    #[test]
    fn unknown_options_are_refused() {
        let mut options = OptionMap::new().with("spread", OptionValue::Number(1.0));
        assert!(generate(10, 1, &mut options).is_err());
    }
}
