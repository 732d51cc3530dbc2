//! Recording a run and playing it back.
//!
//! An algorithm pushes events into a [`Recorder`]. The unit recorder `()` drops them, so the
//! same function is the fast kernel; a [`Trace`] keeps them (up to [`EVENT_CAP`]).
//!
//! A [`Timeline`] replays a trace onto the algorithm's state. Invariants:
//! - every event carries what it overwrites, so [`Timeline::forward`] and [`Timeline::back`]
//!   are O(1) (amortised over the event's size) and `back` after `forward` restores the
//!   state exactly;
//! - [`Timeline::seek`] walks from whichever is nearer, the current position or the nearest
//!   checkpoint (a snapshot of the state every `stride` events); there are at most
//!   [`MAX_CHECKPOINTS`] of them and together they stay under [`CHECKPOINT_BUDGET_BYTES`],
//!   so memory stays O(input + events).

use crate::algorithm::{Algorithm, Asked, Counter, Question, Recorder, MAX_FOCUS};
use crate::format::group_digits;
use crate::input::{InputError, OptionMap};
use crate::scene::{Bounds, Frame, Scene};
use crate::value::{Describe, Value};

/// The most events one trace may hold; longer runs are refused with a clear message.
pub const EVENT_CAP: usize = 2_000_000;

/// The most state snapshots a timeline keeps for seeking.
pub const MAX_CHECKPOINTS: usize = 64;

/// The most memory all snapshots of one timeline may take together.
pub const CHECKPOINT_BUDGET_BYTES: usize = 64 << 20;

/// A recorder that keeps up to `cap` events and notes whether more were offered.
#[derive(Debug)]
pub struct Trace<E> {
    events: Vec<E>,
    cap: usize,
    offered: usize,
}

impl<E> Trace<E> {
    /// An empty trace that keeps at most `cap` events.
    pub fn with_cap(cap: usize) -> Self {
        Trace {
            events: Vec::new(),
            cap,
            offered: 0,
        }
    }

    /// How many events the run offered, kept or not.
    pub fn offered(&self) -> usize {
        self.offered
    }

    /// The kept events, or an error when the run offered more than the cap.
    pub fn into_events(self) -> Result<Vec<E>, InputError> {
        if self.offered > self.cap {
            return Err(InputError::limit(format!(
                "this input needs {} steps, more than the limit of {} steps per animation; \
                 try a smaller input",
                group_digits(self.offered),
                group_digits(self.cap)
            )));
        }
        Ok(self.events)
    }
}

impl<E> Recorder<E> for Trace<E> {
    #[inline]
    fn record(&mut self, event: impl FnOnce() -> E) {
        self.offered += 1;
        if self.events.len() < self.cap {
            self.events.push(event());
        }
    }
}

/// A recorded run of algorithm `A` with a cursor that moves in O(1) per step.
pub struct Timeline<A: Algorithm> {
    input: A::Input,
    options: A::Options,
    output: A::Output,
    events: Vec<A::Event>,
    state: A::State,
    position: usize,
    stride: usize,
    checkpoints: Vec<A::State>,
}

impl<A: Algorithm> Timeline<A> {
    /// Parses `text` and `options`, runs the algorithm and records its trace.
    pub fn from_text(text: &str, options: &mut OptionMap) -> Result<Self, InputError> {
        let options = A::parse_options(options)?;
        let input = A::parse(text, &options)?;
        Self::new(input, options)
    }

    /// Runs the algorithm on `input` and records its trace.
    pub fn new(input: A::Input, options: A::Options) -> Result<Self, InputError> {
        A::check_animation_limits(&input, &options)?;
        let mut trace = Trace::with_cap(EVENT_CAP);
        let output = A::run(&input, &options, &mut trace);
        let events = trace.into_events()?;
        let start = A::start(&input, &options);
        let snapshot_bytes = A::state_bytes(&start).max(1);
        let affordable = (CHECKPOINT_BUDGET_BYTES / snapshot_bytes).clamp(1, MAX_CHECKPOINTS);
        let stride = events.len().div_ceil(affordable).max(1);
        let mut timeline = Timeline {
            input,
            options,
            output,
            events,
            state: start,
            position: 0,
            stride,
            checkpoints: Vec::new(),
        };
        timeline.build_checkpoints();
        Ok(timeline)
    }

    fn build_checkpoints(&mut self) {
        let mut state = self.state.clone();
        self.checkpoints.push(state.clone());
        for (index, event) in self.events.iter().enumerate() {
            A::apply(&mut state, event);
            if (index + 1).is_multiple_of(self.stride) {
                self.checkpoints.push(state.clone());
            }
        }
    }

    /// The number of events (the last position).
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// True when the run recorded no events.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// How many events have been applied.
    pub fn position(&self) -> usize {
        self.position
    }

