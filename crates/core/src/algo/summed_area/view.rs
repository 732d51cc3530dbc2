//! Draws a summed-area state: the matrix M and (for the table method) the table S with its
//! zero border, side by side or stacked, the rectangles A and B on M, the cells the current
//! step reads and writes with their signs, and the running sums.
//!
//! Small matrices show every value; when values no longer fit their cells, both grids become
//! heatmaps (viridis, with a legend) and highlights are drawn as outlines over them. Where
//! things sit (the grids, and the cells questions name) is [`super::layout`].

use super::layout::{locate, place, Grid, Layout, FOOTER, LABELS, PADDING};
use super::{area_iou, Event, Method, Rect, State, Target};
use crate::algorithm::Item;
use crate::format::{format_fixed, format_number};
use crate::scene::{
    sequential, within, Align, Bounds, Color, Frame, Key, Scene, Shape, TextSize, TextStyle,
};
use std::rc::Rc;

const ROLE_RECT: u16 = 1;
const ROLE_MARK: u16 = 2;

/// Draws `state`; `last` is the event just applied.
pub fn draw(state: &State, last: Option<&Event>, frame: &Frame) -> Scene {
    let mut scene = Scene::new(frame);
    let palette = frame.palette;
    if state.rows == 0 || state.columns == 0 {
        scene.text(
            Key::NONE,
            (frame.width / 2.0, frame.height / 2.0),
            "The matrix is empty: there is nothing to sum.",
            TextStyle::centered(TextSize::Body, palette.muted),
        );
        return scene;
    }
    let layout = Layout::new(state, frame);
    draw_legend(&mut scene, state, &layout, frame);
    let matrix_range = range(&state.matrix);
    draw_grid(
        &mut scene,
        &layout.matrix,
        &format!("M ({}×{})", state.rows, state.columns),
        |row, column| Some(state.value(row, column)),
        matrix_range,
        &layout,
        frame,
    );
    if let Some(table) = &layout.table {
        let width = state.columns + 1;
        let filled_up_to = state.filled;
        let table_range = range(&state.table);
        draw_grid(
            &mut scene,
            table,
            "S (zero border)",
            |row, column| {
                let written = row == 0
                    || column == 0
                    || (row - 1) * state.columns + (column - 1) < filled_up_to;
                written.then(|| state.table[row * width + column])
            },
            table_range,
            &layout,
            frame,
        );
    }
    draw_rects(&mut scene, state, &layout, frame);
    draw_step(&mut scene, state, last, &layout, frame);
    draw_footer(&mut scene, state, frame);
    scene
}

fn range(values: &[f64]) -> (f64, f64) {
    let low = values.iter().copied().fold(f64::INFINITY, f64::min);
    let high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if low.is_finite() && high.is_finite() {
        (low, high)
    } else {
        (0.0, 0.0)
    }
}

fn heat(value: f64, (low, high): (f64, f64)) -> Color {
    if high > low {
        sequential((value - low) / (high - low))
    } else {
        sequential(0.5)
    }
}

