//! The kernels: checking and sorting the samples, the threshold sweep (generic over a
//! [`Recorder`], so with `()` it is the plain algorithm), scikit-learn's corner points, the
//! `roc_curve` kernel, and the seeded Gaussian samples.

use super::tally;
use super::{Event, TieGroup};
use crate::algorithm::Recorder;
use crate::format::{format_fixed, format_number, group_digits};
use crate::input::{InputError, SeededRandom};
use crate::sort::{f64_from_key, f64_key, sort_by_key};

/// A ROC curve: one point per threshold, highest threshold first.
#[derive(Debug, Clone, PartialEq)]
pub struct Curve {
    /// False-positive rate at each threshold.
    pub fpr: Vec<f64>,
    /// True-positive rate at each threshold.
    pub tpr: Vec<f64>,
    /// The thresholds: +∞ first, then every distinct score, decreasing.
    pub thresholds: Vec<f64>,
    /// The area under the curve (trapezoidal rule).
    pub auc: f64,
}

/// One sample: its score, whether it is positive, and its weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sample {
    /// The classifier's score.
    pub score: f64,
    /// True for the positive class.
    pub positive: bool,
    /// Non-negative weight (1 unless given).
    pub weight: f64,
}

/// Checks the kernel's inputs, naming the first offending index.
pub fn check_inputs(
    scores: &[f64],
    labels: &[u8],
    weights: Option<&[f64]>,
) -> Result<(), InputError> {
    if scores.len() != labels.len() {
        return Err(InputError::new(format!(
            "scores and labels differ in length ({} vs {})",
            scores.len(),
            labels.len()
        ))
        .in_field("labels"));
    }
    if let Some(index) = scores.iter().position(|score| !score.is_finite()) {
        return Err(InputError::new(format!(
            "scores[{index}] is {}: every score must be a finite number",
            format_number(scores[index])
        ))
        .in_field("scores"));
    }
    if let Some(index) = labels.iter().position(|&label| label > 1) {
        return Err(InputError::new(format!(
            "labels[{index}] is {}: labels must be 0 or 1",
            labels[index]
        ))
        .in_field("labels"));
    }
    if let Some(weights) = weights {
        if weights.len() != scores.len() {
            return Err(InputError::new(format!(
                "weights and scores differ in length ({} vs {})",
                weights.len(),
                scores.len()
            ))
            .in_field("weights"));
        }
        if let Some(index) = weights
            .iter()
            .position(|weight| weight.is_nan() || *weight < 0.0 || weight.is_infinite())
        {
            return Err(InputError::new(format!(
                "weights[{index}] is {}: weights must be finite and non-negative",
                format_number(weights[index])
            ))
            .in_field("weights"));
        }
    }
    Ok(())
}

/// Sorts samples by score, highest first (in `total_cmp` order), with the kernels' radix sort
/// ([`crate::sort`]).
///
/// With `weights`, zero-weight samples are left out, as scikit-learn's `roc_curve` does: a
/// score held only by zero-weight samples is then no threshold of the curve; the sort is
/// stable, so tied samples keep their input order and the running sums add the weights in the
/// same order as scikit-learn's cumulative sum: the rates agree with it to the last bit.
/// Without weights each class is sorted on its own (8-byte keys instead of whole samples) and
/// the two are merged, positives first among ties: every running sum is then a count, exact
/// in any order.
pub fn sorted_samples(scores: &[f64], labels: &[u8], weights: Option<&[f64]>) -> Vec<Sample> {
    let Some(weights) = weights else {
        return merged_classes(scores, labels);
    };
    let mut samples: Vec<Sample> = scores
        .iter()
        .zip(labels)
        .zip(weights)
        .map(|((&score, &label), &weight)| Sample {
            score,
            positive: label == 1,
            weight,
        })
        .filter(|sample| sample.weight != 0.0)
        .collect();
    sort_by_key(&mut samples, |sample| !f64_key(sample.score));
    samples
}

