//! Stepwise's kernels as a JavaScript library, in their own wasm module (`www/pkg-kernels/`).
//!
//! Two ways to call each kernel, both running the same Rust function:
//! - copying functions (`nextGreater(values)`, `summedAreaTable(values, rows, cols)`, …) take
//!   typed arrays and return new ones: simplest for small inputs;
//! - handles (`Matrix`, `Table`, `Values`, `Integers`, and `Samples` for `rocCurve`) keep large
//!   arrays in wasm memory; JS fills and reads them through zero-copy views (the Game of Life
//!   pattern from the Rust and WebAssembly book).
//!
//! `IntegralImage` is the page's image mode: a picture and its table kept in wasm memory. The
//! page loads this module when image mode is first shown; its own module (the `stepwise`
//! crate's `web::page`) leaves all of this out, so none of it counts against the first load.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod handles;
mod image;

pub use handles::{Integers, Matrix, Table, Values};
pub use image::IntegralImage;
mod least_squares;
mod roc;
mod sorting;
mod weak_labels;

pub use least_squares::fit_line;
pub use roc::{binormal_auc, gaussian_scores, roc_curve, Samples};
pub use sorting::{comparison_lower_bound, merge_insertion_sort, sort_values, sorting_network};
pub use weak_labels::label_model;

use stepwise::algo::summed_area::{self, Rect};
use stepwise::algo::{intersection, next_greater, rate_limiter};
use stepwise::input::InputError;
use stepwise_web::{dimension, input_error, options_from, MAX_TABLE_CELLS};
use wasm_bindgen::prelude::*;

/// Installs the panic hook and the number parser when the module loads: a panic is reported,
/// never silent.
#[wasm_bindgen(start)]
pub fn start() {
    stepwise_web::start_module();
}

/// `nextGreater(values, options?)`: for each i the index of the next strictly greater element
/// to the right, −1 where none. Options `{ previous, smaller, circular }` pick the variant;
/// an unknown key is an error.
#[wasm_bindgen(js_name = nextGreater)]
pub fn next_greater(values: &[f64], options: JsValue) -> Result<Vec<i32>, JsValue> {
    let mut options = options_from(options)?;
    let variant = next_greater::Variant::from_options(&mut options).map_err(input_error)?;
    Ok(next_greater::next_greater(values, variant))
}

/// `rateLimit(times, { method, limit, window?, rate? })`: decides every request of a
/// non-decreasing stream of times (seconds) with one of `fixed-window`, `sliding-log`,
/// `sliding-counter`, `token-bucket`, `leaky-queue`. Returns `{ allowed: Uint8Array,
/// release: Float64Array }`: 1 or 0 per request, and when each is let through (its own time,
/// the release time for the leaky queue, NaN when rejected). `window` is required for the
/// three window methods, `rate` for the bucket and the queue; an unknown key, a bad parameter
/// or a NaN, negative or decreasing time is an `Error` naming the option or the index.
#[wasm_bindgen(
    js_name = rateLimit,
    unchecked_return_type = "{ allowed: Uint8Array, release: Float64Array }"
)]
pub fn rate_limit(times: &[f64], options: JsValue) -> Result<js_sys::Object, JsValue> {
    let mut options = options_from(options)?;
    let (method, params) =
        rate_limiter::Params::from_kernel_options(&mut options).map_err(input_error)?;
    rate_limiter::check_times(times).map_err(input_error)?;
    let decisions = rate_limiter::rate_limit(times, method, &params);
    let result = js_sys::Object::new();
    let allowed = js_sys::Uint8Array::from(&decisions.allowed[..]);
    let release = js_sys::Float64Array::from(&decisions.release[..]);
    js_sys::Reflect::set(&result, &"allowed".into(), &allowed)?;
    js_sys::Reflect::set(&result, &"release".into(), &release)?;
    Ok(result)
}

/// `intersect(a, b, mode?)`: the common values of two Int32Arrays, sorted ascending; `mode` is
/// `"multiset"` (default: each common value as often as it is in both) or `"set"`.
#[wasm_bindgen]
pub fn intersect(a: Vec<i32>, b: Vec<i32>, mode: Option<String>) -> Result<Vec<i32>, JsValue> {
    let semantics = match mode.as_deref() {
        None => intersection::Semantics::Multiset,
        Some(name) => intersection::Semantics::from_name(name).map_err(input_error)?,
    };
    Ok(intersection::intersect_owned(a, b, semantics))
}

