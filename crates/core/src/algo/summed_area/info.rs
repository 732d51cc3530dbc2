//! The summed-area table as data: its methods, options, presets, page texts and pseudocode.

use crate::algorithm::{AlgorithmInfo, Layout, PageInfo, Pointer, Preset, Pseudocode};
use crate::method::methods;
use crate::options::{Choice, OnChange, OptionKind, OptionSpec};

/// The registry id.
pub(super) const ID: &str = "summed-area";

/// The lines of both methods' pseudocode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// Table: the loop over the cells of S.
    EachCell,
    /// Table: one cell from the three before it.
    Fill,
    /// Table: the first two lookups of a rectangle's sum.
    LookupFirst,
    /// Table: the last two lookups.
    LookupSecond,
    /// Naive: start at zero.
    Zero,
    /// Naive: the loop over the rectangle's cells.
    EachRectCell,
    /// Naive: add one cell.
    Add,
    /// Naive: the sum is complete.
    Return,
    /// The intersection of A and B.
    Intersect,
    /// The IoU from the three sums.
    Ratio,
}

pub(super) const TABLE_PSEUDOCODE: Pseudocode<Line> = &[
    (Line::EachCell, "for r in 1..=rows, c in 1..=cols:"),
    (
        Line::Fill,
        "  S[r][c] = M[r-1][c-1] + S[r-1][c] + S[r][c-1] - S[r-1][c-1]",
    ),
    (
        Line::LookupFirst,
        "sum(r0,c0,r1,c1) = S[r1+1][c1+1] - S[r0][c1+1]",
    ),
    (
        Line::LookupSecond,
        "                 - S[r1+1][c0]   + S[r0][c0]",
    ),
    (
        Line::Intersect,
        "A∩B = rows max(r0)..min(r1), cols max(c0)..min(c1)",
    ),
    (Line::Ratio, "IoU = sum(A∩B) / (sum(A) + sum(B) - sum(A∩B))"),
];

pub(super) const NAIVE_PSEUDOCODE: Pseudocode<Line> = &[
    (Line::Zero, "sum = 0"),
    (Line::EachRectCell, "for r in r0..=r1, c in c0..=c1:"),
    (Line::Add, "  sum += M[r][c]"),
    (Line::Return, "return sum"),
    (
        Line::Intersect,
        "A∩B = rows max(r0)..min(r1), cols max(c0)..min(c1)",
    ),
    (Line::Ratio, "IoU = sum(A∩B) / (sum(A) + sum(B) - sum(A∩B))"),
];

methods! {
    /// Which method to animate.
    pub enum Method {
        /// Fill the table once, then four lookups per rectangle.
        Table => "table", "Summed-area table · O(1) per rectangle";
        /// Add up every cell of each rectangle.
        Naive => "naive", "Add up every cell · O(rows·cols) per rectangle";
    }
    /// The methods, the first the default (declared apart from `INFO` so that reading options
    /// does not copy the whole page description into the wasm a second time).
    pub(super) const METHODS;
}

/// The options: what to compute, and the rectangles (empty: the algorithm's defaults).
pub(super) const OPTIONS: &[OptionSpec] = &[
    OptionSpec::new(
        "mode",
        "Compute",
        OptionKind::Choice(&[
            Choice {
                value: "sum",
                label: "sum of rectangle A",
            },
            Choice {
                value: "iou",
                label: "IoU of A and B",
            },
        ]),
    ),
    OptionSpec::new(
        "query",
        "A = r0,c0,r1,c1",
        OptionKind::Text {
            placeholder: "default",
        },
    )
    .on_change(OnChange::ShowEnd),
    OptionSpec::new(
        "second",
        "B = r0,c0,r1,c1",
        OptionKind::Text {
            placeholder: "default",
        },
    )
    .on_change(OnChange::ShowEnd)
    .shown_when("mode", "iou"),
];

pub(super) const INFO: AlgorithmInfo = AlgorithmInfo {
    id: ID,
    title: "Summed-area table",
    example: "3 1 4 1 5\n9 2 6 5 3\n5 8 9 7 9\n3 2 3 8 4",
    methods: METHODS,
    presets: &[
        Preset {
            name: "Interview example (4×5)",
            text: "3 1 4 1 5\n9 2 6 5 3\n5 8 9 7 9\n3 2 3 8 4",
        },
        Preset {
            name: "1 to 9 (3×3)",
            text: "1 2 3\n4 5 6\n7 8 9",
        },
        Preset {
            name: "Negative weights",
            text: "2 -1 0 3\n-4 5 -2 1\n0 3 -3 2",
        },
        Preset {
            name: "All zero weights",
            text: "0 0 0 0\n0 0 0 0\n0 0 0 0",
        },
        Preset {
            name: "One row",
            text: "4 8 15 16 23 42",
        },
        Preset {
            name: "One column",
            text: "4\n8\n15\n16",
        },
        Preset {
            name: "One cell",
            text: "7",
        },
        Preset {
            name: "Huge values",
            text: "1e15 2e15\n3e15 4e15",
        },
    ],
    input_help: "One row per line, numbers separated by commas or spaces. \
                 Rectangles are r0,c0,r1,c1 (rows r0..r1, columns c0..c1, inclusive, from 0).",
    page: PageInfo {
        lede: "Sum any rectangle of a matrix in O(1): fill the summed-area table S once by \
               dynamic programming, then read four of its cells. The same three sums give \
               the weighted IoU of two rectangles — the interview question \"given an image \
               and two sub-images, compute A∩B / A∪B\".",
        input_label: "Matrix (one row per line)",
        input_rows: 5,
        random_label: "Random n×n",
        compare_label: "Add up the cells one by one beside it, in sync",
        layout: Layout::Stacked,
        pointer: Pointer::Cells,
        hint: "Drag on M to choose a rectangle (in IoU mode, “Drag sets” picks A or B; \
               Shift-drag always sets B).",
        limits: "The fill animates matrices up to 256×256 cells (small ones show every \
                 value, larger ones a colour scale); image mode takes pictures up to \
                 1024×1024 (larger ones are scaled down). Sums of whole numbers are exact \
                 while they stay below 2⁵³.",
        notes: "",
        options: OPTIONS,
        widget: true,
    },
};
