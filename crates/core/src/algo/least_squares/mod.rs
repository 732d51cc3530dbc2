//! Why squared error: least squares is the maximum likelihood under Gaussian noise, least
//! absolute deviations under Laplace noise, and Huber's loss sits between them. (The kernel;
//! the animation of issue 25 is still to come.)

mod kernel;

pub use kernel::{fit_line, huber_loss, Fit, Loss, Model, MAX_POINTS};
