//! Explanation: narration with the numbers, pseudocode lines and operation counters.

use super::info::{
    Line, ADVERSARY_PSEUDOCODE, BINARY_INSERTION_PSEUDOCODE, MERGE_INSERTION_PSEUDOCODE,
    MERGE_PSEUDOCODE, NETWORK_PSEUDOCODE, RADIX_PSEUDOCODE,
};
use super::{question, Event, Method, Options, Sorting, State};
use crate::algorithm::{Counter, Explain, Pseudocode, Question};
use crate::format::{format_number, group_digits};

/// `5 (item 3)`: an item's value and its place in the input (1-based).
pub(super) fn item_text(state: &State, item: u32) -> String {
    format!(
        "{} (item {})",
        format_number(state.values[item as usize]),
        item + 1
    )
}

/// n! for the small n of the adversary's game.
fn factorial(n: usize) -> u64 {
    (2..=n as u64).product()
}

/// The network's rounds next to n, log2 n and log2² n, in words.
fn network_scale(state: &State) -> String {
    let n = state.values.len();
    let log = (n.max(1) as f64).log2().ceil() as u64;
    format!(
        "{} rounds for n = {n} (⌈log2 n⌉ = {log}, ⌈log2 n⌉² = {})",
        state.network.depth,
        log * log
    )
}

impl Explain for Sorting {
    type Line = Line;

    fn introduce(state: &State) -> String {
        let n = state.values.len();
        if n < 2 {
            return format!(
                "{n} item{}: already sorted, with 0 comparisons (⌈log2 {n}!⌉ = 0).",
                if n == 1 { "" } else { "s" }
            );
        }
        let bound = state.bound;
        match state.options.method {
            Method::MergeInsertion => format!(
                "Sort {n} items by merge insertion (Ford–Johnson): no comparison sort can \
                 promise fewer than ⌈log2 {n}!⌉ = {bound} comparisons."
            ),
            Method::Merge => format!(
                "Sort {n} items by merge sort, counting comparisons against ⌈log2 {n}!⌉ = {bound}."
            ),
            Method::BinaryInsertion => format!(
                "Sort {n} items by binary insertion, counting comparisons against ⌈log2 {n}!⌉ = \
                 {bound}."
            ),
            Method::Adversary => format!(
                "{n} items have {} possible orders. {} asks questions; the adversary answers each \
                 to keep the larger part, so no strategy needs fewer than {bound}.",
                group_digits(factorial(n) as usize),
                if state.options.asks.is_some() {
                    "You ask (the asks option)"
                } else {
                    "Merge insertion"
                }
            ),
            Method::Network => format!(
                "A {} network on {n} wires: {} comparators in {}.",
                state.options.network.name(),
                state.network.len(),
                network_scale(state)
            ),
            Method::Radix => format!(
                "Radix sort deals {n} items into ten buckets per decimal digit{}: no \
                 comparisons at all.",
                if state.offset > 0 {
                    format!(" (keys are value + {}, so none is negative)", state.offset)
                } else {
                    String::new()
                }
            ),
        }
    }

    fn narrate(state: &State, event: &Event) -> String {
        match event {
            Event::Compare {
                first,
                second,
                less,
                ..
            } => {
                let relation = if *less { "<" } else { "≥" };
                format!(
                    "Comparison {}: {} {relation} {}.",
                    state.comparisons,
                    item_text(state, *first),
                    item_text(state, *second)
                )
            }
            Event::Move { to, .. } => {
                let item = state.order[*to as usize];
                format!("{} moves to position {}.", item_text(state, item), to + 1)
            }
            Event::Ask {
                first,
                second,
                less,
                left,
                kept,
                ..
            } => {
                let (low, high) = if *less {
                    (first, second)
                } else {
                    (second, first)
                };
                format!(
                    "Question {}: is item {} < item {}? The adversary says item {} < item {}, \
                     keeping {kept} of {left} orders (at least ⌈{left}/2⌉ = {}).",
                    state.asks,
                    first + 1,
                    second + 1,
                    low + 1,
                    high + 1,
                    left.div_ceil(2)
                )
            }
            Event::Round { round, swapped } => {
                let exchanges = swapped.iter().filter(|&&swap| swap).count();
                format!(
                    "Round {} of {}: {} comparators at once, {exchanges} of them exchange their \
                     values.",
                    round + 1,
                    state.network.depth,
                    swapped.len()
                )
            }
            Event::Distribute { item, digit } => format!(
                "{} goes to bucket {digit} (its digit for {}).",
                item_text(state, *item),
                place_name(state.passes)
            ),
            Event::Collect { .. } => format!(
                "Collect the buckets 0 to 9 in order: pass {} done, sorted by the last {} \
                 digit{}.",
                state.passes,
                state.passes,
                if state.passes == 1 { "" } else { "s" }
            ),
            Event::Finish => finish_text(state),
        }
    }

