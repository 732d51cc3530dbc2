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

mod narrate;
mod question;
mod replay;
mod view;

use crate::algorithm::{
    AlgorithmInfo, Counter, Layout, PageInfo, Pointer, Preset, Pseudocode, Question, Recorder, Run,
};
use crate::format::group_digits;
use crate::format::{format_number, quote};
use crate::input::{parse_numbers, InputError, OptionMap, SeededRandom};
use crate::method::methods;
use crate::options::{read_options, Choice, OptionKind, OptionSpec};
use crate::sort::sort_i32;
use crate::value::{Describe, Value};
use std::cmp::Ordering;
use std::collections::HashMap;

/// The most items per array the animation takes (the kernel has no such limit).
pub const MAX_ANIMATED_ITEMS: usize = 1_000;

/// The kernel gallops when the longer array is at least this many times the shorter.
pub const GALLOP_RATIO: usize = 32;

/// Which common values the result keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Semantics {
    /// Each common value as many times as it appears in both.
    #[default]
    Multiset,
    /// Each common value once.
    Set,
}

impl Semantics {
    /// Reads `"multiset"` or `"set"`.
    pub fn from_name(name: &str) -> Result<Semantics, InputError> {
        match name {
            "multiset" => Ok(Semantics::Multiset),
            "set" => Ok(Semantics::Set),
            other => Err(InputError::new(format!(
                "mode must be \"multiset\" or \"set\", not {}",
                quote(other)
            ))),
        }
    }

    /// Whether `value` joins `output` on a match.
    fn keeps(self, output: &[i32], value: i32) -> bool {
        self == Semantics::Multiset || output.last() != Some(&value)
    }
}

/// The kernel: the intersection of `a` and `b`, sorted ascending. Sorts copies of both (the
/// kernels' radix sort, [`crate::sort`]), then
/// walks them with two pointers, or gallops into the longer one when it is at least
/// [`GALLOP_RATIO`] times longer.
///
/// ```
/// use stepwise::algo::intersection::{intersect, Semantics};
/// assert_eq!(intersect(&[1, 2, 2, 1], &[2, 2], Semantics::Multiset), vec![2, 2]);
/// assert_eq!(intersect(&[1, 2, 2, 1], &[2, 2], Semantics::Set), vec![2]);
/// ```
pub fn intersect(a: &[i32], b: &[i32], semantics: Semantics) -> Vec<i32> {
    intersect_owned(a.to_vec(), b.to_vec(), semantics)
}

/// [`intersect`] on arrays it may sort in place (no copies: the kernel library hands over the
/// arrays it has just copied from JS).
pub fn intersect_owned(a: Vec<i32>, b: Vec<i32>, semantics: Semantics) -> Vec<i32> {
    let (mut short, mut long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    sort_i32(&mut short);
    sort_i32(&mut long);
    if long.len() >= GALLOP_RATIO * short.len().max(1) {
        gallop(&short, &long, semantics, &mut ())
    } else {
        two_pointers(&short, &long, semantics, &mut ())
    }
}

/// Sort + two pointers on sorted `a` and `b`.
pub fn two_pointers<R: Recorder<Event>>(
    a: &[i32],
    b: &[i32],
    semantics: Semantics,
    recorder: &mut R,
) -> Vec<i32> {
    if !R::KEEPS_EVENTS {
        return merge_runs(a, b, semantics);
    }
    let (mut i, mut j) = (0, 0);
    let mut output = Vec::new();
    while i < a.len() && j < b.len() {
        let outcome = a[i].cmp(&b[j]);
        let emitted = outcome == Ordering::Equal && semantics.keeps(&output, a[i]);
        recorder.record(|| {
            Event::Pointers(PointerStep::Compare {
                i: i as u32,
                j: j as u32,
                outcome,
                emitted,
            })
        });
        match outcome {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                if emitted {
                    output.push(a[i]);
                }
                i += 1;
                j += 1;
            }
        }
    }
    output
}

