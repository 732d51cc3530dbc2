//! Draws a next-greater state: the array as bars, the scan pointer `i`, the stack of waiting
//! indices beside the array, and the answer row filling in.
//!
//! Small arrays get one labelled bar per item. When bars would be thinner than a few pixels,
//! items are drawn in aggregate: one column per pixel, as tall as its tallest item and coloured
//! by its most important item (current > compared > waiting > answered > idle).

use super::{AnswerKind, Event, Method, State};
use crate::algorithm::Item;
use crate::format::format_number;
use crate::format::group_digits;
use crate::scene::{within, Align, Bounds, Color, Frame, Key, Scene, Shape, TextSize, TextStyle};

const PADDING: f64 = 16.0;
const LEGEND_HEIGHT: f64 = 22.0;
const ANSWER_ROW: f64 = 30.0;
const POINTER_ROW: f64 = 30.0;
const LABELLED_BAR_WIDTH: f64 = 18.0;
const MIN_BAR_WIDTH: f64 = 3.0;

/// The picture's one part questions name: the bars, item `(0, index)` (see [`place`]).
pub(super) const BARS: u8 = 0;

const ROLE_BAR: u16 = 1;
const ROLE_VALUE: u16 = 2;
const ROLE_INDEX: u16 = 3;
const ROLE_CELL: u16 = 4;
const ROLE_CHIP: u16 = 5;
const ROLE_CHIP_TEXT: u16 = 6;
const ROLE_POINTER: u16 = 7;
const ROLE_POINTER_LABEL: u16 = 8;
const ROLE_COLUMN: u16 = 9;

/// What an item is doing at this step; later variants win when drawing in aggregate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Status {
    Idle,
    Answered,
    Waiting,
    Compared,
    Current,
}

/// The geometry shared by all parts of the picture.
struct Layout {
    array_left: f64,
    array_width: f64,
    bars_top: f64,
    bars_bottom: f64,
    zero_y: f64,
    scale: f64,
    slot: f64,
    stack_left: f64,
    stack_width: f64,
    answer_top: f64,
    labelled: bool,
}

impl Layout {
    fn new(state: &State, frame: &Frame) -> Layout {
        let count = state.values.len().max(1) as f64;
        let has_stack = state.options.method == Method::Stack;
        let stack_width = if has_stack {
            within(frame.width * 0.16, 56.0, 112.0)
        } else {
            0.0
        };
        let stack_gap = if has_stack { PADDING } else { 0.0 };
        let array_left = PADDING;
        let array_width = (frame.width - 2.0 * PADDING - stack_width - stack_gap).max(10.0);
        let slot = array_width / count;
        let labelled = slot >= LABELLED_BAR_WIDTH;
        let answer_top = frame.height - PADDING - ANSWER_ROW;
        let bars_top = PADDING + LEGEND_HEIGHT + if labelled { 16.0 } else { 4.0 };
        let bars_bottom =
            (answer_top - POINTER_ROW - if labelled { 14.0 } else { 0.0 }).max(bars_top + 10.0);
        let highest = state.values.iter().copied().fold(0.0_f64, f64::max);
        let lowest = state.values.iter().copied().fold(0.0_f64, f64::min);
        let span = (highest - lowest).max(f64::MIN_POSITIVE);
        let scale = (bars_bottom - bars_top) / span;
        Layout {
            array_left,
            array_width,
            bars_top,
            bars_bottom,
            zero_y: bars_top + highest * scale,
            scale,
            slot,
            stack_left: frame.width - PADDING - stack_width,
            stack_width,
            answer_top,
            labelled,
        }
    }

    fn center(&self, index: usize) -> f64 {
        self.array_left + (index as f64 + 0.5) * self.slot
    }

    /// The left edge and width of item `index`'s bar.
    fn bar_span(&self, index: usize) -> (f64, f64) {
        let gap = within(self.slot * 0.18, 1.0, 8.0);
        (
            self.array_left + index as f64 * self.slot + gap / 2.0,
            self.slot - gap,
        )
    }

    /// Top and height of the bar for `value` (bars hang below zero for negatives).
    fn bar(&self, value: f64) -> (f64, f64) {
        let end = self.zero_y - value * self.scale;
        let (top, bottom) = if end < self.zero_y {
            (end, self.zero_y)
        } else {
            (self.zero_y, end)
        };
        (top, (bottom - top).max(1.5))
    }
}

