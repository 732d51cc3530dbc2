//! Replay: the state the animation shows, and each event applied to it or undone in O(1).

use super::{
    Counts, Event, GallopStep, HashStep, Input, Intersection, NestedStep, Options, PointerStep,
    Semantics, Side, SortStep, State,
};
use crate::algorithm::Replay;
use std::cmp::Ordering;

impl Replay for Intersection {
    type State = State;

    fn start(input: &Input, options: &Options) -> State {
        State {
            a: input.a.clone(),
            b: input.b.clone(),
            options: *options,
            i: 0,
            j: 0,
            matched_a: vec![false; input.a.len()],
            matched_b: vec![false; input.b.len()],
            counts: Counts::default(),
            output: Vec::new(),
            comparisons: 0,
            probes: 0,
            writes: 0,
        }
    }

    fn state_bytes(state: &State) -> usize {
        std::mem::size_of::<State>()
            + (state.a.len() + state.b.len()) * 5
            + state.counts.len() * 32
            + state.output.capacity() * 4
    }

    fn apply(state: &mut State, event: &Event) {
        match event {
            Event::Sort(SortStep::Write {
                side,
                index,
                value,
                compared,
                ..
            }) => {
                state.array_mut(*side)[*index as usize] = *value;
                state.writes += 1;
                state.comparisons += u64::from(*compared);
            }
            Event::Sort(SortStep::All { side, .. }) => state.array_mut(*side).sort(),
            Event::Pointers(PointerStep::Compare {
                i,
                j,
                outcome,
                emitted,
            }) => {
                state.comparisons += 1;
                match outcome {
                    Ordering::Less => state.i += 1,
                    Ordering::Greater => state.j += 1,
                    Ordering::Equal => {
                        state.matched_a[*i as usize] = true;
                        state.matched_b[*j as usize] = true;
                        if *emitted {
                            state.output.push(state.a[*i as usize]);
                        }
                        state.i += 1;
                        state.j += 1;
                    }
                }
            }
            Event::Hash(HashStep::Insert { index }) => {
                let value = state.b[*index as usize];
                state.counts.set(value, Some(state.counts.get(value) + 1));
                state.probes += 1;
                state.j = *index as usize + 1;
            }
            Event::Hash(HashStep::Probe { index, found, .. }) => {
                let value = state.a[*index as usize];
                state.probes += 1;
                state.i = *index as usize + 1;
                if *found {
                    state.matched_a[*index as usize] = true;
                    state.output.push(value);
                    let count = match state.options.semantics {
                        Semantics::Multiset => state.counts.get(value).saturating_sub(1),
                        Semantics::Set => 0,
                    };
                    state.counts.set(value, Some(count));
                }
            }
            Event::Nested(NestedStep::Check {
                i,
                j,
                equal,
                emitted,
            }) => {
                state.comparisons += 1;
                if *equal && *emitted {
                    state.matched_a[*i as usize] = true;
                    state.matched_b[*j as usize] = true;
                    state.output.push(state.a[*i as usize]);
                }
            }
            Event::Gallop(GallopStep::Probe { .. }) => state.comparisons += 1,
            Event::Gallop(GallopStep::Land {
                short,
                position,
                found,
                emitted,
                ..
            }) => {
                let (short_side, long_side) = {
                    let (_, _, short_side, long_side) = state.short_and_long();
                    (short_side, long_side)
                };
                let value = match short_side {
                    Side::A => state.a[*short as usize],
                    Side::B => state.b[*short as usize],
                };
                if *found {
                    state.matched_mut(short_side)[*short as usize] = true;
                    state.matched_mut(long_side)[*position as usize] = true;
                }
                if *emitted {
                    state.output.push(value);
                }
                let landing = *position as usize + usize::from(*found);
                match long_side {
                    Side::A => state.i = landing,
                    Side::B => state.j = landing,
                }
                match short_side {
                    Side::A => state.i = *short as usize + 1,
                    Side::B => state.j = *short as usize + 1,
                }
            }
            Event::Sort(SortStep::Output { .. }) => state.output.sort(),
        }
    }

    fn undo(state: &mut State, event: &Event) {
        match event {
            Event::Sort(SortStep::Write {
                side,
                index,
                before,
                compared,
                ..
            }) => {
                state.array_mut(*side)[*index as usize] = *before;
                state.writes -= 1;
                state.comparisons -= u64::from(*compared);
            }
            Event::Sort(SortStep::All { side, before }) => {
                state.array_mut(*side).clone_from(before)
            }
            Event::Pointers(PointerStep::Compare {
                i,
                j,
                outcome,
                emitted,
            }) => {
                state.comparisons -= 1;
                state.i = *i as usize;
                state.j = *j as usize;
                if *outcome == Ordering::Equal {
                    state.matched_a[*i as usize] = false;
                    state.matched_b[*j as usize] = false;
                    if *emitted {
                        state.output.pop();
                    }
                }
            }
            Event::Hash(HashStep::Insert { index }) => {
                let value = state.b[*index as usize];
                let left = state.counts.get(value).saturating_sub(1);
                state.counts.set(value, (left > 0).then_some(left));
                state.probes -= 1;
                state.j = *index as usize;
            }
            Event::Hash(HashStep::Probe {
                index,
                found,
                before,
            }) => {
                state.probes -= 1;
                state.i = *index as usize;
                if *found {
                    let value = state.a[*index as usize];
                    state.matched_a[*index as usize] = false;
                    state.output.pop();
                    state.counts.set(value, Some(*before));
                }
            }
            Event::Nested(NestedStep::Check {
                i,
                j,
                equal,
                emitted,
            }) => {
                state.comparisons -= 1;
                if *equal && *emitted {
                    state.matched_a[*i as usize] = false;
                    state.matched_b[*j as usize] = false;
                    state.output.pop();
                }
            }
            Event::Gallop(GallopStep::Probe { .. }) => state.comparisons -= 1,
            Event::Gallop(GallopStep::Land {
                short,
                position,
                found,
                emitted,
                long_before,
                short_before,
            }) => {
                let (_, _, short_side, long_side) = state.short_and_long();
                if *found {
                    state.matched_mut(short_side)[*short as usize] = false;
                    state.matched_mut(long_side)[*position as usize] = false;
                }
                if *emitted {
                    state.output.pop();
                }
                match long_side {
                    Side::A => state.i = *long_before as usize,
                    Side::B => state.j = *long_before as usize,
                }
                match short_side {
                    Side::A => state.i = *short_before as usize,
                    Side::B => state.j = *short_before as usize,
                }
            }
            Event::Sort(SortStep::Output { before }) => state.output.clone_from(before),
        }
    }
}
