//! Draws a limiter's memory, the panel under the time axis: the fixed window's counter, the
//! log's timestamps, the sliding window's two counts weighed into an estimate, the bucket's
//! tokens, the queue's waiting requests, then the decision in words and what the marks mean.

use super::text::{short, window_text};
use super::view::{line, PADDING, ROLE_GAUGE, ROLE_SLOT, ROLE_SLOT_TEXT, ROLE_TEXT};
use super::{Event, Fate, Memory, State};
use crate::scene::{within, Align, Color, Frame, Key, Scene, Shape, TextSize, TextStyle};

/// The most memory slots drawn one by one.
const MAX_SLOTS: usize = 12;

/// A row of slots, `filled` of them labelled, the rest empty, up to [`MAX_SLOTS`] drawn.
fn draw_slots(
    scene: &mut Scene,
    frame: &Frame,
    origin: (f64, f64),
    total: u64,
    filled: &[String],
    fill: Color,
) -> f64 {
    let palette = frame.palette;
    let shown = (total as usize).min(MAX_SLOTS);
    let available = frame.width - origin.0 - PADDING;
    let slot = within(available / shown.max(1) as f64, 14.0, 52.0);
    for at in 0..shown {
        let x = origin.0 + at as f64 * slot;
        let label = filled.get(at);
        scene.push(Shape::Rect {
            key: Key::of(ROLE_SLOT, at),
            x,
            y: origin.1,
            width: slot - 4.0,
            height: 22.0,
            radius: 4.0,
            fill: label.map(|_| fill),
            stroke: Some(palette.faint),
        });
        if let Some(label) = label.filter(|_| slot >= 36.0) {
            scene.text(
                Key::of(ROLE_SLOT_TEXT, at),
                (x + (slot - 4.0) / 2.0, origin.1 + 11.0),
                label.clone(),
                TextStyle::centered(TextSize::Small, palette.background).bold(),
            );
        }
    }
    let mut end = origin.0 + shown as f64 * slot;
    if total as usize > shown {
        scene.text(
            Key::of(ROLE_SLOT_TEXT, MAX_SLOTS),
            (end + 2.0, origin.1 + 11.0),
            format!("… {total} in all"),
            TextStyle::centered(TextSize::Small, palette.muted).aligned(Align::Start),
        );
        end += 60.0;
    }
    end
}

/// The threshold on a gauge (the limit, one token): a tick across it at `x`.
fn gauge_mark(scene: &mut Scene, x: f64, y: f64, color: Color) {
    line(
        scene,
        Key::of(ROLE_GAUGE, 2),
        (x, y - 4.0),
        (x, y + 26.0),
        2.0,
        color,
    );
}

