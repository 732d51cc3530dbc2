//! The kernels: the intersection by two pointers, galloping, a hash map of counts and nested
//! loops, and the merge sort the animation shows; generic over a [`Recorder`], so with `()`
//! each is the plain algorithm.

use super::{Event, GallopStep, HashStep, NestedStep, PointerStep, Side, SortStep};
use crate::algorithm::Recorder;
use crate::format::quote;
use crate::input::InputError;
use crate::sort::sort_i32;
use std::cmp::Ordering;
use std::collections::HashMap;

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
