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

mod narrate;
mod question;
mod replay;
mod view;

use crate::algorithm::{
    AlgorithmInfo, Counter, Layout, PageInfo, Pointer, Preset, Pseudocode, Question, Recorder, Run,
};
use crate::format::format_number;
use crate::format::group_digits;
use crate::input::{parse_numbers, InputError, OptionMap, SeededRandom};
use crate::method::methods;
use crate::options::{read_options, Choice, OnChange, OptionKind, OptionSpec, OptionValues};
use crate::value::{Describe, Value};

/// The most items the stack method animates.
pub const MAX_ANIMATED_ITEMS: usize = 10_000;

/// The most items the O(n²) scan animates (its trace grows with n²).
pub const MAX_SCAN_ITEMS: usize = 1_000;

/// Which neighbour each element looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Variant {
    /// Look to the left (previous) instead of to the right (next).
    pub previous: bool,
    /// Look for a strictly smaller element instead of a strictly greater one.
    pub smaller: bool,
    /// Treat the array as circular: the search wraps around once.
    pub circular: bool,
}

impl Variant {
    /// True when `candidate` is an answer for `value` ("strictly greater", or smaller).
    #[inline(always)]
    pub fn beats(self, candidate: f64, value: f64) -> bool {
        if self.smaller {
            candidate < value
        } else {
            candidate > value
        }
    }

    /// The array index visited at `position` (0..n) of a lap over an array of `length`.
    #[inline(always)]
    fn index_at(self, position: usize, length: usize) -> usize {
        if self.previous {
            length - 1 - position
        } else {
            position
        }
    }

    /// How many laps the scan takes: two for a circular array.
    fn laps(self) -> usize {
        if self.circular {
            2
        } else {
            1
        }
    }

    /// "next greater", "previous smaller", ... for sentences.
    pub fn name(self) -> &'static str {
        match (self.previous, self.smaller) {
            (false, false) => "next greater",
            (false, true) => "next smaller",
            (true, false) => "previous greater",
            (true, true) => "previous smaller",
        }
    }

    /// The comparison sign for "beats", for narration.
    fn symbol(self) -> &'static str {
        if self.smaller {
            "<"
        } else {
            ">"
        }
    }

    /// The opposite comparison, for "does not beat".
    fn not_symbol(self) -> &'static str {
        if self.smaller {
            "≥"
        } else {
            "≤"
        }
    }

    /// The variant that read options describe.
    pub fn from_values(values: &OptionValues) -> Variant {
        Variant {
            previous: values.flag("previous"),
            smaller: values.flag("smaller"),
            circular: values.flag("circular"),
        }
    }

    /// Reads the kernel's options (`previous`, `smaller`, `circular`; nothing else).
    pub fn from_options(options: &mut OptionMap) -> Result<Variant, InputError> {
        read_options(options, VARIANT_OPTIONS, &[]).map(|values| Variant::from_values(&values))
    }
}

/// The kernel's options: which neighbour to find.
pub const VARIANT_OPTIONS: &[OptionSpec] = &[
    OptionSpec::new(
        "previous",
        "Look",
        OptionKind::Switch {
            off: "to the right (next)",
            on: "to the left (previous)",
        },
    ),
    OptionSpec::new(
        "smaller",
        "For",
        OptionKind::Switch {
            off: "greater",
            on: "smaller",
        },
    ),
    OptionSpec::new(
        "circular",
        "Circular array (wrap around once)",
        OptionKind::Flag,
    ),
];

/// The animation's options: the kernel's, and how the answer is written.
const OPTIONS: &[OptionSpec] = &[
    VARIANT_OPTIONS[0],
    VARIANT_OPTIONS[1],
    OptionSpec::new(
        "answer",
        "Answer shows",
        OptionKind::Choice(&[
            Choice {
                value: "index",
                label: "index (−1 if none)",
            },
            Choice {
                value: "value",
                label: "value",
            },
        ]),
    )
    .on_change(OnChange::KeepStep),
    VARIANT_OPTIONS[2],
];

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

/// The kernel: next greater element (or a variant) of every element, with a monotonic stack.
///
/// Returns for each index the index of its answer, −1 where there is none. NaN is never
/// greater or smaller than anything, so a NaN neither answers nor gets an answer.
///
/// ```
/// use stepwise::algo::next_greater::{next_greater, Variant};
/// let answer = next_greater(&[2.0, 7.0, 3.0, 5.0, 4.0, 6.0, 8.0], Variant::default());
/// assert_eq!(answer, vec![1, 6, 3, 5, 5, 6, -1]);
/// ```
pub fn next_greater(values: &[f64], variant: Variant) -> Vec<i32> {
    if variant.circular {
        return monotonic_stack(values, variant, &mut ());
    }
    // The sentinel at the bottom of the stack: a value nothing beats.
    match variant.smaller {
        false => stack_kernel(
            values,
            variant.previous,
            f64::INFINITY,
            |candidate, value| candidate > value,
        ),
        true => stack_kernel(
            values,
            variant.previous,
            f64::NEG_INFINITY,
            |candidate, value| candidate < value,
        ),
    }
}

