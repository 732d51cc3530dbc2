//! An API rate limiter, five ways on one stream of requests.
//!
//! Each request arrives at a time in seconds; a limiter allows it or rejects it (the leaky
//! queue delays instead, up to a bound). The five classic designs and their trade-offs:
//!
//! - **fixed window**: count per window `[k·w, (k+1)·w)`; O(1) memory, but up to twice the
//!   limit gets through around a window boundary;
//! - **sliding log**: keep the time of every allowed request still in `(t − w, t]`; exact, but
//!   stores up to `limit` timestamps;
//! - **sliding counter**: the previous window's count, weighted by how much of it the sliding
//!   window still covers, plus the current count; O(1) memory, an approximation;
//! - **token bucket**: `limit` tokens refilled at `rate` per second; allows bursts up to the
//!   bucket's size;
//! - **leaky queue** (uber/ratelimit's pacing with a bounded queue): lets requests out one every
//!   `1/rate` seconds, delaying them; rejects only when `limit` are already waiting.
//!
//! The semantics are exact and shared by the kernel ([`rate_limit`]), the animation and the
//! tests: see each method's loop. Only allowed requests count towards any state. Times are
//! finite, ≥ 0 and non-decreasing; equal times are processed in input order. Every method is
//! O(n); the log and the queue hold at most `limit` entries.

mod info;
mod kernel;
mod narrate;
mod question;
mod replay;
mod text;
mod view;
mod view_memory;

pub use info::{Line, Method};
pub use kernel::{
    check_times, decide, most_in_any_window, poisson_times, rate_limit, Decisions, Params,
    MAX_LIMIT, RANDOM_RATE,
};

use crate::algorithm::{AlgorithmInfo, Recorder, Run};
use crate::format::{format_number, group_digits};
use crate::input::{parse_numbers_spanned, InputError, OptionMap};
use crate::options::read_options;
use crate::value::{Describe, Value};
use info::{METHODS, OPTIONS};
use kernel::check_times_named;

/// The most requests the animation shows (the kernel has no such limit).
pub const MAX_ANIMATED_REQUESTS: usize = 2_000;

/// What a method keeps between requests, after a request (for the animation and undo).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Memory {
    /// Fixed window: the current window's index `floor(t / w)` (none before the first request)
    /// and its count.
    Fixed {
        /// The window index.
        window: Option<f64>,
        /// Requests allowed in it.
        count: u64,
    },
    /// Sliding log: how many timestamps the log holds (the newest allowed requests).
    Log {
        /// Entries in the log.
        entries: usize,
    },
    /// Sliding counter: the current window's index and the two counts.
    Counter {
        /// The window index.
        window: Option<f64>,
        /// Requests allowed in the previous window.
        previous: u64,
        /// Requests allowed in the current window.
        current: u64,
    },
    /// Token bucket: the tokens left and when they were last topped up.
    Bucket {
        /// Tokens in the bucket.
        tokens: f64,
        /// The time of the last request.
        last: f64,
    },
    /// Leaky queue: how many allowed requests wait (release later than now), and the last
    /// release time.
    Queue {
        /// Requests waiting to be let out (the newest allowed ones).
        waiting: usize,
        /// The last allowed request's release time.
        last_release: Option<f64>,
    },
}

impl Memory {
    /// How many numbers or timestamps the method stores.
    pub fn entries(self) -> u64 {
        match self {
            Memory::Fixed { .. } | Memory::Bucket { .. } => 1,
            Memory::Counter { .. } => 2,
            Memory::Log { entries } => entries as u64,
            Memory::Queue { waiting, .. } => waiting as u64,
        }
    }
}

/// One step: request `index` arrives and is decided.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Event {
    /// The request's index.
    pub index: usize,
    /// Its time.
    pub time: f64,
    /// When it is let through, `None` when rejected.
    pub release: Option<f64>,
    /// The number the decision compares with the limit: the window's count, the log's
    /// entries, the estimate, the tokens on arrival (compared with 1), the queue's length.
    pub measure: f64,
    /// The method's memory before the request.
    pub before: Memory,
    /// Its memory after.
    pub after: Memory,
    /// The most requests let through in any window of length `window`, before and after.
    pub peak: (u64, u64),
}

impl Event {
    /// True when the request is allowed (possibly delayed).
    pub fn allowed(&self) -> bool {
        self.release.is_some()
    }
}

/// The run's options: the method and the three parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Which design runs.
    pub method: Method,
    /// Its parameters.
    pub params: Params,
}

