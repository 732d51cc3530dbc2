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
mod info;
mod kernel;
mod narrate;
mod question;
mod replay;
mod resident;
mod tally;
mod text;
mod view;
mod view_curve;

pub use csv::{
    numbered_class_names, parse_samples, parse_samples_up_to, CsvLimits, Samples,
    MAX_CSV_FILE_BYTES,
};
pub use info::Line;
pub use kernel::{
    accumulate, binormal_auc, check_inputs, class_totals, corner_mask, gaussian_columns,
    gaussian_samples, keep_points, normal_cdf, roc_curve, sorted_samples, sweep, tie_group_end,
    tie_groups, Curve, Sample,
};
pub use resident::RESIDENT;
pub use text::format_count;

use crate::algorithm::{AlgorithmInfo, Recorder, Run};
use crate::format::group_digits;
use crate::input::{InputError, OptionMap};
use crate::options::read_options;
use crate::value::{Describe, Value};
use info::{METHODS, OPTIONS};
use std::rc::Rc;

/// The most samples the animation takes: one step per distinct score stays within the trace's
/// event cap. Typed CSV stops sooner (1 MiB holds about 100,000 samples); 10^6 samples reach the
/// animation through resident samples (a file or the generator). The kernel has no limit.
pub const MAX_ANIMATED_SAMPLES: usize = crate::trace::EVENT_CAP;

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

/// The result: the whole curve.
pub type Answer = Curve;

/// The algorithm as registered: `roc`.
pub struct Roc;

impl Run for Roc {
    type Input = Prepared;

    type Options = Options;

    type Output = Answer;

    type Event = Event;

    const ID: &'static str = info::ID;

    const INFO: AlgorithmInfo = info::INFO;

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
