//! Sorting as data: its methods, options, presets, page texts and pseudocode.

use crate::algorithm::{AlgorithmInfo, Layout, PageInfo, Pointer, Preset, Pseudocode};
use crate::method::methods;
use crate::options::{Choice, OnChange, OptionKind, OptionSpec};

/// The registry id.
pub(super) const ID: &str = "sorting";

/// The animation's options: which of Batcher's networks the network method draws, and the
/// learner's own questions for the adversary (item pairs; empty: merge insertion asks).
pub(super) const OPTIONS: &[OptionSpec] = &[
    OptionSpec::new(
        "network",
        "Network",
        OptionKind::Choice(&[
            Choice {
                value: "odd-even-merge",
                label: "odd–even merge",
            },
            Choice {
                value: "bitonic",
                label: "bitonic",
            },
        ]),
    ),
    OptionSpec::new(
        "asks",
        "Your questions to the adversary (item pairs, e.g. 1 2, 3 4)",
        OptionKind::Text {
            placeholder: "merge insertion asks",
        },
    )
    .on_change(OnChange::ShowEnd),
];

/// The lines of every method's pseudocode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// Merge insertion: pair the items and compare each pair.
    PairUp,
    /// Merge insertion: sort the larger items recursively, insert the smaller ones.
    InsertPending,
    /// Merge insertion: the chain is the answer.
    PlaceChain,
    /// Merge sort: compare the heads of two sorted runs.
    CompareHeads,
    /// Merge sort: the smaller head moves to the output.
    TakeHead,
    /// Binary insertion: compare with the middle of the sorted prefix.
    Probe,
    /// Binary insertion: insert where the search ended.
    Insert,
    /// Adversary: the algorithm asks a question.
    AskQuestion,
    /// Adversary: the answer keeping more orders.
    KeepLarger,
    /// Network: one round of comparators at once.
    EachRound,
    /// Radix: deal each item into the bucket of its digit.
    Deal,
    /// Radix: collect the buckets in order.
    Gather,
    /// Every method: done.
    Done,
}

pub(super) const MERGE_INSERTION_PSEUDOCODE: Pseudocode<Line> = &[
    (
        Line::PairUp,
        "pair the items, compare each pair; sort the larger ones the same way",
    ),
    (
        Line::InsertPending,
        "binary-insert each smaller one before its partner (Jacobsthal order)",
    ),
    (Line::PlaceChain, "the chain is sorted: place each item"),
    (Line::Done, "done: comparisons vs ⌈log2 n!⌉"),
];

pub(super) const MERGE_PSEUDOCODE: Pseudocode<Line> = &[
    (
        Line::CompareHeads,
        "sort both halves, then compare the heads of the two runs",
    ),
    (Line::TakeHead, "  the smaller head goes next"),
    (Line::Done, "done: comparisons vs ⌈log2 n!⌉"),
];

pub(super) const BINARY_INSERTION_PSEUDOCODE: Pseudocode<Line> = &[
    (
        Line::Probe,
        "for each item: compare with the middle of the sorted prefix, keep a half",
    ),
    (Line::Insert, "  insert it where the search ends"),
    (Line::Done, "done: comparisons vs ⌈log2 n!⌉"),
];

pub(super) const ADVERSARY_PSEUDOCODE: Pseudocode<Line> = &[
    (Line::AskQuestion, "the algorithm (or you) asks: is x < y?"),
    (
        Line::KeepLarger,
        "  the adversary answers so that more orders stay possible",
    ),
    (
        Line::Done,
        "one order left: at least ⌈log2 n!⌉ questions were needed",
    ),
];

pub(super) const NETWORK_PSEUDOCODE: Pseudocode<Line> = &[
    (
        Line::EachRound,
        "each round: all its comparators at once, smaller value up",
    ),
    (Line::Done, "done: depth rounds, O(log² n)"),
];

pub(super) const RADIX_PSEUDOCODE: Pseudocode<Line> = &[
    (
        Line::Deal,
        "for each decimal digit, lowest first: deal into buckets 0–9",
    ),
    (Line::Gather, "  collect bucket 0, then 1, … 9 (stable)"),
    (Line::Done, "done: no comparisons, O(d·(n + 10))"),
];

methods! {
    /// Which method to animate.
    pub enum Method {
        /// Ford–Johnson merge insertion.
        MergeInsertion => "merge-insertion", "Merge insertion (Ford–Johnson)";
        /// Top-down merge sort.
        Merge => "merge", "Merge sort";
        /// Binary insertion sort.
        BinaryInsertion => "binary-insertion", "Binary insertion sort";
        /// The adversary answering merge insertion's questions.
        Adversary => "adversary", "The adversary: orders still possible";
        /// A sorting network, round by round.
        Network => "network", "Sorting network · O(log² n) rounds";
        /// LSD radix sort, base 10.
        Radix => "radix", "Radix sort · no comparisons";
    }
    /// The methods, the first the default.
    pub(super) const METHODS;
}

pub(super) const INFO: AlgorithmInfo = AlgorithmInfo {
    id: ID,
    title: "Sorting and its lower bound",
    // Six items: every method takes the example, the adversary's 720 orders included.
    example: "5 2 9 1 7 3",
    methods: METHODS,
    presets: &[
        Preset {
            name: "Six items",
            text: "5 2 9 1 7 3",
        },
        Preset {
            name: "Seven: not a power of two",
            text: "5 2 9 1 7 3 8",
        },
        Preset {
            name: "Five for the adversary",
            text: "3 1 4 5 2",
        },
        Preset {
            name: "Sorted",
            text: "1 2 3 4 5 6 7 8",
        },
        Preset {
            name: "Reversed",
            text: "8 7 6 5 4 3 2 1",
        },
        Preset {
            name: "All equal",
            text: "4 4 4 4 4",
        },
        Preset {
            name: "Few distinct",
            text: "2 1 2 1 3 1 2 3",
        },
        Preset {
            name: "Eight: a power of two",
            text: "31 4 15 92 65 35 89 79",
        },
        Preset {
            name: "0-1 input (the 0-1 principle)",
            text: "1 0 1 1 0 0 1 0",
        },
        Preset {
            name: "Negative numbers",
            text: "-5 12 0 -40 7 -1",
        },
        Preset {
            name: "One item",
            text: "42",
        },
        Preset {
            name: "Empty",
            text: "",
        },
    ],
    input_help: "Numbers separated by commas and/or spaces, e.g. 5, 2, 9, 1",
    page: PageInfo {
        lede: "Can you sort in O(log n)? Not with comparisons: n items have n! orders and each \
               comparison at best halves them, so every comparison sort needs ⌈log2 n!⌉ of them \
               — Ω(n log n). Merge insertion comes closest; the adversary shows why none does \
               better; a sorting network takes O(log² n) parallel rounds; radix sort compares \
               nothing at all.",
        input_label: "Items",
        input_rows: 2,
        random_label: "Random n",
        compare_label: "Run the other methods beside it, on the same clock",
        layout: Layout::Stacked,
        pointer: Pointer::Nothing,
        hint: "",
        limits: "The animations sort up to 64 items; the adversary's game plays up to 6 (720 \
                 orders); radix sort takes whole numbers up to ±1,000,000,000. The kernels \
                 take more: sortingNetwork 65,536 wires, mergeInsertionSort 1,000,000 values, \
                 comparisonLowerBound n up to 20,000, sortValues any length.",
        notes: "",
        options: OPTIONS,
        widget: true,
    },
};
