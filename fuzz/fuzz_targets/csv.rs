//! ROC samples from CSV: any text gives samples or a message naming the line, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = stepwise::algo::roc::parse_samples(text, None);
    let _ = stepwise::algo::roc::parse_samples(text, Some("spam"));
});
