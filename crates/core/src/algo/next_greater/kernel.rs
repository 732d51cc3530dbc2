//! The kernels: the monotonic stack (a fast one-lap version without events, and the one the
//! animation records) and the O(n²) scan, for every variant; generic over a [`Recorder`], so
//! with `()` each is the plain algorithm.

use super::info::VARIANT_OPTIONS;
use super::Event;
use crate::algorithm::Recorder;
use crate::input::{InputError, OptionMap};
use crate::options::{read_options, OptionValues};

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
    pub(super) fn index_at(self, position: usize, length: usize) -> usize {
        if self.previous {
            length - 1 - position
        } else {
            position
        }
    }

    /// How many laps the scan takes: two for a circular array.
    pub(super) fn laps(self) -> usize {
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
    pub(super) fn symbol(self) -> &'static str {
        if self.smaller {
            "<"
        } else {
            ">"
        }
    }

    /// The opposite comparison, for "does not beat".
    pub(super) fn not_symbol(self) -> &'static str {
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
