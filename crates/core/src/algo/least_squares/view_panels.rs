//! The panels under the least-squares plot: the log-likelihood as a sum of one bar per point,
//! and the objective and the log-likelihood step by step.

use super::text::{brief, objective_name};
use super::view::{extent, log_density, noise_scale, Geometry, LABEL, LOG_BAR};
use super::{huber_loss, log_likelihood, Method, State};
use crate::scene::{Align, Color, Frame, Key, Scene, Shape, TextSize, TextStyle};

/// The log-likelihood as a sum: one bar per point, its log density (for Huber's loss, which
/// has no likelihood here, each point's loss h(r)).
pub(super) fn logs_panel(
    scene: &mut Scene,
    state: &State,
    geometry: &Geometry,
    residuals: &[f64],
    frame: &Frame,
) {
    let palette = &frame.palette;
    let area = geometry.logs;
    let method = state.options.method;
    let scale = noise_scale(state);
    let (terms, caption): (Vec<f64>, String) = match (method, scale) {
        (Method::Huber, _) => (
            residuals
                .iter()
                .map(|&r| huber_loss(r, state.options.delta))
                .collect(),
            format!(
                "Σh(r) = {}, a bar per point",
                brief(state.current().objective)
            ),
        ),
        (_, Some(scale)) => {
            let terms: Vec<f64> = residuals
                .iter()
                .map(|&r| log_density(r, scale, method))
                .collect();
            let total: f64 = terms.iter().sum();
            let model = if method == Method::Squared {
                format!("Gaussian σ̂ {}", brief(scale))
            } else {
                format!("Laplace b̂ {}", brief(scale))
            };
            // The noise model's scale goes where the caption has room for it.
            let caption = if area.width >= 300.0 {
                format!("ln L = Σ ln p(rᵢ) = {} · {model}", brief(total))
            } else {
                format!("ln L = Σ ln p(rᵢ) = {}", brief(total))
            };
            (terms, caption)
        }
        (_, None) => (Vec::new(), "every residual is 0: ln L = +∞".to_string()),
    };
    scene.text(
        Key::of(LABEL, 3),
        (area.x, area.y - 12.0),
        caption,
        TextStyle::centered(TextSize::Small, palette.ink).aligned(Align::Start),
    );
    if terms.is_empty() {
        return;
    }
    let largest = terms
        .iter()
        .fold(0.0_f64, |most, term| most.max(term.abs()))
        .max(f64::MIN_POSITIVE);
    let any_positive = terms.iter().any(|&term| term > 0.0);
    let any_negative = terms.iter().any(|&term| term < 0.0);
    // The zero line: at the top when every term is negative, in the middle when both signs.
    let zero = match (any_positive, any_negative) {
        (true, true) => area.y + area.height / 2.0,
        (true, false) => area.y + area.height,
        _ => area.y,
    };
    let reach = if any_positive && any_negative {
        area.height / 2.0
    } else {
        area.height
    };
    let slot = area.width / terms.len() as f64;
    let color = if method == Method::Huber {
        palette.waiting
    } else {
        palette.accent
    };
    for (index, &term) in terms.iter().enumerate() {
        let length = term.abs() / largest * reach;
        let y = if term >= 0.0 { zero - length } else { zero };
        scene.push(Shape::Rect {
            key: Key::of(LOG_BAR, index),
            x: area.x + slot * index as f64 + slot * 0.15,
            y,
            width: (slot * 0.7).max(1.0),
            height: length,
            radius: 0.0,
            fill: Some(color.with_alpha(0.75)),
            stroke: None,
        });
    }
    scene.push(Shape::Line {
        key: Key::NONE,
        from: (area.x, zero),
        to: (area.x + area.width, zero),
        width: 1.0,
        color: palette.muted,
        arrow: false,
    });
}

/// The objective and the log-likelihood at every step so far: as one falls the other rises.
pub(super) fn history_panel(scene: &mut Scene, state: &State, geometry: &Geometry, frame: &Frame) {
    let palette = &frame.palette;
    let area = geometry.history;
    let n = state.problem.points.len();
    let loss = state.options.loss();
    let objectives: Vec<f64> = state.trail.iter().map(|mark| mark.objective).collect();
    let likelihoods: Vec<f64> = objectives
        .iter()
        .map(|&objective| log_likelihood(objective, n, loss))
        .collect();
    // The title names each track in its own colour.
    let name = objective_name(state.options.method);
    let has_likelihood = !likelihoods.iter().all(|value| value.is_nan());
    let caption = TextStyle::centered(TextSize::Small, palette.waiting)
        .bold()
        .aligned(Align::Start);
    scene.text(
        Key::of(LABEL, 4),
        (area.x, area.y - 12.0),
        format!("{name} ↓"),
        caption,
    );
    if has_likelihood {
        scene.text(
            Key::of(LABEL, 5),
            (area.x + area.width, area.y - 12.0),
            "ln L ↑",
            TextStyle {
                color: palette.accent,
                align: Align::End,
                ..caption
            },
        );
    }
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
    let steps = (objectives.len() - 1).max(1) as f64;
    let mut track = |values: &[f64], color: Color| {
        let finite: Vec<f64> = values
            .iter()
            .copied()
            .filter(|value| value.is_finite())
            .collect();
        if finite.is_empty() {
            return;
        }
        let (low, high) = extent(&finite);
        let span = if high > low { high - low } else { 1.0 };
        let line: Vec<(f64, f64)> = values
            .iter()
            .enumerate()
            .map(|(step, &value)| {
                let value = if value.is_finite() {
                    value
                } else if value > 0.0 {
                    high
                } else {
                    low
                };
                (
                    area.x + area.width * step as f64 / steps,
                    area.y + area.height - (value - low) / span * area.height,
                )
            })
            .collect();
        scene.push(Shape::Polyline {
            key: Key::NONE,
            points: line,
            fill: None,
            stroke: Some(color),
            width: 2.0,
        });
    };
    track(&objectives, palette.waiting);
    if has_likelihood {
        track(&likelihoods, palette.accent);
    }
}
