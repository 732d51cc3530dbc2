//! The picture: the points, the current fit and the target, each residual (a square whose
//! area is its squared error, a bar for the absolute loss), each point's noise density
//! centred on the line; under it the log-likelihood as a sum of per-point logs, and the
//! objective and the log-likelihood step by step, moving in lockstep.

use super::text::{brief, objective_name};
use super::{
    log_likelihood, points_text, Event, LeastSquares, Method, Model, Params, State,
    MAX_ANIMATED_POINTS,
};
use crate::algorithm::{Draw, Item};
use crate::scene::{
    within, Align, Bounds, Color, Frame, Key, Scene, Shape, TextSize, TextStyle, MIN_TARGET,
};

/// The part of the picture that holds the points (questions point at them).
pub const POINTS: u8 = 0;

/// Densities are drawn at every point up to this many, else at the points farthest off.
const DENSITY_POINTS: usize = 24;

// Key roles: each kind of shape keeps its identity between steps.
const DOT: u16 = 0;
const RESIDUAL: u16 = 1;
const FIT: u16 = 2;
pub(super) const LOG_BAR: u16 = 3;
pub(super) const LABEL: u16 = 4;

/// Where everything goes in a frame: the scatter plot and its data ranges, and the two
/// panels under it.
pub(super) struct Geometry {
    plot: Bounds,
    x_range: (f64, f64),
    y_range: (f64, f64),
    pub(super) logs: Bounds,
    pub(super) history: Bounds,
}

impl Geometry {
    fn new(state: &State, frame: &Frame) -> Geometry {
        let points = &state.problem.points;
        let (width, height) = (frame.width, frame.height);
        let margin = 12.0;
        let plot_top = 46.0;
        let plot_bottom = (height * 0.64).max(plot_top + 40.0);
        let panel_top = plot_bottom + 40.0;
        let panel_height = (height - panel_top - 14.0).max(24.0);
        let plot = Bounds::new(
            margin + 40.0,
            plot_top,
            width - 2.0 * margin - 40.0,
            plot_bottom - plot_top,
        );
        let split = width * 0.56;
        let logs = Bounds::new(margin, panel_top, split - 2.0 * margin, panel_height);
        let history = Bounds::new(
            split + margin,
            panel_top,
            width - split - 2.0 * margin,
            panel_height,
        );
        let target = &state.problem.target;
        let (mut x_low, mut x_high) = extent(&points.x);
        if x_low == x_high {
            (x_low, x_high) = (x_low - 1.0, x_high + 1.0);
        }
        let (mut y_low, mut y_high) = extent(&points.y);
        for x in [x_low, x_high] {
            let y = target.intercept + target.slope * x;
            y_low = y_low.min(y);
            y_high = y_high.max(y);
        }
        if y_low == y_high {
            (y_low, y_high) = (y_low - 1.0, y_high + 1.0);
        }
        let x_pad = (x_high - x_low) * 0.06;
        let y_pad = (y_high - y_low) * 0.08;
        Geometry {
            plot,
            x_range: (x_low - x_pad, x_high + x_pad),
            y_range: (y_low - y_pad, y_high + y_pad),
            logs,
            history,
        }
    }

    /// Pixels per unit of y.
    fn y_unit(&self) -> f64 {
        self.plot.height / (self.y_range.1 - self.y_range.0)
    }

    /// The pixel of data point `(x, y)`.
    fn at(&self, x: f64, y: f64) -> (f64, f64) {
        let (x_low, x_high) = self.x_range;
        let (y_low, _) = self.y_range;
        (
            self.plot.x + (x - x_low) / (x_high - x_low) * self.plot.width,
            self.plot.y + self.plot.height - (y - y_low) * self.y_unit(),
        )
    }

