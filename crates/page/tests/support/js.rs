//! Helpers the browser tests of both wasm modules share (included with `#[path]`).

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

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

/// A `width` × `height` canvas attached to the page, and its 2-D context.
pub fn canvas(width: u32, height: u32) -> (HtmlCanvasElement, CanvasRenderingContext2d) {
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: HtmlCanvasElement = document.create_element("canvas").unwrap().unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    document.body().unwrap().append_child(&canvas).unwrap();
    let context = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .unchecked_into::<CanvasRenderingContext2d>();
    (canvas, context)
}
