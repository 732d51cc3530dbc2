//! The algorithms, one folder each, and the registry that lists them.
//!
//! Adding an algorithm: implement [`Algorithm`] in a new folder and add one line to
//! [`REGISTRY`]. The page, the player, both backends and the JS API pick it up from there.
//! The contract itself is in [`crate::algorithm`].

pub mod intersection;
pub mod least_squares;
pub mod next_greater;
pub mod rate_limiter;
pub mod roc;
pub mod sorting;
pub mod summed_area;
pub mod weak_labels;

use crate::algorithm::{Algorithm, AlgorithmInfo};
use crate::format::quote;
use crate::input::{ErrorKind, InputError, OptionMap, OptionValue};
use crate::resident::ResidentEntry;
use crate::trace::{animate, Animation};
use crate::value::{Describe, Value};

/// Builds an animation from input text and options.
pub type Animate = fn(&str, &mut OptionMap) -> Result<Box<dyn Animation>, InputError>;

/// One registered algorithm, with its type erased.
#[derive(Clone, Copy)]
pub struct Entry {
    /// What the page shows about it.
    pub info: AlgorithmInfo,
    /// Parses text and options and records the animation.
    pub animate: Animate,
    /// A seeded random input of about the given size, as text.
    pub random_input: fn(usize, u64) -> String,
    /// The pseudocode text of a method (by id; its default variant).
    pub pseudocode: fn(&str) -> Vec<&'static str>,
    /// Input kept in memory instead of text, where the algorithm takes data too big for text.
    pub resident: Option<ResidentEntry>,
    /// A larger gzipped budget for its module than the default (`cargo xtask test` checks
    /// it), with the reason where the entry is registered; `None` for the default.
    pub module_budget: Option<usize>,
}

const fn entry<A: Algorithm>() -> Entry {
    Entry {
        info: A::INFO,
        animate: animate::<A>,
        random_input: A::random_input,
        pseudocode: pseudocode_of::<A>,
        resident: None,
        module_budget: None,
    }
}

/// `entry` that also takes input kept in memory.
const fn with_resident(entry: Entry, resident: ResidentEntry) -> Entry {
    Entry {
        resident: Some(resident),
        ..entry
    }
}

/// `entry` whose module may weigh up to `bytes` gzipped.
const fn with_module_budget(entry: Entry, bytes: usize) -> Entry {
    Entry {
        module_budget: Some(bytes),
        ..entry
    }
}

/// The pseudocode text of `method` with every other option at its default.
fn pseudocode_of<A: Algorithm>(method: &str) -> Vec<&'static str> {
    let mut options = OptionMap::new().with("method", OptionValue::Text(method.to_string()));
    A::parse_options(&mut options)
        .map(|options| {
            A::pseudocode(&options)
                .iter()
                .map(|(_, text)| *text)
                .collect()
        })
        .unwrap_or_default()
}

impl Entry {
    /// Its entry in the catalogue the page and the element read before any algorithm's module
    /// loads (`www/pkg/catalogue.js`, written by `cargo xtask build`): the registry's info,
    /// without the pseudocode (each module's `Player` has it).
    pub fn describe(&self) -> Value {
        let info = &self.info;
        let page = &info.page;
        let methods: Vec<Value> = info
            .methods
            .iter()
            .map(|method| {
                Value::record([
                    ("id", method.id.describe()),
                    ("title", method.title.describe()),
                ])
            })
            .collect();
        Value::record([
            ("id", info.id.describe()),
            ("title", info.title.describe()),
            ("example", info.example.describe()),
            ("methods", Value::List(methods)),
            ("presets", info.presets.describe()),
            ("inputHelp", info.input_help.describe()),
            ("lede", page.lede.describe()),
            ("inputLabel", page.input_label.describe()),
            ("inputRows", page.input_rows.describe()),
            ("randomLabel", page.random_label.describe()),
            ("compareLabel", page.compare_label.describe()),
            ("layout", page.layout.name().describe()),
            ("pointer", page.pointer.name().describe()),
            ("hint", page.hint.describe()),
            ("limits", page.limits.describe()),
            ("notes", page.notes.describe()),
            ("options", page.options.describe()),
            ("widget", page.widget.describe()),
            (
                "resident",
                self.resident
                    .as_ref()
                    .map_or(Value::Null, ResidentEntry::describe),
            ),
        ])
    }
}

