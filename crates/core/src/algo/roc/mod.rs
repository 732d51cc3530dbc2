//! ROC curve: sweep a threshold down over the scores, count TP/FP/FN/TN at each step, trace
//! TPR against FPR and add up the area under the curve.
//!
//! Sort the samples by score, highest first; lowering the threshold past each distinct score
//! predicts every sample with that score positive at once (tied scores move together, one
//! diagonal step of the curve). At threshold t a sample is predicted positive when
//! `score >= t`. The first point, at t = +∞, is (0, 0); the last is (1, 1). The AUC by the
//! trapezoidal rule equals the Mann–Whitney probability that a random positive scores above a
//! random negative, ties counted one half. O(n log n) for the sort, O(n) for the sweep.
//!
//! **Invariant the animation shows:** every sample right of the threshold line is predicted
//! positive; TP + FN is always the number of positives and FP + TN the number of negatives.

mod csv;
mod narrate;
mod question;
mod replay;
mod tally;
mod view;

pub use csv::{
    numbered_class_names, parse_samples, parse_samples_up_to, CsvLimits, Samples,
    MAX_CSV_FILE_BYTES,
};

use crate::algorithm::{
    AlgorithmInfo, Counter, Layout, PageInfo, Pointer, Preset, Pseudocode, Question, Recorder, Run,
};
use crate::format::group_digits;
use crate::format::{format_fixed, format_number};
use crate::input::{InputError, OptionMap, SeededRandom};
use crate::method::MethodInfo;
use crate::options::{read_options, OnChange, OptionKind, OptionSpec};
use crate::sort::{f64_from_key, f64_key, sort_by_key};
use crate::value::{Describe, Value};
use std::rc::Rc;

/// The most samples the animation takes: one step per distinct score stays within the trace's
/// event cap. Typed CSV stops sooner (1 MiB holds about 100,000 samples); 10^6 samples reach the
/// animation through resident samples (a file or the generator). The kernel has no limit.
pub const MAX_ANIMATED_SAMPLES: usize = crate::trace::EVENT_CAP;

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

/// One distinct score of the sorted samples and the running sums after it: lowering the
/// threshold to `threshold` predicts `samples[start..end]` positive at once.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TieGroup {
    /// The group's score (the first in sorted order: `0.0` before `-0.0`, which tie).
    pub threshold: f64,
    /// The group's first sample in sorted order.
    pub start: usize,
    /// One past its last.
    pub end: usize,
    /// Positive weight at or above the threshold (TP).
    pub true_positives: f64,
    /// Negative weight at or above the threshold (FP).
    pub false_positives: f64,
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

/// The parsed input, ready for the sweep: samples sorted by score once, class totals known.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// The samples, highest score first; shared with every state and checkpoint, never copied.
    pub samples: Rc<[Sample]>,
    /// Total positive and negative weight (both non-zero).
    pub totals: (f64, f64),
    /// How the classes are called.
    pub class_names: [String; 2],
}

impl Prepared {
    /// Checks scores and 0/1 labels, sorts the samples once and totals the classes.
    pub fn new(
        scores: &[f64],
        labels: &[u8],
        class_names: [String; 2],
    ) -> Result<Prepared, InputError> {
        check_inputs(scores, labels, None)?;
        let samples = sorted_samples(scores, labels, None);
        let totals = class_totals(&samples)?;
        Ok(Prepared {
            samples: samples.into(),
            totals,
            class_names,
        })
    }
}

/// What a run does.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Narrate in plain language ("we flag 7 of the 10 sick patients").
    pub plain: bool,
    /// The label of the positive class, when the labels are words.
    pub positive: Option<String>,
}

/// One step: the threshold drops past the tied samples `start..end` (in sorted order).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Event {
    /// Lower the threshold to the score of samples `start..end`.
    Lower {
        /// First sample of the tie group.
        start: u32,
        /// One past its last sample.
        end: u32,
        /// Weighted TP before, for exact undo.
        true_before: f64,
        /// Weighted FP before, for exact undo.
        false_before: f64,
        /// AUC before, for exact undo.
        auc_before: f64,
    },
}

