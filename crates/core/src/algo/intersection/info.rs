//! The intersection as data: its methods, options, presets, page texts and pseudocode.

use crate::algorithm::{AlgorithmInfo, Layout, PageInfo, Pointer, Preset, Pseudocode};
use crate::method::methods;
use crate::options::{Choice, OptionKind, OptionSpec};

/// The registry id.
pub(super) const ID: &str = "intersection";

/// The lines of the four methods' pseudocode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// Sorting the inputs.
    Sort,
    /// Two pointers: start both at 0.
    Start,
    /// Two pointers: the loop.
    WhileBoth,
    /// Two pointers: a[i] is the smaller.
    ASmaller,
    /// Two pointers: b[j] is the smaller.
    BSmaller,
    /// Two pointers: a match.
    Equal,
    /// Hash: an empty map.
    NewCounts,
    /// Hash: count b.
    CountB,
    /// Hash: the loop over a.
    EachA,
    /// Hash: look up a value of a.
    Probe,
    /// Hash and nested loops: sort the output.
    SortOutput,
    /// Nested loops: the outer loop.
    OuterA,
    /// Nested loops: the inner loop.
    InnerB,
    /// Nested loops: compare a pair.
    CheckPair,
    /// Nested loops: a match.
    Match,
    /// Galloping: the loop over the shorter array.
    EachShort,
    /// Galloping: probe at doubling distances.
    Gallop,
    /// Galloping: binary search inside the bracket.
    Bisect,
    /// Galloping: where the search lands.
    Land,
}

pub(super) const POINTERS_PSEUDOCODE: Pseudocode<Line> = &[
    (Line::Sort, "merge sort a; merge sort b"),
    (Line::Start, "i = 0; j = 0"),
    (Line::WhileBoth, "while i < len(a) and j < len(b):"),
    (Line::ASmaller, "  if a[i] < b[j]: i += 1"),
    (Line::BSmaller, "  elif a[i] > b[j]: j += 1"),
    (Line::Equal, "  else: output a[i]; i += 1; j += 1"),
];

pub(super) const HASH_PSEUDOCODE: Pseudocode<Line> = &[
    (Line::NewCounts, "counts = {}"),
    (Line::CountB, "for y in b: counts[y] += 1"),
    (Line::EachA, "for x in a:"),
    (Line::Probe, "  if counts[x] > 0: output x; counts[x] -= 1"),
    (Line::SortOutput, "sort output"),
];

pub(super) const NESTED_PSEUDOCODE: Pseudocode<Line> = &[
    (Line::OuterA, "for i in 0..len(a):"),
    (Line::InnerB, "  for j in 0..len(b):"),
    (Line::CheckPair, "    if a[i] == b[j] and b[j] unused:"),
    (Line::Match, "      output a[i]; mark b[j] used; break"),
    (Line::SortOutput, "sort output"),
];

pub(super) const GALLOP_PSEUDOCODE: Pseudocode<Line> = &[
    (Line::Sort, "sort both; s = shorter, l = longer; p = 0"),
    (Line::EachShort, "for x in s:"),
    (
        Line::Gallop,
        "  gallop: probe l[p], l[p+1], l[p+3], l[p+7]… until ≥ x",
    ),
    (Line::Bisect, "  binary search inside that bracket"),
    (
        Line::Land,
        "  if l[k] == x: output x; p = k + 1  else: p = k",
    ),
];

methods! {
    /// Which method to animate.
    pub enum Method {
        /// Merge sort both, then two pointers.
        Pointers => "pointers", "Sort + two pointers · O(n log n + m log m)";
        /// Count b in a hash map, look a up.
        Hash => "hash", "Hash map of counts · O(n + m) expected";
        /// Nested loops.
        Nested => "nested", "Nested loops · O(n·m)";
        /// Sort both, then gallop from the shorter into the longer.
        Gallop => "gallop", "Galloping search · O(s log(l/s)), for very unequal lengths";
    }
    /// The methods, the first the default (declared apart from `INFO` so that reading options
    /// does not copy the whole page description into the wasm a second time).
    pub(super) const METHODS;
}

/// The options: multiset or set semantics, and how much of the merge sort to show.
pub(super) const OPTIONS: &[OptionSpec] = &[
    OptionSpec::new(
        "mode",
        "Semantics",
        OptionKind::Choice(&[
            Choice {
                value: "multiset",
                label: "multiset: [1,2,2,1] ∩ [2,2] = [2,2]",
            },
            Choice {
                value: "set",
                label: "set: = [2]",
            },
        ]),
    ),
    OptionSpec::new(
        "sort",
        "Merge sort",
        OptionKind::Choice(&[
            Choice {
                value: "steps",
                label: "step by step",
            },
            Choice {
                value: "collapsed",
                label: "in one step",
            },
        ]),
    ),
];

pub(super) const INFO: AlgorithmInfo = AlgorithmInfo {
id: ID,
    title: "Intersection of two arrays",
    example: "a: 4 9 5 2 2 1\nb: 9 4 9 8 4 2",
    methods: METHODS,
    presets: &[
        Preset {
            name: "Interview example",
            text: "a: 4 9 5 2 2 1\nb: 9 4 9 8 4 2",
        },
        Preset {
            name: "[1,2,2,1] ∩ [2,2]",
            text: "a: 1 2 2 1\nb: 2 2",
        },
        Preset {
            name: "Disjoint",
            text: "a: 1 3 5 7\nb: 2 4 6 8",
        },
        Preset {
            name: "Identical",
            text: "a: 3 1 2 3\nb: 3 1 2 3",
        },
        Preset {
            name: "One empty",
            text: "a: 5 1 4\nb:",
        },
        Preset {
            name: "Many duplicates",
            text: "a: 2 2 2 1 1 2 2 1\nb: 1 2 1 1 2 1",
        },
        Preset {
            name: "One much longer",
            text: "a: 40 7 23\nb: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48",
        },
        Preset {
            name: "Negative numbers",
            text: "a: -3 0 -7 5 -3\nb: -3 -3 2 -7",
        },
        Preset {
            name: "Already sorted",
            text: "a: 1 2 3 5 8 13 21\nb: 2 3 5 7 11 13",
        },
    ],
    input_help: "Two lines: array a, then array b (whole numbers, commas or spaces; the \
                 labels \"a:\" and \"b:\" are optional, an empty line is an empty array).",
    page: PageInfo {
        lede: "Return the common values of two integer arrays in less than n² time. Sort \
               both and walk them with two pointers; or count one array in a hash map; or, \
               when one array is far longer, gallop through it. The nested loops an \
               interviewer rejects run beside them.",
        input_label: "Arrays a and b (one per line)",
        input_rows: 2,
        random_label: "Random n",
        compare_label: "Run the hash map, nested loops and galloping beside it, in sync",
        layout: Layout::Compact,
        pointer: Pointer::Nothing,
        hint: "",
        limits: "Each array animates up to 1,000 whole numbers (32-bit); an animation holds \
                 at most 2,000,000 steps. The intersect kernel has no size limit.",
        notes: "Galloping wins when one array is far longer than the other (the intersect \
                kernel switches to it at 32×); two pointers win when the lengths are \
                similar; the hash map needs no sort but its output is unordered.",
        options: OPTIONS,
        widget: false,
    },
};
