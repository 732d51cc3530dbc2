//! Draws a ROC state: the scores on an axis (dots for small sets, mirrored histograms for large
//! ones) with the threshold line, the confusion matrix with the Type I/II cells named, and the
//! curve growing in its unit square with the last trapezoid shaded and the running AUC.
//!
//! This module lays the three panels out and draws the scores and the matrix; the curve's panel
//! is [`super::view_curve`].

use super::text::format_count;
use super::view_curve::draw_plot;
use super::{Event, State};
use crate::algorithm::Item;
use crate::format::{format_fixed, format_number};
use crate::scene::{within, Align, Bounds, Color, Frame, Key, Scene, Shape, TextSize, TextStyle};

const PADDING: f64 = 16.0;
/// The room for a panel's title above it.
pub(super) const TITLE: f64 = 20.0;
const DOT_LIMIT: usize = 240;
const BINS: usize = 40;

/// The parts questions name (see [`place`]): a sample's score on the axis, `(SCORES, index)`,
/// and the confusion matrix, `(MATRIX, 0)`.
pub(super) const SCORES: u8 = 0;
/// The confusion matrix.
pub(super) const MATRIX: u8 = 1;

// The roles of keyed shapes, one key space for the three panels.
const ROLE_THRESHOLD: u16 = 1;
/// The curve's current point.
pub(super) const ROLE_POINT: u16 = 2;
const ROLE_THRESHOLD_LABEL: u16 = 3;

/// Where the three panels sit.
struct Layout {
    scores: (f64, f64, f64, f64),
    matrix: (f64, f64, f64, f64),
    plot: (f64, f64, f64),
}

impl Layout {
    fn new(frame: &Frame) -> Layout {
        let (width, height) = (frame.width, frame.height);
        if width >= 640.0 {
            let side = (height - 2.0 * PADDING - TITLE - 18.0)
                .min(width * 0.36)
                .max(40.0);
            let left_width = width - 3.0 * PADDING - side - 24.0;
            let scores_height = (height - 2.0 * PADDING) * 0.55;
            Layout {
                scores: (PADDING, PADDING + TITLE, left_width, scores_height - TITLE),
                matrix: (
                    PADDING + 60.0,
                    PADDING + scores_height + 18.0,
                    (left_width - 60.0).min(360.0),
                    height - 2.0 * PADDING - scores_height - 40.0,
                ),
                plot: (width - PADDING - side, PADDING + TITLE, side),
            }
        } else {
            // Narrow screens: scores, then the curve, then the matrix, one under another.
            let scores_height = height * 0.28;
            let plot_top = PADDING + scores_height + TITLE + 12.0;
            let side = (width - 2.0 * PADDING - 30.0).min(height * 0.38).max(40.0);
            let matrix_top = plot_top + side + 44.0;
            Layout {
                scores: (
                    PADDING,
                    PADDING + TITLE,
                    width - 2.0 * PADDING,
                    scores_height - TITLE,
                ),
                matrix: (
                    PADDING + 60.0,
                    matrix_top,
                    within(width - 2.0 * PADDING - 60.0, 40.0, 320.0),
                    (height - matrix_top - PADDING).max(40.0),
                ),
                plot: (PADDING + 30.0, plot_top, side),
            }
        }
    }
}

/// The score range drawn on the axis, with a little room at both ends.
fn score_range(state: &State) -> (f64, f64) {
    let high = state.samples.first().map_or(1.0, |sample| sample.score);
    let low = state.samples.last().map_or(0.0, |sample| sample.score);
    let pad = ((high - low) * 0.04).max(1e-9);
    (low - pad, high + pad)
}

/// The clock position at which the threshold reaches `score`: the number of distinct scores at
/// or above it (samples are sorted highest first; step k passes the k-th distinct score).
fn steps_down_to(state: &State, score: f64) -> usize {
    let passed = state
        .samples
        .partition_point(|sample| sample.score >= score);
    let prefix = &state.samples[..passed];
    let changes = prefix
        .windows(2)
        .filter(|pair| pair[0].score != pair[1].score)
        .count();
    changes + usize::from(passed > 0)
}