/// What the animation shows at one step.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The samples, highest score first (shared with the input).
    pub samples: Rc<[Sample]>,
    /// How the classes are called ("positive"/"negative", or the CSV's own labels).
    pub class_names: [String; 2],
    /// Total positive and negative weight.
    pub totals: (f64, f64),
    /// Samples predicted positive so far (a prefix of `samples`).
    pub passed: usize,
    /// Weighted true positives so far.
    pub true_positives: f64,
    /// Weighted false positives so far.
    pub false_positives: f64,
    /// Area under the curve so far.
    pub auc: f64,
    /// The curve so far, from (0, 0).
    pub points: Vec<(f64, f64)>,
    /// Narrate in plain language.
    pub plain: bool,
}

impl State {
    /// The current threshold: +∞ before the first step, else the lowest score passed.
    pub fn threshold(&self) -> f64 {
        match self.passed {
            0 => f64::INFINITY,
            passed => self.samples[passed - 1].score,
        }
    }

    /// (TP, FP, FN, TN), weighted.
    pub fn confusion(&self) -> [f64; 4] {
        let (positives, negatives) = self.totals;
        [
            self.true_positives,
            self.false_positives,
            positives - self.true_positives,
            negatives - self.false_positives,
        ]
    }
}

/// Refuses more samples than the animation takes, before any work is done on them.
pub fn check_animated_count(count: usize) -> Result<(), InputError> {
    if count > MAX_ANIMATED_SAMPLES {
        return Err(InputError::limit(format!(
            "{} samples: the animation takes at most {} (the rocCurve kernel has no such limit)",
            group_digits(count),
            group_digits(MAX_ANIMATED_SAMPLES)
        )));
    }
    Ok(())
}

/// A sample count (a weight total, possibly fractional) with thousands grouped when whole.
pub fn format_count(count: f64) -> String {
    if count.fract() == 0.0 && count >= 0.0 && count <= usize::MAX as f64 {
        group_digits(count as usize)
    } else {
        format_number(count)
    }
}

/// The result: the whole curve.
pub type Answer = Curve;

/// The lines of the sweep's pseudocode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// Sort by score.
    Sort,
    /// Start at the origin.
    Start,
    /// The loop over distinct scores.
    EachScore,
    /// What the threshold predicts.
    Predict,
    /// Count the group's positives and negatives.
    Count,
    /// Add the point and the trapezoid.
    AddPoint,
}

const PSEUDOCODE: Pseudocode<Line> = &[
    (Line::Sort, "sort samples by score, highest first"),
    (Line::Start, "TP = FP = 0; points = [(0, 0)]"),
    (Line::EachScore, "for each distinct score t, highest first:"),
    (
        Line::Predict,
        "  everything with score ≥ t is predicted positive",
    ),
    (Line::Count, "  TP += positives at t; FP += negatives at t"),
    (Line::AddPoint, "  add (FP/N, TP/P); AUC += trapezoid"),
];

/// The methods, the first the default (declared apart from `INFO` so that reading options
/// does not copy the whole page description into the wasm a second time).
const METHODS: &[MethodInfo] = &[MethodInfo {
    id: "sweep",
    title: "Threshold sweep · O(n log n)",
}];

/// The algorithm as registered: `roc`.
pub struct Roc;

/// The classes' names for narration: the CSV's words, or in plain language for 0/1 labels a
/// story anyone follows (a test for an illness).
fn plain_names(state: &State) -> (&str, &str) {
    match (state.plain, state.class_names[0].as_str()) {
        (true, "positives") => ("sick patients", "healthy people"),
        _ => (&state.class_names[0], &state.class_names[1]),
    }
}

fn percent(value: f64) -> String {
    format!("{}%", format_number((value * 1000.0).round() / 10.0))
}

