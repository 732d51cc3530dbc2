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

mod narrate;
mod question;
mod replay;
mod view;

use crate::algorithm::{
    AlgorithmInfo, Counter, Layout, PageInfo, Pointer, Preset, Pseudocode, Question, Recorder, Run,
};
use crate::format::{format_number, group_digits};
use crate::input::{parse_numbers_spanned, InputError, OptionMap, SeededRandom};
use crate::method::methods;
use crate::options::{read_options, OptionKind, OptionSpec};
use crate::value::{Describe, Value};

/// The most requests the animation shows (the kernel has no such limit).
pub const MAX_ANIMATED_REQUESTS: usize = 2_000;

/// The largest `limit` accepted.
pub const MAX_LIMIT: f64 = 1e9;

/// The mean rate, in requests per second, of the seeded random streams ([`poisson_times`]).
pub const RANDOM_RATE: f64 = 4.0;

impl Method {
    /// True for the three methods that count in windows of `window` seconds.
    pub fn uses_window(self) -> bool {
        matches!(
            self,
            Method::FixedWindow | Method::SlidingLog | Method::SlidingCounter
        )
    }
}

/// The limiter's parameters, checked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Requests per window; the bucket's capacity; the queue's bound. A whole number ≥ 1.
    pub limit: u64,
    /// The window's length in seconds (> 0).
    pub window: f64,
    /// Tokens per second; requests let out per second (> 0).
    pub rate: f64,
}

impl Params {
    /// Checks the three parameters; an error names the one that is wrong.
    pub fn new(limit: f64, window: f64, rate: f64) -> Result<Params, InputError> {
        if !((1.0..=MAX_LIMIT).contains(&limit) && limit.fract() == 0.0) {
            return Err(bad_parameter(
                "limit",
                format!(
                    "limit must be a whole number from 1 to {}, not {}",
                    group_digits(MAX_LIMIT as usize),
                    format_number(limit)
                ),
            ));
        }
        for (key, value, what) in [
            ("window", window, "the window's length in seconds"),
            ("rate", rate, "requests per second"),
        ] {
            if !(value.is_finite() && value > 0.0) {
                return Err(bad_parameter(
                    key,
                    format!(
                        "{key} ({what}) must be a number above 0, not {}",
                        format_number(value)
                    ),
                ));
            }
        }
        Ok(Params {
            limit: limit as u64,
            window,
            rate,
        })
    }

    /// Reads the kernel's options `{ method, limit, window?, rate? }`: `method` and `limit` are
    /// required, `window` for the window methods, `rate` for the bucket and the queue.
    pub fn from_kernel_options(options: &mut OptionMap) -> Result<(Method, Params), InputError> {
        let ids: Vec<&'static str> = Method::ALL.iter().map(|method| method.id()).collect();
        if !options.contains("method") {
            return Err(bad_parameter(
                "method",
                format!("option 'method' is required: one of {}", ids.join(", ")),
            ));
        }
        let method = options.take_choice("method", &ids)?;
        let method = Method::from_id(method).unwrap_or(Method::FixedWindow);
        let mut required = |key: &str, needed: bool| -> Result<f64, InputError> {
            match options.take_number(key)? {
                Some(value) => Ok(value),
                None if needed => Err(bad_parameter(
                    key,
                    format!("option '{key}' is required for {}", method.id()),
                )),
                // A parameter the method never reads: any valid value will do.
                None => Ok(1.0),
            }
        };
        let limit = required("limit", true)?;
        let window = required("window", method.uses_window())?;
        let rate = required("rate", !method.uses_window())?;
        std::mem::take(options).finish(&["method", "limit", "window", "rate"])?;
        Ok((method, Params::new(limit, window, rate)?))
    }
}

fn bad_parameter(key: &str, message: String) -> InputError {
    InputError::new(message)
        .of_kind(crate::input::ErrorKind::BadOption)
        .in_field(key)
}

/// Checks a stream of times for the kernel: finite, ≥ 0 and non-decreasing. The error names
/// the first offending index, 0-based as in JS ("times[3]: 2.5 is earlier than the previous
/// time 3").
pub fn check_times(times: &[f64]) -> Result<(), InputError> {
    if times_in_order(times) {
        return Ok(());
    }
    check_times_named(times.iter().map(|&time| (time, None)), |index| {
        format!("times[{index}]")
    })
}

