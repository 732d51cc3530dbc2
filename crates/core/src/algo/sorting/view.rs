//! Draws a sorting state: the items as bars in their current arrangement with the comparison
//! gauge against ⌈log2 n!⌉ (merge insertion, merge sort, binary insertion), the grid of the
//! orders still possible (the adversary), or the array above its ten buckets (radix sort).
//! The network has a picture of its own ([`super::view_network`]).
//!
//! Every item keeps its key across steps, so a move, a deal or a collect is a motion.

use super::{Event, Method, Sorting, State};
use crate::algorithm::{Draw, Item};
use crate::format::format_number;
use crate::scene::{within, Align, Bounds, Color, Frame, Key, Scene, Shape, TextSize, TextStyle};

pub(super) const PADDING: f64 = 16.0;
const GAUGE: f64 = 34.0;
const LABEL_ROW: f64 = 18.0;

/// The parts questions name: the items in their arrangement (`(BARS, position)`), and the
/// grid of orders (`(ORDERS, 0)`, the whole grid).
pub(super) const BARS: u8 = 0;
pub(super) const ORDERS: u8 = 1;

const ROLE_BAR: u16 = 1;
const ROLE_VALUE: u16 = 2;
const ROLE_ITEM: u16 = 3;
const ROLE_GAUGE: u16 = 4;
const ROLE_ORDER: u16 = 5;
const ROLE_BUCKET: u16 = 6;
pub(super) const ROLE_WIRE_VALUE: u16 = 7;

/// Where the bars go.
struct Layout {
    left: f64,
    slot: f64,
    bottom: f64,
    low: f64,
    scale: f64,
}

impl Layout {
    fn new(state: &State, frame: &Frame, top: f64, bottom: f64) -> Layout {
        let count = state.values.len().max(1) as f64;
        let slot = (frame.width - 2.0 * PADDING) / count;
        let high = state.values.iter().copied().fold(0.0_f64, f64::max);
        let low = state.values.iter().copied().fold(0.0_f64, f64::min);
        let span = (high - low).max(1.0);
        Layout {
            left: PADDING,
            slot,
            bottom: bottom - LABEL_ROW,
            low,
            scale: (bottom - top - 2.0 * LABEL_ROW).max(8.0) / span,
        }
    }

    fn bar(&self, position: usize, value: f64) -> Bounds {
        let gap = within(self.slot * 0.2, 1.0, 8.0);
        let height = ((value - self.low) * self.scale).max(3.0);
        Bounds::new(
            self.left + position as f64 * self.slot + gap / 2.0,
            self.bottom - height,
            (self.slot - gap).max(1.0),
            height,
        )
    }
}

/// The colour of `item` at this step.
fn colour(state: &State, item: u32, frame: &Frame) -> Color {
    let palette = frame.palette;
    match state.compared {
        _ if state.finished => palette.resolved,
        Some((first, _)) if first == item => palette.current,
        Some((_, second)) if second == item => palette.compared,
        _ => palette.idle,
    }
}

/// The comparisons so far as a bar, with a tick at ⌈log2 n!⌉ and at the method's worst case.
fn draw_gauge(scene: &mut Scene, state: &State, frame: &Frame) {
    let palette = frame.palette;
    let width = frame.width - 2.0 * PADDING;
    let most = (state.bound.max(1) as f64 * 2.0).max(state.comparisons as f64 + 1.0);
    let x = |count: f64| PADDING + width * (count / most).min(1.0);
    let y = PADDING + 16.0;
    scene.rect(Key::NONE, PADDING, y, width, 8.0, palette.faint);
    let over = state.comparisons > state.bound;
    let fill = if over {
        palette.compared
    } else {
        palette.waiting
    };
    scene.rect(
        Key::of(ROLE_GAUGE, 0),
        PADDING,
        y,
        x(state.comparisons as f64) - PADDING,
        8.0,
        fill,
    );
    let bound_x = x(state.bound as f64);
    scene.push(Shape::Line {
        key: Key::of(ROLE_GAUGE, 1),
        from: (bound_x, y - 4.0),
        to: (bound_x, y + 12.0),
        width: 2.0,
        color: palette.ink,
        arrow: false,
    });
    scene.text(
        Key::NONE,
        (PADDING, PADDING + 4.0),
        format!(
            "{} comparisons · ⌈log2 {}!⌉ = {} (the line)",
            state.comparisons,
            state.values.len(),
            state.bound
        ),
        TextStyle::centered(TextSize::Small, palette.muted).aligned(Align::Start),
    );
}