    /// The data point at pixel `(x, y)`, clamped to the plot, rounded to a step of about a
    /// hundredth of each range (a dragged point reads as typed text).
    fn data_at(&self, x: f64, y: f64) -> (f64, f64) {
        let plot = self.plot;
        let x = within(x, plot.x, plot.x + plot.width);
        let y = within(y, plot.y, plot.y + plot.height);
        let (x_low, x_high) = self.x_range;
        let (y_low, y_high) = self.y_range;
        let round = |value: f64, span: f64| {
            let step = 10f64.powi(crate::format::decimal_exponent(span / 100.0));
            (value / step).round() * step
        };
        (
            round(
                x_low + (x - plot.x) / plot.width * (x_high - x_low),
                x_high - x_low,
            ),
            round(
                y_low + (plot.y + plot.height - y) / self.y_unit(),
                y_high - y_low,
            ),
        )
    }

    /// The segment of the line `params` inside the plot, if it crosses it.
    fn segment(&self, params: Params) -> Option<((f64, f64), (f64, f64))> {
        let (x_low, x_high) = self.x_range;
        let (y_low, y_high) = self.y_range;
        let (y_start, y_end) = (params.at(x_low), params.at(x_high));
        // Clip the parameter t in [0, 1] along x to where y stays inside the range.
        let (mut from, mut to) = (0.0_f64, 1.0_f64);
        let rise = y_end - y_start;
        for (bound, below) in [(y_low, true), (y_high, false)] {
            if rise == 0.0 {
                let outside = if below {
                    y_start < bound
                } else {
                    y_start > bound
                };
                if outside {
                    return None;
                }
                continue;
            }
            let t = (bound - y_start) / rise;
            let entering = (rise > 0.0) == below;
            if entering {
                from = from.max(t);
            } else {
                to = to.min(t);
            }
        }
        if from >= to || from.is_nan() || to.is_nan() {
            return None;
        }
        let point = |t: f64| {
            let x = x_low + (x_high - x_low) * t;
            self.at(x, params.at(x))
        };
        Some((point(from), point(to)))
    }
}

/// The smallest and largest of `values`.
pub(super) fn extent(values: &[f64]) -> (f64, f64) {
    values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), &value| {
            (low.min(value), high.max(value))
        })
}

/// The log density of a residual under the loss's noise model at `scale` (σ̂ or b̂).
pub(super) fn log_density(residual: f64, scale: f64, method: Method) -> f64 {
    match method {
        Method::Absolute => -(2.0 * scale).ln() - residual.abs() / scale,
        _ => {
            -0.5 * (2.0 * std::f64::consts::PI * scale * scale).ln()
                - residual * residual / (2.0 * scale * scale)
        }
    }
}

/// The noise model's scale at the current fit: σ̂ = √(RSS/n), b̂ = SAD/n; `None` for Huber's
/// loss, or when every residual is 0.
pub(super) fn noise_scale(state: &State) -> Option<f64> {
    let n = state.problem.points.len() as f64;
    let objective = state.current().objective;
    let scale = match state.options.method {
        Method::Squared => (objective / n).sqrt(),
        Method::Absolute => objective / n,
        Method::Huber => return None,
    };
    (scale > 0.0 && scale.is_finite()).then_some(scale)
}

/// A dashed line from `from` to `to`.
fn dashed(scene: &mut Scene, from: (f64, f64), to: (f64, f64), color: Color) {
    let length = (to.0 - from.0).hypot(to.1 - from.1);
    let dashes = (length / 9.0).floor().max(1.0) as usize;
    for dash in 0..dashes {
        let t0 = dash as f64 / dashes as f64;
        let t1 = (dash as f64 + 0.55) / dashes as f64;
        let point = |t: f64| (from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t);
        scene.push(Shape::Line {
            key: Key::NONE,
            from: point(t0),
            to: point(t1),
            width: 2.0,
            color,
            arrow: false,
        });
    }
}

