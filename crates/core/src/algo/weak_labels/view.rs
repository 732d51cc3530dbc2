//! The picture: the label matrix (documents × sources, abstentions grey) with the majority
//! vote, the label model's posterior and the gold labels as columns beside it; each source's
//! confusion matrix as bars (one stacked bar per true class) with its trust; the class prior;
//! and the ELBO by round.

use std::rc::Rc;

use super::narrate::percent;
use super::{State, WeakLabels};
use crate::algorithm::{Draw, Item};
use crate::format::format_fixed;
use crate::scene::{Align, Bounds, Color, Frame, Key, Palette, Scene, Shape, TextSize, TextStyle};

/// The part of the picture that holds the sources' bars (questions point at them).
pub const SOURCES: u8 = 0;

/// The colour of class `class`: Okabe–Ito hues, in an order that keeps the first three far
/// apart.
pub fn class_color(palette: &Palette, class: usize) -> Color {
    let hues = [
        palette.waiting,
        palette.current,
        palette.resolved,
        palette.accent,
        palette.compared,
        palette.ink,
    ];
    hues[class % hues.len()]
}

/// Where the parts go in a frame.
struct Geometry {
    /// The label matrix's image.
    matrix: Bounds,
    /// Columns in the matrix: the sources, a gap, majority, model, gold.
    columns: usize,
    /// The sources' rows of bars.
    bars: Bounds,
    /// The prior's bar.
    prior: Bounds,
    /// The ELBO chart.
    elbo: Bounds,
}

impl Geometry {
    fn new(state: &State, frame: &Frame) -> Geometry {
        let data = &state.problem.data;
        let columns = data.sources() + 4;
        let (width, height) = (frame.width, frame.height);
        let top = 62.0;
        let narrow = width < 620.0;
        let matrix_width = if narrow {
            width - 24.0
        } else {
            (width * 0.42).min(columns as f64 * 30.0)
        };
        let matrix_height = if narrow {
            (height - top) * 0.38
        } else {
            height - top - 12.0
        };
        let matrix = Bounds::new(12.0, top, matrix_width, matrix_height.max(40.0));
        let (left, block_top, block_width) = if narrow {
            (12.0, matrix.y + matrix.height + 28.0, width - 24.0)
        } else {
            let left = matrix.x + matrix.width + 28.0;
            (left, top, width - left - 12.0)
        };
        let block_height = (height - block_top - 12.0).max(60.0);
        let bars_height = (block_height * 0.56).max(30.0);
        let bars = Bounds::new(left, block_top, block_width, bars_height);
        let prior = Bounds::new(left, bars.y + bars.height + 26.0, block_width, 14.0);
        let elbo_top = prior.y + prior.height + 30.0;
        let elbo = Bounds::new(
            left,
            elbo_top,
            block_width,
            (height - elbo_top - 10.0).max(16.0),
        );
        Geometry {
            matrix,
            columns,
            bars,
            prior,
            elbo,
        }
    }

    /// The bounds of source `source`'s row of bars.
    fn source_row(&self, sources: usize, source: usize) -> Bounds {
        let row = self.bars.height / sources.max(1) as f64;
        Bounds::new(
            self.bars.x,
            self.bars.y + row * source as f64,
            self.bars.width,
            row,
        )
    }
}

/// The label matrix as pixels: a row per item; a column per source, then a gap, the majority
/// vote, the model's posterior (its class, paler the less sure) and the gold label.
fn matrix_pixels(state: &State, palette: &Palette, columns: usize) -> Vec<u8> {
    let problem = &state.problem;
    let data = &problem.data;
    let classes = data.classes();
    let sources = data.sources();
    let mut pixels = Vec::with_capacity(data.items * columns * 4);
    let mut push = |color: Color| pixels.extend_from_slice(&[color.r, color.g, color.b, color.a]);
    let abstain = palette.faint;
    let tie = palette.muted;
    let round = state.round();
    for item in 0..data.items {
        for source in 0..sources {
            let vote = data.vote(item, source);
            push(if vote < 0 {
                abstain
            } else {
                class_color(palette, vote as usize)
            });
        }
        push(palette.background);
        // The majority vote, once counted: a tie in grey, no vote blank.
        let voted = (0..sources).any(|source| data.vote(item, source) >= 0);
        push(
            match state.labels().map(|_| problem.majority.labels[item]) {
                None => palette.background,
                Some(label) if label >= 0 => class_color(palette, label as usize),
                Some(_) if voted => tie,
                Some(_) => palette.background,
            },
        );
        // The model's posterior, once the EM has started.
        push(match round {
            None => palette.background,
            Some(round) => {
                let row =
                    &problem.rounds[round].probabilities[item * classes..(item + 1) * classes];
                let (best, top) =
                    row.iter()
                        .enumerate()
                        .fold(
                            (0, 0.0),
                            |(best, top), (class, &p)| {
                                if p > top {
                                    (class, p)
                                } else {
                                    (best, top)
                                }
                            },
                        );
                let floor = 1.0 / classes as f64;
                let sure = crate::number::within((top - floor) / (1.0 - floor), 0.0, 1.0);
                palette
                    .background
                    .mix(class_color(palette, best), 0.2 + 0.8 * sure)
            }
        });
        push(match &data.gold {
            Some(gold) => class_color(palette, gold[item] as usize),
            None => palette.background,
        });
    }
    pixels
}

