//! Intersection: every method and the kernel against a BTreeMap-count reference for both
//! semantics, the two-pointer invariant at every step, seek/undo, and input messages.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use std::collections::BTreeMap;
use stepwise::algo::intersection::{intersect, Event, Intersection, PointerStep, Semantics};
use stepwise::input::{OptionMap, OptionValue};
use stepwise::scene::{Frame, Theme};
use stepwise::trace::Timeline;

/// The reference: count both arrays; keep min(count) copies (multiset) or one (set).
fn reference(a: &[i32], b: &[i32], semantics: Semantics) -> Vec<i32> {
    let count = |values: &[i32]| {
        let mut counts = BTreeMap::new();
        for &value in values {
            *counts.entry(value).or_insert(0usize) += 1;
        }
        counts
    };
    let (left, right) = (count(a), count(b));
    let mut output = Vec::new();
    for (value, &times) in &left {
        if let Some(&other) = right.get(value) {
            let copies = match semantics {
                Semantics::Multiset => times.min(other),
                Semantics::Set => 1,
            };
            output.extend(std::iter::repeat_n(*value, copies));
        }
    }
    output
}

fn values(range: i32, length: usize) -> impl Strategy<Value = Vec<i32>> {
    prop_oneof![
        prop::collection::vec(-range..=range, 0..length),
        prop::collection::vec(
            prop::sample::select(vec![i32::MIN, i32::MAX, 0, -1, 1, i32::MIN + 1]),
            0..length
        ),
    ]
}

fn text(a: &[i32], b: &[i32]) -> String {
    let line = |values: &[i32]| {
        values
            .iter()
            .map(i32::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    };
    format!("a: {}\nb: {}", line(a), line(b))
}

fn options(method: &str, semantics: Semantics, steps: bool) -> OptionMap {
    OptionMap::new()
        .with("method", OptionValue::Text(method.into()))
        .with(
            "mode",
            OptionValue::Text(
                match semantics {
                    Semantics::Multiset => "multiset",
                    Semantics::Set => "set",
                }
                .into(),
            ),
        )
        .with(
            "sort",
            OptionValue::Text(if steps { "steps" } else { "collapsed" }.into()),
        )
}

const METHODS: [&str; 4] = ["pointers", "hash", "nested", "gallop"];
const SEMANTICS: [Semantics; 2] = [Semantics::Multiset, Semantics::Set];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_kernel_matches_the_reference(
        a in values(6, 60),
        b in values(6, 60),
        long in prop::collection::vec(-50i32..50, 0..400),
    ) {
        for semantics in SEMANTICS {
            prop_assert_eq!(intersect(&a, &b, semantics), reference(&a, &b, semantics));
            // A much longer second array takes the galloping branch.
            let short: Vec<i32> = a.iter().take(3).copied().collect();
            prop_assert_eq!(intersect(&short, &long, semantics), reference(&short, &long, semantics));
            prop_assert_eq!(intersect(&long, &short, semantics), reference(&long, &short, semantics));
        }
    }

    #[test]
    fn every_method_ends_with_the_reference_and_seeks_exactly(
        a in values(5, 25),
        b in values(5, 25),
        steps in any::<bool>(),
        seeks in prop::collection::vec(0usize..400, 1..6),
    ) {
        for method in METHODS {
            for semantics in SEMANTICS {
                let source = text(&a, &b);
                let mut timeline = Timeline::<Intersection>::from_text(&source, &mut options(method, semantics, steps)).unwrap();
                prop_assert_eq!(&timeline.output().values, &reference(&a, &b, semantics));
                let mut replay = Timeline::<Intersection>::from_text(&source, &mut options(method, semantics, steps)).unwrap();
                timeline.seek(timeline.len());
                prop_assert_eq!(&timeline.state().output, &reference(&a, &b, semantics), "{} {:?}", method, semantics);
                let checked = common::seeks_match_replay(&mut timeline, &mut replay, &seeks);
                prop_assert!(checked.is_ok(), "{} {:?}: {:?}", method, semantics, checked);
            }
        }
    }

    #[test]
    fn the_two_pointer_invariant_holds_at_every_step(
        a in values(5, 30),
        b in values(5, 30),
    ) {
        for semantics in SEMANTICS {
            let mut timeline = Timeline::<Intersection>::from_text(&text(&a, &b), &mut options("pointers", semantics, true)).unwrap();
            while timeline.forward() {
                if !matches!(timeline.last_event(), Some(Event::Pointers(PointerStep::Compare { .. }))) {
                    continue;
                }
                let state = timeline.state();
                let (i, j) = (state.i, state.j);
                // Everything left of i and j is matched or no bigger than the other pointer's value.
                if j < state.b.len() {
                    prop_assert!(state.a[..i].iter().all(|&x| x <= state.b[j]));
                }
                if i < state.a.len() {
                    prop_assert!(state.b[..j].iter().all(|&y| y <= state.a[i]));
                }
                prop_assert_eq!(&state.output, &reference(&state.a[..i], &state.b[..j], semantics));
            }
        }
    }
}

