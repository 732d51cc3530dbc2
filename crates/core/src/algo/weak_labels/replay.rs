//! Replay: every round is computed before the first step, so a step only moves the stage
//! (applied or undone in O(1)).

use std::rc::Rc;

use super::{Event, Options, Problem, Stage, State, WeakLabels};
use crate::algorithm::Replay;

impl Replay for WeakLabels {
    type State = State;

    fn start(problem: &Problem, options: &Options) -> State {
        State {
            problem: Rc::new(problem.clone()),
            options: options.clone(),
            stage: Stage::Votes,
            finished: false,
        }
    }

    fn state_bytes(state: &State) -> usize {
        std::mem::size_of::<State>() + state.options.feedback.len()
    }

    fn apply(state: &mut State, event: &Event) {
        match *event {
            Event::Vote => state.stage = Stage::Majority,
            Event::Start => state.stage = Stage::Round(0),
            Event::Round { round } => state.stage = Stage::Round(round as usize),
            Event::Finish => state.finished = true,
        }
    }

    fn undo(state: &mut State, event: &Event) {
        match *event {
            Event::Vote => state.stage = Stage::Votes,
            Event::Start => state.stage = Stage::Majority,
            Event::Round { round } => state.stage = Stage::Round(round as usize - 1),
            Event::Finish => state.finished = false,
        }
    }
}
