//! The fit as steps: where each loss starts, and each step it takes, reported as events.
//!
//! - Squared and Huber losses: gradient descent in centred, scaled units (α = the line's
//!   height at the mean x, β = its rise per standard deviation of x). There the squared
//!   loss's curvature is the same in both directions, so a step of η·(mean r, mean r·u)
//!   shrinks the distance to the answer by a factor 1 − η each time. Huber's gradient
//!   (r clipped to ±δ) is scaled by the IRLS-weighted curvature (weights 1 within δ, δ/|r|
//!   beyond), so its steps shrink the distance about as fast. It stops when a step is below 1e-13 of the data's scale.
//! - Absolute loss, line: Wesolowsky's exact descent. The line passes through a data point p;
//!   the best line through p has the weighted median of the slopes to p as its slope
//!   (weights |xᵢ − xₚ|), and passes through a second point, which becomes the next p. When
//!   no turn about any point on the line lowers Σ|r|, the line is optimal.
//! - Absolute loss, constant: from the lowest y, the line moves to the next y
//!   toward the side with more points, until neither side has more than half: a median.

use super::{objective, Event, Mark, Method, Model, Options, Params, Points, Problem};
use crate::algorithm::Recorder;
use crate::number::within;

/// A step smaller than this fraction of the data's scale ends a descent.
const STEP_TOLERANCE: f64 = 1e-13;

/// An absolute-loss move must lower Σ|r| by more than this fraction to count (no cycling on
/// rounding).
const IMPROVEMENT: f64 = 1e-12;

/// The fit descent starts from: the flat line at the lowest y (gradient descent, and the
/// absolute constant), or through the point of median y (absolute line).
pub fn start(problem: &Problem, options: &Options) -> Params {
    let y = &problem.points.y;
    if options.method == Method::Absolute && options.model == Model::Line {
        let point = median_point(y);
        return Params {
            intercept: y[point],
            slope: 0.0,
        };
    }
    let lowest = y.iter().fold(f64::INFINITY, |low, &value| low.min(value));
    Params {
        intercept: lowest,
        slope: 0.0,
    }
}

/// Reports every step of the fit `options` choose to `recorder`, then the finish.
pub fn record<R: Recorder<Event>>(problem: &Problem, options: &Options, recorder: &mut R) {
    let start = start(problem, options);
    let end = match (options.method, options.model) {
        (Method::Absolute, Model::Line) => pivots(problem, start, recorder),
        (Method::Absolute, Model::Constant) => slides(&problem.points, start, recorder),
        _ => gradient_steps(problem, options, start, recorder),
    };
    let loss = options.loss();
    let reached = objective(&problem.points, end, loss);
    let target = &problem.target;
    let close =
        |a: f64, b: f64, tolerance: f64| (a - b).abs() <= tolerance * (1.0 + a.abs().max(b.abs()));
    let at_target = |tolerance: f64| {
        close(end.intercept, target.intercept, tolerance)
            && close(end.slope, target.slope, tolerance)
    };
    // Converged: the target's objective within 1e-9 relative, or its parameters (a perfect
    // fit's objective is 0, which no rounding error equals relatively).
    let scale = target.objective.abs().max(reached.abs());
    let gap = (reached - target.objective).abs();
    // Converged: the target's objective within 1e-9 relative, or its parameters (a perfect
    // fit's objective is 0, which no rounding error equals relatively). Huber's descent may
    // creep where points sit near ±δ of a flat stretch of its minimum: within 1e-6 it counts
    // as arrived too, and the finish says how far it was.
    let converged = gap <= 1e-9 * scale
        || at_target(1e-9)
        || (options.method == Method::Huber && gap <= 1e-6 * scale);
    // Landing on the target's parameters when they are within rounding of the descent's own
    // (the kernel's exact zeros, the median's midpoint), or, for the squared and Huber losses,
    // whenever the objective has converged. The absolute loss's optimum may be a whole
    // segment: there the descent keeps its own optimal line.
    let snap = at_target(1e-6) || options.method != Method::Absolute;
    let to = if converged && snap {
        Params {
            intercept: target.intercept,
            slope: target.slope,
        }
    } else {
        end
    };
    recorder.record(|| Event::Finish { to, converged });
}

