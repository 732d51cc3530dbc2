//! The "what happens next?" question: a request arrives; is it allowed, rejected, or (leaky
//! queue) delayed?

use super::text::{short, window_text};
use super::view::{MEMORY, REQUESTS};
use super::{Event, Memory, State};
use crate::algorithm::{Item, Question};

/// The question before `event`, from the method's memory before it.
pub fn question(state: &State, event: &Event) -> Option<Question> {
    let params = state.options.params;
    let limit = params.limit;
    let situation = match event.before {
        Memory::Fixed { window: None, .. } | Memory::Counter { window: None, .. } => {
            "no window has started yet".to_string()
        }
        Memory::Fixed {
            window: Some(index),
            count,
        } => format!(
            "window {} has {count} allowed",
            window_text(index, params.window)
        ),
        Memory::Log { entries } => format!("the log holds {entries} timestamps"),
        Memory::Counter {
            window: Some(index),
            previous,
            current,
        } => format!(
            "window {} has {current} allowed, the one before it {previous}",
            window_text(index, params.window)
        ),
        Memory::Bucket { tokens, last } => format!(
            "the bucket held {} tokens at t={}",
            short(tokens),
            short(last)
        ),
        Memory::Queue { waiting, .. } => format!("{waiting} requests were waiting"),
    };
    let allow = "Allow it".to_string();
    let reject = "Reject it".to_string();
    let answer = match event.release {
        None => reject.clone(),
        Some(release) if release > event.time => format!("Queue it until t={}", short(release)),
        Some(_) => allow.clone(),
    };
    let wrong = [allow, reject]
        .into_iter()
        .filter(|choice| *choice != answer)
        .collect();
    Some(
        Question::choice(
            format!(
                "A request arrives at t={}; {situation} (limit {limit}). What does the limiter do?",
                short(event.time)
            ),
            answer,
            wrong,
        )
        .focus([Item::at(REQUESTS, event.index), Item::at(MEMORY, 0)]),
    )
}
