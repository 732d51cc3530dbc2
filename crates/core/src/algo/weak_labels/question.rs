//! "What happens next?" at every step: how many documents the majority leaves unlabelled,
//! which source the EM trusts most after its start or a round, whether the ELBO rises, how
//! many labels a round changes, and at the end how many documents the two answers differ on.

use super::narrate::{changed, majority_gaps, most_trusted};
use super::view::SOURCES;
use super::{Event, State};
use crate::algorithm::{Item, Question};

/// The question before `event`.
pub fn question(state: &State, event: &Event) -> Option<Question> {
    if state.finished {
        return None;
    }
    let problem = &state.problem;
    match *event {
        Event::Vote => {
            let (ties, silent) = majority_gaps(state);
            Some(Question::number(
                "Count the votes of each document. How many documents does the majority vote \
                 leave unlabelled (a tie, or no vote at all)?"
                    .to_string(),
                (ties + silent) as f64,
                &[silent as f64, ties as f64, 0.0],
            ))
        }
        Event::Start => Some(trusted(state, 0, "After the first M-step")),
        Event::Round { round } => {
            let round = round as usize;
            match round % 3 {
                1 => Some(trusted(state, round, "After this round")),
                2 => {
                    let before = problem.rounds[round - 1].loss;
                    let now = problem.rounds[round].loss;
                    if !before.is_finite() {
                        return Some(trusted(state, round, "After this round"));
                    }
                    let rises = now >= before;
                    Some(Question::choice(
                        "EM usually raises its ELBO every round. Does it rise this round? (If \
                         it falls, crowd-kit stops.)"
                            .to_string(),
                        if rises { "It rises" } else { "It falls" }.to_string(),
                        vec![if rises { "It falls" } else { "It rises" }.to_string()],
                    ))
                }
                _ => {
                    let count = changed(
                        &problem.rounds[round - 1].labels,
                        &problem.rounds[round].labels,
                    );
                    Some(Question::number(
                        "How many documents change their label in this round?".to_string(),
                        count as f64,
                        &[0.0, (count + 1) as f64, (count / 2) as f64],
                    ))
                }
            }
        }
        Event::Finish => {
            let last = &problem.rounds[problem.rounds.len() - 1];
            let labels = match state.options.procedure {
                super::Procedure::Majority => {
                    let (ties, silent) = majority_gaps(state);
                    return Some(Question::number(
                        "The majority vote is final. How many documents does it label?".to_string(),
                        (problem.data.items - ties - silent) as f64,
                        &[problem.data.items as f64, (ties + silent) as f64],
                    ));
                }
                super::Procedure::DawidSkene => &last.labels,
            };
            let differ = changed(&problem.majority.labels, labels);
            Some(Question::number(
                "On how many documents does the label model's answer differ from the majority \
                 vote's (an unlabelled tie that gets a label counts)?"
                    .to_string(),
                differ as f64,
                &[0.0, (differ + 2) as f64, (differ / 2) as f64],
            ))
        }
    }
}

/// Which source does the model trust most at `round`? Answered by name or by clicking its
/// bars.
fn trusted(state: &State, round: usize, when: &str) -> Question {
    let data = &state.problem.data;
    let trust = state.problem.trust(round);
    let (best, _) = most_trusted(state, round);
    let mut others: Vec<usize> = (0..data.sources())
        .filter(|&source| source != best)
        .collect();
    // The classic slip first: the source with the most votes.
    let votes = |source: usize| {
        (0..data.items)
            .filter(|&item| data.vote(item, source) >= 0)
            .count()
    };
    others.sort_by(|&a, &b| votes(b).cmp(&votes(a)).then(trust[b].total_cmp(&trust[a])));
    let name = |source: usize| format!("{} {}", source + 1, data.source_names[source]);
    Question::choice(
        format!(
            "{when}, which source does the model trust most (the largest share of its votes \
             right, by its confusion matrix)?"
        ),
        name(best),
        others.iter().map(|&source| name(source)).collect(),
    )
    .picks(
        "Click the source's bars.",
        (0..data.sources()).map(|source| (Item::at(SOURCES, source), name(source))),
    )
}
