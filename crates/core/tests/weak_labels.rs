//! The label model against references: crowd-kit 1.4.2's DawidSkene on 45 vote matrices
//! (tests/fixtures/crowdkit_ds.txt, written by tests/fixtures/crowdkit_ds.py), a plain
//! reference for abstentions as outcomes, brute-force majority vote, properties (rows sum to
//! 1, confusion rows sum to 1 over the outcomes a source gave, perfect sources, the order of
//! the sources), the round-by-round API ending where the kernel ends, and the errors.

use proptest::prelude::*;
use stepwise::algo::weak_labels::{
    label_model, Abstain, DawidSkene, LabelModel, LabelOptions, Method, Ties,
};
use stepwise::input::{OptionMap, OptionValue};

const TOLERANCE: f64 = 1e-9;

fn options(items: usize, sources: usize, classes: usize, method: Method) -> LabelOptions {
    LabelOptions::new(items, sources, classes, method)
}

fn assert_close(ours: &[f64], theirs: &[f64], what: &str) {
    assert_within(ours, theirs, what, TOLERANCE);
}

fn assert_within(ours: &[f64], theirs: &[f64], what: &str, tolerance: f64) {
    assert_eq!(ours.len(), theirs.len(), "{what}: lengths");
    for (index, (a, b)) in ours.iter().zip(theirs).enumerate() {
        assert!(
            (a - b).abs() <= tolerance,
            "{what}[{index}]: ours {a}, theirs {b}"
        );
    }
}

/// One case of crowdkit_ds.txt.
struct Fixture {
    name: String,
    options: LabelOptions,
    votes: Vec<i32>,
    probabilities: Vec<f64>,
    prior: Vec<f64>,
    confusion: Vec<f64>,
    losses: Vec<f64>,
    labels: Vec<i32>,
}

fn fixtures() -> Vec<Fixture> {
    let text = include_str!("fixtures/crowdkit_ds.txt");
    let mut cases = Vec::new();
    let mut lines = text.lines().filter(|line| !line.starts_with('#'));
    while let Some(header) = lines.next() {
        let name = header.strip_prefix("case ").unwrap().to_string();
        let mut field = |key: &str| -> Vec<String> {
            let line = lines.next().unwrap();
            let rest = line
                .strip_prefix(key)
                .unwrap_or_else(|| panic!("{name}: {key}"));
            rest.split_whitespace().map(str::to_string).collect()
        };
        let shape = field("shape ");
        let number = |index: usize| shape[index].parse::<usize>().unwrap();
        let mut options = options(number(0), number(1), number(2), Method::DawidSkene);
        options.max_iterations = number(3);
        options.tolerance = shape[4].parse().unwrap();
        let parse_f64 = |values: Vec<String>| values.iter().map(|v| v.parse().unwrap()).collect();
        let parse_i32 = |values: Vec<String>| values.iter().map(|v| v.parse().unwrap()).collect();
        cases.push(Fixture {
            votes: parse_i32(field("votes ")),
            probabilities: parse_f64(field("probabilities ")),
            prior: parse_f64(field("prior ")),
            confusion: parse_f64(field("confusion ")),
            losses: parse_f64(field("losses")),
            labels: parse_i32(field("labels ")),
            name,
            options,
        });
    }
    cases
}

