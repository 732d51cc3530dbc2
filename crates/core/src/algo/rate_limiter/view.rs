//! Draws a limiter's state: the requests on a time axis (allowed ●, rejected ✕, delayed ○ with
//! a line to the moment it leaves ■, not yet arrived ·), the current request ringed, what the
//! method is looking at shaded on the axis (the fixed window, the sliding window, the weighted
//! previous window), and under the axis the method's memory: its counter, the log's
//! timestamps, the two counts, the bucket's tokens, the queue's waiting requests.
//!
//! Requests at nearly the same time stack upwards, so a burst is a column. This module draws
//! the time axis and places the parts; the memory panel under it is [`super::view_memory`].

use super::text::short;
use super::view_memory::draw_memory;
use super::{Event, Fate, Memory, State};
use crate::algorithm::{Draw, Item};
use crate::scene::{within, Align, Bounds, Color, Frame, Key, Scene, Shape, TextSize, TextStyle};

/// The margin around the picture.
pub(super) const PADDING: f64 = 16.0;
const AXIS_TOP: f64 = 34.0;
/// Marks closer than this (in pixels) stack.
const STACK_GAP: f64 = 7.0;
const ROW: f64 = 9.0;

/// The parts questions name (see [`place`]): a request's mark, `(REQUESTS, index)`, and the
/// method's memory under the axis, `(MEMORY, 0)`.
pub(super) const REQUESTS: u8 = 0;
/// The method's memory panel.
pub(super) const MEMORY: u8 = 1;

// The roles of keyed shapes, one key space for the axis and the memory panel.
const ROLE_MARK: u16 = 1;
const ROLE_CROSS: u16 = 2;
const ROLE_DELAY: u16 = 3;
const ROLE_RELEASE: u16 = 4;
const ROLE_BAND: u16 = 5;
const ROLE_CURSOR: u16 = 6;
/// A memory slot (a counted request, a logged or queued time).
pub(super) const ROLE_SLOT: u16 = 7;
/// A memory slot's label, and the count past the slots drawn.
pub(super) const ROLE_SLOT_TEXT: u16 = 8;
/// The gauges of the sliding-window estimate and the bucket's tokens.
pub(super) const ROLE_GAUGE: u16 = 9;
/// The memory's caption, the decision in words and the legend.
pub(super) const ROLE_TEXT: u16 = 10;
const ROLE_EDGE: u16 = 11;
const ROLE_TICK: u16 = 12;
const ROLE_LEVEL: u16 = 13;

/// The picture's geometry.
struct Layout {
    left: f64,
    width: f64,
    axis_y: f64,
    horizon: f64,
    panel_y: f64,
}

impl Layout {
    fn new(state: &State, frame: &Frame) -> Layout {
        // Half way down, leaving room for the memory panel; never above the marks' first rows.
        let axis_y = (frame.height * 0.5)
            .min(frame.height - 110.0)
            .max(AXIS_TOP + 40.0);
        Layout {
            left: PADDING + 4.0,
            width: (frame.width - 2.0 * PADDING - 8.0).max(10.0),
            axis_y,
            horizon: state.horizon,
            panel_y: axis_y + 36.0,
        }
    }

    fn x(&self, time: f64) -> f64 {
        self.left + within(time / self.horizon, 0.0, 1.0) * self.width
    }

    /// The y of a mark `level` rows above the axis.
    fn y(&self, level: usize) -> f64 {
        self.axis_y - 8.0 - level as f64 * ROW
    }

    /// How many rows of marks fit above the axis.
    fn rows(&self) -> usize {
        ((self.axis_y - 8.0 - AXIS_TOP) / ROW).floor().max(1.0) as usize
    }
}

/// Each request's row: requests closer than [`STACK_GAP`] pixels stack upwards.
fn levels(state: &State, layout: &Layout) -> Vec<usize> {
    let mut levels = Vec::with_capacity(state.times.len());
    let (mut group_x, mut level) = (f64::NEG_INFINITY, 0);
    for &time in &state.times {
        let x = layout.x(time);
        if x - group_x < STACK_GAP {
            level = (level + 1).min(layout.rows() - 1);
        } else {
            group_x = x;
            level = 0;
        }
        levels.push(level);
    }
    levels
}

