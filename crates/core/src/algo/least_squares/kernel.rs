//! Fitting a constant or a line under three losses: squared (least squares, the maximum
//! likelihood under Gaussian noise), absolute (least absolute deviations, the maximum
//! likelihood under Laplace noise) and Huber's (squared near the line, absolute far from it).

use super::lad::least_absolute;
use crate::format::group_digits;
use crate::input::InputError;

/// The most points `fit_line` takes.
pub const MAX_POINTS: usize = 10_000_000;

/// Which loss the fit minimises.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Loss {
    /// Σ r².
    Squared,
    /// Σ |r|.
    Absolute,
    /// Σ h(r): r²/2 where |r| <= delta, else delta·(|r| − delta/2).
    Huber {
        /// Where the loss turns from squared to absolute.
        delta: f64,
    },
}

/// What is fitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Model {
    /// y = intercept + slope·x.
    Line,
    /// y = intercept (slope 0).
    Constant,
}

/// A fit: the parameters, the residuals y − (intercept + slope·x), the loss's objective and
/// the log-likelihood of the noise model the loss is the maximum likelihood of.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// The intercept (the constant, for the constant model).
    pub intercept: f64,
    /// The slope (0 for the constant model).
    pub slope: f64,
    /// The objective the loss minimises at this fit.
    pub objective: f64,
    /// Gaussian at σ² = RSS/n (squared), Laplace at b = SAD/n (absolute), NaN (Huber);
    /// +∞ when every residual is 0.
    pub log_likelihood: f64,
    /// Each point's residual.
    pub residuals: Vec<f64>,
}

/// Checks the points: lengths, counts, finite values, and for a line two distinct x.
fn check(x: &[f64], y: &[f64], model: Model) -> Result<(), InputError> {
    let refuse = |message: String, field: &str| Err(InputError::new(message).in_field(field));
    let uses_x = model == Model::Line || !x.is_empty();
    if uses_x && x.len() != y.len() {
        return refuse(
            format!(
                "y has {} values and x {}: they must be as long (or, for the constant model, x \
                 empty)",
                group_digits(y.len()),
                group_digits(x.len())
            ),
            "y",
        );
    }
    if y.len() > MAX_POINTS {
        return Err(InputError::limit(format!(
            "{} points: fitLine takes at most {}",
            group_digits(y.len()),
            group_digits(MAX_POINTS)
        ))
        .in_field("y"));
    }
    let needed = if model == Model::Line { 2 } else { 1 };
    if y.len() < needed {
        return refuse(
            format!(
                "{} point{}: a {} needs at least {needed}",
                y.len(),
                if y.len() == 1 { "" } else { "s" },
                if model == Model::Line {
                    "line"
                } else {
                    "constant"
                }
            ),
            "y",
        );
    }
    for (name, values) in [("x", x), ("y", y)] {
        if let Some(index) = values.iter().position(|value| !value.is_finite()) {
            return refuse(
                format!(
                    "{name}[{index}] is {}: every value must be a finite number",
                    crate::format::format_number(values[index])
                ),
                &format!("{name}[{index}]"),
            );
        }
    }
    if model == Model::Line && x.iter().all(|&value| value == x[0]) {
        return refuse(
            format!(
                "every x is {}: a line through points above one x has no slope",
                crate::format::format_number(x[0])
            ),
            "x",
        );
    }
    Ok(())
}