/// Draws `state`; `last` is the event just applied.
pub fn draw(state: &State, last: Option<&Event>, frame: &Frame) -> Scene {
    let mut scene = Scene::new(frame);
    let layout = Layout::new(frame);
    draw_scores(&mut scene, state, &layout, frame);
    draw_matrix(&mut scene, state, last, &layout, frame);
    draw_plot(&mut scene, state, layout.plot, frame);
    scene
}

/// `(0, step)`: the clock position whose threshold is under the pointer (on the score axis) or
/// whose curve point is nearest (in the plot).
pub fn locate(state: &State, frame: &Frame, x: f64, y: f64) -> Option<(usize, usize)> {
    let layout = Layout::new(frame);
    let (left, top, width, height) = layout.scores;
    if x >= left && x <= left + width && y >= top - TITLE && y <= top + height {
        let (low, high) = score_range(state);
        let score = low + (x - left) / width * (high - low);
        // Every distinct score at or above the pointer is passed.
        return Some((0, steps_down_to(state, score)));
    }
    let (plot_left, plot_top, side) = layout.plot;
    if x >= plot_left - 8.0
        && x <= plot_left + side + 8.0
        && y >= plot_top - 8.0
        && y <= plot_top + side + 8.0
    {
        let (positives, negatives) = state.totals;
        let (mut true_positives, mut false_positives) = (0.0, 0.0);
        let mut best = (0, f64::INFINITY);
        let mut index = 0;
        let mut step = 0;
        loop {
            let px = plot_left + false_positives / negatives * side;
            let py = plot_top + side - true_positives / positives * side;
            let distance = (px - x).powi(2) + (py - y).powi(2);
            if distance < best.1 {
                best = (step, distance);
            }
            if index >= state.samples.len() {
                break;
            }
            let score = state.samples[index].score;
            while index < state.samples.len() && state.samples[index].score == score {
                let sample = state.samples[index];
                if sample.positive {
                    true_positives += sample.weight;
                } else {
                    false_positives += sample.weight;
                }
                index += 1;
            }
            step += 1;
        }
        return Some((0, best.0));
    }
    None
}

fn class_colors(frame: &Frame) -> (Color, Color) {
    (frame.palette.waiting, frame.palette.current)
}

