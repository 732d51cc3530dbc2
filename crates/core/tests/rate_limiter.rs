//! The rate limiter: all five methods against a brute-force reference written plainly from the
//! semantics, the semantics' edge cases, the invariants at every step of the animation, the
//! 2× flaw as numbers, and the parser's and the kernel options' messages.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use stepwise::algo::rate_limiter::{
    check_times, most_in_any_window, rate_limit, Fate, Memory, Method, Params, RateLimiter,
};
use stepwise::algorithm::Run;
use stepwise::input::{OptionMap, OptionValue};
use stepwise::trace::Timeline;

/// The decisions computed the obvious way, from the whole history at every request (O(n²)).
/// Returns the release time per request, NaN when rejected.
fn reference(times: &[f64], method: Method, limit: u64, window: f64, rate: f64) -> Vec<f64> {
    let mut release: Vec<f64> = Vec::new();
    for (i, &t) in times.iter().enumerate() {
        // Earlier allowed requests, as (time, release).
        let allowed: Vec<(f64, f64)> = (0..i)
            .filter(|&j| !release[j].is_nan())
            .map(|j| (times[j], release[j]))
            .collect();
        let decision = match method {
            Method::FixedWindow => {
                let k = (t / window).floor();
                let in_window = allowed
                    .iter()
                    .filter(|(time, _)| (time / window).floor() == k)
                    .count() as u64;
                (in_window < limit).then_some(t)
            }
            Method::SlidingLog => {
                let in_window = allowed
                    .iter()
                    .filter(|(time, _)| *time > t - window && *time <= t)
                    .count() as u64;
                (in_window < limit).then_some(t)
            }
            Method::SlidingCounter => {
                let k = (t / window).floor();
                let elapsed = t - k * window;
                let count_in = |index: f64| {
                    allowed
                        .iter()
                        .filter(|(time, _)| (time / window).floor() == index)
                        .count() as u64
                };
                let previous = count_in(k - 1.0);
                let current = count_in(k);
                let estimate = previous as f64 * (window - elapsed) / window + current as f64;
                (estimate < limit as f64).then_some(t)
            }
            Method::TokenBucket => {
                // Replay the bucket over every earlier request, allowed or not.
                let (mut tokens, mut last) = (limit as f64, 0.0);
                for j in 0..i {
                    tokens = f64::min(limit as f64, tokens + (times[j] - last) * rate);
                    last = times[j];
                    if !release[j].is_nan() {
                        tokens -= 1.0;
                    }
                }
                tokens = f64::min(limit as f64, tokens + (t - last) * rate);
                (tokens >= 1.0).then_some(t)
            }
            Method::LeakyQueue => {
                let waiting = allowed.iter().filter(|(_, out)| *out > t).count() as u64;
                (waiting < limit).then(|| match allowed.last() {
                    None => t,
                    Some((_, previous)) => t.max(previous + 1.0 / rate),
                })
            }
        };
        release.push(decision.unwrap_or(f64::NAN));
    }
    release
}

/// The most let-through times in any window (s − w, s], by checking every window ending at one.
fn reference_peak(release: &[f64], window: f64) -> u64 {
    let through: Vec<f64> = release.iter().copied().filter(|t| !t.is_nan()).collect();
    through
        .iter()
        .map(|&end| {
            through
                .iter()
                .filter(|&&t| t > end - window && t <= end)
                .count() as u64
        })
        .max()
        .unwrap_or(0)
}

fn same(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()))
}

/// Streams with ties, bursts, gaps, and times on window edges (multiples of 0.25).
fn times_strategy() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(
        prop_oneof![
            3 => Just(0.0),                              // a tie with the previous time
            3 => (1u32..8).prop_map(|q| q as f64 * 0.25), // on a quarter: window edges
            3 => (1u32..400).prop_map(|ms| ms as f64 / 1000.0),
            1 => (1u32..5).prop_map(|s| s as f64),      // a gap
        ],
        0..60,
    )
    .prop_map(|gaps| {
        let mut time = 0.0;
        gaps.into_iter()
            .map(|gap| {
                time += gap;
                time
            })
            .collect()
    })
}