fn draw(state: &State, last: Option<&Event>, frame: &Frame) -> Scene {
    let palette = &frame.palette;
    let mut scene = Scene::new(frame);
    let geometry = Geometry::new(state, frame);
    let problem = &state.problem;
    let points = &problem.points;
    let options = &state.options;
    let current = state.current();
    let params = current.params;
    let residuals: Vec<f64> = points
        .x
        .iter()
        .zip(&points.y)
        .map(|(&x, &y)| y - params.at(x))
        .collect();
    header(&mut scene, state, frame);
    // The plot's frame and its axis extremes.
    let plot = geometry.plot;
    scene.push(Shape::Rect {
        key: Key::NONE,
        x: plot.x,
        y: plot.y,
        width: plot.width,
        height: plot.height,
        radius: 0.0,
        fill: None,
        stroke: Some(palette.faint),
    });
    let small =
        |color: Color, align: Align| TextStyle::centered(TextSize::Small, color).aligned(align);
    let (x_low, x_high) = geometry.x_range;
    let (y_low, y_high) = geometry.y_range;
    let axis_y = plot.y + plot.height + 9.0;
    scene.text(
        Key::NONE,
        (plot.x, axis_y),
        brief(x_low),
        small(palette.muted, Align::Start),
    );
    scene.text(
        Key::NONE,
        (plot.x + plot.width, axis_y),
        brief(x_high),
        small(palette.muted, Align::End),
    );
    scene.text(
        Key::NONE,
        (plot.x - 4.0, plot.y + 6.0),
        brief(y_high),
        small(palette.muted, Align::End),
    );
    scene.text(
        Key::NONE,
        (plot.x - 4.0, plot.y + plot.height - 6.0),
        brief(y_low),
        small(palette.muted, Align::End),
    );
    // Huber's band: within δ of the line the loss is squared.
    if let Method::Huber = options.method {
        let delta = options.delta;
        let band = |offset: f64| Params {
            intercept: params.intercept + offset,
            slope: params.slope,
        };
        if let (Some(top), Some(bottom)) = (
            geometry.segment(band(delta)),
            geometry.segment(band(-delta)),
        ) {
            scene.push(Shape::Polyline {
                key: Key::NONE,
                points: vec![top.0, top.1, bottom.1, bottom.0],
                fill: Some(palette.waiting.with_alpha(0.08)),
                stroke: None,
                width: 0.0,
            });
        }
    }
    // The target: the closed form (squared), the kernel's answer (absolute, Huber).
    let target = Params {
        intercept: problem.target.intercept,
        slope: problem.target.slope,
    };
    if let Some((from, to)) = geometry.segment(target) {
        dashed(&mut scene, from, to, palette.resolved);
    }
    // Residuals: squares (area = squared error), bars (absolute), or Huber's mix.
    let unit = geometry.y_unit();
    for (index, (&x, &y)) in points.x.iter().zip(&points.y).enumerate() {
        let residual = residuals[index];
        let (px, py) = geometry.at(x, y);
        let (_, line_y) = geometry.at(x, params.at(x));
        let side = (residual.abs() * unit).min(plot.height);
        let squared = match options.method {
            Method::Squared => true,
            Method::Absolute => false,
            Method::Huber => residual.abs() <= options.delta,
        };
        let top = py.min(line_y);
        if squared {
            // Drawn toward the plot's middle, so squares stay inside it where they can.
            let left = if px + side > plot.x + plot.width {
                px - side
            } else {
                px
            };
            scene.push(Shape::Rect {
                key: Key::of(RESIDUAL, index),
                x: left,
                y: top,
                width: side,
                height: (py - line_y).abs(),
                radius: 0.0,
                fill: Some(palette.waiting.with_alpha(0.14)),
                stroke: Some(palette.waiting.with_alpha(0.7)),
            });
        } else {
            scene.push(Shape::Rect {
                key: Key::of(RESIDUAL, index),
                x: px - 3.0,
                y: top,
                width: 6.0,
                height: (py - line_y).abs(),
                radius: 0.0,
                fill: Some(palette.compared.with_alpha(0.55)),
                stroke: None,
            });
        }
    }
    densities(&mut scene, state, &geometry, &residuals, frame);
    // The current fit.
    if let Some((from, to)) = geometry.segment(params) {
        scene.push(Shape::Line {
            key: Key::of(FIT, 0),
            from,
            to,
            width: 3.0,
            color: palette.current,
            arrow: false,
        });
    }
    // The points, and the one the last step is about.
    let touched = match last {
        Some(Event::Descend { pull, .. }) => Some((*pull as usize, palette.compared)),
        Some(Event::Pivot { through, .. }) => Some((*through as usize, palette.current)),
        Some(Event::Slide { onto, .. }) => Some((*onto as usize, palette.current)),
        _ => None,
    };
    for (index, (&x, &y)) in points.x.iter().zip(&points.y).enumerate() {
        let (px, py) = geometry.at(x, y);
        scene.push(Shape::Rect {
            key: Key::of(DOT, index),
            x: px - 4.0,
            y: py - 4.0,
            width: 8.0,
            height: 8.0,
            radius: 4.0,
            fill: Some(palette.ink),
            stroke: Some(palette.background),
        });
        if points.len() <= 30 {
            scene.text(
                Key::NONE,
                (px, py - 11.0),
                (index + 1).to_string(),
                small(palette.muted, Align::Center),
            );
        }
    }
    if let Some((index, color)) = touched {
        let (px, py) = geometry.at(points.x[index], points.y[index]);
        scene.ring(Bounds::around(px, py, 7.0), color);
    }
    super::view_panels::logs_panel(&mut scene, state, &geometry, &residuals, frame);
    super::view_panels::history_panel(&mut scene, state, &geometry, frame);
    scene
}

