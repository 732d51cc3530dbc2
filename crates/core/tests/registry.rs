//! Tests over the registry: every registered algorithm, every preset and every method gets
//! them for free — seek/undo equivalence, an SVG snapshot, and its quiz questions.
//!
//! Snapshots live in `tests/expected/registry/`. A missing one is written (commit it); to
//! accept a deliberate change in the pictures, run `STEPWISE_UPDATE_SNAPSHOTS=1 cargo test`.
#![cfg(not(target_arch = "wasm32"))]

use stepwise::algo::REGISTRY;
use stepwise::algorithm::Asked;
use stepwise::input::{OptionMap, OptionValue};
use stepwise::render::svg::to_svg;
use stepwise::scene::{Bounds, Frame, Theme};
use stepwise::trace::Animation;

/// Makes the same run afresh each time it is called.
type MakeRun = Box<dyn Fn() -> Box<dyn Animation>>;

/// Every run the registry offers: each preset with each method, as (name, animation maker).
fn runs() -> Vec<(String, MakeRun)> {
    let mut runs: Vec<(String, MakeRun)> = Vec::new();
    for entry in REGISTRY {
        let info = entry.info;
        for preset in info.presets {
            for method in info.methods {
                let options =
                    || OptionMap::new().with("method", OptionValue::Text(method.id.into()));
                // A preset may demonstrate a refusal (one ROC class, the scan's limit).
                if (entry.animate)(preset.text, &mut options()).is_err() {
                    continue;
                }
                let name = format!("{} {} ({})", info.id, preset.name, method.id);
                runs.push((
                    name,
                    Box::new(move || {
                        (entry.animate)(preset.text, &mut options()).unwrap_or_else(|error| {
                            panic!("{}: {error}", preset.name);
                        })
                    }),
                ));
            }
        }
    }
    runs
}

/// Positions worth checking in a run of `length` steps: both ends, thirds, and a spread.
fn positions(length: usize) -> Vec<usize> {
    let mut positions = vec![
        0,
        1,
        length / 3,
        length / 2,
        2 * length / 3,
        length.saturating_sub(1),
        length,
    ];
    positions.extend((0..12).map(|index| (index * 7919) % (length + 1)));
    positions
        .into_iter()
        .map(|position| position.min(length))
        .collect()
}

#[test]
fn every_preset_of_every_algorithm_seeks_and_undoes_exactly() {
    let runs = runs();
    assert!(runs.len() >= 20, "{} runs", runs.len());
    for (name, make) in &runs {
        let mut animation = make();
        let mut replay = make();
        let length = animation.len();
        for target in positions(length) {
            animation.seek(target);
            replay.seek(0);
            while replay.position() < target {
                replay.forward();
            }
            assert_eq!(
                animation.state(),
                replay.state(),
                "{name}: seek({target}) differs from replaying"
            );
            // Every step highlights a line its method's pseudocode has.
            assert_eq!(
                animation.line().is_some(),
                target > 0,
                "{name}: no pseudocode line at {target}"
            );
            assert_eq!(
                animation.narration(),
                replay.narration(),
                "{name}: narration at {target}"
            );
            let before = animation.state();
            if animation.forward() {
                animation.back();
                assert_eq!(
                    animation.state(),
                    before,
                    "{name}: back undoes forward at {target}"
                );
            }
        }
        // Walking back from the end undoes every step.
        animation.seek(length);
        while animation.back() {}
        replay.seek(0);
        assert_eq!(
            animation.state(),
            replay.state(),
            "{name}: back to the start"
        );
    }
}

