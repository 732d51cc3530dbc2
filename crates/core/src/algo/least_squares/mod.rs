//! Why squared error: least squares is the maximum likelihood under Gaussian noise, least
//! absolute deviations under Laplace noise, and Huber's loss sits between them.
//!
//! The animation fits a constant or a line to points under one loss, step by step, beside the
//! loss's noise model: gradient descent for the squared and Huber losses (in centred and
//! scaled units, with the closed-form or the kernel's answer drawn as the target), and an
//! exact descent for the absolute loss (the line pivots from data point to data point). Each
//! step shows the residuals (squares whose areas add up to the SSE, bars for the absolute
//! loss), each point's noise density and the log-likelihood as a sum of logs.

mod generator;
mod kernel;
mod points;

pub use generator::{
    run_experiment, Experiment, Generator, Noise, SlopeSpread, Spacing, DEFAULT_SAMPLES,
    HUBER_DELTA_PER_SCALE, MAX_SAMPLES, OUTLIER_SHARE, OUTLIER_SHIFT,
};
pub use kernel::{fit_line, huber_loss, Fit, Loss, Model, MAX_POINTS};
pub use points::{parse_points, points_text, Points, MAX_ANIMATED_POINTS};