/// The monotonic stack without events, for one lap: the comparison is a closure the compiler
/// inlines (no variant test per comparison); the top of the stack (value and index) lives in
/// registers, with `sentinel` — a value nothing beats — under the first item, so the loop
/// that pops needs no emptiness test and never reads `values` out of order.
fn stack_kernel(
    values: &[f64],
    previous: bool,
    sentinel: f64,
    beats: impl Fn(f64, f64) -> bool,
) -> Vec<i32> {
    let length = values.len();
    let mut answer = vec![-1; length];
    let bottom = (sentinel, u32::MAX);
    let mut below: Vec<(f64, u32)> = Vec::with_capacity(length.min(1 << 16));
    let (mut top_value, mut top) = bottom;
    for position in 0..length {
        let index = if previous {
            length - 1 - position
        } else {
            position
        };
        let arriving = values[index];
        // NaN beats nothing and nothing beats it: it neither waits nor answers.
        if arriving.is_nan() {
            continue;
        }
        while beats(arriving, top_value) {
            answer[top as usize] = index as i32;
            (top_value, top) = below.pop().unwrap_or(bottom);
        }
        below.push((top_value, top));
        (top_value, top) = (arriving, index as u32);
    }
    answer
}

/// The monotonic-stack method, reporting every step to `recorder`.
pub fn monotonic_stack<R: Recorder<Event>>(
    values: &[f64],
    variant: Variant,
    recorder: &mut R,
) -> Vec<i32> {
    let length = values.len();
    let mut answer = vec![-1; length];
    let mut stack: Vec<usize> = Vec::with_capacity(64);
    let mut cursor = None;
    // Laps and positions instead of `step % length`: a division per element costs more than
    // the rest of the loop.
    for lap in 0..variant.laps() {
        for position in 0..length {
            let index = variant.index_at(position, length);
            let step = lap * length + position;
            recorder.record(|| Event::Visit {
                step,
                index,
                before: cursor,
            });
            cursor = Some((step, index));
            let arriving = values[index];
            if arriving.is_nan() {
                // NaN can neither answer nor be answered; on the stack it would shield others.
                continue;
            }
            while let Some(&top) = stack.last() {
                if !variant.beats(arriving, values[top]) {
                    recorder.record(|| Event::Stop {
                        index: top,
                        by: index,
                    });
                    break;
                }
                stack.pop();
                answer[top] = index as i32;
                recorder.record(|| Event::Pop {
                    index: top,
                    by: index,
                });
            }
            if lap == 0 {
                stack.push(index);
                recorder.record(|| Event::Push { index });
            }
        }
    }
    if length > 0 {
        recorder.record(|| Event::Finish {
            unresolved: stack.len(),
        });
    }
    answer
}

/// The O(n²) method: for every element, check the others in scan order until one beats it.
pub fn scan<R: Recorder<Event>>(values: &[f64], variant: Variant, recorder: &mut R) -> Vec<i32> {
    let length = values.len();
    let mut answer = vec![-1; length];
    let mut cursor = None;
    for step in 0..length {
        let index = variant.index_at(step, length);
        recorder.record(|| Event::Visit {
            step,
            index,
            before: cursor,
        });
        cursor = Some((step, index));
        let candidates = if variant.circular {
            length - 1
        } else {
            length - 1 - step
        };
        let mut found = false;
        for distance in 1..=candidates {
            // Wraps only for circular arrays, where `candidates` lets it pass the end.
            let lap_position = step + distance;
            let lap_position = if lap_position >= length {
                lap_position - length
            } else {
                lap_position
            };
            let candidate = variant.index_at(lap_position, length);
            if variant.beats(values[candidate], values[index]) {
                answer[index] = candidate as i32;
                recorder.record(|| Event::Found { index, candidate });
                found = true;
                break;
            }
            recorder.record(|| Event::Miss { index, candidate });
        }
        if !found {
            recorder.record(|| Event::Exhausted { index });
        }
    }
    if length > 0 {
        let unresolved = answer.iter().filter(|&&found| found < 0).count();
        recorder.record(|| Event::Finish { unresolved });
    }
    answer
}

