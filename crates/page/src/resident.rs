//! [`Resident`]: input kept in wasm memory instead of as text, for the algorithms whose
//! registry entry offers it (see `stepwise::resident`). The handle is generic: the data and
//! what can be done with it come from the algorithm's entry.

use stepwise::input::{ErrorKind, InputError, OptionMap};
use stepwise::resident::{ResidentData, ResidentEntry};
use stepwise::trace::Animation;
use stepwise_web::{input_error, options_from, to_count, to_js, to_seed};
use wasm_bindgen::prelude::*;

/// Input of one algorithm kept in wasm memory: `Resident.generate` or `Resident.read` fill it,
/// `Player.fromResident` animates it.
#[wasm_bindgen]
pub struct Resident {
    entry: ResidentEntry,
    data: ResidentData,
}

/// The resident entry of algorithm `id` in this module, or an error saying it has none.
fn entry_of(id: &str) -> Result<ResidentEntry, InputError> {
    crate::find(id)?.resident.ok_or_else(|| {
        InputError::new(format!(
            "algorithm {} takes no input kept in memory",
            stepwise::format::quote(id)
        ))
        .of_kind(ErrorKind::UnknownAlgorithm)
        .in_field("algorithm")
    })
}

impl Resident {
    /// The animation of the data with `options`.
    pub fn animate(&self, options: &mut OptionMap) -> Result<Box<dyn Animation>, InputError> {
        (self.entry.animate)(self.data.as_ref(), options)
    }
}

#[wasm_bindgen]
impl Resident {
    /// About `size` generated items of algorithm `id` from `seed`, shaped by `options` (the
    /// algorithm's generator options, e.g. ROC's `{ separation }`); the same seed gives the
    /// same data.
    pub fn generate(id: &str, size: f64, seed: f64, options: JsValue) -> Result<Resident, JsValue> {
        let entry = entry_of(id).map_err(input_error)?;
        let mut options = options_from(options)?;
        let data =
            (entry.generate)(to_count(size), to_seed(seed), &mut options).map_err(input_error)?;
        Ok(Resident { entry, data })
    }

    /// Input of algorithm `id` read from a file's bytes, with `options` (e.g. ROC's
    /// `{ positive }`). Errors say what and where (the line).
    pub fn read(id: &str, bytes: &[u8], options: JsValue) -> Result<Resident, JsValue> {
        let entry = entry_of(id).map_err(input_error)?;
        let mut options = options_from(options)?;
        let data = (entry.read)(bytes, &mut options).map_err(input_error)?;
        Ok(Resident { entry, data })
    }

    /// How many items it holds.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        (self.entry.length)(self.data.as_ref())
    }

    /// The data as the text the text box would hold.
    pub fn text(&self) -> String {
        (self.entry.text)(self.data.as_ref())
    }

    /// Facts about the data for the page to show, as a plain object.
    pub fn facts(&self) -> JsValue {
        to_js(&(self.entry.facts)(self.data.as_ref()))
    }
}
