//! The kernels: the five limiters, each one pass over the request times, generic over a
//! [`Recorder`] (with `()` each is the plain algorithm); their parameters and the checks of
//! their inputs; and the seeded Poisson streams.

use super::{Event, Memory, Method};
use crate::algorithm::Recorder;
use crate::format::{format_number, group_digits};
use crate::input::{InputError, OptionMap, SeededRandom};

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
pub(super) fn check_times_named(
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
pub(super) fn leaky_queue<R: Recorder<Event>>(
    times: &[f64],
    params: &Params,
    recorder: &mut R,
) -> Decisions {
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