/// Unweighted samples sorted highest first: each class's keys sorted alone, then merged.
fn merged_classes(scores: &[f64], labels: &[u8]) -> Vec<Sample> {
    // Counted first, so each class's keys are allocated once at their size.
    let positive_count = labels.iter().filter(|&&label| label == 1).count();
    let mut positives = Vec::with_capacity(positive_count);
    let mut negatives = Vec::with_capacity(labels.len() - positive_count);
    for (&score, &label) in scores.iter().zip(labels) {
        // Descending: the complement of the ascending key.
        let key = !f64_key(score);
        if label == 1 {
            positives.push(key);
        } else {
            negatives.push(key);
        }
    }
    sort_by_key(&mut positives, |&key| key);
    sort_by_key(&mut negatives, |&key| key);
    let sample = |key: u64, positive: bool| Sample {
        score: f64_from_key(!key),
        positive,
        weight: 1.0,
    };
    let mut samples = Vec::with_capacity(scores.len());
    let (mut i, mut j) = (0, 0);
    // Without a branch on which side wins (it would be mispredicted about half the time).
    while i < positives.len() && j < negatives.len() {
        let (positive, negative) = (positives[i], negatives[j]);
        let from_positives = positive <= negative;
        samples.push(sample(
            if from_positives { positive } else { negative },
            from_positives,
        ));
        i += usize::from(from_positives);
        j += usize::from(!from_positives);
    }
    samples.extend(positives[i..].iter().map(|&key| sample(key, true)));
    samples.extend(negatives[j..].iter().map(|&key| sample(key, false)));
    samples
}

/// One past the last sample tied with `samples[start]` (samples sorted by score).
pub fn tie_group_end(samples: &[Sample], start: usize) -> usize {
    let threshold = samples[start].score;
    start
        + samples[start..]
            .iter()
            .take_while(|sample| sample.score == threshold)
            .count()
}

/// Adds the weights of `group` to the running weighted TP and FP, one sample at a time in
/// sorted order: a cumulative sum, so every rate is bit-identical however it is reached.
pub fn accumulate(group: &[Sample], true_positives: &mut f64, false_positives: &mut f64) {
    for sample in group {
        if sample.positive {
            *true_positives += sample.weight;
        } else {
            *false_positives += sample.weight;
        }
    }
}

/// Total positive and negative weight; an error when either is zero (the curve is undefined).
pub fn class_totals(samples: &[Sample]) -> Result<(f64, f64), InputError> {
    let (mut positives, mut negatives) = (0.0, 0.0);
    accumulate(samples, &mut positives, &mut negatives);
    checked_totals(positives, negatives, samples.len())
}

/// The class totals of `count` samples, or the error that makes the curve undefined.
fn checked_totals(positives: f64, negatives: f64, count: usize) -> Result<(f64, f64), InputError> {
    if !positives.is_finite() || !negatives.is_finite() {
        return Err(InputError::new(
            "the weights add up past the largest number a double holds; scale them down",
        ));
    }
    if positives == 0.0 {
        return Err(InputError::new(format!(
            "no positives among the {} samples: the TPR, the ROC curve and the AUC are undefined",
            group_digits(count)
        )));
    }
    if negatives == 0.0 {
        return Err(InputError::new(format!(
            "no negatives among the {} samples: the FPR, the ROC curve and the AUC are undefined",
            group_digits(count)
        )));
    }
    Ok((positives, negatives))
}

/// The tie groups of `samples` (sorted, highest score first), the running sums added one
/// sample at a time ([`accumulate`]).
pub fn tie_groups(samples: &[Sample]) -> impl Iterator<Item = TieGroup> + Clone + '_ {
    let (mut true_positives, mut false_positives) = (0.0, 0.0);
    let mut start = 0;
    std::iter::from_fn(move || {
        if start == samples.len() {
            return None;
        }
        let end = tie_group_end(samples, start);
        accumulate(
            &samples[start..end],
            &mut true_positives,
            &mut false_positives,
        );
        let group = TieGroup {
            threshold: samples[start].score,
            start,
            end,
            true_positives,
            false_positives,
        };
        start = end;
        Some(group)
    })
}

/// How many distinct scores `samples` (sorted) hold.
fn distinct_scores(samples: &[Sample]) -> usize {
    samples
        .windows(2)
        .filter(|pair| pair[0].score != pair[1].score)
        .count()
        + usize::from(!samples.is_empty())
}

/// The sweep over `samples` (sorted, highest score first), reporting each threshold step.
pub fn sweep<R: Recorder<Event>>(
    samples: &[Sample],
    positives: f64,
    negatives: f64,
    recorder: &mut R,
) -> Curve {
    let groups = tie_groups(samples);
    sweep_groups(
        groups,
        distinct_scores(samples),
        positives,
        negatives,
        recorder,
    )
}