/// The bars in their arrangement, each labelled with its value and its item number.
fn draw_bars(scene: &mut Scene, state: &State, frame: &Frame, top: f64, bottom: f64) {
    let palette = frame.palette;
    let layout = Layout::new(state, frame, top, bottom);
    let labelled = layout.slot >= 16.0;
    for (position, &item) in state.order.iter().enumerate() {
        let value = state.values[item as usize];
        let bar = layout.bar(position, value);
        scene.rect(
            Key::of(ROLE_BAR, item as usize),
            bar.x,
            bar.y,
            bar.width,
            bar.height,
            colour(state, item, frame),
        );
        if labelled {
            let middle = bar.x + bar.width / 2.0;
            scene.text(
                Key::of(ROLE_VALUE, item as usize),
                (middle, bar.y - 9.0),
                format_number(value),
                TextStyle::centered(TextSize::Small, palette.ink),
            );
            scene.text(
                Key::of(ROLE_ITEM, item as usize),
                (middle, layout.bottom + 10.0),
                format!("#{}", item + 1),
                TextStyle::centered(TextSize::Small, palette.muted),
            );
        }
    }
}

/// The orders still possible, one cell each (labelled while they fit), the ones the last
/// answer ruled out marked.
/// The grid of orders: its columns, its cells' size, and where it is drawn.
struct OrdersGrid {
    columns: usize,
    cell_width: f64,
    cell_height: f64,
    bounds: Bounds,
}

impl OrdersGrid {
    fn new(state: &State, frame: &Frame) -> OrdersGrid {
        let count = state.orders.len().max(1);
        let area = orders_area(frame);
        let columns =
            ((count as f64 * area.width / area.height).sqrt().ceil() as usize).clamp(1, count);
        let rows = count.div_ceil(columns);
        let cell_width = area.width / columns as f64;
        let cell_height = (area.height / rows as f64).min(cell_width.max(14.0));
        OrdersGrid {
            columns,
            cell_width,
            cell_height,
            bounds: Bounds::new(area.x, area.y, area.width, rows as f64 * cell_height),
        }
    }
}

fn draw_orders(scene: &mut Scene, state: &State, frame: &Frame) {
    let palette = frame.palette;
    let OrdersGrid {
        columns,
        cell_width,
        cell_height,
        bounds: area,
    } = OrdersGrid::new(state, frame);
    let n = state.values.len();
    // A label "2<1<3" has 2n − 1 characters of about 6.6 px at the small size.
    let labelled =
        cell_width >= 6.6 * (2 * n).saturating_sub(1) as f64 + 6.0 && cell_height >= 14.0;
    let left = state.ruled_out.iter().filter(|&&ruled| ruled == 0).count();
    scene.text(
        Key::NONE,
        (PADDING, PADDING + 4.0),
        format!(
            "{left} of {} orders still possible after {} question{} · ⌈log2 {n}!⌉ = {}",
            state.orders.len(),
            state.asks,
            if state.asks == 1 { "" } else { "s" },
            state.bound
        ),
        TextStyle::centered(TextSize::Small, palette.muted).aligned(Align::Start),
    );
    for (index, (order, &ruled)) in state.orders.iter().zip(&state.ruled_out).enumerate() {
        let (row, column) = (index / columns, index % columns);
        let x = area.x + column as f64 * cell_width;
        let y = area.y + row as f64 * cell_height;
        let fill = match ruled {
            // Resolved only when the questions have pinned down one order.
            0 if state.finished && left == 1 => palette.resolved,
            0 => palette.waiting,
            step if step == state.asks => palette.compared,
            _ => palette.faint,
        };
        scene.rect(
            Key::of(ROLE_ORDER, index),
            x + 1.0,
            y + 1.0,
            (cell_width - 2.0).max(1.0),
            (cell_height - 2.0).max(1.0),
            fill,
        );
        if labelled {
            // The items from smallest to largest in this order: "2<1<3".
            let mut items: Vec<usize> = (0..n).collect();
            items.sort_by_key(|&item| order[item]);
            let text: Vec<String> = items.iter().map(|item| (item + 1).to_string()).collect();
            let ink = if ruled == 0 {
                Color::hex(0xFFFFFF)
            } else {
                palette.muted
            };
            scene.text(
                Key::NONE,
                (x + cell_width / 2.0, y + cell_height / 2.0),
                text.join("<"),
                TextStyle::centered(TextSize::Small, ink),
            );
        }
    }
}

/// Where the grid of orders goes.
fn orders_area(frame: &Frame) -> Bounds {
    let top = PADDING + 18.0;
    Bounds::new(
        PADDING,
        top,
        frame.width - 2.0 * PADDING,
        (frame.height - top - PADDING).max(20.0),
    )
}

