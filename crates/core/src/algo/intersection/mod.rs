//! Intersection of two integer arrays in less than n² time, four ways.
//!
//! - **Sort + two pointers**, O(n log n + m log m): sort both (merge sort, the "modify merge
//!   sort" answer), then walk `i` over a and `j` over b, advancing the pointer at the smaller
//!   value and emitting on equality.
//! - **Hash map of counts**, O(n + m) expected: count b, then look every item of a up.
//! - **Nested loops**, O(n·m): for every item of a, scan b for an unused equal item.
//! - **Galloping**, O(s log(l/s)) after sorting: for each item of the shorter array, search the
//!   longer one exponentially from where the previous search ended. It wins when one array is
//!   much longer than the other (the kernel switches to it at a length ratio of
//!   [`GALLOP_RATIO`]); two pointers win when the lengths are similar.
//!
//! Semantics: **multiset** (default) keeps each common value as many times as it appears in
//! both (`[1,2,2,1] ∩ [2,2] = [2,2]`); **set** keeps it once (`[2]`). Results are sorted.
//!
//! **Invariant the animation shows:** everything left of `i` and `j` is either matched or
//! smaller than the other pointer's value, so no match can be missed by moving on.

mod info;
mod kernel;
mod narrate;
mod question;
mod replay;
mod text;
mod view;

pub use info::{Line, Method};
pub use kernel::{
    gallop, hash_counts, intersect, intersect_owned, merge_sort, nested, two_pointers, Semantics,
    GALLOP_RATIO,
};

use crate::algorithm::{AlgorithmInfo, Recorder, Run};
use crate::format::group_digits;
use crate::input::{InputError, OptionMap, SeededRandom};
use crate::options::read_options;
use crate::value::{Describe, Value};
use info::{METHODS, OPTIONS};
use std::cmp::Ordering;
use text::{parse_integers, strip_label, two_lines};

/// The most items per array the animation takes (the kernel has no such limit).
pub const MAX_ANIMATED_ITEMS: usize = 1_000;

/// Which input array.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The first array.
    A,
    /// The second array.
    B,
}

impl Side {
    fn name(self) -> &'static str {
        match self {
            Side::A => "a",
            Side::B => "b",
        }
    }
}

/// What a run does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The method.
    pub method: Method,
    /// Multiset or set.
    pub semantics: Semantics,
    /// Show the merge sort write by write (true) or as one step per array.
    pub sort_steps: bool,
}

/// The two arrays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The first array.
    pub a: Vec<i32>,
    /// The second array.
    pub b: Vec<i32>,
}

/// One step of any method: the sorting steps they share, or a step of one method's own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Sorting, shared by two pointers and galloping (the inputs) and by the hash map and the
    /// nested loops (the output).
    Sort(SortStep),
    /// A step of the two pointers.
    Pointers(PointerStep),
    /// A step of the hash map of counts.
    Hash(HashStep),
    /// A step of the nested loops.
    Nested(NestedStep),
    /// A step of galloping search.
    Gallop(GallopStep),
}

/// Sorting steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SortStep {
    /// Merge sort writes `value` at `index` of one array (replacing `before`).
    Write {
        /// The array.
        side: Side,
        /// Where.
        index: u32,
        /// The value written.
        value: i32,
        /// The value replaced, for undo.
        before: i32,
        /// Whether choosing it took a comparison.
        compared: bool,
    },
    /// One array sorted in a single step (collapsed sort, or before galloping).
    All {
        /// The array.
        side: Side,
        /// Its order before, for undo.
        before: Vec<i32>,
    },
    /// The output, collected out of order, is sorted.
    Output {
        /// Its order before, for undo.
        before: Vec<i32>,
    },
}

/// The two pointers' step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PointerStep {
    /// Two pointers compare `a[i]` with `b[j]`.
    Compare {
        /// Pointer into a.
        i: u32,
        /// Pointer into b.
        j: u32,
        /// `a[i]` against `b[j]`.
        outcome: Ordering,
        /// Whether a match went to the output (set semantics skips repeats).
        emitted: bool,
    },
}

/// The hash map's steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HashStep {
    /// Hash: count `b[index]`.
    Insert {
        /// Index into b.
        index: u32,
    },
    /// Hash: look `a[index]` up in the counts.
    Probe {
        /// Index into a.
        index: u32,
        /// Whether the count was positive.
        found: bool,
        /// The count before, for undo.
        before: u32,
    },
}