/// The index of the point with the median y (the lower middle one; the first among equals).
fn median_point(y: &[f64]) -> usize {
    let mut order: Vec<usize> = (0..y.len()).collect();
    order.sort_by(|&a, &b| y[a].total_cmp(&y[b]).then(a.cmp(&b)));
    order[(y.len() - 1) / 2]
}

/// ψ(r): the residual, clipped to ±δ for Huber's loss.
fn influence(residual: f64, options: &Options) -> f64 {
    match options.method {
        Method::Huber => within(residual, -options.delta, options.delta),
        _ => residual,
    }
}

/// One step from `params`: the parameters after it, and the point pulling hardest. For the
/// squared loss a gradient step. For Huber's loss the gradient is scaled by the inverse of the
/// IRLS-weighted curvature (weights 1 within δ, δ/|r| beyond; the gradient step itself when
/// every point is within δ): plain gradient steps crawl when few points are inside. Where the
/// scaled step would not lower the objective, the plain gradient step.
pub fn gradient_step(problem: &Problem, options: &Options, params: Params) -> (Params, usize) {
    let points = &problem.points;
    let units = problem.units;
    let line = options.model == Model::Line;
    let n = points.len() as f64;
    let (mut mean_pull, mut mean_turn) = (0.0, 0.0);
    // Huber's curvature as IRLS weighs it: Σ wᵢ·[1, u; u, u²] / n.
    let (mut h00, mut h01, mut h11) = (0.0, 0.0, 0.0);
    let (mut hardest, mut hardest_pull) = (0, -1.0);
    for (index, (&x, &y)) in points.x.iter().zip(&points.y).enumerate() {
        let residual = y - params.at(x);
        let psi = influence(residual, options);
        let u = if line {
            (x - units.x_mean) / units.x_scale
        } else {
            0.0
        };
        mean_pull += psi / n;
        mean_turn += psi * u / n;
        // IRLS weights: 1 within δ, δ/|r| beyond (ψ(r)/r), so H is never singular.
        let weight = if residual.abs() <= options.delta {
            1.0
        } else {
            options.delta / residual.abs()
        };
        h00 += weight / n;
        h01 += weight * u / n;
        h11 += weight * u * u / n;
        let pull = psi.abs() * (1.0 + u * u).sqrt();
        if pull > hardest_pull {
            (hardest, hardest_pull) = (index, pull);
        }
    }
    let step = |rise: f64, turn: f64| {
        let alpha = params.at(units.x_mean) + options.rate * rise;
        let slope = if line {
            (params.slope * units.x_scale + options.rate * turn) / units.x_scale
        } else {
            0.0
        };
        Params {
            intercept: alpha - slope * units.x_mean,
            slope,
        }
    };
    let plain = step(mean_pull, mean_turn);
    if options.method != Method::Huber {
        return (plain, hardest);
    }
    let scaled = if line {
        let determinant = h00 * h11 - h01 * h01;
        (determinant > 1e-12 * (h00 * h11).max(f64::MIN_POSITIVE)).then(|| {
            (
                (h11 * mean_pull - h01 * mean_turn) / determinant,
                (h00 * mean_turn - h01 * mean_pull) / determinant,
            )
        })
    } else {
        (h00 > 0.0).then(|| (mean_pull / h00, 0.0))
    };
    let loss = options.loss();
    let next = match scaled {
        Some((rise, turn)) => {
            let newton = step(rise, turn);
            let lower = objective(points, newton, loss) < objective(points, params, loss);
            if lower {
                newton
            } else {
                plain
            }
        }
        None => plain,
    };
    (next, hardest)
}

/// Gradient descent from `start` until a step is tiny or [`super::MAX_DESCENT_STEPS`] are
/// taken; the parameters it ends at.
fn gradient_steps<R: Recorder<Event>>(
    problem: &Problem,
    options: &Options,
    start: Params,
    recorder: &mut R,
) -> Params {
    let units = problem.units;
    let scale = problem
        .points
        .y
        .iter()
        .fold(0.0_f64, |largest, y| largest.max(y.abs()))
        .max(f64::MIN_POSITIVE);
    let mut params = start;
    for _ in 0..super::MAX_DESCENT_STEPS {
        let (next, pull) = gradient_step(problem, options, params);
        let moved = (next.at(units.x_mean) - params.at(units.x_mean)).abs()
            + ((next.slope - params.slope) * units.x_scale).abs();
        if moved.is_nan() || moved <= STEP_TOLERANCE * scale || next == params {
            break;
        }
        recorder.record(|| Event::Descend {
            to: next,
            pull: pull as u32,
        });
        params = next;
    }
    params
}