/// The title line and the numbers line above the plot.
fn header(scene: &mut Scene, state: &State, frame: &Frame) {
    let palette = &frame.palette;
    let options = &state.options;
    let current = state.current();
    let title = match (options.method, options.model) {
        (Method::Squared, Model::Constant) => "Squared loss → the mean".to_string(),
        (Method::Absolute, Model::Constant) => "Absolute loss → the median".to_string(),
        (Method::Squared, Model::Line) => "Squared loss (Gaussian noise)".to_string(),
        (Method::Absolute, Model::Line) => "Absolute loss (Laplace noise)".to_string(),
        (Method::Huber, _) => format!("Huber loss, δ = {}", brief(options.delta)),
    };
    scene.text(
        Key::of(LABEL, 0),
        (12.0, 14.0),
        title,
        TextStyle::centered(TextSize::Body, palette.ink)
            .bold()
            .aligned(Align::Start),
    );
    scene.text(
        Key::of(LABEL, 1),
        (frame.width - 12.0, 14.0),
        format!("step {}", state.steps()),
        TextStyle::centered(TextSize::Small, palette.muted).aligned(Align::End),
    );
    let n = state.problem.points.len();
    let loss = options.loss();
    let likelihood = log_likelihood(current.objective, n, loss);
    let mut numbers = format!(
        "{} {}",
        objective_name(options.method),
        brief(current.objective)
    );
    if !likelihood.is_nan() {
        numbers.push_str(&format!("  ·  ln L {}", brief(likelihood)));
    }
    numbers.push_str(&format!(
        "  ·  target {}",
        brief(state.problem.target.objective)
    ));
    scene.text(
        Key::of(LABEL, 2),
        (12.0, 33.0),
        numbers,
        TextStyle::centered(TextSize::Small, palette.muted).aligned(Align::Start),
    );
}