#[test]
fn dawid_skene_matches_crowd_kit() {
    let cases = fixtures();
    assert_eq!(cases.len(), 45);
    let mut stopped_on_a_fall = 0;
    for case in &cases {
        let name = &case.name;
        let model = label_model(&case.votes, &case.options).unwrap();
        assert_eq!(model.iterations, case.losses.len(), "{name}: iterations");
        assert_close(&model.probabilities, &case.probabilities, name);
        assert_close(&model.prior, &case.prior, name);
        assert_close(&model.confusion, &case.confusion, name);
        // Labels: crowd-kit's, except on an exact tie, where it takes the class that came first
        // in its data and the kernel the lowest.
        let classes = case.options.classes;
        for (item, (&ours, &theirs)) in model.labels.iter().zip(&case.labels).enumerate() {
            let row = &case.probabilities[item * classes..(item + 1) * classes];
            let top = row.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let tied = row.iter().filter(|&&value| value == top).count() > 1;
            if theirs >= 0 && tied {
                assert_eq!(row[ours as usize], top, "{name}: item {item}");
                assert!(row[..ours as usize].iter().all(|&value| value < top));
            } else {
                assert_eq!(ours, theirs, "{name}: label of item {item}");
            }
        }
        // The rounds, one at a time: crowd-kit's loss after each, and the kernel's answer.
        let mut rounds = DawidSkene::new(&case.votes, &case.options).unwrap();
        assert_eq!(rounds.current().iteration, 0);
        let mut losses = Vec::new();
        while let Some(round) = rounds.round() {
            assert_eq!(round.iteration, losses.len() + 1);
            losses.push(round.loss);
        }
        assert_close(&losses, &case.losses, name);
        assert_eq!(rounds.losses(), &losses[..]);
        assert_eq!(
            rounds.into_result(),
            model,
            "{name}: the last round is the kernel's"
        );
        let history = &case.losses;
        if history.len() >= 2 && history[history.len() - 1] < history[history.len() - 2] {
            stopped_on_a_fall += 1;
        }
    }
    assert!(stopped_on_a_fall >= 1, "a case stops on a fall of the loss");
    let cut_off = cases
        .iter()
        .find(|case| case.name == "cut-off-at-max-iterations")
        .unwrap();
    assert_eq!(cut_off.losses.len(), cut_off.options.max_iterations);
}

#[test]
fn the_start_is_the_majority_vote() {
    let votes = [0, 0, 1, 1, -1, 1, -1, -1, -1, 2, 2, 0];
    let options = options(4, 3, 3, Method::DawidSkene);
    let model = DawidSkene::new(&votes, &options).unwrap();
    let start = model.current();
    assert_eq!(start.iteration, 0);
    assert_eq!(start.loss, f64::NEG_INFINITY);
    let third = 1.0 / 3.0;
    let prior = [
        (2.0 * third + 0.0 + third) / 3.0,
        (third + 1.0 + 0.0) / 3.0,
        (0.0 + 0.0 + 2.0 * third) / 3.0,
    ];
    assert_close(start.prior, &prior, "prior");
    // The item without votes holds the prior.
    assert_close(&start.probabilities[6..9], &prior, "item 2");
    assert_close(
        &start.probabilities[..3],
        &[2.0 * third, third, 0.0],
        "item 0",
    );
    assert!(!model.takes_part(2) && model.takes_part(3));
    assert_eq!(model.width(), 3);
}

/// Majority vote by brute force: (labels, probabilities, prior).
fn majority_reference(
    votes: &[i32],
    items: usize,
    sources: usize,
    classes: usize,
    ties: Ties,
) -> (Vec<i32>, Vec<f64>, Vec<f64>) {
    let mut labels = Vec::new();
    let mut probabilities = Vec::new();
    let mut prior = vec![0.0; classes];
    let mut voted = 0;
    for item in 0..items {
        let row = &votes[item * sources..(item + 1) * sources];
        let count = |class: usize| row.iter().filter(|&&v| v == class as i32).count();
        let total: usize = (0..classes).map(count).sum();
        if total == 0 {
            labels.push(-1);
            probabilities.extend(vec![1.0 / classes as f64; classes]);
            continue;
        }
        voted += 1;
        let most = (0..classes).map(count).max().unwrap();
        let winners: Vec<usize> = (0..classes).filter(|&c| count(c) == most).collect();
        labels.push(match (winners.len(), ties) {
            (1, _) | (_, Ties::Lowest) => winners[0] as i32,
            _ => -1,
        });
        for (class, mean) in prior.iter_mut().enumerate() {
            let share = count(class) as f64 / total as f64;
            probabilities.push(share);
            *mean += share;
        }
    }
    for mean in &mut prior {
        *mean = if voted == 0 {
            1.0 / classes as f64
        } else {
            *mean / voted as f64
        };
    }
    (labels, probabilities, prior)
}