fn draw(state: &State, frame: &Frame) -> Scene {
    let palette = &frame.palette;
    let mut scene = Scene::new(frame);
    let problem = &state.problem;
    let data = &problem.data;
    let geometry = Geometry::new(state, frame);
    let small = |color: Color| TextStyle::centered(TextSize::Small, color);
    // The header: where the votes come from, and both answers' accuracy.
    let title = match state.round() {
        Some(round) => format!(
            "Dawid–Skene EM · round {round} of {}",
            problem.rounds.len() - 1
        ),
        None if state.labels().is_some() => "Majority vote".to_string(),
        None => "The label matrix".to_string(),
    };
    scene.text(
        Key::of(4, 0),
        (12.0, 14.0),
        title,
        TextStyle::centered(TextSize::Body, palette.ink)
            .bold()
            .aligned(Align::Start),
    );
    // On a narrow picture the origin gives way to the scores (the narration names it).
    let mut scores = if frame.width < 620.0 {
        Vec::new()
    } else {
        vec![data.origin.clone()]
    };
    if state.labels().is_some() {
        if let Some(accuracy) = problem.accuracy(&problem.majority.labels) {
            scores.push(format!("majority {}", percent(accuracy)));
        }
    }
    if let Some(round) = state.round() {
        if let Some(accuracy) = problem.accuracy(&problem.rounds[round].labels) {
            scores.push(format!("label model {}", percent(accuracy)));
        }
    }
    scene.text(
        Key::of(4, 1),
        (12.0, 33.0),
        scores.join("  ·  "),
        small(palette.muted).aligned(Align::Start),
    );
    // The label matrix and its column heads.
    let matrix = geometry.matrix;
    let columns = geometry.columns;
    scene.push(Shape::Image {
        key: Key::NONE,
        x: matrix.x,
        y: matrix.y,
        width: matrix.width,
        height: matrix.height,
        columns,
        rows: data.items,
        pixels: Rc::from(matrix_pixels(state, palette, columns)),
        smooth: false,
        opacity: 1.0,
    });
    let column_width = matrix.width / columns as f64;
    let sources = data.sources();
    let heads = (0..sources)
        .map(|source| (source, (source + 1).to_string()))
        .chain([
            (sources + 1, "MV".to_string()),
            (sources + 2, "LM".to_string()),
            (sources + 3, "gold".to_string()),
        ]);
    for (column, head) in heads {
        let x = matrix.x + column_width * (column as f64 + 0.5);
        let style = small(palette.muted);
        if column_width >= 14.0 || column < sources {
            scene.text(Key::NONE, (x, matrix.y - 9.0), head, style);
        }
    }
    draw_bars(&mut scene, state, &geometry, frame);
    draw_prior(&mut scene, state, &geometry, frame);
    draw_elbo(&mut scene, state, &geometry, frame);
    scene
}