/// True when `times` are finite, ≥ 0 and non-decreasing: the first ≥ 0, the last below
/// infinity and every pair in order (a NaN fails its comparisons). One branch-free pass the
/// compiler vectorises; [`check_times_named`] finds what is wrong only when this says no.
fn times_in_order(times: &[f64]) -> bool {
    let (Some(&first), Some(&last)) = (times.first(), times.last()) else {
        return true;
    };
    let pairs_in_order = times
        .iter()
        .zip(&times[1..])
        .fold(true, |in_order, (earlier, later)| {
            in_order & (later >= earlier)
        });
    first >= 0.0 && last < f64::INFINITY && pairs_in_order
}

/// Checks times, each with the span of its text when parsed; `name` says how an error names
/// the item at an index ("time 4", "times[3]"), and is called only for the one refused.
fn check_times_named(
    times: impl Iterator<Item = (f64, Option<std::ops::Range<usize>>)>,
    name: impl Fn(usize) -> String,
) -> Result<(), InputError> {
    let mut previous = 0.0_f64;
    for (index, (time, span)) in times.enumerate() {
        let problem = if !time.is_finite() {
            "is not a finite number".to_string()
        } else if time < 0.0 {
            "is negative; times are seconds from 0".to_string()
        } else if time < previous {
            format!(
                "is earlier than the previous time {}",
                format_number(previous)
            )
        } else {
            previous = time;
            continue;
        };
        let message = format!("{}: {} {problem}", name(index), format_number(time));
        return Err(match span {
            Some(span) => InputError::at(message, span),
            None => InputError::new(message).in_field("times"),
        });
    }
    Ok(())
}

/// What a limiter decided for every request.
#[derive(Debug, Clone, PartialEq)]
pub struct Decisions {
    /// 1 where the request is allowed, 0 where it is rejected.
    pub allowed: Vec<u8>,
    /// When each request is let through: its own time, the release time for the leaky queue,
    /// NaN when rejected.
    pub release: Vec<f64>,
}

impl Decisions {
    /// Room for `length` decisions, each written once by [`Decisions::set`] (indexed writes
    /// need no capacity test; measured faster than pushing, zeroing included).
    fn with_length(length: usize) -> Decisions {
        Decisions {
            allowed: vec![0; length],
            release: vec![0.0; length],
        }
    }

    #[inline(always)]
    fn set(&mut self, index: usize, release: Option<f64>) {
        self.allowed[index] = release.is_some() as u8;
        self.release[index] = release.unwrap_or(f64::NAN);
    }
}

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

/// Tracks "the most requests let through in any window of length w" as the through-times (all
/// non-decreasing) arrive; kept only while recording.
struct Peak {
    window: f64,
    through: Vec<f64>,
    front: usize,
    most: u64,
}

impl Peak {
    fn new(window: f64) -> Peak {
        Peak {
            window,
            through: Vec::new(),
            front: 0,
            most: 0,
        }
    }

    /// Adds a through-time; returns the peak before and after.
    fn add(&mut self, release: Option<f64>) -> (u64, u64) {
        let before = self.most;
        if let Some(time) = release {
            self.through.push(time);
            // The newest time always counts, even where `time - window` rounds to `time`.
            while self.front + 1 < self.through.len()
                && self.through[self.front] <= time - self.window
            {
                self.front += 1;
            }
            self.most = self.most.max((self.through.len() - self.front) as u64);
        }
        (before, self.most)
    }
}

/// Reports each decision to a recorder as an [`Event`], tracking the peak only for a recorder
/// that keeps events (the kernel pays nothing).
struct Reporter<'r, R> {
    recorder: &'r mut R,
    peak: Peak,
}

impl<'r, R: Recorder<Event>> Reporter<'r, R> {
    fn new(recorder: &'r mut R, params: &Params) -> Self {
        Reporter {
            recorder,
            peak: Peak::new(params.window),
        }
    }

