//! Why squared error: least squares is the maximum likelihood under Gaussian noise, least
//! absolute deviations under Laplace noise, and Huber's loss sits between them.
//!
//! The animation fits a constant or a line to points under one loss, step by step, beside the
//! loss's noise model: gradient descent for the squared and Huber losses (in centred and
//! scaled units, with the closed-form or the kernel's answer drawn as the target), and an
//! exact descent for the absolute loss (the line turns from data point to data point). Each
//! step shows the residuals (squares whose areas add up to the SSE, bars for the absolute
//! loss), each point's noise density and the log-likelihood as a sum of logs.

mod descent;
mod generator;
mod info;
mod kernel;
mod lad;
mod narrate;
mod points;
mod question;
mod replay;
mod resident;
mod text;
mod view;
mod view_panels;

pub use generator::{
    run_experiment, Experiment, Generator, Noise, SlopeSpread, Spacing, DEFAULT_SAMPLES,
    HUBER_DELTA_PER_SCALE, MAX_SAMPLES, OUTLIER_SHARE, OUTLIER_SHIFT,
};
pub use info::{Line, Method, DEFAULT_DELTA, DEFAULT_RATE, MAX_DESCENT_STEPS, MAX_RATE};
pub use kernel::{fit_line, huber_loss, log_likelihood, Fit, Loss, Model, MAX_POINTS};
pub use points::{parse_points, points_text, Points, MAX_ANIMATED_POINTS};
pub use resident::RESIDENT;

use std::rc::Rc;

use crate::algorithm::{AlgorithmInfo, Recorder, Run};
use crate::format::{format_number, group_digits};
use crate::input::{InputError, OptionMap};
use crate::options::read_options;
use crate::value::{Describe, Value};
use info::{METHODS, OPTIONS};

/// Everything a run can be asked to do.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// The loss.
    pub method: Method,
    /// A line or a constant.
    pub model: Model,
    /// Huber's δ (read by the Huber loss only).
    pub delta: f64,
    /// The descent's learning rate η: each step moves the centred parameters by η times the
    /// mean (clipped) residual and the mean (clipped) residual times u.
    pub rate: f64,
}

impl Options {
    /// The loss the options name, with its δ.
    pub fn loss(&self) -> Loss {
        match self.method {
            Method::Squared => Loss::Squared,
            Method::Absolute => Loss::Absolute,
            Method::Huber => Loss::Huber { delta: self.delta },
        }
    }
}

/// A constant or a line: y = intercept + slope·x.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Where the line crosses x = 0.
    pub intercept: f64,
    /// Its slope (0 for a constant).
    pub slope: f64,
}

impl Params {
    /// The line's height at `x`.
    pub fn at(self, x: f64) -> f64 {
        self.intercept + self.slope * x
    }
}

/// The units descent works in: u = (x − x_mean) / x_scale, so the intercept and the slope
/// do not pull against each other (for a constant, u is 0).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Units {
    /// The mean x.
    pub x_mean: f64,
    /// The standard deviation of x (1 for a constant).
    pub x_scale: f64,
}

/// The parsed input: the points, the kernel's answer (the target), and descent's units.
#[derive(Debug, Clone)]
pub struct Problem {
    /// The points.
    pub points: Points,
    /// `fit_line`'s answer for the options' loss and model.
    pub target: Fit,
    /// Descent's units.
    pub units: Units,
}

impl PartialEq for Problem {
    /// Equal inputs are equal problems: the target's log-likelihood is compared by its bits,
    /// since Huber's is NaN.
    fn eq(&self, other: &Problem) -> bool {
        let (mine, theirs) = (&self.target, &other.target);
        self.points == other.points
            && self.units == other.units
            && (mine.intercept, mine.slope, mine.objective, &mine.residuals)
                == (
                    theirs.intercept,
                    theirs.slope,
                    theirs.objective,
                    &theirs.residuals,
                )
            && mine.log_likelihood.to_bits() == theirs.log_likelihood.to_bits()
    }
}

/// One step of a fit. Each carries the parameters it moves to; the state keeps those before.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Event {
    /// Gradient descent (squared, Huber): one step; `pull` is the point whose residual pulls
    /// hardest.
    Descend {
        /// The parameters after the step.
        to: Params,
        /// The point pulling hardest.
        pull: u32,
    },
    /// Absolute loss, line: the line turns about point `about` until it passes through
    /// point `through`.
    Pivot {
        /// The line after turning.
        to: Params,
        /// The point it turns about.
        about: u32,
        /// The point it now also passes through.
        through: u32,
    },
    /// Absolute loss, constant: `above` points above and `below` below, so the line moves
    /// to the next point's y toward the larger side: point `onto`.
    Slide {
        /// The constant after moving.
        to: Params,
        /// The point whose y it moves to.
        onto: u32,
        /// Points above before the move.
        above: u32,
        /// Points below before the move.
        below: u32,
    },
    /// The end: `converged` when the fit reached the target's objective (it then lands on
    /// the target's parameters where they are within rounding of its own).
    Finish {
        /// The final parameters.
        to: Params,
        /// True when the objective equals the target's within 1e-9 relative.
        converged: bool,
    },
}

/// The parameters and the objective at one position of the clock.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    /// The fit.
    pub params: Params,
    /// The loss's objective there.
    pub objective: f64,
}

/// What the animation shows at one step.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The points, the target and the units (shared by every checkpoint).
    pub problem: Rc<Problem>,
    /// The run's options.
    pub options: Options,
    /// The fit at every step so far, the start first: the last is the current fit.
    pub trail: Vec<Mark>,
    /// True after the last step.
    pub finished: bool,
}