/// Draws `state`; `last` is the event just applied.
pub fn draw(state: &State, last: Option<&Event>, frame: &Frame) -> Scene {
    let mut scene = Scene::new(frame);
    let palette = frame.palette;
    if state.values.is_empty() {
        scene.text(
            Key::NONE,
            (frame.width / 2.0, frame.height / 2.0),
            "The array is empty: there is nothing to scan.",
            TextStyle::centered(TextSize::Body, palette.muted),
        );
        return scene;
    }
    let layout = Layout::new(state, frame);
    let statuses = statuses(state, last);
    draw_legend(&mut scene, state, &layout, frame);
    scene.push(Shape::Line {
        key: Key::NONE,
        from: (layout.array_left, layout.zero_y),
        to: (layout.array_left + layout.array_width, layout.zero_y),
        width: 1.0,
        color: palette.faint,
        arrow: false,
    });
    if layout.slot >= MIN_BAR_WIDTH {
        draw_bars(&mut scene, state, &statuses, &layout, frame);
    } else {
        draw_columns(&mut scene, state, &statuses, &layout, frame);
    }
    draw_pointers(&mut scene, state, last, &layout, frame);
    draw_answers(&mut scene, state, &layout, frame);
    if state.options.method == Method::Stack {
        draw_stack(&mut scene, state, &layout, frame);
    }
    scene
}

fn statuses(state: &State, last: Option<&Event>) -> Vec<Status> {
    let mut statuses: Vec<Status> = state
        .answer
        .iter()
        .map(|&answer| {
            if answer >= 0 {
                Status::Answered
            } else {
                Status::Idle
            }
        })
        .collect();
    for &index in &state.stack {
        statuses[index] = Status::Waiting;
    }
    let compared = match last {
        Some(Event::Pop { index, .. } | Event::Stop { index, .. }) => Some(*index),
        Some(Event::Miss { candidate, .. } | Event::Found { candidate, .. }) => Some(*candidate),
        _ => None,
    };
    if let Some(index) = compared {
        statuses[index] = Status::Compared;
    }
    if let (Some((_, index)), false) = (state.cursor, state.finished) {
        statuses[index] = Status::Current;
    }
    statuses
}

fn status_color(status: Status, frame: &Frame) -> Color {
    let palette = frame.palette;
    match status {
        Status::Idle => palette.idle,
        Status::Answered => palette.resolved,
        Status::Waiting => palette.waiting,
        Status::Compared => palette.compared,
        Status::Current => palette.current,
    }
}

fn draw_legend(scene: &mut Scene, state: &State, layout: &Layout, frame: &Frame) {
    let palette = frame.palette;
    let waiting = match state.options.method {
        Method::Stack => "on the stack",
        Method::Scan => "",
    };
    let compared = match state.options.method {
        Method::Stack => "compared (top)",
        Method::Scan => "compared (j)",
    };
    let entries = [
        (Status::Current, "i"),
        (Status::Compared, compared),
        (Status::Waiting, waiting),
        (Status::Answered, "answered"),
    ];
    let mut x = PADDING;
    let y = PADDING + 6.0;
    let right_edge = layout.array_left + layout.array_width;
    for (status, label) in entries {
        let width = 22.0 + label.chars().count() as f64 * 6.2;
        if label.is_empty() || x + width - 8.0 > right_edge {
            continue;
        }
        scene.rect(
            Key::NONE,
            x,
            y - 5.0,
            10.0,
            10.0,
            status_color(status, frame),
        );
        scene.text(
            Key::NONE,
            (x + 15.0, y),
            label,
            TextStyle::centered(TextSize::Small, palette.muted).aligned(Align::Start),
        );
        x += width;
    }
}