fn params_strategy() -> impl Strategy<Value = (u64, f64, f64)> {
    (
        1u64..6,
        prop_oneof![
            Just(1.0),
            Just(0.5),
            Just(0.25),
            Just(2.0),
            Just(0.3),
            Just(1.7)
        ],
        prop_oneof![
            Just(1.0),
            Just(2.0),
            Just(4.0),
            Just(0.5),
            Just(3.0),
            Just(0.7)
        ],
    )
}

fn options(method: Method, limit: u64, window: f64, rate: f64) -> OptionMap {
    OptionMap::new()
        .with("method", OptionValue::Text(method.id().to_string()))
        .with("limit", OptionValue::Number(limit as f64))
        .with("window", OptionValue::Number(window))
        .with("rate", OptionValue::Number(rate))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_method_matches_the_reference(times in times_strategy(), (limit, window, rate) in params_strategy()) {
        let params = Params::new(limit as f64, window, rate).unwrap();
        for method in Method::ALL {
            let expected = reference(&times, method, limit, window, rate);
            let decisions = rate_limit(&times, method, &params);
            prop_assert!(same(&decisions.release, &expected), "{:?}: {:?} vs {:?}", method, decisions.release, expected);
            let allowed: Vec<u8> = expected.iter().map(|t| (!t.is_nan()) as u8).collect();
            prop_assert_eq!(&decisions.allowed, &allowed);
            prop_assert_eq!(most_in_any_window(&decisions.release, window), reference_peak(&expected, window));
        }
    }

    #[test]
    fn the_invariants_hold_at_every_step(times in times_strategy(), (limit, window, rate) in params_strategy()) {
        for method in Method::ALL {
            let mut parsed = options(method, limit, window, rate);
            let parsed = RateLimiter::parse_options(&mut parsed).unwrap();
            let mut timeline = Timeline::<RateLimiter>::new(times.clone(), parsed).unwrap();
            let mut releases: Vec<f64> = Vec::new();
            while timeline.forward() {
                let state = timeline.state();
                let now = state.times[state.current.unwrap()];
                prop_assert_eq!(state.allowed + state.rejected, state.current.unwrap() as u64 + 1);
                prop_assert!(state.peak >= state.allowed.min(1));
                match state.memory {
                    Memory::Fixed { count, .. } => prop_assert!(count <= limit),
                    Memory::Log { entries } => {
                        prop_assert!(entries as u64 <= limit, "the log holds at most limit entries");
                        // Every logged time is in the window (now − w, now].
                        for &index in &state.admitted[state.admitted.len() - entries..] {
                            prop_assert!(state.times[index] > now - window);
                        }
                    }
                    Memory::Counter { current, .. } => prop_assert!(current <= limit),
                    Memory::Bucket { tokens, .. } => prop_assert!((0.0..=limit as f64).contains(&tokens), "tokens {}", tokens),
                    Memory::Queue { waiting, .. } => prop_assert!(waiting as u64 <= limit),
                }
                if method == Method::SlidingLog {
                    prop_assert!(state.peak <= limit, "the log never lets more than limit into a window");
                }
                if method == Method::FixedWindow {
                    prop_assert!(state.peak <= 2 * limit, "the fixed window lets at most 2× through");
                }
                if let Fate::Allowed(release) = state.decided[state.current.unwrap()] {
                    releases.push(release);
                }
            }
            if method == Method::LeakyQueue {
                for pair in releases.windows(2) {
                    prop_assert!(pair[1] - pair[0] >= 1.0 / rate * (1.0 - 1e-12), "releases spaced ≥ 1/rate: {:?}", pair);
                }
            }
            // Every step back restores the state exactly.
            let end = timeline.state().clone();
            timeline.seek(0);
            timeline.seek(timeline.len());
            prop_assert_eq!(timeline.state(), &end);
        }
    }
}

fn run(times: &[f64], method: Method, limit: f64, window: f64, rate: f64) -> Vec<u8> {
    rate_limit(times, method, &Params::new(limit, window, rate).unwrap()).allowed
}

