//! The two pointers' "what happens next?" question: which pointer moves, and does the value
//! go to the output?

use super::{Event, PointerStep, Semantics, State};
use crate::algorithm::Question;
use crate::format::format_number;
use std::cmp::Ordering;

/// The question before `event`: asked at each comparison of the two pointers.
pub fn question(state: &State, event: &Event) -> Option<Question> {
    let Event::Pointers(PointerStep::Compare {
        i,
        j,
        outcome,
        emitted,
    }) = *event
    else {
        return None;
    };
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
    Some(Question {
        prompt: format!(
            "The pointers are at a[{i}] = {x} and b[{j}] = {y} ({semantics} semantics). What happens next?"
        ),
        answer,
        wrong: vec![move_i, move_j, output, last_wrong],
    })
}