/// Every algorithm Stepwise can show, in menu order: the one list to add an algorithm to.
const ENTRIES: [Entry; 8] = [
    entry::<next_greater::NextGreater>(),
    entry::<summed_area::SummedArea>(),
    entry::<intersection::Intersection>(),
    with_resident(entry::<roc::Roc>(), roc::RESIDENT),
    entry::<rate_limiter::RateLimiter>(),
    entry::<sorting::Sorting>(),
    with_resident(
        entry::<least_squares::LeastSquares>(),
        least_squares::RESIDENT,
    ),
    with_module_budget(
        entry::<weak_labels::WeakLabels>(),
        weak_labels::MODULE_BUDGET_BYTES,
    ),
];

/// Every algorithm Stepwise can show, in menu order.
pub static REGISTRY: &[Entry] = &ENTRIES;

/// The entry with this id, found at compile time: a wasm module built for one algorithm
/// (`const ENTRY: Entry = with_id("roc")`) holds that entry's code and no other algorithm's,
/// because only the chosen entry's function pointers survive constant evaluation. An id that
/// is not registered stops the build.
pub const fn with_id(id: &str) -> Entry {
    let mut index = 0;
    while index < ENTRIES.len() {
        if same_text(ENTRIES[index].info.id, id) {
            return ENTRIES[index];
        }
        index += 1;
    }
    panic!("no registered algorithm has this id")
}

/// `a == b`, usable in constant evaluation.
const fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut index = 0;
    while index < a.len() {
        if a[index] != b[index] {
            return false;
        }
        index += 1;
    }
    true
}

/// The registry entry with this id, or an error listing the ids there are.
pub fn find(id: &str) -> Result<&'static Entry, InputError> {
    REGISTRY
        .iter()
        .find(|entry| entry.info.id == id)
        .ok_or_else(|| {
            let known: Vec<&str> = REGISTRY.iter().map(|entry| entry.info.id).collect();
            InputError::new(format!(
                "unknown algorithm {} (known: {})",
                quote(id),
                known.join(", ")
            ))
            .of_kind(ErrorKind::UnknownAlgorithm)
            .in_field("algorithm")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_animates_its_example_and_presets() {
        for entry in REGISTRY {
            let info = entry.info;
            assert!(find(info.id).is_ok());
            for method in info.methods {
                assert!(
                    !(entry.pseudocode)(method.id).is_empty(),
                    "{} {}: no pseudocode",
                    info.id,
                    method.id
                );
            }
            let example = (entry.animate)(info.example, &mut OptionMap::new());
            assert!(example.is_ok(), "{}: example fails", info.id);
            for preset in info.presets {
                let result = (entry.animate)(preset.text, &mut OptionMap::new());
                // A preset may demonstrate a refusal, and says so in its name.
                let demonstrates_error = preset.name.contains("undefined");
                assert_eq!(
                    result.is_ok(),
                    !demonstrates_error,
                    "{}: preset {}",
                    info.id,
                    preset.name
                );
            }
            let random = (entry.random_input)(12, 3);
            assert_eq!(random, (entry.random_input)(12, 3), "seeded inputs repeat");
            assert!((entry.animate)(&random, &mut OptionMap::new()).is_ok());
        }
    }

    #[test]
    fn every_entry_declares_what_the_page_needs() {
        for entry in REGISTRY {
            let info = entry.info;
            let page = info.page;
            assert!(
                crate::options::check_specs(page.options).is_ok(),
                "{}: {:?}",
                info.id,
                crate::options::check_specs(page.options)
            );
            for text in [page.lede, page.input_label, page.random_label, page.limits] {
                assert!(!text.trim().is_empty(), "{}: a page text is empty", info.id);
            }
            assert!(page.input_rows >= 1);
            assert_eq!(
                page.compare_label.is_empty(),
                info.methods.len() < 2,
                "{}: a compare switch exactly when there are other methods",
                info.id
            );
            let ids_are_unique = REGISTRY
                .iter()
                .filter(|other| other.info.id == info.id)
                .count()
                == 1;
            assert!(ids_are_unique, "{} is registered twice", info.id);
        }
    }

    #[test]
    fn unknown_ids_list_the_known_ones() {
        let message = find("bogo-sort").err().unwrap().to_string();
        assert!(message.starts_with("unknown algorithm 'bogo-sort' (known: next-greater"));
    }
}