fn dot(
    scene: &mut Scene,
    key: Key,
    center: (f64, f64),
    radius: f64,
    fill: Option<Color>,
    stroke: Option<Color>,
) {
    scene.push(Shape::Rect {
        key,
        x: center.0 - radius,
        y: center.1 - radius,
        width: 2.0 * radius,
        height: 2.0 * radius,
        radius,
        fill,
        stroke,
    });
}

/// A straight line without an arrow.
pub(super) fn line(
    scene: &mut Scene,
    key: Key,
    from: (f64, f64),
    to: (f64, f64),
    width: f64,
    color: Color,
) {
    scene.push(Shape::Line {
        key,
        from,
        to,
        width,
        color,
        arrow: false,
    });
}

fn band(scene: &mut Scene, key: Key, layout: &Layout, from: f64, to: f64, fill: Color) {
    let (x0, x1) = (layout.x(from), layout.x(to));
    scene.push(Shape::Rect {
        key,
        x: x0,
        y: AXIS_TOP - 4.0,
        width: (x1 - x0).max(1.0),
        height: layout.axis_y - AXIS_TOP + 4.0,
        radius: 3.0,
        fill: Some(fill),
        stroke: None,
    });
}

/// The shaded spans on the axis: what the method counts at this moment.
fn draw_bands(scene: &mut Scene, state: &State, layout: &Layout, frame: &Frame) {
    let palette = frame.palette;
    let window = state.options.params.window;
    let Some(current) = state.current else {
        return;
    };
    let now = state.times[current];
    // The window `[k·w, (k+1)·w)` the request falls in.
    let current_window = |scene: &mut Scene, index: f64| {
        band(
            scene,
            Key::of(ROLE_BAND, 0),
            layout,
            index * window,
            (index + 1.0) * window,
            palette.waiting.with_alpha(0.14),
        )
    };
    match state.memory {
        Memory::Fixed {
            window: Some(index),
            ..
        } => current_window(scene, index),
        Memory::Log { .. } => band(
            scene,
            Key::of(ROLE_BAND, 0),
            layout,
            now - window,
            now,
            palette.waiting.with_alpha(0.14),
        ),
        Memory::Counter {
            window: Some(index),
            ..
        } => {
            let elapsed = now - index * window;
            let weight = within((window - elapsed) / window, 0.0, 1.0);
            band(
                scene,
                Key::of(ROLE_BAND, 1),
                layout,
                (index - 1.0) * window,
                index * window,
                palette.accent.with_alpha(0.08 + 0.3 * weight),
            );
            current_window(scene, index);
            // The sliding window the estimate stands for.
            let (x0, x1) = (layout.x(now - window), layout.x(now));
            scene.push(Shape::Rect {
                key: Key::of(ROLE_BAND, 2),
                x: x0,
                y: AXIS_TOP - 6.0,
                width: (x1 - x0).max(1.0),
                height: layout.axis_y - AXIS_TOP + 8.0,
                radius: 3.0,
                fill: None,
                stroke: Some(palette.muted),
            });
        }
        _ => {}
    }
}

/// The token bucket's level over time, over the axis band: it climbs at `rate` between
/// requests (flat once full) and drops by one at each allowed request.
fn draw_levels(scene: &mut Scene, state: &State, layout: &Layout, frame: &Frame) {
    if state.levels.is_empty() {
        return;
    }
    let params = state.options.params;
    let capacity = params.limit as f64;
    let height = layout.axis_y - 6.0 - AXIS_TOP;
    let y = |tokens: f64| layout.axis_y - 6.0 - within(tokens / capacity, 0.0, 1.0) * height;
    let mut points = vec![(layout.x(0.0), y(capacity))];
    let (mut time, mut tokens) = (0.0, capacity);
    for level in &state.levels {
        let full_at = time + (capacity - tokens) / params.rate;
        if full_at < level.time {
            points.push((layout.x(full_at), y(capacity)));
        }
        points.push((layout.x(level.time), y(level.arrival)));
        points.push((layout.x(level.time), y(level.after)));
        (time, tokens) = (level.time, level.after);
    }
    scene.push(Shape::Polyline {
        key: Key::of(ROLE_LEVEL, 0),
        points,
        fill: None,
        stroke: Some(frame.palette.resolved.with_alpha(0.55)),
        width: 1.5,
    });
    scene.text(
        Key::of(ROLE_LEVEL, 1),
        // Under the full line, clear of the cursor's label above the band.
        (layout.left + 4.0, AXIS_TOP + 9.0),
        format!("tokens (0 to {})", params.limit),
        TextStyle::centered(TextSize::Small, frame.palette.muted).aligned(Align::Start),
    );
}

