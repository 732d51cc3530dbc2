//! Summed-area table (integral image): any rectangle sum in O(1), and the IoU of two
//! rectangles in O(1).
//!
//! The table `S` has a zero border: `S[r][c]` is the sum of `M[0..r][0..c]`, filled by dynamic
//! programming in one pass, `S[r][c] = M[r-1][c-1] + S[r-1][c] + S[r][c-1] − S[r-1][c-1]`:
//! O(rows·cols) time and space. Then the sum of the inclusive rectangle rows `r0..=r1`,
//! columns `c0..=c1` is four lookups, `S[r1+1][c1+1] − S[r0][c1+1] − S[r1+1][c0] + S[r0][c0]`.
//! The weighted IoU of rectangles A and B is three such sums:
//! `sum(A∩B) / (sum(A) + sum(B) − sum(A∩B))`.
//!
//! **Invariant the animation shows:** when `S[r][c]` is written, the three cells it reads are
//! already final — the fill runs row by row, left to right.
//!
//! **Precision:** sums of integers are exact while every partial sum stays below 2^53 in
//! magnitude (f64's integer range); with fractions each cell carries the rounding of IEEE-754
//! additions, so a rectangle sum can differ from the naive sum in the last bits.

mod image;
mod narrate;
mod question;
mod replay;
mod view;

pub use image::{box_blur, test_pattern, to_grayscale, IntegralImage, MAX_IMAGE_SIDE};

use crate::algorithm::{
    AlgorithmInfo, Counter, Layout, PageInfo, Pointer, Preset, Pseudocode, Question, Recorder, Run,
};
use crate::format::group_digits;
use crate::format::{format_fixed, format_number};
use crate::input::{
    parse_matrix, parse_numbers, InputError, OptionMap, ParsedMatrix, SeededRandom,
};
use crate::method::methods;
use crate::options::{read_options, Choice, OnChange, OptionKind, OptionSpec};
use crate::value::{Describe, Value};

/// The most cells the animation fills (the kernel has no such limit).
pub const MAX_ANIMATED_CELLS: usize = 256 * 256;

/// An inclusive rectangle of cells: rows `top..=bottom`, columns `left..=right`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    /// First row.
    pub top: usize,
    /// First column.
    pub left: usize,
    /// Last row (inclusive).
    pub bottom: usize,
    /// Last column (inclusive).
    pub right: usize,
}

impl Rect {
    /// The rectangle `[r0, c0, r1, c1]` after checking it lies inside `rows` × `columns` with
    /// `r0 <= r1` and `c0 <= c1`; `name` starts the error message.
    pub fn checked(
        corners: [f64; 4],
        rows: usize,
        columns: usize,
        name: &str,
    ) -> Result<Rect, InputError> {
        let [top, left, bottom, right] = corners;
        for (value, label) in corners.iter().zip(["r0", "c0", "r1", "c1"]) {
            if value.fract() != 0.0 || *value < 0.0 || !value.is_finite() {
                return Err(InputError::new(format!(
                    "{name}: {label} = {} is not a row or column number (0, 1, 2, …)",
                    format_number(*value)
                )));
            }
        }
        if top > bottom || left > right {
            return Err(InputError::new(format!(
                "{name}: r0 ≤ r1 and c0 ≤ c1 are needed, got rows {}..{} and columns {}..{}",
                format_number(top),
                format_number(bottom),
                format_number(left),
                format_number(right)
            )));
        }
        if bottom >= rows as f64 || right >= columns as f64 {
            return Err(InputError::new(format!(
                "{name}: rows {}..{}, columns {}..{} is outside the {rows}×{columns} matrix \
                 (rows 0..{}, columns 0..{})",
                format_number(top),
                format_number(bottom),
                format_number(left),
                format_number(right),
                rows as i64 - 1,
                columns as i64 - 1
            )));
        }
        Ok(Rect {
            top: top as usize,
            left: left as usize,
            bottom: bottom as usize,
            right: right as usize,
        })
    }

