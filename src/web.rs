//! The JavaScript boundary: the only module with `#[wasm_bindgen]` exports.
//!
//! Large state stays in Rust behind the opaque [`Player`] handle; JS gets small copyable
//! results (strings, numbers, plain objects, typed arrays). Every user-caused failure arrives in
//! JS as an `Error` with a message; a panic is a bug, and is reported by [`start`]'s hook both
//! to the console and to the page (a `stepwise-panic` event on `globalThis`).

use crate::algo::summed_area::{self, Rect};
use crate::algo::{self, intersection, next_greater, roc};
use crate::input::{InputError, OptionMap, OptionValue};
use crate::render::{canvas, svg};
use crate::scene::{within, Frame, Scene, Theme};
use crate::trace::Animation;
use crate::value::{Describe, Value};

use wasm_bindgen::prelude::*;
use web_sys::CanvasRenderingContext2d;

/// Installs the panic hook: console message plus a `stepwise-panic` event for the page's banner.
#[wasm_bindgen(start)]
pub fn start() {
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

/// Turns an [`InputError`] into a JS `Error`; `start`/`end` give the offending text's range.
fn input_error(error: InputError) -> JsValue {
    let js_error = js_sys::Error::new(error.message());
    if let Some(span) = error.span() {
        let _ = js_sys::Reflect::set(&js_error, &"start".into(), &(span.start as f64).into());
        let _ = js_sys::Reflect::set(&js_error, &"end".into(), &(span.end as f64).into());
    }
    js_error.into()
}

/// Turns plain data into plain JS values (records become objects, lists arrays, via
/// serde-wasm-bindgen's JSON-compatible serializer).
fn to_js(value: &Value) -> JsValue {
    serde::Serialize::serialize(value, &serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// Reads an optional options object; `undefined` and `null` mean "all defaults".
fn options_from(value: JsValue) -> Result<OptionMap, JsValue> {
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
            return Err(input_error(InputError::new(format!(
                "option {}: the value must be true/false, a number or a word",
                crate::input::quote(&key)
            ))));
        };
        options = options.with(&key, parsed);
    }
    Ok(options)
}

/// Reads a JS number as a count or position: NaN and negatives are 0, fractions round down.
fn to_count(value: f64) -> usize {
    if value.is_nan() || value <= 0.0 {
        0
    } else if value >= usize::MAX as f64 {
        usize::MAX
    } else {
        value as usize
    }
}

/// Every algorithm: `[{ id, title, pseudocode, example, methods, presets, inputHelp }]`.
#[wasm_bindgen]
pub fn algorithms() -> JsValue {
    let infos: Vec<_> = algo::REGISTRY.iter().map(|entry| entry.info).collect();
    to_js(&infos.describe())
}

/// A random input of about `size` items for algorithm `id`; the same seed gives the same text.
#[wasm_bindgen(js_name = randomInput)]
pub fn random_input(id: &str, size: f64, seed: f64) -> Result<String, JsValue> {
    let entry = algo::find(id).map_err(input_error)?;
    // Seeds are whole numbers up to 2^53 (the integers a JS number holds exactly).
    let seed = if seed.is_finite() && seed > 0.0 {
        seed as u64
    } else {
        0
    };
    Ok((entry.random_input)(to_count(size), seed))
}

/// `nextGreater(values, options?)`: for each i the index of the next strictly greater element
/// to the right, −1 where none. Options `{ previous, smaller, circular }` pick the variant;
/// an unknown key is an error.
#[wasm_bindgen(js_name = nextGreater)]
pub fn next_greater(values: &[f64], options: JsValue) -> Result<Vec<i32>, JsValue> {
    let mut options = options_from(options)?;
    let variant = next_greater::Variant::from_options(&mut options).map_err(input_error)?;
    options
        .finish(next_greater::KERNEL_OPTIONS)
        .map_err(input_error)?;
    Ok(next_greater::next_greater(values, variant))
}

/// `intersect(a, b, mode?)`: the common values of two Int32Arrays, sorted ascending; `mode` is
/// `"multiset"` (default: each common value as often as it is in both) or `"set"`.
#[wasm_bindgen]
pub fn intersect(a: &[i32], b: &[i32], mode: Option<String>) -> Result<Vec<i32>, JsValue> {
    let semantics = match mode.as_deref() {
        None => intersection::Semantics::Multiset,
        Some(name) => intersection::Semantics::from_name(name).map_err(input_error)?,
    };
    Ok(intersection::intersect(a, b, semantics))
}

/// The most cells a summed-area table made through the JS API may have (512 MiB of f64).
const MAX_TABLE_CELLS: usize = 1 << 26;

/// Reads a JS number as a matrix dimension: a whole number from 0 up.
fn dimension(value: f64, name: &str) -> Result<usize, JsValue> {
    if value.is_finite() && value >= 0.0 && value.fract() == 0.0 && value <= MAX_TABLE_CELLS as f64
    {
        Ok(value as usize)
    } else {
        Err(input_error(InputError::new(format!(
            "{name} must be a whole number from 0 to {MAX_TABLE_CELLS}, not {}",
            crate::input::format_number(value)
        ))))
    }
}

/// `(rows+1)·(columns+1)`, or `None` past [`MAX_TABLE_CELLS`].
fn table_length(rows: usize, columns: usize) -> Option<usize> {
    rows.checked_add(1)?
        .checked_mul(columns.checked_add(1)?)
        .filter(|&cells| cells <= MAX_TABLE_CELLS)
}

/// `rocCurve(scores, labels, options?)` → `{ fpr, tpr, thresholds, auc }`: thresholds
/// decreasing from `+Infinity`, a sample predicted positive when `score >= t`, the AUC by the
/// trapezoidal rule. Options: `dropIntermediate` (keep only the corners, as scikit-learn does)
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
                        crate::input::quote(other)
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

/// CSV text of `size` samples from two unit Gaussian classes `separation` (d′) apart.
#[wasm_bindgen(js_name = gaussianScores)]
pub fn gaussian_scores(size: f64, separation: f64, seed: f64) -> String {
    let separation = if separation.is_finite() {
        within(separation, -10.0, 10.0)
    } else {
        0.0
    };
    let seed = if seed.is_finite() && seed > 0.0 {
        seed as u64
    } else {
        0
    };
    roc::gaussian_samples(to_count(size).clamp(2, 100_000), separation, seed)
}

/// The AUC of two unit Gaussian classes d′ apart: Φ(d′/√2).
#[wasm_bindgen(js_name = binormalAuc)]
pub fn binormal_auc(separation: f64) -> f64 {
    roc::binormal_auc(separation)
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

/// A fresh `Float64Array` over `values` where they lie in wasm memory: nothing is copied.
///
/// The view is valid until wasm memory grows (any allocation may grow it): take a new one with
/// `view()` after every call that may allocate, never keep one.
fn view_of(values: &[f64]) -> js_sys::Float64Array {
    js_sys::Float64Array::new_with_byte_offset_and_length(
        &memory_buffer(),
        address(values),
        values.len() as u32,
    )
}

/// The buffer behind wasm memory, for views into it.
fn memory_buffer() -> JsValue {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
}

/// Where `values` start in wasm memory (wasm32 addresses fit in u32; reading a pointer's
/// address is safe code).
fn address<T>(values: &[T]) -> u32 {
    values.as_ptr() as usize as u32
}

/// A matrix that lives in wasm memory: fill it through `view()` and make its summed-area table
/// without copying it in or out (the Game of Life pattern from the Rust and WebAssembly book).
///
/// ```js
/// const m = Matrix.zeros(rows, cols);
/// m.view().set(pixels);          // fill in place
/// const s = m.summedAreaTable(); // a handle again
/// s.rectSum(r0, c0, r1, c1);
/// ```
#[wasm_bindgen]
pub struct Matrix {
    rows: usize,
    columns: usize,
    values: Vec<f64>,
}

#[wasm_bindgen]
impl Matrix {
    /// A `rows` × `cols` matrix of zeros in wasm memory.
    pub fn zeros(rows: f64, columns: f64) -> Result<Matrix, JsValue> {
        let (rows, columns) = (dimension(rows, "rows")?, dimension(columns, "cols")?);
        if table_length(rows, columns).is_none() {
            return Err(input_error(InputError::new(format!(
                "a {rows}×{columns} matrix needs a table of more than {MAX_TABLE_CELLS} cells"
            ))));
        }
        Ok(Matrix {
            rows,
            columns,
            values: vec![0.0; rows * columns],
        })
    }

    /// Number of rows.
    #[wasm_bindgen(getter)]
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Number of columns.
    #[wasm_bindgen(getter)]
    pub fn cols(&self) -> usize {
        self.columns
    }

    /// A fresh view of the values, row-major, in place (valid until wasm memory grows).
    pub fn view(&self) -> js_sys::Float64Array {
        view_of(&self.values)
    }

    /// The summed-area table, as a handle that stays in wasm memory.
    #[wasm_bindgen(js_name = summedAreaTable)]
    pub fn summed_area_table(&self) -> Table {
        Table {
            rows: self.rows,
            columns: self.columns,
            table: summed_area::summed_area_table(&self.values, self.rows, self.columns, &mut ()),
        }
    }
}

/// A summed-area table that lives in wasm memory: O(1) rectangle sums and IoUs without copies.
#[wasm_bindgen]
pub struct Table {
    rows: usize,
    columns: usize,
    table: Vec<f64>,
}

#[wasm_bindgen]
impl Table {
    /// The sum of rows r0..=r1, columns c0..=c1 of the matrix.
    #[wasm_bindgen(js_name = rectSum)]
    pub fn rect_sum(&self, r0: f64, c0: f64, r1: f64, c1: f64) -> Result<f64, JsValue> {
        let rect = rect_from(&[r0, c0, r1, c1], self.rows, self.columns, "rectangle")?;
        Ok(summed_area::rect_sum(&self.table, self.columns, rect))
    }

    /// The weighted IoU of `a` and `b` (`[r0, c0, r1, c1]` each); 0 when the union weighs 0.
    #[wasm_bindgen(js_name = weightedIou)]
    pub fn weighted_iou(&self, a: &[f64], b: &[f64]) -> Result<f64, JsValue> {
        let a = rect_from(a, self.rows, self.columns, "rectangle a")?;
        let b = rect_from(b, self.rows, self.columns, "rectangle b")?;
        Ok(summed_area::weighted_iou(&self.table, self.columns, a, b))
    }

    /// A fresh view of the `(rows+1)·(cols+1)` table in place (valid until memory grows).
    pub fn view(&self) -> js_sys::Float64Array {
        view_of(&self.table)
    }
}

/// Samples for a ROC curve kept in wasm memory: fill `scores()` and `labels()` in place, then
/// call `rocCurve(options?)` without copying the inputs in.
#[wasm_bindgen]
pub struct Samples {
    scores: Vec<f64>,
    labels: Vec<u8>,
}

#[wasm_bindgen]
impl Samples {
    /// `length` samples, all scores 0 and labels 0.
    pub fn zeros(length: f64) -> Result<Samples, JsValue> {
        let length = dimension(length, "length")?;
        Ok(Samples {
            scores: vec![0.0; length],
            labels: vec![0; length],
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

/// Numbers kept in wasm memory for `nextGreater`: fill `view()` in place.
#[wasm_bindgen]
pub struct Values {
    values: Vec<f64>,
}

#[wasm_bindgen]
impl Values {
    /// `length` zeros.
    pub fn zeros(length: f64) -> Result<Values, JsValue> {
        Ok(Values {
            values: vec![0.0; dimension(length, "length")?],
        })
    }

    /// A fresh view of the numbers in place (valid until wasm memory grows).
    pub fn view(&self) -> js_sys::Float64Array {
        view_of(&self.values)
    }

    /// `nextGreater` of these numbers, exactly as the copying function.
    #[wasm_bindgen(js_name = nextGreater)]
    pub fn next_greater(&self, options: JsValue) -> Result<Vec<i32>, JsValue> {
        next_greater(&self.values, options)
    }
}

/// Whole numbers kept in wasm memory for `intersect`: fill `view()` in place.
#[wasm_bindgen]
pub struct Integers {
    values: Vec<i32>,
}

#[wasm_bindgen]
impl Integers {
    /// `length` zeros.
    pub fn zeros(length: f64) -> Result<Integers, JsValue> {
        Ok(Integers {
            values: vec![0; dimension(length, "length")?],
        })
    }

    /// A fresh view of the numbers in place (valid until wasm memory grows).
    pub fn view(&self) -> js_sys::Int32Array {
        js_sys::Int32Array::new_with_byte_offset_and_length(
            &memory_buffer(),
            address(&self.values),
            self.values.len() as u32,
        )
    }

    /// The intersection with `other`, exactly as `intersect(a, b, mode)`.
    pub fn intersect(&self, other: &Integers, mode: Option<String>) -> Result<Vec<i32>, JsValue> {
        intersect(&self.values, &other.values, mode)
    }
}

/// A grayscale image with its summed-area table, filled a band at a time, and a box blur of
/// any radius in O(1) per pixel: the page's image mode.
#[wasm_bindgen]
pub struct IntegralImage {
    image: summed_area::IntegralImage,
}

#[wasm_bindgen]
impl IntegralImage {
    /// The built-in test pattern, `side` × `side` pixels.
    #[wasm_bindgen(js_name = testPattern)]
    pub fn test_pattern(side: usize) -> Result<IntegralImage, JsValue> {
        let side = side.clamp(1, summed_area::MAX_IMAGE_SIDE);
        let image = summed_area::IntegralImage::new(summed_area::test_pattern(side), side, side)
            .map_err(input_error)?;
        Ok(IntegralImage { image })
    }

    /// An image from RGBA bytes (a canvas's `ImageData.data`), turned to grayscale.
    #[wasm_bindgen(js_name = fromRgba)]
    pub fn from_rgba(rgba: &[u8], width: usize, height: usize) -> Result<IntegralImage, JsValue> {
        if width
            .checked_mul(height)
            .and_then(|pixels| pixels.checked_mul(4))
            != Some(rgba.len())
        {
            return Err(input_error(InputError::new(format!(
                "{} bytes are not the RGBA pixels of a {width}×{height} image",
                rgba.len()
            ))));
        }
        let image = summed_area::IntegralImage::new(summed_area::to_grayscale(rgba), height, width)
            .map_err(input_error)?;
        Ok(IntegralImage { image })
    }

    /// Image width in pixels.
    #[wasm_bindgen(getter)]
    pub fn width(&self) -> usize {
        self.image.columns()
    }

    /// Image height in pixels.
    #[wasm_bindgen(getter)]
    pub fn height(&self) -> usize {
        self.image.rows()
    }

    /// Rows of the table filled so far.
    #[wasm_bindgen(getter, js_name = filledRows)]
    pub fn filled_rows(&self) -> usize {
        self.image.filled_rows()
    }

    /// Fills up to `rows` more table rows; false once the table is complete.
    pub fn fill(&mut self, rows: f64) -> bool {
        self.image.fill(to_count(rows))
    }

    /// Empties the table so the fill can be watched again.
    pub fn restart(&mut self) {
        self.image.restart();
    }

    /// Draws the image (blurred with `radius` once the table is filled) beside the table.
    pub fn draw(
        &mut self,
        context: &CanvasRenderingContext2d,
        width: f64,
        height: f64,
        radius: f64,
        theme: &str,
    ) -> Result<(), JsValue> {
        let frame = Frame::new(width, height, Theme::from_name(theme));
        canvas::paint(&self.image.scene(&frame, to_count(radius)), context)
    }
}

/// Panics on purpose, so tests can check that the page reports panics and recovers.
#[wasm_bindgen(js_name = panicForTesting)]
pub fn panic_for_testing() {
    panic!("deliberate panic for testing");
}

/// An animation of one algorithm on one input: step it, seek it, draw it.
#[wasm_bindgen]
pub struct Player {
    animation: Box<dyn Animation>,
    theme: Theme,
    /// The scene on screen when the position last changed: where the transition starts.
    from: Option<Scene>,
    /// The scene drawn last.
    shown: Option<Scene>,
}

impl Player {
    fn moved(&mut self, before: usize) {
        if self.animation.position() != before {
            self.from = self.shown.take().or_else(|| self.from.take());
        }
    }

    fn frame(&self, width: f64, height: f64) -> Frame {
        Frame::new(width, height, self.theme)
    }
}

#[wasm_bindgen]
impl Player {
    /// Parses `text` for algorithm `id` and records the animation; throws an `Error` saying
    /// what is wrong and where. `options` is an optional object (e.g. `{ method: "scan" }`).
    #[wasm_bindgen(constructor)]
    pub fn new(id: &str, text: &str, options: JsValue) -> Result<Player, JsValue> {
        let entry = algo::find(id).map_err(input_error)?;
        let mut options = options_from(options)?;
        let animation = (entry.animate)(text, &mut options).map_err(input_error)?;
        Ok(Player {
            animation,
            theme: Theme::Light,
            from: None,
            shown: None,
        })
    }

    /// The algorithm's id.
    #[wasm_bindgen(getter)]
    pub fn algorithm(&self) -> String {
        self.animation.algorithm_id().to_string()
    }

    /// The number of steps.
    #[wasm_bindgen(getter)]
    pub fn len(&self) -> usize {
        self.animation.len()
    }

    /// True when there are no steps.
    #[wasm_bindgen(js_name = isEmpty)]
    pub fn is_empty(&self) -> bool {
        self.animation.is_empty()
    }

    /// How many steps have been applied (0..=len).
    #[wasm_bindgen(getter)]
    pub fn position(&self) -> usize {
        self.animation.position()
    }

    /// Moves to step `position` (clamped to 0..=len).
    pub fn seek(&mut self, position: f64) {
        let before = self.animation.position();
        self.animation.seek(to_count(position));
        self.moved(before);
    }

    /// One step forward; false at the end.
    pub fn forward(&mut self) -> bool {
        let before = self.animation.position();
        let moved = self.animation.forward();
        self.moved(before);
        moved
    }

    /// One step back; false at the start.
    pub fn back(&mut self) -> bool {
        let before = self.animation.position();
        let moved = self.animation.back();
        self.moved(before);
        moved
    }

    /// One sentence about the current step.
    pub fn narration(&self) -> String {
        self.animation.narration()
    }

    /// The highlighted pseudocode line (0-based), or `undefined` before the first step.
    pub fn line(&self) -> Option<usize> {
        self.animation.line()
    }

    /// The pseudocode of the method this player runs, one string per line.
    pub fn pseudocode(&self) -> Vec<String> {
        self.animation
            .pseudocode()
            .iter()
            .map(|line| line.to_string())
            .collect()
    }

    /// The operation counters: `[{ name, value }]`.
    pub fn counters(&self) -> JsValue {
        to_js(&self.animation.counters().describe())
    }

    /// The algorithm's state at this step, as a plain object.
    pub fn state(&self) -> JsValue {
        to_js(&self.animation.state())
    }

    /// The result of the whole run, as a plain object.
    pub fn result(&self) -> JsValue {
        to_js(&self.animation.result())
    }

    /// Uses the `"light"` or `"dark"` palette from now on.
    #[wasm_bindgen(js_name = setTheme)]
    pub fn set_theme(&mut self, name: &str) {
        self.theme = Theme::from_name(name);
    }

    /// Draws the current step on `context`, `width` × `height` CSS pixels. With `progress` in
    /// 0..1 it draws that far into the transition from the previously shown step.
    pub fn draw(
        &mut self,
        context: &CanvasRenderingContext2d,
        width: f64,
        height: f64,
        progress: Option<f64>,
    ) -> Result<(), JsValue> {
        let target = self.animation.scene(&self.frame(width, height));
        let shown = match (&self.from, progress) {
            (Some(from), Some(progress)) if progress < 1.0 => target.tween(from, progress),
            _ => {
                self.from = None;
                target
            }
        };
        canvas::paint(&shown, context)?;
        self.shown = Some(shown);
        Ok(())
    }

    /// The `[row, column]` of the item under point `(x, y)` (CSS pixels) of a picture drawn
    /// `width` × `height`, or `undefined` where nothing can be picked.
    pub fn locate(&self, x: f64, y: f64, width: f64, height: f64) -> Option<Vec<u32>> {
        self.animation
            .locate(&self.frame(width, height), x, y)
            .map(|(row, column)| vec![row as u32, column as u32])
    }

    /// The current step as a standalone SVG document, `width` × `height` pixels.
    pub fn svg(&self, width: f64, height: f64) -> String {
        svg::to_svg(&self.animation.scene(&self.frame(width, height)))
    }
}
