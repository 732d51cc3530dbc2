//! Nothing a user types or a caller sends makes Stepwise panic: arbitrary text into every
//! parser and every registered algorithm, arbitrary options, random call sequences on players,
//! and the memory each recorded event costs.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use stepwise::algo::roc::parse_samples;
use stepwise::algo::summed_area::Rect;
use stepwise::algo::{self, REGISTRY};
use stepwise::input::{parse_matrix, parse_numbers, OptionMap, OptionValue};
use stepwise::scene::{Frame, Theme};

/// Text that looks like input often enough to get past the first character.
fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[-0-9eE.,;: \\n\\t\\[\\]a-z\"<>&]{0,80}",
        Just("NaN -inf 1e308 -0 1e-400 0x10".to_string()),
        Just("<script>alert(1)</script>".to_string()),
        Just("1,2\n3\n\n\n,,,".to_string()),
    ]
}

fn option_value() -> impl Strategy<Value = OptionValue> {
    prop_oneof![
        any::<bool>().prop_map(OptionValue::Bool),
        any::<f64>().prop_map(OptionValue::Number),
        "[a-z0-9,=. ]{0,12}".prop_map(OptionValue::Text),
    ]
}

/// Every option key the registry declares, `method`, and one no algorithm knows.
fn option_keys() -> Vec<&'static str> {
    let declared = REGISTRY
        .iter()
        .flat_map(|entry| entry.info.page.options.iter().map(|option| option.key));
    let mut keys: Vec<&'static str> = ["method", "bogus"].into_iter().chain(declared).collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

fn option_map() -> impl Strategy<Value = OptionMap> {
    let keys = prop::sample::select(option_keys());
    prop::collection::vec((keys, option_value()), 0..4).prop_map(|pairs| {
        pairs
            .into_iter()
            .fold(OptionMap::new(), |map, (key, value)| map.with(key, value))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn parsers_never_panic(text in hostile_text(), rows in 0usize..6, columns in 0usize..6) {
        let _ = parse_numbers(&text, "item");
        let _ = parse_matrix(&text);
        let _ = parse_samples(&text, None);
        let _ = parse_samples(&text, Some("1"));
        let _ = Rect::parse(&text, rows, columns, "rectangle");
    }

    #[test]
    fn every_algorithm_takes_any_text_and_options(text in hostile_text(), mut options in option_map()) {
        for entry in REGISTRY {
            if let Ok(mut animation) = (entry.animate)(&text, &mut options.clone()) {
                animation.seek(usize::MAX);
                let _ = animation.narration();
                let _ = animation.scene(&Frame::new(320.0, 200.0, Theme::Dark));
            }
        }
        let _ = algo::find(&text);
        let _ = options.take_flag("circular");
    }

    #[test]
    fn random_call_sequences_keep_the_player_consistent(
        algorithm in 0usize..REGISTRY.len(),
        size in 0usize..14,
        seed in any::<u64>(),
        calls in prop::collection::vec((0u8..6, any::<u16>(), 1.0f64..900.0, 1.0f64..600.0), 1..40),
    ) {
        let entry = &REGISTRY[algorithm];
        let text = (entry.random_input)(size, seed);
        let Ok(mut animation) = (entry.animate)(&text, &mut OptionMap::new()) else {
            // Only the ROC generator can draw a single class; that refusal is tested elsewhere.
            return Ok(());
        };
        for (call, argument, width, height) in calls {
            let before = (animation.position(), animation.state());
            match call {
                0 => animation.seek(usize::from(argument)),
                1 => {
                    if animation.forward() {
                        animation.back();
                        prop_assert_eq!(&animation.state(), &before.1, "back undoes forward");
                        animation.forward();
                    }
                }
                2 => {
                    animation.back();
                }
                3 => {
                    let _ = animation.scene(&Frame::new(width, height, Theme::Light));
                }
                4 => {
                    let _ = stepwise::render::svg::to_svg(&animation.scene(&Frame::new(width, height, Theme::Dark)));
                }
                _ => {
                    let _ = (animation.narration(), animation.line(), animation.counters(), animation.result());
                }
            }
            prop_assert!(animation.position() <= animation.len());
        }
    }
}

/// Bytes one recorded event takes in memory; the budget keeps traces near O(events). Every
/// registered algorithm is measured on its example.
#[test]
fn events_stay_small() {
    const BUDGET: usize = 48;
    // Over the budget, each with its own bound and the reason it is affordable. The rate
    // limiter's event carries the method's memory before and after a request (120 bytes), but
    // it animates at most 2,000 requests, one event each: under 256 KB a trace.
    const EXCEPTIONS: &[(&str, usize)] = &[("rate-limiter", 128)];
    for entry in REGISTRY {
        let name = entry.info.id;
        let animation = (entry.animate)(entry.info.example, &mut OptionMap::new())
            .unwrap_or_else(|error| panic!("{name}: the example fails: {error}"));
        let bytes = animation.event_bytes();
        let budget = EXCEPTIONS
            .iter()
            .find(|(id, _)| *id == name)
            .map_or(BUDGET, |&(_, bound)| bound);
        println!("bytes per event, {name}: {bytes}");
        assert!(
            bytes <= budget,
            "{name}: {bytes} bytes per event, over the {budget}-byte budget"
        );
    }
}

/// A trace at the cap: the longest animation any input may produce still builds.
#[test]
fn the_longest_allowed_trace_builds() {
    let values: Vec<String> = (0..1000).rev().map(|value| value.to_string()).collect();
    let mut options = OptionMap::new().with("method", OptionValue::Text("scan".into()));
    let animation = (algo::find("next-greater").unwrap().animate)(&values.join(" "), &mut options)
        .expect("1,000 decreasing items are within the scan's limit");
    println!("longest scan trace: {} events", animation.len());
    assert!(animation.len() > 500_000);
}