    fn line(event: &Event, options: &Options) -> Line {
        match event {
            Event::Compare { .. } => match options.method {
                Method::Merge => Line::CompareHeads,
                Method::BinaryInsertion => Line::Probe,
                _ => Line::PairUp,
            },
            Event::Move { .. } => match options.method {
                Method::Merge => Line::TakeHead,
                Method::BinaryInsertion => Line::Insert,
                _ => Line::PlaceChain,
            },
            Event::Ask { .. } => Line::KeepLarger,
            Event::Round { .. } => Line::EachRound,
            Event::Distribute { .. } => Line::Deal,
            Event::Collect { .. } => Line::Gather,
            Event::Finish => Line::Done,
        }
    }

    fn pseudocode(options: &Options) -> Pseudocode<Line> {
        match options.method {
            Method::MergeInsertion => MERGE_INSERTION_PSEUDOCODE,
            Method::Merge => MERGE_PSEUDOCODE,
            Method::BinaryInsertion => BINARY_INSERTION_PSEUDOCODE,
            Method::Adversary => ADVERSARY_PSEUDOCODE,
            Method::Network => NETWORK_PSEUDOCODE,
            Method::Radix => RADIX_PSEUDOCODE,
        }
    }

    fn counters(state: &State) -> Vec<Counter> {
        let bound = Counter::count("⌈log2 n!⌉", state.bound);
        match state.options.method {
            Method::Adversary => vec![
                Counter::count(
                    "orders left",
                    state.ruled_out.iter().filter(|&&ruled| ruled == 0).count() as u64,
                ),
                Counter::count("questions", state.comparisons),
                bound,
            ],
            Method::Network => {
                let log = (state.values.len().max(1) as f64).log2().ceil() as u64;
                vec![
                    Counter::count("rounds", u64::from(state.rounds)),
                    Counter::count("comparators", state.comparisons),
                    Counter::count("⌈log2 n⌉²", log * log),
                ]
            }
            Method::Radix => vec![
                Counter::count("comparisons", 0),
                Counter::count("passes", u64::from(state.passes)),
                Counter::count("bucket writes", state.moves),
            ],
            _ => vec![
                Counter::count("comparisons", state.comparisons),
                bound,
                Counter::count("moves", state.moves),
            ],
        }
    }

    fn question(state: &State, event: &Event) -> Option<Question> {
        question::ask(state, event)
    }
}

/// "units", "tens", "hundreds" … for radix pass `pass` (0-based).
pub(super) fn place_name(pass: u32) -> String {
    match pass {
        0 => "the units".to_string(),
        1 => "the tens".to_string(),
        2 => "the hundreds".to_string(),
        3 => "the thousands".to_string(),
        _ => format!("10^{pass}"),
    }
}

/// The last step's sentence: the count against the bound.
fn finish_text(state: &State) -> String {
    let n = state.values.len();
    let bound = state.bound;
    let count = state.comparisons;
    match state.options.method {
        Method::Adversary => {
            let left = state.ruled_out.iter().filter(|&&ruled| ruled == 0).count();
            let asker = if state.options.asks.is_some() {
                "your"
            } else {
                "merge insertion's"
            };
            if left > 1 {
                format!(
                    "After {count} of {asker} questions {left} orders are still possible: ask \
                     more (no strategy needs fewer than ⌈log2 {n}!⌉ = {bound})."
                )
            } else if count == bound {
                format!(
                    "One order left after {count} of {asker} questions: exactly ⌈log2 {n}!⌉ = \
                     {bound}, the best any strategy can do against this adversary."
                )
            } else {
                format!(
                    "One order left after {count} of {asker} questions: the adversary forced at \
                     least ⌈log2 {n}!⌉ = {bound}."
                )
            }
        }
        Method::Network => format!(
            "Sorted in {}, with {count} comparators — every input of {n} values, whatever it is.",
            network_scale(state)
        ),
        Method::Radix => format!(
            "Sorted in {} passes with {} bucket writes and 0 comparisons: the bound ⌈log2 {n}!⌉ = \
             {bound} is about comparisons only.",
            state.passes, state.moves
        ),
        _ => format!(
            "Sorted with {count} comparisons; ⌈log2 {n}!⌉ = {bound} is the least any comparison \
             sort can promise."
        ),
    }
}
