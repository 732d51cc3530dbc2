//! ROC: the AUC against the pairwise Mann–Whitney count, the curve's shape, dropIntermediate,
//! scikit-learn's own outputs (tests/fixtures), hand-checked cases, errors, and the timeline's
//! seek/undo.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use stepwise::algo::roc::{
    binormal_auc, gaussian_samples, parse_samples, roc_curve, sorted_samples, sweep, Curve, Roc,
};
use stepwise::input::{OptionMap, OptionValue};
use stepwise::scene::{Frame, Theme};
use stepwise::trace::Timeline;

/// P(a random positive scores above a random negative), ties counted one half, weighted.
fn pairwise_auc(scores: &[f64], labels: &[u8], weights: &[f64]) -> f64 {
    let (mut wins, mut pairs) = (0.0, 0.0);
    for (i, (&positive_score, &label)) in scores.iter().zip(labels).enumerate() {
        if label != 1 {
            continue;
        }
        for (j, (&negative_score, &other)) in scores.iter().zip(labels).enumerate() {
            if other != 0 {
                continue;
            }
            let weight = weights[i] * weights[j];
            pairs += weight;
            if positive_score > negative_score {
                wins += weight;
            } else if positive_score == negative_score {
                wins += weight / 2.0;
            }
        }
    }
    wins / pairs
}

fn samples() -> impl Strategy<Value = (Vec<f64>, Vec<u8>, Vec<f64>)> {
    (2usize..60).prop_flat_map(|length| {
        (
            prop::collection::vec((0i32..8).prop_map(|value| f64::from(value) / 4.0), length),
            prop::collection::vec(0u8..=1, length),
            prop::collection::vec((1i32..5).prop_map(f64::from), length),
        )
    })
}

