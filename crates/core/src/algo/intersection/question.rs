//! "What happens next?" for every step of every method: which value merge sort writes, what a
//! sorted array looks like, which pointer moves, what a count becomes, whether a lookup finds
//! its value, whether two items match, which way a gallop goes and where it lands.

use super::text::list;
use super::view::part;
use super::{
    Event, GallopStep, HashStep, NestedStep, PointerStep, Semantics, Side, SortStep, State,
};
use crate::algorithm::{Item, Question};
use crate::format::format_number;
use std::cmp::Ordering;

/// The question before `event`.
pub fn question(state: &State, event: &Event) -> Option<Question> {
    match event {
        Event::Pointers(PointerStep::Compare {
            i,
            j,
            outcome,
            emitted,
        }) => pointers(state, *i, *j, *outcome, *emitted),
        Event::Sort(step) => sort(state, step),
        Event::Hash(step) => hash(state, step.clone()),
        Event::Nested(NestedStep::Check {
            i,
            j,
            equal,
            emitted,
        }) => nested(state, *i as usize, *j as usize, *equal, *emitted),
        Event::Gallop(step) => gallop(state, step.clone()),
    }
}

/// Which pointer moves, and does the value go to the output?
fn pointers(state: &State, i: u32, j: u32, outcome: Ordering, emitted: bool) -> Option<Question> {
    let (x, y) = (
        format_number(f64::from(*state.a.get(i as usize)?)),
        format_number(f64::from(*state.b.get(j as usize)?)),
    );
    let move_i = format!("i moves on: a[i] = {x} is the smaller");
    let move_j = format!("j moves on: b[j] = {y} is the smaller");
    let output = format!("{x} goes to the output; both pointers move on");
    let skip = format!("Both move on without output: {x} is already in the answer");
    let (semantics, last_wrong) = match state.options.semantics {
        Semantics::Set => ("set", skip.clone()),
        Semantics::Multiset => ("multiset", "Both pointers go back to the start".to_string()),
    };
    let answer = match (outcome, emitted) {
        (Ordering::Less, _) => move_i.clone(),
        (Ordering::Greater, _) => move_j.clone(),
        (Ordering::Equal, true) => output.clone(),
        (Ordering::Equal, false) => skip,
    };
    let (cell_i, cell_j) = (
        Item::at(part(Side::A), i as usize),
        Item::at(part(Side::B), j as usize),
    );
    Some(
        Question::choice(
            format!(
                "The pointers are at a[{i}] = {x} and b[{j}] = {y} ({semantics} semantics). What happens next?"
            ),
            answer,
            vec![move_i.clone(), move_j.clone(), output, last_wrong],
        )
        .focus([cell_i, cell_j])
        .picks(
            "Click the cell whose pointer moves on (the smaller value).",
            [(cell_i, move_i), (cell_j, move_j)],
        ),
    )
}

/// The array on `side`.
fn array(state: &State, side: Side) -> &[i32] {
    match side {
        Side::A => &state.a,
        Side::B => &state.b,
    }
}

/// Merge sort's next write, or an array (or the output) sorted in one step.
fn sort(state: &State, step: &SortStep) -> Option<Question> {
    match step {
        SortStep::Write {
            side, index, value, ..
        } => {
            let values = array(state, *side);
            let at = *index as usize;
            // Wrong: the value already there and its neighbours, then any other value.
            let wrong = [at, at + 1, at.wrapping_sub(1), at + 2]
                .iter()
                .filter_map(|&position| values.get(position))
                .chain(values)
                .map(|value| value.to_string())
                .collect();
            Some(
                Question::choice(
                    format!(
                        "Merge sort writes position {at} of {}. Which value goes there?",
                        side.name()
                    ),
                    value.to_string(),
                    wrong,
                )
                .focus([Item::at(part(*side), at)]),
            )
        }
        SortStep::All { side, .. } => {
            let values = array(state, *side);
            sorted_question(format!("{} is sorted in one step", side.name()), values)
        }
        SortStep::Output { .. } => {
            sorted_question("The output is sorted".to_string(), &state.output)
        }
    }
}

/// What `values` look like sorted (wrong: as they are, reversed, sorted descending).
fn sorted_question(what: String, values: &[i32]) -> Option<Question> {
    let mut sorted = values.to_vec();
    sorted.sort();
    let mut descending = sorted.clone();
    descending.reverse();
    let mut reversed = values.to_vec();
    reversed.reverse();
    Some(Question::choice(
        format!("{what}. What does it become?"),
        list(&sorted),
        vec![list(values), list(&descending), list(&reversed)],
    ))
}

