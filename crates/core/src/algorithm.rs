//! The contract every algorithm implements, and the [`Recorder`] it reports its steps to.
//!
//! This module depends on nothing else of the crate's but the leaf modules it names types from
//! (format, input, method, options, scene, value), so the registry ([`crate::algo`]) and the
//! timeline ([`crate::trace`]) both build on it without importing each other.

use crate::format::format_number;
use crate::input::{InputError, OptionMap};
use crate::method::MethodInfo;
use crate::options::OptionSpec;
use crate::scene::{Bounds, Frame, Scene};
use crate::value::{Describe, Value};

/// Receives the events of one run. `()` ignores them, so the kernel pays nothing.
pub trait Recorder<E> {
    /// False for a recorder that drops every event (`()`): a kernel may then do its work in a
    /// faster order than the one the animation shows, as long as the result is the same.
    const KEEPS_EVENTS: bool = true;

    /// Records one event; the closure is only called when the event is kept.
    fn record(&mut self, event: impl FnOnce() -> E);
}

impl<E> Recorder<E> for () {
    const KEEPS_EVENTS: bool = false;

    #[inline(always)]
    fn record(&mut self, _event: impl FnOnce() -> E) {}
}

/// One figure shown beside the animation: an operation count ("12 comparisons") or a
/// reading that moves with the steps ("22.69 SSE").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Counter {
    /// What is counted or read, in plain words.
    pub name: &'static str,
    /// How many so far, or the reading.
    pub value: f64,
}

impl Counter {
    /// An operation count.
    pub fn count(name: &'static str, value: u64) -> Counter {
        Counter {
            name,
            value: value as f64,
        }
    }

    /// A reading: a number that moves with the steps (an objective, a log-likelihood).
    pub fn reading(name: &'static str, value: f64) -> Counter {
        Counter { name, value }
    }
}

/// A named example input offered in the page's preset menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preset {
    /// The menu label.
    pub name: &'static str,
    /// The input text.
    pub text: &'static str,
}

/// A method's pseudocode: each line is a value of the algorithm's own `Line` type (so the
/// compiler checks every line an event names) beside its text. The highlighted line is found
/// by value, so reordering or inserting lines cannot silently shift the highlighting.
pub type Pseudocode<L> = &'static [(L, &'static str)];

/// A thing in an algorithm's picture, named in the algorithm's own terms: which part of the
/// picture (numbered by its view: the bars, the matrix, the table, ...) and which item of that
/// part (row, column). Questions point at items; the view says where they are ([`Draw::place`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    /// Which part of the picture, as the algorithm's view numbers them.
    pub part: u8,
    /// The item's row in that part (0 for a part that is one row).
    pub row: usize,
    /// The item's column (or index) in that part.
    pub column: usize,
}

impl Item {
    /// Item `(row, column)` of part `part`.
    pub const fn cell(part: u8, row: usize, column: usize) -> Item {
        Item { part, row, column }
    }

    /// Item `index` of a part that is one row.
    pub const fn at(part: u8, index: usize) -> Item {
        Item::cell(part, 0, index)
    }
}

/// A "what happens next?" question about one step, as an algorithm writes it (in its folder's
/// `question.rs`), asked before the step is taken.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// The question, with the numbers the learner needs.
    pub prompt: String,
    /// The right answer, as text.
    pub answer: String,
    /// For a question answered by typing a number: that number (`answer` is its text).
    pub number: Option<f64>,
    /// Wrong answers, most instructive first (the classic slips); the caller picks distinct
    /// ones that differ from the answer.
    pub wrong: Vec<String>,
    /// The items that hold what the learner needs: a hint rings them on the canvas.
    pub focus: Vec<Item>,
    /// Answers given by clicking the picture: the item clicked, and the answer it means.
    pub picks: Vec<(Item, String)>,
    /// What clicking does, in one sentence ("Click the bar it pops."); empty without picks.
    pub click: &'static str,
}

impl Question {
    /// A question answered by picking `answer` among it and `wrong`.
    pub fn choice(prompt: String, answer: String, wrong: Vec<String>) -> Question {
        Question {
            prompt,
            answer,
            number: None,
            wrong,
            focus: Vec::new(),
            picks: Vec::new(),
            click: "",
        }
    }

