//! The sweep's "what happens next?" question: the threshold drops to the next score; how do
//! the counts change? (Wrong answers swap hits and false alarms, or move the misses instead.)

use super::kernel::accumulate;
use super::text::format_count;
use super::view::{MATRIX, SCORES};
use super::{Event, State};
use crate::algorithm::{Item, Question};
use crate::format::format_number;

/// The question before `event`: asked at every threshold.
pub fn question(state: &State, event: &Event) -> Option<Question> {
    let Event::Lower { start, end, .. } = *event;
    let group = state.samples.get(start as usize..end as usize)?;
    let (mut hits, mut alarms) = (0.0, 0.0);
    accumulate(group, &mut hits, &mut alarms);
    if hits + alarms == 0.0 {
        return None;
    }
    let change = |count: f64| format!("+{}", format_count(count));
    let counts = |tp: f64, fp: f64| format!("{} TP, {} FP", change(tp), change(fp));
    Some(
        Question::choice(
            format!(
                "The threshold drops to {}: every sample scoring at least that is now flagged. How do the counts change?",
                format_number(group[0].score)
            ),
            counts(hits, alarms),
            vec![
                counts(alarms, hits),
                counts(hits + alarms, 0.0),
                counts(0.0, hits + alarms),
                format!("{} FN, {} TN", change(hits), change(alarms)),
                counts(hits + alarms, hits + alarms),
            ],
        )
        .focus([Item::at(SCORES, start as usize), Item::at(MATRIX, 0)]),
    )
}
