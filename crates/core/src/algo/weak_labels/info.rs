//! Weak labels as data: methods, options, presets, page texts and pseudocode.

use super::rules::DEFAULT_RULES;
use crate::algorithm::{AlgorithmInfo, Layout, PageInfo, Pointer, Preset, Pseudocode};
use crate::method::methods;
use crate::options::{Choice, OptionKind, OptionSpec};

/// The registry id.
pub(super) const ID: &str = "weak-labels";

/// The animation's options: what an abstention means to Dawid–Skene, and the learner's own
/// labels (feedback), which join the votes as one more, trusted source.
pub(super) const OPTIONS: &[OptionSpec] = &[
    OptionSpec::new(
        "abstain",
        "An abstention is",
        OptionKind::Choice(&[
            Choice {
                value: "outcome",
                label: "evidence (an outcome the model learns)",
            },
            Choice {
                value: "missing",
                label: "missing (crowd-kit's DawidSkene)",
            },
        ]),
    ),
    OptionSpec::new(
        "feedback",
        "Your labels (document = class, e.g. 12 = help desk, 40 = 2)",
        OptionKind::Text {
            placeholder: "none yet: label the most uncertain below",
        },
    ),
];

/// The lines of both methods' pseudocode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// Count each document's votes; the most voted class wins (a tie stays a tie).
    Vote,
    /// Start the EM from the vote shares: prior and confusion matrices (M-step).
    Start,
    /// One EM round: posteriors (E-step), prior, confusion matrices (M-step), ELBO.
    Round,
    /// Done: each document's most probable class.
    Done,
}

pub(super) const DAWID_SKENE_PSEUDOCODE: Pseudocode<Line> = &[
    (
        Line::Vote,
        "majority vote: each document's vote shares (ties stay ties)",
    ),
    (
        Line::Start,
        "start from the shares: prior = mean share; each source's confusion matrix (M-step)",
    ),
    (
        Line::Round,
        "repeat: posteriors ∝ prior × Π P(vote | class) (E); prior, confusions (M); ELBO",
    ),
    (
        Line::Done,
        "stop when the ELBO gains less than the tolerance: label = most probable class",
    ),
];

pub(super) const MAJORITY_PSEUDOCODE: Pseudocode<Line> = &[
    (
        Line::Vote,
        "for each document: count the votes; the most voted class wins",
    ),
    (
        Line::Done,
        "a tie or no vote leaves the document unlabelled",
    ),
];

methods! {
    /// Which label model to show (`Method` is the kernel's).
    pub enum Procedure {
        /// Majority vote, then Dawid–Skene EM from its shares.
        DawidSkene => "dawid-skene", "Label model · Dawid–Skene EM";
        /// Majority vote alone.
        Majority => "majority", "Majority vote";
    }
    /// The methods, the first the default.
    pub(super) const METHODS;
}

pub(super) const INFO: AlgorithmInfo = AlgorithmInfo {
    id: ID,
    title: "Labelling with weak supervision: rules, majority vote, Dawid–Skene",
    example: DEFAULT_RULES,
    methods: METHODS,
    presets: &[
        Preset {
            name: "Rules over the document corpus",
            text: DEFAULT_RULES,
        },
        Preset {
            name: "Three keyword rules only",
            text: "password | log in | locked out | can't | won't | please | my → help desk\n\
                   install* | guide | runbook | release notes | how to | policy | reference \
                   → system docs\n\
                   leak* | race | latency | deadlock | crash* | cache | slow | bug → technical\n",
        },
        Preset {
            name: "Generated: sources of very different quality",
            text: "items: 300\nclasses: 3\naccuracies: 0.95 0.62 0.58 0.55 0.55\n\
                   coverages: 0.7\nseed: 3\n",
        },
        Preset {
            name: "Generated: sources all alike",
            text: "items: 300\nclasses: 3\naccuracies: 0.7 0.7 0.7 0.7 0.7\n\
                   coverages: 0.7\nseed: 3\n",
        },
        Preset {
            name: "A CSV of votes, with gold",
            text: "expert,intern,bot,gold\n0,0,1,0\n1,0,1,1\n1,1,1,1\n0,-,0,0\n0,1,1,0\n\
                   1,1,-,1\n0,0,0,0\n1,0,1,1\n",
        },
    ],
    input_help: "Rules, one per line (keywords | phrases → class); or a CSV of votes (one \
                 column per source, -1 or - to abstain, an optional gold column); or the \
                 generator's settings (items, classes, accuracies, coverages, seed)",
    page: PageInfo {
        lede: "A document database needs labels — help desk, system docs, technical — and \
               all you have are rules of thumb and a small, not quite right seed set. Each \
               rule votes or abstains; a majority vote counts them all the same. A label \
               model (Dawid–Skene EM) learns from their agreements alone how far to trust \
               each rule, round by round, with no ground truth. Then you label the documents \
               it is least sure of, and it runs again.",
        input_label: "Labelling rules (or a CSV of votes, or a generator)",
        input_rows: 8,
        random_label: "Random items",
        compare_label: "Show the majority vote beside it, on the same clock",
        layout: Layout::Tall,
        pointer: Pointer::Nothing,
        hint: "",
        limits: "The animation takes up to 2,000 items and 16 sources (12 rules), classes \
                 up to 8, and runs at most 100 EM rounds. The kernel labelModel takes up to \
                 100,000,000 votes.",
        notes: "A rule that only ever votes one class says that class whatever the truth, \
                so with abstentions missing (crowd-kit's DawidSkene) it tells the model \
                nothing. Count its silence as an outcome, P(abstain | class), and it becomes \
                evidence: switch to see the label model fall to chance.",
        options: OPTIONS,
        widget: true,
    },
};