/// `(rows+1)·(columns+1)`, or `None` past [`MAX_TABLE_CELLS`].
fn table_length(rows: usize, columns: usize) -> Option<usize> {
    rows.checked_add(1)?
        .checked_mul(columns.checked_add(1)?)
        .filter(|&cells| cells <= MAX_TABLE_CELLS)
}

/// Checks that `table` is the `(rows+1) × (columns+1)` table of a `rows` × `columns` matrix.
fn check_table(table: &[f64], rows: usize, columns: usize) -> Result<(), JsValue> {
    let expected = table_length(rows, columns);
    if expected != Some(table.len()) {
        return Err(input_error(InputError::new(format!(
            "the table has {} numbers; a {rows}×{columns} matrix has a table of ({rows}+1)×({columns}+1) = {}",
            table.len(),
            expected.map_or_else(|| "too many".to_string(), |count| count.to_string())
        ))));
    }
    Ok(())
}

/// Reads a JS array `[r0, c0, r1, c1]` as a rectangle inside `rows` × `columns`.
fn rect_from(corners: &[f64], rows: usize, columns: usize, name: &str) -> Result<Rect, JsValue> {
    let corners: [f64; 4] = corners.try_into().map_err(|_| {
        input_error(InputError::new(format!(
            "{name}: expected [r0, c0, r1, c1], got {} numbers",
            corners.len()
        )))
    })?;
    Rect::checked(corners, rows, columns, name).map_err(input_error)
}

/// `summedAreaTable(values, rows, cols)`: the `(rows+1)·(cols+1)` summed-area table, row-major,
/// first row and column zero. Exact for integers while sums stay below 2^53.
#[wasm_bindgen(js_name = summedAreaTable)]
pub fn summed_area_table(values: &[f64], rows: f64, columns: f64) -> Result<Vec<f64>, JsValue> {
    let (rows, columns) = (dimension(rows, "rows")?, dimension(columns, "cols")?);
    if table_length(rows, columns).is_none() {
        return Err(input_error(InputError::new(format!(
            "a {rows}×{columns} matrix needs a table of more than {MAX_TABLE_CELLS} cells"
        ))));
    }
    if rows.checked_mul(columns) != Some(values.len()) {
        return Err(input_error(InputError::new(format!(
            "{} values do not make a {rows}×{columns} matrix ({rows}·{columns} are needed)",
            values.len()
        ))));
    }
    Ok(summed_area::summed_area_table(
        values,
        rows,
        columns,
        &mut (),
    ))
}

/// `rectSum(table, rows, cols, r0, c0, r1, c1)`: the sum of rows r0..=r1, columns c0..=c1.
#[wasm_bindgen(js_name = rectSum)]
#[allow(clippy::too_many_arguments)]
pub fn rect_sum(
    table: &[f64],
    rows: f64,
    columns: f64,
    r0: f64,
    c0: f64,
    r1: f64,
    c1: f64,
) -> Result<f64, JsValue> {
    let (rows, columns) = (dimension(rows, "rows")?, dimension(columns, "cols")?);
    check_table(table, rows, columns)?;
    let rect = rect_from(&[r0, c0, r1, c1], rows, columns, "rectangle")?;
    Ok(summed_area::rect_sum(table, columns, rect))
}

/// `weightedIou(table, rows, cols, a, b)` with `a`, `b` = `[r0, c0, r1, c1]`: sum(A∩B) /
/// (sum(A) + sum(B) − sum(A∩B)); 0 for disjoint rectangles and when the union weighs 0.
#[wasm_bindgen(js_name = weightedIou)]
pub fn weighted_iou(
    table: &[f64],
    rows: f64,
    columns: f64,
    a: &[f64],
    b: &[f64],
) -> Result<f64, JsValue> {
    let (rows, columns) = (dimension(rows, "rows")?, dimension(columns, "cols")?);
    check_table(table, rows, columns)?;
    let a = rect_from(a, rows, columns, "rectangle a")?;
    let b = rect_from(b, rows, columns, "rectangle b")?;
    Ok(summed_area::weighted_iou(table, columns, a, b))
}