    /// A question answered by typing `value`; `slips` are the classic wrong values (offered as
    /// choices where the learner picks instead of typing).
    pub fn number(prompt: String, value: f64, slips: &[f64]) -> Question {
        Question {
            number: Some(value),
            ..Question::choice(
                prompt,
                format_number(value),
                slips.iter().map(|&slip| format_number(slip)).collect(),
            )
        }
    }

    /// The question with a hint that rings `items`.
    pub fn focus(mut self, items: impl IntoIterator<Item = Item>) -> Question {
        self.focus.extend(items);
        self
    }

    /// The question, also answered by clicking one of `picks` (item, the answer it means);
    /// `click` says what to click.
    pub fn picks(
        mut self,
        click: &'static str,
        picks: impl IntoIterator<Item = (Item, String)>,
    ) -> Question {
        self.click = click;
        self.picks.extend(picks);
        self
    }
}

/// The most items a hint rings (a group of a thousand equal scores is one region, not rings).
pub const MAX_FOCUS: usize = 24;

/// The most choices a question offers.
pub const MAX_CHOICES: usize = 4;

/// A question as the learner gets it: its choices arranged (the same order on every screen for
/// the same step), where the answer is, and the step's narration to explain it afterwards.
#[derive(Debug, Clone, PartialEq)]
pub struct Asked {
    /// The question.
    pub prompt: String,
    /// Distinct choices, the answer among them (at most [`MAX_CHOICES`]).
    pub choices: Vec<String>,
    /// The index of the right choice.
    pub answer: usize,
    /// For a question answered by typing a number: the number.
    pub number: Option<f64>,
    /// The narration of the step the question is about.
    pub explanation: String,
    /// What clicking on the picture answers ("" when the question is answered by choice only).
    pub click: &'static str,
    /// True when a hint rings values on the picture (the question names items).
    pub focus: bool,
}

impl Asked {
    /// Arranges `question`, asked at step `position`, whose step narrates as `explanation`.
    pub fn new(question: Question, position: usize, explanation: String) -> Asked {
        let mut choices = vec![question.answer.clone()];
        for wrong in question.wrong {
            if choices.len() < MAX_CHOICES && !choices.contains(&wrong) {
                choices.push(wrong);
            }
        }
        // A deterministic shuffle keyed by the step: a class sees the same order everywhere.
        let key =
            |index: usize| ((index as u64 + 1) * 2_654_435_761 + position as u64 * 40_503) % 97;
        let mut order: Vec<usize> = (0..choices.len()).collect();
        order.sort_by_key(|&index| key(index));
        let answer = order.iter().position(|&index| index == 0).unwrap_or(0);
        Asked {
            prompt: question.prompt,
            choices: order
                .into_iter()
                .map(|index| choices[index].clone())
                .collect(),
            answer,
            number: question.number,
            explanation,
            click: if question.picks.is_empty() {
                ""
            } else {
                question.click
            },
            focus: !question.focus.is_empty(),
        }
    }
}

impl Describe for Asked {
    /// `{ kind: "choice", prompt, choices, answer (index), explanation, click }`, or for a
    /// number question `{ kind: "number", prompt, answer (the number), choices, choice (the
    /// index of its text), explanation, click, focus }`; `click` says what clicking the
    /// picture answers ("" for nothing), `focus` whether a hint rings values on it.
    fn describe(&self) -> Value {
        let (kind, answer, choice) = match self.number {
            Some(number) => ("number", number.describe(), self.answer.describe()),
            None => ("choice", self.answer.describe(), Value::Null),
        };
        Value::record([
            ("kind", kind.describe()),
            ("prompt", self.prompt.describe()),
            ("choices", self.choices.describe()),
            ("answer", answer),
            ("choice", choice),
            ("explanation", self.explanation.describe()),
            ("click", self.click.describe()),
            ("focus", self.focus.describe()),
        ])
    }
}