/// The area under the polyline of `curve`, by the trapezoidal rule: what plotting it shows.
fn trapezoid_area(curve: &Curve) -> f64 {
    (1..curve.fpr.len())
        .map(|index| {
            (curve.fpr[index] - curve.fpr[index - 1]) * (curve.tpr[index] + curve.tpr[index - 1])
                / 2.0
        })
        .sum()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn auc_is_the_pairwise_probability_and_the_curve_is_monotone((scores, labels, weights) in samples()) {
        let has_both = labels.contains(&0) && labels.contains(&1);
        let curve = roc_curve(&scores, &labels, None, false);
        prop_assert_eq!(curve.is_ok(), has_both);
        let Ok(curve) = curve else { return Ok(()); };
        let ones = vec![1.0; scores.len()];
        prop_assert!((curve.auc - pairwise_auc(&scores, &labels, &ones)).abs() < 1e-12);
        prop_assert_eq!(curve.thresholds[0], f64::INFINITY);
        prop_assert!(curve.thresholds.windows(2).all(|pair| pair[0] > pair[1]));
        prop_assert!(curve.fpr.windows(2).all(|pair| pair[0] <= pair[1]));
        prop_assert!(curve.tpr.windows(2).all(|pair| pair[0] <= pair[1]));
        prop_assert_eq!((curve.fpr[0], curve.tpr[0]), (0.0, 0.0));
        prop_assert!((curve.fpr.last().unwrap() - 1.0).abs() < 1e-12);
        prop_assert!((curve.tpr.last().unwrap() - 1.0).abs() < 1e-12);

        let weighted = roc_curve(&scores, &labels, Some(&weights), false).unwrap();
        prop_assert!((weighted.auc - pairwise_auc(&scores, &labels, &weights)).abs() < 1e-12);

        let corners = roc_curve(&scores, &labels, None, true).unwrap();
        prop_assert_eq!(corners.auc, curve.auc);
        prop_assert_eq!(corners.thresholds[0], f64::INFINITY);
        // The first real threshold always survives (scikit-learn decides before the origin).
        prop_assert_eq!(corners.thresholds[1], curve.thresholds[1]);
        prop_assert_eq!(corners.thresholds.last(), curve.thresholds.last());
        let full: Vec<(f64, f64, f64)> = (0..curve.fpr.len())
            .map(|index| (curve.thresholds[index], curve.fpr[index], curve.tpr[index]))
            .collect();
        for index in 0..corners.fpr.len() {
            let point = (corners.thresholds[index], corners.fpr[index], corners.tpr[index]);
            prop_assert!(full.contains(&point), "kept point {:?} is not on the full curve", point);
        }
        // Every corner of the full curve (after its first real point) is kept.
        for index in 2..curve.fpr.len() - 1 {
            let bend = |rates: &[f64]| (rates[index - 1] - 2.0 * rates[index] + rates[index + 1]).abs() > 1e-9;
            if bend(&curve.fpr) || bend(&curve.tpr) {
                prop_assert!(corners.thresholds.contains(&curve.thresholds[index]), "corner {} dropped", index);
            }
        }
        prop_assert!((trapezoid_area(&corners) - curve.auc).abs() < 1e-12);
    }

    /// Unweighted curves come from a tally of each distinct score (up to 2^14 of them) or,
    /// past that, from sorted samples; weights of 1 always take the sorted path. Both must
    /// agree to the bit, thresholds' signed zeros included.
    #[test]
    fn tallied_curves_equal_sorted_ones(
        picks in prop::collection::vec((0usize..12, 0u8..=1), 1..200),
        drop in any::<bool>(),
    ) {
        const SCORES: [f64; 12] = [0.0, -0.0, 1.5, -1.5, 1e300, -1e300, f64::MIN_POSITIVE, -f64::MIN_POSITIVE, 2.0, 0.1, 0.3, f64::MAX];
        let scores: Vec<f64> = picks.iter().map(|&(pick, _)| SCORES[pick]).collect();
        let labels: Vec<u8> = picks.iter().map(|&(_, label)| label).collect();
        let ones = vec![1.0; scores.len()];
        let tallied = roc_curve(&scores, &labels, None, drop);
        let sorted = roc_curve(&scores, &labels, Some(&ones), drop);
        prop_assert_eq!(tallied.is_ok(), sorted.is_ok());
        let (Ok(tallied), Ok(sorted)) = (tallied, sorted) else { return Ok(()); };
        prop_assert_eq!(bits(&tallied.thresholds), bits(&sorted.thresholds));
        prop_assert_eq!(bits(&tallied.fpr), bits(&sorted.fpr));
        prop_assert_eq!(bits(&tallied.tpr), bits(&sorted.tpr));
        prop_assert_eq!(tallied.auc.to_bits(), sorted.auc.to_bits());
    }

    #[test]
    fn the_animation_ends_at_the_kernel_and_seeks_exactly(
        (scores, labels, _) in samples(),
        seeks in prop::collection::vec(0usize..80, 1..6),
    ) {
        prop_assume!(labels.contains(&0) && labels.contains(&1));
        let text: String = scores.iter().zip(&labels).map(|(score, label)| format!("{score},{label}\n")).collect();
        let mut timeline = Timeline::<Roc>::from_text(&text, &mut OptionMap::new()).unwrap();
        let mut replay = Timeline::<Roc>::from_text(&text, &mut OptionMap::new()).unwrap();
        let kernel = roc_curve(&scores, &labels, None, false).unwrap();
        timeline.seek(timeline.len());
        prop_assert!((timeline.state().auc - kernel.auc).abs() < 1e-12);
        prop_assert_eq!(timeline.state().points.len(), kernel.fpr.len());
        let checked = common::seeks_match_replay(&mut timeline, &mut replay, &seeks);
        prop_assert!(checked.is_ok(), "{:?}", checked);
    }
}

/// Each value's bits: equal when the values are the same number with the same sign.
fn bits(values: &[f64]) -> Vec<u64> {
    values.iter().map(|value| value.to_bits()).collect()
}