impl State {
    /// The current fit.
    pub fn current(&self) -> Mark {
        self.trail[self.trail.len() - 1]
    }

    /// The fit before the last step (the current one at the start).
    pub fn previous(&self) -> Mark {
        self.trail[self.trail.len().saturating_sub(2)]
    }

    /// Steps taken, the finish not counted.
    pub fn steps(&self) -> usize {
        self.trail.len() - 1 - usize::from(self.finished)
    }
}

/// The objective of `loss` at `params`.
pub fn objective(points: &Points, params: Params, loss: Loss) -> f64 {
    let residuals = points
        .x
        .iter()
        .zip(&points.y)
        .map(|(&x, &y)| y - params.at(x));
    match loss {
        Loss::Squared => residuals.map(|r| r * r).sum(),
        Loss::Absolute => residuals.map(f64::abs).sum(),
        Loss::Huber { delta } => residuals.map(|r| huber_loss(r, delta)).sum(),
    }
}

/// The algorithm as registered: `least-squares`.
pub struct LeastSquares;

impl Run for LeastSquares {
    type Input = Problem;

    type Options = Options;

    type Output = Fit;

    type Event = Event;

    const ID: &'static str = info::ID;

    const INFO: AlgorithmInfo = info::INFO;

    fn parse_options(options: &mut OptionMap) -> Result<Options, InputError> {
        let values = read_options(options, OPTIONS, METHODS)?;
        let method = Method::from_id(values.method()).unwrap_or(Method::Squared);
        let delta = values.number("delta");
        if !(delta.is_finite() && delta > 0.0) {
            return Err(InputError::new(format!(
                "delta must be a finite number above 0, not {}",
                format_number(delta)
            ))
            .in_field("delta"));
        }
        let rate = values.number("rate");
        if !(rate.is_finite() && rate > 0.0 && rate <= MAX_RATE) {
            return Err(InputError::new(format!(
                "rate must be above 0 and at most {} (descent overshoots for ever from 2 on), \
                 not {}",
                format_number(MAX_RATE),
                format_number(rate)
            ))
            .in_field("rate"));
        }
        Ok(Options {
            method,
            model: match values.choice("model") {
                "constant" => Model::Constant,
                _ => Model::Line,
            },
            delta,
            rate,
        })
    }

    fn parse(text: &str, options: &Options) -> Result<Problem, InputError> {
        prepare(parse_points(text)?, options)
    }

    /// Points from the widget's default generator: the line y = 1 + 0.5·x plus Gaussian
    /// noise of σ = 1, x spread evenly over 0 to 10.
    fn random_input(size: usize, seed: u64) -> String {
        let size = size.clamp(2, MAX_ANIMATED_POINTS);
        points_text(&Generator::default().points(size, seed))
    }

    fn check_animation_limits(problem: &Problem, _options: &Options) -> Result<(), InputError> {
        let count = problem.points.len();
        if count > MAX_ANIMATED_POINTS {
            return Err(InputError::limit(format!(
                "{} points: the animation fits at most {} (the kernel fitLine takes up to {})",
                group_digits(count),
                group_digits(MAX_ANIMATED_POINTS),
                group_digits(MAX_POINTS)
            )));
        }
        Ok(())
    }

    fn run<R: Recorder<Event>>(problem: &Problem, options: &Options, recorder: &mut R) -> Fit {
        if R::KEEPS_EVENTS {
            descent::record(problem, options, recorder);
        }
        problem.target.clone()
    }
}

/// The problem of fitting `points` as `options` say: the kernel's answer is the target.
/// Errors are the kernel's (too few points, every x equal for a line).
pub fn prepare(points: Points, options: &Options) -> Result<Problem, InputError> {
    let target = fit_line(&points.x, &points.y, options.loss(), options.model)?;
    let units = match options.model {
        Model::Constant => Units {
            x_mean: 0.0,
            x_scale: 1.0,
        },
        Model::Line => {
            let n = points.len() as f64;
            let x_mean = points.x.iter().sum::<f64>() / n;
            let variance = points
                .x
                .iter()
                .map(|x| (x - x_mean) * (x - x_mean))
                .sum::<f64>()
                / n;
            Units {
                x_mean,
                x_scale: variance.sqrt(),
            }
        }
    };
    Ok(Problem {
        points,
        target,
        units,
    })
}

/// A log-likelihood for the page: null where the loss has none (Huber's NaN).
fn likelihood_value(likelihood: f64) -> Value {
    if likelihood.is_nan() {
        Value::Null
    } else {
        likelihood.describe()
    }
}

impl Describe for Fit {
    fn describe(&self) -> Value {
        Value::record([
            ("intercept", self.intercept.describe()),
            ("slope", self.slope.describe()),
            ("objective", self.objective.describe()),
            ("logLikelihood", likelihood_value(self.log_likelihood)),
            ("residuals", self.residuals.describe()),
        ])
    }
}

impl Describe for State {
    fn describe(&self) -> Value {
        let problem = &self.problem;
        let current = self.current();
        let loss = self.options.loss();
        Value::record([
            ("x", problem.points.x.describe()),
            ("y", problem.points.y.describe()),
            ("method", self.options.method.id().describe()),
            (
                "model",
                match self.options.model {
                    Model::Line => "line",
                    Model::Constant => "constant",
                }
                .describe(),
            ),
            ("intercept", current.params.intercept.describe()),
            ("slope", current.params.slope.describe()),
            ("objective", current.objective.describe()),
            (
                "logLikelihood",
                likelihood_value(log_likelihood(
                    current.objective,
                    problem.points.len(),
                    loss,
                )),
            ),
            ("target", problem.target.describe()),
            ("steps", self.steps().describe()),
            ("finished", self.finished.describe()),
        ])
    }
}