    /// The state after `position` events.
    pub fn state(&self) -> &A::State {
        &self.state
    }

    /// The parsed input.
    pub fn input(&self) -> &A::Input {
        &self.input
    }

    /// The options the run used.
    pub fn options(&self) -> &A::Options {
        &self.options
    }

    /// The kernel's result for the whole run.
    pub fn output(&self) -> &A::Output {
        &self.output
    }

    /// The event applied last, if any.
    pub fn last_event(&self) -> Option<&A::Event> {
        self.position
            .checked_sub(1)
            .map(|index| &self.events[index])
    }

    /// Applies the next event; false at the end.
    pub fn forward(&mut self) -> bool {
        match self.events.get(self.position) {
            Some(event) => {
                A::apply(&mut self.state, event);
                self.position += 1;
                true
            }
            None => false,
        }
    }

    /// Undoes the last event; false at the start.
    pub fn back(&mut self) -> bool {
        match self.position.checked_sub(1) {
            Some(previous) => {
                A::undo(&mut self.state, &self.events[previous]);
                self.position = previous;
                true
            }
            None => false,
        }
    }

    /// Moves to `target` (clamped to `0..=len`), from a checkpoint when that is nearer.
    pub fn seek(&mut self, target: usize) {
        let target = target.min(self.len());
        let checkpoint = (target / self.stride).min(self.checkpoints.len() - 1);
        let checkpoint_position = checkpoint * self.stride;
        // Restoring a snapshot costs about as much as a few steps; walking is free of copies.
        let walk_cost = target.abs_diff(self.position);
        let restore_cost = target - checkpoint_position + 8;
        if restore_cost < walk_cost {
            self.state.clone_from(&self.checkpoints[checkpoint]);
            self.position = checkpoint_position;
        }
        while self.position < target {
            self.forward();
        }
        while self.position > target {
            self.back();
        }
    }

    /// The sentence that explains the current step.
    pub fn narration(&self) -> String {
        match self.last_event() {
            Some(event) => A::narrate(&self.state, event),
            None => A::introduce(&self.state),
        }
    }

    /// The pseudocode line (0-based) of the current step, if any.
    pub fn line(&self) -> Option<usize> {
        let line = A::line(self.last_event()?, &self.options);
        A::pseudocode(&self.options)
            .iter()
            .position(|(shown, _)| *shown == line)
    }

    /// The picture of the current step.
    pub fn scene(&self, frame: &Frame) -> Scene {
        A::view(&self.state, self.last_event(), frame)
    }

    /// The question about the step `forward` would take next, if it has one, with that step's
    /// narration as its explanation (the clock steps forward to read it, and back).
    pub fn question(&mut self) -> Option<Asked> {
        let question = A::question(&self.state, self.events.get(self.position)?)?;
        let position = self.position;
        self.forward();
        let explanation = self.narration();
        self.seek(position);
        // A question whose wrong answers all equal the right one asks nothing.
        Some(Asked::new(question, position, explanation)).filter(|asked| asked.choices.len() >= 2)
    }

    /// The algorithm's question about the step `forward` would take, as it wrote it.
    fn next_question(&self) -> Option<Question> {
        A::question(&self.state, self.events.get(self.position)?)
    }

    /// Where the next step's question points: its focus items, placed in `frame` (at most
    /// [`MAX_FOCUS`]). Empty when the step has no question or the view places none.
    pub fn hint(&self, frame: &Frame) -> Vec<Bounds> {
        let Some(question) = self.next_question() else {
            return Vec::new();
        };
        question
            .focus
            .iter()
            .filter_map(|&item| A::place(&self.state, frame, item))
            .take(MAX_FOCUS)
            .collect()
    }

    /// The answers the next step's question takes by a click: where each item is drawn in
    /// `frame`, and the answer clicking it means.
    pub fn picks(&self, frame: &Frame) -> Vec<(Bounds, String)> {
        let Some(question) = self.next_question() else {
            return Vec::new();
        };
        question
            .picks
            .into_iter()
            .filter_map(|(item, answer)| Some((A::place(&self.state, frame, item)?, answer)))
            .collect()
    }
}

