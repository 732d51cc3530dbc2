//! The weak-labels animation against the kernel: its last EM round is `label_model`'s answer
//! exactly (both abstention modes, rules, CSV and generated votes), its majority step is the
//! kernel's majority vote, the learner's labels join as one more source, and bad feedback is
//! refused with the option named.

use proptest::prelude::*;
use stepwise::algo::weak_labels::{
    label_model, prepare, Abstain, LabelOptions, Method, Options, Procedure, WeakLabels,
    DEFAULT_RULES, YOUR_LABELS,
};
use stepwise::algorithm::Run;
use stepwise::input::{OptionMap, OptionValue};
use stepwise::trace::Timeline;

/// The kernel's answer on the problem's votes with `method` and `abstain`.
fn kernel(text: &str, abstain: Abstain, method: Method) -> stepwise::algo::weak_labels::LabelModel {
    let problem = prepare(text, abstain, "").unwrap();
    let data = &problem.data;
    let mut options = LabelOptions::new(data.items, data.sources(), data.classes(), method);
    options.abstain = abstain;
    label_model(&data.votes, &options).unwrap()
}

/// The animation's result after its last step.
fn animated(
    text: &str,
    abstain: Abstain,
    procedure: Procedure,
) -> stepwise::algo::weak_labels::LabelModel {
    let options = Options {
        procedure,
        abstain,
        feedback: String::new(),
    };
    let problem = WeakLabels::parse(text, &options).unwrap();
    let mut timeline = Timeline::<WeakLabels>::new(problem, options.clone()).unwrap();
    let end = timeline.len();
    timeline.seek(end);
    let state = timeline.state();
    assert!(state.finished);
    match procedure {
        Procedure::Majority => state.problem.majority.clone(),
        Procedure::DawidSkene => {
            let round = state.round().unwrap();
            let snapshot = &state.problem.rounds[round];
            assert_eq!(
                round + 1,
                state.problem.rounds.len(),
                "the last step shows the last round"
            );
            stepwise::algo::weak_labels::LabelModel {
                labels: snapshot.labels.clone(),
                probabilities: snapshot.probabilities.clone(),
                prior: snapshot.prior.clone(),
                confusion: snapshot.confusion.clone(),
                iterations: round,
            }
        }
    }
}

fn generator(seed: u64, accuracies: &[f64]) -> String {
    let accuracies: Vec<String> = accuracies.iter().map(|a| a.to_string()).collect();
    format!(
        "items: 120\nclasses: 3\naccuracies: {}\ncoverages: 0.6\nseed: {seed}\n",
        accuracies.join(" ")
    )
}

#[test]
fn the_last_round_is_the_kernels_answer() {
    let texts = [
        DEFAULT_RULES.to_string(),
        "a,b,c,gold\n0,0,1,0\n1,0,1,1\n1,1,1,1\n0,-,0,0\n0,1,1,0\n".to_string(),
        generator(3, &[0.95, 0.6, 0.55, 0.55, 0.5]),
    ];
    for text in &texts {
        for abstain in [Abstain::Missing, Abstain::Outcome] {
            assert_eq!(
                animated(text, abstain, Procedure::DawidSkene),
                kernel(text, abstain, Method::DawidSkene),
                "{abstain:?}: {text}"
            );
            assert_eq!(
                animated(text, abstain, Procedure::Majority),
                kernel(text, abstain, Method::Majority)
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn generated_votes_end_at_the_kernels_answer(
        seed in 0u64..1_000,
        accuracies in prop::collection::vec(0.3f64..1.0, 2..6),
    ) {
        let text = generator(seed, &accuracies);
        for abstain in [Abstain::Missing, Abstain::Outcome] {
            prop_assert_eq!(
                animated(&text, abstain, Procedure::DawidSkene),
                kernel(&text, abstain, Method::DawidSkene)
            );
        }
    }
}

#[test]
fn the_learners_labels_are_one_more_source() {
    let problem = prepare(DEFAULT_RULES, Abstain::Outcome, "1 = help desk, 3 = 2").unwrap();
    let data = &problem.data;
    let yours = data.sources() - 1;
    assert_eq!(data.source_names[yours], YOUR_LABELS);
    assert_eq!(data.vote(0, yours), 0);
    assert_eq!(data.vote(2, yours), 2);
    assert_eq!(
        (0..data.items)
            .filter(|&item| data.vote(item, yours) >= 0)
            .count(),
        2
    );
    assert!(
        !problem.uncertain(5).contains(&0),
        "labelled documents are not offered again"
    );
}

#[test]
fn bad_feedback_and_inputs_say_what_and_where() {
    let parse = |text: &str, feedback: &str| {
        let mut map = OptionMap::new().with("feedback", OptionValue::Text(feedback.into()));
        let options = WeakLabels::parse_options(&mut map).unwrap();
        WeakLabels::parse(text, &options).unwrap_err()
    };
    let error = parse(DEFAULT_RULES, "1 = cooking");
    assert_eq!(error.field(), Some("feedback"));
    assert!(
        error.message().contains("'cooking' is not a class"),
        "{error}"
    );
    assert!(parse(DEFAULT_RULES, "9999 = 1")
        .message()
        .contains("a number from 1 to"));
    assert!(parse("a,b\n0,7x\n", "")
        .message()
        .starts_with("line 2, column 2"));
    assert!(parse("accuracies: 0.9\n", "")
        .message()
        .contains("at least two sources"));
    assert!(parse("items: 5000\naccuracies: 0.9 0.8\n", "")
        .message()
        .contains("items"));
}