/// The nested loops' step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NestedStep {
    /// Nested loops: compare `a[i]` with `b[j]`.
    Check {
        /// Index into a.
        i: u32,
        /// Index into b.
        j: u32,
        /// Equal and `b[j]` not used yet.
        equal: bool,
        /// Whether the match went to the output.
        emitted: bool,
    },
}

/// Galloping's steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GallopStep {
    /// Gallop: compare the long array at `probe` with the short array's item `short`.
    Probe {
        /// Index into the shorter array.
        short: u32,
        /// Index into the longer array.
        probe: u32,
        /// `long[probe] < short[short]`.
        less: bool,
    },
    /// Gallop: the search for `short` ends at `position` of the longer array.
    Land {
        /// Index into the shorter array.
        short: u32,
        /// Where it lands in the longer array.
        position: u32,
        /// Whether the value is there.
        found: bool,
        /// Whether it went to the output.
        emitted: bool,
        /// The landing place before, for undo.
        long_before: u32,
        /// The short array's cursor before, for undo.
        short_before: u32,
    },
}

/// The hash map's contents as the animation draws them: values in order with their counts.
/// (A sorted vector rather than a `BTreeMap`: the same answers for far less wasm.)
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Counts(Vec<(i32, u32)>);

impl Counts {
    /// How many of `value` are counted (0 when absent).
    pub fn get(&self, value: i32) -> u32 {
        self.0
            .binary_search_by_key(&value, |&(key, _)| key)
            .map_or(0, |index| self.0[index].1)
    }

    /// True when `value` has an entry (possibly a zero count).
    pub fn contains(&self, value: i32) -> bool {
        self.0.binary_search_by_key(&value, |&(key, _)| key).is_ok()
    }

    /// Sets the count of `value`; `None` removes its entry.
    fn set(&mut self, value: i32, count: Option<u32>) {
        match (self.0.binary_search_by_key(&value, |&(key, _)| key), count) {
            (Ok(index), Some(count)) => self.0[index].1 = count,
            (Ok(index), None) => {
                self.0.remove(index);
            }
            (Err(index), Some(count)) => self.0.insert(index, (value, count)),
            (Err(_), None) => {}
        }
    }

    /// The entries in value order.
    pub fn iter(&self) -> impl Iterator<Item = (i32, u32)> + '_ {
        self.0.iter().copied()
    }

    /// How many distinct values.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when nothing is counted.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// What the animation shows at one step.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The first array (sorted in place by the sorting methods).
    pub a: Vec<i32>,
    /// The second array.
    pub b: Vec<i32>,
    /// The run's options.
    pub options: Options,
    /// Pointer into a: two pointers; the next item to look up (hash); the short cursor or the
    /// landing place when galloping. Nested loops show their cursor from the last event.
    pub i: usize,
    /// Pointer into b, likewise (the next item to count, for the hash method).
    pub j: usize,
    /// Which items of a matched.
    pub matched_a: Vec<bool>,
    /// Which items of b matched (or are used, for nested loops).
    pub matched_b: Vec<bool>,
    /// Counts of b's values (hash method), in value order for drawing.
    pub counts: Counts,
    /// The intersection so far.
    pub output: Vec<i32>,
    /// Element comparisons so far.
    pub comparisons: u64,
    /// Hash-map operations (inserts and look-ups) so far.
    pub probes: u64,
    /// Array writes by the sort so far.
    pub writes: u64,
}

impl State {
    /// True when galloping goes from b into a (b is the shorter array).
    fn gallops_from_b(&self) -> bool {
        self.options.method == Method::Gallop && self.b.len() < self.a.len()
    }

    /// The shorter (searching) and longer (searched) arrays when galloping.
    fn short_and_long(&self) -> (&[i32], &[i32], Side, Side) {
        if self.gallops_from_b() {
            (&self.b, &self.a, Side::B, Side::A)
        } else {
            (&self.a, &self.b, Side::A, Side::B)
        }
    }

    fn array_mut(&mut self, side: Side) -> &mut Vec<i32> {
        match side {
            Side::A => &mut self.a,
            Side::B => &mut self.b,
        }
    }

    fn matched_mut(&mut self, side: Side) -> &mut Vec<bool> {
        match side {
            Side::A => &mut self.matched_a,
            Side::B => &mut self.matched_b,
        }
    }
}

/// The result: the intersection, sorted.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// The common values, sorted ascending.
    pub values: Vec<i32>,
}

/// The algorithm as registered: `intersection`.
pub struct Intersection;

