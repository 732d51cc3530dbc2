//! The next greater element as data: its methods, options, presets, page texts and pseudocode.

use crate::algorithm::{AlgorithmInfo, Layout, PageInfo, Pointer, Preset, Pseudocode};
use crate::method::methods;
use crate::options::{Choice, OnChange, OptionKind, OptionSpec};

/// The registry id.
pub(super) const ID: &str = "next-greater";

/// The kernel's options: which neighbour to find.
pub const VARIANT_OPTIONS: &[OptionSpec] = &[
    OptionSpec::new(
        "previous",
        "Look",
        OptionKind::Switch {
            off: "to the right (next)",
            on: "to the left (previous)",
        },
    ),
    OptionSpec::new(
        "smaller",
        "For",
        OptionKind::Switch {
            off: "greater",
            on: "smaller",
        },
    ),
    OptionSpec::new(
        "circular",
        "Circular array (wrap around once)",
        OptionKind::Flag,
    ),
];

/// The animation's options: the kernel's, and how the answer is written.
pub(super) const OPTIONS: &[OptionSpec] = &[
    VARIANT_OPTIONS[0],
    VARIANT_OPTIONS[1],
    OptionSpec::new(
        "answer",
        "Answer shows",
        OptionKind::Choice(&[
            Choice {
                value: "index",
                label: "index (−1 if none)",
            },
            Choice {
                value: "value",
                label: "value",
            },
        ]),
    )
    .on_change(OnChange::KeepStep),
    VARIANT_OPTIONS[2],
];

/// The lines of both methods' pseudocode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// The outer loop over the items.
    EachItem,
    /// Stack: the arriving item against the top.
    WhileBeats,
    /// Stack: the top is answered and popped.
    Pop,
    /// Stack: the item waits.
    Push,
    /// Stack: what is left has no answer.
    LeftOver,
    /// Scan: the inner loop over later items.
    EachLater,
    /// Scan: a later item against the current one.
    Beats,
    /// Scan: the answer is found.
    Found,
    /// Scan: no later item beats it.
    NoneFound,
}

pub(super) const STACK_PSEUDOCODE_GREATER: Pseudocode<Line> = &[
    (Line::EachItem, "for i in scan order:"),
    (Line::WhileBeats, "  while stack and a[i] > a[top]:"),
    (Line::Pop, "    answer[top] = i; pop"),
    (Line::Push, "  push i"),
    (Line::LeftOver, "left on stack: answer = -1"),
];

pub(super) const STACK_PSEUDOCODE_SMALLER: Pseudocode<Line> = &[
    (Line::EachItem, "for i in scan order:"),
    (Line::WhileBeats, "  while stack and a[i] < a[top]:"),
    (Line::Pop, "    answer[top] = i; pop"),
    (Line::Push, "  push i"),
    (Line::LeftOver, "left on stack: answer = -1"),
];

pub(super) const SCAN_PSEUDOCODE_GREATER: Pseudocode<Line> = &[
    (Line::EachItem, "for i in scan order:"),
    (Line::EachLater, "  for j after i in scan order:"),
    (Line::Beats, "    if a[j] > a[i]:"),
    (Line::Found, "      answer[i] = j; break"),
    (Line::NoneFound, "  none found: answer[i] = -1"),
];

pub(super) const SCAN_PSEUDOCODE_SMALLER: Pseudocode<Line> = &[
    (Line::EachItem, "for i in scan order:"),
    (Line::EachLater, "  for j after i in scan order:"),
    (Line::Beats, "    if a[j] < a[i]:"),
    (Line::Found, "      answer[i] = j; break"),
    (Line::NoneFound, "  none found: answer[i] = -1"),
];

methods! {
    /// Which method to animate.
    pub enum Method {
        /// The monotonic stack, O(n).
        Stack => "stack", "Monotonic stack · O(n)";
        /// The scan of every later element, O(n²).
        Scan => "scan", "Scan every later element · O(n²)";
    }
    /// The methods, the first the default (declared apart from `INFO` so that reading options
    /// does not copy the whole page description into the wasm a second time).
    pub(super) const METHODS;
}

pub(super) const INFO: AlgorithmInfo = AlgorithmInfo {
    id: ID,
    title: "Next greater element",
    example: "2 7 3 5 4 6 8",
    methods: METHODS,
    presets: &[
        Preset {
            name: "Interview example",
            text: "2 7 3 5 4 6 8",
        },
        Preset {
            name: "Increasing",
            text: "1 2 3 4 5 6 7 8",
        },
        Preset {
            name: "Decreasing",
            text: "8 7 6 5 4 3 2 1",
        },
        Preset {
            name: "All equal",
            text: "5 5 5 5 5 5",
        },
        Preset {
            name: "Duplicates",
            text: "3 1 3 2 2 4 1 4",
        },
        Preset {
            name: "Negative numbers",
            text: "-3 -1 -7 0 -2 5 -4",
        },
        Preset {
            name: "One element",
            text: "42",
        },
        Preset {
            name: "Empty",
            text: "",
        },
    ],
    input_help: "Numbers separated by commas and/or spaces, e.g. 2, 7, -3, 5.5",
    page: PageInfo {
        lede: "For every number, find the first number to its right that is bigger. A \
               monotonic stack does it in one pass, O(n); the scan an interviewer rejects \
               checks every later number, O(n²). Both run below on the same step clock.",
        input_label: "Array",
        input_rows: 2,
        random_label: "Random n",
        compare_label: "Run the O(n²) scan beside it, in sync",
        layout: Layout::Side,
        pointer: Pointer::Nothing,
        hint: "",
        limits: "The stack animates up to 10,000 numbers, the O(n²) scan up to 1,000; an \
                 animation holds at most 2,000,000 steps. The nextGreater kernel has no \
                 size limit.",
        notes: "",
        options: OPTIONS,
        widget: false,
    },
};