/// The lines of both methods' pseudocode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// The outer loop over the items.
    EachItem,
    /// Stack: the arriving item against the top.
    WhileBeats,
    /// Stack: the top is answered and popped.
    Pop,
    /// Stack: the item waits.
    Push,
    /// Stack: what is left has no answer.
    LeftOver,
    /// Scan: the inner loop over later items.
    EachLater,
    /// Scan: a later item against the current one.
    Beats,
    /// Scan: the answer is found.
    Found,
    /// Scan: no later item beats it.
    NoneFound,
}

const STACK_PSEUDOCODE_GREATER: Pseudocode<Line> = &[
    (Line::EachItem, "for i in scan order:"),
    (Line::WhileBeats, "  while stack and a[i] > a[top]:"),
    (Line::Pop, "    answer[top] = i; pop"),
    (Line::Push, "  push i"),
    (Line::LeftOver, "left on stack: answer = -1"),
];

const STACK_PSEUDOCODE_SMALLER: Pseudocode<Line> = &[
    (Line::EachItem, "for i in scan order:"),
    (Line::WhileBeats, "  while stack and a[i] < a[top]:"),
    (Line::Pop, "    answer[top] = i; pop"),
    (Line::Push, "  push i"),
    (Line::LeftOver, "left on stack: answer = -1"),
];

const SCAN_PSEUDOCODE_GREATER: Pseudocode<Line> = &[
    (Line::EachItem, "for i in scan order:"),
    (Line::EachLater, "  for j after i in scan order:"),
    (Line::Beats, "    if a[j] > a[i]:"),
    (Line::Found, "      answer[i] = j; break"),
    (Line::NoneFound, "  none found: answer[i] = -1"),
];

const SCAN_PSEUDOCODE_SMALLER: Pseudocode<Line> = &[
    (Line::EachItem, "for i in scan order:"),
    (Line::EachLater, "  for j after i in scan order:"),
    (Line::Beats, "    if a[j] < a[i]:"),
    (Line::Found, "      answer[i] = j; break"),
    (Line::NoneFound, "  none found: answer[i] = -1"),
];

methods! {
    /// Which method to animate.
    pub enum Method {
        /// The monotonic stack, O(n).
        Stack => "stack", "Monotonic stack · O(n)";
        /// The scan of every later element, O(n²).
        Scan => "scan", "Scan every later element · O(n²)";
    }
    /// The methods, the first the default (declared apart from `INFO` so that reading options
    /// does not copy the whole page description into the wasm a second time).
    const METHODS;
}

/// The algorithm as registered: `next-greater`.
pub struct NextGreater;

impl NextGreater {
    fn describe(values: &[f64], index: usize) -> String {
        format!("a[{index}]={}", format_number(values[index]))
    }

    fn answer_text(state: &State, answer: usize) -> String {
        match state.options.answer {
            AnswerKind::Index => answer.to_string(),
            AnswerKind::Value => format_number(state.values[answer]),
        }
    }
}

impl Run for NextGreater {
    type Input = Vec<f64>;

    type Options = Options;

    type Output = Answer;

    type Event = Event;

    const ID: &'static str = "next-greater";

    const INFO: AlgorithmInfo = AlgorithmInfo {
        id: Self::ID,
        title: "Next greater element",
        example: "2 7 3 5 4 6 8",
        methods: METHODS,
        presets: &[
            Preset {
                name: "Interview example",
                text: "2 7 3 5 4 6 8",
            },
            Preset {
                name: "Increasing",
                text: "1 2 3 4 5 6 7 8",
            },
            Preset {
                name: "Decreasing",
                text: "8 7 6 5 4 3 2 1",
            },
            Preset {
                name: "All equal",
                text: "5 5 5 5 5 5",
            },
            Preset {
                name: "Duplicates",
                text: "3 1 3 2 2 4 1 4",
            },
            Preset {
                name: "Negative numbers",
                text: "-3 -1 -7 0 -2 5 -4",
            },
            Preset {
                name: "One element",
                text: "42",
            },
            Preset {
                name: "Empty",
                text: "",
            },
        ],
        input_help: "Numbers separated by commas and/or spaces, e.g. 2, 7, -3, 5.5",
        page: PageInfo {
            lede: "For every number, find the first number to its right that is bigger. A \
                   monotonic stack does it in one pass, O(n); the scan an interviewer rejects \
                   checks every later number, O(n²). Both run below on the same step clock.",
            input_label: "Array",
            input_rows: 2,
            random_label: "Random n",
            compare_label: "Run the O(n²) scan beside it, in sync",
            layout: Layout::Side,
            pointer: Pointer::Nothing,
            hint: "",
            limits: "The stack animates up to 10,000 numbers, the O(n²) scan up to 1,000; an \
                     animation holds at most 2,000,000 steps. The nextGreater kernel has no \
                     size limit.",
            notes: "",
            options: OPTIONS,
            widget: false,
        },
    };

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
