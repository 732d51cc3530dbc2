//! The `rocCurve` kernel and ROC samples kept in wasm memory (`Samples`), for JS users of the
//! kernel library. (The page's modules animate big sample sets through the generic
//! `Resident` handle and ROC's resident entry instead.)

use stepwise::algo::roc;
use stepwise::input::InputError;
use stepwise::scene::within;
use stepwise_web::{address, dimension, input_error, memory_buffer, to_count, to_seed, view_of};

use wasm_bindgen::prelude::*;

/// `rocCurve(scores, labels, options?)` → `{ fpr, tpr, thresholds, auc }`: thresholds
/// decreasing from `+Infinity`, a sample predicted positive when `score >= t`, the AUC by the
/// trapezoidal rule. Options: `dropIntermediate` (keep the points scikit-learn keeps)
/// and `weights` (non-negative, one per sample). Errors name the first offending index.
#[wasm_bindgen(js_name = rocCurve)]
pub fn roc_curve(scores: &[f64], labels: &[u8], options: JsValue) -> Result<JsValue, JsValue> {
    let mut drop_intermediate = false;
    let mut weights: Option<Vec<f64>> = None;
    if !(options.is_undefined() || options.is_null()) {
        if !options.is_object() {
            return Err(input_error(InputError::new(
                "options must be an object such as { dropIntermediate: true }",
            )));
        }
        for entry in js_sys::Object::entries(options.unchecked_ref()).iter() {
            let pair: js_sys::Array = entry.unchecked_into();
            let key = pair.get(0).as_string().unwrap_or_default();
            let value = pair.get(1);
            match key.as_str() {
                "dropIntermediate" => {
                    drop_intermediate = value.as_bool().ok_or_else(|| {
                        input_error(InputError::new(
                            "option 'dropIntermediate' must be true or false",
                        ))
                    })?;
                }
                "weights" => {
                    let array = value.dyn_into::<js_sys::Float64Array>().map_err(|_| {
                        input_error(InputError::new("option 'weights' must be a Float64Array"))
                    })?;
                    weights = Some(array.to_vec());
                }
                other => {
                    return Err(input_error(InputError::new(format!(
                        "unknown option {} (known options: dropIntermediate, weights)",
                        stepwise::format::quote(other)
                    ))))
                }
            }
        }
    }
    let curve = roc::roc_curve(scores, labels, weights.as_deref(), drop_intermediate)
        .map_err(input_error)?;
    let result = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&result, &key.into(), value);
    set(
        "fpr",
        &js_sys::Float64Array::from(curve.fpr.as_slice()).into(),
    )?;
    set(
        "tpr",
        &js_sys::Float64Array::from(curve.tpr.as_slice()).into(),
    )?;
    set(
        "thresholds",
        &js_sys::Float64Array::from(curve.thresholds.as_slice()).into(),
    )?;
    set("auc", &curve.auc.into())?;
    Ok(result.into())
}

/// The most samples `gaussianScores` writes as text.
const MAX_GENERATED_TEXT_SAMPLES: usize = 100_000;

/// Reads the generator's d′ (within ±10; NaN is 0) and seed.
fn generator_settings(separation: f64, seed: f64) -> (f64, u64) {
    let separation = if separation.is_finite() {
        within(separation, -10.0, 10.0)
    } else {
        0.0
    };
    (separation, to_seed(seed))
}

/// CSV text of `size` samples (2 to 100,000) from two unit Gaussian classes `separation` (d′)
/// apart, scores to three decimals.
#[wasm_bindgen(js_name = gaussianScores)]
pub fn gaussian_scores(size: f64, separation: f64, seed: f64) -> String {
    let (separation, seed) = generator_settings(separation, seed);
    let size = to_count(size).clamp(2, MAX_GENERATED_TEXT_SAMPLES);
    roc::gaussian_samples(size, separation, seed)
}

/// The AUC of two unit Gaussian classes d′ apart: Φ(d′/√2).
#[wasm_bindgen(js_name = binormalAuc)]
pub fn binormal_auc(separation: f64) -> f64 {
    roc::binormal_auc(separation)
}

