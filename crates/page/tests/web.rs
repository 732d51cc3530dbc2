//! The web boundary in a real browser: `Player` as JS sees it, canvas pixels read back, errors
//! as JS `Error`s. Run by `cargo xtask test` (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use stepwise::algo::roc::{binormal_auc, gaussian_samples, MAX_ANIMATED_SAMPLES};
use stepwise::format::group_digits;
use stepwise_page::{Player, Resident};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::CanvasRenderingContext2d;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/js.rs"]
mod js;
use js::{canvas, error_message, object};

/// Counts pixels of exactly `rgb` in the canvas.
fn count_pixels(
    context: &CanvasRenderingContext2d,
    width: u32,
    height: u32,
    rgb: [u8; 3],
) -> usize {
    let data = context
        .get_image_data(0.0, 0.0, width as f64, height as f64)
        .unwrap()
        .data();
    data.chunks_exact(4)
        .filter(|pixel| pixel[0] == rgb[0] && pixel[1] == rgb[1] && pixel[2] == rgb[2])
        .count()
}

#[wasm_bindgen_test]
fn player_steps_seeks_and_reports() {
    let mut player = Player::new("next-greater", "2 7 3 5 4 6 8", JsValue::UNDEFINED).unwrap();
    assert_eq!(player.algorithm(), "next-greater");
    assert_eq!(player.position(), 0);
    assert!(player.len() > 7);
    assert_eq!(player.line(), None);
    assert!(player.forward());
    assert_eq!(player.narration(), "i = 0: look at a[0]=2.");
    assert_eq!(player.line(), Some(0));
    player.seek(f64::INFINITY);
    assert_eq!(player.position(), player.len());
    assert!(!player.forward());
    player.seek(-5.0);
    assert_eq!(player.position(), 0);
    assert!(!player.back());

    let result = player.result();
    let indices = js_sys::Reflect::get(&result, &"indices".into()).unwrap();
    assert_eq!(
        js_sys::JSON::stringify(&indices).unwrap(),
        "[1,6,3,5,5,6,-1]"
    );
    let values = js_sys::Reflect::get(&result, &"values".into()).unwrap();
    assert_eq!(
        js_sys::JSON::stringify(&values).unwrap(),
        "[7,8,5,6,6,8,null]"
    );
    let counters = js_sys::JSON::stringify(&player.counters()).unwrap();
    assert_eq!(
        counters,
        r#"[{"name":"comparisons","value":0},{"name":"pushes","value":0},{"name":"pops","value":0}]"#
    );
    let state = player.state();
    assert!(js_sys::Reflect::get(&state, &"stack".into())
        .unwrap()
        .is_array());
    assert!(player.svg(200.0, 100.0).starts_with("<svg"));
}

#[wasm_bindgen_test]
fn questions_are_plain_objects_about_the_next_step() {
    let get = |value: &JsValue, key: &str| js_sys::Reflect::get(value, &key.into()).unwrap();
    let mut player = Player::new("next-greater", "2 7 3 5 4 6 8", JsValue::UNDEFINED).unwrap();
    player.seek(0.0);
    let question = player.question();
    assert_eq!(
        get(&question, "kind").as_string().as_deref(),
        Some("choice")
    );
    let choices: js_sys::Array = get(&question, "choices").dyn_into().unwrap();
    assert!(choices.length() >= 2);
    let answer = get(&question, "answer").as_f64().unwrap() as u32;
    assert!(answer < choices.length());
    let explanation = get(&question, "explanation").as_string().unwrap();
    player.forward();
    assert_eq!(
        explanation,
        player.narration(),
        "the explanation is the step's narration"
    );
    // The summed-area fill asks for a number.
    let mut table = Player::new("summed-area", "1 2\n3 4", JsValue::UNDEFINED).unwrap();
    let question = table.question();
    assert_eq!(
        get(&question, "kind").as_string().as_deref(),
        Some("number")
    );
    assert_eq!(
        get(&question, "answer").as_f64(),
        Some(1.0),
        "S[1][1] = M[0][0]"
    );
    table.seek(table.len() as f64);
    assert!(table.question().is_undefined(), "nothing to ask at the end");
}