/// Fits `model` to the points `(x[i], y[i])` under `loss`.
pub fn fit_line(x: &[f64], y: &[f64], loss: Loss, model: Model) -> Result<Fit, InputError> {
    if let Loss::Huber { delta } = loss {
        if !(delta.is_finite() && delta > 0.0) {
            return Err(InputError::new(format!(
                "delta must be a finite number above 0, not {}",
                crate::format::format_number(delta)
            ))
            .in_field("delta"));
        }
    }
    check(x, y, model)?;
    let x_at = |index: usize| if model == Model::Line { x[index] } else { 0.0 };
    let (intercept, slope) = match (loss, model) {
        (Loss::Squared, Model::Constant) => (mean(y), 0.0),
        (Loss::Squared, Model::Line) => least_squares(x, y),
        (Loss::Absolute, Model::Constant) => (median(y), 0.0),
        (Loss::Absolute, Model::Line) => least_absolute(x, y),
        (Loss::Huber { delta }, _) => huber(&x_at, y, delta, model),
    };
    let mut residuals: Vec<f64> = (0..y.len())
        .map(|index| y[index] - (intercept + slope * x_at(index)))
        .collect();
    // Points exactly on the fitted line (small integers, collinear) get residuals of exactly
    // zero: a rounding error of 1e-16 would turn an infinite likelihood into a finite one.
    if model == Model::Line && exactly_collinear(x, y) {
        residuals.iter_mut().for_each(|residual| *residual = 0.0);
    }
    if model == Model::Constant && y.iter().all(|&value| value == y[0]) {
        residuals.iter_mut().for_each(|residual| *residual = 0.0);
    }
    let objective: f64 = match loss {
        Loss::Squared => residuals.iter().map(|r| r * r).sum(),
        Loss::Absolute => residuals.iter().map(|r| r.abs()).sum(),
        Loss::Huber { delta } => residuals.iter().map(|&r| huber_loss(r, delta)).sum(),
    };
    let log_likelihood = log_likelihood(objective, y.len(), loss);
    Ok(Fit {
        intercept,
        slope,
        objective,
        log_likelihood,
        residuals,
    })
}

/// The log-likelihood of `n` residuals with this objective under the loss's noise model:
/// Gaussian at σ² = RSS/n, Laplace at b = SAD/n, NaN for Huber; +∞ when the objective is 0.
pub fn log_likelihood(objective: f64, n: usize, loss: Loss) -> f64 {
    let n = n as f64;
    match loss {
        Loss::Huber { .. } => f64::NAN,
        _ if objective == 0.0 => f64::INFINITY,
        Loss::Squared => -n / 2.0 * ((2.0 * std::f64::consts::PI * objective / n).ln() + 1.0),
        Loss::Absolute => -n * (2.0 * objective / n).ln() - n,
    }
}

