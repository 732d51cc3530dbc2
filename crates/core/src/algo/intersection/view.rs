//! Draws an intersection state: arrays a and b as rows of cells with their pointers, the hash
//! map's counts (hash method), and the output row.
//!
//! Cells show their values while they fit; narrower rows become a strip of one raster pixel
//! per item, coloured by status.

use super::{Event, GallopStep, HashStep, Method, NestedStep, PointerStep, Side, SortStep, State};
use crate::algorithm::Item;
use crate::scene::{within, Align, Bounds, Color, Frame, Key, Scene, Shape, TextSize, TextStyle};
use std::rc::Rc;

const PADDING: f64 = 16.0;
const LEGEND: f64 = 24.0;
const LABEL: f64 = 56.0;
const POINTER: f64 = 24.0;

/// Row height and cell width for this frame, and where rows start horizontally.
#[derive(Debug, Clone, Copy)]
struct Geometry {
    row: f64,
    cell: f64,
    left: f64,
}

const ROLE_POINTER: u16 = 1;
const ROLE_POINTER_LABEL: u16 = 2;
const ROLE_OUTPUT: u16 = 3;

/// What one cell is doing at this step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Idle,
    Passed,
    Matched,
    Compared,
    Current,
}

fn fill(status: Status, frame: &Frame) -> Color {
    let palette = frame.palette;
    match status {
        Status::Idle => palette.background,
        Status::Passed => palette.faint,
        Status::Matched => palette.resolved,
        Status::Compared => palette.compared,
        Status::Current => palette.current,
    }
}

/// The part of the picture questions name for `side`'s cells: item `(part, index)` is cell
/// `index` of that array (see [`place`]).
pub(super) const fn part(side: Side) -> u8 {
    match side {
        Side::A => 0,
        Side::B => 1,
    }
}

/// The rows' geometry for `state` in `frame`, and the top of the first row.
fn geometry(state: &State, frame: &Frame) -> (Geometry, f64) {
    let longest = state
        .a
        .len()
        .max(state.b.len())
        .max(state.output.len())
        .max(1);
    let rows = if state.options.method == Method::Hash {
        4.0
    } else {
        3.0
    };
    let top = PADDING + LEGEND + 8.0;
    let row = within((frame.height - top - PADDING) / rows - POINTER, 22.0, 40.0);
    let room = frame.width - 2.0 * PADDING - LABEL;
    let cell = (room / longest as f64).min(row * 1.5);
    let used = LABEL + cell * longest as f64;
    let geometry = Geometry {
        row,
        cell,
        left: PADDING + LABEL + ((frame.width - 2.0 * PADDING - used) / 2.0).max(0.0),
    };
    (geometry, top)
}

/// Draws `state`; `last` is the event just applied.
pub fn draw(state: &State, last: Option<&Event>, frame: &Frame) -> Scene {
    let mut scene = Scene::new(frame);
    let palette = frame.palette;
    let (geometry, top) = geometry(state, frame);
    draw_legend(&mut scene, frame);
    let mut y = top;
    let (focus_a, focus_b) = focus(state, last);
    for (side, values) in [(Side::A, &state.a), (Side::B, &state.b)] {
        let statuses: Vec<Status> = (0..values.len())
            .map(|index| status(state, side, index, focus_a, focus_b))
            .collect();
        label(&mut scene, &geometry, y, side.name(), frame);
        draw_row(&mut scene, &geometry, y, values, &statuses, frame);
        let pointer = match side {
            Side::A => pointer_a(state, last),
            Side::B => pointer_b(state, last),
        };
        if let Some((index, text, role)) = pointer {
            draw_pointer(
                &mut scene,
                &geometry,
                side,
                y + geometry.row,
                index,
                text,
                role,
                frame,
            );
        }
        y += geometry.row + POINTER;
    }
    if state.options.method == Method::Hash {
        label(&mut scene, &geometry, y, "counts", frame);
        draw_counts(&mut scene, &geometry, state, last, y, frame);
        y += geometry.row + 10.0;
    }
    label(&mut scene, &geometry, y, "a ∩ b", frame);
    let statuses = vec![Status::Matched; state.output.len()];
    if state.output.is_empty() {
        scene.text(
            Key::NONE,
            (geometry.left, y + geometry.row / 2.0),
            "(empty so far)",
            TextStyle::centered(TextSize::Small, palette.muted).aligned(Align::Start),
        );
    } else {
        draw_row_keyed(
            &mut scene,
            &geometry,
            y,
            &state.output,
            &statuses,
            frame,
            Some(ROLE_OUTPUT),
        );
    }
    scene
}