/// Each source's confusion matrix as bars: for each true class one bar, stacked by what the
/// source says (its abstentions grey when they are an outcome), with the trust at the right.
fn draw_bars(scene: &mut Scene, state: &State, geometry: &Geometry, frame: &Frame) {
    let palette = &frame.palette;
    let problem = &state.problem;
    let data = &problem.data;
    let sources = data.sources();
    let classes = data.classes();
    let width = problem.width;
    let area = geometry.bars;
    scene.text(
        Key::NONE,
        (area.x, area.y - 10.0),
        if area.width < 420.0 {
            "Each source's confusion matrix, and its trust"
        } else {
            "What each source says, per true class (its confusion matrix), and its trust"
        },
        TextStyle::centered(TextSize::Small, palette.ink).aligned(Align::Start),
    );
    if state.options.procedure == super::Procedure::Majority {
        majority_weights(scene, state, geometry, frame);
        return;
    }
    let round = state.round();
    let trust = round.map(|round| problem.trust(round));
    let label_width = (area.width * 0.34).min(150.0);
    let trust_width = 44.0;
    let bars_width = area.width - label_width - trust_width;
    let bar_width = bars_width / classes as f64;
    for source in 0..sources {
        let row = geometry.source_row(sources, source);
        let centre = row.y + row.height / 2.0;
        source_label(scene, state, source, row, label_width, palette);
        let bar_height = crate::number::within(row.height - 3.0, 2.0, 16.0);
        for class in 0..classes {
            let x = row.x + label_width + bar_width * class as f64;
            let length = bar_width - 4.0;
            scene.push(Shape::Rect {
                key: Key::NONE,
                x,
                y: centre - bar_height / 2.0,
                width: length,
                height: bar_height,
                radius: 0.0,
                fill: Some(palette.faint),
                stroke: None,
            });
            let Some(round) = round else { continue };
            let cells = &problem.rounds[round].confusion
                [(source * classes + class) * width..(source * classes + class + 1) * width];
            let mut offset = 0.0;
            for (outcome, &share) in cells.iter().enumerate() {
                // Silence (an abstention as an outcome) is the bar left empty.
                let color = if outcome < classes {
                    class_color(palette, outcome)
                } else {
                    palette.faint
                };
                scene.push(Shape::Rect {
                    key: Key::of(6, (source * classes + class) * width + outcome),
                    x: x + offset,
                    y: centre - bar_height / 2.0,
                    width: share * length,
                    height: bar_height,
                    radius: 0.0,
                    fill: Some(color),
                    stroke: None,
                });
                offset += share * length;
            }
        }
        if let Some(trust) = &trust {
            scene.text(
                Key::of(7, source),
                (row.x + row.width, centre),
                percent(trust[source]),
                TextStyle::centered(TextSize::Small, palette.ink).aligned(Align::End),
            );
        }
    }
    // The true classes under their bars.
    let fits = ((bar_width - 6.0) / 6.8).max(3.0) as usize;
    for (class, name) in data.class_names.iter().enumerate() {
        let x = area.x + label_width + bar_width * (class as f64 + 0.5) - 2.0;
        scene.text(
            Key::NONE,
            (x, area.y + area.height + 6.0),
            shortened(name, fits),
            TextStyle::centered(TextSize::Small, class_color(palette, class)),
        );
    }
}

/// `name` cut to `characters`, ending in `…` where it was longer.
fn shortened(name: &str, characters: usize) -> String {
    if name.chars().count() > characters {
        name.chars()
            .take(characters.saturating_sub(1))
            .chain(['…'])
            .collect()
    } else {
        name.to_string()
    }
}

/// Source `source`'s number and (shortened) name at the left of its row of bars.
fn source_label(
    scene: &mut Scene,
    state: &State,
    source: usize,
    row: Bounds,
    label_width: f64,
    palette: &Palette,
) {
    let characters = ((label_width / 6.8) as usize).saturating_sub(3).max(4);
    let name = shortened(&state.problem.data.source_names[source], characters);
    scene.text(
        Key::of(5, source),
        (row.x, row.y + row.height / 2.0),
        format!("{} {name}", source + 1),
        TextStyle::centered(TextSize::Small, palette.ink).aligned(Align::Start),
    );
}

/// What the majority vote makes of the sources: one vote each, whatever their quality.
fn majority_weights(scene: &mut Scene, state: &State, geometry: &Geometry, frame: &Frame) {
    let palette = &frame.palette;
    let data = &state.problem.data;
    let sources = data.sources();
    let area = geometry.bars;
    scene.text(
        Key::NONE,
        (area.x, area.y - 10.0),
        "The majority vote weighs every source the same: one vote each",
        TextStyle::centered(TextSize::Small, palette.ink).aligned(Align::Start),
    );
    let label_width = (area.width * 0.34).min(150.0);
    for source in 0..sources {
        let row = geometry.source_row(sources, source);
        let centre = row.y + row.height / 2.0;
        source_label(scene, state, source, row, label_width, palette);
        let height = crate::number::within(row.height - 3.0, 2.0, 16.0);
        scene.rect(
            Key::NONE,
            row.x + label_width,
            centre - height / 2.0,
            (area.width - label_width - 44.0) * 0.5,
            height,
            palette.muted,
        );
        scene.text(
            Key::of(7, source),
            (row.x + row.width, centre),
            "1 vote",
            TextStyle::centered(TextSize::Small, palette.ink).aligned(Align::End),
        );
    }
}

