//! Explanation: narration, pseudocode lines, operation counters and the quiz question.

use super::info::{
    Line, ABSOLUTE_CONSTANT_PSEUDOCODE, ABSOLUTE_LINE_PSEUDOCODE, HUBER_PSEUDOCODE,
    SQUARED_PSEUDOCODE,
};
use super::text::{brief, objective_name, point_text};
use super::{log_likelihood, question, Event, LeastSquares, Method, Model, Options, Params, State};
use crate::algorithm::{Counter, Explain, Pseudocode, Question};
use crate::format::group_digits;

/// "y = 1.2 + 0.45·x" or "y = 2.3".
pub fn fit_text(params: Params, model: Model) -> String {
    match model {
        Model::Constant => format!("y = {}", brief(params.intercept)),
        Model::Line => {
            let sign = if params.slope < 0.0 { "−" } else { "+" };
            format!(
                "y = {} {sign} {}·x",
                brief(params.intercept),
                brief(params.slope.abs())
            )
        }
    }
}

/// The objective and, for the squared and absolute losses, the log-likelihood it implies.
fn score_text(state: &State, objective: f64) -> String {
    let loss = state.options.loss();
    let name = objective_name(state.options.method);
    let likelihood = log_likelihood(objective, state.problem.points.len(), loss);
    if likelihood.is_nan() {
        format!("{name} = {}", brief(objective))
    } else {
        format!(
            "{name} = {}, ln L = {}",
            brief(objective),
            brief(likelihood)
        )
    }
}

impl Explain for LeastSquares {
    type Line = Line;

    fn introduce(state: &State) -> String {
        let options = &state.options;
        let start = state.current();
        let n = state.problem.points.len();
        let what = match options.model {
            Model::Line => "a line",
            Model::Constant => "a constant",
        };
        let how = match (options.method, options.model) {
            (Method::Absolute, Model::Line) => {
                "It starts flat through the point of median y and turns from point to point \
                 (an exact descent)."
            }
            (Method::Absolute, Model::Constant) => {
                "It starts at the lowest point and moves toward the side with more points."
            }
            _ => "Gradient descent starts flat at the lowest point.",
        };
        let noise = match options.method {
            Method::Squared => "the maximum likelihood if the noise is Gaussian",
            Method::Absolute => "the maximum likelihood if the noise is Laplace",
            Method::Huber => "squared within δ of the line, absolute beyond: robust to outliers",
        };
        format!(
            "Fit {what} to {n} points by minimising {}: {noise}. {how} Start: {}, {}.",
            objective_name(options.method),
            fit_text(start.params, options.model),
            score_text(state, start.objective)
        )
    }

    fn narrate(state: &State, event: &Event) -> String {
        let points = &state.problem.points;
        let options = &state.options;
        let now = state.current();
        let before = state.previous();
        let fit = fit_text(now.params, options.model);
        let score = score_text(state, now.objective);
        match *event {
            Event::Descend { pull, .. } => {
                let units = state.problem.units;
                let rise = now.params.at(units.x_mean) - before.params.at(units.x_mean);
                let how = match options.method {
                    Method::Huber => "the clipped residuals ψ(r), scaled by the curvature \
                                      IRLS weighs (1 within δ, δ/|r| beyond), move the line's \
                                      height at the mean x by"
                        .to_string(),
                    _ => format!(
                        "the mean residual is {}, so the line's height at the mean x moves by \
                         η × that =",
                        brief(rise / options.rate)
                    ),
                };
                format!(
                    "Step {}: {how} {}. {} pulls hardest. Now {fit}, {score}.",
                    state.steps(),
                    brief(rise),
                    point_text(points, pull as usize),
                )
            }
            Event::Pivot { about, through, .. } => format!(
                "Turn about {}: the best slope through it is the weighted median of the slopes \
                 to the other points, {}, and the line now also passes through {}. Now {fit}, \
                 {score}.",
                point_text(points, about as usize),
                brief(now.params.slope),
                point_text(points, through as usize),
            ),
            Event::Slide {
                onto, above, below, ..
            } => {
                let (more, fewer, way) = if above > below {
                    (above, below, "up")
                } else {
                    (below, above, "down")
                };
                format!(
                    "{more} points on one side and {fewer} on the other: moving {way} lowers \
                     Σ|r| by {} per unit, so the line moves {way} to {}'s y. Now {score}.",
                    more - fewer,
                    point_text(points, onto as usize)
                )
            }
            Event::Finish { converged, .. } => {
                let target = &state.problem.target;
                let ending = match (options.method, options.model) {
                    (Method::Squared, Model::Line) => "the normal equations' answer",
                    (Method::Squared, Model::Constant) => "the mean",
                    (Method::Absolute, Model::Line) => "an optimal line through two points",
                    (Method::Absolute, Model::Constant) => "a median",
                    (Method::Huber, _) => "Huber's minimum",
                };
                if converged {
                    let other = if (now.params.intercept, now.params.slope)
                        == (target.intercept, target.slope)
                    {
                        String::new()
                    } else {
                        format!(
                            " (the kernel reports {}, another optimum with the same {})",
                            fit_text(
                                Params {
                                    intercept: target.intercept,
                                    slope: target.slope
                                },
                                options.model
                            ),
                            objective_name(options.method)
                        )
                    };
                    let steps = state.steps();
                    let before = state.previous().objective;
                    let gap = (before - target.objective).abs();
                    if steps >= super::MAX_DESCENT_STEPS || gap > 1e-9 * target.objective.abs() {
                        format!(
                            "Stopped after {} steps, {} (in {}) from the minimum; the line lands \
                             on {ending}: {fit}. {score}.",
                            group_digits(steps),
                            brief(gap),
                            objective_name(options.method)
                        )
                    } else {
                        format!("Done after {steps} steps: {fit} is {ending}{other}. {score}.")
                    }
                } else {
                    format!(
                        "Stopped after {} steps, short of {ending}: {score}, the target has {}. \
                         A larger learning rate gets there sooner.",
                        state.steps(),
                        brief(target.objective)
                    )
                }
            }
        }
    }

    fn line(event: &Event, _options: &Options) -> Line {
        match event {
            Event::Descend { .. } => Line::Descend,
            Event::Pivot { .. } => Line::Pivot,
            Event::Slide { .. } => Line::Slide,
            Event::Finish { .. } => Line::Done,
        }
    }

    fn pseudocode(options: &Options) -> Pseudocode<Line> {
        match (options.method, options.model) {
            (Method::Squared, _) => SQUARED_PSEUDOCODE,
            (Method::Huber, _) => HUBER_PSEUDOCODE,
            (Method::Absolute, Model::Line) => ABSOLUTE_LINE_PSEUDOCODE,
            (Method::Absolute, Model::Constant) => ABSOLUTE_CONSTANT_PSEUDOCODE,
        }
    }

    /// The steps, and the objective beside the log-likelihood it implies: they move in
    /// lockstep, one down as the other goes up.
    fn counters(state: &State) -> Vec<Counter> {
        let current = state.current();
        let loss = state.options.loss();
        let mut counters = vec![
            Counter::count("steps", state.steps() as u64),
            Counter::reading(objective_name(state.options.method), current.objective),
        ];
        let likelihood = log_likelihood(current.objective, state.problem.points.len(), loss);
        if !likelihood.is_nan() {
            counters.push(Counter::reading("ln L", likelihood));
        }
        counters
    }

    fn question(state: &State, event: &Event) -> Option<Question> {
        question::question(state, event)
    }
}
