//! Matrices: any text gives a matrix or a message, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = stepwise::input::parse_matrix(text);
});
