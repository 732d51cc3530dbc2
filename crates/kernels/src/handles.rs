//! Handles that keep a kernel's large arrays in wasm memory, read and written in place through
//! zero-copy views.

use crate::{intersect, next_greater, rect_from, table_length};
use stepwise::algo::summed_area;
use stepwise::input::InputError;
use stepwise_web::{address, dimension, input_error, memory_buffer, view_of, MAX_TABLE_CELLS};
use wasm_bindgen::prelude::*;

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

    /// A copy of this matrix, made in wasm memory (one allocation and one memory copy: also the
    /// benchmark's baseline for what any kernel that writes a same-size result must cost).
    #[wasm_bindgen(js_name = clone)]
    pub fn duplicate(&self) -> Matrix {
        Matrix {
            rows: self.rows,
            columns: self.columns,
            values: self.values.clone(),
        }
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

/// Numbers kept in wasm memory for `nextGreater` and `rateLimit`: fill `view()` in place.
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

    /// `rateLimit` of these numbers as request times, exactly as the copying function.
    #[wasm_bindgen(
        js_name = rateLimit,
        unchecked_return_type = "{ allowed: Uint8Array, release: Float64Array }"
    )]
    pub fn rate_limit(&self, options: JsValue) -> Result<js_sys::Object, JsValue> {
        crate::rate_limit(&self.values, options)
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
        intersect(self.values.clone(), other.values.clone(), mode)
    }
}