/// The sweep over `groups` (`distinct` of them, highest threshold first): one point per
/// group after the origin, the AUC by the trapezoidal rule.
fn sweep_groups<R: Recorder<Event>>(
    groups: impl Iterator<Item = TieGroup>,
    distinct: usize,
    positives: f64,
    negatives: f64,
    recorder: &mut R,
) -> Curve {
    // The three arrays are allocated once at their size.
    let with_origin = |origin: f64| {
        let mut values = Vec::with_capacity(distinct + 1);
        values.push(origin);
        values
    };
    let mut curve = Curve {
        fpr: with_origin(0.0),
        tpr: with_origin(0.0),
        thresholds: with_origin(f64::INFINITY),
        auc: 0.0,
    };
    let (mut before_true, mut before_false) = (0.0, 0.0);
    // The last point's rates: each is divided out once.
    let (mut x0, mut y0) = (0.0, 0.0);
    for group in groups {
        let before_auc = curve.auc;
        let (x1, y1) = (
            group.false_positives / negatives,
            group.true_positives / positives,
        );
        curve.auc += (x1 - x0) * (y0 + y1) / 2.0;
        curve.fpr.push(x1);
        curve.tpr.push(y1);
        curve.thresholds.push(group.threshold);
        recorder.record(|| Event::Lower {
            start: group.start as u32,
            end: group.end as u32,
            true_before: before_true,
            false_before: before_false,
            auc_before: before_auc,
        });
        (before_true, before_false) = (group.true_positives, group.false_positives);
        (x0, y0) = (x1, y1);
    }
    curve
}

/// Which thresholds scikit-learn's `roc_curve(drop_intermediate=True)` keeps, one flag per
/// tie group (highest threshold first): the mask is decided over its own points, *before*
/// the origin is prepended, so the first and the last distinct score always stay, and an
/// inner one stays when the second difference of the cumulative FP or TP weight is non-zero
/// — exactly, computed as `np.diff(counts, 2)` computes it.
pub fn corner_mask(groups: impl Iterator<Item = TieGroup>) -> Vec<bool> {
    let counts: Vec<(f64, f64)> = groups
        .map(|group| (group.false_positives, group.true_positives))
        .collect();
    let second_difference = |a: f64, b: f64, c: f64| (c - b) - (b - a);
    let last = counts.len().saturating_sub(1);
    (0..counts.len())
        .map(|index| {
            index == 0
                || index == last
                || second_difference(counts[index - 1].0, counts[index].0, counts[index + 1].0)
                    != 0.0
                || second_difference(counts[index - 1].1, counts[index].1, counts[index + 1].1)
                    != 0.0
        })
        .collect()
}

/// Keeps the origin and the points `keep` marks (one flag per point after the origin, as
/// [`corner_mask`] gives them). The AUC is unchanged: the dropped points are collinear.
pub fn keep_points(curve: &Curve, keep: &[bool]) -> Curve {
    let kept = std::iter::once(0).chain(
        keep.iter()
            .enumerate()
            .filter(|(_, &kept)| kept)
            .map(|(index, _)| index + 1),
    );
    let mut result = Curve {
        fpr: Vec::new(),
        tpr: Vec::new(),
        thresholds: Vec::new(),
        auc: curve.auc,
    };
    for index in kept {
        result.fpr.push(curve.fpr[index]);
        result.tpr.push(curve.tpr[index]);
        result.thresholds.push(curve.thresholds[index]);
    }
    result
}