    #[inline(always)]
    fn report(
        &mut self,
        index: usize,
        time: f64,
        release: Option<f64>,
        measure: f64,
        before: Memory,
        after: Memory,
    ) {
        let peak = &mut self.peak;
        self.recorder.record(|| Event {
            index,
            time,
            release,
            measure,
            before,
            after,
            peak: peak.add(release),
        });
    }
}

/// The most requests let through in any window `(s − window, s]`, from the release times of
/// a run (NaN for rejected requests; the others non-decreasing).
pub fn most_in_any_window(release: &[f64], window: f64) -> u64 {
    let mut peak = Peak::new(window);
    for &time in release.iter().filter(|time| !time.is_nan()) {
        peak.add(Some(time));
    }
    peak.most
}

/// A ring of at most `capacity` times, oldest first: the sliding log and the leaky queue.
struct Ring {
    times: Vec<f64>,
    head: usize,
    len: usize,
}

impl Ring {
    fn new(capacity: usize) -> Ring {
        Ring {
            times: vec![0.0; capacity.max(1)],
            head: 0,
            len: 0,
        }
    }

    #[inline(always)]
    fn front(&self) -> Option<f64> {
        (self.len > 0).then(|| self.times[self.head])
    }

    #[inline(always)]
    fn pop_front(&mut self) {
        self.head += 1;
        if self.head == self.times.len() {
            self.head = 0;
        }
        self.len -= 1;
    }

    #[inline(always)]
    fn push_back(&mut self, time: f64) {
        let mut at = self.head + self.len;
        if at >= self.times.len() {
            at -= self.times.len();
        }
        self.times[at] = time;
        self.len += 1;
    }
}

/// The kernel: decides every request of `times` (checked with [`check_times`]) with `method`.
///
/// ```
/// use stepwise::algo::rate_limiter::{rate_limit, Method, Params};
/// let params = Params::new(3.0, 1.0, 3.0).unwrap();
/// let times = [0.7, 0.8, 0.9, 1.0, 1.1, 1.2];
/// // The fixed window lets all six through: three in [0, 1), three in [1, 2).
/// assert_eq!(rate_limit(&times, Method::FixedWindow, &params).allowed, vec![1; 6]);
/// // The sliding log never lets more than three into any second.
/// assert_eq!(rate_limit(&times, Method::SlidingLog, &params).allowed, vec![1, 1, 1, 0, 0, 0]);
/// ```
pub fn rate_limit(times: &[f64], method: Method, params: &Params) -> Decisions {
    decide(times, method, params, &mut ())
}

/// Runs `method` over `times`, reporting each decision to `recorder`.
pub fn decide<R: Recorder<Event>>(
    times: &[f64],
    method: Method,
    params: &Params,
    recorder: &mut R,
) -> Decisions {
    match method {
        Method::FixedWindow => fixed_window(times, params, recorder),
        Method::SlidingLog => sliding_log(times, params, recorder),
        Method::SlidingCounter => sliding_counter(times, params, recorder),
        Method::TokenBucket => token_bucket(times, params, recorder),
        Method::LeakyQueue => leaky_queue(times, params, recorder),
    }
}

/// The log's and the queue's capacity: at most `limit` entries, and never more than there
/// are requests.
fn queue_bound(limit: u64, requests: usize) -> usize {
    usize::try_from(limit).unwrap_or(usize::MAX).min(requests)
}

/// Fixed window: window `k = floor(t / window)` covers `[k·window, (k+1)·window)`; allow
/// iff fewer than `limit` requests were allowed in t's window.
fn fixed_window<R: Recorder<Event>>(times: &[f64], params: &Params, recorder: &mut R) -> Decisions {
    let mut reporter = Reporter::new(recorder, params);
    let mut out = Decisions::with_length(times.len());
    let limit = params.limit;
    let window = params.window;
    let (mut current, mut count) = (f64::NAN, 0_u64);
    for (index, &time) in times.iter().enumerate() {
        let before = Memory::Fixed {
            window: known(current),
            count,
        };
        let k = (time / window).floor();
        if k != current {
            current = k;
            count = 0;
        }
        let measure = count;
        let release = (count < limit).then_some(time);
        count += release.is_some() as u64;
        out.set(index, release);
        reporter.report(
            index,
            time,
            release,
            measure as f64,
            before,
            Memory::Fixed {
                window: Some(current),
                count,
            },
        );
    }
    out
}

