//! The kernels: rectangles, the summed-area table (generic over a [`Recorder`], so with `()`
//! it is the plain algorithm), rectangle sums in four lookups and both IoUs.

use super::Event;
use crate::algorithm::Recorder;
use crate::format::format_number;
use crate::input::{parse_numbers, InputError};

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
    pub(super) fn corners_of(text: &str, name: &str) -> Result<[f64; 4], InputError> {
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
pub(super) fn fill_rows<R: Recorder<Event>>(
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
pub(super) fn fill_formula(value: f64, up: f64, left: f64, diagonal: f64) -> f64 {
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

pub(super) fn ratio(part: f64, whole: f64) -> f64 {
    if whole == 0.0 || !whole.is_finite() {
        0.0
    } else {
        part / whole
    }
}