/// The class prior as one bar, and the classes' colours as its legend.
fn draw_prior(scene: &mut Scene, state: &State, geometry: &Geometry, frame: &Frame) {
    let palette = &frame.palette;
    let problem = &state.problem;
    let area = geometry.prior;
    let prior: Vec<f64> = match state.round() {
        Some(round) => problem.rounds[round].prior.clone(),
        None if state.labels().is_some() => problem.majority.prior.clone(),
        None => Vec::new(),
    };
    scene.text(
        Key::NONE,
        (area.x, area.y - 9.0),
        "Class prior",
        TextStyle::centered(TextSize::Small, palette.ink).aligned(Align::Start),
    );
    if prior.is_empty() {
        scene.rect(
            Key::NONE,
            area.x,
            area.y,
            area.width,
            area.height,
            palette.faint,
        );
        return;
    }
    let mut offset = 0.0;
    for (class, &share) in prior.iter().enumerate() {
        let length = share * area.width;
        scene.push(Shape::Rect {
            key: Key::of(8, class),
            x: area.x + offset,
            y: area.y,
            width: length,
            height: area.height,
            radius: 0.0,
            fill: Some(class_color(palette, class)),
            stroke: None,
        });
        if length > 36.0 {
            scene.text(
                Key::of(9, class),
                (area.x + offset + length / 2.0, area.y + area.height / 2.0),
                format!("{}%", format_fixed(share * 100.0, 0)),
                TextStyle::centered(TextSize::Small, palette.background).bold(),
            );
        }
        offset += length;
    }
}

/// crowd-kit's ELBO per vote after each round, up to the round shown.
fn draw_elbo(scene: &mut Scene, state: &State, geometry: &Geometry, frame: &Frame) {
    let palette = &frame.palette;
    let problem = &state.problem;
    let area = geometry.elbo;
    scene.text(
        Key::NONE,
        (area.x, area.y - 9.0),
        "ELBO per vote, by round",
        TextStyle::centered(TextSize::Small, palette.ink).aligned(Align::Start),
    );
    scene.push(Shape::Rect {
        key: Key::NONE,
        x: area.x,
        y: area.y,
        width: area.width,
        height: area.height,
        radius: 0.0,
        fill: None,
        stroke: Some(palette.faint),
    });
    if state.options.procedure == super::Procedure::Majority {
        scene.text(
            Key::NONE,
            (area.x + area.width / 2.0, area.y + area.height / 2.0),
            "no rounds: the majority vote counts once",
            TextStyle::centered(TextSize::Small, palette.muted),
        );
        return;
    }
    let losses: Vec<f64> = problem.rounds[1..].iter().map(|round| round.loss).collect();
    let shown = state.round().unwrap_or(0);
    if losses.is_empty() || shown == 0 {
        return;
    }
    let (low, high) = losses
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), &loss| {
            (low.min(loss), high.max(loss))
        });
    let span = if high > low { high - low } else { 1.0 };
    let step = area.width / (losses.len().max(2) - 1) as f64;
    let points: Vec<(f64, f64)> = losses[..shown]
        .iter()
        .enumerate()
        .map(|(index, &loss)| {
            (
                area.x + step * index as f64,
                area.y + area.height - 3.0 - (loss - low) / span * (area.height - 6.0),
            )
        })
        .collect();
    let last = points[points.len() - 1];
    scene.push(Shape::Polyline {
        key: Key::NONE,
        points,
        fill: None,
        stroke: Some(palette.accent),
        width: 2.0,
    });
    scene.rect(
        Key::of(10, 0),
        last.0 - 3.0,
        last.1 - 3.0,
        6.0,
        6.0,
        palette.accent,
    );
    scene.text(
        Key::NONE,
        (area.x + area.width - 4.0, area.y + 8.0),
        format_fixed(losses[shown - 1], 4),
        TextStyle::centered(TextSize::Small, palette.muted).aligned(Align::End),
    );
}

/// Where source `column`'s row of bars is.
fn place(state: &State, frame: &Frame, item: Item) -> Option<Bounds> {
    let sources = state.problem.data.sources();
    if item.part != SOURCES || item.column >= sources {
        return None;
    }
    Some(Geometry::new(state, frame).source_row(sources, item.column))
}

impl Draw for WeakLabels {
    fn view(state: &State, _last: Option<&super::Event>, frame: &Frame) -> Scene {
        draw(state, frame)
    }

    fn place(state: &State, frame: &Frame, item: Item) -> Option<Bounds> {
        place(state, frame, item)
    }
}
