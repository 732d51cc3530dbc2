//! The stack's "what happens next?" question: an item has arrived; does the top pop, does
//! popping stop, or is the item pushed to wait for its answer?

use super::{Event, Method, State};
use crate::algorithm::Question;
use crate::format::format_number;

/// The question before `event` (stack method only: the scan's steps have none of their own).
pub fn question(state: &State, event: &Event) -> Option<Question> {
    if state.options.method != Method::Stack || state.finished {
        return None;
    }
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
    Some(Question {
        prompt: format!(
            "a[{arriving}] = {} has arrived; {situation}. What happens next?",
            value(arriving)
        ),
        answer,
        wrong: [pop, stop, Some(push), Some(scan)]
            .into_iter()
            .flatten()
            .collect(),
    })
}