/// The method's memory, under the axis, its caption at `panel_y`.
pub(super) fn draw_memory(
    scene: &mut Scene,
    state: &State,
    last: Option<&Event>,
    panel_y: f64,
    frame: &Frame,
) {
    let palette = frame.palette;
    let params = state.options.params;
    let limit = params.limit;
    let label = TextStyle::centered(TextSize::Body, palette.ink).aligned(Align::Start);
    let left = PADDING;
    let y = panel_y;
    let times_of = |indices: &[usize], release: bool| -> Vec<String> {
        indices
            .iter()
            .map(|&index| match state.decided[index] {
                Fate::Allowed(out) if release => short(out),
                _ => short(state.times[index]),
            })
            .collect()
    };
    let caption = |scene: &mut Scene, at: usize, text: String| {
        scene.text(Key::of(ROLE_TEXT, at), (left, y), text, label);
    };
    let slots_left = left;
    // The slots and gauges sit under the caption.
    let y = y + 14.0;
    match state.memory {
        Memory::Fixed { window, count } => {
            let span = window.map_or("no window yet".to_string(), |index| {
                format!("window {}", window_text(index, params.window))
            });
            caption(scene, 0, format!("{span}: {count} of {limit}"));
            let filled = vec![String::new(); count as usize];
            draw_slots(
                scene,
                frame,
                (slots_left, y),
                limit,
                &filled,
                palette.waiting,
            );
        }
        Memory::Log { entries } => {
            caption(scene, 0, format!("log: {entries} of {limit}"));
            let stored = &state.admitted[state.admitted.len() - entries..];
            draw_slots(
                scene,
                frame,
                (slots_left, y),
                limit,
                &times_of(stored, false),
                palette.waiting,
            );
        }
        Memory::Counter {
            window,
            previous,
            current,
        } => {
            let weight = match (window, state.current) {
                (Some(index), Some(now)) => {
                    (params.window - (state.times[now] - index * params.window)) / params.window
                }
                _ => 0.0,
            };
            let estimate = last.map_or(0.0, |event| event.measure);
            caption(
                scene,
                0,
                format!(
                    "prev {previous} × {} + curr {} = {}",
                    short(weight),
                    current - last.map_or(0, |event| event.allowed() as u64),
                    short(estimate)
                ),
            );
            // The estimate as a bar against the limit.
            let gauge_left = slots_left;
            let gauge_width = within(frame.width - gauge_left - PADDING, 40.0, 320.0);
            let scale = gauge_width / (limit as f64 * 1.5);
            let weighted = previous as f64 * within(weight, 0.0, 1.0);
            scene.rect(
                Key::of(ROLE_GAUGE, 0),
                gauge_left,
                y,
                (weighted * scale).min(gauge_width),
                22.0,
                palette.accent,
            );
            scene.rect(
                Key::of(ROLE_GAUGE, 1),
                gauge_left + (weighted * scale).min(gauge_width),
                y,
                (current as f64 * scale).min(gauge_width),
                22.0,
                palette.waiting,
            );
            gauge_mark(scene, gauge_left + limit as f64 * scale, y, palette.ink);
        }
        Memory::Bucket { tokens, .. } => {
            caption(scene, 0, format!("tokens: {} of {limit}", short(tokens)));
            let gauge_left = slots_left;
            let gauge_width = within(frame.width - gauge_left - PADDING, 40.0, 320.0);
            let scale = gauge_width / limit as f64;
            scene.push(Shape::Rect {
                key: Key::of(ROLE_GAUGE, 3),
                x: gauge_left,
                y,
                width: gauge_width,
                height: 22.0,
                radius: 4.0,
                fill: None,
                stroke: Some(palette.faint),
            });
            // The level on arrival, after the refill: the outline the spent token leaves.
            if let Some(event) = last {
                scene.push(Shape::Rect {
                    key: Key::of(ROLE_GAUGE, 4),
                    x: gauge_left,
                    y,
                    width: (event.measure * scale).min(gauge_width),
                    height: 22.0,
                    radius: 4.0,
                    fill: Some(palette.resolved.with_alpha(0.25)),
                    stroke: None,
                });
            }
            scene.rect(
                Key::of(ROLE_GAUGE, 0),
                gauge_left,
                y,
                within(tokens * scale, 0.0, gauge_width),
                22.0,
                palette.resolved,
            );
            // One token: what a request needs.
            gauge_mark(scene, gauge_left + scale, y, palette.ink);
        }
        Memory::Queue {
            waiting,
            last_release,
        } => {
            let next = last_release.map_or(String::new(), |release| {
                format!(", last leaves at {}", short(release))
            });
            caption(scene, 0, format!("queue: {waiting} of {limit}{next}"));
            let queued = &state.admitted[state.admitted.len() - waiting..];
            draw_slots(
                scene,
                frame,
                (slots_left, y),
                limit,
                &times_of(queued, true),
                palette.waiting,
            );
        }
    }
    // What the marks mean, on the decision's line where there is room for both.
    let legend = if matches!(state.memory, Memory::Queue { .. }) {
        "● allowed  ○→■ queued, leaves  ✕ rejected"
    } else {
        "● allowed  ✕ rejected  · to come"
    };
    if frame.width >= 560.0 {
        scene.text(
            Key::of(ROLE_TEXT, 2),
            (frame.width - PADDING, y + 40.0),
            legend,
            TextStyle::centered(TextSize::Small, palette.muted).aligned(Align::End),
        );
    }
    // The decision in words, under the memory.
    if let Some(event) = last {
        let (text, color) = match event.release {
            None => ("rejected".to_string(), palette.compared),
            Some(release) if release > event.time => {
                (format!("queued until {}", short(release)), palette.waiting)
            }
            Some(_) => ("allowed".to_string(), palette.resolved),
        };
        scene.text(
            Key::of(ROLE_TEXT, 1),
            (left, y + 40.0),
            format!("t={}: {text}", short(event.time)),
            TextStyle::centered(TextSize::Body, color)
                .bold()
                .aligned(Align::Start),
        );
    }
}