/// The run's result, as JS sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The decisions.
    pub decisions: Decisions,
    /// The most requests let through in any window of length `window`.
    pub peak: u64,
}

/// What became of one request, as the animation shows it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fate {
    /// Not arrived yet.
    Pending,
    /// Rejected.
    Rejected,
    /// Allowed; let through at this time (later than its arrival when queued).
    Allowed(f64),
}

/// What the animation shows at one step.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The request times.
    pub times: Vec<f64>,
    /// The run's options.
    pub options: Options,
    /// The time axis ends here: the last request, or the leaky queue's last release if later
    /// (the same for all five methods, so their pictures line up).
    pub horizon: f64,
    /// What became of each request so far.
    pub decided: Vec<Fate>,
    /// Indices of the allowed requests, in order (the log and the queue are their newest).
    pub admitted: Vec<usize>,
    /// The method's memory now.
    pub memory: Memory,
    /// The last decided request, if any.
    pub current: Option<usize>,
    /// Requests allowed so far.
    pub allowed: u64,
    /// Requests rejected so far.
    pub rejected: u64,
    /// The most requests let through in any window of length `window`, so far.
    pub peak: u64,
    /// Token bucket only: the level at each decided request, on arrival and after it, for
    /// the level-over-time line.
    pub levels: Vec<Level>,
}

/// The token bucket's level at one request.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Level {
    /// The request's time.
    pub time: f64,
    /// Tokens on arrival, after the refill.
    pub arrival: f64,
    /// Tokens after the request (one fewer when it is allowed).
    pub after: f64,
}

/// The algorithm as registered: `rate-limiter`.
pub struct RateLimiter;

impl Run for RateLimiter {
    type Input = Vec<f64>;

    type Options = Options;

    type Output = Outcome;

    type Event = Event;

    const ID: &'static str = info::ID;

    const INFO: AlgorithmInfo = info::INFO;

    fn parse_options(options: &mut OptionMap) -> Result<Options, InputError> {
        let values = read_options(options, OPTIONS, METHODS)?;
        let method = Method::from_id(values.method()).unwrap_or(Method::FixedWindow);
        let params = Params::new(
            values.number("limit"),
            values.number("window"),
            values.number("rate"),
        )?;
        Ok(Options { method, params })
    }

    fn parse(text: &str, _options: &Options) -> Result<Vec<f64>, InputError> {
        let items = parse_numbers_spanned(text, "time")?;
        check_times_named(
            items.iter().map(|(time, span)| (*time, Some(span.clone()))),
            |index| format!("time {}", index + 1),
        )?;
        Ok(items.into_iter().map(|(time, _)| time).collect())
    }

    fn random_input(size: usize, seed: u64) -> String {
        let times = poisson_times(size.min(MAX_ANIMATED_REQUESTS), RANDOM_RATE, seed);
        let texts: Vec<String> = times.iter().map(|&time| format_number(time)).collect();
        texts.join(" ")
    }

    fn check_animation_limits(times: &Vec<f64>, _options: &Options) -> Result<(), InputError> {
        if times.len() > MAX_ANIMATED_REQUESTS {
            return Err(InputError::limit(format!(
                "{} requests: the animation shows at most {} (the kernel rateLimit has no such \
                 limit)",
                group_digits(times.len()),
                group_digits(MAX_ANIMATED_REQUESTS)
            )));
        }
        Ok(())
    }

    fn run<R: Recorder<Event>>(times: &Vec<f64>, options: &Options, recorder: &mut R) -> Outcome {
        let decisions = decide(times, options.method, &options.params, recorder);
        let peak = most_in_any_window(&decisions.release, options.params.window);
        Outcome { decisions, peak }
    }
}

impl Describe for Outcome {
    fn describe(&self) -> Value {
        Value::record([
            (
                "allowed",
                Value::List(
                    self.decisions
                        .allowed
                        .iter()
                        .map(|&allowed| (allowed == 1).describe())
                        .collect(),
                ),
            ),
            ("release", self.decisions.release.describe()),
            ("peak", self.peak.describe()),
        ])
    }
}

impl Describe for State {
    fn describe(&self) -> Value {
        Value::record([
            ("times", self.times.describe()),
            ("method", self.options.method.id().describe()),
            ("current", self.current.describe()),
            ("allowed", self.allowed.describe()),
            ("rejected", self.rejected.describe()),
            ("entries", self.memory.entries().describe()),
            ("peak", self.peak.describe()),
        ])
    }
}