    /// Parses `"r0,c0,r1,c1"` (commas and/or spaces) and checks it against the matrix.
    pub fn parse(text: &str, rows: usize, columns: usize, name: &str) -> Result<Rect, InputError> {
        Rect::checked(Rect::corners_of(text, name)?, rows, columns, name)
    }

    /// Reads the four numbers of `"r0,c0,r1,c1"`, unchecked; `name` starts the messages.
    fn corners_of(text: &str, name: &str) -> Result<[f64; 4], InputError> {
        let numbers = parse_numbers(text, &format!("{name}, number"))?;
        numbers.as_slice().try_into().map_err(|_| {
            InputError::new(format!(
                "{name}: write four numbers r0,c0,r1,c1 (got {})",
                numbers.len()
            ))
        })
    }

    /// The cells both rectangles cover, if any.
    pub fn intersection(self, other: Rect) -> Option<Rect> {
        let rect = Rect {
            top: self.top.max(other.top),
            left: self.left.max(other.left),
            bottom: self.bottom.min(other.bottom),
            right: self.right.min(other.right),
        };
        (rect.top <= rect.bottom && rect.left <= rect.right).then_some(rect)
    }

    /// How many cells it covers.
    pub fn area(self) -> usize {
        (self.bottom - self.top + 1) * (self.right - self.left + 1)
    }

    /// "rows 1..2, columns 0..3" for sentences.
    pub fn describe(self) -> String {
        format!(
            "rows {}..{}, columns {}..{}",
            self.top, self.bottom, self.left, self.right
        )
    }

    /// The four table corners with their signs, in lookup order: + − − +.
    pub fn corners(self) -> [(usize, usize, f64); 4] {
        [
            (self.bottom + 1, self.right + 1, 1.0),
            (self.top, self.right + 1, -1.0),
            (self.bottom + 1, self.left, -1.0),
            (self.top, self.left, 1.0),
        ]
    }
}

/// Fills the summed-area table of the `rows` × `columns` row-major `values`, reporting each
/// written cell to `recorder`. The table is `(rows+1) × (columns+1)`, row-major, with a zero
/// first row and column.
///
/// ```
/// use stepwise::algo::summed_area::{rect_sum, summed_area_table, Rect};
/// let table = summed_area_table(&[1.0, 2.0, 3.0, 4.0], 2, 2, &mut ());
/// assert_eq!(table, vec![0.0, 0.0, 0.0, 0.0, 1.0, 3.0, 0.0, 4.0, 10.0]);
/// let whole = Rect { top: 0, left: 0, bottom: 1, right: 1 };
/// assert_eq!(rect_sum(&table, 2, whole), 10.0);
/// ```
pub fn summed_area_table<R: Recorder<Event>>(
    values: &[f64],
    rows: usize,
    columns: usize,
    recorder: &mut R,
) -> Vec<f64> {
    let mut table = vec![0.0; (rows + 1) * (columns + 1)];
    fill_rows(values, columns, &mut table, 1..rows + 1, recorder);
    table
}

/// Fills table rows `rows` (table coordinates, 1-based) of the matrix `values` with `columns`
/// columns; the rows above must be filled already. Recorded runs go one row at a time, in the
/// order the animation shows; unrecorded runs (the kernel) go two rows at a time.
fn fill_rows<R: Recorder<Event>>(
    values: &[f64],
    columns: usize,
    table: &mut [f64],
    rows: std::ops::Range<usize>,
    recorder: &mut R,
) {
    let mut row = rows.start;
    if !R::KEEPS_EVENTS {
        while row + 1 < rows.end {
            fill_row_pair(values, columns, table, row);
            row += 2;
        }
    }
    let width = columns + 1;
    for row in row..rows.end {
        let (done, rest) = table.split_at_mut(row * width);
        let above = &done[(row - 1) * width..];
        let current = &mut rest[..width];
        let source = &values[(row - 1) * columns..row * columns];
        // `left` and `diagonal` ride along in registers: one pass over two rows.
        let mut left = 0.0;
        let mut diagonal = 0.0;
        for (column, (cell, (&value, &up))) in current[1..]
            .iter_mut()
            .zip(source.iter().zip(&above[1..]))
            .enumerate()
        {
            let sum = fill_formula(value, up, left, diagonal);
            *cell = sum;
            recorder.record(|| Event::Fill {
                row: row as u32,
                column: column as u32 + 1,
            });
            left = sum;
            diagonal = up;
        }
    }
}

