//! Explanation: narration, pseudocode lines, operation counters and the quiz question.

use super::info::{
    Line, SCAN_PSEUDOCODE_GREATER, SCAN_PSEUDOCODE_SMALLER, STACK_PSEUDOCODE_GREATER,
    STACK_PSEUDOCODE_SMALLER,
};
use super::text::{answer_text, item_text};
use super::{question, Event, Method, NextGreater, Options, State};
use crate::algorithm::{Counter, Explain, Pseudocode, Question};
use crate::format::format_number;

impl Explain for NextGreater {
    type Line = Line;

    fn introduce(state: &State) -> String {
        let variant = state.options.variant;
        if state.values.is_empty() {
            return "The array is empty: there is nothing to scan.".to_string();
        }
        let direction = if variant.previous {
            "right to left"
        } else {
            "left to right"
        };
        let laps = if variant.circular {
            ", twice round (circular)"
        } else {
            ""
        };
        match state.options.method {
            Method::Stack => format!(
                "Find the {} element of each of {} items: scan {direction}{laps}, keeping a \
                 stack of indices still waiting for an answer.",
                variant.name(),
                state.values.len()
            ),
            Method::Scan => format!(
                "Find the {} element of each of {} items by checking, for every item, the \
                 items after it in scan order ({direction}{laps}).",
                variant.name(),
                state.values.len()
            ),
        }
    }

    fn narrate(state: &State, event: &Event) -> String {
        let values = &state.values;
        let variant = state.options.variant;
        let name = variant.name();
        match *event {
            Event::Visit { step, index, .. } => {
                let lap = if step >= values.len() {
                    " (second lap: it can still answer items on the stack, but is not pushed again)"
                } else {
                    ""
                };
                format!("i = {index}: look at {}{lap}.", item_text(values, index))
            }
            Event::Pop { index, by } => format!(
                "{} {} {}: pop {index} — {name} of {} is {}.",
                item_text(values, by),
                variant.symbol(),
                item_text(values, index),
                format_number(values[index]),
                format_number(values[by])
            ),
            Event::Stop { index, by } => format!(
                "{} {} {}: {index} stays on the stack; stop popping.",
                item_text(values, by),
                variant.not_symbol(),
                item_text(values, index)
            ),
            Event::Push { index } => format!(
                "Push {index}: {} waits on the stack for its {name} element.",
                item_text(values, index)
            ),
            Event::Miss { index, candidate } => format!(
                "{} {} {}: not the answer, keep looking.",
                item_text(values, candidate),
                variant.not_symbol(),
                item_text(values, index)
            ),
            Event::Found { index, candidate } => format!(
                "{} {} {}: the {name} of {} is {} (answer {}).",
                item_text(values, candidate),
                variant.symbol(),
                item_text(values, index),
                format_number(values[index]),
                format_number(values[candidate]),
                answer_text(state, candidate)
            ),
            Event::Exhausted { index } => format!(
                "Nothing beats {}: its answer is -1.",
                item_text(values, index)
            ),
            Event::Finish { unresolved } => match unresolved {
                0 => format!("Done: every item has a {name} element."),
                1 => format!("Done: 1 item has no {name} element; its answer is -1."),
                _ => {
                    format!("Done: {unresolved} items have no {name} element; their answer is -1.")
                }
            },
        }
    }

    fn line(event: &Event, options: &Options) -> Line {
        match event {
            Event::Visit { .. } => Line::EachItem,
            Event::Stop { .. } => Line::WhileBeats,
            Event::Pop { .. } => Line::Pop,
            Event::Push { .. } => Line::Push,
            Event::Miss { .. } => Line::Beats,
            Event::Found { .. } => Line::Found,
            Event::Exhausted { .. } => Line::NoneFound,
            Event::Finish { .. } => match options.method {
                Method::Stack => Line::LeftOver,
                Method::Scan => Line::NoneFound,
            },
        }
    }

    fn pseudocode(options: &Options) -> Pseudocode<Line> {
        match (options.method, options.variant.smaller) {
            (Method::Stack, false) => STACK_PSEUDOCODE_GREATER,
            (Method::Stack, true) => STACK_PSEUDOCODE_SMALLER,
            (Method::Scan, false) => SCAN_PSEUDOCODE_GREATER,
            (Method::Scan, true) => SCAN_PSEUDOCODE_SMALLER,
        }
    }

    fn counters(state: &State) -> Vec<Counter> {
        let mut counters = vec![Counter::count("comparisons", state.comparisons)];
        if state.options.method == Method::Stack {
            counters.push(Counter::count("pushes", state.pushes));
            counters.push(Counter::count("pops", state.pops));
        }
        counters
    }

    fn question(state: &State, event: &Event) -> Option<Question> {
        question::question(state, event)
    }
}