/// What a count becomes, or whether a lookup finds its value.
fn hash(state: &State, step: HashStep) -> Option<Question> {
    match step {
        HashStep::Insert { index } => {
            let value = *state.b.get(index as usize)?;
            let held = state.counts.get(value);
            let count = f64::from(held);
            Some(
                Question::number(
                    // `held` (an integer), not `count`: formatting an f64 with `{}` would link
                    // the standard library's float printing (about 9 KB gzipped) into the module.
                    format!("Count b[{index}] = {value}: counts[{value}] is {held} now. What does it become?"),
                    count + 1.0,
                    &[count, 1.0, count + 2.0],
                )
                .focus([Item::at(part(Side::B), index as usize)]),
            )
        }
        HashStep::Probe { index, found, .. } => {
            let value = *state.a.get(index as usize)?;
            let count = state.counts.get(value);
            let yes = format!(
                "Found: output {value}, its count drops to {}",
                count.saturating_sub(1)
            );
            let no = format!("Not found: skip {value}");
            let answer = if found { yes.clone() } else { no.clone() };
            Some(
                Question::choice(
                    format!("Look up a[{index}] = {value} in b's counts (counts[{value}] = {count}). What happens?"),
                    answer,
                    vec![yes, no, format!("Found: output {value}, the count stays {count}")],
                )
                .focus([Item::at(part(Side::A), index as usize)]),
            )
        }
    }
}

/// Do `a[i]` and `b[j]` match?
fn nested(state: &State, i: usize, j: usize, equal: bool, emitted: bool) -> Option<Question> {
    let (x, y) = (*state.a.get(i)?, *state.b.get(j)?);
    let used = state.matched_b.get(j).copied().unwrap_or(false);
    let output = format!("Match: {x} goes to the output, b[{j}] is marked used");
    let scan = "No match: scan on through b".to_string();
    let repeat = format!("Equal, but {x} is already in the output: scan on");
    let answer = match (equal, emitted) {
        (true, true) => output.clone(),
        (true, false) => repeat.clone(),
        (false, _) => scan.clone(),
    };
    let note = if used { ", already used" } else { "" };
    Some(
        Question::choice(
            format!("Nested loops compare a[{i}] = {x} with b[{j}] = {y}{note}. What happens?"),
            answer,
            vec![output, scan, repeat],
        )
        .focus([Item::at(part(Side::A), i), Item::at(part(Side::B), j)]),
    )
}

/// Which way a gallop goes, and where it lands.
fn gallop(state: &State, step: GallopStep) -> Option<Question> {
    let (short_values, long_values, short_side, long_side) = state.short_and_long();
    let (short_name, long_name) = (short_side.name(), long_side.name());
    match step {
        GallopStep::Probe { short, probe, less } => {
            let (x, y) = (
                *short_values.get(short as usize)?,
                *long_values.get(probe as usize)?,
            );
            let further = "Look further right: the jump doubles".to_string();
            let back = format!("Search back: {x} is at or before {long_name}[{probe}]");
            Some(
                Question::choice(
                    format!("Galloping for {short_name}[{short}] = {x}: the probe finds {long_name}[{probe}] = {y}. Where next?"),
                    if less { further.clone() } else { back.clone() },
                    vec![further, back],
                )
                .focus([
                    Item::at(part(short_side), short as usize),
                    Item::at(part(long_side), probe as usize),
                ]),
            )
        }
        GallopStep::Land {
            short,
            found,
            emitted,
            ..
        } => {
            let x = *short_values.get(short as usize)?;
            let output = format!("{x} is in {long_name}: it goes to the output");
            let missing = format!("{x} is not in {long_name}: nothing is output");
            let repeat = format!("{x} is there but already in the output");
            let answer = match (found, emitted) {
                (true, true) => output.clone(),
                (true, false) => repeat.clone(),
                _ => missing.clone(),
            };
            Some(
                Question::choice(
                    format!("The search for {short_name}[{short}] = {x} ends. What did it find?"),
                    answer,
                    vec![output, missing, repeat],
                )
                .focus([Item::at(part(short_side), short as usize)]),
            )
        }
    }
}
