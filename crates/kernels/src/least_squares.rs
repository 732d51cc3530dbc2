//! `fitLine` for JS: a constant or a line under the squared, absolute or Huber loss.

use stepwise::algo::least_squares::{fit_line as fit, Loss, Model};
use stepwise::input::InputError;
use stepwise_web::{input_error, options_from};
use wasm_bindgen::prelude::*;

/// `fitLine(x, y, { loss, delta?, model? })` → `{ intercept, slope, objective, logLikelihood,
/// residuals: Float64Array }`: `loss` is `"squared"`, `"absolute"` or `"huber"` (with `delta`,
/// finite and above 0); `model` is `"line"` (default) or `"constant"` (x then empty or as long
/// as y). The log-likelihood is the Gaussian one at σ² = RSS/n (squared), the Laplace one at
/// b = SAD/n (absolute), NaN for Huber, +Infinity when every residual is 0. Errors name the
/// option or the first offending index.
#[wasm_bindgen(
    js_name = fitLine,
    unchecked_return_type = "{ intercept: number, slope: number, objective: number, logLikelihood: number, residuals: Float64Array }"
)]
pub fn fit_line(
    x: &[f64],
    y: &[f64],
    #[wasm_bindgen(
        unchecked_param_type = "{ loss: \"squared\" | \"absolute\" | \"huber\", delta?: number, model?: \"line\" | \"constant\" }"
    )]
    options: JsValue,
) -> Result<js_sys::Object, JsValue> {
    let mut options = options_from(options)?;
    let loss = options.take_text("loss").map_err(input_error)?;
    let delta = options.take_number("delta").map_err(input_error)?;
    let model = options
        .take_choice("model", &["line", "constant"])
        .map_err(input_error)?;
    options
        .finish(&["loss", "delta", "model"])
        .map_err(input_error)?;
    let loss = match loss.as_deref() {
        Some("squared") => Loss::Squared,
        Some("absolute") => Loss::Absolute,
        Some("huber") => Loss::Huber {
            delta: delta.unwrap_or(f64::NAN),
        },
        other => {
            return Err(input_error(
                InputError::new(format!(
                    "option 'loss' must be \"squared\", \"absolute\" or \"huber\", not {}",
                    other.map_or("missing".to_string(), stepwise::format::quote)
                ))
                .in_field("loss"),
            ))
        }
    };
    let model = if model == "constant" {
        Model::Constant
    } else {
        Model::Line
    };
    let fitted = fit(x, y, loss, model).map_err(input_error)?;
    let result = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&result, &key.into(), value);
    set("intercept", &fitted.intercept.into())?;
    set("slope", &fitted.slope.into())?;
    set("objective", &fitted.objective.into())?;
    set("logLikelihood", &fitted.log_likelihood.into())?;
    set(
        "residuals",
        &js_sys::Float64Array::from(&fitted.residuals[..]),
    )?;
    Ok(result)
}