/// The axis, window edges and time labels.
fn draw_axis(scene: &mut Scene, state: &State, layout: &Layout, frame: &Frame) {
    let palette = frame.palette;
    let window = state.options.params.window;
    let right = layout.left + layout.width;
    line(
        scene,
        Key::of(ROLE_EDGE, 0),
        (layout.left, layout.axis_y),
        (right, layout.axis_y),
        1.0,
        palette.muted,
    );
    let edges = (layout.horizon / window).ceil();
    let label = TextStyle::centered(TextSize::Small, palette.muted);
    if state.options.method.uses_window() && edges <= 60.0 {
        for k in 0..=edges as usize {
            let x = layout.x(k as f64 * window);
            line(
                scene,
                Key::of(ROLE_EDGE, k + 1),
                (x, AXIS_TOP - 4.0),
                (x, layout.axis_y + 4.0),
                1.0,
                palette.faint,
            );
        }
    }
    // About one time label per 80 px, on a round step.
    let wanted = (layout.width / 80.0).max(1.0);
    let raw = layout.horizon / wanted;
    // The smallest of 1, 2, 5 × 10^k (k ≥ −3) at least `raw`.
    let mut magnitude = 0.001;
    while magnitude * 10.0 <= raw {
        magnitude *= 10.0;
    }
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|factor| factor * magnitude)
        .find(|step| *step >= raw)
        .unwrap_or(10.0 * magnitude);
    let mut tick = 0usize;
    while (tick as f64) * step <= layout.horizon * 1.0001 && tick <= 40 {
        let time = tick as f64 * step;
        let x = layout.x(time);
        line(
            scene,
            Key::of(ROLE_TICK, tick),
            (x, layout.axis_y),
            (x, layout.axis_y + 4.0),
            1.0,
            palette.muted,
        );
        scene.text(
            Key::of(ROLE_TICK, 1000 + tick),
            (x, layout.axis_y + 13.0),
            short(time),
            label,
        );
        tick += 1;
    }
}

