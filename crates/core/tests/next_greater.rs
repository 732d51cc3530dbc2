//! Next greater element: the kernel against a brute-force reference, the stack invariant at
//! every step, the timeline's seek/undo properties, parser messages and an SVG snapshot.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use stepwise::algo::next_greater::{monotonic_stack, next_greater, scan, NextGreater, Variant};
use stepwise::algorithm::Run;
use stepwise::input::{OptionMap, OptionValue};
use stepwise::render::svg::to_svg;
use stepwise::scene::{Frame, Theme};
use stepwise::trace::{Timeline, Trace};

/// The answer written the obvious way: for each i, walk outwards in scan order.
fn reference(values: &[f64], variant: Variant) -> Vec<i32> {
    let n = values.len() as i64;
    (0..n)
        .map(|i| {
            let reach = if variant.circular { n - 1 } else { n };
            for distance in 1..=reach {
                let j = if variant.previous {
                    i - distance
                } else {
                    i + distance
                };
                let j = if variant.circular {
                    j.rem_euclid(n)
                } else if j < 0 || j >= n {
                    break;
                } else {
                    j
                };
                let (candidate, value) = (values[j as usize], values[i as usize]);
                let wins = if variant.smaller {
                    candidate < value
                } else {
                    candidate > value
                };
                if wins {
                    return j as i32;
                }
            }
            -1
        })
        .collect()
}

fn all_variants() -> Vec<Variant> {
    let mut variants = Vec::new();
    for bits in 0..8 {
        variants.push(Variant {
            previous: bits & 1 != 0,
            smaller: bits & 2 != 0,
            circular: bits & 4 != 0,
        });
    }
    variants
}

fn options(variant: Variant, method: &str) -> OptionMap {
    OptionMap::new()
        .with("previous", OptionValue::Bool(variant.previous))
        .with("smaller", OptionValue::Bool(variant.smaller))
        .with("circular", OptionValue::Bool(variant.circular))
        .with("method", OptionValue::Text(method.to_string()))
}