/// At the tally's limit (2^14 distinct scores, still tallied) and past it (2^14 + 1 and more,
/// sorted): the unweighted kernel agrees with the weighted path at weight 1 to the bit.
#[test]
fn curves_past_the_tally_limit_are_sorted_and_equal() {
    for distinct in [16_384, 16_385, 50_000] {
        // Every value twice, and signed zeros among them (they tie).
        let mut scores: Vec<f64> = (0..2 * distinct)
            .map(|index| ((index * 7919) % distinct) as f64 / 8.0 - 1000.0)
            .collect();
        scores.extend([0.0, -0.0, -0.0, 0.0, -0.0]);
        let labels: Vec<u8> = (0..scores.len())
            .map(|index| (index % 3 == 0) as u8)
            .collect();
        let ones = vec![1.0; scores.len()];
        for drop in [false, true] {
            let unweighted = roc_curve(&scores, &labels, None, drop).unwrap();
            let weighted = roc_curve(&scores, &labels, Some(&ones), drop).unwrap();
            assert_eq!(
                unweighted, weighted,
                "{distinct} distinct scores, drop {drop}"
            );
        }
        let full = roc_curve(&scores, &labels, None, false).unwrap();
        // The zeros are one more distinct score unless 0 is among the values already.
        assert!((distinct + 1..=distinct + 2).contains(&full.thresholds.len()));
        assert!(full
            .thresholds
            .iter()
            .all(|threshold| threshold.to_bits() != (-0.0f64).to_bits()));
        // The animation's path (merged samples, swept) ends at the same curve.
        let (positives, negatives) = (
            labels.iter().filter(|&&label| label == 1).count() as f64,
            labels.iter().filter(|&&label| label == 0).count() as f64,
        );
        let animated = sweep(
            &sorted_samples(&scores, &labels, None),
            positives,
            negatives,
            &mut (),
        );
        assert_eq!(
            animated, full,
            "{distinct} distinct scores: the animation's sweep"
        );
    }
}

#[test]
fn hand_checked_cases() {
    let all_equal = roc_curve(&[0.5; 4], &[1, 0, 1, 0], None, false).unwrap();
    assert_eq!(all_equal.fpr, vec![0.0, 1.0]);
    assert_eq!(all_equal.tpr, vec![0.0, 1.0]);
    assert_eq!(all_equal.auc, 0.5, "one diagonal step");
    let perfect = roc_curve(&[0.9, 0.8, 0.2, 0.1], &[1, 1, 0, 0], None, false).unwrap();
    assert_eq!(perfect.auc, 1.0);
    let inverted = roc_curve(&[0.9, 0.8, 0.2, 0.1], &[0, 0, 1, 1], None, false).unwrap();
    assert_eq!(inverted.auc, 0.0);
    let small = roc_curve(&[0.9, 0.8, 0.3, 0.1], &[1, 0, 1, 0], None, false).unwrap();
    assert_eq!(small.thresholds, vec![f64::INFINITY, 0.9, 0.8, 0.3, 0.1]);
    assert_eq!(small.fpr, vec![0.0, 0.0, 0.5, 0.5, 1.0]);
    assert_eq!(small.auc, 0.75);
}

#[test]
fn errors_name_the_first_offending_index() {
    let message = |scores: &[f64], labels: &[u8], weights: Option<&[f64]>| {
        roc_curve(scores, labels, weights, false)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        message(&[0.1, 0.2], &[1], None),
        "scores and labels differ in length (2 vs 1)"
    );
    assert_eq!(
        message(&[0.1, f64::NAN], &[1, 0], None),
        "scores[1] is NaN: every score must be a finite number"
    );
    assert_eq!(
        message(&[0.1, 0.2], &[1, 2], None),
        "labels[1] is 2: labels must be 0 or 1"
    );
    assert_eq!(
        message(&[0.1, 0.2], &[1, 0], Some(&[1.0, -2.0])),
        "weights[1] is -2: weights must be finite and non-negative"
    );
    assert_eq!(
        message(&[0.1, 0.2], &[1, 1], None),
        "no negatives among the 2 samples: the FPR, the ROC curve and the AUC are undefined"
    );
    assert!(message(&[0.1], &[0], None).starts_with("no positives"));
    assert!(
        message(&[0.5, 0.4, 0.3], &[1, 1, 0], Some(&[1e308, 1e308, 1.0]))
            .starts_with("the weights add up past the largest number")
    );
    let single = Timeline::<Roc>::from_text("0.9,1\n0.7,1", &mut OptionMap::new());
    assert!(single
        .err()
        .unwrap()
        .to_string()
        .contains("AUC are undefined"));
}

#[test]
fn the_generator_matches_the_binormal_auc() {
    let text = gaussian_samples(20_000, 1.5, 7);
    let samples = parse_samples(&text, None).unwrap();
    let labels: Vec<u8> = samples.positive.iter().map(|&p| u8::from(p)).collect();
    let curve = roc_curve(&samples.scores, &labels, None, false).unwrap();
    let theory = binormal_auc(1.5);
    assert!((theory - 0.8556).abs() < 1e-3, "Φ(1.5/√2) = {theory}");
    assert!(
        (curve.auc - theory).abs() < 0.015,
        "empirical {} vs theory {theory}",
        curve.auc
    );
    assert!((binormal_auc(0.0) - 0.5).abs() < 1e-6);
}

