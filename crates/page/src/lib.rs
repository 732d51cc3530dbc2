//! What the page and `<stepwise-player>` call: the [`Player`] handle that steps, seeks and draws
//! one animation, and seeded random inputs. (Image mode uses the kernel module's
//! `IntegralImage`, loaded when it is first shown.)
//!
//! `cargo xtask build` builds this crate once per registered algorithm, with
//! `STEPWISE_ALGORITHM=<id>` (see `build.rs`): each module holds the shared core and that one
//! algorithm — its questions and SVG export included — so a page pays for the algorithms it
//! shows. What the page needs before any algorithm loads (titles, options, presets, limits) is
//! in the catalogue xtask writes from the registry (`www/pkg/catalogue.js`).

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod resident;

pub use resident::Resident;

use stepwise::algo::{self, Animate, Entry};
use stepwise::format::quote;
use stepwise::input::{ErrorKind, InputError};
use stepwise::render::svg;
use stepwise::resident::ResidentEntry;
use stepwise::scene::{Frame, Scene, Theme};
use stepwise::trace::Animation;
use stepwise::value::Describe;
use stepwise_web::{canvas, input_error, options_from, to_count, to_js, to_seed};

use wasm_bindgen::prelude::*;
use web_sys::CanvasRenderingContext2d;

/// Installs the panic hook and the number parser when the module loads (see
/// [`stepwise_web::start_module`]).
#[wasm_bindgen(start)]
pub fn start() {
    stepwise_web::start_module();
}

/// What this module keeps of a registry entry: what it runs. The texts the page shows are in
/// the catalogue, so the module leaves them out.
#[derive(Clone, Copy)]
struct Held {
    id: &'static str,
    animate: Animate,
    random_input: fn(usize, u64) -> String,
    resident: Option<ResidentEntry>,
}

impl Held {
    const fn of(entry: Entry) -> Held {
        Held {
            id: entry.info.id,
            animate: entry.animate,
            random_input: entry.random_input,
            resident: entry.resident,
        }
    }
}

/// The algorithm this module holds: the one chosen at build time, found by constant
/// evaluation so that no other algorithm's code is linked in.
#[cfg(one_algorithm)]
fn held() -> impl Iterator<Item = Held> {
    const HELD: Held = Held::of(algo::with_id(env!("STEPWISE_ALGORITHM")));
    std::iter::once(HELD)
}

/// The algorithms this module holds: all of them (a build without `STEPWISE_ALGORITHM`).
#[cfg(not(one_algorithm))]
fn held() -> impl Iterator<Item = Held> {
    algo::REGISTRY.iter().map(|entry| Held::of(*entry))
}

/// The algorithm with this id in this module, or an error naming the ids it holds.
fn find(id: &str) -> Result<Held, InputError> {
    held().find(|entry| entry.id == id).ok_or_else(|| {
        let ids: Vec<&str> = held().map(|entry| entry.id).collect();
        InputError::new(format!(
            "unknown algorithm {} (this module holds: {})",
            quote(id),
            ids.join(", ")
        ))
        .of_kind(ErrorKind::UnknownAlgorithm)
        .in_field("algorithm")
    })
}

/// The ids of the algorithms this module holds (one, in a module built for one algorithm).
#[wasm_bindgen(js_name = heldAlgorithms)]
pub fn held_algorithms() -> Vec<String> {
    held().map(|entry| entry.id.to_string()).collect()
}

/// A random input of about `size` items for algorithm `id`; the same seed gives the same text.
#[wasm_bindgen(js_name = randomInput)]
pub fn random_input(id: &str, size: f64, seed: f64) -> Result<String, JsValue> {
    let entry = find(id).map_err(input_error)?;
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
    hinting: bool,
}

impl Player {
    fn showing(animation: Box<dyn Animation>) -> Player {
        Player {
            animation,
            theme: Theme::Light,
            from: None,
            shown: None,
            hinting: false,
        }
    }

    fn moved(&mut self, before: usize) {
        if self.animation.position() != before {
            self.from = self.shown.take().or_else(|| self.from.take());
            self.hinting = false;
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
        let entry = find(id).map_err(input_error)?;
        let mut options = options_from(options)?;
        let animation = (entry.animate)(text, &mut options).map_err(input_error)?;
        Ok(Player::showing(animation))
    }

    /// The animation of input kept in wasm memory (a [`Resident`] handle: a big file or a
    /// generated set, with no text in between). `options` as for `new Player(id, …)`; the
    /// handle may be freed afterwards.
    #[wasm_bindgen(js_name = fromResident)]
    pub fn from_resident(resident: &Resident, options: JsValue) -> Result<Player, JsValue> {
        let mut options = options_from(options)?;
        let animation = resident.animate(&mut options).map_err(input_error)?;
        Ok(Player::showing(animation))
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
    /// `undefined` at the end of the run or where the step has none.
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
        let mut target = self.animation.scene(&frame);
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

    /// The input text with point `index` (a `locate` column; one past the last adds a point)
    /// dragged to `(x, y)` of a picture drawn `width` × `height`, for algorithms whose
    /// pointer is `"points"`; `undefined` where it cannot go.
    pub fn drag(&self, index: u32, x: f64, y: f64, width: f64, height: f64) -> Option<String> {
        self.animation
            .drag(&self.frame(width, height), index as usize, x, y)
    }

    /// Rings (or stops ringing) the values the next step's question is about, from the next
    /// `draw` until the clock moves: practice's hint.
    pub fn hint(&mut self, on: bool) {
        self.hinting = on;
    }

    /// The answer a click at `(x, y)` (CSS pixels) on a picture drawn `width` × `height` gives
    /// to the next step's question (one of its choices, or another answer that is wrong), or
    /// `undefined` where a click there answers nothing.
    pub fn pick(&self, x: f64, y: f64, width: f64, height: f64) -> Option<String> {
        self.animation.pick(&self.frame(width, height), x, y)
    }

    /// The current step as a standalone SVG document, `width` × `height` pixels.
    pub fn svg(&self, width: f64, height: f64) -> String {
        svg::to_svg(&self.animation.scene(&self.frame(width, height)))
    }
}