/// The kernel's two pointers (no events to record): equal values are taken a run at a time,
/// so a value repeated k times costs two short scans and one `extend` instead of k rounds of
/// comparisons — the same output as the step-by-step walk.
fn merge_runs(a: &[i32], b: &[i32], semantics: Semantics) -> Vec<i32> {
    let mut output = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        if x < y {
            i += 1;
        } else if y < x {
            j += 1;
        } else {
            let run_a = a[i..].iter().take_while(|&&value| value == x).count();
            let run_b = b[j..].iter().take_while(|&&value| value == x).count();
            let copies = match semantics {
                Semantics::Multiset => run_a.min(run_b),
                Semantics::Set => 1,
            };
            output.extend(std::iter::repeat_n(x, copies));
            i += run_a;
            j += run_b;
        }
    }
    output
}

/// Galloping from the sorted `short` into the sorted `long`: for each item, an exponential
/// search from the last landing place, then a binary search inside the bracket found.
pub fn gallop<R: Recorder<Event>>(
    short: &[i32],
    long: &[i32],
    semantics: Semantics,
    recorder: &mut R,
) -> Vec<i32> {
    let mut output = Vec::new();
    let mut position = 0;
    let mut next_short = 0;
    for (index, &value) in short.iter().enumerate() {
        if semantics == Semantics::Set && index > 0 && short[index - 1] == value {
            continue;
        }
        // Exponential search: the first k >= position with long[k] >= value is in [low, high).
        let (mut low, mut high) = (position, long.len());
        let mut step = 1;
        while low < long.len() {
            let probe = (position + step - 1).min(long.len() - 1);
            let less = long[probe] < value;
            recorder.record(|| {
                Event::Gallop(GallopStep::Probe {
                    short: index as u32,
                    probe: probe as u32,
                    less,
                })
            });
            if !less {
                high = probe;
                break;
            }
            low = probe + 1;
            if probe == long.len() - 1 {
                break;
            }
            step *= 2;
        }
        while low < high {
            let middle = low + (high - low) / 2;
            let less = long[middle] < value;
            recorder.record(|| {
                Event::Gallop(GallopStep::Probe {
                    short: index as u32,
                    probe: middle as u32,
                    less,
                })
            });
            if less {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        let found = low < long.len() && long[low] == value;
        let emitted = found && semantics.keeps(&output, value);
        recorder.record(|| {
            Event::Gallop(GallopStep::Land {
                short: index as u32,
                position: low as u32,
                found,
                emitted,
                long_before: position as u32,
                short_before: next_short as u32,
            })
        });
        if emitted {
            output.push(value);
        }
        position = if found { low + 1 } else { low };
        next_short = index + 1;
    }
    output
}

/// The hash-map method: count b, then look each item of a up; the output is sorted at the end.
pub fn hash_counts<R: Recorder<Event>>(
    a: &[i32],
    b: &[i32],
    semantics: Semantics,
    recorder: &mut R,
) -> Vec<i32> {
    let mut counts: HashMap<i32, u32> = HashMap::with_capacity(b.len());
    for (index, &value) in b.iter().enumerate() {
        *counts.entry(value).or_insert(0) += 1;
        recorder.record(|| {
            Event::Hash(HashStep::Insert {
                index: index as u32,
            })
        });
    }
    let mut output = Vec::new();
    for (index, &value) in a.iter().enumerate() {
        let count = counts.get(&value).copied().unwrap_or(0);
        let found = count > 0;
        if found {
            output.push(value);
            counts.insert(
                value,
                match semantics {
                    Semantics::Multiset => count - 1,
                    Semantics::Set => 0,
                },
            );
        }
        recorder.record(|| {
            Event::Hash(HashStep::Probe {
                index: index as u32,
                found,
                before: count,
            })
        });
    }
    sort_output(output, recorder)
}

/// The O(n·m) method: for each item of a, scan b for an equal item not used yet.
pub fn nested<R: Recorder<Event>>(
    a: &[i32],
    b: &[i32],
    semantics: Semantics,
    recorder: &mut R,
) -> Vec<i32> {
    let mut used = vec![false; b.len()];
    let mut output: Vec<i32> = Vec::new();
    for (i, &value) in a.iter().enumerate() {
        for (j, &candidate) in b.iter().enumerate() {
            let equal = candidate == value && !used[j];
            // Set semantics: a value already in the output is not emitted again.
            let emitted = equal && (semantics == Semantics::Multiset || !output.contains(&value));
            recorder.record(|| {
                Event::Nested(NestedStep::Check {
                    i: i as u32,
                    j: j as u32,
                    equal,
                    emitted,
                })
            });
            if equal {
                if emitted {
                    output.push(value);
                    used[j] = true;
                }
                break;
            }
        }
    }
    sort_output(output, recorder)
}

fn sort_output<R: Recorder<Event>>(mut output: Vec<i32>, recorder: &mut R) -> Vec<i32> {
    if output.windows(2).any(|pair| pair[0] > pair[1]) {
        let before = output.clone();
        // The animation's sorts are stable `sort`s (the same result for integers): the page then
        // links one sort algorithm, the one ROC needs, instead of two (0.9 KB gzipped).
        output.sort();
        recorder.record(|| Event::Sort(SortStep::Output { before }));
    }
    output
}

/// Bottom-up merge sort of `values`, recording each write with the value it replaces.
pub fn merge_sort<R: Recorder<Event>>(values: &mut [i32], side: Side, recorder: &mut R) {
    let length = values.len();
    let mut merged = values.to_vec();
    let mut width = 1;
    while width < length {
        for low in (0..length).step_by(2 * width) {
            let middle = (low + width).min(length);
            let high = (low + 2 * width).min(length);
            if middle >= high {
                continue;
            }
            let (mut left, mut right) = (low, middle);
            let mut compared = vec![false; high - low];
            for (slot, was_compared) in merged[low..high].iter_mut().zip(compared.iter_mut()) {
                *was_compared = left < middle && right < high;
                let take_left = right >= high || (left < middle && values[left] <= values[right]);
                if take_left {
                    *slot = values[left];
                    left += 1;
                } else {
                    *slot = values[right];
                    right += 1;
                }
            }
            for (offset, index) in (low..high).enumerate() {
                let before = values[index];
                values[index] = merged[index];
                recorder.record(|| {
                    Event::Sort(SortStep::Write {
                        side,
                        index: index as u32,
                        value: merged[index],
                        before,
                        compared: compared[offset],
                    })
                });
            }
        }
        width *= 2;
    }
}

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

/// The lines of the four methods' pseudocode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// Sorting the inputs.
    Sort,
    /// Two pointers: start both at 0.
    Start,
    /// Two pointers: the loop.
    WhileBoth,
    /// Two pointers: a[i] is the smaller.
    ASmaller,
    /// Two pointers: b[j] is the smaller.
    BSmaller,
    /// Two pointers: a match.
    Equal,
    /// Hash: an empty map.
    NewCounts,
    /// Hash: count b.
    CountB,
    /// Hash: the loop over a.
    EachA,
    /// Hash: look up a value of a.
    Probe,
    /// Hash and nested loops: sort the output.
    SortOutput,
    /// Nested loops: the outer loop.
    OuterA,
    /// Nested loops: the inner loop.
    InnerB,
    /// Nested loops: compare a pair.
    CheckPair,
    /// Nested loops: a match.
    Match,
    /// Galloping: the loop over the shorter array.
    EachShort,
    /// Galloping: probe at doubling distances.
    Gallop,
    /// Galloping: binary search inside the bracket.
    Bisect,
    /// Galloping: where the search lands.
    Land,
}

const POINTERS_PSEUDOCODE: Pseudocode<Line> = &[
    (Line::Sort, "merge sort a; merge sort b"),
    (Line::Start, "i = 0; j = 0"),
    (Line::WhileBoth, "while i < len(a) and j < len(b):"),
    (Line::ASmaller, "  if a[i] < b[j]: i += 1"),
    (Line::BSmaller, "  elif a[i] > b[j]: j += 1"),
    (Line::Equal, "  else: output a[i]; i += 1; j += 1"),
];

const HASH_PSEUDOCODE: Pseudocode<Line> = &[
    (Line::NewCounts, "counts = {}"),
    (Line::CountB, "for y in b: counts[y] += 1"),
    (Line::EachA, "for x in a:"),
    (Line::Probe, "  if counts[x] > 0: output x; counts[x] -= 1"),
    (Line::SortOutput, "sort output"),
];

const NESTED_PSEUDOCODE: Pseudocode<Line> = &[
    (Line::OuterA, "for i in 0..len(a):"),
    (Line::InnerB, "  for j in 0..len(b):"),
    (Line::CheckPair, "    if a[i] == b[j] and b[j] unused:"),
    (Line::Match, "      output a[i]; mark b[j] used; break"),
    (Line::SortOutput, "sort output"),
];

const GALLOP_PSEUDOCODE: Pseudocode<Line> = &[
    (Line::Sort, "sort both; s = shorter, l = longer; p = 0"),
    (Line::EachShort, "for x in s:"),
    (
        Line::Gallop,
        "  gallop: probe l[p], l[p+1], l[p+3], l[p+7]… until ≥ x",
    ),
    (Line::Bisect, "  binary search inside that bracket"),
    (
        Line::Land,
        "  if l[k] == x: output x; p = k + 1  else: p = k",
    ),
];

methods! {
    /// Which method to animate.
    pub enum Method {
        /// Merge sort both, then two pointers.
        Pointers => "pointers", "Sort + two pointers · O(n log n + m log m)";
        /// Count b in a hash map, look a up.
        Hash => "hash", "Hash map of counts · O(n + m) expected";
        /// Nested loops.
        Nested => "nested", "Nested loops · O(n·m)";
        /// Sort both, then gallop from the shorter into the longer.
        Gallop => "gallop", "Galloping search · O(s log(l/s)), for very unequal lengths";
    }
    /// The methods, the first the default (declared apart from `INFO` so that reading options
    /// does not copy the whole page description into the wasm a second time).
    const METHODS;
}

/// The algorithm as registered: `intersection`.
pub struct Intersection;

/// Reads one array's line; errors are about `what` ("array a").
fn parse_integers(line: &str, what: &str) -> Result<Vec<i32>, InputError> {
    parse_integer_items(line, what).map_err(|error| error.in_field(what))
}

fn parse_integer_items(line: &str, what: &str) -> Result<Vec<i32>, InputError> {
    let numbers = parse_numbers(line, &format!("{what}, item"))?;
    numbers
        .iter()
        .enumerate()
        .map(|(index, &value)| {
            let place = format!("{what}, item {}", index + 1);
            if value.fract() != 0.0 {
                Err(InputError::new(format!(
                    "{place}: {} is not a whole number",
                    format_number(value)
                )))
            } else if value < i32::MIN as f64 || value > i32::MAX as f64 {
                Err(InputError::new(format!(
                    "{place}: {} is outside the 32-bit integer range ({}..{})",
                    format_number(value),
                    i32::MIN,
                    i32::MAX
                )))
            } else {
                Ok(value as i32)
            }
        })
        .collect()
}

/// Splits "a: …\nb: …" into the two lines (labels optional), with their byte offsets.
fn two_lines(text: &str) -> Result<[(&str, usize); 2], InputError> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        lines.push((line.trim_end_matches(['\n', '\r']), offset));
        offset += line.len();
    }
    if text.ends_with('\n') || text.is_empty() {
        lines.push(("", text.len()));
    }
    while lines.len() > 2 && lines.last().is_some_and(|(line, _)| line.trim().is_empty()) {
        lines.pop();
    }
    match lines.as_slice() {
        [first, second] => Ok([*first, *second]),
        [_] => Err(InputError::new(
            "write two lines: array a on the first, array b on the second (an empty line is an empty array)",
        )),
        _ => Err(InputError::at(
            format!("line 3: only two arrays are read (a and b), found {} lines", lines.len()),
            lines[2].1..lines[2].1 + lines[2].0.len(),
        )),
    }
}

