//! Replay: the state the animation shows, and each event applied to it or undone in O(1).

use super::kernel::accumulate;
use super::{Event, Options, Prepared, Roc, State};
use crate::algorithm::Replay;

impl Replay for Roc {
    type State = State;

    fn start(input: &Prepared, options: &Options) -> State {
        State {
            samples: input.samples.clone(),
            class_names: input.class_names.clone(),
            totals: input.totals,
            passed: 0,
            true_positives: 0.0,
            false_positives: 0.0,
            auc: 0.0,
            points: vec![(0.0, 0.0)],
            plain: options.plain,
        }
    }

    fn state_bytes(state: &State) -> usize {
        // The samples are shared; the curve grows to one point per sample at most.
        std::mem::size_of::<State>() + state.samples.len() * std::mem::size_of::<(f64, f64)>()
    }

    fn apply(state: &mut State, event: &Event) {
        let Event::Lower { start, end, .. } = *event;
        accumulate(
            &state.samples[start as usize..end as usize],
            &mut state.true_positives,
            &mut state.false_positives,
        );
        let (positives, negatives) = state.totals;
        let (x0, y0) = state.points.last().copied().unwrap_or((0.0, 0.0));
        let (x1, y1) = (
            state.false_positives / negatives,
            state.true_positives / positives,
        );
        state.auc += (x1 - x0) * (y0 + y1) / 2.0;
        state.points.push((x1, y1));
        state.passed = end as usize;
    }

    fn undo(state: &mut State, event: &Event) {
        let Event::Lower {
            start,
            true_before,
            false_before,
            auc_before,
            ..
        } = *event;
        state.true_positives = true_before;
        state.false_positives = false_before;
        state.auc = auc_before;
        state.points.pop();
        state.passed = start as usize;
    }
}
