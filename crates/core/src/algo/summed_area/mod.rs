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
mod info;
mod kernel;
mod layout;
mod narrate;
mod question;
mod replay;
mod text;
mod view;

pub use image::{box_blur, test_pattern, to_grayscale, IntegralImage, MAX_IMAGE_SIDE};
pub use info::{Line, Method};
pub use kernel::{area_iou, rect_sum, summed_area_table, weighted_iou, Rect};

use crate::algorithm::{AlgorithmInfo, Recorder, Run};
use crate::format::group_digits;
use crate::input::{parse_matrix, InputError, OptionMap, ParsedMatrix, SeededRandom};
use crate::options::read_options;
use crate::value::{Describe, Value};
use info::{METHODS, OPTIONS};
use kernel::ratio;

/// The most cells the animation fills (the kernel has no such limit).
pub const MAX_ANIMATED_CELLS: usize = 256 * 256;

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
}

impl Run for SummedArea {
    type Input = Input;

    type Options = Options;

    type Output = Answer;

    type Event = Event;

    const ID: &'static str = info::ID;

    const INFO: AlgorithmInfo = info::INFO;

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