/// Huber's loss of one residual.
pub fn huber_loss(residual: f64, delta: f64) -> f64 {
    let size = residual.abs();
    if size <= delta {
        residual * residual / 2.0
    } else {
        delta * (size - delta / 2.0)
    }
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

/// The median (the mean of the two middle values for an even count: every value between them
/// minimises Σ|r| equally), by selection.
fn median(values: &[f64]) -> f64 {
    let mut copy = values.to_vec();
    let middle = copy.len() / 2;
    let (lower, &mut upper, _) = copy.select_nth_unstable_by(middle, f64::total_cmp);
    if values.len() % 2 == 1 {
        return upper;
    }
    let below = lower.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mean = (below + upper) / 2.0;
    if mean.is_finite() {
        mean
    } else {
        below / 2.0 + upper / 2.0
    }
}

/// The least-squares line, with x and y centred before solving (no cancellation between large
/// sums).
fn least_squares(x: &[f64], y: &[f64]) -> (f64, f64) {
    let (x_mean, y_mean) = (mean(x), mean(y));
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for (&xi, &yi) in x.iter().zip(y) {
        let dx = xi - x_mean;
        sxy += dx * (yi - y_mean);
        sxx += dx * dx;
    }
    let slope = sxy / sxx;
    (y_mean - slope * x_mean, slope)
}

/// True when every point lies exactly on the line through two of them, checked in exact
/// integer arithmetic (only for integer coordinates up to 2^31, where the products fit).
fn exactly_collinear(x: &[f64], y: &[f64]) -> bool {
    let small = |value: f64| value.fract() == 0.0 && value.abs() < 2_147_483_648.0;
    if !x.iter().chain(y).all(|&value| small(value)) {
        return false;
    }
    let Some(other) = x.iter().position(|&value| value != x[0]) else {
        return false;
    };
    let (x0, y0) = (x[0] as i128, y[0] as i128);
    let (dx, dy) = (x[other] as i128 - x0, y[other] as i128 - y0);
    x.iter()
        .zip(y)
        .all(|(&xi, &yi)| (yi as i128 - y0) * dx == dy * (xi as i128 - x0))
}

/// The Huber fit by iteratively reweighted least squares (each step a weighted least-squares
/// fit with weights 1 inside delta and delta/|r| outside, which never increases the
/// objective), started from the least-squares fit, until the parameters stop moving.
fn huber(x_at: &dyn Fn(usize) -> f64, y: &[f64], delta: f64, model: Model) -> (f64, f64) {
    let n = y.len();
    let objective = |intercept: f64, slope: f64| -> f64 {
        (0..n)
            .map(|i| huber_loss(y[i] - intercept - slope * x_at(i), delta))
            .sum()
    };
    let weighted_fit = |weights: &[f64]| -> (f64, f64) {
        let total: f64 = weights.iter().sum();
        let x_mean = (0..n).map(|i| weights[i] * x_at(i)).sum::<f64>() / total;
        let y_mean = (0..n).map(|i| weights[i] * y[i]).sum::<f64>() / total;
        if model == Model::Constant {
            return (y_mean, 0.0);
        }
        let (mut sxy, mut sxx) = (0.0, 0.0);
        for i in 0..n {
            let dx = x_at(i) - x_mean;
            sxy += weights[i] * dx * (y[i] - y_mean);
            sxx += weights[i] * dx * dx;
        }
        if sxx == 0.0 {
            return (y_mean, 0.0);
        }
        let slope = sxy / sxx;
        (y_mean - slope * x_mean, slope)
    };
    let mut current = weighted_fit(&vec![1.0; n]);
    let mut value = objective(current.0, current.1);
    let mut weights = vec![1.0; n];
    for _ in 0..500 {
        for (i, weight) in weights.iter_mut().enumerate() {
            let size = (y[i] - current.0 - current.1 * x_at(i)).abs();
            *weight = if size <= delta { 1.0 } else { delta / size };
        }
        let next = weighted_fit(&weights);
        let next_value = objective(next.0, next.1);
        if next_value > value {
            break;
        }
        let moved = (next.0 - current.0).abs() + (next.1 - current.1).abs();
        let scale = current.0.abs() + current.1.abs() + 1.0;
        current = next;
        value = next_value;
        if moved <= scale * 1e-15 {
            break;
        }
    }
    // Newton's method on the piecewise-quadratic objective, from IRLS's answer: once the
    // points inside delta are the right ones a step lands on the minimum; a halving line
    // search keeps every step a descent.
    for _ in 0..500 {
        let (mut g0, mut g1, mut h00, mut h01, mut h11) = (0.0, 0.0, 0.0, 0.0, 0.0);
        for (i, &yi) in y.iter().enumerate() {
            let xi = x_at(i);
            let r = yi - current.0 - current.1 * xi;
            let psi = crate::number::within(r, -delta, delta);
            g0 += psi;
            g1 += psi * xi;
            if r.abs() <= delta {
                h00 += 1.0;
                h01 += xi;
                h11 += xi * xi;
            }
        }
        // Regularised (Levenberg–Marquardt): with too few points inside delta the Hessian is
        // singular, and the step falls back towards the gradient's direction.
        let damping = 1e-9 * (1.0 + h00 + h11);
        let (h00, h11) = (h00 + damping, h11 + damping);
        let step = if model == Model::Constant {
            (g0 / h00, 0.0)
        } else {
            let determinant = h00 * h11 - h01 * h01;
            if determinant <= 0.0 {
                (g0 / h00, g1 / h11)
            } else {
                (
                    (h11 * g0 - h01 * g1) / determinant,
                    (h00 * g1 - h01 * g0) / determinant,
                )
            }
        };
        let mut length = 1.0;
        let mut improved = false;
        while length > 1e-12 {
            let candidate = (current.0 + length * step.0, current.1 + length * step.1);
            let candidate_value = objective(candidate.0, candidate.1);
            if candidate_value < value {
                current = candidate;
                value = candidate_value;
                improved = true;
                break;
            }
            length /= 2.0;
        }
        if !improved {
            break;
        }
    }
    current
}