fn draw_legend(scene: &mut Scene, frame: &Frame) {
    let mut x = PADDING;
    let y = PADDING + 6.0;
    let small = TextStyle::centered(TextSize::Small, frame.palette.muted).aligned(Align::Start);
    for (status, text) in [
        (Status::Current, "pointer"),
        (Status::Compared, "compared"),
        (Status::Matched, "matched"),
        (Status::Passed, "passed"),
    ] {
        scene.rect(Key::NONE, x, y - 5.0, 10.0, 10.0, fill(status, frame));
        scene.text(Key::NONE, (x + 15.0, y), text, small);
        x += 24.0 + text.chars().count() as f64 * 6.2;
    }
}

fn label(scene: &mut Scene, geometry: &Geometry, y: f64, text: &str, frame: &Frame) {
    scene.text(
        Key::NONE,
        (geometry.left - 8.0, y + geometry.row / 2.0),
        text,
        TextStyle::centered(TextSize::Body, frame.palette.ink)
            .bold()
            .aligned(Align::End),
    );
}

/// The cells of a and b the last event looked at.
fn focus(state: &State, last: Option<&Event>) -> (Option<usize>, Option<usize>) {
    let gallop_pair = |short: usize, long: usize| {
        if state.gallops_from_b() {
            (Some(long), Some(short))
        } else {
            (Some(short), Some(long))
        }
    };
    match last {
        Some(
            Event::Pointers(PointerStep::Compare { i, j, .. })
            | Event::Nested(NestedStep::Check { i, j, .. }),
        ) => (Some(*i as usize), Some(*j as usize)),
        Some(Event::Sort(SortStep::Write { side, index, .. })) => match side {
            Side::A => (Some(*index as usize), None),
            Side::B => (None, Some(*index as usize)),
        },
        Some(Event::Hash(HashStep::Insert { index })) => (None, Some(*index as usize)),
        Some(Event::Hash(HashStep::Probe { index, .. })) => (Some(*index as usize), None),
        Some(Event::Gallop(GallopStep::Probe { short, probe, .. })) => {
            gallop_pair(*short as usize, *probe as usize)
        }
        Some(Event::Gallop(GallopStep::Land {
            short, position, ..
        })) => gallop_pair(*short as usize, *position as usize),
        _ => (None, None),
    }
}

fn status(
    state: &State,
    side: Side,
    index: usize,
    focus_a: Option<usize>,
    focus_b: Option<usize>,
) -> Status {
    let (matched, focus, pointer) = match side {
        Side::A => (state.matched_a[index], focus_a, state.i),
        Side::B => (state.matched_b[index], focus_b, state.j),
    };
    if focus == Some(index) {
        return match side {
            Side::A => Status::Current,
            Side::B => Status::Compared,
        };
    }
    if matched {
        return Status::Matched;
    }
    let walks = matches!(state.options.method, Method::Pointers | Method::Hash);
    if walks && index < pointer {
        Status::Passed
    } else {
        Status::Idle
    }
}

fn pointer_a(state: &State, last: Option<&Event>) -> Option<(usize, &'static str, Role)> {
    match (state.options.method, last) {
        (Method::Nested, Some(Event::Nested(NestedStep::Check { i, .. }))) => {
            Some((*i as usize, "i", Role::Scanning))
        }
        (Method::Pointers, Some(Event::Pointers(PointerStep::Compare { i, .. }))) => {
            Some((*i as usize, "i", Role::Scanning))
        }
        (Method::Hash, Some(Event::Hash(HashStep::Probe { index, .. }))) => {
            Some((*index as usize, "x", Role::Scanning))
        }
        (Method::Gallop, Some(Event::Gallop(GallopStep::Probe { short, probe, .. }))) => {
            Some(if state.gallops_from_b() {
                (*probe as usize, "probe", Role::Searched)
            } else {
                (*short as usize, "x", Role::Scanning)
            })
        }
        _ => None,
    }
}