/// Fills table rows `row` and `row + 1` in one pass, cell by cell with [`fill_formula`] (so
/// the same bits as row by row). The lower row reads the upper one from registers, and the two
/// rows' chains of additions overlap: about twice the speed of one row at a time.
fn fill_row_pair(values: &[f64], columns: usize, table: &mut [f64], row: usize) {
    let width = columns + 1;
    let (done, rest) = table.split_at_mut(row * width);
    let above = &done[(row - 1) * width..row * width];
    let (upper, lower) = rest[..2 * width].split_at_mut(width);
    let upper_source = &values[(row - 1) * columns..row * columns];
    let lower_source = &values[row * columns..(row + 1) * columns];
    let (mut upper_left, mut upper_diagonal, mut lower_left) = (0.0, 0.0, 0.0);
    for ((upper_cell, lower_cell), ((&upper_value, &lower_value), &up)) in upper[1..]
        .iter_mut()
        .zip(&mut lower[1..])
        .zip(upper_source.iter().zip(lower_source).zip(&above[1..]))
    {
        let upper_sum = fill_formula(upper_value, up, upper_left, upper_diagonal);
        let lower_sum = fill_formula(lower_value, upper_sum, lower_left, upper_left);
        *upper_cell = upper_sum;
        *lower_cell = lower_sum;
        upper_diagonal = up;
        upper_left = upper_sum;
        lower_left = lower_sum;
    }
}

/// `S[r][c] = M[r-1][c-1] + S[r-1][c] + S[r][c-1] − S[r-1][c-1]`, computed the same way
/// everywhere (kernel, animation, narration), so all three agree to the last bit. `S[r][c-1]`
/// is added last: it is the cell just written, so only one addition waits on it per cell
/// (the fill runs at memory speed instead of at the latency of three dependent additions).
#[inline(always)]
fn fill_formula(value: f64, up: f64, left: f64, diagonal: f64) -> f64 {
    (value + up - diagonal) + left
}

/// The sum of the inclusive rectangle `rect` from a table of a matrix with `columns` columns.
pub fn rect_sum(table: &[f64], columns: usize, rect: Rect) -> f64 {
    let width = columns + 1;
    rect.corners()
        .iter()
        .fold(0.0, |sum, &(row, column, sign)| {
            sum + sign * table[row * width + column]
        })
}

/// The weighted IoU of `a` and `b`: `sum(A∩B) / (sum(A) + sum(B) − sum(A∩B))`, 0 for disjoint
/// rectangles and 0 when the union's weight is 0 (all-zero weights), never NaN.
pub fn weighted_iou(table: &[f64], columns: usize, a: Rect, b: Rect) -> f64 {
    let overlap = a
        .intersection(b)
        .map_or(0.0, |both| rect_sum(table, columns, both));
    ratio(
        overlap,
        rect_sum(table, columns, a) + rect_sum(table, columns, b) - overlap,
    )
}

/// The plain (area) IoU: cells in both over cells in either.
pub fn area_iou(a: Rect, b: Rect) -> f64 {
    let overlap = a.intersection(b).map_or(0, Rect::area) as f64;
    ratio(overlap, a.area() as f64 + b.area() as f64 - overlap)
}

fn ratio(part: f64, whole: f64) -> f64 {
    if whole == 0.0 || !whole.is_finite() {
        0.0
    } else {
        part / whole
    }
}

/// One rectangle the run sums.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The query rectangle (A).
    A,
    /// The second rectangle of an IoU (B).
    B,
    /// A∩B.
    Both,
}

impl Target {
    fn slot(self) -> usize {
        match self {
            Target::A => 0,
            Target::B => 1,
            Target::Both => 2,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Target::A => "A",
            Target::B => "B",
            Target::Both => "A∩B",
        }
    }
}