fn draw_legend(scene: &mut Scene, state: &State, layout: &Layout, frame: &Frame) {
    let palette = frame.palette;
    let y = PADDING + 6.0;
    let mut x = PADDING;
    let small = TextStyle::centered(TextSize::Small, palette.muted).aligned(Align::Start);
    let mut entry = |scene: &mut Scene, color: Color, label: &str| {
        scene.rect(Key::NONE, x, y - 5.0, 10.0, 10.0, color);
        scene.text(Key::NONE, (x + 15.0, y), label, small);
        x += 24.0 + label.chars().count() as f64 * 6.2;
    };
    match state.options.method {
        Method::Table => {
            entry(scene, palette.current, "written");
            entry(scene, palette.waiting, "+ read");
            entry(scene, palette.accent, "− read");
        }
        Method::Naive => entry(scene, palette.current, "read"),
    }
    if !layout.values {
        let (low, high) = range(&state.matrix);
        let pixels: Vec<u8> = (0..64)
            .flat_map(|step| {
                let color = sequential(step as f64 / 63.0);
                [color.r, color.g, color.b, 255]
            })
            .collect();
        x += 8.0;
        scene.text(
            Key::NONE,
            (x, y),
            format!("M: {}", format_number(low)),
            small,
        );
        x += 34.0 + format_number(low).len() as f64 * 6.2;
        scene.push(Shape::Image {
            key: Key::NONE,
            x,
            y: y - 5.0,
            width: 72.0,
            height: 10.0,
            columns: 64,
            rows: 1,
            pixels: Rc::from(pixels),
            smooth: true,
            opacity: 1.0,
        });
        scene.text(Key::NONE, (x + 78.0, y), format_number(high), small);
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_grid(
    scene: &mut Scene,
    grid: &Grid,
    title: &str,
    value_at: impl Fn(usize, usize) -> Option<f64>,
    value_range: (f64, f64),
    layout: &Layout,
    frame: &Frame,
) {
    let palette = frame.palette;
    scene.text(
        Key::NONE,
        (grid.left, grid.top - LABELS - 8.0),
        title,
        TextStyle::centered(TextSize::Body, palette.ink)
            .bold()
            .aligned(Align::Start),
    );
    let labelled = grid.cell >= 14.0;
    if labelled {
        let index_style = TextStyle::centered(TextSize::Small, palette.muted);
        for column in 0..grid.columns {
            let (x, _) = grid.cell_origin(0, column);
            scene.text(
                Key::NONE,
                (x + grid.cell / 2.0, grid.top - 8.0),
                column.to_string(),
                index_style,
            );
        }
        for row in 0..grid.rows {
            let (_, y) = grid.cell_origin(row, 0);
            scene.text(
                Key::NONE,
                (grid.left - 8.0, y + grid.cell / 2.0),
                row.to_string(),
                index_style.aligned(Align::End),
            );
        }
    }
    if layout.values {
        let inset = 1.0;
        for row in 0..grid.rows {
            for column in 0..grid.columns {
                let (x, y) = grid.cell_origin(row, column);
                let value = value_at(row, column);
                scene.push(Shape::Rect {
                    key: Key::NONE,
                    x: x + inset,
                    y: y + inset,
                    width: grid.cell - 2.0 * inset,
                    height: grid.cell - 2.0 * inset,
                    radius: 3.0,
                    fill: Some(if value.is_some() {
                        palette.waiting.mix(palette.background, 0.88)
                    } else {
                        palette.background
                    }),
                    stroke: Some(palette.faint),
                });
                if let Some(value) = value {
                    scene.text(
                        Key::NONE,
                        (x + grid.cell / 2.0, y + grid.cell / 2.0),
                        format_number(value),
                        TextStyle::centered(TextSize::Small, palette.ink),
                    );
                }
            }
        }
    } else {
        let empty = palette.faint;
        let pixels: Vec<u8> = (0..grid.rows)
            .flat_map(|row| (0..grid.columns).map(move |column| (row, column)))
            .flat_map(|(row, column)| {
                let color = value_at(row, column).map_or(empty, |value| heat(value, value_range));
                [color.r, color.g, color.b, 255]
            })
            .collect();
        scene.push(Shape::Image {
            key: Key::NONE,
            x: grid.left,
            y: grid.top,
            width: grid.columns as f64 * grid.cell,
            height: grid.rows as f64 * grid.cell,
            columns: grid.columns,
            rows: grid.rows,
            pixels: Rc::from(pixels),
            smooth: false,
            opacity: 1.0,
        });
    }
}

/// An outline around cells `rect` of `grid` (`offset` 1 shifts into table coordinates).
fn outline(scene: &mut Scene, key: Key, grid: &Grid, rect: Rect, color: Color, width: f64) {
    let (x, y) = grid.cell_origin(rect.top, rect.left);
    let (x2, y2) = grid.cell_origin(rect.bottom + 1, rect.right + 1);
    let points = vec![(x, y), (x2, y), (x2, y2), (x, y2), (x, y)];
    scene.push(Shape::Polyline {
        key,
        points,
        fill: None,
        stroke: Some(color),
        width,
    });
}

fn target_color(target: Target, frame: &Frame) -> Color {
    match target {
        Target::A => frame.palette.waiting,
        Target::B => frame.palette.accent,
        Target::Both => frame.palette.current,
    }
}

fn draw_rects(scene: &mut Scene, state: &State, layout: &Layout, frame: &Frame) {
    let label = TextStyle::centered(TextSize::Small, frame.palette.ink).bold();
    for (slot, target) in [Target::A, Target::B, Target::Both].into_iter().enumerate() {
        let Some(rect) = state.rects[slot] else {
            continue;
        };
        if target == Target::Both && !state.intersected {
            continue;
        }
        let color = target_color(target, frame);
        if target == Target::Both {
            let (x, y) = layout.matrix.cell_origin(rect.top, rect.left);
            let (x2, y2) = layout.matrix.cell_origin(rect.bottom + 1, rect.right + 1);
            scene.rect(Key::NONE, x, y, x2 - x, y2 - y, color.with_alpha(0.28));
        }
        outline(
            scene,
            Key::of(ROLE_RECT, slot),
            &layout.matrix,
            rect,
            color,
            2.5,
        );
        if target != Target::Both {
            let (x, y) = layout.matrix.cell_origin(rect.top, rect.left);
            scene.rect(Key::NONE, x - 1.0, y - 14.0, 16.0, 14.0, color);
            scene.text(
                Key::NONE,
                (x + 7.0, y - 7.0),
                target.name(),
                TextStyle {
                    color: frame.palette.background,
                    ..label
                },
            );
        }
    }
}

/// One highlighted cell: an outline, with a sign in its corner when given.
fn mark(
    scene: &mut Scene,
    slot: usize,
    grid: &Grid,
    (row, column): (usize, usize),
    color: Color,
    sign: &str,
) {
    let (x, y) = grid.cell_origin(row, column);
    let thick = within(grid.cell * 0.12, 1.5, 3.0);
    scene.push(Shape::Rect {
        key: Key::of(ROLE_MARK, slot),
        x: x + thick / 2.0,
        y: y + thick / 2.0,
        width: (grid.cell - thick).max(1.0),
        height: (grid.cell - thick).max(1.0),
        radius: 3.0,
        fill: None,
        stroke: Some(color),
    });
    if !sign.is_empty() && grid.cell >= 16.0 {
        scene.rect(Key::NONE, x + 1.0, y + 1.0, 11.0, 11.0, color);
        scene.text(
            Key::NONE,
            (x + 6.5, y + 6.5),
            sign,
            TextStyle::centered(TextSize::Small, Color::hex(0xFFFFFF)).bold(),
        );
    }
}

fn draw_step(
    scene: &mut Scene,
    state: &State,
    last: Option<&Event>,
    layout: &Layout,
    frame: &Frame,
) {
    let palette = frame.palette;
    let Some(event) = last else {
        return;
    };
    match *event {
        Event::Fill { row, column } => {
            let (row, column) = (row as usize, column as usize);
            let Some(table) = &layout.table else {
                return;
            };
            mark(
                scene,
                0,
                &layout.matrix,
                (row - 1, column - 1),
                palette.compared,
                "",
            );
            mark(scene, 1, table, (row - 1, column), palette.waiting, "+");
            mark(scene, 2, table, (row, column - 1), palette.waiting, "+");
            mark(scene, 3, table, (row - 1, column - 1), palette.accent, "−");
            let (x, y) = table.cell_origin(row, column);
            scene.push(Shape::Rect {
                key: Key::of(ROLE_MARK, 4),
                x,
                y,
                width: table.cell,
                height: table.cell,
                radius: 3.0,
                fill: Some(palette.current.with_alpha(0.85)),
                stroke: None,
            });
            if layout.values {
                scene.text(
                    Key::NONE,
                    (x + table.cell / 2.0, y + table.cell / 2.0),
                    format_number(state.table_cell(row, column)),
                    TextStyle::centered(TextSize::Small, Color::hex(0x1F2933)).bold(),
                );
            }
        }
        Event::Lookup { target, corner, .. } => {
            draw_corners(scene, state, target, corner, layout, frame)
        }
        // A finished table sum keeps its four corners lit, with their signs.
        Event::Total { target } => draw_corners(scene, state, target, 3, layout, frame),
        Event::Read {
            target,
            row,
            column,
            ..
        } => {
            let Some(rect) = state.rects[target.slot()] else {
                return;
            };
            // Everything read so far in this rectangle, row-major up to the current cell.
            let done = (row as usize - rect.top) * (rect.right - rect.left + 1)
                + (column as usize - rect.left);
            let color = target_color(target, frame).with_alpha(0.35);
            for offset in 0..done {
                let width = rect.right - rect.left + 1;
                let (r, c) = (rect.top + offset / width, rect.left + offset % width);
                let (x, y) = layout.matrix.cell_origin(r, c);
                scene.rect(
                    Key::NONE,
                    x,
                    y,
                    layout.matrix.cell,
                    layout.matrix.cell,
                    color,
                );
            }
            mark(
                scene,
                0,
                &layout.matrix,
                (row as usize, column as usize),
                palette.current,
                "",
            );
        }
        Event::Intersect | Event::Ratio => {}
    }
}

/// The four table corners of `target` with their signs; those up to `corner` are lit.
fn draw_corners(
    scene: &mut Scene,
    state: &State,
    target: Target,
    corner: u8,
    layout: &Layout,
    frame: &Frame,
) {
    let palette = frame.palette;
    let (Some(table), Some(rect)) = (&layout.table, state.rects[target.slot()]) else {
        return;
    };
    for (index, (row, column, sign)) in rect.corners().into_iter().enumerate() {
        let color = if index <= corner as usize {
            if sign > 0.0 {
                palette.waiting
            } else {
                palette.accent
            }
        } else {
            palette.muted
        };
        mark(
            scene,
            index,
            table,
            (row, column),
            color,
            if sign > 0.0 { "+" } else { "−" },
        );
    }
}

fn draw_footer(scene: &mut Scene, state: &State, frame: &Frame) {
    let palette = frame.palette;
    let mut parts = Vec::new();
    for (slot, target) in [Target::A, Target::B, Target::Both].into_iter().enumerate() {
        if state.rects[slot].is_none() && !(target == Target::Both && state.intersected) {
            continue;
        }
        let started = state.complete[slot] || state.sums[slot] != 0.0;
        let empty_overlap = target == Target::Both && state.rects[slot].is_none();
        let value = if state.complete[slot] || empty_overlap {
            format_number(state.sums[slot])
        } else if started {
            format!("{}…", format_number(state.sums[slot]))
        } else {
            "?".to_string()
        };
        parts.push(format!("sum({}) = {value}", target.name()));
    }
    if state.ratio_shown {
        let union = state.sums[0] + state.sums[1] - state.sums[2];
        let weighted = if union == 0.0 {
            0.0
        } else {
            state.sums[2] / union
        };
        let area = match (state.rects[0], state.rects[1]) {
            (Some(a), Some(b)) => area_iou(a, b),
            _ => 0.0,
        };
        parts.push(format!("weighted IoU = {}", format_fixed(weighted, 4)));
        parts.push(format!("area IoU = {}", format_fixed(area, 4)));
    }
    scene.text(
        Key::NONE,
        (PADDING, frame.height - PADDING - FOOTER / 2.0 + 4.0),
        parts.join("   ·   "),
        TextStyle::centered(TextSize::Body, palette.ink)
            .bold()
            .aligned(Align::Start),
    );
}

/// The drawing seam of the algorithm: its picture is this module's `draw`.
impl crate::algorithm::Draw for super::SummedArea {
    fn view(state: &State, last: Option<&Event>, frame: &Frame) -> Scene {
        draw(state, last, frame)
    }

    fn place(state: &State, frame: &Frame, item: Item) -> Option<Bounds> {
        place(state, frame, item)
    }

    fn locate(state: &State, frame: &Frame, x: f64, y: f64) -> Option<(usize, usize)> {
        locate(state, frame, x, y)
    }
}
