//! The contract every algorithm implements, and the [`Recorder`] it reports its steps to.
//!
//! This module depends on nothing else of the crate's but the input, scene and value types, so
//! the registry ([`crate::algo`]) and the timeline ([`crate::trace`]) both build on it without
//! importing each other.

use crate::input::{InputError, OptionMap};
use crate::scene::{Frame, Scene};
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

/// One operation counter shown beside the animation ("comparisons: 12").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counter {
    /// What is counted, in plain words.
    pub name: &'static str,
    /// How many so far.
    pub value: u64,
}

/// A named example input offered in the page's preset menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preset {
    /// The menu label.
    pub name: &'static str,
    /// The input text.
    pub text: &'static str,
}

/// One way of solving the problem (the fast method, the naive baseline, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Method {
    /// The value of the `method` option.
    pub id: &'static str,
    /// The label shown above its animation, with its complexity.
    pub title: &'static str,
    /// Its pseudocode, one line per entry.
    pub pseudocode: &'static [&'static str],
}

/// What the page needs to know about an algorithm before running it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AlgorithmInfo {
    /// Registry id, e.g. `"next-greater"`.
    pub id: &'static str,
    /// Human title.
    pub title: &'static str,
    /// Pseudocode of the default method.
    pub pseudocode: &'static [&'static str],
    /// The example input the page starts with.
    pub example: &'static str,
    /// The methods; the first is the default.
    pub methods: &'static [Method],
    /// Example inputs for the preset menu.
    pub presets: &'static [Preset],
    /// How to write the input, in one sentence.
    pub input_help: &'static str,
}

/// An algorithm written once, generic over a [`Recorder`]: with `()` it is the kernel, with a
/// trace it drives the animation. Its events carry enough to be undone in O(1).
pub trait Algorithm: 'static {
    /// The parsed input.
    type Input;
    /// Variants and method, parsed from an [`OptionMap`].
    type Options;
    /// The result of a run.
    type Output: Describe;
    /// One step of the animation.
    type Event;
    /// What the animation shows; a checkpoint is a clone of it.
    type State: Clone + Describe;

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
    /// The state before the first step.
    fn start(input: &Self::Input, options: &Self::Options) -> Self::State;
    /// Approximate bytes one clone of `state` takes (bounds the checkpoints' memory).
    fn state_bytes(state: &Self::State) -> usize;
    /// Applies `event` to `state` (one step forward).
    fn apply(state: &mut Self::State, event: &Self::Event);
    /// Reverts `event`, which must be the last one applied (one step back).
    fn undo(state: &mut Self::State, event: &Self::Event);
    /// One sentence about the state before any step.
    fn introduce(state: &Self::State) -> String;
    /// One sentence about `event`, which has just been applied to `state`.
    fn narrate(state: &Self::State, event: &Self::Event) -> String;
    /// The pseudocode line (0-based) that `event` executes.
    fn line(event: &Self::Event) -> usize;
    /// The pseudocode of the method `options` selects.
    fn pseudocode(options: &Self::Options) -> &'static [&'static str];
    /// The operation counters in `state`.
    fn counters(state: &Self::State) -> Vec<Counter>;
    /// Draws `state`; `last` is the event just applied, for highlights.
    fn view(state: &Self::State, last: Option<&Self::Event>, frame: &Frame) -> Scene;
    /// The item under point `(x, y)` of a picture drawn in `frame`, as (row, column), for
    /// pointer interaction; `None` where nothing can be picked.
    fn locate(_state: &Self::State, _frame: &Frame, _x: f64, _y: f64) -> Option<(usize, usize)> {
        None
    }
}

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

impl Describe for Method {
    fn describe(&self) -> Value {
        Value::record([
            ("id", self.id.describe()),
            ("title", self.title.describe()),
            ("pseudocode", self.pseudocode.describe()),
        ])
    }
}

impl Describe for AlgorithmInfo {
    fn describe(&self) -> Value {
        Value::record([
            ("id", self.id.describe()),
            ("title", self.title.describe()),
            ("pseudocode", self.pseudocode.describe()),
            ("example", self.example.describe()),
            ("methods", self.methods.describe()),
            ("presets", self.presets.describe()),
            ("inputHelp", self.input_help.describe()),
        ])
    }
}