/// A timeline of any algorithm, as the page and the web boundary see it.
pub trait Animation {
    /// The algorithm's registry id.
    fn algorithm_id(&self) -> &'static str;
    /// Bytes one recorded event takes in the trace (its inline size).
    fn event_bytes(&self) -> usize;
    /// The number of events.
    fn len(&self) -> usize;
    /// True when there are no events.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// How many events have been applied.
    fn position(&self) -> usize;
    /// Moves to `target`, clamped to `0..=len`.
    fn seek(&mut self, target: usize);
    /// Applies the next event; false at the end.
    fn forward(&mut self) -> bool;
    /// Undoes the last event; false at the start.
    fn back(&mut self) -> bool;
    /// The sentence that explains the current step.
    fn narration(&self) -> String;
    /// The pseudocode line (0-based) of the current step, if any.
    fn line(&self) -> Option<usize>;
    /// The pseudocode of the method this timeline runs.
    fn pseudocode(&self) -> Vec<&'static str>;
    /// The operation counters at the current step.
    fn counters(&self) -> Vec<Counter>;
    /// The algorithm's state at the current step, for `state()` in JS.
    fn state(&self) -> Value;
    /// The result of the whole run, for `result()` in JS.
    fn result(&self) -> Value;
    /// The picture of the current step.
    fn scene(&self, frame: &Frame) -> Scene;
    /// The (row, column) of the item under `(x, y)` in the picture drawn in `frame`.
    fn locate(&self, frame: &Frame, x: f64, y: f64) -> Option<(usize, usize)>;
    /// The input text with point `index` dragged to `(x, y)` of the picture in `frame`, for
    /// algorithms whose pointer drags points.
    fn drag(&self, frame: &Frame, index: usize, x: f64, y: f64) -> Option<String>;
    /// The question about the next step, if it has one.
    fn question(&mut self) -> Option<Asked>;
    /// Where the next step's question points, placed in `frame`.
    fn hint(&self, frame: &Frame) -> Vec<Bounds>;
    /// The answers a click gives to the next step's question: where, and what each means.
    fn picks(&self, frame: &Frame) -> Vec<(Bounds, String)>;
    /// The answer a click at `(x, y)` on the picture in `frame` gives: the pick hit there (the
    /// nearest, where enlarged targets overlap), if any.
    fn pick(&self, frame: &Frame, x: f64, y: f64) -> Option<String> {
        let distance = |bounds: &Bounds| {
            let dx = bounds.x + bounds.width / 2.0 - x;
            let dy = bounds.y + bounds.height / 2.0 - y;
            dx * dx + dy * dy
        };
        self.picks(frame)
            .into_iter()
            .filter(|(bounds, _)| bounds.hit(x, y))
            .min_by(|a, b| distance(&a.0).total_cmp(&distance(&b.0)))
            .map(|(_, answer)| answer)
    }
}

impl<A: Algorithm> Animation for Timeline<A> {
    fn algorithm_id(&self) -> &'static str {
        A::ID
    }
    fn event_bytes(&self) -> usize {
        std::mem::size_of::<A::Event>()
    }
    fn len(&self) -> usize {
        Timeline::len(self)
    }
    fn position(&self) -> usize {
        Timeline::position(self)
    }
    fn seek(&mut self, target: usize) {
        Timeline::seek(self, target)
    }
    fn forward(&mut self) -> bool {
        Timeline::forward(self)
    }
    fn back(&mut self) -> bool {
        Timeline::back(self)
    }
    fn narration(&self) -> String {
        Timeline::narration(self)
    }
    fn line(&self) -> Option<usize> {
        Timeline::line(self)
    }
    fn pseudocode(&self) -> Vec<&'static str> {
        A::pseudocode(&self.options)
            .iter()
            .map(|(_, text)| *text)
            .collect()
    }
    fn counters(&self) -> Vec<Counter> {
        A::counters(&self.state)
    }
    fn state(&self) -> Value {
        self.state.describe()
    }
    fn result(&self) -> Value {
        self.output.describe()
    }
    fn scene(&self, frame: &Frame) -> Scene {
        Timeline::scene(self, frame)
    }
    fn locate(&self, frame: &Frame, x: f64, y: f64) -> Option<(usize, usize)> {
        A::locate(&self.state, frame, x, y)
    }
    fn drag(&self, frame: &Frame, index: usize, x: f64, y: f64) -> Option<String> {
        A::drag(&self.state, frame, index, x, y)
    }
    fn question(&mut self) -> Option<Asked> {
        Timeline::question(self)
    }
    fn hint(&self, frame: &Frame) -> Vec<Bounds> {
        Timeline::hint(self, frame)
    }
    fn picks(&self, frame: &Frame) -> Vec<(Bounds, String)> {
        Timeline::picks(self, frame)
    }
}

/// Parses `text` and `options` for algorithm `A` and returns its animation.
pub fn animate<A: Algorithm>(
    text: &str,
    options: &mut OptionMap,
) -> Result<Box<dyn Animation>, InputError> {
    Ok(Box::new(Timeline::<A>::from_text(text, options)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trace_refuses_runs_past_its_cap() {
        let mut trace = Trace::with_cap(2);
        for value in 0..3 {
            trace.record(|| value);
        }
        assert_eq!(trace.offered(), 3);
        let message = trace.into_events().unwrap_err().to_string();
        assert!(message.contains("needs 3 steps"), "{message}");
    }
}
