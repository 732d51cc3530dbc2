//! Every registered algorithm on any text: a recorded animation that seeks and draws, or a
//! message — never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stepwise::input::OptionMap;
use stepwise::scene::{Frame, Theme};

fuzz_target!(|text: &str| {
    for entry in stepwise::algo::REGISTRY {
        if let Ok(mut animation) = (entry.animate)(text, &mut OptionMap::new()) {
            let middle = animation.len() / 2;
            animation.seek(middle);
            let _ = animation.narration();
            let _ = animation.scene(&Frame::new(300.0, 200.0, Theme::Light));
        }
    }
});
