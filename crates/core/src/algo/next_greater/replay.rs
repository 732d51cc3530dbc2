//! Replay: the state the animation shows, and each event applied to it or undone in O(1).

use super::{Event, NextGreater, Options, State};
use crate::algorithm::Replay;

impl Replay for NextGreater {
    type State = State;

    fn start(values: &Vec<f64>, options: &Options) -> State {
        State {
            values: values.clone(),
            options: *options,
            stack: Vec::new(),
            answer: vec![-1; values.len()],
            cursor: None,
            finished: false,
            comparisons: 0,
            pushes: 0,
            pops: 0,
        }
    }

    fn state_bytes(state: &State) -> usize {
        std::mem::size_of::<State>()
            + state.values.len() * (std::mem::size_of::<f64>() + std::mem::size_of::<i32>())
            + state.stack.capacity().max(state.values.len()) * std::mem::size_of::<usize>()
    }

    fn apply(state: &mut State, event: &Event) {
        match *event {
            Event::Visit { step, index, .. } => state.cursor = Some((step, index)),
            Event::Pop { index, by } => {
                state.stack.pop();
                state.answer[index] = by as i32;
                state.comparisons += 1;
                state.pops += 1;
            }
            Event::Stop { .. } | Event::Miss { .. } => state.comparisons += 1,
            Event::Push { index } => {
                state.stack.push(index);
                state.pushes += 1;
            }
            Event::Found { index, candidate } => {
                state.answer[index] = candidate as i32;
                state.comparisons += 1;
            }
            Event::Exhausted { .. } => {}
            Event::Finish { .. } => state.finished = true,
        }
    }

    fn undo(state: &mut State, event: &Event) {
        match *event {
            Event::Visit { before, .. } => state.cursor = before,
            Event::Pop { index, .. } => {
                state.stack.push(index);
                state.answer[index] = -1;
                state.comparisons -= 1;
                state.pops -= 1;
            }
            Event::Stop { .. } | Event::Miss { .. } => state.comparisons -= 1,
            Event::Push { .. } => {
                state.stack.pop();
                state.pushes -= 1;
            }
            Event::Found { index, .. } => {
                state.answer[index] = -1;
                state.comparisons -= 1;
            }
            Event::Exhausted { .. } => {}
            Event::Finish { .. } => state.finished = false,
        }
    }
}