fn draw_scores(scene: &mut Scene, state: &State, layout: &Layout, frame: &Frame) {
    let palette = frame.palette;
    let (left, top, width, height) = layout.scores;
    let axis = top + height / 2.0;
    let (low, high) = score_range(state);
    let x_of = |score: f64| left + (score - low) / (high - low) * width;
    let threshold = state.threshold();
    let threshold_x = if threshold.is_finite() {
        x_of(threshold)
    } else {
        left + width
    };
    let [positive, negative] = &state.class_names;
    let title = TextStyle::centered(TextSize::Body, palette.ink)
        .bold()
        .aligned(Align::Start);
    scene.text(
        Key::NONE,
        (left, top - TITLE / 2.0 - 2.0),
        format!("scores · ● {positive} · ■ {negative}"),
        title,
    );
    // The predicted-positive side of the threshold.
    scene.rect(
        Key::of(ROLE_THRESHOLD, 1),
        threshold_x,
        top,
        (left + width - threshold_x).max(0.0),
        height,
        palette.resolved.with_alpha(0.10),
    );
    scene.push(Shape::Line {
        key: Key::NONE,
        from: (left, axis),
        to: (left + width, axis),
        width: 1.0,
        color: palette.muted,
        arrow: false,
    });
    let small = TextStyle::centered(TextSize::Small, palette.muted);
    scene.text(
        Key::NONE,
        (left, top + height + 8.0),
        format_number(low),
        small.aligned(Align::Start),
    );
    scene.text(
        Key::NONE,
        (left + width, top + height + 8.0),
        format_number(high),
        small.aligned(Align::End),
    );
    let (positive_color, negative_color) = class_colors(frame);
    let faded = |color: Color| color.mix(palette.background, 0.6);
    if state.samples.len() <= DOT_LIMIT {
        let size = within(height / 2.0 / 6.0, 4.0, 10.0);
        let mut stacks: Vec<(i64, usize)> = Vec::new();
        for sample in state.samples.iter() {
            let x = x_of(sample.score);
            let column = (x / size).round() as i64 * 2 + i64::from(sample.positive);
            let level = match stacks.iter_mut().find(|(key, _)| *key == column) {
                Some(entry) => {
                    entry.1 += 1;
                    entry.1
                }
                None => {
                    stacks.push((column, 0));
                    0
                }
            };
            let offset = size * 0.6 + level as f64 * (size + 1.0);
            let passed = sample.score >= threshold;
            let (y, color, radius) = if sample.positive {
                (axis - offset - size, positive_color, size / 2.0)
            } else {
                (axis + offset, negative_color, 1.0)
            };
            let fill = if passed { color } else { faded(color) };
            if y < top - 2.0 || y + size > top + height + 2.0 {
                continue;
            }
            scene.push(Shape::Rect {
                key: Key::NONE,
                x: x - size / 2.0,
                y,
                width: size,
                height: size,
                radius,
                fill: Some(fill),
                stroke: None,
            });
        }
    } else {
        let mut bins = [[0.0_f64; 2]; BINS];
        for sample in state.samples.iter() {
            let bin = (((sample.score - low) / (high - low) * BINS as f64) as usize).min(BINS - 1);
            bins[bin][usize::from(sample.positive)] += sample.weight;
        }
        let tallest = bins.iter().flatten().copied().fold(1.0, f64::max);
        let bin_width = width / BINS as f64;
        for (index, counts) in bins.iter().enumerate() {
            let x = left + index as f64 * bin_width;
            let passed = x + bin_width / 2.0 >= threshold_x;
            for (positive, count) in [(true, counts[1]), (false, counts[0])] {
                let bar = count / tallest * (height / 2.0 - 4.0);
                let color = if positive {
                    positive_color
                } else {
                    negative_color
                };
                let y = if positive { axis - bar } else { axis };
                scene.push(Shape::Rect {
                    key: Key::NONE,
                    x: x + 0.5,
                    y,
                    width: (bin_width - 1.0).max(0.5),
                    height: bar,
                    radius: 0.0,
                    fill: Some(if passed { color } else { faded(color) }),
                    stroke: None,
                });
            }
        }
    }
    scene.push(Shape::Line {
        key: Key::of(ROLE_THRESHOLD, 0),
        from: (threshold_x, top - 4.0),
        to: (threshold_x, top + height),
        width: 2.0,
        color: palette.ink,
        arrow: false,
    });
    let label = if threshold.is_finite() {
        format!("t = {}", format_number(threshold))
    } else {
        "t = +∞".to_string()
    };
    let align = if threshold_x > left + width - 60.0 {
        Align::End
    } else {
        Align::Start
    };
    let shift = if align == Align::End { -5.0 } else { 5.0 };
    scene.text(
        Key::of(ROLE_THRESHOLD_LABEL, 0),
        (threshold_x + shift, top + 6.0),
        label,
        TextStyle::centered(TextSize::Small, palette.ink)
            .bold()
            .aligned(align),
    );
}

