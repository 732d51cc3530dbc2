//! Replay: the state the animation shows, and each decision applied to it or undone in O(1).

use super::kernel::leaky_queue;
use super::{Event, Fate, Level, Memory, Method, Options, RateLimiter, State};
use crate::algorithm::Replay;

impl Replay for RateLimiter {
    type State = State;

    fn start(times: &Vec<f64>, options: &Options) -> State {
        let last = times.last().copied().unwrap_or(0.0);
        // The leaky queue's releases may end after the last request: every method's axis
        // reaches that far, so the five pictures line up.
        let queue = leaky_queue(times, &options.params, &mut ());
        let latest_release = queue
            .release
            .iter()
            .copied()
            .filter(|time| !time.is_nan())
            .fold(last, f64::max);
        let horizon = if latest_release > 0.0 {
            latest_release
        } else {
            options.params.window
        };
        let memory = match options.method {
            Method::FixedWindow => Memory::Fixed {
                window: None,
                count: 0,
            },
            Method::SlidingLog => Memory::Log { entries: 0 },
            Method::SlidingCounter => Memory::Counter {
                window: None,
                previous: 0,
                current: 0,
            },
            Method::TokenBucket => Memory::Bucket {
                tokens: options.params.limit as f64,
                last: 0.0,
            },
            Method::LeakyQueue => Memory::Queue {
                waiting: 0,
                last_release: None,
            },
        };
        State {
            times: times.clone(),
            options: *options,
            horizon,
            decided: vec![Fate::Pending; times.len()],
            admitted: Vec::new(),
            memory,
            current: None,
            allowed: 0,
            rejected: 0,
            peak: 0,
            levels: Vec::new(),
        }
    }

    fn state_bytes(state: &State) -> usize {
        std::mem::size_of::<State>()
            + state.times.len()
                * (std::mem::size_of::<f64>()
                    + std::mem::size_of::<Fate>()
                    + std::mem::size_of::<usize>()
                    + std::mem::size_of::<Level>())
    }

    fn apply(state: &mut State, event: &Event) {
        state.decided[event.index] = event.release.map_or(Fate::Rejected, Fate::Allowed);
        match event.release {
            Some(_) => {
                state.admitted.push(event.index);
                state.allowed += 1;
            }
            None => state.rejected += 1,
        }
        state.memory = event.after;
        state.current = Some(event.index);
        state.peak = event.peak.1;
        if let Memory::Bucket { tokens, .. } = event.after {
            state.levels.push(Level {
                time: event.time,
                arrival: event.measure,
                after: tokens,
            });
        }
    }

    fn undo(state: &mut State, event: &Event) {
        state.decided[event.index] = Fate::Pending;
        match event.release {
            Some(_) => {
                state.admitted.pop();
                state.allowed -= 1;
            }
            None => state.rejected -= 1,
        }
        state.memory = event.before;
        state.current = event.index.checked_sub(1);
        state.peak = event.peak.0;
        if let Memory::Bucket { .. } = event.after {
            state.levels.pop();
        }
    }
}