fn values_strategy() -> impl Strategy<Value = Vec<f64>> {
    prop_oneof![
        // Many duplicates and negatives.
        prop::collection::vec((-4i32..=4).prop_map(f64::from), 0..40),
        // Wide range, few ties.
        prop::collection::vec(-1e6f64..1e6, 0..40),
        // Extremes.
        prop::collection::vec(
            prop::sample::select(vec![
                f64::MAX,
                -f64::MAX,
                0.0,
                1e-300,
                -1e-300,
                1.0,
                f64::NAN,
                // The kernel's sentinels: an infinity on the stack is never beaten either.
                f64::INFINITY,
                f64::NEG_INFINITY
            ]),
            0..20
        ),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn kernel_and_scan_match_the_reference(values in values_strategy()) {
        for variant in all_variants() {
            let expected = reference(&values, variant);
            prop_assert_eq!(&next_greater(&values, variant), &expected, "stack, {:?}", variant);
            prop_assert_eq!(&scan(&values, variant, &mut ()), &expected, "scan, {:?}", variant);
            let mut trace = Trace::with_cap(usize::MAX);
            prop_assert_eq!(&monotonic_stack(&values, variant, &mut trace), &expected);
        }
    }

    #[test]
    fn the_stack_stays_monotonic_at_every_step(values in values_strategy()) {
        for variant in all_variants() {
            let mut timeline =
                Timeline::<NextGreater>::new(values.clone(), NextGreater::parse_options(&mut options(variant, "stack")).unwrap()).unwrap();
            loop {
                let state = timeline.state();
                for pair in state.stack.windows(2) {
                    let (below, above) = (state.values[pair[0]], state.values[pair[1]]);
                    let ordered = if variant.smaller { below <= above } else { below >= above };
                    prop_assert!(ordered, "stack {:?} breaks the invariant at step {}", state.stack, timeline.position());
                }
                for &waiting in &state.stack {
                    prop_assert_eq!(state.answer[waiting], -1, "a waiting index has no answer yet");
                }
                if !timeline.forward() {
                    break;
                }
            }
            let state = timeline.state();
            prop_assert_eq!(&state.answer, &reference(&values, variant));
            prop_assert!(state.pushes as usize <= values.len() && state.pops <= state.pushes);
        }
    }

    #[test]
    fn seeking_equals_replaying_and_back_undoes_forward(
        values in prop::collection::vec((-3i32..=3).prop_map(f64::from), 0..60),
        method in prop::sample::select(vec!["stack", "scan"]),
        circular in any::<bool>(),
        seeks in prop::collection::vec(0usize..400, 1..12),
    ) {
        let variant = Variant { circular, ..Variant::default() };
        let parsed = NextGreater::parse_options(&mut options(variant, method)).unwrap();
        let mut timeline = Timeline::<NextGreater>::new(values.clone(), parsed).unwrap();
        let mut replay = Timeline::<NextGreater>::new(values, parsed).unwrap();
        for target in seeks {
            let target = target % (timeline.len() + 1);
            timeline.seek(target);
            replay.seek(0);
            for _ in 0..target {
                replay.forward();
            }
            prop_assert_eq!(timeline.position(), target);
            prop_assert_eq!(timeline.state(), replay.state());
            prop_assert_eq!(timeline.narration(), replay.narration());
            let before = timeline.state().clone();
            if timeline.forward() {
                timeline.back();
                prop_assert_eq!(timeline.state(), &before, "back after forward restores the state");
            }
        }
    }
}

#[test]
fn seeking_through_checkpoints_on_a_long_trace() {
    let values: Vec<f64> = (0..5000).map(|i| ((i * 7919) % 101) as f64).collect();
    let parsed = NextGreater::parse_options(&mut OptionMap::new()).unwrap();
    let mut timeline = Timeline::<NextGreater>::new(values.clone(), parsed).unwrap();
    let mut replay = Timeline::<NextGreater>::new(values, parsed).unwrap();
    let length = timeline.len();
    for target in [length, 3, length / 2, length - 1, 0, length / 3 + 17] {
        timeline.seek(target);
        replay.seek(0);
        while replay.position() < target {
            replay.forward();
        }
        assert_eq!(timeline.state(), replay.state(), "seek({target})");
    }
}

#[test]
fn edge_cases() {
    let variant = Variant::default();
    assert_eq!(next_greater(&[], variant), Vec::<i32>::new());
    assert_eq!(next_greater(&[42.0], variant), vec![-1]);
    assert_eq!(next_greater(&[5.0; 4], variant), vec![-1; 4]);
    assert_eq!(
        next_greater(&[2.0, 7.0, 3.0, 5.0, 4.0, 6.0, 8.0], variant),
        vec![1, 6, 3, 5, 5, 6, -1]
    );
    let circular = Variant {
        circular: true,
        ..variant
    };
    assert_eq!(next_greater(&[3.0, 1.0, 2.0], circular), vec![-1, 2, 0]);
    assert_eq!(
        next_greater(&[f64::MAX, -f64::MAX, 0.0], variant),
        vec![-1, 2, -1]
    );
    // NaN is neither greater nor smaller than anything.
    assert_eq!(
        next_greater(&[1.0, f64::NAN, 2.0], variant),
        vec![2, -1, -1]
    );
}

#[test]
fn narration_names_the_values_and_the_line() {
    let mut timeline =
        Timeline::<NextGreater>::from_text("2 7 3 5 4 6 8", &mut OptionMap::new()).unwrap();
    assert!(timeline
        .narration()
        .starts_with("Find the next greater element of each of 7 items"));
    assert_eq!(timeline.line(), None);
    let mut popped = Vec::new();
    while timeline.forward() {
        let text = timeline.narration();
        if text.contains(": pop ") {
            popped.push(text);
            assert_eq!(timeline.line(), Some(2));
        }
    }
    assert!(
        popped.contains(&"a[5]=6 > a[3]=5: pop 3 — next greater of 5 is 6.".to_string()),
        "{popped:?}"
    );
    assert_eq!(
        timeline.narration(),
        "Done: 1 item has no next greater element; its answer is -1."
    );
}

#[test]
fn bad_input_and_limits_say_what_and_where() {
    let error = |text: &str, options: &mut OptionMap| {
        Timeline::<NextGreater>::from_text(text, options)
            .err()
            .map(|error| error.to_string())
            .unwrap_or_default()
    };
    assert_eq!(
        error("1 2 3 x7", &mut OptionMap::new()),
        "item 4: 'x7' is not a number"
    );
    assert_eq!(
        error(
            "1 2",
            &mut OptionMap::new().with("sideways", OptionValue::Bool(true))
        ),
        "unknown option 'sideways' (known options: previous, smaller, answer, circular, method)"
    );
    let big = NextGreater::random_input(1001, 1);
    assert_eq!(
        error(
            &big,
            &mut OptionMap::new().with("method", OptionValue::Text("scan".into()))
        ),
        "1,001 items: the O(n²) scan animates at most 1,000 (the kernel nextGreater has no such limit)"
    );
    let huge = vec!["1"; 10_001].join(" ");
    assert!(error(&huge, &mut OptionMap::new()).starts_with("10,001 items: the stack method"));
}

#[test]
fn every_variant_draws_without_panicking_at_every_size() {
    for size in [0, 1, 2, 7, 60, 400, 5000] {
        let text = NextGreater::random_input(size, 9);
        for variant in all_variants() {
            for method in ["stack", "scan"] {
                if method == "scan" && size > 1000 {
                    continue;
                }
                let mut timeline =
                    Timeline::<NextGreater>::from_text(&text, &mut options(variant, method))
                        .unwrap();
                for position in [0, 1, timeline.len() / 2, timeline.len()] {
                    timeline.seek(position);
                    for (width, height) in [(375.0, 260.0), (900.0, 380.0), (1.0, 1.0)] {
                        let scene = timeline.scene(&Frame::new(width, height, Theme::Dark));
                        assert!(!scene.shapes.is_empty() || size == 0);
                    }
                }
            }
        }
    }
}

#[test]
fn svg_of_a_tiny_case_matches_the_expected_file() {
    let mut timeline = Timeline::<NextGreater>::from_text("2 1 3", &mut OptionMap::new()).unwrap();
    timeline.seek(6);
    let svg = to_svg(&timeline.scene(&Frame::new(360.0, 240.0, Theme::Light)));
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/expected/next_greater_tiny.svg"
    );
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        std::fs::write(path, &svg).unwrap();
    }
    let expected = std::fs::read_to_string(path).unwrap();
    assert_eq!(
        svg, expected,
        "rerun with UPDATE_EXPECTED=1 after an intended change"
    );
}
