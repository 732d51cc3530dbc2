//! Explanation: narration with the numbers, pseudocode lines, counters and the quiz question.

use super::info::{
    Line, FIXED_WINDOW_PSEUDOCODE, LEAKY_QUEUE_PSEUDOCODE, SLIDING_COUNTER_PSEUDOCODE,
    SLIDING_LOG_PSEUDOCODE, TOKEN_BUCKET_PSEUDOCODE,
};
use super::text::{short, window_text};
use super::{question, Event, Memory, Method, Options, Params, RateLimiter, State};
use crate::algorithm::{Counter, Explain, Pseudocode, Question};
use crate::format::group_digits;

/// "allow" or "reject", with the leaky queue's delay.
fn verdict(event: &Event) -> String {
    match event.release {
        None => "reject".to_string(),
        Some(release) if release > event.time => format!(
            "queue it: it leaves at {} ({} s later)",
            short(release),
            short(release - event.time)
        ),
        Some(_) => "allow".to_string(),
    }
}

impl Explain for RateLimiter {
    type Line = Line;

    fn introduce(state: &State) -> String {
        let Params {
            limit,
            window,
            rate,
        } = state.options.params;
        let requests = match state.times.len() {
            0 => return "No requests: there is nothing to decide.".to_string(),
            1 => "1 request".to_string(),
            count => format!("{} requests", group_digits(count)),
        };
        let how = match state.options.method {
            Method::FixedWindow => format!(
                "count the requests allowed in each window of {} s; allow while fewer than \
                 {limit}",
                short(window)
            ),
            Method::SlidingLog => format!(
                "keep the times of the requests allowed in the last {} s; allow while fewer \
                 than {limit}",
                short(window)
            ),
            Method::SlidingCounter => format!(
                "estimate the last {} s from two counters; allow while the estimate is below \
                 {limit}",
                short(window)
            ),
            Method::TokenBucket => format!(
                "start with {limit} tokens, add {} per second (never more than {limit}); a \
                 request spends one",
                short(rate)
            ),
            Method::LeakyQueue => format!(
                "let requests out one every {} s; queue up to {limit}, reject beyond",
                short(1.0 / rate)
            ),
        };
        format!("{requests}: {how}.")
    }

    fn narrate(state: &State, event: &Event) -> String {
        let Params { limit, window, .. } = state.options.params;
        let t = format!("t={}", short(event.time));
        let verdict = verdict(event);
        match (event.before, event.after) {
            (Memory::Fixed { window: before, .. }, Memory::Fixed { window: after, .. }) => {
                let index = after.unwrap_or(0.0);
                let span = window_text(index, window);
                if before != after {
                    format!(
                        "{t}: a new window {span} starts; {} allowed in it, limit {limit} → \
                         {verdict}.",
                        short(event.measure)
                    )
                } else {
                    format!(
                        "{t}: {} allowed in {span}, limit {limit} → {verdict}.",
                        short(event.measure)
                    )
                }
            }
            (Memory::Log { entries: before }, Memory::Log { .. }) => {
                let dropped = before - event.measure as usize;
                let dropped = match dropped {
                    0 => String::new(),
                    1 => "1 old entry dropped; ".to_string(),
                    count => format!("{count} old entries dropped; "),
                };
                format!(
                    "{t}: {dropped}{} allowed in ({}, {}], limit {limit} → {verdict}.",
                    short(event.measure),
                    short(event.time - window),
                    short(event.time)
                )
            }
            (
                Memory::Counter { .. },
                Memory::Counter {
                    window: index,
                    previous,
                    current,
                },
            ) => {
                let index = index.unwrap_or(0.0);
                let elapsed = event.time - index * window;
                let weight = (window - elapsed) / window;
                let counted = current - event.allowed() as u64;
                let relation = if event.allowed() { "<" } else { "≥" };
                format!(
                    "{t}: estimate = {previous} × {} + {counted} = {} {relation} {limit} → \
                     {verdict}.",
                    short(weight),
                    short(event.measure)
                )
            }
            (Memory::Bucket { tokens, .. }, Memory::Bucket { .. }) => {
                let relation = if event.allowed() { "≥" } else { "<" };
                let left = if event.allowed() {
                    format!(", {} left", short(event.measure - 1.0))
                } else {
                    String::new()
                };
                format!(
                    "{t}: the bucket refills from {} to {} tokens; {} {relation} 1 → \
                     {verdict}{left}.",
                    short(tokens),
                    short(event.measure),
                    short(event.measure)
                )
            }
            (Memory::Queue { waiting, .. }, Memory::Queue { .. }) => {
                let left = waiting - event.measure as usize;
                let out = match left {
                    0 => String::new(),
                    1 => "1 queued request has left; ".to_string(),
                    count => format!("{count} queued requests have left; "),
                };
                format!(
                    "{t}: {out}{} waiting, limit {limit} → {verdict}.",
                    short(event.measure)
                )
            }
            _ => format!("{t}: {verdict}."),
        }
    }

    fn line(event: &Event, _options: &Options) -> Line {
        if event.allowed() {
            Line::Allow
        } else {
            Line::Reject
        }
    }

    fn pseudocode(options: &Options) -> Pseudocode<Line> {
        match options.method {
            Method::FixedWindow => FIXED_WINDOW_PSEUDOCODE,
            Method::SlidingLog => SLIDING_LOG_PSEUDOCODE,
            Method::SlidingCounter => SLIDING_COUNTER_PSEUDOCODE,
            Method::TokenBucket => TOKEN_BUCKET_PSEUDOCODE,
            Method::LeakyQueue => LEAKY_QUEUE_PSEUDOCODE,
        }
    }

    fn counters(state: &State) -> Vec<Counter> {
        vec![
            Counter::count("allowed", state.allowed),
            Counter::count("rejected", state.rejected),
            Counter::count("entries stored", state.memory.entries()),
            Counter::count("most let through in any window", state.peak),
        ]
    }

    fn question(state: &State, event: &Event) -> Option<Question> {
        question::question(state, event)
    }
}
