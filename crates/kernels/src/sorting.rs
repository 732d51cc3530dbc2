//! The sorting kernels for JS: `sortingNetwork`, `mergeInsertionSort`, `comparisonLowerBound`
//! and `sortValues`. Numbers arrive as `f64` and are checked here (a `u32` parameter would turn
//! 1.5 into 1 and −1 into 4294967295 before any check could see them).

use stepwise::algo::sorting::{self, NetworkKind, Values};
use stepwise::input::InputError;
use stepwise_web::input_error;
use wasm_bindgen::prelude::*;

/// `value` as a whole number in `0..=max`, or an error naming `name`.
fn whole_number(value: &JsValue, name: &str, max: usize) -> Result<usize, JsValue> {
    let number = value.as_f64().filter(|number| {
        number.is_finite() && number.fract() == 0.0 && *number >= 0.0 && *number <= max as f64
    });
    number.map(|number| number as usize).ok_or_else(|| {
        let shown = value
            .as_f64()
            .map(stepwise::format::format_number)
            .unwrap_or_else(|| value.js_typeof().as_string().unwrap_or_default());
        input_error(
            InputError::new(format!(
                "{name} must be a whole number from 0 to {max}, not {shown}"
            ))
            .in_field(name),
        )
    })
}

/// `sortingNetwork(n, kind)` → `{ comparators: Uint32Array, layers: Uint32Array, depth }`:
/// Batcher's `"odd-even-merge"` or `"bitonic"` network for `n` wires (0 to 65,536), built on
/// the next power of two with the comparators past `n` removed. Comparator c joins wires
/// `comparators[2c] < comparators[2c+1]` and puts the minimum on the first; `layers[c]` is its
/// parallel round.
#[wasm_bindgen(
    js_name = sortingNetwork,
    unchecked_return_type = "{ comparators: Uint32Array, layers: Uint32Array, depth: number }"
)]
pub fn sorting_network(
    #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
    #[wasm_bindgen(unchecked_param_type = "\"odd-even-merge\" | \"bitonic\"")] kind: JsValue,
) -> Result<js_sys::Object, JsValue> {
    let wires = whole_number(&n, "n", sorting::MAX_NETWORK_WIRES)?;
    let name = kind.as_string().unwrap_or_default();
    let kind = NetworkKind::from_name(&name).map_err(input_error)?;
    let network = sorting::sorting_network(wires, kind).map_err(input_error)?;
    let result = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&result, &key.into(), value);
    set(
        "comparators",
        &js_sys::Uint32Array::from(&network.comparators[..]),
    )?;
    set("layers", &js_sys::Uint32Array::from(&network.layers[..]))?;
    set("depth", &f64::from(network.depth).into())?;
    Ok(result)
}

/// `mergeInsertionSort(values)` → `{ sorted: Float64Array, comparisons }`: Ford–Johnson merge
/// insertion (at most 1,000,000 values; NaN is an error naming its index); its worst case is
/// Σ⌈log2(3k/4)⌉ comparisons (OEIS A001768).
#[wasm_bindgen(
    js_name = mergeInsertionSort,
    unchecked_return_type = "{ sorted: Float64Array, comparisons: number }"
)]
pub fn merge_insertion_sort(values: &[f64]) -> Result<js_sys::Object, JsValue> {
    let (sorted, comparisons) = sorting::merge_insertion_sort(values).map_err(input_error)?;
    let result = js_sys::Object::new();
    js_sys::Reflect::set(
        &result,
        &"sorted".into(),
        &js_sys::Float64Array::from(&sorted[..]),
    )?;
    js_sys::Reflect::set(&result, &"comparisons".into(), &(comparisons as f64).into())?;
    Ok(result)
}

/// `comparisonLowerBound(n)` → ⌈log2 n!⌉ for a whole n from 0 to 20,000: the comparisons every
/// comparison sort needs in the worst case.
#[wasm_bindgen(js_name = comparisonLowerBound)]
pub fn comparison_lower_bound(
    #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
) -> Result<f64, JsValue> {
    let n = whole_number(&n, "n", sorting::MAX_LOWER_BOUND_N)?;
    let bound = sorting::comparison_lower_bound(n).map_err(input_error)?;
    Ok(bound as f64)
}

/// `sortValues(values)` → a new array of the same type (`Float64Array`, `Int32Array` or
/// `Uint32Array`), ascending, by the stable LSD radix / counting sort (no comparisons on large
/// inputs); for floats −0 before +0, and NaN an error naming its index.
#[wasm_bindgen(js_name = sortValues)]
pub fn sort_values(
    #[wasm_bindgen(unchecked_param_type = "Float64Array | Int32Array | Uint32Array")]
    values: JsValue,
) -> Result<JsValue, JsValue> {
    let typed = if let Some(array) = values.dyn_ref::<js_sys::Float64Array>() {
        Values::Float(array.to_vec())
    } else if let Some(array) = values.dyn_ref::<js_sys::Int32Array>() {
        Values::Int(array.to_vec())
    } else if let Some(array) = values.dyn_ref::<js_sys::Uint32Array>() {
        Values::Unsigned(array.to_vec())
    } else {
        return Err(input_error(
            InputError::new("values must be a Float64Array, an Int32Array or a Uint32Array")
                .in_field("values"),
        ));
    };
    Ok(match sorting::sort_values(typed).map_err(input_error)? {
        Values::Float(sorted) => js_sys::Float64Array::from(&sorted[..]).into(),
        Values::Int(sorted) => js_sys::Int32Array::from(&sorted[..]).into(),
        Values::Unsigned(sorted) => js_sys::Uint32Array::from(&sorted[..]).into(),
    })
}
