//! `labelModel` for JS: majority vote or Dawid–Skene EM over a matrix of votes.

use stepwise::algo::weak_labels::{label_model as combine, LabelOptions};
use stepwise_web::{input_error, options_from};
use wasm_bindgen::prelude::*;

/// `labelModel(votes, { items, sources, classes, method, abstain?, maxIterations?, tolerance?,
/// ties? })` → `{ labels: Int32Array, probabilities: Float64Array, prior: Float64Array,
/// confusion: Float64Array, iterations }`: `votes` is row-major items × sources, each −1
/// (abstain) or a class 0..classes−1; `method` is `"majority"` or `"dawid-skene"` (crowd-kit
/// 1.4.2's `DawidSkene`); `abstain` `"missing"` (default) or `"outcome"`; `ties` (majority)
/// `"abstain"` (default, label −1) or `"lowest"`. `probabilities` is items × classes,
/// `confusion` sources × classes × (classes, or classes + 1 when an abstention is an outcome),
/// empty for majority. Errors name the option or the first offending vote (`votes[7]`); the
/// votes are never modified.
#[wasm_bindgen(
    js_name = labelModel,
    unchecked_return_type = "{ labels: Int32Array, probabilities: Float64Array, prior: Float64Array, confusion: Float64Array, iterations: number }"
)]
pub fn label_model(
    votes: &[i32],
    #[wasm_bindgen(
        unchecked_param_type = "{ items: number, sources: number, classes: number, method: \"majority\" | \"dawid-skene\", abstain?: \"missing\" | \"outcome\", maxIterations?: number, tolerance?: number, ties?: \"abstain\" | \"lowest\" }"
    )]
    options: JsValue,
) -> Result<js_sys::Object, JsValue> {
    let mut options = options_from(options)?;
    let options = LabelOptions::from_kernel_options(&mut options).map_err(input_error)?;
    let model = combine(votes, &options).map_err(input_error)?;
    let result = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&result, &key.into(), value);
    set("labels", &js_sys::Int32Array::from(&model.labels[..]))?;
    set(
        "probabilities",
        &js_sys::Float64Array::from(&model.probabilities[..]),
    )?;
    set("prior", &js_sys::Float64Array::from(&model.prior[..]))?;
    set(
        "confusion",
        &js_sys::Float64Array::from(&model.confusion[..]),
    )?;
    set("iterations", &(model.iterations as f64).into())?;
    Ok(result)
}
