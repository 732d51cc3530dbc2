//! What the page and `<stepwise-player>` call: the [`Player`] handle that steps, seeks and draws
//! one animation, the algorithm registry and seeded random inputs. (Image mode uses the kernel
//! module's `IntegralImage`, loaded when it is first shown.)

#![forbid(unsafe_code)]
#![deny(missing_docs)]

use stepwise::algo;
use stepwise::algo::roc::{self, Roc};
use stepwise::algorithm::Run;
#[cfg(feature = "full")]
use stepwise::render::svg;
use stepwise::scene::{Frame, Scene, Theme};
use stepwise::trace::{Animation, Timeline};
use stepwise::value::{Describe, Value};
use stepwise_web::roc::Samples;
use stepwise_web::{canvas, input_error, options_from, to_count, to_js, to_seed};

use wasm_bindgen::prelude::*;
use web_sys::CanvasRenderingContext2d;

/// Installs the panic hook when the module loads (see [`stepwise_web::install_panic_hook`]).
#[wasm_bindgen(start)]
pub fn start() {
    stepwise_web::install_panic_hook();
}

/// Every algorithm: `[{ id, title, pseudocode, example, methods, presets, inputHelp, lede, …,
/// options, widget }]` (see `AlgorithmInfo` and `PageInfo`).
#[wasm_bindgen]
pub fn algorithms() -> JsValue {
    let infos: Vec<Value> = algo::REGISTRY.iter().map(algo::Entry::describe).collect();
    to_js(&Value::List(infos))
}

/// The engine's limits, defined once in Rust, for the page to check before it copies:
/// `{ textBytes, steps, csvFileBytes, animatedSamples }`.
#[wasm_bindgen]
pub fn limits() -> JsValue {
    to_js(&Value::record([
        ("textBytes", stepwise::input::MAX_TEXT_BYTES.describe()),
        ("steps", stepwise::trace::EVENT_CAP.describe()),
        ("csvFileBytes", roc::MAX_CSV_FILE_BYTES.describe()),
        ("animatedSamples", roc::MAX_ANIMATED_SAMPLES.describe()),
    ]))
}

/// A random input of about `size` items for algorithm `id`; the same seed gives the same text.
#[wasm_bindgen(js_name = randomInput)]
pub fn random_input(id: &str, size: f64, seed: f64) -> Result<String, JsValue> {
    let entry = algo::find(id).map_err(input_error)?;
    Ok((entry.random_input)(to_count(size), to_seed(seed)))
}

/// An animation of one algorithm on one input: step it, seek it, draw it.
#[wasm_bindgen]
pub struct Player {
    animation: Box<dyn Animation>,
    theme: Theme,
    /// The scene on screen when the position last changed: where the transition starts.
    from: Option<Scene>,
    /// The scene drawn last.
    shown: Option<Scene>,
    /// True while a practice hint rings the next question's values (until the clock moves).
    #[cfg(feature = "full")]
    hinting: bool,
}

impl Player {
    fn showing(animation: Box<dyn Animation>) -> Player {
        Player {
            animation,
            theme: Theme::Light,
            from: None,
            shown: None,
            #[cfg(feature = "full")]
            hinting: false,
        }
    }

    fn moved(&mut self, before: usize) {
        if self.animation.position() != before {
            self.from = self.shown.take().or_else(|| self.from.take());
            #[cfg(feature = "full")]
            {
                self.hinting = false;
            }
        }
    }

    fn frame(&self, width: f64, height: f64) -> Frame {
        Frame::new(width, height, self.theme)
    }
}

#[wasm_bindgen]
impl Player {
    /// Parses `text` for algorithm `id` and records the animation; throws an `Error` saying
    /// what is wrong and where. `options` is an optional object (e.g. `{ method: "scan" }`).
    #[wasm_bindgen(constructor)]
    pub fn new(id: &str, text: &str, options: JsValue) -> Result<Player, JsValue> {
        let entry = algo::find(id).map_err(input_error)?;
        let mut options = options_from(options)?;
        let animation = (entry.animate)(text, &mut options).map_err(input_error)?;
        Ok(Player::showing(animation))
    }

    /// The ROC sweep of samples kept in wasm memory (up to 2,000,000: a file or the generator,
    /// with no text in between). `options` as for `new Player("roc", …)`; the samples are
    /// copied once, sorted, so the handle may be freed or refilled afterwards.
    #[wasm_bindgen(js_name = fromSamples)]
    pub fn from_samples(samples: &Samples, options: JsValue) -> Result<Player, JsValue> {
        roc::check_animated_count(samples.length()).map_err(input_error)?;
        let mut options = options_from(options)?;
        let options = Roc::parse_options(&mut options).map_err(input_error)?;
        let input = roc::Prepared::new(
            samples.score_values(),
            samples.label_values(),
            samples.class_names().clone(),
        )
        .map_err(input_error)?;
        let timeline = Timeline::<Roc>::new(input, options).map_err(input_error)?;
        Ok(Player::showing(Box::new(timeline)))
    }

    /// The algorithm's id.
    #[wasm_bindgen(getter)]
    pub fn algorithm(&self) -> String {
        self.animation.algorithm_id().to_string()
    }