/// What to compute: one rectangle sum, or the IoU of two rectangles.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// The method.
    pub method: Method,
    /// The corners of A, checked against the matrix when the input is parsed.
    query: Option<[f64; 4]>,
    /// B, present in IoU mode.
    second: Option<[f64; 4]>,
    /// True for the IoU of two rectangles.
    pub iou: bool,
}

/// The parsed input: the matrix and the rectangles to sum.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    /// The matrix.
    pub matrix: ParsedMatrix,
    /// A, and B in IoU mode; `None` for an empty matrix.
    pub rects: Option<(Rect, Option<Rect>)>,
}

/// One step of either method.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Event {
    /// Table: write `S[row][column]` (table coordinates, 1-based) from the three cells before it.
    Fill {
        /// Table row.
        row: u32,
        /// Table column.
        column: u32,
    },
    /// Table: add `sign × S[row][column]` to the sum of `target`.
    Lookup {
        /// The rectangle being summed.
        target: Target,
        /// Which corner, 0..4, in the order + − − +.
        corner: u8,
        /// The partial sum before, for exact undo.
        before: f64,
    },
    /// Naive: add `M[row][column]` to the sum of `target`.
    Read {
        /// The rectangle being summed.
        target: Target,
        /// Matrix row.
        row: u32,
        /// Matrix column.
        column: u32,
        /// The partial sum before, for exact undo.
        before: f64,
    },
    /// The sum of `target` is complete.
    Total {
        /// The rectangle summed.
        target: Target,
    },
    /// IoU: A∩B is found (or found empty).
    Intersect,
    /// IoU: the ratio is computed.
    Ratio,
}

/// What the animation shows at one step.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// Number of rows of M.
    pub rows: usize,
    /// Number of columns of M.
    pub columns: usize,
    /// M, row-major.
    pub matrix: Vec<f64>,
    /// S, `(rows+1) × (columns+1)`, row-major; unwritten cells are 0.
    pub table: Vec<f64>,
    /// How many cells of S have been written.
    pub filled: usize,
    /// The method and mode.
    pub options: Options,
    /// A, B and A∩B (when they exist).
    pub rects: [Option<Rect>; 3],
    /// Running sums of A, B and A∩B.
    pub sums: [f64; 3],
    /// Which of the sums are complete.
    pub complete: [bool; 3],
    /// True once A∩B has been worked out.
    pub intersected: bool,
    /// True once the IoU has been computed.
    pub ratio_shown: bool,
    /// Cells of M or S read so far.
    pub reads: u64,
    /// Additions and subtractions so far.
    pub additions: u64,
}

impl State {
    /// `M[row][column]`.
    pub fn value(&self, row: usize, column: usize) -> f64 {
        self.matrix[row * self.columns + column]
    }

    /// `S[row][column]` (table coordinates).
    pub fn table_cell(&self, row: usize, column: usize) -> f64 {
        self.table[row * (self.columns + 1) + column]
    }

    /// The brute-force sum of `rect`, for checking the O(1) answer.
    pub fn naive_sum(&self, rect: Rect) -> f64 {
        let mut sum = 0.0;
        for row in rect.top..=rect.bottom {
            for column in rect.left..=rect.right {
                sum += self.value(row, column);
            }
        }
        sum
    }

    fn weighted_iou(&self) -> f64 {
        ratio(self.sums[2], self.sums[0] + self.sums[1] - self.sums[2])
    }
}

/// The result of a run: the sums and, in IoU mode, both IoUs.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// sum(A).
    pub sum: Option<f64>,
    /// sum(B), in IoU mode.
    pub second_sum: Option<f64>,
    /// sum(A∩B), in IoU mode (0 when they do not overlap).
    pub intersection_sum: Option<f64>,
    /// The weighted IoU, in IoU mode.
    pub weighted_iou: Option<f64>,
    /// The area IoU, in IoU mode.
    pub area_iou: Option<f64>,
}

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