/// Drops an optional `a:` / `a =` label from the start of a line.
fn strip_label(line: &str, label: char) -> (&str, usize) {
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    let mut characters = trimmed.char_indices();
    if let Some((_, first)) = characters.next() {
        if first.eq_ignore_ascii_case(&label) {
            let rest = &trimmed[first.len_utf8()..];
            let after = rest.trim_start();
            if let Some(body) = after.strip_prefix(':').or_else(|| after.strip_prefix('=')) {
                let skipped = line.len() - body.len();
                return (body, skipped);
            }
        }
    }
    (&line[lead..], lead)
}

impl Intersection {
    fn describe(values: &[i32], name: &str, index: usize) -> String {
        format!("{name}[{index}]={}", values[index])
    }

    /// "a[i]=x" and "b[j]=y" for a compared pair.
    fn pair(state: &State, i: usize, j: usize) -> (String, String) {
        (
            Self::describe(&state.a, "a", i),
            Self::describe(&state.b, "b", j),
        )
    }

    fn list(values: &[i32]) -> String {
        const SHOWN: usize = 12;
        let mut text: Vec<String> = values.iter().take(SHOWN).map(i32::to_string).collect();
        if values.len() > SHOWN {
            text.push(format!("… {} more", values.len() - SHOWN));
        }
        format!("[{}]", text.join(", "))
    }
}

