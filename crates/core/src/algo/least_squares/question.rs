//! "What happens next?" at every step: which point pulls the line hardest, which way the
//! line moves and by how much (descent); which point the turning line reaches (absolute
//! line); which way the constant slides; at the end, the log-likelihood or the points
//! within δ.

use super::text::{brief, point_text};
use super::view::POINTS;
use super::{log_likelihood, Event, Method, State};
use crate::algorithm::{Item, Question};

/// The question before `event`.
pub fn question(state: &State, event: &Event) -> Option<Question> {
    if state.finished {
        return None;
    }
    match *event {
        Event::Descend { pull, to } => {
            let units = state.problem.units;
            let now = state.current().params;
            let rise = to.at(units.x_mean) - now.at(units.x_mean);
            let turn = (to.slope - now.slope) * units.x_scale;
            match state.steps() % 3 {
                0 => hardest_pull(state, pull as usize).or_else(|| movement(rise, turn)),
                1 => movement(rise, turn),
                // Huber's step is scaled by IRLS's curvature: not a sum to do by hand.
                _ if state.options.method == Method::Huber => movement(rise, turn),
                _ => Some(how_far(state, rise, turn)),
            }
        }
        Event::Pivot { about, through, .. } => {
            Some(next_point(state, about as usize, through as usize))
        }
        Event::Slide { above, below, .. } => Some(slide(state, above, below)),
        Event::Finish { to, .. } => Some(finish(state, to)),
    }
}

/// Picks for every point, each answering with its own name (a point at the same place as an
/// earlier one is left out: a click could not tell them apart).
fn point_picks(state: &State, except: Option<usize>) -> Vec<(Item, String)> {
    let points = &state.problem.points;
    (0..points.len())
        .filter(|&index| Some(index) != except)
        .filter(|&index| {
            !(0..index).any(|earlier| {
                points.x[earlier] == points.x[index] && points.y[earlier] == points.y[index]
            })
        })
        .map(|index| (Item::at(POINTS, index), point_text(points, index)))
        .collect()
}

/// Which point pulls the line hardest? `None` when two pull (almost) equally hard.
fn hardest_pull(state: &State, pull: usize) -> Option<Question> {
    let points = &state.problem.points;
    let params = state.current().params;
    let residuals: Vec<f64> = points
        .x
        .iter()
        .zip(&points.y)
        .map(|(&x, &y)| y - params.at(x))
        .collect();
    // The runner-up by the same measure: a near tie is no question.
    let units = state.problem.units;
    let line = state.options.model == super::Model::Line;
    let pulls: Vec<f64> = (0..points.len())
        .map(|index| {
            let psi = match state.options.method {
                Method::Huber => crate::number::within(
                    residuals[index],
                    -state.options.delta,
                    state.options.delta,
                ),
                _ => residuals[index],
            };
            let u = if line {
                (points.x[index] - units.x_mean) / units.x_scale
            } else {
                0.0
            };
            psi.abs() * (1.0 + u * u).sqrt()
        })
        .collect();
    let runner_up = pulls
        .iter()
        .enumerate()
        .filter(|&(index, _)| index != pull)
        .fold(0.0_f64, |most, (_, &value)| most.max(value));
    if runner_up >= pulls[pull] * (1.0 - 1e-9) {
        return None;
    }
    let smallest = (0..points.len())
        .min_by(|&a, &b| pulls[a].total_cmp(&pulls[b]))
        .unwrap_or(0);
    let highest = (0..points.len())
        .max_by(|&a, &b| points.y[a].total_cmp(&points.y[b]))
        .unwrap_or(0);
    let farthest = (0..points.len())
        .max_by(|&a, &b| {
            (points.x[a] - units.x_mean)
                .abs()
                .total_cmp(&(points.x[b] - units.x_mean).abs())
        })
        .unwrap_or(0);
    let how = match state.options.method {
        Method::Huber => "its residual clipped to ±δ, times √(1 + u²)",
        _ => "its residual times √(1 + u²), u its centred, scaled x",
    };
    Some(
        Question::choice(
            format!("Which point pulls the line hardest at this step? (A point's pull is {how}.)"),
            point_text(points, pull),
            [smallest, highest, farthest]
                .iter()
                .map(|&index| point_text(points, index))
                .collect(),
        )
        .focus([Item::at(POINTS, pull)])
        .picks(
            "Click the point that pulls hardest.",
            point_picks(state, None),
        ),
    )
}

/// Which way does the line move at the mean x (or, where it does not, which way does it
/// turn)? `None` when it does neither.
fn movement(rise: f64, turn: f64) -> Option<Question> {
    let (prompt, answer, wrong) = if rise != 0.0 {
        (
            "Does the line move up or down at the mean x? (Which side's residuals outweigh \
             the other's?)",
            if rise > 0.0 { "Up" } else { "Down" },
            [if rise > 0.0 { "Down" } else { "Up" }, "It stays"],
        )
    } else if turn != 0.0 {
        (
            "The line's height at the mean x is already right. Does its slope go up or down?",
            if turn > 0.0 { "Up" } else { "Down" },
            [if turn > 0.0 { "Down" } else { "Up" }, "It stays"],
        )
    } else {
        return None;
    };
    Some(Question::choice(
        prompt.to_string(),
        answer.to_string(),
        wrong.iter().map(|text| text.to_string()).collect(),
    ))
}