fn pointer_b(state: &State, last: Option<&Event>) -> Option<(usize, &'static str, Role)> {
    match (state.options.method, last) {
        (Method::Nested, Some(Event::Nested(NestedStep::Check { j, .. }))) => {
            Some((*j as usize, "j", Role::Searched))
        }
        (Method::Pointers, Some(Event::Pointers(PointerStep::Compare { j, .. }))) => {
            Some((*j as usize, "j", Role::Searched))
        }
        (Method::Hash, Some(Event::Hash(HashStep::Insert { index }))) => {
            Some((*index as usize, "y", Role::Searched))
        }
        (Method::Gallop, Some(Event::Gallop(GallopStep::Probe { short, probe, .. }))) => {
            Some(if state.gallops_from_b() {
                (*short as usize, "x", Role::Scanning)
            } else {
                (*probe as usize, "probe", Role::Searched)
            })
        }
        _ => None,
    }
}

/// Which pointer an arrow is: the one scanning (orange) or the one searched/compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Scanning,
    Searched,
}

/// An arrow under cell `index` (it may sit one past the end, where a pointer stops).
#[allow(clippy::too_many_arguments)]
fn draw_pointer(
    scene: &mut Scene,
    geometry: &Geometry,
    side: Side,
    top: f64,
    index: usize,
    text: &str,
    role: Role,
    frame: &Frame,
) {
    let slot = match side {
        Side::A => 0,
        Side::B => 1,
    };
    let x = geometry.left + (index as f64 + 0.5) * geometry.cell;
    let color = match role {
        Role::Scanning => frame.palette.current,
        Role::Searched => frame.palette.compared,
    };
    scene.push(Shape::Line {
        key: Key::of(ROLE_POINTER, slot),
        from: (x, top + 18.0),
        to: (x, top + 3.0),
        width: 2.0,
        color,
        arrow: true,
    });
    scene.text(
        Key::of(ROLE_POINTER_LABEL, slot),
        (x + 5.0, top + 14.0),
        text,
        TextStyle::centered(TextSize::Small, color)
            .bold()
            .aligned(Align::Start),
    );
}

fn draw_row(
    scene: &mut Scene,
    geometry: &Geometry,
    y: f64,
    values: &[i32],
    statuses: &[Status],
    frame: &Frame,
) {
    draw_row_keyed(scene, geometry, y, values, statuses, frame, None);
}

fn draw_row_keyed(
    scene: &mut Scene,
    geometry: &Geometry,
    y: f64,
    values: &[i32],
    statuses: &[Status],
    frame: &Frame,
    role: Option<u16>,
) {
    let palette = frame.palette;
    let Geometry { row, cell, left } = *geometry;
    if cell < 3.0 {
        let pixels: Vec<u8> = statuses
            .iter()
            .flat_map(|&status| {
                let color = match status {
                    Status::Idle => palette.idle,
                    other => fill(other, frame),
                };
                [color.r, color.g, color.b, 255]
            })
            .collect();
        scene.push(Shape::Image {
            key: Key::NONE,
            x: left,
            y,
            width: cell * values.len() as f64,
            height: row,
            columns: values.len(),
            rows: 1,
            pixels: Rc::from(pixels),
            smooth: false,
            opacity: 1.0,
        });
        return;
    }
    let widest = values
        .iter()
        .map(|value| value.to_string().len())
        .max()
        .unwrap_or(1) as f64;
    let labelled = cell >= 14.0 && widest * 6.4 + 4.0 <= cell;
    for (index, (&value, &status)) in values.iter().zip(statuses).enumerate() {
        let x = left + index as f64 * cell;
        let background = fill(status, frame);
        scene.push(Shape::Rect {
            key: role.map_or(Key::NONE, |role| Key::of(role, index)),
            x: x + 1.0,
            y,
            width: cell - 2.0,
            height: row,
            radius: 4.0_f64.min(cell / 4.0),
            fill: Some(background),
            stroke: Some(if status == Status::Idle {
                palette.faint
            } else {
                background
            }),
        });
        if labelled {
            let ink = match status {
                Status::Idle => palette.ink,
                Status::Passed => palette.muted,
                _ => Color::hex(0xFFFFFF),
            };
            scene.text(
                Key::NONE,
                (x + cell / 2.0, y + row / 2.0),
                value.to_string(),
                TextStyle::centered(TextSize::Small, ink).bold(),
            );
        }
    }
}