/// The file name of a run's snapshot: its name in lower case, words joined by dashes.
fn snapshot_name(name: &str) -> String {
    let mut slug = String::new();
    for character in name.chars() {
        if character.is_ascii_alphanumeric() {
            slug.push(character.to_ascii_lowercase());
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    format!("{}.svg", slug.trim_end_matches('-'))
}

#[test]
fn every_preset_of_every_algorithm_matches_its_svg_snapshot() {
    let directory =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expected/registry");
    std::fs::create_dir_all(&directory).unwrap();
    let update = std::env::var_os("STEPWISE_UPDATE_SNAPSHOTS").is_some();
    let mut differ = Vec::new();
    for (name, make) in runs() {
        let mut animation = make();
        // Mid-run shows the most: highlights, partial results, the invariant at work.
        animation.seek(animation.len() / 2);
        let svg = to_svg(&animation.scene(&Frame::new(480.0, 300.0, Theme::Light)));
        let path = directory.join(snapshot_name(&name));
        match std::fs::read_to_string(&path) {
            Ok(expected) if !update => {
                if expected != svg {
                    differ.push(format!("{name} ({})", path.display()));
                }
            }
            _ => std::fs::write(&path, &svg).unwrap(),
        }
    }
    assert!(
        differ.is_empty(),
        "pictures changed (STEPWISE_UPDATE_SNAPSHOTS=1 accepts them): {differ:#?}"
    );
}

/// The share of steps with a question that every method must reach, over all its presets.
const QUESTION_COVERAGE: f64 = 0.9;

#[test]
fn every_step_asks_a_question_whose_answer_is_what_happens() {
    let mut coverage = Vec::new();
    let mut clickable = std::collections::HashSet::new();
    for entry in REGISTRY {
        for method in entry.info.methods {
            let (mut asked, mut steps) = (0, 0);
            for preset in entry.info.presets {
                let mut options =
                    OptionMap::new().with("method", OptionValue::Text(method.id.into()));
                let Ok(mut animation) = (entry.animate)(preset.text, &mut options) else {
                    continue;
                };
                let run = format!("{} {} ({})", entry.info.id, preset.name, method.id);
                for position in 0..animation.len().min(2_000) {
                    animation.seek(position);
                    steps += 1;
                    let Some(question) = animation.question() else {
                        continue;
                    };
                    asked += 1;
                    // Asking does not move the clock.
                    assert_eq!(animation.position(), position, "{run}");
                    assert!(!question.prompt.is_empty(), "{run}: empty prompt");
                    let choices = &question.choices;
                    assert!(choices.len() >= 2, "{run}: one choice at {position}");
                    let distinct: std::collections::HashSet<&String> = choices.iter().collect();
                    assert_eq!(distinct.len(), choices.len(), "{run}: repeated choices");
                    assert!(question.answer < choices.len());
                    check_hint_and_picks(&*animation, &question, &run, position);
                    if !question.click.is_empty() {
                        clickable.insert(entry.info.id);
                    }
                    // The explanation is what the step then narrates.
                    animation.seek(position + 1);
                    assert_eq!(
                        question.explanation,
                        animation.narration(),
                        "{run} at {position}"
                    );
                }
                animation.seek(animation.len());
                assert_eq!(
                    animation.question(),
                    None,
                    "{run}: a question after the last step"
                );
            }
            coverage.push((entry.info.id, method.id, asked as f64 / steps.max(1) as f64));
        }
    }
    let short: Vec<_> = coverage
        .iter()
        .filter(|(_, _, share)| *share < QUESTION_COVERAGE)
        .collect();
    assert!(
        short.is_empty(),
        "methods asking on too few steps: {short:?}"
    );
    // Where a click is the natural answer, the learner may click.
    for id in ["next-greater", "intersection"] {
        assert!(clickable.contains(id), "{id} asks nothing by click");
    }
}

/// The hint rings places inside the picture; a question answered by clicking says what to
/// click, and a click on each pick's item gives that pick's answer.
fn check_hint_and_picks(animation: &dyn Animation, question: &Asked, run: &str, position: usize) {
    for (width, height) in [(900.0, 520.0), (375.0, 640.0)] {
        let frame = Frame::new(width, height, Theme::Light);
        let inside = |bounds: &Bounds| {
            bounds.width >= 0.0
                && bounds.height >= 0.0
                && bounds.x >= -1.0
                && bounds.y >= -1.0
                && bounds.x + bounds.width <= width + 1.0
                && bounds.y + bounds.height <= height + 1.0
        };
        for bounds in animation.hint(&frame) {
            assert!(
                inside(&bounds),
                "{run} at {position}: hint {bounds:?} outside {width}×{height}"
            );
        }
        let picks = animation.picks(&frame);
        assert_eq!(
            question.click.is_empty(),
            picks.is_empty(),
            "{run} at {position}: picks without saying what to click, or the reverse"
        );
        for (bounds, answer) in &picks {
            assert!(
                inside(bounds),
                "{run} at {position}: pick {bounds:?} outside"
            );
            let (x, y) = (
                bounds.x + bounds.width / 2.0,
                bounds.y + bounds.height / 2.0,
            );
            assert_eq!(
                animation.pick(&frame, x, y).as_ref(),
                Some(answer),
                "{run} at {position}: clicking {answer:?}"
            );
        }
    }
}

#[test]
fn palette_css_is_the_rust_palette() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../www/palette.css");
    let css = stepwise::scene::palette_css();
    if std::env::var_os("STEPWISE_UPDATE_SNAPSHOTS").is_some() || !path.exists() {
        std::fs::write(&path, &css).unwrap();
    }
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        css,
        "www/palette.css differs from src/scene.rs: STEPWISE_UPDATE_SNAPSHOTS=1 cargo test palette rewrites it"
    );
    for role in [
        "--ink",
        "--current",
        "--waiting",
        "--resolved",
        "--line",
        "--error",
    ] {
        assert_eq!(
            css.matches(&format!("{role}:")).count(),
            2,
            "{role} in light and dark"
        );
    }
}

#[test]
fn every_widget_the_registry_names_has_its_file_and_no_other_does() {
    let www = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../www/algorithms");
    for entry in REGISTRY {
        let file = www.join(entry.info.id).join("widget.js");
        assert_eq!(
            file.exists(),
            entry.info.page.widget,
            "{}: `widget` in its PageInfo and www/algorithms/{}/widget.js must agree",
            entry.info.id,
            entry.info.id
        );
    }
    for folder in std::fs::read_dir(&www).unwrap() {
        let folder = folder.unwrap();
        let name = folder.file_name().to_string_lossy().into_owned();
        assert!(
            folder.path().is_dir() && REGISTRY.iter().any(|entry| entry.info.id == name),
            "www/algorithms/{name} is not the folder of a registered algorithm"
        );
    }
}
