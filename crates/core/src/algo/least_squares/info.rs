//! Least squares as data: its methods (the losses), options, presets, page texts and
//! pseudocode.

use crate::algorithm::{AlgorithmInfo, Layout, PageInfo, Pointer, Preset, Pseudocode};
use crate::method::methods;
use crate::options::{Choice, OptionKind, OptionSpec};

/// The registry id.
pub(super) const ID: &str = "least-squares";

/// Huber's δ when none is given.
pub const DEFAULT_DELTA: f64 = 1.0;

/// The learning rate when none is given: each descent step goes half the way (squared loss).
pub const DEFAULT_RATE: f64 = 0.5;

/// The largest learning rate: the descent converges below 2 (the squared loss's curvature,
/// in the units it descends in, is 2 and the step is `rate / 2` of the gradient).
pub const MAX_RATE: f64 = 1.9;

/// The most steps a descent animates before it stops where it is.
pub const MAX_DESCENT_STEPS: usize = 2_000;

/// The animation's options: a line or a constant, Huber's δ, the descent's learning rate.
pub(super) const OPTIONS: &[OptionSpec] = &[
    OptionSpec::new(
        "model",
        "Fit",
        OptionKind::Choice(&[
            Choice {
                value: "line",
                label: "a line",
            },
            Choice {
                value: "constant",
                label: "a constant (mean vs median)",
            },
        ]),
    ),
    OptionSpec::new(
        "delta",
        "Huber δ",
        OptionKind::Number {
            default: DEFAULT_DELTA,
        },
    ),
    OptionSpec::new(
        "rate",
        "Learning rate",
        OptionKind::Number {
            default: DEFAULT_RATE,
        },
    ),
];

/// The lines of every method's pseudocode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// Gradient descent: one step against the gradient.
    Descend,
    /// Absolute loss, line: turn about the point the line passes through.
    Pivot,
    /// Absolute loss, constant: slide toward the side with more points.
    Slide,
    /// Every method: done.
    Done,
}

pub(super) const SQUARED_PSEUDOCODE: Pseudocode<Line> = &[
    (
        Line::Descend,
        "repeat: r ← y − (a + b·x); move (a, b) by η·(mean r, mean r·u)",
    ),
    (
        Line::Done,
        "stop when a step is tiny: the normal equations' answer",
    ),
];

pub(super) const HUBER_PSEUDOCODE: Pseudocode<Line> = &[
    (
        Line::Descend,
        "repeat: move (a, b) by η·H⁻¹·(mean ψ(r), mean ψ(r)·u), ψ clips r to ±δ, H weighs 1 within δ, δ/|r| beyond (IRLS)",
    ),
    (Line::Done, "stop when a step is tiny: Huber's minimum"),
];

pub(super) const ABSOLUTE_LINE_PSEUDOCODE: Pseudocode<Line> = &[
    (
        Line::Pivot,
        "repeat: turn the line about its point p to the weighted median of the slopes to p",
    ),
    (
        Line::Done,
        "stop when no turn lowers Σ|r|: an optimal line through two points",
    ),
];

pub(super) const ABSOLUTE_CONSTANT_PSEUDOCODE: Pseudocode<Line> = &[
    (
        Line::Slide,
        "repeat: move toward the side with more points, to the next y",
    ),
    (
        Line::Done,
        "stop at the median: no more points on one side than on the other",
    ),
];

methods! {
    /// Which loss to fit with.
    pub enum Method {
        /// Σ r²: the maximum likelihood under Gaussian noise.
        Squared => "squared", "Squared loss · Gaussian noise";
        /// Σ |r|: the maximum likelihood under Laplace noise.
        Absolute => "absolute", "Absolute loss · Laplace noise";
        /// Σ h(r): squared within δ of the line, absolute beyond.
        Huber => "huber", "Huber loss · squared within δ";
    }
    /// The methods, the first the default.
    pub(super) const METHODS;
}

pub(super) const INFO: AlgorithmInfo = AlgorithmInfo {
    id: ID,
    title: "Why squared error? Least squares as maximum likelihood",
    example: "0 1.2\n1 1.4\n2 2.3\n3 2.4\n4 3.1\n5 3.4\n6 4.2\n7 4.4",
    methods: METHODS,
    presets: &[
        Preset {
            name: "A clean line",
            text: "0 1.2\n1 1.4\n2 2.3\n3 2.4\n4 3.1\n5 3.4\n6 4.2\n7 4.4",
        },
        Preset {
            name: "One outlier",
            text: "0 1.2\n1 1.4\n2 2.3\n3 2.4\n4 3.1\n5 3.4\n6 9.5\n7 4.4",
        },
        Preset {
            name: "Two points",
            text: "1 1\n4 3",
        },
        Preset {
            name: "Exactly on a line",
            text: "0 1\n1 3\n2 5",
        },
        Preset {
            name: "Heavy tails",
            text: "0 0.9\n1 1.6\n2 2.0\n3 -1.5\n4 3.0\n5 3.6\n6 3.9\n7 8.8\n8 5.1\n9 5.4",
        },
        Preset {
            name: "Negative and large values",
            text: "-3000 -41000\n-1000 -9500\n0 2100\n2000 35000\n5000 81000",
        },
        Preset {
            name: "All x equal (slope undefined)",
            text: "2 1\n2 3\n2 4",
        },
    ],
    input_help: "Points as x y pairs, one per line, e.g. 0 1.2",
    page: PageInfo {
        lede: "Why minimise squared error? Because if y = a + b·x + noise and the noise is \
               Gaussian, the line that makes the data most likely is exactly the one with the \
               least sum of squares. Assume Laplace noise and the most likely line minimises \
               the absolute errors instead (a median, not a mean). Watch the squares, the \
               densities and the log-likelihood move together, then drag in an outlier.",
        input_label: "Points (x y)",
        input_rows: 5,
        random_label: "Random points",
        compare_label: "Fit with every loss, on the same clock",
        layout: Layout::SideTall,
        pointer: Pointer::Points,
        hint: "Drag a point to move it (drag one far off the line: an outlier); click an \
               empty spot to add one.",
        limits: "The animation fits up to 500 points and stops a descent after 2,000 steps; \
                 the learning rate is above 0 and at most 1.9; Huber's δ is above 0. The \
                 kernel fitLine takes up to 10,000,000 points.",
        notes: "Descent runs in centred, scaled units (u = (x − mean x) / sd x), where the \
                intercept and the slope do not pull against each other.",
        options: OPTIONS,
        widget: true,
    },
};