/// The best line through point `pivot` under the absolute loss: its slope is the weighted
/// median of the slopes from `pivot` to the points at other x (weights |xᵢ − xₚ|), and it
/// passes through the point of that slope. `None` when every point shares the pivot's x.
pub fn best_turn(points: &Points, pivot: usize) -> Option<(Params, usize)> {
    let (px, py) = (points.x[pivot], points.y[pivot]);
    let mut slopes: Vec<(f64, f64, usize)> = points
        .x
        .iter()
        .zip(&points.y)
        .enumerate()
        .filter(|&(_, (&x, _))| x != px)
        .map(|(index, (&x, &y))| ((y - py) / (x - px), (x - px).abs(), index))
        .collect();
    if slopes.is_empty() {
        return None;
    }
    slopes.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.2.cmp(&b.2)));
    let total: f64 = slopes.iter().map(|&(_, weight, _)| weight).sum();
    let mut below = 0.0;
    for &(slope, weight, index) in &slopes {
        below += weight;
        if below >= total / 2.0 {
            let params = Params {
                intercept: py - slope * px,
                slope,
            };
            return Some((params, index));
        }
    }
    None
}

/// Wesolowsky's descent from the flat line through the median point; the line it ends at.
fn pivots<R: Recorder<Event>>(problem: &Problem, start: Params, recorder: &mut R) -> Params {
    let points = &problem.points;
    let absolute = |params: Params| objective(points, params, super::Loss::Absolute);
    let mut params = start;
    let mut sum = absolute(params);
    let mut pivot = median_point(&points.y);
    'descent: for _ in 0..super::MAX_DESCENT_STEPS {
        // Turn about the newest point first, then about every other point on the line.
        let scale = 1e-12 * (1.0 + sum);
        let on_line = (0..points.len())
            .filter(|&index| index != pivot)
            .filter(|&index| (points.y[index] - params.at(points.x[index])).abs() <= scale);
        for about in std::iter::once(pivot).chain(on_line) {
            let Some((turned, through)) = best_turn(points, about) else {
                continue;
            };
            let turned_sum = absolute(turned);
            if turned_sum < sum - IMPROVEMENT * sum {
                recorder.record(|| Event::Pivot {
                    to: turned,
                    about: about as u32,
                    through: through as u32,
                });
                (params, sum, pivot) = (turned, turned_sum, through);
                continue 'descent;
            }
        }
        break;
    }
    params
}

/// The constant's descent: toward the side with more points, one y at a time; where it ends.
fn slides<R: Recorder<Event>>(points: &Points, start: Params, recorder: &mut R) -> Params {
    let y = &points.y;
    let mut level = start.intercept;
    for _ in 0..=y.len() {
        let above = y.iter().filter(|&&value| value > level).count();
        let below = y.iter().filter(|&&value| value < level).count();
        let on = y.len() - above - below;
        let next = if above > below + on {
            y.iter()
                .enumerate()
                .filter(|&(_, &value)| value > level)
                .min_by(|a, b| a.1.total_cmp(b.1))
        } else if below > above + on {
            y.iter()
                .enumerate()
                .filter(|&(_, &value)| value < level)
                .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))
        } else {
            None
        };
        let Some((onto, &value)) = next else {
            break;
        };
        let to = Params {
            intercept: value,
            slope: 0.0,
        };
        recorder.record(|| Event::Slide {
            to,
            onto: onto as u32,
            above: above as u32,
            below: below as u32,
        });
        level = value;
    }
    Params {
        intercept: level,
        slope: 0.0,
    }
}

/// The mark at the start of a run: the start's parameters and objective.
pub fn first_mark(problem: &Problem, options: &Options) -> Mark {
    let params = start(problem, options);
    Mark {
        params,
        objective: objective(&problem.points, params, options.loss()),
    }
}