/// By how much does the line's height at the mean x change (or, where it does not, its rise
/// per standard deviation of x)? For the squared loss, whose step is η times the mean.
fn how_far(state: &State, rise: f64, turn: f64) -> Question {
    let rate = state.options.rate;
    let residual = "residual";
    let (what, change, mean) = if rise != 0.0 || turn == 0.0 {
        (
            format!("mean {residual}"),
            "the line's height at the mean x",
            rise / rate,
        )
    } else {
        (
            format!("mean {residual} × u"),
            "the line's rise per standard deviation of x",
            turn / rate,
        )
    };
    let step = rate * round4(mean);
    Question::number(
        format!(
            "The {what} is {} and the learning rate η is {}. By how much does {change} change?",
            brief(mean),
            brief(rate)
        ),
        round4(step),
        &[round4(mean), round4(-step), round4(2.0 * step)],
    )
}

/// `value` rounded to four significant digits (what the prompt's numbers let one compute).
fn round4(value: f64) -> f64 {
    crate::number::parse_f64(&brief(value)).unwrap_or(value)
}

/// The line turns about `about`: which point does it reach?
fn next_point(state: &State, about: usize, through: usize) -> Question {
    let points = &state.problem.points;
    let params = state.current().params;
    let farthest_off = (0..points.len())
        .filter(|&index| index != about)
        .max_by(|&a, &b| {
            (points.y[a] - params.at(points.x[a]))
                .abs()
                .total_cmp(&(points.y[b] - params.at(points.x[b])).abs())
        })
        .unwrap_or(through);
    let nearest = (0..points.len())
        .filter(|&index| index != about && points.x[index] != points.x[about])
        .min_by(|&a, &b| {
            (points.x[a] - points.x[about])
                .abs()
                .total_cmp(&(points.x[b] - points.x[about]).abs())
        })
        .unwrap_or(through);
    let last = (0..points.len())
        .rev()
        .find(|&index| index != about)
        .unwrap_or(through);
    Question::choice(
        format!(
            "The line turns about {}. Through which point does the best turn pass? (The \
             weighted median of the slopes to it, weights |xᵢ − xₚ|.)",
            point_text(points, about)
        ),
        point_text(points, through),
        [farthest_off, nearest, last]
            .iter()
            .map(|&index| point_text(points, index))
            .collect(),
    )
    .focus([Item::at(POINTS, about)])
    .picks(
        "Click the point the line reaches.",
        point_picks(state, Some(about)),
    )
}

/// The constant slides: which way?
fn slide(state: &State, above: u32, below: u32) -> Question {
    let level = state.current().params.intercept;
    let (answer, wrong) = if above > below {
        ("Up", "Down")
    } else {
        ("Down", "Up")
    };
    Question::choice(
        format!(
            "The line is at y = {}. Which way does it move to lower Σ|r|?",
            brief(level)
        ),
        answer.to_string(),
        vec![
            wrong.to_string(),
            "It stays: this is the median".to_string(),
        ],
    )
}

/// At the end: the log-likelihood (squared, absolute), or how many points are within δ.
fn finish(state: &State, to: super::Params) -> Question {
    let points = &state.problem.points;
    let n = points.len();
    let loss = state.options.loss();
    let objective = super::objective(points, to, loss);
    if state.options.method == Method::Huber {
        let delta = state.options.delta;
        let within = points
            .x
            .iter()
            .zip(&points.y)
            .filter(|&(&x, &y)| (y - to.at(x)).abs() <= delta)
            .count();
        return Question::number(
            format!(
                "At Huber's minimum, how many of the {n} points lie within δ = {} of the line \
                 (the shaded band: their loss is squared)?",
                brief(delta)
            ),
            within as f64,
            &[n as f64, (n - within) as f64],
        );
    }
    let likelihood = log_likelihood(objective, n, loss);
    if likelihood.is_infinite() {
        return Question::choice(
            "Every residual is 0. What is the log-likelihood of the fit?".to_string(),
            "+∞: the noise scale fits to 0".to_string(),
            vec!["0".to_string(), "−∞".to_string(), "1".to_string()],
        );
    }
    let formula = match state.options.method {
        Method::Squared => "−n/2·(ln(2π·SSE/n) + 1)",
        _ => "−n·ln(2·Σ|r|/n) − n",
    };
    Question::number(
        format!(
            "The fit ends with {} = {} over n = {n} points. What is its log-likelihood, {formula}?",
            super::text::objective_name(state.options.method),
            brief(objective)
        ),
        round4(likelihood),
        &[round4(-likelihood), round4(likelihood / n as f64)],
    )
}