#[test]
fn plain_narration_tells_the_story_and_views_draw() {
    let mut options = OptionMap::new().with("plain", OptionValue::Bool(true));
    let mut timeline =
        Timeline::<Roc>::from_text("0.9,1\n0.62,1\n0.62,0\n0.3,0", &mut options).unwrap();
    timeline.seek(2);
    assert_eq!(
        timeline.narration(),
        "Cut-off 0.62: we flag 2 of the 2 sick patients (TPR 100%) and wrongly flag 1 of the 2 healthy people (FPR 50%)."
    );
    let mut technical =
        Timeline::<Roc>::from_text("0.9,1\n0.62,1\n0.62,0\n0.3,0", &mut OptionMap::new()).unwrap();
    technical.seek(2);
    assert_eq!(
        technical.narration(),
        "Threshold 0.62 (2 tied samples move together): +1 TP, +1 FP → TPR 1.000, FPR 0.500; the trapezoid adds 0.3750, AUC 0.3750."
    );
    for size in [4usize, 300, 20_000] {
        let text = gaussian_samples(size, 1.0, 3);
        let mut timeline = Timeline::<Roc>::from_text(&text, &mut OptionMap::new()).unwrap();
        for position in [0, 1, timeline.len() / 2, timeline.len()] {
            timeline.seek(position);
            for (width, height) in [(375.0, 520.0), (1000.0, 420.0), (2.0, 2.0)] {
                assert!(!timeline
                    .scene(&Frame::new(width, height, Theme::Light))
                    .shapes
                    .is_empty());
            }
        }
    }
}

/// One row of `tests/fixtures/sklearn_roc_curve.txt`: the input and scikit-learn's answer.
struct SklearnCase {
    name: String,
    drop: bool,
    scores: Vec<f64>,
    labels: Vec<u8>,
    weights: Option<Vec<f64>>,
    expected: (Vec<f64>, Vec<f64>, Vec<f64>),
}

fn sklearn_cases() -> Vec<SklearnCase> {
    let text = include_str!("fixtures/sklearn_roc_curve.txt");
    let numbers = |line: &str, key: &str| -> Vec<f64> {
        let rest = line
            .strip_prefix(key)
            .unwrap_or_else(|| panic!("{key} expected: {line}"));
        rest.split_whitespace()
            .map(|word| word.parse().unwrap())
            .collect()
    };
    let lines: Vec<&str> = text.lines().filter(|line| !line.starts_with('#')).collect();
    lines
        .chunks(7)
        .map(|block| SklearnCase {
            name: block[0].to_string(),
            drop: block[0].ends_with("drop 1"),
            scores: numbers(block[1], "scores "),
            labels: numbers(block[2], "labels ")
                .iter()
                .map(|&l| l as u8)
                .collect(),
            weights: (block[3] != "weights -").then(|| numbers(block[3], "weights ")),
            expected: (
                numbers(block[4], "fpr "),
                numbers(block[5], "tpr "),
                numbers(block[6], "thresholds "),
            ),
        })
        .collect()
}

#[test]
fn matches_scikit_learn_bit_for_bit_on_random_inputs() {
    let cases = sklearn_cases();
    assert_eq!(
        cases.len(),
        240,
        "120 inputs, both drop_intermediate settings"
    );
    let mut dropped = 0;
    for case in &cases {
        let curve = roc_curve(
            &case.scores,
            &case.labels,
            case.weights.as_deref(),
            case.drop,
        )
        .unwrap_or_else(|error| panic!("{}: {error}", case.name));
        let (fpr, tpr, thresholds) = &case.expected;
        assert_eq!(&curve.thresholds, thresholds, "{}: thresholds", case.name);
        assert_eq!(&curve.fpr, fpr, "{}: fpr", case.name);
        assert_eq!(&curve.tpr, tpr, "{}: tpr", case.name);
        if case.drop {
            let full =
                roc_curve(&case.scores, &case.labels, case.weights.as_deref(), false).unwrap();
            dropped += full.fpr.len() - curve.fpr.len();
        }
    }
    assert!(
        dropped > 100,
        "the fixture exercises dropping ({dropped} points dropped)"
    );
}