/// Sliding log: allow iff fewer than `limit` allowed requests have a time in
/// `(t − window, t]` (`t − window` computed in f64). The log holds at most `limit` times.
fn sliding_log<R: Recorder<Event>>(times: &[f64], params: &Params, recorder: &mut R) -> Decisions {
    let mut reporter = Reporter::new(recorder, params);
    let mut out = Decisions::with_length(times.len());
    let limit = params.limit;
    let window = params.window;
    let mut log = Ring::new(queue_bound(params.limit, times.len()));
    for (index, &time) in times.iter().enumerate() {
        let before = Memory::Log { entries: log.len };
        let start = time - window;
        while log.front().is_some_and(|oldest| oldest <= start) {
            log.pop_front();
        }
        let measure = log.len;
        let release = ((log.len as u64) < limit).then_some(time);
        if release.is_some() {
            log.push_back(time);
        }
        out.set(index, release);
        reporter.report(
            index,
            time,
            release,
            measure as f64,
            before,
            Memory::Log { entries: log.len },
        );
    }
    out
}

/// Sliding counter: with `prev`, `curr` the allowed counts of windows `k−1` and `k`, allow iff
/// `prev · (window − elapsed) / window + curr < limit`, evaluated in that order in f64.
fn sliding_counter<R: Recorder<Event>>(
    times: &[f64],
    params: &Params,
    recorder: &mut R,
) -> Decisions {
    let mut reporter = Reporter::new(recorder, params);
    let mut out = Decisions::with_length(times.len());
    let limit = params.limit;
    let window = params.window;
    let (mut current, mut previous, mut count) = (f64::NAN, 0_u64, 0_u64);
    for (index, &time) in times.iter().enumerate() {
        let before = Memory::Counter {
            window: known(current),
            previous,
            current: count,
        };
        let k = (time / window).floor();
        if k != current {
            previous = if k == current + 1.0 { count } else { 0 };
            count = 0;
            current = k;
        }
        let elapsed = time - k * window;
        let estimate = previous as f64 * (window - elapsed) / window + count as f64;
        let release = (estimate < limit as f64).then_some(time);
        count += release.is_some() as u64;
        out.set(index, release);
        reporter.report(
            index,
            time,
            release,
            estimate,
            before,
            Memory::Counter {
                window: Some(current),
                previous,
                current: count,
            },
        );
    }
    out
}

/// Token bucket: `limit` tokens, full at time 0, refilled at `rate` per second; at each
/// request `tokens = min(limit, tokens + (t − last) · rate)`, allow iff `tokens ≥ 1`, then
/// spend one.
fn token_bucket<R: Recorder<Event>>(times: &[f64], params: &Params, recorder: &mut R) -> Decisions {
    let mut reporter = Reporter::new(recorder, params);
    let mut out = Decisions::with_length(times.len());
    let limit = params.limit;
    let capacity = limit as f64;
    let (mut tokens, mut last) = (capacity, 0.0_f64);
    for (index, &time) in times.iter().enumerate() {
        let before = Memory::Bucket { tokens, last };
        tokens = (tokens + (time - last) * params.rate).min(capacity);
        last = time;
        let measure = tokens;
        let release = (tokens >= 1.0).then_some(time);
        if release.is_some() {
            tokens -= 1.0;
        }
        out.set(index, release);
        reporter.report(
            index,
            time,
            release,
            measure,
            before,
            Memory::Bucket { tokens, last },
        );
    }
    out
}

