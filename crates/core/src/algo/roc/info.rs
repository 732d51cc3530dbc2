//! The ROC curve as data: its method, options, presets, page texts and pseudocode.

use crate::algorithm::{AlgorithmInfo, Layout, PageInfo, Pointer, Preset, Pseudocode};
use crate::method::MethodInfo;
use crate::options::{OnChange, OptionKind, OptionSpec};

/// The registry id.
pub(super) const ID: &str = "roc";

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

pub(super) const PSEUDOCODE: Pseudocode<Line> = &[
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
pub(super) const METHODS: &[MethodInfo] = &[MethodInfo {
    id: "sweep",
    title: "Threshold sweep · O(n log n)",
}];

/// The options: who the narration is for, and which label is the positive class.
pub(super) const OPTIONS: &[OptionSpec] = &[
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

pub(super) const INFO: AlgorithmInfo = AlgorithmInfo {
id: ID,
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