fn draw_bars(
    scene: &mut Scene,
    state: &State,
    statuses: &[Status],
    layout: &Layout,
    frame: &Frame,
) {
    let palette = frame.palette;
    for (index, &value) in state.values.iter().enumerate() {
        let (top, height) = layout.bar(value);
        let (left, width) = layout.bar_span(index);
        scene.rect(
            Key::of(ROLE_BAR, index),
            left,
            top,
            width,
            height,
            status_color(statuses[index], frame),
        );
        if layout.labelled {
            let label_y = if value >= 0.0 {
                top - 8.0
            } else {
                top + height + 8.0
            };
            let emphasis = statuses[index] == Status::Current;
            let style = TextStyle::centered(TextSize::Small, palette.ink);
            scene.text(
                Key::of(ROLE_VALUE, index),
                (layout.center(index), label_y),
                format_number(value),
                if emphasis { style.bold() } else { style },
            );
            scene.text(
                Key::of(ROLE_INDEX, index),
                (layout.center(index), layout.bars_bottom + 12.0),
                index.to_string(),
                TextStyle::centered(TextSize::Small, palette.muted),
            );
        }
    }
}

fn draw_columns(
    scene: &mut Scene,
    state: &State,
    statuses: &[Status],
    layout: &Layout,
    frame: &Frame,
) {
    let columns = layout.array_width.floor().max(1.0) as usize;
    let count = state.values.len();
    let mut tallest = vec![(0.0_f64, 0.0_f64); columns];
    let mut strongest = vec![Status::Idle; columns];
    for (index, &value) in state.values.iter().enumerate() {
        let column = (index * columns / count).min(columns - 1);
        tallest[column].0 = tallest[column].0.max(value);
        tallest[column].1 = tallest[column].1.min(value);
        strongest[column] = strongest[column].max(statuses[index]);
    }
    let column_width = layout.array_width / columns as f64;
    for column in 0..columns {
        let (high, low) = tallest[column];
        let top = layout.zero_y - high * layout.scale;
        let bottom = layout.zero_y - low * layout.scale;
        scene.push(Shape::Rect {
            key: Key::of(ROLE_COLUMN, column),
            x: layout.array_left + column as f64 * column_width,
            y: top,
            width: column_width,
            height: (bottom - top).max(1.5),
            radius: 0.0,
            fill: Some(status_color(strongest[column], frame)),
            stroke: None,
        });
    }
}

fn draw_pointers(
    scene: &mut Scene,
    state: &State,
    last: Option<&Event>,
    layout: &Layout,
    frame: &Frame,
) {
    let palette = frame.palette;
    let base = layout.bars_bottom + if layout.labelled { 20.0 } else { 4.0 };
    let mut pointer = |slot: u16, index: usize, label: &str, color: Color| {
        let x = layout.center(index);
        scene.push(Shape::Line {
            key: Key::of(ROLE_POINTER, slot as usize),
            from: (x, base + 20.0),
            to: (x, base + 1.0),
            width: 2.0,
            color,
            arrow: true,
        });
        scene.text(
            Key::of(ROLE_POINTER_LABEL, slot as usize),
            (x + 5.0, base + 15.0),
            label,
            TextStyle::centered(TextSize::Body, color)
                .bold()
                .aligned(Align::Start),
        );
    };
    if let (Some((_, index)), false) = (state.cursor, state.finished) {
        pointer(0, index, "i", palette.current);
    }
    if let Some(Event::Miss { candidate, .. } | Event::Found { candidate, .. }) = last {
        pointer(1, *candidate, "j", palette.compared);
    }
}