/// What the page needs to know about an algorithm before running it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AlgorithmInfo {
    /// Registry id, e.g. `"next-greater"`.
    pub id: &'static str,
    /// Human title.
    pub title: &'static str,
    /// The example input the page starts with.
    pub example: &'static str,
    /// The methods; the first is the default.
    pub methods: &'static [MethodInfo],
    /// Example inputs for the preset menu.
    pub presets: &'static [Preset],
    /// How to write the input, in one sentence.
    pub input_help: &'static str,
    /// What the page shows about the algorithm: lede, labels, layout, limits, options.
    pub page: PageInfo,
}

/// How the page lays out the methods' canvases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Side by side on wide screens.
    Side,
    /// One above the other, full width (wide pictures such as matrices).
    Stacked,
    /// Stacked, with short canvases (a few rows of cells).
    Compact,
    /// Stacked, with tall canvases on phones (several panels in one picture).
    Tall,
    /// Side by side on wide screens, with tall canvases on phones (a plot with panels under
    /// it, in each of several methods' canvases).
    SideTall,
}

impl Layout {
    /// The layout's name in the registry (`"stacked"`).
    pub fn name(self) -> &'static str {
        match self {
            Layout::Side => "side",
            Layout::Stacked => "stacked",
            Layout::Compact => "compact",
            Layout::Tall => "tall",
            Layout::SideTall => "side-tall",
        }
    }
}

/// What dragging on the canvas does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pointer {
    /// Nothing.
    Nothing,
    /// Picks a rectangle of cells (the `locate` cells become the text options `query`/`second`).
    Cells,
    /// Moves the clock: the column of the located item is the step.
    Seek,
    /// Drags the input's points: the located item (its column) moves where the pointer goes,
    /// and [`Draw::drag`] writes the input text with it there.
    Points,
}

impl Pointer {
    /// The interaction's name in the registry (`"cells"`).
    pub fn name(self) -> &'static str {
        match self {
            Pointer::Nothing => "none",
            Pointer::Cells => "cells",
            Pointer::Seek => "seek",
            Pointer::Points => "points",
        }
    }
}

/// Everything the page shows about an algorithm beyond its runs: it generates the tab, the
/// labels, the variant controls and the limits text from this, so an algorithm's folder is all
/// a new algorithm needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageInfo {
    /// The paragraph under the title: what the problem is and how the methods solve it.
    pub lede: &'static str,
    /// The input box's label.
    pub input_label: &'static str,
    /// The input box's height in lines.
    pub input_rows: u32,
    /// The label of the random input's size.
    pub random_label: &'static str,
    /// The label of the switch that runs the other methods beside the first ("" for one method).
    pub compare_label: &'static str,
    /// How the methods' canvases are laid out.
    pub layout: Layout,
    /// What dragging on the canvas does.
    pub pointer: Pointer,
    /// A line under the canvas saying what the pointer does ("" for none).
    pub hint: &'static str,
    /// The limits, in one paragraph of plain text.
    pub limits: &'static str,
    /// A note under the variant controls ("" for none).
    pub notes: &'static str,
    /// The options, declared once ([`crate::options`]).
    pub options: &'static [OptionSpec],
    /// True when `www/algorithms/<id>/widget.js` adds a bespoke widget (a generator, a file input).
    pub widget: bool,
}

/// Running, the first seam of an algorithm: its identity, reading its input and options, and
/// the run itself — generic over a [`Recorder`], so with `()` it is the kernel and with a
/// trace it drives the animation. Its events carry enough to be undone in O(1).
pub trait Run: 'static {
    /// The parsed input.
    type Input;
    /// Variants and method, parsed from an [`OptionMap`].
    type Options;
    /// The result of a run.
    type Output: Describe;
    /// One step of the animation.
    type Event;

    /// Registry id.
    const ID: &'static str;
    /// Everything the page needs before running.
    const INFO: AlgorithmInfo;

    /// Takes this algorithm's options out of `options` and rejects unknown ones.
    fn parse_options(options: &mut OptionMap) -> Result<Self::Options, InputError>;
    /// Parses input text (the options may refer to it); errors say what and where.
    fn parse(text: &str, options: &Self::Options) -> Result<Self::Input, InputError>;
    /// A random input of about `size` items from `seed`, as text.
    fn random_input(size: usize, seed: u64) -> String;
    /// Refuses inputs too large to animate, with a message naming the limit.
    fn check_animation_limits(
        input: &Self::Input,
        options: &Self::Options,
    ) -> Result<(), InputError>;
    /// Runs the algorithm, reporting every step to `recorder`.
    fn run<R: Recorder<Self::Event>>(
        input: &Self::Input,
        options: &Self::Options,
        recorder: &mut R,
    ) -> Self::Output;
}

