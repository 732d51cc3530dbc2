//! The animation's input made ready: the votes (from rules over the corpus, a CSV or the
//! generator, with the learner's labels as one more source), the majority vote, and every
//! round of the Dawid–Skene EM, computed once by the kernel's round-by-round API.

use super::analysis::{analysis, SourceFacts};
use super::corpus::{CLASS_NAMES, CORPUS, SEED};
use super::dataset::{
    check_size, looks_like_csv, looks_like_generator, parse_csv, parse_generator, Dataset,
};
use super::label_model::{label_model, DawidSkene, LabelModel};
use super::label_options::{Abstain, LabelOptions, Method};
use super::rules::{parse_rules, votes};
use crate::format::{group_digits, quote};
use crate::input::InputError;

/// The name of the learner's labels as a source.
pub const YOUR_LABELS: &str = "your labels";

/// The EM at one round: what the picture shows of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// Items × classes: each item's posterior.
    pub probabilities: Vec<f64>,
    /// The class prior.
    pub prior: Vec<f64>,
    /// Sources × classes × outcomes: P(outcome | true class).
    pub confusion: Vec<f64>,
    /// crowd-kit's ELBO per vote (−∞ at the start).
    pub loss: f64,
    /// Each item's most probable class (−1: it takes no part).
    pub labels: Vec<i32>,
}

/// Everything the animation shows, computed before the first step.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The votes and their names.
    pub data: Dataset,
    /// The majority vote (ties abstain).
    pub majority: LabelModel,
    /// The EM's start (index 0) and every round after it.
    pub rounds: Vec<Snapshot>,
    /// Outcomes per source in the confusion matrices (classes, + 1 when abstaining is one).
    pub width: usize,
    /// Per source: coverage, overlaps, conflicts and accuracy on the seed set.
    pub facts: Vec<SourceFacts>,
    /// The seed set the facts' accuracy is measured on (the corpus's, or none).
    pub seed: Vec<(usize, u8)>,
}

/// Reads the learner's labels: `document = class` pairs separated by commas or new lines,
/// documents numbered from 1, classes by name or number. Errors name the pair.
pub fn parse_feedback(
    text: &str,
    items: usize,
    class_names: &[String],
) -> Result<Vec<(usize, u8)>, InputError> {
    let mut labels = Vec::new();
    for pair in text
        .split([',', '\n', ';'])
        .map(str::trim)
        .filter(|pair| !pair.is_empty())
    {
        let refuse = |why: String| {
            Err(InputError::new(format!("feedback {}: {why}", quote(pair))).in_field("feedback"))
        };
        let Some((item, class)) = pair.split_once(['=', ':']) else {
            return refuse("write document = class".to_string());
        };
        let item = match item.trim().trim_start_matches('#').parse::<usize>() {
            Ok(number) if (1..=items).contains(&number) => number - 1,
            _ => return refuse(format!("the document is a number from 1 to {items}")),
        };
        let class = class.trim();
        let found = class_names
            .iter()
            .position(|name| name.eq_ignore_ascii_case(class))
            .or_else(|| {
                class
                    .parse::<usize>()
                    .ok()
                    .filter(|&c| c < class_names.len())
            });
        match found {
            Some(class) => labels.push((item, class as u8)),
            None => {
                return refuse(format!(
                    "{} is not a class ({})",
                    quote(class),
                    class_names.join(", ")
                ))
            }
        }
    }
    Ok(labels)
}

/// The votes `text` describes: a CSV of votes, the generator's settings, or rules over the
/// built-in corpus (whose facts are measured on its seed set).
fn dataset(text: &str) -> Result<(Dataset, Vec<(usize, u8)>), InputError> {
    if looks_like_generator(text) {
        return Ok((parse_generator(text)?.dataset(), Vec::new()));
    }
    if looks_like_csv(text) {
        return Ok((parse_csv(text)?, Vec::new()));
    }
    let rules = parse_rules(text)?;
    if rules.is_empty() {
        return Err(InputError::new(
            "no rules: write one per line (keywords | phrases → class), a CSV of votes, or \
             the generator's settings",
        ));
    }
    let data = Dataset {
        votes: votes(&rules),
        items: CORPUS.len(),
        source_names: rules.iter().map(|rule| rule.name().to_string()).collect(),
        class_names: CLASS_NAMES.iter().map(|name| name.to_string()).collect(),
        gold: Some(CORPUS.iter().map(|document| document.gold).collect()),
        titles: Some(CORPUS.iter().map(|document| document.title).collect()),
        origin: format!(
            "{} rules over {} documents",
            rules.len(),
            group_digits(CORPUS.len())
        ),
    };
    Ok((data, SEED.to_vec()))
}