#[wasm_bindgen_test]
fn options_choose_the_method_and_variant() {
    let mut player = Player::new(
        "next-greater",
        "3 1 2",
        object(r#"{"method":"scan","circular":true}"#),
    )
    .unwrap();
    player.seek(1e9);
    let result = player.result();
    let indices = js_sys::Reflect::get(&result, &"indices".into()).unwrap();
    assert_eq!(js_sys::JSON::stringify(&indices).unwrap(), "[-1,2,0]");
    assert_eq!(player.pseudocode()[1], "  for j after i in scan order:");
}

#[wasm_bindgen_test]
fn draw_paints_bars_in_the_palette_colours() {
    let (width, height) = (400, 240);
    let (_canvas, context) = canvas(width, height);
    let mut player = Player::new("next-greater", "5 3 8 1", JsValue::UNDEFINED).unwrap();
    player
        .draw(&context, width as f64, height as f64, None)
        .unwrap();
    let idle = [0xC5, 0xCD, 0xD6];
    let current = [0xE6, 0x9F, 0x00];
    assert!(
        count_pixels(&context, width, height, idle) > 500,
        "idle bars painted"
    );
    player.forward();
    player
        .draw(&context, width as f64, height as f64, None)
        .unwrap();
    assert!(
        count_pixels(&context, width, height, current) > 300,
        "the scanned bar turns orange"
    );
    // A transition frame halfway paints too (and does not fail).
    player.forward();
    player
        .draw(&context, width as f64, height as f64, Some(0.5))
        .unwrap();
}

#[wasm_bindgen_test]
fn draw_is_crisp_on_high_dpi_canvases() {
    let (_canvas, context) = canvas(800, 480);
    let player_draw = |player: &mut Player| player.draw(&context, 400.0, 240.0, None).unwrap();
    let mut player = Player::new("next-greater", "5 3 8 1", JsValue::UNDEFINED).unwrap();
    player_draw(&mut player);
    // The scene is scaled by 2: the bottom-right quarter of the backing store is painted too.
    let data = context
        .get_image_data(400.0, 240.0, 400.0, 240.0)
        .unwrap()
        .data();
    let white = data
        .chunks_exact(4)
        .filter(|pixel| pixel[..3] == [255, 255, 255])
        .count();
    assert!(white < 400 * 240, "the scaled scene reaches the far corner");
}

#[wasm_bindgen_test]
fn errors_arrive_as_js_errors_with_the_message() {
    let error = Player::new("next-greater", "1 x 3", JsValue::UNDEFINED)
        .err()
        .unwrap();
    let start = js_sys::Reflect::get(&error, &"start".into()).unwrap();
    assert_eq!(start.as_f64(), Some(2.0));
    assert_eq!(error_message(error), "item 2: 'x' is not a number");

    let error = Player::new("quick-sort", "1", JsValue::UNDEFINED)
        .err()
        .unwrap();
    let kind = js_sys::Reflect::get(&error, &"kind".into()).unwrap();
    assert_eq!(kind.as_string().as_deref(), Some("unknown algorithm"));
    assert!(error_message(error).starts_with("unknown algorithm 'quick-sort'"));

    // Errors carry the field they are about, so a page routes them without reading the text.
    let error = Player::new("summed-area", "1 2\n3 4", object(r#"{"query":"0,0,7,7"}"#))
        .err()
        .unwrap();
    let property = |name: &str| {
        js_sys::Reflect::get(&error, &name.into())
            .unwrap()
            .as_string()
    };
    assert_eq!(property("field").as_deref(), Some("query"));
    assert_eq!(property("kind").as_deref(), Some("invalid"));
}

#[wasm_bindgen_test]
fn a_summed_area_player_picks_cells_and_draws_them() {
    let (width, height) = (600, 300);
    let (_canvas, context) = canvas(width, height);
    let mut player = Player::new("summed-area", "1 2\n3 4", object(r#"{"mode":"iou"}"#)).unwrap();
    player
        .draw(&context, width as f64, height as f64, None)
        .unwrap();
    let empty_cell = [0xFF, 0xFF, 0xFF];
    assert!(count_pixels(&context, width, height, empty_cell) > 1000);
    player.seek(1e9);
    let result = js_sys::JSON::stringify(&player.result()).unwrap();
    assert_eq!(
        String::from(result),
        r#"{"sum":1,"secondSum":4,"intersectionSum":0,"weightedIou":0,"areaIou":0}"#
    );
    // Some point of the picture is cell (1, 1) of M.
    let found = (0..width).step_by(3).any(|x| {
        (0..height).step_by(3).any(|y| {
            player.locate(x as f64, y as f64, width as f64, height as f64) == Some(vec![1, 1])
        })
    });
    assert!(found);
    let error = Player::new("summed-area", "1 2\n3", JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert_eq!(
        error_message(error),
        "row 2 has 1 number, expected 2 like row 1"
    );
}

#[wasm_bindgen_test]
fn resident_samples_animate_like_the_same_samples_typed_as_text() {
    let text = "score,label\n0.9,spam\n0.8,ham\n0.8,spam\n0.3,ham\n0.1,spam";
    let from_text = Player::new("roc", text, object(r#"{"positive":"ham"}"#)).unwrap();
    let samples = Resident::read("roc", text.as_bytes(), object(r#"{"positive":"ham"}"#)).unwrap();
    assert_eq!(samples.length(), 5);
    let mut resident = Player::from_resident(&samples, JsValue::UNDEFINED).unwrap();
    drop(samples);
    let mut typed = from_text;
    assert_eq!(resident.len(), typed.len());
    assert_eq!(resident.narration(), typed.narration());
    while typed.forward() {
        assert!(resident.forward());
        assert_eq!(resident.narration(), typed.narration());
    }
    let auc = |player: &Player| {
        js_sys::Reflect::get(&player.state(), &"auc".into())
            .unwrap()
            .as_f64()
    };
    assert_eq!(auc(&resident), auc(&typed));

    // Generated samples: the same seed gives the same set, at full precision.
    let separation = || object(r#"{"separation":1.5}"#);
    let first = Resident::generate("roc", 1000.0, 7.0, separation()).unwrap();
    let again = Resident::generate("roc", 1000.0, 7.0, separation()).unwrap();
    assert_eq!(first.length(), 1000);
    assert_eq!(first.text(), again.text());
    assert_eq!(first.text(), gaussian_samples(1000, 1.5, 7));
    assert_eq!(
        first
            .text()
            .lines()
            .filter(|line| line.ends_with(",1"))
            .count(),
        500
    );
    let facts = first.facts();
    let fact = |name: &str| js_sys::Reflect::get(&facts, &name.into()).unwrap().as_f64();
    assert_eq!(fact("length"), Some(1000.0));
    assert_eq!(fact("expectedAuc"), Some(binormal_auc(1.5)));
    let mut player = Player::from_resident(&first, JsValue::UNDEFINED).unwrap();
    assert_eq!(player.len(), 1000, "one step per distinct score");
    let mut twin = Player::from_resident(&again, JsValue::UNDEFINED).unwrap();
    player.seek(f64::INFINITY);
    twin.seek(f64::INFINITY);
    let state = |player: &Player| String::from(js_sys::JSON::stringify(&player.state()).unwrap());
    assert_eq!(
        state(&player),
        state(&twin),
        "the same curve to the last bit"
    );
    // The sweep is of the generator's full-precision scores, not of the text's three decimals.
    let scores_as_text = Player::new("roc", &first.text(), JsValue::UNDEFINED).unwrap();
    assert!(scores_as_text.len() < player.len(), "rounded scores tie");
    // A file's samples carry no generator's expectation.
    let read = Resident::read("roc", b"0.9,1\n0.5,0\n", JsValue::UNDEFINED).unwrap();
    let facts = read.facts();
    assert!(js_sys::Reflect::get(&facts, &"expectedAuc".into())
        .unwrap()
        .is_null());

    // Errors say what and where, as for typed text.
    let error = Resident::read("roc", b"0.9,1\n0.5\n", JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert!(error_message(error).starts_with("line 2: expected score,label"));
    let error = Resident::read("roc", &[0x30, 0x2c, 0xff], JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert_eq!(
        error_message(error),
        "the file is not UTF-8 text (byte 2 is not)"
    );
    // The reader stops at the first sample past the most the animation takes.
    let most = MAX_ANIMATED_SAMPLES;
    let mut many = String::from("x,y\n");
    for index in 0..=most {
        many.push_str(if index % 2 == 0 { "0.5,1\n" } else { "0.5,0\n" });
    }
    let error = Resident::read("roc", many.as_bytes(), JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert_eq!(
        error_message(error),
        format!(
            "line {}: more than {} samples, the most this reader takes",
            most + 2,
            group_digits(most)
        )
    );
    let one_class = Resident::read("roc", b"0.9,1\n0.5,1\n", JsValue::UNDEFINED).unwrap();
    let error = Player::from_resident(&one_class, JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert!(error_message(error).contains("AUC are undefined"));

    // Options are checked, and only algorithms that offer resident input take it.
    let error = Resident::generate("roc", 10.0, 1.0, object(r#"{"spread":1}"#))
        .err()
        .unwrap();
    assert!(error_message(error).contains("spread"));
    let error = Resident::generate("next-greater", 10.0, 1.0, JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert_eq!(
        error_message(error),
        "algorithm 'next-greater' takes no input kept in memory"
    );
}

#[wasm_bindgen_test]
fn a_module_built_without_a_chosen_algorithm_holds_them_all() {
    let registry = stepwise::algo::REGISTRY;
    let registered: Vec<String> = registry
        .iter()
        .map(|entry| entry.info.id.to_string())
        .collect();
    assert_eq!(stepwise_page::held_algorithms(), registered);
    for entry in registry {
        let player = Player::new(entry.info.id, entry.info.example, JsValue::UNDEFINED).unwrap();
        assert_eq!(player.algorithm(), entry.info.id);
    }
}
