//! Explanation: narration, pseudocode lines, operation counters and the quiz question.

use super::info::{Line, PSEUDOCODE};
use super::text::{format_count, percent, plain_names};
use super::{question, Event, Options, Roc, State};
use crate::algorithm::{Counter, Explain, Pseudocode, Question};
use crate::format::{format_fixed, format_number, group_digits};

impl Explain for Roc {
    type Line = Line;

    fn introduce(state: &State) -> String {
        let (positives, negatives) = state.totals;
        let (positive, negative) = plain_names(state);
        if state.plain {
            format!(
                "{} people: {} are {positive} and {} are {negative}. A test gives each a score; \
                 we pick a cut-off and flag everyone scoring at or above it. Start with the \
                 cut-off above every score: nobody is flagged.",
                group_digits(state.samples.len()),
                format_count(positives),
                format_count(negatives)
            )
        } else {
            format!(
                "{} samples, P = {} ({positive}), N = {} ({negative}). Threshold +∞: nothing is \
                 predicted positive, the curve starts at (0, 0).",
                group_digits(state.samples.len()),
                format_count(positives),
                format_count(negatives)
            )
        }
    }

    fn narrate(state: &State, event: &Event) -> String {
        let Event::Lower {
            start,
            end,
            true_before,
            false_before,
            auc_before,
        } = *event;
        let (positives, negatives) = state.totals;
        let (positive, negative) = plain_names(state);
        let threshold = format_number(state.threshold());
        let tpr = state.true_positives / positives;
        let fpr = state.false_positives / negatives;
        if state.plain {
            return format!(
                "Cut-off {threshold}: we flag {} of the {} {positive} (TPR {}) and wrongly flag \
                 {} of the {} {negative} (FPR {}).",
                format_count(state.true_positives),
                format_count(positives),
                percent(tpr),
                format_count(state.false_positives),
                format_count(negatives),
                percent(fpr)
            );
        }
        let tied = end - start;
        let group = if tied > 1 {
            format!(" ({tied} tied samples move together)")
        } else {
            String::new()
        };
        format!(
            "Threshold {threshold}{group}: +{} TP, +{} FP → TPR {}, FPR {}; the trapezoid adds \
             {}, AUC {}.",
            format_count(state.true_positives - true_before),
            format_count(state.false_positives - false_before),
            format_fixed(tpr, 3),
            format_fixed(fpr, 3),
            format_fixed(state.auc - auc_before, 4),
            format_fixed(state.auc, 4)
        )
    }

    fn line(_event: &Event, _options: &Options) -> Line {
        Line::Count
    }

    fn pseudocode(_options: &Options) -> Pseudocode<Line> {
        PSEUDOCODE
    }

    fn counters(state: &State) -> Vec<Counter> {
        vec![
            Counter::count("thresholds", state.points.len() as u64 - 1),
            Counter::count("samples counted", state.passed as u64),
        ]
    }

    fn question(state: &State, event: &Event) -> Option<Question> {
        question::question(state, event)
    }
}