/// The options: who the narration is for, and which label is the positive class.
const OPTIONS: &[OptionSpec] = &[
    OptionSpec::new(
        "plain",
        "Plain-language narration (for someone new to ML)",
        OptionKind::Flag,
    )
    .on_change(OnChange::KeepStep),
    OptionSpec::new(
        "positive",
        "Positive class",
        OptionKind::Text {
            placeholder: "auto",
        },
    ),
];

impl Run for Roc {
    type Input = Prepared;

    type Options = Options;

    type Output = Answer;

    type Event = Event;

    const ID: &'static str = "roc";

    const INFO: AlgorithmInfo = AlgorithmInfo {
        id: Self::ID,
        title: "ROC curve and AUC",
        example: "score,label\n0.95,1\n0.90,1\n0.85,0\n0.80,1\n0.70,1\n0.62,0\n0.62,1\n0.55,0\n0.50,1\n0.41,0\n0.35,0\n0.30,1\n0.22,0\n0.15,0\n0.10,0",
        methods: METHODS,
        presets: &[
            Preset {
                name: "Example (15 patients)",
                text: "score,label\n0.95,1\n0.90,1\n0.85,0\n0.80,1\n0.70,1\n0.62,0\n0.62,1\n0.55,0\n0.50,1\n0.41,0\n0.35,0\n0.30,1\n0.22,0\n0.15,0\n0.10,0",
            },
            Preset {
                name: "Perfect classifier",
                text: "0.9,1\n0.8,1\n0.7,1\n0.4,0\n0.3,0\n0.2,0",
            },
            Preset {
                name: "Random guessing",
                text: "0.9,1\n0.9,0\n0.7,0\n0.7,1\n0.5,1\n0.5,0\n0.2,0\n0.2,1",
            },
            Preset {
                name: "Inverted (worse than random)",
                text: "0.9,0\n0.8,0\n0.7,0\n0.4,1\n0.3,1\n0.2,1",
            },
            Preset {
                name: "Many ties",
                text: "0.8,1\n0.8,0\n0.8,1\n0.5,1\n0.5,0\n0.5,0\n0.5,1\n0.2,0\n0.2,0\n0.2,1",
            },
            Preset {
                name: "All scores equal",
                text: "0.5,1\n0.5,0\n0.5,1\n0.5,0",
            },
            Preset {
                name: "Imbalanced 1:99",
                text: "score,label\n0.97,1\n0.99,0\n0.93,0\n0.91,0\n0.90,0\n0.88,0\n0.86,0\n0.85,0\n0.83,0\n0.82,0\n0.80,0\n0.78,0\n0.77,0\n0.75,0\n0.74,0\n0.72,0\n0.71,0\n0.70,0\n0.69,0\n0.68,0\n0.66,0\n0.65,0\n0.64,0\n0.63,0\n0.62,0\n0.61,0\n0.60,0\n0.59,0\n0.58,0\n0.57,0\n0.56,0\n0.55,0\n0.54,0\n0.53,0\n0.52,0\n0.51,0\n0.50,0\n0.49,0\n0.48,0\n0.47,0\n0.46,0\n0.45,0\n0.44,0\n0.43,0\n0.42,0\n0.41,0\n0.40,0\n0.39,0\n0.38,0\n0.37,0\n0.36,0\n0.35,0\n0.34,0\n0.33,0\n0.32,0\n0.31,0\n0.30,0\n0.29,0\n0.28,0\n0.27,0\n0.26,0\n0.25,0\n0.24,0\n0.23,0\n0.22,0\n0.21,0\n0.20,0\n0.19,0\n0.18,0\n0.17,0\n0.16,0\n0.15,0\n0.14,0\n0.13,0\n0.12,0\n0.11,0\n0.10,0\n0.09,0\n0.08,0\n0.07,0\n0.06,0\n0.05,0\n0.045,0\n0.04,0\n0.035,0\n0.03,0\n0.025,0\n0.02,0\n0.018,0\n0.016,0\n0.014,0\n0.012,0\n0.01,0\n0.008,0\n0.006,0\n0.004,0\n0.003,0\n0.002,0\n0.001,0",
            },
            Preset {
                name: "Words as labels (spam/ham)",
                text: "score,label\n0.98,spam\n0.91,spam\n0.85,ham\n0.77,spam\n0.60,ham\n0.52,spam\n0.40,ham\n0.33,ham\n0.12,ham",
            },
            Preset {
                name: "Single class (AUC undefined)",
                text: "0.9,1\n0.7,1\n0.4,1",
            },
        ],
        input_help: "CSV: score,label per line (header optional; commas, semicolons or tabs). \
                     Labels 0/1, true/false, or two words with the positive one chosen below.",
        page: PageInfo {
            lede: "How good is a classifier at every cut-off at once? Lower a threshold over the \
                   scores: each step flags more samples, moving true positives (hits) and false \
                   positives (Type I errors, false alarms) — what stays unflagged are misses \
                   (Type II) and correct rejections. TPR against FPR traces the ROC curve; the \
                   area under it is the AUC.",
            input_label: "Samples (CSV: score,label)",
            input_rows: 6,
            random_label: "Random n",
            compare_label: "",
            layout: Layout::Tall,
            pointer: Pointer::Seek,
            hint: "Drag on the score axis or on the curve to move the threshold; everything \
                   follows.",
            limits: "The animation takes up to 2,000,000 samples: typed or pasted CSV up to \
                     1 MiB (about 100,000 samples), a CSV file up to 64 MB, or the generator. \
                     Generated sets above 20,000 samples and files above 1 MB stay in wasm \
                     memory instead of the text box. Scores must be finite numbers and the two \
                     classes both present — with one class the AUC is undefined and the page \
                     says so. The rocCurve kernel has no size limit.",
            notes: "",
            options: OPTIONS,
            widget: true,
        },
    };