/// The options: multiset or set semantics, and how much of the merge sort to show.
const OPTIONS: &[OptionSpec] = &[
    OptionSpec::new(
        "mode",
        "Semantics",
        OptionKind::Choice(&[
            Choice {
                value: "multiset",
                label: "multiset: [1,2,2,1] ∩ [2,2] = [2,2]",
            },
            Choice {
                value: "set",
                label: "set: = [2]",
            },
        ]),
    ),
    OptionSpec::new(
        "sort",
        "Merge sort",
        OptionKind::Choice(&[
            Choice {
                value: "steps",
                label: "step by step",
            },
            Choice {
                value: "collapsed",
                label: "in one step",
            },
        ]),
    ),
];

impl Run for Intersection {
    type Input = Input;

    type Options = Options;

    type Output = Answer;

    type Event = Event;

    const ID: &'static str = "intersection";

    const INFO: AlgorithmInfo = AlgorithmInfo {
        id: Self::ID,
        title: "Intersection of two arrays",
        example: "a: 4 9 5 2 2 1\nb: 9 4 9 8 4 2",
        methods: METHODS,
        presets: &[
            Preset {
                name: "Interview example",
                text: "a: 4 9 5 2 2 1\nb: 9 4 9 8 4 2",
            },
            Preset {
                name: "[1,2,2,1] ∩ [2,2]",
                text: "a: 1 2 2 1\nb: 2 2",
            },
            Preset {
                name: "Disjoint",
                text: "a: 1 3 5 7\nb: 2 4 6 8",
            },
            Preset {
                name: "Identical",
                text: "a: 3 1 2 3\nb: 3 1 2 3",
            },
            Preset {
                name: "One empty",
                text: "a: 5 1 4\nb:",
            },
            Preset {
                name: "Many duplicates",
                text: "a: 2 2 2 1 1 2 2 1\nb: 1 2 1 1 2 1",
            },
            Preset {
                name: "One much longer",
                text: "a: 40 7 23\nb: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48",
            },
            Preset {
                name: "Negative numbers",
                text: "a: -3 0 -7 5 -3\nb: -3 -3 2 -7",
            },
            Preset {
                name: "Already sorted",
                text: "a: 1 2 3 5 8 13 21\nb: 2 3 5 7 11 13",
            },
        ],
        input_help: "Two lines: array a, then array b (whole numbers, commas or spaces; the \
                     labels \"a:\" and \"b:\" are optional, an empty line is an empty array).",
        page: PageInfo {
            lede: "Return the common values of two integer arrays in less than n² time. Sort \
                   both and walk them with two pointers; or count one array in a hash map; or, \
                   when one array is far longer, gallop through it. The nested loops an \
                   interviewer rejects run beside them.",
            input_label: "Arrays a and b (one per line)",
            input_rows: 2,
            random_label: "Random n",
            compare_label: "Run the hash map, nested loops and galloping beside it, in sync",
            layout: Layout::Compact,
            pointer: Pointer::Nothing,
            hint: "",
            limits: "Each array animates up to 1,000 whole numbers (32-bit); an animation holds \
                     at most 2,000,000 steps. The intersect kernel has no size limit.",
            notes: "Galloping wins when one array is far longer than the other (the intersect \
                    kernel switches to it at 32×); two pointers win when the lengths are \
                    similar; the hash map needs no sort but its output is unordered.",
            options: OPTIONS,
            widget: false,
        },
    };

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