#[test]
fn the_counters_show_the_complexities() {
    let a: Vec<i32> = (0..200).collect();
    let b: Vec<i32> = (100..300).rev().collect();
    let count = |method: &str| {
        let mut timeline = Timeline::<Intersection>::from_text(
            &text(&a, &b),
            &mut options(method, Semantics::Multiset, true),
        )
        .unwrap();
        timeline.seek(timeline.len());
        timeline.state().comparisons + timeline.state().probes
    };
    let (pointers, hash, nested) = (count("pointers"), count("hash"), count("nested"));
    assert_eq!(hash, 400, "one probe per item");
    assert!(
        nested > 20_000,
        "nested loops compare about n·m/2 pairs: {nested}"
    );
    assert!(pointers < 4_000, "sorting and walking: {pointers}");
}

#[test]
fn narration_and_semantics() {
    let mut timeline = Timeline::<Intersection>::from_text(
        "a: 1 2 2 1\nb: 2 2",
        &mut options("pointers", Semantics::Set, false),
    )
    .unwrap();
    assert_eq!(timeline.output().values, vec![2]);
    let mut sentences = Vec::new();
    while timeline.forward() {
        sentences.push(timeline.narration());
    }
    assert!(sentences.contains(&"Sort a in one step: [1, 1, 2, 2].".to_string()));
    assert!(sentences.contains(&"a[0]=1 < b[0]=2: advance i.".to_string()));
    assert!(sentences.contains(&"a[2]=2 = b[0]=2: match — output 2, advance both.".to_string()));
    assert!(sentences.contains(
        &"a[3]=2 = b[1]=2: 2 is already in the output (set semantics); advance both.".to_string()
    ));
}

#[test]
fn bad_input_names_the_array_and_the_item() {
    let error = |source: &str| {
        Timeline::<Intersection>::from_text(source, &mut OptionMap::new())
            .err()
            .map(|error| error.to_string())
            .unwrap_or_default()
    };
    assert_eq!(
        error("a: 1 2\nb: 3 4 x"),
        "array b, item 3: 'x' is not a number"
    );
    assert_eq!(
        error("1 2.5\n3"),
        "array a, item 2: 2.5 is not a whole number"
    );
    assert_eq!(
        error("1\n3000000000"),
        "array b, item 1: 3000000000 is outside the 32-bit integer range (-2147483648..2147483647)"
    );
    assert!(error("1 2 3").starts_with("write two lines"));
    assert!(error("1\n2\n3").starts_with("line 3: only two arrays"));
    assert_eq!(
        error("1 2\n\n"),
        "",
        "a blank third line is ignored, b is empty"
    );
    let mut bad_mode = OptionMap::new().with("mode", OptionValue::Text("bag".into()));
    assert!(Timeline::<Intersection>::from_text("1\n1", &mut bad_mode).is_err());
    let big = format!("{}\n1", vec!["1"; 1001].join(" "));
    assert!(error(&big).starts_with("array a has 1,001 items"));
}

#[test]
fn every_method_draws_at_every_size() {
    for length in [0i32, 1, 5, 60, 1000] {
        let a: Vec<i32> = (0..length).map(|value| (value * 7) % 23).collect();
        let b: Vec<i32> = (0..(length / 2 + 1)).map(|value| value % 11).collect();
        for method in METHODS {
            if method == "nested" && length > 60 {
                continue;
            }
            let mut timeline = Timeline::<Intersection>::from_text(
                &text(&a, &b),
                &mut options(method, Semantics::Multiset, true),
            )
            .unwrap();
            for position in [0, 1, timeline.len() / 2, timeline.len()] {
                timeline.seek(position);
                for (width, height) in [(375.0, 320.0), (1000.0, 380.0), (2.0, 2.0)] {
                    let scene = timeline.scene(&Frame::new(width, height, Theme::Dark));
                    assert!(!scene.shapes.is_empty());
                }
            }
        }
    }
}

#[test]
fn the_kernel_matches_the_reference_on_arrays_long_enough_for_its_radix_and_counting_sorts() {
    let mut random = stepwise::input::SeededRandom::new(29);
    for (length, low, high) in [
        (5_000, -1_000, 1_000),
        (5_000, -3, 3),
        (20_000, i32::MIN as i64, i32::MAX as i64),
        (3_000, -100_000, 100_000),
    ] {
        let mut draw = || -> Vec<i32> {
            (0..length)
                .map(|_| random.integer(low, high) as i32)
                .collect()
        };
        let (a, b) = (draw(), draw());
        for semantics in SEMANTICS {
            assert_eq!(
                intersect(&a, &b, semantics),
                reference(&a, &b, semantics),
                "{length} values in {low}..={high}, {semantics:?}"
            );
        }
    }
}