/// Leaky queue: an allowed request leaves at `max(t, previous release + 1/rate)`; reject iff
/// `limit` or more allowed requests leave after `t`. The queue holds at most `limit` times.
fn leaky_queue<R: Recorder<Event>>(times: &[f64], params: &Params, recorder: &mut R) -> Decisions {
    let mut reporter = Reporter::new(recorder, params);
    let mut out = Decisions::with_length(times.len());
    let limit = params.limit;
    let interval = 1.0 / params.rate;
    let mut queue = Ring::new(queue_bound(params.limit, times.len()));
    let mut last_release: Option<f64> = None;
    for (index, &time) in times.iter().enumerate() {
        let before = Memory::Queue {
            waiting: queue.len,
            last_release,
        };
        while queue.front().is_some_and(|release| release <= time) {
            queue.pop_front();
        }
        let measure = queue.len;
        let release = ((queue.len as u64) < limit).then(|| match last_release {
            None => time,
            Some(previous) => time.max(previous + interval),
        });
        if let Some(release) = release {
            queue.push_back(release);
            last_release = Some(release);
        }
        out.set(index, release);
        reporter.report(
            index,
            time,
            release,
            measure as f64,
            before,
            Memory::Queue {
                waiting: queue.len,
                last_release,
            },
        );
    }
    out
}

/// `Some(window)` once a window index is known (it starts as NaN).
fn known(window: f64) -> Option<f64> {
    (!window.is_nan()).then_some(window)
}

/// `count` request times of a Poisson stream with mean `rate` per second, from `seed`, rounded
/// to milliseconds (rounding keeps them non-decreasing).
pub fn poisson_times(count: usize, rate: f64, seed: u64) -> Vec<f64> {
    let mut random = SeededRandom::new(seed);
    let mut time = 0.0_f64;
    (0..count)
        .map(|_| {
            // Uniform in (0, 1]: the exponential gap −ln(u)/rate is then finite.
            let uniform = ((random.next_u64() >> 11) + 1) as f64 / (1u64 << 53) as f64;
            time += -uniform.ln() / rate;
            (time * 1000.0).round() / 1000.0
        })
        .collect()
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

/// The lines of the five methods' pseudocode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// The loop over requests.
    EachRequest,
    /// Forget what no longer counts (new window, old log entries, refill, drained queue).
    Expire,
    /// Sliding counter: the weighted estimate.
    Estimate,
    /// The request is allowed.
    Allow,
    /// The request is rejected.
    Reject,
}

const FIXED_WINDOW_PSEUDOCODE: Pseudocode<Line> = &[
    (Line::EachRequest, "for each request at time t:"),
    (
        Line::Expire,
        "  k = floor(t / window); if k is new: count = 0",
    ),
    (Line::Allow, "  if count < limit: count += 1; allow"),
    (Line::Reject, "  else: reject"),
];

const SLIDING_LOG_PSEUDOCODE: Pseudocode<Line> = &[
    (Line::EachRequest, "for each request at time t:"),
    (Line::Expire, "  drop log entries <= t - window"),
    (Line::Allow, "  if len(log) < limit: log.append(t); allow"),
    (Line::Reject, "  else: reject"),
];

const SLIDING_COUNTER_PSEUDOCODE: Pseudocode<Line> = &[
    (Line::EachRequest, "for each request at time t:"),
    (
        Line::Expire,
        "  k = floor(t / window); if k is new: prev, curr = curr or 0, 0",
    ),
    (
        Line::Estimate,
        "  est = prev * (window - elapsed) / window + curr",
    ),
    (Line::Allow, "  if est < limit: curr += 1; allow"),
    (Line::Reject, "  else: reject"),
];

const TOKEN_BUCKET_PSEUDOCODE: Pseudocode<Line> = &[
    (Line::EachRequest, "for each request at time t:"),
    (
        Line::Expire,
        "  tokens = min(limit, tokens + (t - last) * rate); last = t",
    ),
    (Line::Allow, "  if tokens >= 1: tokens -= 1; allow"),
    (Line::Reject, "  else: reject"),
];

const LEAKY_QUEUE_PSEUDOCODE: Pseudocode<Line> = &[
    (Line::EachRequest, "for each request at time t:"),
    (Line::Expire, "  let out queued requests with release <= t"),
    (
        Line::Allow,
        "  if len(queue) < limit: release = max(t, last + 1/rate); enqueue",
    ),
    (Line::Reject, "  else: reject"),
];

/// The options, declared once: the three parameters (the method is the `method` option).
const OPTIONS: &[OptionSpec] = &[
    OptionSpec::new("limit", "limit", OptionKind::Number { default: 3.0 }),
    OptionSpec::new("window", "window (s)", OptionKind::Number { default: 1.0 }),
    OptionSpec::new("rate", "rate (per s)", OptionKind::Number { default: 3.0 }),
];