fn draw_counts(
    scene: &mut Scene,
    geometry: &Geometry,
    state: &State,
    last: Option<&Event>,
    y: f64,
    frame: &Frame,
) {
    let row = geometry.row;
    let palette = frame.palette;
    let focus = match last {
        Some(Event::Hash(HashStep::Insert { index })) => Some(state.b[*index as usize]),
        Some(Event::Hash(HashStep::Probe { index, .. })) => Some(state.a[*index as usize]),
        _ => None,
    };
    let mut x = geometry.left;
    let right = frame.width - PADDING;
    let shown = state.counts.len();
    for (drawn, (value, count)) in state.counts.iter().enumerate() {
        let text = format!("{value} ×{count}");
        let width = text.chars().count() as f64 * 6.6 + 12.0;
        if x + width > right - 40.0 && drawn + 1 < shown {
            scene.text(
                Key::NONE,
                (x, y + row / 2.0),
                format!("+{} more", shown - drawn),
                TextStyle::centered(TextSize::Small, palette.muted).aligned(Align::Start),
            );
            break;
        }
        let highlighted = focus == Some(value);
        let background = if highlighted {
            palette.current
        } else if count == 0 {
            palette.faint
        } else {
            palette.waiting
        };
        scene.rect(Key::NONE, x, y, width, row, background);
        scene.text(
            Key::NONE,
            (x + width / 2.0, y + row / 2.0),
            text,
            TextStyle::centered(
                TextSize::Small,
                if count == 0 && !highlighted {
                    palette.muted
                } else {
                    Color::hex(0xFFFFFF)
                },
            )
            .bold(),
        );
        x += width + 6.0;
    }
    if let (Some(value), false) = (focus, state.counts.contains(focus.unwrap_or_default())) {
        scene.text(
            Key::NONE,
            (x, y + row / 2.0),
            format!("{value}: not in b"),
            TextStyle::centered(TextSize::Small, palette.compared).aligned(Align::Start),
        );
    }
    if state.counts.is_empty() && focus.is_none() {
        scene.text(
            Key::NONE,
            (x, y + row / 2.0),
            "{ }",
            TextStyle::centered(TextSize::Small, palette.muted).aligned(Align::Start),
        );
    }
}

/// Where a cell of a or b is drawn: item `(part(side), index)`.
pub fn place(state: &State, frame: &Frame, item: Item) -> Option<Bounds> {
    let (side, length) = match item.part {
        0 => (0.0, state.a.len()),
        1 => (1.0, state.b.len()),
        _ => return None,
    };
    if item.column >= length {
        return None;
    }
    let (geometry, top) = geometry(state, frame);
    Some(Bounds::new(
        geometry.left + item.column as f64 * geometry.cell,
        top + side * (geometry.row + POINTER),
        geometry.cell,
        geometry.row,
    ))
}

/// The drawing seam of the algorithm: its picture is this module's `draw`.
impl crate::algorithm::Draw for super::Intersection {
    fn view(state: &State, last: Option<&Event>, frame: &Frame) -> Scene {
        draw(state, last, frame)
    }

    fn place(state: &State, frame: &Frame, item: Item) -> Option<Bounds> {
        place(state, frame, item)
    }
}