/// scikit-learn 1.9.1's `roc_curve` on hand-made inputs (labels 1 = positive), both settings.
#[test]
fn drop_intermediate_follows_scikit_learn_on_named_cases() {
    let third = 1.0 / 3.0;
    let two_thirds = 2.0 / 3.0;
    let inf = f64::INFINITY;
    #[allow(clippy::type_complexity)]
    let cases: &[(
        &str,
        &[f64],
        &[u8],
        Option<&[f64]>,
        &[f64],
        &[f64],
        &[f64],
        &[f64],
    )] = &[
        // name, scores, labels, weights, thresholds kept, fpr, tpr, all thresholds
        (
            "perfect separation: the top group is all positives",
            &[0.9, 0.7, 0.3, 0.1],
            &[1, 1, 0, 0],
            None,
            &[inf, 0.9, 0.7, 0.1],
            &[0.0, 0.0, 0.0, 1.0],
            &[0.0, 0.5, 1.0, 1.0],
            &[inf, 0.9, 0.7, 0.3, 0.1],
        ),
        (
            "inverted: a horizontal first step",
            &[0.9, 0.7, 0.3, 0.1],
            &[0, 0, 1, 1],
            None,
            &[inf, 0.9, 0.7, 0.1],
            &[0.0, 0.5, 1.0, 1.0],
            &[0.0, 0.0, 0.0, 1.0],
            &[inf, 0.9, 0.7, 0.3, 0.1],
        ),
        (
            "a vertical first step, then corners only",
            &[0.9, 0.8, 0.7, 0.6, 0.5],
            &[1, 1, 0, 1, 0],
            None,
            &[inf, 0.9, 0.8, 0.7, 0.6, 0.5],
            &[0.0, 0.0, 0.0, 0.5, 0.5, 1.0],
            &[0.0, third, two_thirds, two_thirds, 1.0, 1.0],
            &[inf, 0.9, 0.8, 0.7, 0.6, 0.5],
        ),
        (
            "a collinear run of three positives",
            &[0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3],
            &[1, 1, 1, 0, 1, 0, 0],
            None,
            &[inf, 0.9, 0.7, 0.6, 0.5, 0.3],
            &[0.0, 0.0, 0.0, third, third, 1.0],
            &[0.0, 0.25, 0.75, 0.75, 1.0, 1.0],
            &[inf, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3],
        ),
        (
            "ties: tied scores are one diagonal step",
            &[0.9, 0.9, 0.5, 0.5, 0.5, 0.1],
            &[1, 0, 1, 1, 0, 0],
            None,
            &[inf, 0.9, 0.5, 0.1],
            &[0.0, third, two_thirds, 1.0],
            &[0.0, third, 1.0, 1.0],
            &[inf, 0.9, 0.5, 0.1],
        ),
        (
            "all scores equal",
            &[0.5, 0.5, 0.5, 0.5],
            &[1, 0, 1, 0],
            None,
            &[inf, 0.5],
            &[0.0, 1.0],
            &[0.0, 1.0],
            &[inf, 0.5],
        ),
        (
            "zero weight on the top score: scikit-learn leaves the sample out",
            &[0.95, 0.9, 0.7, 0.3, 0.1],
            &[0, 1, 1, 0, 0],
            Some(&[0.0, 1.0, 1.0, 1.0, 1.0]),
            &[inf, 0.9, 0.7, 0.1],
            &[0.0, 0.0, 0.0, 1.0],
            &[0.0, 0.5, 1.0, 1.0],
            &[inf, 0.9, 0.7, 0.3, 0.1],
        ),
    ];
    for &(name, scores, labels, weights, kept, fpr, tpr, all) in cases {
        let corners = roc_curve(scores, labels, weights, true).unwrap();
        assert_eq!(corners.thresholds, kept, "{name}: thresholds kept");
        assert_eq!(corners.fpr, fpr, "{name}: fpr");
        assert_eq!(corners.tpr, tpr, "{name}: tpr");
        let full = roc_curve(scores, labels, weights, false).unwrap();
        assert_eq!(full.thresholds, all, "{name}: all thresholds");
        assert_eq!(full.auc, corners.auc, "{name}: the AUC is unchanged");
    }
}