const TABLE_PSEUDOCODE: Pseudocode<Line> = &[
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

const NAIVE_PSEUDOCODE: Pseudocode<Line> = &[
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
    const METHODS;
}

/// The algorithm as registered: `summed-area`.
pub struct SummedArea;

impl SummedArea {
    /// The default query: the middle half of the matrix (A), and in IoU mode a shifted copy (B).
    fn default_rects(rows: usize, columns: usize) -> (Rect, Rect) {
        let a = Rect {
            top: rows / 4,
            left: columns / 4,
            bottom: (rows * 3 / 4).saturating_sub(1).max(rows / 4),
            right: (columns * 3 / 4).saturating_sub(1).max(columns / 4),
        };
        // Shift by at least one cell, so B differs from A wherever the matrix allows.
        let shift_rows = (a.bottom - a.top).div_ceil(2).max(1);
        let shift_columns = (a.right - a.left).div_ceil(2).max(1);
        let b = Rect {
            top: (a.top + shift_rows).min(rows - 1),
            left: (a.left + shift_columns).min(columns - 1),
            bottom: (a.bottom + shift_rows).min(rows - 1),
            right: (a.right + shift_columns).min(columns - 1),
        };
        (a, b)
    }

    fn corner_text(state: &State, target: Target, corner: u8) -> String {
        let Some(rect) = state.rects[target.slot()] else {
            return String::new();
        };
        let (row, column, sign) = rect.corners()[corner as usize];
        format!(
            "{} S[{row}][{column}] = {}",
            if sign > 0.0 { "+" } else { "−" },
            format_number(state.table_cell(row, column))
        )
    }
}

fn format_ratio(value: f64) -> String {
    format_fixed(value, 4)
}

/// The options: what to compute, and the rectangles (empty: the algorithm's defaults).
const OPTIONS: &[OptionSpec] = &[
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

impl Run for SummedArea {
    type Input = Input;

    type Options = Options;

    type Output = Answer;

    type Event = Event;

    const ID: &'static str = "summed-area";

    const INFO: AlgorithmInfo = AlgorithmInfo {
        id: Self::ID,
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

    fn parse(text: &str, options: &Options) -> Result<Input, InputError> {
        let input = Input {
            matrix: parse_matrix(text)?,
            rects: None,
        };
        with_rects(input, options)
    }

    fn parse_options(options: &mut OptionMap) -> Result<Options, InputError> {
        let values = read_options(options, OPTIONS, METHODS)?;
        let method = Method::from_id(values.method()).unwrap_or(Method::Table);
        let iou = values.choice("mode") == "iou";
        let corners = |key: &str, name: &str| -> Result<Option<[f64; 4]>, InputError> {
            let Some(text) = values.text(key) else {
                return Ok(None);
            };
            // The option's text is not the input text: its errors carry no span.
            Rect::corners_of(text, name).map(Some).map_err(|error| {
                InputError::new(error.message())
                    .of_kind(error.kind())
                    .in_field(key)
            })
        };
        let query = corners("query", "rectangle A")?;
        let second = corners("second", "rectangle B")?;
        Ok(Options {
            method,
            query,
            second,
            iou,
        })
    }

    fn random_input(size: usize, seed: u64) -> String {
        let side = size.clamp(1, 256);
        let mut random = SeededRandom::new(seed);
        (0..side)
            .map(|_| {
                (0..side)
                    .map(|_| random.integer(0, 9).to_string())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn check_animation_limits(input: &Input, _options: &Options) -> Result<(), InputError> {
        let cells = input.matrix.rows * input.matrix.columns;
        if cells > MAX_ANIMATED_CELLS {
            return Err(InputError::limit(format!(
                "a {}×{} matrix has {} cells; the animation fills at most {} (256×256) — \
                 use image mode or the summedAreaTable kernel for larger ones",
                input.matrix.rows,
                input.matrix.columns,
                group_digits(cells),
                group_digits(MAX_ANIMATED_CELLS)
            )));
        }
        Ok(())
    }

    fn run<R: Recorder<Event>>(input: &Input, options: &Options, recorder: &mut R) -> Answer {
        let matrix = &input.matrix;
        let Some((a, b)) = input.rects else {
            if options.method == Method::Table {
                summed_area_table(&matrix.values, matrix.rows, matrix.columns, recorder);
            }
            return Answer {
                sum: None,
                second_sum: None,
                intersection_sum: None,
                weighted_iou: None,
                area_iou: None,
            };
        };
        let both = b.and_then(|b| a.intersection(b));
        let table = match options.method {
            Method::Table => {
                summed_area_table(&matrix.values, matrix.rows, matrix.columns, recorder)
            }
            Method::Naive => Vec::new(),
        };
        let sum_of = |target: Target, rect: Rect, recorder: &mut R| -> f64 {
            let mut sum = 0.0;
            match options.method {
                Method::Table => {
                    let width = matrix.columns + 1;
                    for (corner, &(row, column, sign)) in rect.corners().iter().enumerate() {
                        let before = sum;
                        sum += sign * table[row * width + column];
                        recorder.record(|| Event::Lookup {
                            target,
                            corner: corner as u8,
                            before,
                        });
                    }
                }
                Method::Naive => {
                    for row in rect.top..=rect.bottom {
                        for column in rect.left..=rect.right {
                            let before = sum;
                            sum += matrix.values[row * matrix.columns + column];
                            recorder.record(|| Event::Read {
                                target,
                                row: row as u32,
                                column: column as u32,
                                before,
                            });
                        }
                    }
                }
            }
            recorder.record(|| Event::Total { target });
            sum
        };
        let sum = sum_of(Target::A, a, recorder);
        let Some(b) = b else {
            return Answer {
                sum: Some(sum),
                second_sum: None,
                intersection_sum: None,
                weighted_iou: None,
                area_iou: None,
            };
        };
        let second_sum = sum_of(Target::B, b, recorder);
        recorder.record(|| Event::Intersect);
        let intersection_sum = both.map_or(0.0, |both| sum_of(Target::Both, both, recorder));
        recorder.record(|| Event::Ratio);
        Answer {
            sum: Some(sum),
            second_sum: Some(second_sum),
            intersection_sum: Some(intersection_sum),
            weighted_iou: Some(ratio(intersection_sum, sum + second_sum - intersection_sum)),
            area_iou: Some(area_iou(a, b)),
        }
    }
}

/// Resolves the rectangles of `options` against `input` (defaults when absent).
fn with_rects(mut input: Input, options: &Options) -> Result<Input, InputError> {
    let (rows, columns) = (input.matrix.rows, input.matrix.columns);
    if rows == 0 || columns == 0 {
        if options.query.is_some() || options.second.is_some() {
            return Err(InputError::new(
                "the matrix is empty, so there is no rectangle to sum",
            ));
        }
        return Ok(input);
    }
    let (default_a, default_b) = SummedArea::default_rects(rows, columns);
    let a = match options.query {
        Some(corners) => Rect::checked(corners, rows, columns, "rectangle A")
            .map_err(|error| error.in_field("query"))?,
        None => default_a,
    };
    let b = match (options.iou, options.second) {
        (false, _) => None,
        (true, Some(corners)) => Some(
            Rect::checked(corners, rows, columns, "rectangle B")
                .map_err(|error| error.in_field("second"))?,
        ),
        (true, None) => Some(default_b),
    };
    input.rects = Some((a, b));
    Ok(input)
}

impl Describe for Rect {
    fn describe(&self) -> Value {
        [self.top, self.left, self.bottom, self.right].describe()
    }
}

impl Describe for State {
    fn describe(&self) -> Value {
        Value::record([
            ("rows", self.rows.describe()),
            ("columns", self.columns.describe()),
            ("matrix", self.matrix.describe()),
            ("table", self.table.describe()),
            ("filled", self.filled.describe()),
            ("iou", self.options.iou.describe()),
            ("a", self.rects[0].describe()),
            ("b", self.rects[1].describe()),
            ("intersection", self.rects[2].describe()),
            ("sums", self.sums.describe()),
            ("complete", self.complete.describe()),
            ("reads", self.reads.describe()),
            ("additions", self.additions.describe()),
        ])
    }
}

impl Describe for Answer {
    fn describe(&self) -> Value {
        Value::record([
            ("sum", self.sum.describe()),
            ("secondSum", self.second_sum.describe()),
            ("intersectionSum", self.intersection_sum.describe()),
            ("weightedIou", self.weighted_iou.describe()),
            ("areaIou", self.area_iou.describe()),
        ])
    }
}