fn draw_matrix(
    scene: &mut Scene,
    state: &State,
    last: Option<&Event>,
    layout: &Layout,
    frame: &Frame,
) {
    let palette = frame.palette;
    let (left, top, width, height) = layout.matrix;
    let [true_positives, false_positives, false_negatives, true_negatives] = state.confusion();
    let (gained_true, gained_false) = match last {
        Some(Event::Lower {
            true_before,
            false_before,
            ..
        }) => (
            state.true_positives - true_before > 0.0,
            state.false_positives - false_before > 0.0,
        ),
        None => (false, false),
    };
    let cell_width = width / 2.0;
    let cell_height = (height - 34.0).max(24.0) / 2.0;
    let small = TextStyle::centered(TextSize::Small, palette.muted);
    scene.text(
        Key::NONE,
        (left + cell_width / 2.0, top - 8.0),
        "actually +",
        small,
    );
    scene.text(
        Key::NONE,
        (left + cell_width * 1.5, top - 8.0),
        "actually −",
        small,
    );
    scene.text(
        Key::NONE,
        (left - 8.0, top + cell_height / 2.0),
        "flagged +",
        small.aligned(Align::End),
    );
    scene.text(
        Key::NONE,
        (left - 8.0, top + cell_height * 1.5),
        "flagged −",
        small.aligned(Align::End),
    );
    let cells = [
        (
            0,
            0,
            "TP",
            true_positives,
            "hit",
            gained_true,
            palette.resolved,
        ),
        (
            0,
            1,
            "FP",
            false_positives,
            "Type I: false alarm",
            gained_false,
            palette.compared,
        ),
        (
            1,
            0,
            "FN",
            false_negatives,
            "Type II: miss",
            gained_true,
            palette.compared,
        ),
        (
            1,
            1,
            "TN",
            true_negatives,
            "correct rejection",
            gained_false,
            palette.resolved,
        ),
    ];
    for (row, column, name, value, caption, changed, tone) in cells {
        let x = left + column as f64 * cell_width;
        let y = top + row as f64 * cell_height;
        scene.push(Shape::Rect {
            key: Key::NONE,
            x: x + 2.0,
            y: y + 2.0,
            width: cell_width - 4.0,
            height: cell_height - 4.0,
            radius: 6.0,
            fill: Some(tone.with_alpha(0.14)),
            stroke: Some(if changed {
                palette.current
            } else {
                tone.with_alpha(0.5)
            }),
        });
        scene.text(
            Key::NONE,
            (x + cell_width / 2.0, y + cell_height / 2.0 - 7.0),
            format!("{name} {}", format_count(value)),
            TextStyle::centered(TextSize::Body, palette.ink).bold(),
        );
        if cell_height >= 40.0 {
            scene.text(
                Key::NONE,
                (x + cell_width / 2.0, y + cell_height / 2.0 + 9.0),
                caption,
                TextStyle::centered(TextSize::Small, palette.muted),
            );
        }
    }
    let (positives, negatives) = state.totals;
    let flagged = true_positives + false_positives;
    let precision = if flagged > 0.0 {
        format_fixed(true_positives / flagged, 3)
    } else {
        "—".to_string()
    };
    scene.text(
        Key::NONE,
        (left, top + 2.0 * cell_height + 14.0),
        format!(
            "TPR {} · FPR {} · precision {precision}",
            format_fixed(true_positives / positives, 3),
            format_fixed(false_positives / negatives, 3)
        ),
        TextStyle::centered(TextSize::Body, palette.ink).aligned(Align::Start),
    );
}

/// Where a question's item is drawn: `(SCORES, index)` is the column of the score axis where
/// sample `index` (and every sample with its score) sits; `(MATRIX, 0)` the confusion matrix.
pub fn place(state: &State, frame: &Frame, item: Item) -> Option<Bounds> {
    let layout = Layout::new(frame);
    match item.part {
        SCORES => {
            let score = state.samples.get(item.column)?.score;
            let (left, top, width, height) = layout.scores;
            let (low, high) = score_range(state);
            let x = left + (score - low) / (high - low) * width;
            Some(Bounds::new(x - 6.0, top, 12.0, height))
        }
        MATRIX => {
            let (left, top, width, height) = layout.matrix;
            Some(Bounds::new(left, top, width, height))
        }
        _ => None,
    }
}

/// The drawing seam of the algorithm: its picture is this module's `draw`.
impl crate::algorithm::Draw for super::Roc {
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
