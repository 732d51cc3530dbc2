//! The practice question about each step, asked before it is taken.

use super::narrate::{item_text, place_name};
use super::view::{BARS, ORDERS};
use super::{Event, State};
use crate::algorithm::{Item, Question};
use crate::format::format_number;

/// The question about `event`, which is about to be applied to `state`.
pub(super) fn ask(state: &State, event: &Event) -> Option<Question> {
    let position = |item: u32| state.order.iter().position(|&at| at == item).unwrap_or(0);
    match event {
        Event::Compare {
            first,
            second,
            less,
            ..
        } => {
            let (a, b) = (item_text(state, *first), item_text(state, *second));
            let yes = format!("{a} < {b}");
            let no = format!("{a} ≥ {b}");
            let (answer, wrong) = if *less { (yes, no) } else { (no, yes) };
            Some(
                Question::choice(
                    format!(
                        "Comparison {}: how do {a} and {b} compare?",
                        state.comparisons + 1
                    ),
                    answer,
                    vec![wrong],
                )
                .focus([
                    Item::at(BARS, position(*first)),
                    Item::at(BARS, position(*second)),
                ]),
            )
        }
        Event::Move { from, to } => {
            let item = state.order[*from as usize];
            let slips = [f64::from(*from) + 1.0, f64::from(*to), f64::from(*to) + 2.0];
            Some(
                Question::number(
                    format!(
                        "Where does {} go (its position, counting from 1)?",
                        item_text(state, item)
                    ),
                    f64::from(*to) + 1.0,
                    &slips,
                )
                .focus([Item::at(BARS, *from as usize)]),
            )
        }
        Event::Ask {
            first,
            second,
            less,
            left,
            kept,
            ..
        } => {
            let other = left - kept;
            let claim = |first_smaller: bool| {
                let (low, high) = if first_smaller {
                    (first, second)
                } else {
                    (second, first)
                };
                let orders = if first_smaller == *less { *kept } else { other };
                format!(
                    "item {} < item {} ({orders} orders stay)",
                    low + 1,
                    high + 1
                )
            };
            Some(
                Question::choice(
                    format!(
                        "{left} orders are possible. The algorithm asks: is item {} < item {}? \
                         What does the adversary answer?",
                        first + 1,
                        second + 1
                    ),
                    claim(*less),
                    vec![claim(!*less)],
                )
                .focus([Item::at(ORDERS, 0)]),
            )
        }
        Event::Round { swapped, .. } => {
            let exchanges = swapped.iter().filter(|&&swap| swap).count() as f64;
            let total = swapped.len() as f64;
            Some(Question::number(
                format!(
                    "Round {} has {} comparators. How many of them exchange their values?",
                    state.rounds + 1,
                    swapped.len()
                ),
                exchanges,
                &[total - exchanges, exchanges + 1.0, total],
            ))
        }
        Event::Distribute { item, digit } => {
            let key = state.values[*item as usize] as i64 + state.offset;
            let slips: Vec<f64> = (0..4u32)
                .map(|place| f64::from(((key / 10i64.pow(place)) % 10) as u8))
                .chain([f64::from((*digit + 1) % 10)])
                .collect();
            Some(
                Question::number(
                    format!(
                        "Which bucket does {} go to, by {} digit of {}?",
                        item_text(state, *item),
                        place_name(state.passes),
                        key
                    ),
                    f64::from(*digit),
                    &slips,
                )
                .focus([Item::at(BARS, 0)]),
            )
        }
        Event::Collect { buckets } => {
            let first = buckets.iter().flatten().next()?;
            let last = buckets.iter().flatten().last()?;
            let answer = format_number(state.values[*first as usize]);
            let mut wrong = vec![format_number(state.values[*last as usize])];
            if let Some(front) = state
                .order
                .first()
                .or(buckets.iter().rev().flatten().next())
            {
                wrong.push(format_number(state.values[*front as usize]));
            }
            Some(Question::choice(
                "The buckets are collected, 0 first. Which value comes first?".to_string(),
                answer,
                wrong,
            ))
        }
        Event::Finish => {
            let n = state.values.len();
            let (prompt, count) = match state.options.method {
                super::Method::Radix => (
                    format!("Radix sort has sorted {n} items. How many comparisons did it make?"),
                    0,
                ),
                super::Method::Network => (
                    format!("The last round is done. How many comparators did the {n} wires pass?"),
                    state.comparisons,
                ),
                _ => (
                    format!(
                        "The {n} items are in order. How many comparisons did it take                          (⌈log2 {n}!⌉ = {})?",
                        state.bound
                    ),
                    state.comparisons,
                ),
            };
            let count = count as f64;
            let bound = state.bound as f64;
            Some(Question::number(
                prompt,
                count,
                &[bound, count + 1.0, (count - 1.0).max(0.0), bound + 1.0],
            ))
        }
    }
}