    /// The number of steps.
    #[wasm_bindgen(getter)]
    pub fn len(&self) -> usize {
        self.animation.len()
    }

    /// True when there are no steps.
    #[wasm_bindgen(js_name = isEmpty)]
    pub fn is_empty(&self) -> bool {
        self.animation.is_empty()
    }

    /// How many steps have been applied (0..=len).
    #[wasm_bindgen(getter)]
    pub fn position(&self) -> usize {
        self.animation.position()
    }

    /// Moves to step `position` (clamped to 0..=len).
    pub fn seek(&mut self, position: f64) {
        let before = self.animation.position();
        self.animation.seek(to_count(position));
        self.moved(before);
    }

    /// One step forward; false at the end.
    pub fn forward(&mut self) -> bool {
        let before = self.animation.position();
        let moved = self.animation.forward();
        self.moved(before);
        moved
    }

    /// One step back; false at the start.
    pub fn back(&mut self) -> bool {
        let before = self.animation.position();
        let moved = self.animation.back();
        self.moved(before);
        moved
    }

    /// One sentence about the current step.
    pub fn narration(&self) -> String {
        self.animation.narration()
    }

    /// The highlighted pseudocode line (0-based), or `undefined` before the first step.
    pub fn line(&self) -> Option<usize> {
        self.animation.line()
    }

    /// The pseudocode of the method this player runs, one string per line.
    pub fn pseudocode(&self) -> Vec<String> {
        self.animation
            .pseudocode()
            .iter()
            .map(|line| line.to_string())
            .collect()
    }

    /// The operation counters: `[{ name, value }]`.
    pub fn counters(&self) -> JsValue {
        to_js(&self.animation.counters().describe())
    }

    /// The question about the step `forward()` would take: `{ kind: "choice", prompt, choices,
    /// answer (the index of the right choice), explanation (that step's narration) }`, or for a
    /// number `{ kind: "number", prompt, answer (the number), choices, choice, explanation }`;
    /// `undefined` at the end of the run or where the step has none (full module).
    #[cfg(feature = "full")]
    pub fn question(&mut self) -> JsValue {
        match self.animation.question() {
            Some(question) => to_js(&question.describe()),
            None => JsValue::UNDEFINED,
        }
    }

    /// The algorithm's state at this step, as a plain object.
    pub fn state(&self) -> JsValue {
        to_js(&self.animation.state())
    }

    /// The result of the whole run, as a plain object.
    pub fn result(&self) -> JsValue {
        to_js(&self.animation.result())
    }

    /// Uses the `"light"` or `"dark"` palette from now on.
    #[wasm_bindgen(js_name = setTheme)]
    pub fn set_theme(&mut self, name: &str) {
        self.theme = Theme::from_name(name);
    }

    /// Draws the current step on `context`, `width` × `height` CSS pixels. With `progress` in
    /// 0..1 it draws that far into the transition from the previously shown step.
    pub fn draw(
        &mut self,
        context: &CanvasRenderingContext2d,
        width: f64,
        height: f64,
        progress: Option<f64>,
    ) -> Result<(), JsValue> {
        let frame = self.frame(width, height);
        #[cfg_attr(not(feature = "full"), allow(unused_mut))]
        let mut target = self.animation.scene(&frame);
        #[cfg(feature = "full")]
        if self.hinting {
            for bounds in self.animation.hint(&frame) {
                target.ring(bounds, frame.palette.ink);
            }
        }
        let shown = match (&self.from, progress) {
            (Some(from), Some(progress)) if progress < 1.0 => target.tween(from, progress),
            _ => {
                self.from = None;
                target
            }
        };
        canvas::paint(&shown, context)?;
        self.shown = Some(shown);
        Ok(())
    }

    /// The `[row, column]` of the item under point `(x, y)` (CSS pixels) of a picture drawn
    /// `width` × `height`, or `undefined` where nothing can be picked.
    pub fn locate(&self, x: f64, y: f64, width: f64, height: f64) -> Option<Vec<u32>> {
        self.animation
            .locate(&self.frame(width, height), x, y)
            .map(|(row, column)| vec![row as u32, column as u32])
    }

    /// Rings (or stops ringing) the values the next step's question is about, from the next
    /// `draw` until the clock moves: practice's hint (full module).
    #[cfg(feature = "full")]
    pub fn hint(&mut self, on: bool) {
        self.hinting = on;
    }

    /// The answer a click at `(x, y)` (CSS pixels) on a picture drawn `width` × `height` gives
    /// to the next step's question (one of its choices, or another answer that is wrong), or
    /// `undefined` where a click there answers nothing (full module).
    #[cfg(feature = "full")]
    pub fn pick(&self, x: f64, y: f64, width: f64, height: f64) -> Option<String> {
        self.animation.pick(&self.frame(width, height), x, y)
    }

    /// The current step as a standalone SVG document, `width` × `height` pixels (full module).
    #[cfg(feature = "full")]
    pub fn svg(&self, width: f64, height: f64) -> String {
        svg::to_svg(&self.animation.scene(&self.frame(width, height)))
    }
}
