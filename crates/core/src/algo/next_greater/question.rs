//! "What happens next?" at every step: which indices an arriving item pops, whether the top
//! pops, popping stops or the item is pushed; for the scan, which item answers, whether a
//! candidate beats the item; at the end, how many items keep −1.

use super::view::BARS;
use super::{Event, Method, State};
use crate::algorithm::{Item, Question};
use crate::format::format_number;

/// The question before `event`.
pub fn question(state: &State, event: &Event) -> Option<Question> {
    if state.finished {
        return None;
    }
    match (*event, state.options.method) {
        (Event::Visit { index, .. }, Method::Stack) => arrival(state, index),
        (Event::Visit { index, .. }, Method::Scan) => answer_of(state, index),
        (Event::Miss { index, candidate } | Event::Found { index, candidate }, _) => beats(
            state,
            index,
            candidate,
            matches!(event, Event::Found { .. }),
        ),
        (Event::Exhausted { index }, _) => exhausted(state, index),
        (Event::Finish { unresolved }, _) => finish(state, unresolved),
        _ => stack_step(state, event),
    }
}

/// An item arrives at the stack: which waiting indices does it pop?
fn arrival(state: &State, index: usize) -> Option<Question> {
    let variant = state.options.variant;
    let value = state.values[index];
    if value.is_nan() {
        return None;
    }
    let popped: Vec<usize> = state
        .stack
        .iter()
        .rev()
        .take_while(|&&top| variant.beats(value, state.values[top]))
        .copied()
        .collect();
    let list = |indices: &[usize]| match indices {
        [] => "None: it only waits".to_string(),
        _ => indices
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    };
    let waiting: Vec<usize> = state.stack.iter().rev().copied().collect();
    let waiting_text = if waiting.is_empty() {
        "the stack is empty".to_string()
    } else {
        format!(
            "the stack holds {} (top first)",
            waiting
                .iter()
                .map(|&top| format!("{top}: {}", format_number(state.values[top])))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    // Clicking a waiting bar means "it pops down to here"; the new bar means "none".
    let picks = waiting
        .iter()
        .enumerate()
        .map(|(depth, &top)| (Item::at(BARS, top), list(&waiting[..=depth])))
        .chain([(Item::at(BARS, index), list(&[]))]);
    Some(
        Question::choice(
            format!(
                "a[{index}] = {} arrives; {waiting_text}. Which indices does it pop?",
                format_number(value)
            ),
            list(&popped),
            vec![
                list(&waiting),
                list(&waiting[..waiting.len().min(1)]),
                list(&[]),
                list(&waiting[..(popped.len() + 1).min(waiting.len())]),
                // With an empty stack: the item itself, or the one before it.
                list(&[index]),
                list(&[index.saturating_sub(1)]),
            ],
        )
        .focus(
            waiting
                .iter()
                .chain([&index])
                .map(|&bar| Item::at(BARS, bar)),
        )
        .picks(
            "Click the last bar it pops, or its own bar if it pops none.",
            picks,
        ),
    )
}

/// The scan starts on an item: which item turns out to be its answer?
fn answer_of(state: &State, index: usize) -> Option<Question> {
    let variant = state.options.variant;
    let length = state.values.len();
    let order: Vec<usize> = (1..length)
        .map(|distance| {
            if variant.previous {
                (index + length - distance) % length
            } else {
                (index + distance) % length
            }
        })
        .filter(|&other| {
            variant.circular
                || (if variant.previous {
                    other < index
                } else {
                    other > index
                })
        })
        .collect();
    let found = order
        .iter()
        .find(|&&other| variant.beats(state.values[other], state.values[index]));
    let text = |answer: Option<&usize>| answer.map_or("-1 (none)".to_string(), usize::to_string);
    Some(
        Question::choice(
            format!(
                "The scan takes a[{index}] = {}. Which index will be its {}?",
                format_number(state.values[index]),
                variant.name()
            ),
            text(found),
            vec![
                text(order.first()),
                text(None),
                text(order.last()),
                text(order.get(1)),
            ],
        )
        .focus([Item::at(BARS, index)])
        .picks(
            "Click the bar that answers it.",
            order
                .iter()
                .map(|other| (Item::at(BARS, *other), text(Some(other)))),
        ),
    )
}

/// Does the candidate beat the item?
fn beats(state: &State, index: usize, candidate: usize, found: bool) -> Option<Question> {
    let variant = state.options.variant;
    let yes = format!("Yes: {candidate} is the answer for {index}");
    let no = "No: keep looking".to_string();
    Some(
        Question::choice(
            format!(
                "Is a[{candidate}] = {} the {} of a[{index}] = {}?",
                format_number(state.values[candidate]),
                variant.name(),
                format_number(state.values[index])
            ),
            if found { yes.clone() } else { no.clone() },
            vec![yes, no],
        )
        .focus([Item::at(BARS, index), Item::at(BARS, candidate)]),
    )
}

/// Nothing beat the item: what is its answer?
fn exhausted(state: &State, index: usize) -> Option<Question> {
    let last = state.values.len() - 1;
    Some(
        Question::choice(
            format!(
                "No later item beat a[{index}] = {}. What is its answer?",
                format_number(state.values[index])
            ),
            "-1 (none)".to_string(),
            vec![index.to_string(), last.to_string(), "0".to_string()],
        )
        .focus([Item::at(BARS, index)]),
    )
}

/// The run is over: how many items keep −1?
fn finish(state: &State, unresolved: usize) -> Option<Question> {
    let count = unresolved as f64;
    Some(
        Question::number(
            format!(
                "The scan is over{}. How many items have no {}?",
                if state.options.method == Method::Stack {
                    format!(" with {} indices on the stack", state.stack.len())
                } else {
                    String::new()
                },
                state.options.variant.name()
            ),
            count,
            &[0.0, count + 1.0, state.values.len() as f64],
        )
        .focus(state.stack.iter().map(|&waiting| Item::at(BARS, waiting))),
    )
}

/// The stack's steps for the arrived item: does the top pop, does popping stop, or is the item
/// pushed to wait?
fn stack_step(state: &State, event: &Event) -> Option<Question> {
    let (_, arriving) = state.cursor?;
    let value = |index: usize| format_number(state.values[index]);
    let variant = state.options.variant.name();
    let top = state.stack.last().copied();
    let pop = top.map(|top| {
        format!(
            "Pop index {top}: its {variant} is a[{arriving}] = {}",
            value(arriving)
        )
    });
    let stop = top.map(|top| {
        format!(
            "Stop popping: a[{arriving}] = {} does not settle index {top}",
            value(arriving)
        )
    });
    let push = format!("Push index {arriving}: it waits for its {variant}");
    let answer = match *event {
        Event::Pop { .. } => pop.clone()?,
        Event::Stop { .. } => stop.clone()?,
        Event::Push { index } if index == arriving => push.clone(),
        _ => return None,
    };
    let situation = match top {
        None => "the stack is empty".to_string(),
        Some(top) => format!(
            "the top of the stack is index {top} (a[{top}] = {})",
            value(top)
        ),
    };
    let scan = format!(
        "Scan every item after index {} for one that beats it",
        top.unwrap_or(arriving)
    );
    Some(
        Question::choice(
            format!(
                "a[{arriving}] = {} has arrived; {situation}. What happens next?",
                value(arriving)
            ),
            answer,
            [pop, stop, Some(push), Some(scan)]
                .into_iter()
                .flatten()
                .collect(),
        )
        .focus(
            top.into_iter()
                .chain([arriving])
                .map(|bar| Item::at(BARS, bar)),
        ),
    )
}