    fn parse_options(options: &mut OptionMap) -> Result<Options, InputError> {
        let values = read_options(options, OPTIONS, METHODS)?;
        Ok(Options {
            plain: values.flag("plain"),
            positive: values.text("positive").map(str::to_string),
        })
    }

    fn parse(text: &str, options: &Options) -> Result<Prepared, InputError> {
        let parsed = parse_samples(text, options.positive.as_deref())?;
        let labels: Vec<u8> = parsed.positive.iter().map(|&p| u8::from(p)).collect();
        Prepared::new(&parsed.scores, &labels, parsed.class_names)
    }

    fn random_input(size: usize, seed: u64) -> String {
        gaussian_samples(size.clamp(2, 20_000), 1.5, seed)
    }

    fn check_animation_limits(input: &Prepared, _options: &Options) -> Result<(), InputError> {
        check_animated_count(input.samples.len())
    }

    fn run<R: Recorder<Event>>(input: &Prepared, _options: &Options, recorder: &mut R) -> Curve {
        let (positives, negatives) = input.totals;
        sweep(&input.samples, positives, negatives, recorder)
    }
}

impl Describe for Curve {
    fn describe(&self) -> Value {
        Value::record([
            ("fpr", self.fpr.describe()),
            ("tpr", self.tpr.describe()),
            ("thresholds", self.thresholds.describe()),
            ("auc", self.auc.describe()),
        ])
    }
}

impl Describe for State {
    fn describe(&self) -> Value {
        let [true_positives, false_positives, false_negatives, true_negatives] = self.confusion();
        let (fpr, tpr) = self.points.last().copied().unwrap_or((0.0, 0.0));
        Value::record([
            ("threshold", self.threshold().describe()),
            ("samples", self.samples.len().describe()),
            ("passed", self.passed.describe()),
            ("positive", self.class_names[0].describe()),
            ("negative", self.class_names[1].describe()),
            ("tp", true_positives.describe()),
            ("fp", false_positives.describe()),
            ("fn", false_negatives.describe()),
            ("tn", true_negatives.describe()),
            ("auc", self.auc.describe()),
            // The current point only: the curve so far is `result()`'s prefix, and a state
            // stays O(1) to describe at a million samples.
            ("fpr", fpr.describe()),
            ("tpr", tpr.describe()),
        ])
    }
}