/// The problem `text` poses with `abstain` and the learner's labels `feedback` (text).
pub fn prepare(text: &str, abstain: Abstain, feedback: &str) -> Result<Problem, InputError> {
    let (mut data, seed) = dataset(text)?;
    let labels = parse_feedback(feedback, data.items, &data.class_names)?;
    if !labels.is_empty() {
        data = data.with_labels(&labels, YOUR_LABELS);
    }
    check_size(data.items, data.sources())?;
    let mut options =
        LabelOptions::new(data.items, data.sources(), data.classes(), Method::Majority);
    let majority = label_model(&data.votes, &options)?;
    options.abstain = abstain;
    let mut model = DawidSkene::new(&data.votes, &options)?;
    let snapshot = |model: &DawidSkene| {
        let round = model.current();
        Snapshot {
            probabilities: round.probabilities.to_vec(),
            prior: round.prior.to_vec(),
            confusion: round.confusion.to_vec(),
            loss: round.loss,
            labels: model.labels(),
        }
    };
    let mut rounds = vec![snapshot(&model)];
    while model.round().is_some() {
        rounds.push(snapshot(&model));
    }
    let facts = analysis(&data.votes, data.sources(), &seed);
    Ok(Problem {
        width: model.width(),
        data,
        majority,
        rounds,
        facts,
        seed,
    })
}

impl Problem {
    /// The share of items whose `labels` equal their gold label (an unlabelled item counts
    /// as wrong); `None` without gold labels.
    pub fn accuracy(&self, labels: &[i32]) -> Option<f64> {
        let gold = self.data.gold.as_ref()?;
        let right = labels
            .iter()
            .zip(gold)
            .filter(|&(&label, &truth)| label == i32::from(truth))
            .count();
        Some(right as f64 / self.data.items.max(1) as f64)
    }

    /// How much the model trusts each source at round `round`: the chance its vote is right,
    /// Σ_c prior(c) · P(says c | c) over the classes, renormalised over its votes.
    pub fn trust(&self, round: usize) -> Vec<f64> {
        let snapshot = &self.rounds[round];
        let classes = self.data.classes();
        (0..self.data.sources())
            .map(|source| {
                let (mut right, mut voting) = (0.0, 0.0);
                for class in 0..classes {
                    let row = &snapshot.confusion[(source * classes + class) * self.width
                        ..(source * classes + class + 1) * self.width];
                    right += snapshot.prior[class] * row[class];
                    voting += snapshot.prior[class] * row[..classes].iter().sum::<f64>();
                }
                if voting > 0.0 {
                    right / voting
                } else {
                    0.0
                }
            })
            .collect()
    }
}

impl Problem {
    /// The `count` items the label model is least sure of at its last round (the lowest top
    /// posterior first), leaving out those the learner has labelled.
    pub fn uncertain(&self, count: usize) -> Vec<usize> {
        let last = &self.rounds[self.rounds.len() - 1];
        let classes = self.data.classes();
        let yours = self
            .data
            .source_names
            .iter()
            .position(|name| name == YOUR_LABELS);
        let top = |item: usize| {
            last.probabilities[item * classes..(item + 1) * classes]
                .iter()
                .fold(0.0_f64, |top, &p| top.max(p))
        };
        let mut items: Vec<usize> = (0..self.data.items)
            .filter(|&item| yours.is_none_or(|source| self.data.vote(item, source) < 0))
            .collect();
        items.sort_by(|&a, &b| top(a).total_cmp(&top(b)).then(a.cmp(&b)));
        items.truncate(count);
        items
    }
}
