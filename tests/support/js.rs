//! Helpers the browser tests of both wasm modules share (included with `#[path]`).

use wasm_bindgen::{JsCast, JsValue};

/// A plain JS object from JSON text, e.g. an options object.
pub fn object(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

/// The message of a JS `Error`, or a description of what arrived instead.
pub fn error_message(value: JsValue) -> String {
    value
        .dyn_into::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .unwrap_or_else(|value| format!("not an Error: {value:?}"))
}
