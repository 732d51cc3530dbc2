//! Next greater element with a monotonic stack, beside the O(n²) scan.
//!
//! For each `a[i]`, the index of the nearest element to its right that is strictly greater
//! (−1 where there is none). The stack method scans once, keeping a stack of indices still
//! waiting for their answer; the arriving element pops every waiting element it beats and
//! becomes their answer. Each index is pushed and popped at most once: O(n) time, O(n) space.
//!
//! **Invariant the animation shows:** the values of the indices on the stack never increase
//! from bottom to top (never decrease, for "smaller"), so the arriving element only ever has
//! to look at the top.
//!
//! Variants: previous instead of next (scan right to left), smaller instead of greater, and a
//! circular array (two laps, pushing only in the first). The scan method checks every later
//! element for every `i`: O(n²) comparisons in the worst case.

mod info;
mod kernel;
mod narrate;
mod question;
mod replay;
mod text;
mod view;

pub use info::{Line, Method, VARIANT_OPTIONS};
pub use kernel::{monotonic_stack, next_greater, scan, Variant};

use crate::algorithm::{AlgorithmInfo, Recorder, Run};
use crate::format::group_digits;
use crate::input::{parse_numbers, InputError, OptionMap, SeededRandom};
use crate::options::read_options;
use crate::value::{Describe, Value};
use info::{METHODS, OPTIONS};

/// The most items the stack method animates.
pub const MAX_ANIMATED_ITEMS: usize = 10_000;

/// The most items the O(n²) scan animates (its trace grows with n²).
pub const MAX_SCAN_ITEMS: usize = 1_000;

/// What the answer row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerKind {
    /// The index of the answer (−1 for none).
    Index,
    /// The value of the answer ("none" for none).
    Value,
}

/// Everything a run of this algorithm can be asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The variant.
    pub variant: Variant,
    /// The method.
    pub method: Method,
    /// Index or value in the answer row.
    pub answer: AnswerKind,
}

/// One step of either method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// The scan moves to `index` (`step` counts laps for circular arrays).
    Visit {
        /// Scan step, `0..n` (or `0..2n` when circular).
        step: usize,
        /// Array index at that step.
        index: usize,
        /// The cursor before, for undo.
        before: Option<(usize, usize)>,
    },
    /// Stack: `a[by]` beats `a[index]` on top of the stack: pop it and answer it with `by`.
    Pop {
        /// The popped index.
        index: usize,
        /// The arriving index that answers it.
        by: usize,
    },
    /// Stack: `a[by]` does not beat the top `a[index]`: stop popping.
    Stop {
        /// The index on top of the stack.
        index: usize,
        /// The arriving index.
        by: usize,
    },
    /// Stack: push `index`; it waits for its answer.
    Push {
        /// The pushed index.
        index: usize,
    },
    /// Scan: `a[candidate]` does not beat `a[index]`; keep looking.
    Miss {
        /// The element looking for its answer.
        index: usize,
        /// The element checked.
        candidate: usize,
    },
    /// Scan: `a[candidate]` beats `a[index]`: it is the answer.
    Found {
        /// The element looking for its answer.
        index: usize,
        /// Its answer.
        candidate: usize,
    },
    /// Scan: nothing beats `a[index]`: its answer is −1.
    Exhausted {
        /// The element with no answer.
        index: usize,
    },
    /// The end: `unresolved` elements have no answer.
    Finish {
        /// How many elements keep −1.
        unresolved: usize,
    },
}

/// What the animation shows at one step.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The input array.
    pub values: Vec<f64>,
    /// The run's options.
    pub options: Options,
    /// Indices waiting for their answer, bottom first (stack method).
    pub stack: Vec<usize>,
    /// The answer index per element, −1 where none is known (yet).
    pub answer: Vec<i32>,
    /// The current scan step and array index.
    pub cursor: Option<(usize, usize)>,
    /// True after the last step.
    pub finished: bool,
    /// Element comparisons so far.
    pub comparisons: u64,
    /// Stack pushes so far.
    pub pushes: u64,
    /// Stack pops so far.
    pub pops: u64,
}

/// The result of a run: answer indices and the values they point at.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// For each element the index of its answer, −1 where there is none.
    pub indices: Vec<i32>,
    /// For each element the value of its answer, `None` (null in JS) where there is none.
    pub values: Vec<Option<f64>>,
}

/// The algorithm as registered: `next-greater`.
pub struct NextGreater;

impl Run for NextGreater {
    type Input = Vec<f64>;

    type Options = Options;

    type Output = Answer;

    type Event = Event;

    const ID: &'static str = info::ID;

    const INFO: AlgorithmInfo = info::INFO;

    fn parse(text: &str, _options: &Options) -> Result<Vec<f64>, InputError> {
        parse_numbers(text, "item")
    }

    fn parse_options(options: &mut OptionMap) -> Result<Options, InputError> {
        let values = read_options(options, OPTIONS, METHODS)?;
        Ok(Options {
            variant: Variant::from_values(&values),
            method: Method::from_id(values.method()).unwrap_or(Method::Stack),
            answer: match values.choice("answer") {
                "value" => AnswerKind::Value,
                _ => AnswerKind::Index,
            },
        })
    }

    fn random_input(size: usize, seed: u64) -> String {
        let size = size.min(MAX_ANIMATED_ITEMS);
        let mut random = SeededRandom::new(seed);
        let high = (size as i64).clamp(9, 99);
        let values: Vec<String> = (0..size)
            .map(|_| random.integer(1, high).to_string())
            .collect();
        values.join(" ")
    }

    fn check_animation_limits(values: &Vec<f64>, options: &Options) -> Result<(), InputError> {
        let (limit, what) = match options.method {
            Method::Stack => (MAX_ANIMATED_ITEMS, "the stack method animates"),
            Method::Scan => (MAX_SCAN_ITEMS, "the O(n²) scan animates"),
        };
        if values.len() > limit {
            return Err(InputError::limit(format!(
                "{} items: {what} at most {} (the kernel nextGreater has no such limit)",
                group_digits(values.len()),
                group_digits(limit)
            )));
        }
        Ok(())
    }

    fn run<R: Recorder<Event>>(values: &Vec<f64>, options: &Options, recorder: &mut R) -> Answer {
        let indices = match options.method {
            Method::Stack => monotonic_stack(values, options.variant, recorder),
            Method::Scan => scan(values, options.variant, recorder),
        };
        let answer_values = indices
            .iter()
            .map(|&index| usize::try_from(index).ok().map(|index| values[index]))
            .collect();
        Answer {
            indices,
            values: answer_values,
        }
    }
}

impl Describe for State {
    fn describe(&self) -> Value {
        let variant = self.options.variant;
        Value::record([
            ("values", self.values.describe()),
            ("stack", self.stack.describe()),
            ("answer", self.answer.describe()),
            ("cursor", self.cursor.map(|(_, index)| index).describe()),
            ("finished", self.finished.describe()),
            ("variant", variant.name().describe()),
            ("circular", variant.circular.describe()),
            ("method", self.options.method.id().describe()),
            ("comparisons", self.comparisons.describe()),
            ("pushes", self.pushes.describe()),
            ("pops", self.pops.describe()),
        ])
    }
}

impl Describe for Answer {
    fn describe(&self) -> Value {
        Value::record([
            ("indices", self.indices.describe()),
            ("values", self.values.describe()),
        ])
    }
}
