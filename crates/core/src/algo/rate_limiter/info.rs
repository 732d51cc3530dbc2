//! The rate limiter as data: its methods, options, presets, page texts and pseudocode.

use crate::algorithm::{AlgorithmInfo, Layout, PageInfo, Pointer, Preset, Pseudocode};
use crate::method::methods;
use crate::options::{OptionKind, OptionSpec};

/// The registry id.
pub(super) const ID: &str = "rate-limiter";

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

pub(super) const FIXED_WINDOW_PSEUDOCODE: Pseudocode<Line> = &[
    (Line::EachRequest, "for each request at time t:"),
    (
        Line::Expire,
        "  k = floor(t / window); if k is new: count = 0",
    ),
    (Line::Allow, "  if count < limit: count += 1; allow"),
    (Line::Reject, "  else: reject"),
];

pub(super) const SLIDING_LOG_PSEUDOCODE: Pseudocode<Line> = &[
    (Line::EachRequest, "for each request at time t:"),
    (Line::Expire, "  drop log entries <= t - window"),
    (Line::Allow, "  if len(log) < limit: log.append(t); allow"),
    (Line::Reject, "  else: reject"),
];

pub(super) const SLIDING_COUNTER_PSEUDOCODE: Pseudocode<Line> = &[
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

pub(super) const TOKEN_BUCKET_PSEUDOCODE: Pseudocode<Line> = &[
    (Line::EachRequest, "for each request at time t:"),
    (
        Line::Expire,
        "  tokens = min(limit, tokens + (t - last) * rate); last = t",
    ),
    (Line::Allow, "  if tokens >= 1: tokens -= 1; allow"),
    (Line::Reject, "  else: reject"),
];

pub(super) const LEAKY_QUEUE_PSEUDOCODE: Pseudocode<Line> = &[
    (Line::EachRequest, "for each request at time t:"),
    (Line::Expire, "  let out queued requests with release <= t"),
    (
        Line::Allow,
        "  if len(queue) < limit: release = max(t, last + 1/rate); enqueue",
    ),
    (Line::Reject, "  else: reject"),
];

/// The options, declared once: the three parameters (the method is the `method` option).
pub(super) const OPTIONS: &[OptionSpec] = &[
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
    pub(super) const METHODS;
}

pub(super) const INFO: AlgorithmInfo = AlgorithmInfo {
    id: ID,
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
