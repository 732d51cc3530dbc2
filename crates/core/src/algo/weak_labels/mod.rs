//! Labelling with weak supervision: labelling functions vote or abstain on each document, and
//! a label model (Dawid–Skene EM) learns how far to trust each of them without ground truth,
//! against a plain majority vote.
//!
//! The animation runs on one clock: the label matrix (documents × rules, abstentions grey),
//! the majority vote with its ties, then each EM round — every source's confusion matrix as
//! bars, the class prior, each document's posterior as a colour, the ELBO — with the accuracy
//! of both against the gold labels. The learner's labels of the least certain documents join
//! as one more source (the `feedback` option), and the model runs again.

mod analysis;
mod corpus;
mod dataset;
mod info;
mod label_model;
mod label_options;
mod narrate;
mod problem;
mod question;
mod replay;
mod rules;
mod view;

pub use analysis::{analysis, SourceFacts};
pub use corpus::{Document, CLASS_NAMES, CORPUS, SEED};
pub use label_model::*;
pub use label_options::*;
pub use rules::{
    parse_rules, votes, votes_on, Keyword, Rule, RuleKind, DEFAULT_RULES, MAX_ALTERNATIVES,
    MAX_RULES, NAME_CHARACTERS,
};

pub use dataset::{Dataset, Generator, MAX_ITEMS, MAX_SOURCES};
pub use info::{Line, Procedure};
pub use problem::{parse_feedback, prepare, Problem, Snapshot, YOUR_LABELS};

use std::rc::Rc;

use crate::algorithm::{AlgorithmInfo, Recorder, Run};
use crate::input::{InputError, OptionMap, SeededRandom};
use crate::options::read_options;
use crate::value::{Describe, Value};
use info::{METHODS, OPTIONS};

/// Everything a run can be asked to do.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Dawid–Skene (after the majority vote) or the majority vote alone.
    pub procedure: Procedure,
    /// What an abstention means to Dawid–Skene.
    pub abstain: Abstain,
    /// The learner's labels, as text (`12 = help desk, 40 = 2`).
    pub feedback: String,
}

/// One step on the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// The majority vote: every document's votes counted.
    Vote,
    /// The EM starts from the vote shares: the prior and the first M-step.
    Start,
    /// EM round `round` (1, 2, …): E-step, prior, M-step, ELBO.
    Round {
        /// Which round.
        round: u32,
    },
    /// The end: the labels are each document's most probable class.
    Finish,
}

/// How far the run has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Only the votes.
    Votes,
    /// The majority vote is counted.
    Majority,
    /// The EM at this round (0: its start).
    Round(usize),
}

/// What the animation shows at one step.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The votes, the majority and every EM round (shared by every checkpoint).
    pub problem: Rc<Problem>,
    /// The run's options.
    pub options: Options,
    /// How far the run has got.
    pub stage: Stage,
    /// True after the last step.
    pub finished: bool,
}

impl State {
    /// The EM round shown, if the EM has started.
    pub fn round(&self) -> Option<usize> {
        match self.stage {
            Stage::Round(round) => Some(round),
            _ => None,
        }
    }

    /// The labels the picture shows as the answer: the EM's at its round, else the
    /// majority's once counted.
    pub fn labels(&self) -> Option<&[i32]> {
        match self.stage {
            Stage::Votes => None,
            Stage::Majority => Some(&self.problem.majority.labels),
            Stage::Round(round) => Some(&self.problem.rounds[round].labels),
        }
    }
}

/// This module's gzipped budget, over the default 90 KB: it carries its 220-document corpus,
/// the rules' parser and matcher, a CSV reader, a generator and the EM (98.5 KB). Planned: a
/// smaller allocator than dlmalloc, about 5 KB off every module.
pub const MODULE_BUDGET_BYTES: usize = 100 * 1024;

/// The algorithm as registered: `weak-labels`.
pub struct WeakLabels;

impl Run for WeakLabels {
    type Input = Problem;

    type Options = Options;

    type Output = LabelModel;

    type Event = Event;

    const ID: &'static str = info::ID;

    const INFO: AlgorithmInfo = info::INFO;

    fn parse_options(options: &mut OptionMap) -> Result<Options, InputError> {
        let values = read_options(options, OPTIONS, METHODS)?;
        Ok(Options {
            procedure: Procedure::from_id(values.method()).unwrap_or(Procedure::DawidSkene),
            abstain: match values.choice("abstain") {
                "missing" => Abstain::Missing,
                _ => Abstain::Outcome,
            },
            feedback: values.text("feedback").unwrap_or_default().to_string(),
        })
    }