#[test]
fn a_request_exactly_at_a_window_edge_starts_the_new_window() {
    // Windows are [k·w, (k+1)·w): t = 1 belongs to window 1, not 0.
    let times = [0.5, 0.75, 1.0];
    assert_eq!(
        run(&times, Method::FixedWindow, 2.0, 1.0, 1.0),
        vec![1, 1, 1]
    );
    // The sliding counter at t = 1: prev 2 × (1 − 0)/1 + 0 = 2, not below 2.
    assert_eq!(
        run(&times, Method::SlidingCounter, 2.0, 1.0, 1.0),
        vec![1, 1, 0]
    );
}

#[test]
fn a_request_exactly_one_window_after_an_allowed_one_does_not_see_it() {
    // The log's window is (t − w, t]: at t = 1.25 the entry at 0.25 has left.
    let times = [0.25, 0.5, 1.25];
    assert_eq!(
        run(&times, Method::SlidingLog, 2.0, 1.0, 1.0),
        vec![1, 1, 1]
    );
    assert_eq!(
        run(&[0.25, 0.5, 1.2], Method::SlidingLog, 2.0, 1.0, 1.0),
        vec![1, 1, 0]
    );
}

#[test]
fn exactly_one_token_is_enough() {
    // limit 1, rate 4: after 0.25 s the bucket holds exactly 1 token again.
    let times = [0.0, 0.25, 0.4];
    assert_eq!(
        run(&times, Method::TokenBucket, 1.0, 1.0, 4.0),
        vec![1, 1, 0]
    );
}

#[test]
fn equal_times_are_processed_in_input_order() {
    let times = [1.0; 5];
    for method in [
        Method::FixedWindow,
        Method::SlidingLog,
        Method::SlidingCounter,
        Method::TokenBucket,
    ] {
        assert_eq!(
            run(&times, method, 3.0, 1.0, 1.0),
            vec![1, 1, 1, 0, 0],
            "{method:?}"
        );
    }
    // The queue lets the first out at once (release 1 is not later than t = 1) and holds
    // three more: limit 3 counts the requests still waiting.
    let queue = rate_limit(
        &times,
        Method::LeakyQueue,
        &Params::new(3.0, 1.0, 2.0).unwrap(),
    );
    assert_eq!(queue.allowed, vec![1, 1, 1, 1, 0]);
    assert_eq!(&queue.release[..4], &[1.0, 1.5, 2.0, 2.5]);
}

#[test]
fn the_fixed_window_lets_twice_the_limit_through_at_a_boundary() {
    let times = [0.7, 0.8, 0.9, 1.0, 1.1, 1.2];
    let params = Params::new(3.0, 1.0, 3.0).unwrap();
    let peak = |method| most_in_any_window(&rate_limit(&times, method, &params).release, 1.0);
    assert_eq!(peak(Method::FixedWindow), 6);
    assert_eq!(peak(Method::SlidingLog), 3);
    assert!(peak(Method::SlidingCounter) <= 4);
}

#[test]
fn the_leaky_queue_delays_instead_of_rejecting() {
    let times = [0.1, 0.1, 0.1, 0.2, 0.3];
    let queue = rate_limit(
        &times,
        Method::LeakyQueue,
        &Params::new(2.0, 1.0, 2.0).unwrap(),
    );
    // The first leaves at once, the next two wait until 0.6 and 1.1; at 0.2 two are waiting,
    // so the fourth is rejected; so is the fifth.
    assert_eq!(queue.allowed, vec![1, 1, 1, 0, 0]);
    assert_eq!(&queue.release[..3], &[0.1, 0.6, 1.1]);
    assert!(queue.release[3].is_nan());
}

#[test]
fn empty_and_single_streams() {
    for method in Method::ALL {
        assert!(run(&[], method, 1.0, 1.0, 1.0).is_empty());
        assert_eq!(run(&[0.0], method, 1.0, 1.0, 1.0), vec![1]);
    }
}

#[test]
fn huge_times_and_limits() {
    let times = [1e15, 1e15, 2e15];
    for method in Method::ALL {
        let expected: Vec<u8> = reference(&times, method, 1, 1.0, 1.0)
            .iter()
            .map(|t| (!t.is_nan()) as u8)
            .collect();
        assert_eq!(run(&times, method, 1.0, 1.0, 1.0), expected, "{method:?}");
    }
    // A limit far above the stream's length allocates nothing big and allows everything.
    assert_eq!(
        run(&[0.0, 0.0], Method::SlidingLog, 1e9, 1.0, 1.0),
        vec![1, 1]
    );
}

