//! # Stepwise
//!
//! Algorithms animated step by step: each algorithm is written once, in plain Rust, generic
//! over a [`trace::Recorder`]. Run with the no-op recorder `()` it is the fast kernel (exported
//! to JS, benchmarked); run with a [`trace::Trace`] it yields small events. A
//! [`trace::Timeline`] replays those events onto the algorithm's state in O(1) per step in
//! both directions, a view turns the state into a [`scene::Scene`], and a backend paints the
//! scene as SVG ([`render::svg`]) here, or on a canvas in the `stepwise-web` crate.
//!
//! Invariants the whole crate keeps:
//! - this crate has no wasm dependencies: the browser is the web crates' business
//!   (`crates/web`, `crates/page`, `crates/kernels`), so every algorithm, trace and view is
//!   tested with plain `cargo test`;
//! - user input never panics: parsers return [`input::InputError`], which says what and where;
//! - a trace holds at most [`trace::EVENT_CAP`] events; larger runs are refused with a message.
//!
//! ```
//! use stepwise::algo::next_greater::NextGreater;
//! use stepwise::input::OptionMap;
//! use stepwise::trace::Timeline;
//!
//! let mut timeline = Timeline::<NextGreater>::from_text("2 7 3", &mut OptionMap::new()).unwrap();
//! timeline.seek(timeline.len());
//! assert_eq!(timeline.output().indices, vec![1, -1, -1]);
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod algo;
pub mod algorithm;
pub mod format;
pub mod input;
pub mod method;
pub mod number;
pub mod options;
pub mod palette;
pub mod render;
pub mod resident;
pub mod scene;
pub mod sort;
pub mod trace;
pub mod value;
