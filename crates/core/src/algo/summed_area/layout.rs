//! Where a summed-area picture's parts sit: the matrix grid M and, for the table method, the
//! table grid S beside it or under it, whichever gives bigger cells; whether cells are big
//! enough to show their values; and the cells under a pointer or named by a question.

use super::{Method, State};
use crate::algorithm::Item;
use crate::format::format_number;
use crate::scene::{within, Bounds, Frame};

/// The margin around the picture.
pub(super) const PADDING: f64 = 16.0;
const LEGEND: f64 = 22.0;
const TITLE: f64 = 18.0;
/// The room for a grid's row and column indices.
pub(super) const LABELS: f64 = 16.0;
const GAP: f64 = 28.0;
/// The room for the running sums under the grids.
pub(super) const FOOTER: f64 = 30.0;

/// The parts questions name (see [`place`]): cell `(MATRIX, row, column)` of M, and cell
/// `(TABLE, row, column)` of S (with its zero border: row 0 and column 0 are zeros).
pub(super) const MATRIX: u8 = 0;
/// The table S.
pub(super) const TABLE: u8 = 1;

/// Where one grid sits: its top-left cell corner and cell size.
#[derive(Debug, Clone, Copy)]
pub(super) struct Grid {
    /// The x of the grid's left edge.
    pub(super) left: f64,
    /// The y of the grid's top edge.
    pub(super) top: f64,
    /// The side of one cell.
    pub(super) cell: f64,
    /// How many rows of cells.
    pub(super) rows: usize,
    /// How many columns of cells.
    pub(super) columns: usize,
}

impl Grid {
    /// The top-left corner of cell `(row, column)`.
    pub(super) fn cell_origin(&self, row: usize, column: usize) -> (f64, f64) {
        (
            self.left + column as f64 * self.cell,
            self.top + row as f64 * self.cell,
        )
    }

    /// Where cell `(row, column)` is drawn, if the grid has it.
    fn place(&self, row: usize, column: usize) -> Option<Bounds> {
        let (x, y) = self.cell_origin(row, column);
        (row < self.rows && column < self.columns)
            .then_some(Bounds::new(x, y, self.cell, self.cell))
    }

    fn contains(&self, x: f64, y: f64) -> Option<(usize, usize)> {
        let column = ((x - self.left) / self.cell).floor();
        let row = ((y - self.top) / self.cell).floor();
        (column >= 0.0
            && row >= 0.0
            && (column as usize) < self.columns
            && (row as usize) < self.rows)
            .then_some((row as usize, column as usize))
    }
}

/// The matrix grid and, for the table method, the table grid.
pub(super) struct Layout {
    /// The matrix M.
    pub(super) matrix: Grid,
    /// The table S with its zero border, for the table method.
    pub(super) table: Option<Grid>,
    /// Whether cells show their values (else both grids are heatmaps).
    pub(super) values: bool,
}

impl Layout {
    /// Lays `state` out in `frame`.
    pub(super) fn new(state: &State, frame: &Frame) -> Layout {
        let (rows, columns) = (state.rows.max(1), state.columns.max(1));
        let has_table = state.options.method == Method::Table;
        let top = PADDING + LEGEND + TITLE + LABELS;
        let room_width = frame.width - 2.0 * PADDING - LABELS;
        let room_height = frame.height - top - FOOTER - PADDING;
        let (side_by_side, stacked) = if has_table {
            let beside = ((room_width - GAP - LABELS) / (2 * columns + 1) as f64)
                .min(room_height / (rows + 1) as f64);
            let below = (room_width / (columns + 1) as f64)
                .min((room_height - GAP - TITLE - LABELS) / (2 * rows + 1) as f64);
            (beside, below)
        } else {
            (
                (room_width / columns as f64).min(room_height / rows as f64),
                0.0,
            )
        };
        let cell = within(side_by_side.max(stacked), 0.5, 64.0);
        let used = if has_table && side_by_side >= stacked {
            (2 * columns + 1) as f64 * cell + GAP + LABELS
        } else {
            (columns + usize::from(has_table)) as f64 * cell
        };
        let left = PADDING + LABELS + ((room_width - used) / 2.0).max(0.0);
        let matrix = Grid {
            left,
            top,
            cell,
            rows: state.rows,
            columns: state.columns,
        };
        let table = has_table.then(|| {
            let (table_left, table_top) = if side_by_side >= stacked {
                (left + columns as f64 * cell + GAP + LABELS, top)
            } else {
                (left, top + rows as f64 * cell + GAP + TITLE + LABELS)
            };
            Grid {
                left: table_left,
                top: table_top,
                cell,
                rows: state.rows + 1,
                columns: state.columns + 1,
            }
        });
        let widest = state
            .matrix
            .iter()
            .chain(state.table.iter())
            .map(|value| format_number(*value).chars().count())
            .max()
            .unwrap_or(1) as f64;
        let values = cell >= 18.0 && widest * 6.6 + 6.0 <= cell;
        Layout {
            matrix,
            table,
            values,
        }
    }
}

/// The (row, column) of the matrix cell under `(x, y)`.
pub fn locate(state: &State, frame: &Frame, x: f64, y: f64) -> Option<(usize, usize)> {
    if state.rows == 0 || state.columns == 0 {
        return None;
    }
    Layout::new(state, frame).matrix.contains(x, y)
}

/// Where a question's cell is drawn: `(MATRIX, row, column)` in M, `(TABLE, row, column)` in S.
pub fn place(state: &State, frame: &Frame, item: Item) -> Option<Bounds> {
    let layout = Layout::new(state, frame);
    let grid = match item.part {
        MATRIX => layout.matrix,
        TABLE => layout.table?,
        _ => return None,
    };
    grid.place(item.row, item.column)
}
