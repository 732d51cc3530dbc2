//! What every Stepwise wasm module shares at the JavaScript boundary: errors as JS `Error`s
//! with their kind and field, options and typed arrays read from JS, the panic hook and the
//! canvas backend ([`canvas`]).
//!
//! The modules themselves are thin crates on top: `stepwise-page` (the page's and
//! `<stepwise-player>`'s modules, one per algorithm: `Player`, `Resident`) and
//! `stepwise-kernels` (the kernel library and image mode's `IntegralImage`). What this crate
//! exports with `#[wasm_bindgen]` (`panicForTesting`) is in every module; nothing here names
//! an algorithm.
//!
//! Large state stays in Rust behind opaque handles; JS gets small copyable results (strings,
//! numbers, plain objects, typed arrays) or zero-copy views. Every user-caused failure arrives
//! in JS as an `Error` with a message; a panic is a bug, reported by [`install_panic_hook`]'s
//! hook to the console and to the page (a `stepwise-panic` event on `globalThis`).

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod canvas;

use stepwise::input::{ErrorKind, InputError, OptionMap, OptionValue};
use stepwise::value::Value;

use wasm_bindgen::prelude::*;

/// What every module's start function does: installs the panic hook and hands the number
/// parser's rare hard cases to the JS engine (see `stepwise::number`).
pub fn start_module() {
    install_panic_hook();
    stepwise::number::use_slow_parser(js_number);
}

/// An unsigned decimal token's correctly rounded value, read by the JS engine.
fn js_number(token: &str) -> f64 {
    js_sys::Number::parse_float(token)
}

/// Installs the panic hook: console message plus a `stepwise-panic` event for the page's banner.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        announce_panic(&info.to_string());
    }));
}

fn announce_panic(message: &str) {
    let Ok(target) = js_sys::global().dyn_into::<web_sys::EventTarget>() else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&JsValue::from_str(message));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("stepwise-panic", &init) {
        let _ = target.dispatch_event(&event);
    }
}

/// Panics on purpose, so tests can check that a page reports panics and recovers (exported by
/// both wasm modules).
#[wasm_bindgen(js_name = panicForTesting)]
pub fn panic_for_testing() {
    panic!("deliberate panic for testing");
}

/// Turns an [`InputError`] into a JS `Error` with properties for routing it: `kind` (`"parse"`,
/// `"invalid"`, `"limit"`, `"unknown option"`, `"bad option"`, `"unknown algorithm"`), `field`
/// when it is about one input or option (`"array b"`, `"rectangle A"`, `"scores"`, `"method"`),
/// and `start`/`end`, the UTF-8 byte range of the offending text.
pub fn input_error(error: InputError) -> JsValue {
    let js_error = js_sys::Error::new(error.message());
    let _ = js_sys::Reflect::set(&js_error, &"kind".into(), &error.kind().name().into());
    if let Some(field) = error.field() {
        let _ = js_sys::Reflect::set(&js_error, &"field".into(), &field.into());
    }
    if let Some(span) = error.span() {
        let _ = js_sys::Reflect::set(&js_error, &"start".into(), &(span.start as f64).into());
        let _ = js_sys::Reflect::set(&js_error, &"end".into(), &(span.end as f64).into());
    }
    js_error.into()
}

/// Turns plain data into plain JS values (records become objects, lists arrays, via
/// serde-wasm-bindgen's JSON-compatible serializer).
pub fn to_js(value: &Value) -> JsValue {
    serde::Serialize::serialize(value, &serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// Reads an optional options object; `undefined` and `null` mean "all defaults".
pub fn options_from(value: JsValue) -> Result<OptionMap, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(OptionMap::new());
    }
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(input_error(InputError::new(
            "options must be an object such as { circular: true }",
        )));
    }
    // Read by hand rather than through serde: its deserializer costs the wasm kilobytes.
    let mut options = OptionMap::new();
    for entry in js_sys::Object::entries(value.unchecked_ref()).iter() {
        let pair: js_sys::Array = entry.unchecked_into();
        let key = pair.get(0).as_string().unwrap_or_default();
        let item = pair.get(1);
        let parsed = if let Some(flag) = item.as_bool() {
            OptionValue::Bool(flag)
        } else if let Some(number) = item.as_f64() {
            OptionValue::Number(number)
        } else if let Some(word) = item.as_string() {
            OptionValue::Text(word)
        } else {
            return Err(input_error(
                InputError::new(format!(
                    "option {}: the value must be true/false, a number or a word",
                    stepwise::format::quote(&key)
                ))
                .of_kind(ErrorKind::BadOption)
                .in_field(key.as_str()),
            ));
        };
        options = options.with(&key, parsed);
    }
    Ok(options)
}

/// Reads a JS number as a count or position: NaN and negatives are 0, fractions round down.
pub fn to_count(value: f64) -> usize {
    if value.is_nan() || value <= 0.0 {
        0
    } else if value >= usize::MAX as f64 {
        usize::MAX
    } else {
        value as usize
    }
}

/// Reads a JS number as a seed: whole numbers up to 2^53 (the integers a JS number holds
/// exactly); NaN, negatives and infinities are 0.
pub fn to_seed(value: f64) -> u64 {
    if value.is_finite() && value > 0.0 {
        value as u64
    } else {
        0
    }
}

/// The most items a handle made through the JS API may hold (2^26: 512 MiB of f64).
pub const MAX_TABLE_CELLS: usize = 1 << 26;

/// Reads a JS number as a length or matrix dimension: a whole number from 0 to
/// [`MAX_TABLE_CELLS`].
pub fn dimension(value: f64, name: &str) -> Result<usize, JsValue> {
    if value.is_finite() && value >= 0.0 && value.fract() == 0.0 && value <= MAX_TABLE_CELLS as f64
    {
        Ok(value as usize)
    } else {
        Err(input_error(InputError::new(format!(
            "{name} must be a whole number from 0 to {MAX_TABLE_CELLS}, not {}",
            stepwise::format::format_number(value)
        ))))
    }
}

/// A fresh `Float64Array` over `values` where they lie in wasm memory: nothing is copied.
///
/// The view is valid until wasm memory grows (any allocation may grow it): take a new one with
/// `view()` after every call that may allocate, never keep one.
pub fn view_of(values: &[f64]) -> js_sys::Float64Array {
    js_sys::Float64Array::new_with_byte_offset_and_length(
        &memory_buffer(),
        address(values),
        values.len() as u32,
    )
}

/// The buffer behind wasm memory, for views into it.
pub fn memory_buffer() -> JsValue {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
}

/// Where `values` start in wasm memory (wasm32 addresses fit in u32; reading a pointer's
/// address is safe code).
pub fn address<T>(values: &[T]) -> u32 {
    values.as_ptr() as usize as u32
}
