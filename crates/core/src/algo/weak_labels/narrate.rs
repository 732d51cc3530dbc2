//! Explanation: narration, pseudocode lines, counters and the quiz question.

use super::info::{Line, DAWID_SKENE_PSEUDOCODE, MAJORITY_PSEUDOCODE};
use super::{question, Event, Options, Procedure, State, WeakLabels};
use crate::algorithm::{Counter, Explain, Pseudocode, Question};
use crate::format::{format_fixed, format_number, group_digits};

/// `share` as a percentage with one decimal: `83.3%`.
pub fn percent(share: f64) -> String {
    format!("{}%", format_fixed(share * 100.0, 1))
}

/// The source with the highest trust at `round`, and that trust.
pub fn most_trusted(state: &State, round: usize) -> (usize, f64) {
    let trust = state.problem.trust(round);
    let best = (0..trust.len())
        .max_by(|&a, &b| trust[a].total_cmp(&trust[b]).then(b.cmp(&a)))
        .unwrap_or(0);
    (best, trust.get(best).copied().unwrap_or(0.0))
}

/// How many items have a label now that they did not have, or have another, compared with
/// `before`.
pub fn changed(before: &[i32], after: &[i32]) -> usize {
    before.iter().zip(after).filter(|(a, b)| a != b).count()
}

/// Ties and items with no vote in the majority vote.
pub fn majority_gaps(state: &State) -> (usize, usize) {
    let data = &state.problem.data;
    let silent = (0..data.items)
        .filter(|&item| (0..data.sources()).all(|source| data.vote(item, source) < 0))
        .count();
    let unlabelled = state
        .problem
        .majority
        .labels
        .iter()
        .filter(|&&label| label < 0)
        .count();
    (unlabelled - silent, silent)
}

impl Explain for WeakLabels {
    type Line = Line;

    fn introduce(state: &State) -> String {
        let data = &state.problem.data;
        let votes = data.votes.iter().filter(|&&vote| vote >= 0).count();
        format!(
            "The label matrix: {} — {} votes, the rest abstentions (grey). No source is known \
             to be right; {}.",
            data.origin,
            group_digits(votes),
            if data.gold.is_some() {
                "the gold labels are kept aside to score the answers"
            } else {
                "there are no gold labels to score the answers"
            }
        )
    }

    fn narrate(state: &State, event: &Event) -> String {
        let problem = &state.problem;
        let data = &problem.data;
        let score = |labels: &[i32]| {
            problem.accuracy(labels).map_or(String::new(), |accuracy| {
                format!(", {} right against gold", percent(accuracy))
            })
        };
        match *event {
            Event::Vote => {
                let (ties, silent) = majority_gaps(state);
                format!(
                    "Majority vote: each document takes its most voted class. {ties} end in a \
                     tie and {silent} have no vote: {} stay unlabelled{}.",
                    ties + silent,
                    score(&problem.majority.labels)
                )
            }
            Event::Start => {
                let (best, trust) = most_trusted(state, 0);
                format!(
                    "The EM starts from the vote shares: the prior is their mean, and each \
                     source's confusion matrix counts how its votes fall against them. \
                     {} looks most reliable so far ({} of its votes right).",
                    data.source_names[best],
                    percent(trust)
                )
            }
            Event::Round { round } => {
                let round = round as usize;
                let now = &problem.rounds[round];
                let before = &problem.rounds[round - 1];
                let (best, trust) = most_trusted(state, round);
                let elbo = if before.loss.is_finite() {
                    let change = now.loss - before.loss;
                    format!(
                        "the ELBO per vote {} by {} to {}",
                        if change >= 0.0 { "rises" } else { "falls" },
                        format_number(change.abs()),
                        format_fixed(now.loss, 4)
                    )
                } else {
                    format!("the ELBO per vote is {}", format_fixed(now.loss, 4))
                };
                format!(
                    "Round {round}: each document's posterior weighs the votes by the sources' \
                     confusion matrices; {} labels change{}; {elbo}. The model trusts {} most \
                     ({}).",
                    changed(&before.labels, &now.labels),
                    score(&now.labels),
                    data.source_names[best],
                    percent(trust)
                )
            }
            Event::Finish => {
                let majority = &problem.majority.labels;
                match state.options.procedure {
                    Procedure::Majority => format!("Done: the majority vote{}.", score(majority)),
                    Procedure::DawidSkene => {
                        let last = &problem.rounds[problem.rounds.len() - 1];
                        let rounds = problem.rounds.len() - 1;
                        format!(
                            "Done after {rounds} rounds (the ELBO gained less than the \
                             tolerance, or fell). The label model differs from the majority \
                             on {} documents{}; the majority{}.",
                            changed(majority, &last.labels),
                            score(&last.labels),
                            score(majority)
                        )
                    }
                }
            }
        }
    }

    fn line(event: &Event, _options: &Options) -> Line {
        match event {
            Event::Vote => Line::Vote,
            Event::Start => Line::Start,
            Event::Round { .. } => Line::Round,
            Event::Finish => Line::Done,
        }
    }

    fn pseudocode(options: &Options) -> Pseudocode<Line> {
        match options.procedure {
            Procedure::DawidSkene => DAWID_SKENE_PSEUDOCODE,
            Procedure::Majority => MAJORITY_PSEUDOCODE,
        }
    }

    /// The EM rounds, and both answers' accuracy against gold (where known).
    fn counters(state: &State) -> Vec<Counter> {
        let problem = &state.problem;
        let mut counters = Vec::new();
        if state.options.procedure == Procedure::DawidSkene {
            counters.push(Counter::count("rounds", state.round().unwrap_or(0) as u64));
        }
        if let Some(labels) = state.labels() {
            if let Some(accuracy) = problem.accuracy(labels) {
                counters.push(Counter::reading("% right", accuracy * 100.0));
            }
        }
        counters
    }

    fn question(state: &State, event: &Event) -> Option<Question> {
        question::question(state, event)
    }
}
