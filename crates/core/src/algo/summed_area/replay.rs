//! Replay: the state the animation shows, and each event applied to it or undone in O(1).

use super::kernel::fill_formula;
use super::{Event, Input, Method, Options, State, SummedArea};
use crate::algorithm::Replay;

impl Replay for SummedArea {
    type State = State;

    fn start(input: &Input, options: &Options) -> State {
        let matrix = &input.matrix;
        let (a, b) = match input.rects {
            Some((a, b)) => (Some(a), b),
            None => (None, None),
        };
        State {
            rows: matrix.rows,
            columns: matrix.columns,
            matrix: matrix.values.clone(),
            table: match options.method {
                Method::Table => vec![0.0; (matrix.rows + 1) * (matrix.columns + 1)],
                Method::Naive => Vec::new(),
            },
            filled: 0,
            options: *options,
            rects: [a, b, a.zip(b).and_then(|(a, b)| a.intersection(b))],
            sums: [0.0; 3],
            complete: [false; 3],
            intersected: false,
            ratio_shown: false,
            reads: 0,
            additions: 0,
        }
    }

    fn state_bytes(state: &State) -> usize {
        std::mem::size_of::<State>()
            + (state.matrix.len() + state.table.len()) * std::mem::size_of::<f64>()
    }

    fn apply(state: &mut State, event: &Event) {
        match *event {
            Event::Fill { row, column } => {
                let (row, column) = (row as usize, column as usize);
                let value = fill_formula(
                    state.value(row - 1, column - 1),
                    state.table_cell(row - 1, column),
                    state.table_cell(row, column - 1),
                    state.table_cell(row - 1, column - 1),
                );
                let width = state.columns + 1;
                state.table[row * width + column] = value;
                state.filled += 1;
                state.reads += 4;
                state.additions += 3;
            }
            Event::Lookup { target, corner, .. } => {
                if let Some(rect) = state.rects[target.slot()] {
                    let (row, column, sign) = rect.corners()[corner as usize];
                    state.sums[target.slot()] += sign * state.table_cell(row, column);
                }
                state.reads += 1;
                state.additions += 1;
            }
            Event::Read {
                target,
                row,
                column,
                ..
            } => {
                state.sums[target.slot()] += state.value(row as usize, column as usize);
                state.reads += 1;
                state.additions += 1;
            }
            Event::Total { target } => state.complete[target.slot()] = true,
            Event::Intersect => state.intersected = true,
            Event::Ratio => state.ratio_shown = true,
        }
    }

    fn undo(state: &mut State, event: &Event) {
        match *event {
            Event::Fill { row, column } => {
                let width = state.columns + 1;
                state.table[row as usize * width + column as usize] = 0.0;
                state.filled -= 1;
                state.reads -= 4;
                state.additions -= 3;
            }
            Event::Lookup { target, before, .. } | Event::Read { target, before, .. } => {
                state.sums[target.slot()] = before;
                state.reads -= 1;
                state.additions -= 1;
            }
            Event::Total { target } => state.complete[target.slot()] = false,
            Event::Intersect => state.intersected = false,
            Event::Ratio => state.ratio_shown = false,
        }
    }
}