#[test]
fn bad_times_say_which_item() {
    let message = |text: &str| {
        RateLimiter::parse(
            text,
            &RateLimiter::parse_options(&mut OptionMap::new()).unwrap(),
        )
        .unwrap_err()
        .to_string()
    };
    assert_eq!(
        message("1 2 3 2.5"),
        "time 4: 2.5 is earlier than the previous time 3"
    );
    assert_eq!(
        message("0 -1"),
        "time 2: -1 is negative; times are seconds from 0"
    );
    assert!(message("0 abc").starts_with("time 2: 'abc' is not a number"));
    let error = RateLimiter::parse(
        "1 2 3 2.5",
        &RateLimiter::parse_options(&mut OptionMap::new()).unwrap(),
    )
    .unwrap_err();
    assert_eq!(error.span(), Some(6..9), "the span points at the item");
    assert_eq!(
        check_times(&[0.0, f64::NAN]).unwrap_err().to_string(),
        "times[1]: NaN is not a finite number"
    );
}

#[test]
fn bad_parameters_name_the_option() {
    let field = |options: &mut OptionMap| {
        let error = RateLimiter::parse_options(options).unwrap_err();
        (error.field().map(str::to_string), error.to_string())
    };
    let (key, text) = field(&mut OptionMap::new().with("limit", OptionValue::Text("2.5".into())));
    assert_eq!(key.as_deref(), Some("limit"));
    assert_eq!(
        text,
        "limit must be a whole number from 1 to 1,000,000,000, not 2.5"
    );
    let (key, text) = field(&mut OptionMap::new().with("window", OptionValue::Number(0.0)));
    assert_eq!(key.as_deref(), Some("window"));
    assert!(text.contains("above 0"), "{text}");
    let (key, _) = field(&mut OptionMap::new().with("rate", OptionValue::Text("fast".into())));
    assert_eq!(key.as_deref(), Some("rate"));
    // The kernel's options: method and limit are required; window or rate by method.
    let kernel = |options: OptionMap| {
        Params::from_kernel_options(&mut options.clone()).map(|(method, _)| method)
    };
    assert!(
        kernel(OptionMap::new().with("limit", OptionValue::Number(3.0)))
            .unwrap_err()
            .to_string()
            .contains("'method' is required")
    );
    let message = kernel(
        OptionMap::new()
            .with("method", OptionValue::Text("token-bucket".into()))
            .with("limit", OptionValue::Number(3.0)),
    )
    .unwrap_err()
    .to_string();
    assert_eq!(message, "option 'rate' is required for token-bucket");
    let message = kernel(
        OptionMap::new()
            .with("method", OptionValue::Text("fixed-window".into()))
            .with("limit", OptionValue::Number(3.0))
            .with("window", OptionValue::Number(1.0))
            .with("burst", OptionValue::Number(1.0)),
    )
    .unwrap_err()
    .to_string();
    assert!(message.starts_with("unknown option 'burst'"), "{message}");
}

#[test]
fn the_widget_scales_the_engine_streams_by_their_true_rate() {
    let widget = include_str!("../../../www/algorithms/rate-limiter/widget.js");
    let declared = format!(
        "const GENERATED_RATE = {};",
        stepwise::algo::rate_limiter::RANDOM_RATE
    );
    assert!(
        widget.contains(&declared),
        "www/algorithms/rate-limiter/widget.js must declare `{declared}`"
    );
    // And the engine's streams have that mean rate: n requests take about n / rate seconds.
    let times = stepwise::algo::rate_limiter::poisson_times(
        20_000,
        stepwise::algo::rate_limiter::RANDOM_RATE,
        7,
    );
    let rate = times.len() as f64 / times[times.len() - 1];
    assert!(
        (rate - 4.0).abs() < 0.1,
        "measured {rate} requests per second"
    );
    assert!(times.windows(2).all(|pair| pair[0] <= pair[1]));
}