/// Each point's noise density, drawn sideways and centred on the line at its x, with the
/// density at the point's own residual marked.
fn densities(
    scene: &mut Scene,
    state: &State,
    geometry: &Geometry,
    residuals: &[f64],
    frame: &Frame,
) {
    let Some(scale) = noise_scale(state) else {
        return;
    };
    let palette = &frame.palette;
    let points = &state.problem.points;
    let method = state.options.method;
    let params = state.current().params;
    let mut chosen: Vec<usize> = (0..points.len()).collect();
    if points.len() > DENSITY_POINTS {
        chosen.sort_by(|&a, &b| residuals[b].abs().total_cmp(&residuals[a].abs()));
        chosen.truncate(6);
    }
    let peak = log_density(0.0, scale, method).exp();
    let spacing = geometry.plot.width / points.len().max(1) as f64;
    let width = within(spacing * 0.8, 10.0, 26.0);
    let unit = geometry.y_unit();
    for index in chosen {
        let x = points.x[index];
        let (base_x, centre_y) = geometry.at(x, params.at(x));
        let reach = 2.5 * scale;
        let curve: Vec<(f64, f64)> = (0..=40)
            .map(|step| {
                let offset = -reach + 2.0 * reach * step as f64 / 40.0;
                let height = log_density(offset, scale, method).exp() / peak;
                (base_x - width * height, centre_y - offset * unit)
            })
            .filter(|&(_, y)| y >= geometry.plot.y && y <= geometry.plot.y + geometry.plot.height)
            .collect();
        if curve.len() >= 2 {
            scene.push(Shape::Polyline {
                key: Key::NONE,
                points: curve,
                fill: None,
                stroke: Some(palette.accent.with_alpha(0.6)),
                width: 1.5,
            });
        }
        let height = log_density(residuals[index], scale, method).exp() / peak;
        let (_, point_y) = geometry.at(x, points.y[index]);
        scene.push(Shape::Line {
            key: Key::NONE,
            from: (base_x, point_y),
            to: (base_x - width * height, point_y),
            width: 2.5,
            color: palette.accent,
            arrow: false,
        });
    }
}

/// The point under `(x, y)` as (0, its index), within a finger's reach; elsewhere on the
/// plot, (0, n): a new point.
fn locate(state: &State, frame: &Frame, x: f64, y: f64) -> Option<(usize, usize)> {
    let points = &state.problem.points;
    let geometry = Geometry::new(state, frame);
    let distance = |index: usize| {
        let (px, py) = geometry.at(points.x[index], points.y[index]);
        (px - x).hypot(py - y)
    };
    let nearest = (0..points.len()).min_by(|&a, &b| distance(a).total_cmp(&distance(b)));
    match nearest {
        Some(index) if distance(index) <= MIN_TARGET => Some((0, index)),
        _ if geometry.plot.hit(x, y) && points.len() < MAX_ANIMATED_POINTS => {
            Some((0, points.len()))
        }
        _ => None,
    }
}

/// The input text with point `index` at pixel `(x, y)` (one past the last: a new point).
fn drag(state: &State, frame: &Frame, index: usize, x: f64, y: f64) -> Option<String> {
    let mut points = state.problem.points.clone();
    if index > points.len() || !(x.is_finite() && y.is_finite()) {
        return None;
    }
    let (x, y) = Geometry::new(state, frame).data_at(x, y);
    if index == points.len() {
        points.x.push(x);
        points.y.push(y);
    } else {
        (points.x[index], points.y[index]) = (x, y);
    }
    Some(points_text(&points))
}

/// Where point `index` is drawn.
fn place(state: &State, frame: &Frame, item: Item) -> Option<Bounds> {
    let points = &state.problem.points;
    if item.part != POINTS || item.column >= points.len() {
        return None;
    }
    let geometry = Geometry::new(state, frame);
    let (x, y) = geometry.at(points.x[item.column], points.y[item.column]);
    Some(Bounds::around(x, y, 6.0))
}

impl Draw for LeastSquares {
    fn view(state: &State, last: Option<&Event>, frame: &Frame) -> Scene {
        draw(state, last, frame)
    }

    fn place(state: &State, frame: &Frame, item: Item) -> Option<Bounds> {
        place(state, frame, item)
    }

    fn locate(state: &State, frame: &Frame, x: f64, y: f64) -> Option<(usize, usize)> {
        locate(state, frame, x, y)
    }

    fn drag(state: &State, frame: &Frame, index: usize, x: f64, y: f64) -> Option<String> {
        drag(state, frame, index, x, y)
    }
}