    fn parse(text: &str, options: &Options) -> Result<Problem, InputError> {
        prepare(text, options.abstain, &options.feedback)
    }

    /// The generator's settings for `size` items: one good source among mediocre ones.
    fn random_input(size: usize, seed: u64) -> String {
        let mut random = SeededRandom::new(seed);
        let accuracies: Vec<String> = (0..5)
            .map(|source| {
                let accuracy = if source == 0 {
                    random.integer(85, 95)
                } else {
                    random.integer(50, 70)
                };
                format!("0.{accuracy}")
            })
            .collect();
        format!(
            "items: {}\nclasses: 3\naccuracies: {}\ncoverages: 0.7\nseed: {seed}\n",
            size.clamp(2, MAX_ITEMS),
            accuracies.join(" ")
        )
    }

    fn check_animation_limits(_problem: &Problem, _options: &Options) -> Result<(), InputError> {
        // The problem is checked while it is made (dataset::check_size).
        Ok(())
    }

    fn run<R: Recorder<Event>>(
        problem: &Problem,
        options: &Options,
        recorder: &mut R,
    ) -> LabelModel {
        recorder.record(|| Event::Vote);
        if options.procedure == Procedure::Majority {
            recorder.record(|| Event::Finish);
            return problem.majority.clone();
        }
        recorder.record(|| Event::Start);
        for round in 1..problem.rounds.len() {
            recorder.record(|| Event::Round {
                round: round as u32,
            });
        }
        recorder.record(|| Event::Finish);
        let last = &problem.rounds[problem.rounds.len() - 1];
        LabelModel {
            labels: last.labels.clone(),
            probabilities: last.probabilities.clone(),
            prior: last.prior.clone(),
            confusion: last.confusion.clone(),
            iterations: problem.rounds.len() - 1,
        }
    }
}

impl Describe for LabelModel {
    fn describe(&self) -> Value {
        Value::record([
            ("labels", self.labels.describe()),
            ("probabilities", self.probabilities.describe()),
            ("prior", self.prior.describe()),
            ("confusion", self.confusion.describe()),
            ("iterations", self.iterations.describe()),
        ])
    }
}

impl Describe for State {
    /// What the page's widget reads: the sources' analysis table, the labels and accuracies
    /// now, and the documents the model is least sure of (for the learner to label).
    fn describe(&self) -> Value {
        let problem = &self.problem;
        let data = &problem.data;
        let sources: Vec<Value> = (0..data.sources())
            .map(|source| {
                let facts = problem.facts.get(source);
                Value::record([
                    ("name", data.source_names[source].describe()),
                    ("coverage", facts.map(|f| f.coverage).describe()),
                    ("overlaps", facts.map(|f| f.overlaps).describe()),
                    ("conflicts", facts.map(|f| f.conflicts).describe()),
                    (
                        "seedAccuracy",
                        facts.and_then(|f| f.seed_accuracy).describe(),
                    ),
                    ("seedVotes", facts.map(|f| f.seed_votes).describe()),
                ])
            })
            .collect();
        let last = &problem.rounds[problem.rounds.len() - 1];
        let uncertain: Vec<Value> = problem
            .uncertain(12)
            .into_iter()
            .map(|item| {
                let row = &last.probabilities[item * data.classes()..(item + 1) * data.classes()];
                Value::record([
                    ("item", item.describe()),
                    (
                        "title",
                        data.titles
                            .as_ref()
                            .map_or(format!("item {}", item + 1), |titles| {
                                titles[item].to_string()
                            })
                            .describe(),
                    ),
                    ("probabilities", row.to_vec().describe()),
                ])
            })
            .collect();
        Value::record([
            ("origin", data.origin.describe()),
            ("items", data.items.describe()),
            ("classes", data.class_names.describe()),
            ("sources", Value::List(sources)),
            ("labels", self.labels().map(<[i32]>::to_vec).describe()),
            (
                "majorityAccuracy",
                problem.accuracy(&problem.majority.labels).describe(),
            ),
            ("modelAccuracy", problem.accuracy(&last.labels).describe()),
            ("round", self.round().describe()),
            ("rounds", (problem.rounds.len() - 1).describe()),
            ("uncertain", Value::List(uncertain)),
            ("finished", self.finished.describe()),
        ])
    }
}