methods! {
    /// One of the five designs.
    pub enum Method {
        /// A counter per window `[k·w, (k+1)·w)`.
        FixedWindow => "fixed-window", "Fixed window · O(1), up to 2× the limit at a boundary";
        /// The timestamps of the allowed requests in `(t − w, t]`.
        SlidingLog => "sliding-log", "Sliding log · exact, stores up to limit times";
        /// The previous window's count, weighted, plus the current one.
        SlidingCounter => "sliding-counter", "Sliding counter · O(1), a weighted estimate";
        /// Tokens refilled at a constant rate.
        TokenBucket => "token-bucket", "Token bucket · O(1), allows bursts";
        /// Requests let out at a constant rate, delayed in a bounded queue.
        LeakyQueue => "leaky-queue", "Leaky queue · delays to a steady rate";
    }
    /// The methods, the first the default (declared apart from `INFO` so that reading options
    /// does not copy the whole page description into the wasm a second time).
    const METHODS;
}

/// The algorithm as registered: `rate-limiter`.
pub struct RateLimiter;

impl Run for RateLimiter {
    type Input = Vec<f64>;

    type Options = Options;

    type Output = Outcome;

    type Event = Event;

    const ID: &'static str = "rate-limiter";

    const INFO: AlgorithmInfo = AlgorithmInfo {
        id: Self::ID,
        title: "API rate limiter",
        example: "0.1 0.5 0.7 0.8 0.9 1 1.1 1.2 1.3 2 2.05 2.1 2.15 2.2 3.4",
        methods: METHODS,
        presets: &[
            Preset {
                name: "Steady traffic",
                text: "0 0.4 0.8 1.2 1.6 2 2.4 2.8 3.2 3.6 4",
            },
            Preset {
                name: "A burst across a window boundary (the 2× flaw)",
                text: "0.7 0.8 0.9 1 1.1 1.2",
            },
            Preset {
                name: "Bursty traffic",
                text: "0 0.05 0.1 0.15 0.2 1.5 1.55 1.6 1.65 3 3.05 3.1 3.15 3.2",
            },
            Preset {
                name: "A spike",
                text: "0 0.5 1 1.5 2 2.02 2.04 2.06 2.08 2.1 2.12 2.5 3 3.5",
            },
            Preset {
                name: "Idle, then a burst",
                text: "0.1 5 5.01 5.02 5.03 5.04 5.05 5.06",
            },
            Preset {
                name: "Equal times",
                text: "1 1 1 1 1",
            },
            Preset {
                name: "Exactly one window apart",
                text: "0 0.25 0.5 1 1.25 1.5",
            },
            Preset {
                name: "One request",
                text: "0.5",
            },
            Preset {
                name: "Empty",
                text: "",
            },
        ],
        input_help: "Non-decreasing times in seconds, e.g. 0.1, 0.5, 0.5, 1.25",
        page: PageInfo {
            lede: "Allow at most limit requests per window. Five designs decide one stream of \
                   requests in sync: the fixed window lets twice the limit through at a \
                   boundary; the sliding log is exact but stores timestamps; the sliding \
                   counter estimates it with two counts; the token bucket allows bursts; the \
                   leaky queue delays instead of rejecting.",
            input_label: "Request times (s)",
            input_rows: 3,
            random_label: "Random requests (Poisson, 4/s)",
            compare_label: "Run the other four designs beside it, in sync",
            layout: Layout::Compact,
            pointer: Pointer::Seek,
            hint: "Click or drag along the time axis to jump to a request.",
            limits: "Up to 2,000 requests animate; the rateLimit kernel has no size limit. limit \
                     is a whole number from 1 to 1,000,000,000; window and rate are above 0.",
            notes: "limit: per window, the bucket's size, the queue's length. rate: the \
                    bucket's refill and the queue's drain per second. \"Most let through\" \
                    counts every window (s − window, s] of the let-through times.",
            options: OPTIONS,
            widget: true,
        },
    };

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
