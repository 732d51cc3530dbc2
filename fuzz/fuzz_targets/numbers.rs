//! Number lists and rectangles: any text gives numbers or a message, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = stepwise::input::parse_numbers(text, "item");
    let _ = stepwise::algo::summed_area::Rect::parse(text, 7, 5, "rectangle");
});