/// What the reference for abstentions as outcomes answers.
struct Reference {
    probabilities: Vec<Vec<f64>>,
    prior: Vec<f64>,
    /// [source][true class][outcome], the last outcome an abstention.
    confusion: Vec<Vec<Vec<f64>>>,
    iterations: usize,
}

/// Dawid–Skene with an abstention as one more outcome, written plainly and apart from the
/// kernel: every item takes part, items without votes start uniform over the classes some vote
/// gives, the prior is the mean over all items, and the loss is divided by items × sources.
fn outcome_reference(
    votes: &[i32],
    items: usize,
    sources: usize,
    classes: usize,
    max_iterations: usize,
    tolerance: f64,
) -> Reference {
    let clip = 1e-10;
    let outcome = |item: usize, source: usize| -> usize {
        let vote = votes[item * sources + source];
        if vote < 0 {
            classes
        } else {
            vote as usize
        }
    };
    let present: Vec<usize> = (0..classes)
        .filter(|&class| votes.contains(&(class as i32)))
        .collect();
    if present.is_empty() {
        return Reference {
            probabilities: vec![vec![1.0 / classes as f64; classes]; items],
            prior: vec![1.0 / classes as f64; classes],
            confusion: vec![vec![vec![0.0; classes + 1]; classes]; sources],
            iterations: 0,
        };
    }
    let mut probabilities = Vec::new();
    for item in 0..items {
        let mut row = vec![0.0; classes];
        let mut total = 0.0;
        for source in 0..sources {
            let o = outcome(item, source);
            if o < classes {
                row[o] += 1.0;
                total += 1.0;
            }
        }
        if total > 0.0 {
            for value in &mut row {
                *value /= total;
            }
        } else {
            for &class in &present {
                row[class] = 1.0 / present.len() as f64;
            }
        }
        probabilities.push(row);
    }
    let mean = |probabilities: &Vec<Vec<f64>>| -> Vec<f64> {
        (0..classes)
            .map(|c| probabilities.iter().map(|row| row[c]).sum::<f64>() / items as f64)
            .collect()
    };
    let m_step = |probabilities: &Vec<Vec<f64>>| -> Vec<Vec<Vec<f64>>> {
        let mut confusion = vec![vec![vec![0.0; classes + 1]; classes]; sources];
        for (source, matrix) in confusion.iter_mut().enumerate() {
            let gave: Vec<bool> = (0..=classes)
                .map(|o| (0..items).any(|item| outcome(item, source) == o))
                .collect();
            for &class in &present {
                let row = &mut matrix[class];
                for item in 0..items {
                    row[outcome(item, source)] += probabilities[item][class];
                }
                for o in 0..=classes {
                    if gave[o] && row[o] < clip {
                        row[o] = clip;
                    }
                }
                let total: f64 = row.iter().sum();
                for value in row.iter_mut() {
                    *value /= total;
                }
            }
        }
        confusion
    };
    let mut prior = mean(&probabilities);
    let mut confusion = m_step(&probabilities);
    let mut loss = f64::NEG_INFINITY;
    let mut iterations = 0;
    while iterations < max_iterations {
        for item in 0..items {
            let mut log_likelihood = vec![f64::NEG_INFINITY; classes];
            for &class in &present {
                let mut sum = prior[class].max(clip).log2();
                for source in 0..sources {
                    sum += confusion[source][class][outcome(item, source)].log2();
                }
                log_likelihood[class] = sum;
            }
            let most = log_likelihood
                .iter()
                .copied()
                .fold(f64::NEG_INFINITY, f64::max);
            let scaled: Vec<f64> = log_likelihood.iter().map(|l| (l - most).exp2()).collect();
            let total: f64 = scaled.iter().sum();
            probabilities[item] = scaled.iter().map(|s| s / total).collect();
        }
        prior = mean(&probabilities);
        confusion = m_step(&probabilities);
        let mut elbo = 0.0;
        for item in 0..items {
            for &class in &present {
                let p = probabilities[item][class];
                for source in 0..sources {
                    let error = confusion[source][class][outcome(item, source)];
                    elbo += p * (error.ln() + prior[class].max(clip).ln());
                }
                let clipped = p.max(clip);
                elbo -= clipped * clipped.ln();
                probabilities[item][class] = clipped;
            }
        }
        let new_loss = elbo / (items * sources) as f64;
        iterations += 1;
        if new_loss - loss < tolerance {
            break;
        }
        loss = new_loss;
    }
    Reference {
        probabilities,
        prior,
        confusion,
        iterations,
    }
}

