//! Explanation: narration, pseudocode lines, operation counters and the quiz question.

use super::info::{
    Line, GALLOP_PSEUDOCODE, HASH_PSEUDOCODE, NESTED_PSEUDOCODE, POINTERS_PSEUDOCODE,
};
use super::text::{item_text, list, pair};
use super::{
    question, Event, GallopStep, HashStep, Intersection, Method, NestedStep, Options, PointerStep,
    Semantics, Side, SortStep, State,
};
use crate::algorithm::{Counter, Explain, Pseudocode, Question};
use std::cmp::Ordering;

impl Explain for Intersection {
    type Line = Line;

    fn introduce(state: &State) -> String {
        let semantics = match state.options.semantics {
            Semantics::Multiset => {
                "multiset semantics: each common value as often as it is in both"
            }
            Semantics::Set => "set semantics: each common value once",
        };
        let plan = match state.options.method {
            Method::Pointers => "merge sort both arrays, then walk them with two pointers",
            Method::Hash => "count b's values in a hash map, then look up every item of a",
            Method::Nested => "compare every item of a with the items of b",
            Method::Gallop => "sort both, then gallop from the shorter array into the longer",
        };
        format!(
            "a has {} items, b has {}: {plan} ({semantics}).",
            state.a.len(),
            state.b.len()
        )
    }

    fn narrate(state: &State, event: &Event) -> String {
        let (a, b) = (&state.a, &state.b);
        match event {
            Event::Sort(SortStep::Write {
                side, index, value, ..
            }) => format!(
                "Merge sort {}: write {value} at {}[{index}].",
                side.name(),
                side.name()
            ),
            Event::Sort(SortStep::All { side, .. }) => {
                let values = match side {
                    Side::A => a,
                    Side::B => b,
                };
                format!("Sort {} in one step: {}.", side.name(), list(values))
            }
            Event::Pointers(PointerStep::Compare {
                i,
                j,
                outcome,
                emitted,
            }) => {
                let (i, j) = (*i as usize, *j as usize);
                let (left, right) = pair(state, i, j);
                match (outcome, emitted) {
                    (Ordering::Less, _) => format!("{left} < {right}: advance i."),
                    (Ordering::Greater, _) => format!("{left} > {right}: advance j."),
                    (Ordering::Equal, true) => {
                        format!("{left} = {right}: match — output {}, advance both.", a[i])
                    }
                    (Ordering::Equal, false) => format!(
                        "{left} = {right}: {} is already in the output (set semantics); advance both.",
                        a[i]
                    ),
                }
            }
            Event::Hash(HashStep::Insert { index }) => {
                let value = b[*index as usize];
                format!(
                    "Count {}: counts[{value}] = {}.",
                    item_text(b, "b", *index as usize),
                    state.counts.get(value)
                )
            }
            Event::Hash(HashStep::Probe { index, found, .. }) => {
                let value = a[*index as usize];
                let item = item_text(a, "a", *index as usize);
                if *found {
                    format!(
                        "Look up {item}: counts[{value}] was > 0 — output {value}, counts[{value}] = {}.",
                        state.counts.get(value)
                    )
                } else {
                    format!("Look up {item}: no {value} left in b's counts.")
                }
            }
            Event::Nested(NestedStep::Check {
                i,
                j,
                equal,
                emitted,
            }) => {
                let (i, j) = (*i as usize, *j as usize);
                let (left, right) = pair(state, i, j);
                match (equal, emitted) {
                    (true, true) => format!(
                        "{left} = {right}: match — output {}, mark b[{j}] used.",
                        a[i]
                    ),
                    (true, false) => {
                        format!("{left} = {right}: already in the output (set semantics).")
                    }
                    (false, _) if a[i] == b[j] => {
                        format!("{left} = {right}, but b[{j}] is used: keep scanning.")
                    }
                    (false, _) => format!("{left} ≠ {right}: keep scanning b."),
                }
            }
            Event::Gallop(GallopStep::Probe { short, probe, less }) => {
                let (short_values, long_values, short_side, long_side) = state.short_and_long();
                let x = item_text(short_values, short_side.name(), *short as usize);
                let y = item_text(long_values, long_side.name(), *probe as usize);
                if *less {
                    format!("{y} < {x}: look further right.")
                } else {
                    format!(
                        "{y} ≥ {x}: the answer is at or left of {}[{probe}].",
                        long_side.name()
                    )
                }
            }
            Event::Gallop(GallopStep::Land {
                short,
                position,
                found,
                emitted,
                ..
            }) => {
                let (short_values, _, short_side, long_side) = state.short_and_long();
                let x = item_text(short_values, short_side.name(), *short as usize);
                match (found, emitted) {
                    (true, true) => format!(
                        "{x} is at {}[{position}]: output {}; the next search starts after it.",
                        long_side.name(),
                        short_values[*short as usize]
                    ),
                    (true, false) => format!("{x} is already in the output (set semantics)."),
                    _ => format!(
                        "{x} is not in {}: the next search starts at {}[{position}].",
                        long_side.name(),
                        long_side.name()
                    ),
                }
            }
            Event::Sort(SortStep::Output { .. }) => {
                format!("Sort the output: {}.", list(&state.output))
            }
        }
    }

    fn line(event: &Event, _options: &Options) -> Line {
        match event {
            Event::Sort(SortStep::Write { .. }) | Event::Sort(SortStep::All { .. }) => Line::Sort,
            Event::Pointers(PointerStep::Compare { outcome, .. }) => match outcome {
                Ordering::Less => Line::ASmaller,
                Ordering::Greater => Line::BSmaller,
                Ordering::Equal => Line::Equal,
            },
            Event::Hash(HashStep::Insert { .. }) => Line::CountB,
            Event::Hash(HashStep::Probe { .. }) => Line::Probe,
            Event::Nested(NestedStep::Check { equal: true, .. }) => Line::Match,
            Event::Nested(NestedStep::Check { .. }) => Line::CheckPair,
            Event::Gallop(GallopStep::Probe { .. }) => Line::Gallop,
            Event::Gallop(GallopStep::Land { .. }) => Line::Land,
            Event::Sort(SortStep::Output { .. }) => Line::SortOutput,
        }
    }

    fn pseudocode(options: &Options) -> Pseudocode<Line> {
        match options.method {
            Method::Pointers => POINTERS_PSEUDOCODE,
            Method::Hash => HASH_PSEUDOCODE,
            Method::Nested => NESTED_PSEUDOCODE,
            Method::Gallop => GALLOP_PSEUDOCODE,
        }
    }

    fn counters(state: &State) -> Vec<Counter> {
        match state.options.method {
            Method::Hash => vec![Counter::count("hash probes", state.probes)],
            Method::Pointers => vec![
                Counter::count("comparisons", state.comparisons),
                Counter::count("sort writes", state.writes),
            ],
            Method::Nested | Method::Gallop => {
                vec![Counter::count("comparisons", state.comparisons)]
            }
        }
    }

    fn question(state: &State, event: &Event) -> Option<Question> {
        question::question(state, event)
    }
}