fn draw_answers(scene: &mut Scene, state: &State, layout: &Layout, frame: &Frame) {
    let palette = frame.palette;
    let top = layout.answer_top;
    if !layout.labelled {
        let answered = state.answer.iter().filter(|&&answer| answer >= 0).count();
        scene.text(
            Key::NONE,
            (layout.array_left, top + ANSWER_ROW / 2.0),
            format!(
                "answers found: {} of {}",
                group_digits(answered),
                group_digits(state.values.len())
            ),
            TextStyle::centered(TextSize::Body, palette.ink).aligned(Align::Start),
        );
        return;
    }
    let height = ANSWER_ROW - 6.0;
    let width = (layout.slot - 4.0).max(4.0);
    for (index, &answer) in state.answer.iter().enumerate() {
        let left = layout.center(index) - width / 2.0;
        match usize::try_from(answer) {
            Ok(target) => {
                // Same key as the stack chip, so a popped chip travels down into its cell.
                scene.rect(
                    Key::of(ROLE_CHIP, index),
                    left,
                    top,
                    width,
                    height,
                    palette.resolved,
                );
                let text = match state.options.answer {
                    AnswerKind::Index => target.to_string(),
                    AnswerKind::Value => format_number(state.values[target]),
                };
                scene.text(
                    Key::of(ROLE_CHIP_TEXT, index),
                    (layout.center(index), top + height / 2.0),
                    text,
                    TextStyle::centered(TextSize::Small, palette.background).bold(),
                );
            }
            Err(_) => {
                scene.push(Shape::Rect {
                    key: Key::of(ROLE_CELL, index),
                    x: left,
                    y: top,
                    width,
                    height,
                    radius: 3.0,
                    fill: None,
                    stroke: Some(palette.faint),
                });
                if state.finished {
                    let text = match state.options.answer {
                        AnswerKind::Index => "-1",
                        AnswerKind::Value => "none",
                    };
                    scene.text(
                        Key::NONE,
                        (layout.center(index), top + height / 2.0),
                        text,
                        TextStyle::centered(TextSize::Small, palette.muted),
                    );
                }
            }
        }
    }
}

fn draw_stack(scene: &mut Scene, state: &State, layout: &Layout, frame: &Frame) {
    let palette = frame.palette;
    let left = layout.stack_left;
    let width = layout.stack_width;
    let floor = layout.bars_bottom;
    scene.text(
        Key::NONE,
        (left + width / 2.0, PADDING + 6.0),
        "stack",
        TextStyle::centered(TextSize::Small, palette.muted).bold(),
    );
    scene.push(Shape::Polyline {
        key: Key::NONE,
        points: vec![
            (left, layout.bars_top - 4.0),
            (left, floor + 3.0),
            (left + width, floor + 3.0),
            (left + width, layout.bars_top - 4.0),
        ],
        fill: None,
        stroke: Some(palette.faint),
        width: 1.5,
    });
    let room = floor - layout.bars_top;
    let chip = 24.0_f64.min(room / 4.0).max(8.0);
    let spacing = chip + 3.0;
    let fits = ((room / spacing).floor() as usize).max(2);
    let hidden = state.stack.len().saturating_sub(fits);
    let shown = &state.stack[hidden..];
    for (level, &index) in shown.iter().enumerate() {
        let top = floor - (level as f64 + 1.0) * spacing;
        let is_top = level + 1 == shown.len();
        scene.rect(
            Key::of(ROLE_CHIP, index),
            left + 4.0,
            top,
            width - 8.0,
            chip,
            if is_top {
                palette.waiting
            } else {
                palette.waiting.mix(palette.background, 0.25)
            },
        );
        if chip >= 14.0 {
            scene.text(
                Key::of(ROLE_CHIP_TEXT, index),
                (left + width / 2.0, top + chip / 2.0),
                format!("{index} · {}", format_number(state.values[index])),
                TextStyle::centered(TextSize::Small, palette.background).bold(),
            );
        }
    }
    if hidden > 0 {
        scene.text(
            Key::NONE,
            (left + width / 2.0, floor + 14.0),
            format!("+{} below", group_digits(hidden)),
            TextStyle::centered(TextSize::Small, palette.muted),
        );
    } else if state.stack.is_empty() {
        scene.text(
            Key::NONE,
            (left + width / 2.0, floor - 12.0),
            "empty",
            TextStyle::centered(TextSize::Small, palette.muted),
        );
    }
}

/// Where a bar is drawn: `(BARS, index)` is item `index`'s bar.
pub fn place(state: &State, frame: &Frame, item: Item) -> Option<Bounds> {
    let value = *state.values.get(item.column)?;
    if item.part != BARS {
        return None;
    }
    let layout = Layout::new(state, frame);
    let (left, width) = layout.bar_span(item.column);
    let (top, height) = layout.bar(value);
    Some(Bounds::new(left, top, width, height))
}

/// The drawing seam of the algorithm: its picture is this module's `draw`.
impl crate::algorithm::Draw for super::NextGreater {
    fn view(state: &State, last: Option<&Event>, frame: &Frame) -> Scene {
        draw(state, last, frame)
    }

    fn place(state: &State, frame: &Frame, item: Item) -> Option<Bounds> {
        place(state, frame, item)
    }
}