/// Random votes: items × sources, each −1 with the given rate or a class.
fn votes_strategy() -> impl Strategy<Value = (usize, usize, usize, Vec<i32>)> {
    (0usize..30, 1usize..6, 2usize..5, 0u32..4).prop_flat_map(
        |(items, sources, classes, abstain_quarters)| {
            let vote = prop_oneof![
                (abstain_quarters) => Just(-1),
                (4 - abstain_quarters).max(1) => 0..classes as i32,
            ];
            (
                Just(items),
                Just(sources),
                Just(classes),
                proptest::collection::vec(vote, items * sources),
            )
        },
    )
}

fn argmax_lowest(row: &[f64]) -> i32 {
    let mut best = 0;
    for (class, &value) in row.iter().enumerate() {
        if value > row[best] {
            best = class;
        }
    }
    best as i32
}

/// Rows that sum to 1 within 1e-9, and confusion rows that sum to 1 over the outcomes the
/// source gave (0 for the others, and for a class no vote gives).
fn check_sums(model: &LabelModel, votes: &[i32], shape: (usize, usize, usize), width: usize) {
    let (items, sources, classes) = shape;
    for row in model.probabilities.chunks_exact(classes) {
        assert!(
            (row.iter().sum::<f64>() - 1.0).abs() <= TOLERANCE,
            "{row:?}"
        );
    }
    assert_eq!(model.probabilities.len(), items * classes);
    if model.confusion.is_empty() {
        return;
    }
    assert_eq!(model.confusion.len(), sources * classes * width);
    for source in 0..sources {
        let outcome_of = |item: usize| -> Option<usize> {
            match votes[item * sources + source] {
                -1 if width > classes => Some(classes),
                -1 => None,
                vote => Some(vote as usize),
            }
        };
        let gave: Vec<bool> = (0..width)
            .map(|o| (0..items).any(|item| outcome_of(item) == Some(o)))
            .collect();
        for class in 0..classes {
            let row = &model.confusion[(source * classes + class) * width..][..width];
            for (o, &value) in row.iter().enumerate() {
                if !gave[o] {
                    assert_eq!(value, 0.0);
                }
            }
            let some_vote_gives = votes.contains(&(class as i32));
            let sum: f64 = row.iter().sum();
            if some_vote_gives && gave.iter().any(|&g| g) {
                assert!((sum - 1.0).abs() <= TOLERANCE, "source {source} {row:?}");
            } else {
                assert_eq!(sum, 0.0);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn majority_is_the_vote_shares((items, sources, classes, votes) in votes_strategy()) {
        for ties in [Ties::Abstain, Ties::Lowest] {
            let mut options = options(items, sources, classes, Method::Majority);
            options.ties = ties;
            let model = label_model(&votes, &options).unwrap();
            let (labels, probabilities, prior) =
                majority_reference(&votes, items, sources, classes, ties);
            prop_assert_eq!(&model.labels, &labels);
            assert_close(&model.probabilities, &probabilities, "probabilities");
            assert_close(&model.prior, &prior, "prior");
            prop_assert!(model.confusion.is_empty());
            prop_assert_eq!(model.iterations, 0);
        }
    }

    #[test]
    fn distributions_and_confusion_rows_sum_to_one(
        (items, sources, classes, votes) in votes_strategy()
    ) {
        for (abstain, width) in [(Abstain::Missing, classes), (Abstain::Outcome, classes + 1)] {
            let mut options = options(items, sources, classes, Method::DawidSkene);
            options.abstain = abstain;
            let model = label_model(&votes, &options).unwrap();
            check_sums(&model, &votes, (items, sources, classes), width);
            prop_assert!((model.prior.iter().sum::<f64>() - 1.0).abs() <= TOLERANCE);
            prop_assert!(model.iterations <= options.max_iterations);
            // Labels: the most probable class where the item takes part.
            for item in 0..items {
                let row = &model.probabilities[item * classes..(item + 1) * classes];
                let row_votes = &votes[item * sources..(item + 1) * sources];
                let takes_part = votes.iter().any(|&v| v >= 0)
                    && (abstain == Abstain::Outcome || row_votes.iter().any(|&v| v >= 0));
                let expected = if takes_part { argmax_lowest(row) } else { -1 };
                prop_assert_eq!(model.labels[item], expected);
            }
        }
    }

    #[test]
    fn abstentions_as_outcomes_match_the_plain_reference(
        (items, sources, classes, votes) in votes_strategy(),
        max_iterations in prop_oneof![Just(100usize), 1usize..6],
    ) {
        let mut options = options(items, sources, classes, Method::DawidSkene);
        options.abstain = Abstain::Outcome;
        options.max_iterations = max_iterations;
        let model = label_model(&votes, &options).unwrap();
        let reference =
            outcome_reference(&votes, items, sources, classes, max_iterations, options.tolerance);
        prop_assert_eq!(model.iterations, reference.iterations);
        // The two sum in different orders; over dozens of slow rounds EM amplifies those
        // rounding differences (1.8e-8 seen after 100 rounds), so the long runs are compared
        // to 1e-6 and the short ones to 1e-9.
        let tolerance = if model.iterations <= 5 { TOLERANCE } else { 1e-6 };
        let flat: Vec<f64> = reference.probabilities.concat();
        assert_within(&model.probabilities, &flat, "probabilities", tolerance);
        assert_within(&model.prior, &reference.prior, "prior", tolerance);
        let confusion: Vec<f64> = reference.confusion.concat().concat();
        assert_within(&model.confusion, &confusion, "confusion", tolerance);
    }

    #[test]
    fn without_abstentions_outcome_is_missing(
        (items, sources, classes, votes) in votes_strategy()
    ) {
        let votes: Vec<i32> = votes.iter().map(|&v| v.max(0)).collect();
        let mut options = options(items, sources, classes, Method::DawidSkene);
        let missing = label_model(&votes, &options).unwrap();
        options.abstain = Abstain::Outcome;
        let outcome = label_model(&votes, &options).unwrap();
        prop_assert_eq!(&missing.labels, &outcome.labels);
        prop_assert_eq!(missing.iterations, outcome.iterations);
        assert_close(&missing.probabilities, &outcome.probabilities, "probabilities");
        assert_close(&missing.prior, &outcome.prior, "prior");
        // The same confusion, with an abstention column of zeros.
        let widened: Vec<f64> = missing
            .confusion
            .chunks_exact(classes)
            .flat_map(|row| row.iter().copied().chain([0.0]))
            .collect();
        assert_close(&outcome.confusion, &widened, "confusion");
    }

    #[test]
    fn perfect_sources_give_the_truth(
        truth in proptest::collection::vec(0i32..4, 1..40),
        sources in 1usize..6,
        coverage in proptest::collection::vec(proptest::bool::weighted(0.6), 240),
    ) {
        let (items, classes) = (truth.len(), 4);
        let mut votes = Vec::new();
        for (item, &label) in truth.iter().enumerate() {
            for source in 0..sources {
                // Source 0 always votes; the others abstain at random.
                let votes_here = source == 0 || coverage[(item * sources + source) % 240];
                votes.push(if votes_here { label } else { -1 });
            }
        }
        for (method, abstain) in [
            (Method::Majority, Abstain::Missing),
            (Method::DawidSkene, Abstain::Missing),
            (Method::DawidSkene, Abstain::Outcome),
        ] {
            let mut options = options(items, sources, classes, method);
            options.abstain = abstain;
            let model = label_model(&votes, &options).unwrap();
            prop_assert_eq!(&model.labels, &truth, "{:?} {:?}", method, abstain);
        }
    }

    #[test]
    fn the_order_of_the_sources_does_not_matter(
        (items, sources, classes, votes) in votes_strategy(),
        rotation in 0usize..6,
    ) {
        // Source s of the permuted votes is source order[s] of the original.
        let mut order: Vec<usize> = (0..sources).rev().collect();
        order.rotate_left(rotation % sources);
        let permuted: Vec<i32> = (0..items)
            .flat_map(|item| order.iter().map(move |&s| (item, s)))
            .map(|(item, source)| votes[item * sources + source])
            .collect();
        for (abstain, width) in [(Abstain::Missing, classes), (Abstain::Outcome, classes + 1)] {
            let mut options = options(items, sources, classes, Method::DawidSkene);
            options.abstain = abstain;
            let original = label_model(&votes, &options).unwrap();
            let moved = label_model(&permuted, &options).unwrap();
            prop_assert_eq!(original.iterations, moved.iterations);
            assert_close(&moved.probabilities, &original.probabilities, "probabilities");
            assert_close(&moved.prior, &original.prior, "prior");
            let block = classes * width;
            let expected: Vec<f64> = order
                .iter()
                .flat_map(|&s| original.confusion[s * block..(s + 1) * block].to_vec())
                .collect();
            assert_close(&moved.confusion, &expected, "confusion");
            for item in 0..items {
                let row = &original.probabilities[item * classes..(item + 1) * classes];
                let mut sorted = row.to_vec();
                sorted.sort_by(|a, b| b.total_cmp(a));
                if sorted[0] - sorted[1] > 1e-6 {
                    prop_assert_eq!(moved.labels[item], original.labels[item]);
                }
            }
        }
    }

    #[test]
    fn the_last_round_is_the_kernel(
        (items, sources, classes, votes) in votes_strategy(),
        outcome in any::<bool>(),
    ) {
        let mut options = options(items, sources, classes, Method::DawidSkene);
        if outcome {
            options.abstain = Abstain::Outcome;
        }
        let model = label_model(&votes, &options).unwrap();
        let mut rounds = DawidSkene::new(&votes, &options).unwrap();
        let mut last = None;
        while let Some(round) = rounds.round() {
            last = Some((
                round.probabilities.to_vec(),
                round.prior.to_vec(),
                round.confusion.to_vec(),
                round.iteration,
                round.finished,
            ));
        }
        if let Some((probabilities, prior, confusion, iteration, finished)) = last {
            prop_assert!(finished);
            prop_assert_eq!(&probabilities, &model.probabilities);
            prop_assert_eq!(&prior, &model.prior);
            prop_assert_eq!(&confusion, &model.confusion);
            prop_assert_eq!(iteration, model.iterations);
        } else {
            prop_assert_eq!(model.iterations, 0);
        }
        prop_assert_eq!(rounds.labels(), model.labels.clone());
        prop_assert!(rounds.round().is_none());
    }
}

#[test]
fn no_votes_at_all_leave_everything_uniform() {
    for (method, abstain) in [
        (Method::Majority, Abstain::Missing),
        (Method::DawidSkene, Abstain::Missing),
        (Method::DawidSkene, Abstain::Outcome),
    ] {
        let mut options = options(2, 2, 2, method);
        options.abstain = abstain;
        let model = label_model(&[-1; 4], &options).unwrap();
        assert_eq!(model.labels, [-1, -1]);
        assert_eq!(model.probabilities, [0.5; 4]);
        assert_eq!(model.prior, [0.5; 2]);
        assert_eq!(model.iterations, 0);
        let empty = label_model(
            &[],
            &LabelOptions {
                items: 0,
                ..options
            },
        )
        .unwrap();
        assert!(empty.labels.is_empty() && empty.probabilities.is_empty());
    }
}

#[test]
fn majority_ties_abstain_or_take_the_lowest() {
    // Item 0: a 1–1 tie between 2 and 0; item 1: no votes; item 2: 1 wins.
    let votes = [2, 0, -1, -1, -1, -1, 1, 1, 0];
    let mut options = options(3, 3, 3, Method::Majority);
    let model = label_model(&votes, &options).unwrap();
    assert_eq!(model.labels, [-1, -1, 1]);
    let third = 1.0 / 3.0;
    assert_close(
        &model.probabilities,
        &[
            0.5,
            0.0,
            0.5,
            third,
            third,
            third,
            1.0 / 3.0,
            2.0 / 3.0,
            0.0,
        ],
        "shares",
    );
    assert_close(&model.prior, &[5.0 / 12.0, 1.0 / 3.0, 0.25], "prior");
    options.ties = Ties::Lowest;
    assert_eq!(label_model(&votes, &options).unwrap().labels, [0, -1, 1]);
}

fn error_of(votes: &[i32], options: &LabelOptions) -> (String, String) {
    let error = label_model(votes, options).unwrap_err();
    (error.field().unwrap_or("").to_string(), error.to_string())
}

#[test]
fn errors_name_the_option_or_the_vote() {
    let base = options(2, 2, 3, Method::DawidSkene);
    let votes = [0, 1, 2, -1];
    let (field, message) = error_of(&votes[..3], &base);
    assert_eq!(field, "votes");
    assert_eq!(message, "votes has 3 values; 2 items × 2 sources need 4");
    let (field, message) = error_of(&[0, 1, 3, -1], &base);
    assert_eq!(field, "votes[2]");
    assert_eq!(
        message,
        "votes[2] is 3: each vote must be -1 (abstain) or a class from 0 to 2"
    );
    assert_eq!(error_of(&[0, -2, 0, 0], &base).0, "votes[1]");
    for (changed, field, start) in [
        (
            LabelOptions { classes: 1, ..base },
            "classes",
            "classes must be a whole number from 2 to 1,000, not 1",
        ),
        (
            LabelOptions {
                tolerance: 0.0,
                ..base
            },
            "tolerance",
            "tolerance must be a finite number above 0, not 0",
        ),
        (
            LabelOptions {
                tolerance: f64::NAN,
                ..base
            },
            "tolerance",
            "tolerance must be",
        ),
        (
            LabelOptions {
                max_iterations: 0,
                ..base
            },
            "maxIterations",
            "maxIterations must be a whole number from 1 to 100,000, not 0",
        ),
    ] {
        for method in [Method::Majority, Method::DawidSkene] {
            let (got_field, message) = error_of(&votes, &LabelOptions { method, ..changed });
            assert_eq!(got_field, field);
            assert!(message.starts_with(start), "{message}");
        }
    }
    let huge = LabelOptions {
        items: 200_000_000,
        sources: 0,
        ..base
    };
    assert_eq!(error_of(&[], &huge).0, "items");
}

fn from_js(pairs: &[(&str, OptionValue)]) -> Result<LabelOptions, (String, String)> {
    let mut map = OptionMap::new();
    for (key, value) in pairs {
        map = map.with(key, value.clone());
    }
    LabelOptions::from_kernel_options(&mut map).map_err(|error| {
        (
            error.field().unwrap_or("").to_string(),
            error.message().to_string(),
        )
    })
}

#[test]
fn kernel_options_are_read_and_refused_by_name() {
    use OptionValue::{Number, Text};
    let shape = [
        ("items", Number(4.0)),
        ("sources", Number(3.0)),
        ("classes", Number(2.0)),
    ];
    let with = |extra: &[(&str, OptionValue)]| {
        let mut pairs = shape.to_vec();
        pairs.extend_from_slice(extra);
        from_js(&pairs)
    };
    let read = with(&[("method", Text("dawid-skene".into()))]).unwrap();
    assert_eq!(read, options(4, 3, 2, Method::DawidSkene));
    let read = with(&[
        ("method", Text("majority".into())),
        ("abstain", Text("outcome".into())),
        ("ties", Text("lowest".into())),
        ("maxIterations", Number(7.0)),
        ("tolerance", Number(0.01)),
    ])
    .unwrap();
    assert_eq!(
        (read.abstain, read.ties, read.max_iterations, read.tolerance),
        (Abstain::Outcome, Ties::Lowest, 7, 0.01)
    );
    for (extra, field, start) in [
        (vec![], "method", "option 'method' is required"),
        (
            vec![("method", Text("em".into()))],
            "method",
            "option 'method' must be one of majority, dawid-skene, not 'em'",
        ),
        (
            vec![
                ("method", Text("majority".into())),
                ("abstain", Text("ignore".into())),
            ],
            "abstain",
            "option 'abstain' must be one of missing, outcome",
        ),
        (
            vec![
                ("method", Text("majority".into())),
                ("ties", Text("coin".into())),
            ],
            "ties",
            "option 'ties' must be one of abstain, lowest",
        ),
        (
            vec![
                ("method", Text("majority".into())),
                ("maxIterations", Number(2.5)),
            ],
            "maxIterations",
            "maxIterations must be a whole number from 1 to 100,000, not 2.5",
        ),
        (
            vec![
                ("method", Text("majority".into())),
                ("tolerance", Text("x".into())),
            ],
            "tolerance",
            "option 'tolerance' must be a number",
        ),
        (
            vec![("method", Text("majority".into())), ("seed", Number(1.0))],
            "seed",
            "unknown option 'seed'",
        ),
    ] {
        let (got_field, message) = with(&extra).unwrap_err();
        assert_eq!(got_field, field, "{message}");
        assert!(message.starts_with(start), "{message}");
    }
    let (field, message) = from_js(&[
        ("items", Number(4.0)),
        ("sources", Number(3.0)),
        ("method", Text("majority".into())),
    ])
    .unwrap_err();
    assert_eq!(
        (field.as_str(), message.as_str()),
        ("classes", "option 'classes' is required")
    );
    let (field, _) = from_js(&[
        ("items", Number(-1.0)),
        ("sources", Number(3.0)),
        ("classes", Number(2.0)),
    ])
    .unwrap_err();
    assert_eq!(field, "items");
    let (field, message) = from_js(&[
        ("items", Number(1.0)),
        ("sources", Number(3.0)),
        ("classes", Number(1.5)),
    ])
    .unwrap_err();
    assert_eq!(field, "classes");
    assert_eq!(
        message,
        "classes must be a whole number from 2 to 1,000, not 1.5"
    );
    assert_eq!(Method::from_id("majority").unwrap().id(), "majority");
    assert_eq!(Abstain::Outcome.id(), "outcome");
    assert_eq!(Ties::from_id("lowest").unwrap(), Ties::Lowest);
}