impl Run for Intersection {
    type Input = Input;

    type Options = Options;

    type Output = Answer;

    type Event = Event;

    const ID: &'static str = info::ID;

    const INFO: AlgorithmInfo = info::INFO;

    fn parse_options(options: &mut OptionMap) -> Result<Options, InputError> {
        let values = read_options(options, OPTIONS, METHODS)?;
        let method = Method::from_id(values.method()).unwrap_or(Method::Pointers);
        let semantics = match values.choice("mode") {
            "set" => Semantics::Set,
            _ => Semantics::Multiset,
        };
        let sort_steps = values.choice("sort") == "steps";
        Ok(Options {
            method,
            semantics,
            sort_steps,
        })
    }

    fn parse(text: &str, _options: &Options) -> Result<Input, InputError> {
        let [(first, first_at), (second, second_at)] = two_lines(text)?;
        let (body, skip) = strip_label(first, 'a');
        let a = parse_integers(body, "array a").map_err(|error| error.shifted(first_at + skip))?;
        let (body, skip) = strip_label(second, 'b');
        let b = parse_integers(body, "array b").map_err(|error| error.shifted(second_at + skip))?;
        Ok(Input { a, b })
    }

    fn random_input(size: usize, seed: u64) -> String {
        let size = size.min(MAX_ANIMATED_ITEMS);
        let mut random = SeededRandom::new(seed);
        // A value range about the array length gives a healthy number of matches.
        let high = (size as i64).max(4);
        let mut array = |length: usize| {
            (0..length)
                .map(|_| random.integer(0, high).to_string())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let a = array(size);
        let b = array(size.div_ceil(2).max(1));
        format!("a: {a}\nb: {b}")
    }

    fn check_animation_limits(input: &Input, _options: &Options) -> Result<(), InputError> {
        for (values, name) in [(&input.a, "a"), (&input.b, "b")] {
            if values.len() > MAX_ANIMATED_ITEMS {
                return Err(InputError::limit(format!(
                    "array {name} has {} items; the animation takes at most {} per array \
                     (the intersect kernel has no such limit)",
                    group_digits(values.len()),
                    group_digits(MAX_ANIMATED_ITEMS)
                ))
                .in_field(format!("array {name}")));
            }
        }
        Ok(())
    }

    fn run<R: Recorder<Event>>(input: &Input, options: &Options, recorder: &mut R) -> Answer {
        let semantics = options.semantics;
        let (mut a, mut b) = (input.a.clone(), input.b.clone());
        let sort = |values: &mut Vec<i32>, side: Side, recorder: &mut R, steps: bool| {
            if steps {
                merge_sort(values, side, recorder);
            } else if values.windows(2).any(|pair| pair[0] > pair[1]) {
                let before = values.clone();
                values.sort();
                recorder.record(|| Event::Sort(SortStep::All { side, before }));
            }
        };
        let values = match options.method {
            Method::Pointers => {
                sort(&mut a, Side::A, recorder, options.sort_steps);
                sort(&mut b, Side::B, recorder, options.sort_steps);
                two_pointers(&a, &b, semantics, recorder)
            }
            Method::Gallop => {
                sort(&mut a, Side::A, recorder, false);
                sort(&mut b, Side::B, recorder, false);
                if b.len() < a.len() {
                    gallop(&b, &a, semantics, recorder)
                } else {
                    gallop(&a, &b, semantics, recorder)
                }
            }
            Method::Hash => hash_counts(&a, &b, semantics, recorder),
            Method::Nested => nested(&a, &b, semantics, recorder),
        };
        Answer { values }
    }
}

impl Describe for State {
    fn describe(&self) -> Value {
        Value::record([
            ("a", self.a.describe()),
            ("b", self.b.describe()),
            ("i", self.i.describe()),
            ("j", self.j.describe()),
            ("matchedA", self.matched_a.describe()),
            ("matchedB", self.matched_b.describe()),
            ("counts", self.counts.0.describe()),
            ("output", self.output.describe()),
            (
                "semantics",
                match self.options.semantics {
                    Semantics::Multiset => "multiset",
                    Semantics::Set => "set",
                }
                .describe(),
            ),
            ("comparisons", self.comparisons.describe()),
            ("probes", self.probes.describe()),
            ("writes", self.writes.describe()),
        ])
    }
}

impl Describe for Answer {
    fn describe(&self) -> Value {
        Value::record([("values", self.values.describe())])
    }
}
