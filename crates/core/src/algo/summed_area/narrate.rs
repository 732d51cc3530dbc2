//! Explanation: narration, pseudocode lines, operation counters and the quiz question.

use super::info::{Line, NAIVE_PSEUDOCODE, TABLE_PSEUDOCODE};
use super::text::{corner_text, format_ratio};
use super::{area_iou, question, Event, Method, Options, State, SummedArea};
use crate::algorithm::{Counter, Explain, Pseudocode, Question};
use crate::format::format_number;

impl Explain for SummedArea {
    type Line = Line;

    fn introduce(state: &State) -> String {
        if state.rows == 0 || state.columns == 0 {
            return "The matrix is empty: there is nothing to sum.".to_string();
        }
        let what = if state.options.iou {
            "the weighted IoU of rectangles A and B"
        } else {
            "the sum of rectangle A"
        };
        match state.options.method {
            Method::Table => format!(
                "Fill the {}×{} summed-area table S of the {}×{} matrix M once, then get {what} \
                 from four lookups per rectangle.",
                state.rows + 1,
                state.columns + 1,
                state.rows,
                state.columns
            ),
            Method::Naive => format!(
                "Compute {what} by adding up every cell of each rectangle in the {}×{} matrix.",
                state.rows, state.columns
            ),
        }
    }

    fn narrate(state: &State, event: &Event) -> String {
        match *event {
            Event::Fill { row, column } => {
                let (row, column) = (row as usize, column as usize);
                format!(
                    "S[{row}][{column}] = M[{}][{}] + S[{}][{column}] + S[{row}][{}] − S[{}][{}] \
                     = {} + {} + {} − {} = {}",
                    row - 1,
                    column - 1,
                    row - 1,
                    column - 1,
                    row - 1,
                    column - 1,
                    format_number(state.value(row - 1, column - 1)),
                    format_number(state.table_cell(row - 1, column)),
                    format_number(state.table_cell(row, column - 1)),
                    format_number(state.table_cell(row - 1, column - 1)),
                    format_number(state.table_cell(row, column))
                )
            }
            Event::Lookup { target, corner, .. } => format!(
                "sum({}) {}: running total {}.",
                target.name(),
                corner_text(state, target, corner),
                format_number(state.sums[target.slot()])
            ),
            Event::Read {
                target,
                row,
                column,
                ..
            } => format!(
                "sum({}) += M[{row}][{column}] = {}: running total {}.",
                target.name(),
                format_number(state.value(row as usize, column as usize)),
                format_number(state.sums[target.slot()])
            ),
            Event::Total { target } => {
                let slot = target.slot();
                let Some(rect) = state.rects[slot] else {
                    return String::new();
                };
                let sum = state.sums[slot];
                match state.options.method {
                    Method::Table => {
                        let naive = state.naive_sum(rect);
                        let check = if naive == sum {
                            format!("the cell-by-cell sum agrees ({} cells)", rect.area())
                        } else {
                            format!(
                                "the cell-by-cell sum is {} (floating-point rounding)",
                                format_number(naive)
                            )
                        };
                        format!(
                            "sum({}) over {} = {} from 4 lookups; {check}.",
                            target.name(),
                            rect.describe(),
                            format_number(sum)
                        )
                    }
                    Method::Naive => format!(
                        "sum({}) over {} = {} after reading {} cells.",
                        target.name(),
                        rect.describe(),
                        format_number(sum),
                        rect.area()
                    ),
                }
            }
            Event::Intersect => match state.rects[2] {
                Some(both) => format!("A∩B covers {} ({} cells).", both.describe(), both.area()),
                None => "A and B do not overlap: A∩B is empty, its sum is 0.".to_string(),
            },
            Event::Ratio => {
                let (a, b) = (state.sums[0], state.sums[1]);
                let both = state.sums[2];
                let area = match (state.rects[0], state.rects[1]) {
                    (Some(first), Some(second)) => area_iou(first, second),
                    _ => 0.0,
                };
                let union = a + b - both;
                let weighted = if union == 0.0 {
                    "0 (the union weighs 0, so the IoU is defined as 0)".to_string()
                } else {
                    format_ratio(state.weighted_iou())
                };
                format!(
                    "weighted IoU = {} / ({} + {} − {}) = {weighted}; area IoU = {}.",
                    format_number(both),
                    format_number(a),
                    format_number(b),
                    format_number(both),
                    format_ratio(area)
                )
            }
        }
    }

    fn line(event: &Event, options: &Options) -> Line {
        match event {
            Event::Fill { .. } => Line::Fill,
            Event::Lookup { corner: 0 | 1, .. } => Line::LookupFirst,
            Event::Lookup { .. } => Line::LookupSecond,
            Event::Read { .. } => Line::Add,
            Event::Total { .. } => match options.method {
                Method::Table => Line::LookupSecond,
                Method::Naive => Line::Return,
            },
            Event::Intersect => Line::Intersect,
            Event::Ratio => Line::Ratio,
        }
    }

    fn pseudocode(options: &Options) -> Pseudocode<Line> {
        match options.method {
            Method::Table => TABLE_PSEUDOCODE,
            Method::Naive => NAIVE_PSEUDOCODE,
        }
    }

    fn counters(state: &State) -> Vec<Counter> {
        vec![
            Counter::count("cells read", state.reads),
            Counter::count("additions", state.additions),
        ]
    }

    fn question(state: &State, event: &Event) -> Option<Question> {
        question::question(state, event)
    }
}