/// Samples for a ROC curve kept in wasm memory: fill `scores()` and `labels()` in place, then
/// call `rocCurve(options?)` without copying the inputs in.
///
/// `Samples.gaussian` and `Samples.fromCsv` fill it without any text box.
#[wasm_bindgen]
pub struct Samples {
    scores: Vec<f64>,
    labels: Vec<u8>,
    class_names: [String; 2],
}

impl Samples {
    /// The scores, in place.
    pub fn score_values(&self) -> &[f64] {
        &self.scores
    }

    /// The 0/1 labels, in place.
    pub fn label_values(&self) -> &[u8] {
        &self.labels
    }

    /// How the two classes are called (from the CSV's labels, else "positives"/"negatives").
    pub fn class_names(&self) -> &[String; 2] {
        &self.class_names
    }
}

/// Filling and reading the samples in place, and the curve.
#[wasm_bindgen]
impl Samples {
    /// `length` samples, all scores 0 and labels 0.
    pub fn zeros(length: f64) -> Result<Samples, JsValue> {
        let length = dimension(length, "length")?;
        Ok(Samples {
            scores: vec![0.0; length],
            labels: vec![0; length],
            class_names: roc::numbered_class_names(),
        })
    }

    /// A fresh view of the scores in place (valid until wasm memory grows).
    pub fn scores(&self) -> js_sys::Float64Array {
        view_of(&self.scores)
    }

    /// A fresh view of the 0/1 labels in place (valid until wasm memory grows).
    pub fn labels(&self) -> js_sys::Uint8Array {
        js_sys::Uint8Array::new_with_byte_offset_and_length(
            &memory_buffer(),
            address(&self.labels),
            self.labels.len() as u32,
        )
    }

    /// The ROC curve of these samples, exactly as `rocCurve(scores, labels, options)`.
    #[wasm_bindgen(js_name = rocCurve)]
    pub fn roc_curve(&self, options: JsValue) -> Result<JsValue, JsValue> {
        roc_curve(&self.scores, &self.labels, options)
    }
}

#[wasm_bindgen]
impl Samples {
    /// `size` samples (at least 2) from two unit Gaussian classes `separation` (d′) apart,
    /// generated in wasm memory at full precision: the same seed gives the same samples.
    pub fn gaussian(size: f64, separation: f64, seed: f64) -> Result<Samples, JsValue> {
        let size = dimension(size, "size")?.max(2);
        let (separation, seed) = generator_settings(separation, seed);
        let (scores, labels) = roc::gaussian_columns(size, separation, seed);
        Ok(Samples {
            scores,
            labels,
            class_names: roc::numbered_class_names(),
        })
    }

    /// Samples from the bytes of a CSV file (UTF-8, at most 64 MiB; the format of the page's
    /// text box); `positive` names the positive label when the labels are words, and
    /// `maxSamples` (optional) stops the read at the first sample past it. Errors name the line.
    #[wasm_bindgen(js_name = fromCsv)]
    pub fn from_csv(
        bytes: &[u8],
        positive: Option<String>,
        max_samples: Option<f64>,
    ) -> Result<Samples, JsValue> {
        let text = std::str::from_utf8(bytes).map_err(|error| {
            input_error(InputError::new(format!(
                "the file is not UTF-8 text (byte {} is not)",
                error.valid_up_to()
            )))
        })?;
        let positive = positive.filter(|name| !name.is_empty());
        let limits = roc::CsvLimits {
            bytes: roc::MAX_CSV_FILE_BYTES,
            samples: max_samples.map_or(usize::MAX, to_count),
        };
        let parsed =
            roc::parse_samples_up_to(text, positive.as_deref(), limits).map_err(input_error)?;
        Ok(Samples {
            labels: parsed.positive.iter().map(|&flag| u8::from(flag)).collect(),
            scores: parsed.scores,
            class_names: parsed.class_names,
        })
    }

    /// The number of samples.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.scores.len()
    }
}