/// The kernel: the ROC curve of `scores` with 0/1 `labels` and optional `weights`.
///
/// Matches scikit-learn's `roc_curve`: the same thresholds (with `+∞` for the origin), the
/// same rates to the last bit, zero-weight samples left out, and with
/// `drop_intermediate_points` the same points kept ([`corner_mask`]). One difference: a
/// single class is an error here, where scikit-learn warns and returns NaN rates.
///
/// ```
/// use stepwise::algo::roc::roc_curve;
/// let curve = roc_curve(&[0.9, 0.8, 0.3, 0.1], &[1, 0, 1, 0], None, false).unwrap();
/// assert_eq!(curve.auc, 0.75);
/// assert_eq!(curve.tpr, vec![0.0, 0.5, 0.5, 1.0, 1.0]);
/// let corners = roc_curve(&[0.9, 0.7, 0.3, 0.1], &[1, 1, 0, 0], None, true).unwrap();
/// assert_eq!(corners.thresholds, vec![f64::INFINITY, 0.9, 0.7, 0.1]);
/// ```
pub fn roc_curve(
    scores: &[f64],
    labels: &[u8],
    weights: Option<&[f64]>,
    drop_intermediate_points: bool,
) -> Result<Curve, InputError> {
    check_inputs(scores, labels, weights)?;
    let Some(weights) = weights else {
        // Unweighted, the totals are the labels' counts: no pass over the sorted samples.
        let positives = labels.iter().filter(|&&label| label == 1).count();
        let totals = checked_totals(
            positives as f64,
            (labels.len() - positives) as f64,
            labels.len(),
        )?;
        return Ok(match tally::tie_groups(scores, labels) {
            Some(groups) => curve_of(
                groups.iter().copied(),
                groups.len(),
                totals,
                drop_intermediate_points,
            ),
            None => {
                let samples = sorted_samples(scores, labels, None);
                curve_of(
                    tie_groups(&samples),
                    distinct_scores(&samples),
                    totals,
                    drop_intermediate_points,
                )
            }
        });
    };
    let samples = sorted_samples(scores, labels, Some(weights));
    let totals = class_totals(&samples)?;
    Ok(curve_of(
        tie_groups(&samples),
        distinct_scores(&samples),
        totals,
        drop_intermediate_points,
    ))
}

/// The curve through `groups` (`distinct` of them) with the class `totals`, only its
/// corners when `drop_intermediate_points`.
fn curve_of(
    groups: impl Iterator<Item = TieGroup> + Clone,
    distinct: usize,
    (positives, negatives): (f64, f64),
    drop_intermediate_points: bool,
) -> Curve {
    let curve = sweep_groups(groups.clone(), distinct, positives, negatives, &mut ());
    if drop_intermediate_points {
        keep_points(&curve, &corner_mask(groups))
    } else {
        curve
    }
}

/// Φ, the standard normal distribution function (Abramowitz–Stegun 7.1.26, |error| < 1.5e-7).
pub fn normal_cdf(x: f64) -> f64 {
    let z = x.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * z);
    let polynomial = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf = 1.0 - polynomial * (-z * z).exp();
    if x >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
}

/// The AUC of two unit-variance Gaussian classes `separation` (d′) apart: Φ(d′/√2).
pub fn binormal_auc(separation: f64) -> f64 {
    normal_cdf(separation / std::f64::consts::SQRT_2)
}

/// `size` samples from two unit Gaussian classes `separation` apart, alternating positive and
/// negative (half each): scores, and 1/0 labels.
pub fn gaussian_columns(size: usize, separation: f64, seed: u64) -> (Vec<f64>, Vec<u8>) {
    let mut random = SeededRandom::new(seed);
    let mut uniform = || ((random.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64;
    let mut scores = Vec::with_capacity(size);
    let mut labels = Vec::with_capacity(size);
    for index in 0..size {
        // Marsaglia's polar method: a standard normal from uniforms without trigonometry
        // (a cosine would add its argument reduction, kilobytes, to the wasm).
        let normal = loop {
            let (x, y) = (2.0 * uniform() - 1.0, 2.0 * uniform() - 1.0);
            let radius = x * x + y * y;
            if radius > 0.0 && radius < 1.0 {
                break x * (-2.0 * radius.ln() / radius).sqrt();
            }
        };
        let positive = index % 2 == 0;
        scores.push(normal + if positive { separation } else { 0.0 });
        labels.push(u8::from(positive));
    }
    (scores, labels)
}

/// [`gaussian_columns`] as CSV text, scores to three decimals.
pub fn gaussian_samples(size: usize, separation: f64, seed: u64) -> String {
    let (scores, labels) = gaussian_columns(size, separation, seed);
    let mut text = String::from("score,label\n");
    for (score, label) in scores.into_iter().zip(labels) {
        text.push_str(&format_fixed(score, 3));
        text.push_str(if label == 1 { ",1\n" } else { ",0\n" });
    }
    text
}