/// Every request's mark.
fn draw_requests(scene: &mut Scene, state: &State, layout: &Layout, frame: &Frame) {
    let palette = frame.palette;
    let levels = levels(state, layout);
    for (index, (&time, decided)) in state.times.iter().zip(&state.decided).enumerate() {
        let center = (layout.x(time), layout.y(levels[index]));
        match *decided {
            Fate::Pending => dot(
                scene,
                Key::of(ROLE_MARK, index),
                center,
                2.5,
                Some(palette.idle),
                None,
            ),
            Fate::Rejected => {
                let size = 3.5;
                for (part, (dx, dy)) in [(1.0, 1.0), (1.0, -1.0)].into_iter().enumerate() {
                    line(
                        scene,
                        Key::of(ROLE_CROSS, 2 * index + part),
                        (center.0 - size * dx, center.1 - size * dy),
                        (center.0 + size * dx, center.1 + size * dy),
                        2.0,
                        palette.compared,
                    );
                }
            }
            Fate::Allowed(release) if release > time => {
                // The line runs down to the axis at the moment the request leaves.
                let end = (layout.x(release), layout.axis_y - 3.0);
                line(
                    scene,
                    Key::of(ROLE_DELAY, index),
                    (center.0, center.1 + 3.5),
                    end,
                    1.5,
                    palette.waiting.with_alpha(0.7),
                );
                scene.rect(
                    Key::of(ROLE_RELEASE, index),
                    end.0 - 3.0,
                    end.1 - 3.0,
                    6.0,
                    6.0,
                    palette.waiting,
                );
                dot(
                    scene,
                    Key::of(ROLE_MARK, index),
                    center,
                    3.5,
                    None,
                    Some(palette.resolved),
                );
            }
            Fate::Allowed(_) => dot(
                scene,
                Key::of(ROLE_MARK, index),
                center,
                4.0,
                Some(palette.resolved),
                None,
            ),
        }
    }
    if let Some(current) = state.current {
        let center = (layout.x(state.times[current]), layout.y(levels[current]));
        line(
            scene,
            Key::of(ROLE_CURSOR, 0),
            (center.0, AXIS_TOP - 8.0),
            (center.0, layout.axis_y),
            1.0,
            palette.current.with_alpha(0.6),
        );
        dot(
            scene,
            Key::of(ROLE_CURSOR, 1),
            center,
            7.5,
            None,
            Some(palette.current),
        );
        let align = if center.0 > layout.left + layout.width * 0.8 {
            Align::End
        } else {
            Align::Center
        };
        scene.text(
            Key::of(ROLE_CURSOR, 2),
            (center.0, AXIS_TOP - 16.0),
            format!("t={}", short(state.times[current])),
            TextStyle::centered(TextSize::Small, palette.ink)
                .bold()
                .aligned(align),
        );
    }
}

fn draw(state: &State, last: Option<&Event>, frame: &Frame) -> Scene {
    let mut scene = Scene::new(frame);
    let layout = Layout::new(state, frame);
    if state.times.is_empty() {
        scene.text(
            Key::NONE,
            (frame.width / 2.0, frame.height / 2.0),
            "No requests",
            TextStyle::centered(TextSize::Body, frame.palette.muted),
        );
        return scene;
    }
    draw_bands(&mut scene, state, &layout, frame);
    draw_axis(&mut scene, state, &layout, frame);
    draw_levels(&mut scene, state, &layout, frame);
    draw_requests(&mut scene, state, &layout, frame);
    draw_memory(&mut scene, state, last, layout.panel_y, frame);
    scene
}

/// The request nearest to `x` on the axis band, as (0, the step that decides it).
fn locate(state: &State, frame: &Frame, x: f64, y: f64) -> Option<(usize, usize)> {
    let layout = Layout::new(state, frame);
    if state.times.is_empty() || y < AXIS_TOP - 20.0 || y > layout.axis_y + 20.0 {
        return None;
    }
    let nearest = state
        .times
        .iter()
        .enumerate()
        .map(|(index, &time)| (index, (layout.x(time) - x).abs()))
        .min_by(|a, b| a.1.total_cmp(&b.1))?;
    Some((0, nearest.0 + 1))
}

/// Where a question's item is drawn: `(REQUESTS, index)` is request `index`'s mark,
/// `(MEMORY, 0)` the panel showing the method's memory.
fn place(state: &State, frame: &Frame, item: Item) -> Option<Bounds> {
    let layout = Layout::new(state, frame);
    match item.part {
        REQUESTS => {
            let time = *state.times.get(item.column)?;
            let level = levels(state, &layout)[item.column];
            Some(Bounds::around(layout.x(time), layout.y(level), 5.0))
        }
        MEMORY => Some(Bounds::new(
            PADDING - 4.0,
            layout.panel_y - 10.0,
            frame.width - 2.0 * PADDING + 8.0,
            within(frame.height - layout.panel_y - 4.0, 20.0, 84.0),
        )),
        _ => None,
    }
}

impl Draw for super::RateLimiter {
    fn view(state: &State, last: Option<&Event>, frame: &Frame) -> Scene {
        draw(state, last, frame)
    }

    fn locate(state: &State, frame: &Frame, x: f64, y: f64) -> Option<(usize, usize)> {
        locate(state, frame, x, y)
    }

    fn place(state: &State, frame: &Frame, item: Item) -> Option<Bounds> {
        place(state, frame, item)
    }
}
