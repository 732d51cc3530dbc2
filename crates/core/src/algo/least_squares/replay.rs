//! Replay: the state the animation shows, and each event applied to it or undone in O(1)
//! (each step's fit is kept on the state's trail; undo drops the last).

use std::rc::Rc;

use super::{descent, objective, Event, LeastSquares, Mark, Options, Problem, State};
use crate::algorithm::Replay;

impl Replay for LeastSquares {
    type State = State;

    fn start(problem: &Problem, options: &Options) -> State {
        State {
            problem: Rc::new(problem.clone()),
            options: *options,
            trail: vec![descent::first_mark(problem, options)],
            finished: false,
        }
    }

    fn state_bytes(state: &State) -> usize {
        std::mem::size_of::<State>() + state.trail.capacity() * std::mem::size_of::<Mark>()
    }

    fn apply(state: &mut State, event: &Event) {
        let (Event::Descend { to, .. }
        | Event::Pivot { to, .. }
        | Event::Slide { to, .. }
        | Event::Finish { to, .. }) = *event;
        let objective = objective(&state.problem.points, to, state.options.loss());
        state.trail.push(Mark {
            params: to,
            objective,
        });
        state.finished = matches!(event, Event::Finish { .. });
    }

    fn undo(state: &mut State, _event: &Event) {
        if state.trail.len() > 1 {
            state.trail.pop();
        }
        state.finished = false;
    }
}