/// Replay, the second seam: the state the animation shows, and each event applied to it or
/// undone in O(1). (`replay.rs` in an algorithm's folder.)
pub trait Replay: Run {
    /// What the animation shows; a checkpoint is a clone of it.
    type State: Clone + Describe;

    /// The state before the first step.
    fn start(input: &Self::Input, options: &Self::Options) -> Self::State;
    /// Approximate bytes one clone of `state` takes (bounds the checkpoints' memory).
    fn state_bytes(state: &Self::State) -> usize;
    /// Applies `event` to `state` (one step forward).
    fn apply(state: &mut Self::State, event: &Self::Event);
    /// Reverts `event`, which must be the last one applied (one step back).
    fn undo(state: &mut Self::State, event: &Self::Event);
}

/// Explanation, the third seam: narration, pseudocode, operation counters and quiz questions.
/// (`narrate.rs` and `question.rs` in an algorithm's folder.)
pub trait Explain: Replay {
    /// A line of pseudocode (an enum: one variant per line any method shows).
    type Line: Copy + PartialEq + 'static;

    /// One sentence about the state before any step.
    fn introduce(state: &Self::State) -> String;
    /// One sentence about `event`, which has just been applied to `state`.
    fn narrate(state: &Self::State, event: &Self::Event) -> String;
    /// The pseudocode line that `event` executes in the method `options` selects.
    fn line(event: &Self::Event, options: &Self::Options) -> Self::Line;
    /// The pseudocode of the method `options` selects.
    fn pseudocode(options: &Self::Options) -> Pseudocode<Self::Line>;
    /// The operation counters in `state`.
    fn counters(state: &Self::State) -> Vec<Counter>;
    /// The question to ask before `event` is applied to `state`, written from what the event
    /// knows happens; `None` for steps with no question of their own.
    fn question(_state: &Self::State, _event: &Self::Event) -> Option<Question> {
        None
    }
}

/// Drawing, the fourth seam: the picture of a state, and what is under a point of it.
/// (`view.rs` in an algorithm's folder.)
pub trait Draw: Replay {
    /// Draws `state`; `last` is the event just applied, for highlights.
    fn view(state: &Self::State, last: Option<&Self::Event>, frame: &Frame) -> Scene;
    /// The item under point `(x, y)` of a picture drawn in `frame`, as (row, column), for
    /// pointer interaction; `None` where nothing can be picked.
    fn locate(_state: &Self::State, _frame: &Frame, _x: f64, _y: f64) -> Option<(usize, usize)> {
        None
    }
    /// Where `item` is drawn in a picture of `state` in `frame` (the inverse of `locate`, for
    /// the items questions name); `None` for items the view does not place.
    fn place(_state: &Self::State, _frame: &Frame, _item: Item) -> Option<Bounds> {
        None
    }
    /// For [`Pointer::Points`]: the input text with point `index` (the column `locate`
    /// gave; one past the last adds a point) moved to `(x, y)` of a picture drawn in
    /// `frame`; `None` where it cannot go.
    fn drag(
        _state: &Self::State,
        _frame: &Frame,
        _index: usize,
        _x: f64,
        _y: f64,
    ) -> Option<String> {
        None
    }
}

/// An algorithm: all four seams, written once each. Implemented for every type that has them.
pub trait Algorithm: Explain + Draw {}

impl<A: Explain + Draw> Algorithm for A {}

impl Describe for Counter {
    fn describe(&self) -> Value {
        Value::record([
            ("name", self.name.describe()),
            ("value", self.value.describe()),
        ])
    }
}

impl Describe for Preset {
    fn describe(&self) -> Value {
        Value::record([
            ("name", self.name.describe()),
            ("text", self.text.describe()),
        ])
    }
}
