//! Tests that must hold in both worlds: `cargo test` runs them natively, the wasm runner runs
//! them in headless Chromium.

use stepwise::algo::next_greater::{next_greater, Variant};
use stepwise::input::OptionMap;
use stepwise::trace::Timeline;
use wasm_bindgen_test::wasm_bindgen_test;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test(unsupported = test)]
fn the_interview_example_has_the_known_answer() {
    let values = [2.0, 7.0, 3.0, 5.0, 4.0, 6.0, 8.0];
    assert_eq!(
        next_greater(&values, Variant::default()),
        vec![1, 6, 3, 5, 5, 6, -1]
    );
    let previous_smaller = Variant {
        previous: true,
        smaller: true,
        circular: false,
    };
    assert_eq!(
        next_greater(&values, previous_smaller),
        vec![-1, 0, 0, 2, 2, 4, 5]
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn a_timeline_plays_to_the_kernel_answer_and_back() {
    let mut timeline = Timeline::<stepwise::algo::next_greater::NextGreater>::from_text(
        "3 1 4 1 5 9 2 6",
        &mut OptionMap::new(),
    )
    .unwrap();
    let start = timeline.state().clone();
    timeline.seek(timeline.len());
    assert_eq!(timeline.state().answer, timeline.output().indices);
    while timeline.back() {}
    assert_eq!(timeline.state(), &start);
}