/// Radix sort: the array row on top, the ten buckets under it, each a column of chips.
fn draw_radix(scene: &mut Scene, state: &State, frame: &Frame) {
    let palette = frame.palette;
    let n = state.values.len().max(1);
    let width = frame.width - 2.0 * PADDING;
    let chip = within(width / n as f64, 6.0, 44.0).min(width / 10.0 - 4.0);
    let chip_height = 20.0_f64.min(chip.max(8.0));
    let labelled = chip >= 22.0;
    let array_y = PADDING + 22.0;
    scene.text(
        Key::NONE,
        (PADDING, PADDING + 4.0),
        if state.finished {
            format!("sorted in {} passes · 0 comparisons", state.passes)
        } else {
            format!(
                "pass {} · digit: {} · 0 comparisons",
                state.passes + 1,
                super::narrate::place_name(state.passes)
            )
        },
        TextStyle::centered(TextSize::Small, palette.muted).aligned(Align::Start),
    );
    let chip_at = |scene: &mut Scene, item: u32, x: f64, y: f64, fill: Color| {
        scene.rect(
            Key::of(ROLE_BAR, item as usize),
            x,
            y,
            chip - 2.0,
            chip_height,
            fill,
        );
        if labelled {
            scene.text(
                Key::of(ROLE_VALUE, item as usize),
                (x + (chip - 2.0) / 2.0, y + chip_height / 2.0),
                format_number(state.values[item as usize]),
                TextStyle::centered(TextSize::Small, palette.ink),
            );
        }
    };
    let done = if state.finished {
        palette.resolved
    } else {
        palette.idle
    };
    for (position, &item) in state.order.iter().enumerate() {
        let fill = if position == 0 && !state.finished {
            palette.current
        } else {
            done
        };
        chip_at(scene, item, PADDING + position as f64 * chip, array_y, fill);
    }
    let bucket_width = width / 10.0;
    let buckets_y = array_y + chip_height + 28.0;
    for (digit, bucket) in state.buckets.iter().enumerate() {
        let x = PADDING + digit as f64 * bucket_width;
        scene.push(Shape::Rect {
            key: Key::of(ROLE_BUCKET, digit),
            x: x + 2.0,
            y: buckets_y,
            width: bucket_width - 4.0,
            height: (frame.height - buckets_y - PADDING).max(20.0),
            radius: 4.0,
            fill: None,
            stroke: Some(palette.faint),
        });
        scene.text(
            Key::NONE,
            (x + bucket_width / 2.0, buckets_y - 9.0),
            digit.to_string(),
            TextStyle::centered(TextSize::Small, palette.muted),
        );
        for (depth, &item) in bucket.iter().enumerate() {
            let y = buckets_y + 4.0 + depth as f64 * (chip_height + 2.0);
            chip_at(
                scene,
                item,
                x + (bucket_width - chip) / 2.0 + 1.0,
                y,
                palette.waiting,
            );
        }
    }
}

/// The bars' band: under the gauge.
fn bars_band(frame: &Frame) -> (f64, f64) {
    (PADDING + GAUGE, frame.height - PADDING)
}

/// Draws `state`.
pub fn draw(state: &State, last: Option<&Event>, frame: &Frame) -> Scene {
    let mut scene = Scene::new(frame);
    if state.values.is_empty() {
        scene.text(
            Key::NONE,
            (frame.width / 2.0, frame.height / 2.0),
            "Nothing to sort: 0 items, 0 comparisons.",
            TextStyle::centered(TextSize::Body, frame.palette.muted),
        );
        return scene;
    }
    match state.options.method {
        Method::Adversary => draw_orders(&mut scene, state, frame),
        Method::Network => super::view_network::draw(&mut scene, state, last, frame),
        Method::Radix => draw_radix(&mut scene, state, frame),
        _ => {
            draw_gauge(&mut scene, state, frame);
            let (top, bottom) = bars_band(frame);
            draw_bars(&mut scene, state, frame, top, bottom);
        }
    }
    scene
}

/// Where `item` is drawn.
pub fn place(state: &State, frame: &Frame, item: Item) -> Option<Bounds> {
    match (item.part, state.options.method) {
        (ORDERS, Method::Adversary) => Some(OrdersGrid::new(state, frame).bounds),
        (BARS, Method::Radix) => {
            let n = state.values.len().max(1);
            let width = frame.width - 2.0 * PADDING;
            let chip = within(width / n as f64, 6.0, 44.0).min(width / 10.0 - 4.0);
            (item.column < state.order.len()).then(|| {
                Bounds::new(
                    PADDING + item.column as f64 * chip,
                    PADDING + 22.0,
                    chip - 2.0,
                    20.0_f64.min(chip.max(8.0)),
                )
            })
        }
        (BARS, Method::MergeInsertion | Method::Merge | Method::BinaryInsertion) => {
            let &element = state.order.get(item.column)?;
            let (top, bottom) = bars_band(frame);
            let layout = Layout::new(state, frame, top, bottom);
            Some(layout.bar(item.column, state.values[element as usize]))
        }
        _ => None,
    }
}

impl Draw for Sorting {
    fn view(state: &State, last: Option<&Event>, frame: &Frame) -> Scene {
        draw(state, last, frame)
    }

    fn place(state: &State, frame: &Frame, item: Item) -> Option<Bounds> {
        place(state, frame, item)
    }
}
