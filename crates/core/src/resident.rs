//! Input kept in wasm memory instead of as text: how an algorithm takes data too big for the
//! text box (a million ROC samples from a file or a generator) without a text round trip.
//!
//! An algorithm that offers it declares a [`ResidentEntry`] in its registry entry; the web
//! crate wraps the data in one generic handle (`Resident` in JS) and animates it through the
//! entry, so nothing outside the algorithm's folder knows what the data is.

use std::any::Any;

use crate::input::{InputError, OptionMap};
use crate::trace::Animation;
use crate::value::Value;

/// Data an algorithm keeps in memory, behind the type-erased handle.
pub type ResidentData = Box<dyn Any>;

/// Animates resident data with options (as an algorithm's text input is animated).
pub type AnimateResident = fn(&dyn Any, &mut OptionMap) -> Result<Box<dyn Animation>, InputError>;

/// What an algorithm offers for input kept in memory. The functions receive only data their
/// own `generate` or `read` made.
#[derive(Clone, Copy)]
pub struct ResidentEntry {
    /// Named limits the page checks before it copies anything (in the catalogue as
    /// `resident.limits`), e.g. the most bytes of a file.
    pub limits: &'static [(&'static str, usize)],
    /// Generated input: about `size` items from `seed`, shaped by `options`.
    pub generate: fn(usize, u64, &mut OptionMap) -> Result<ResidentData, InputError>,
    /// Input read from a file's bytes, with `options`.
    pub read: fn(&[u8], &mut OptionMap) -> Result<ResidentData, InputError>,
    /// How many items the data holds.
    pub length: fn(&dyn Any) -> usize,
    /// The data as the text the text box would hold (for small generated inputs).
    pub text: fn(&dyn Any) -> String,
    /// Facts about the data for the page to show (e.g. what theory expects of a generator).
    pub facts: fn(&dyn Any) -> Value,
    /// The animation of the data with `options` (as for the text input).
    pub animate: AnimateResident,
}

impl ResidentEntry {
    /// Its part of the catalogue: `{ limits: { name: value, … } }`.
    pub fn describe(&self) -> Value {
        let limits = self
            .limits
            .iter()
            .map(|&(name, value)| (name, Value::Number(value as f64)))
            .collect();
        Value::record([("limits", Value::Record(limits))])
    }
}
