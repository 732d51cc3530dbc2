//! The label model's options: the shape of the votes, the method, what an abstention means,
//! majority's ties, and the EM's limits; read from the kernel's JS options and checked against
//! the votes, each error naming its option or the first offending vote.

use crate::format::{format_number, group_digits, quote};
use crate::input::{ErrorKind, InputError, OptionMap};

/// The most classes.
pub const MAX_CLASSES: usize = 1_000;
/// The most probabilities (items × classes) and confusion entries (sources × classes ×
/// (classes + 1)) a model holds.
pub const MAX_CELLS: usize = 100_000_000;
/// The largest `max_iterations`.
pub const MAX_ITERATIONS: usize = 100_000;
/// Where crowd-kit clips probabilities and counts from below: 10⁻¹⁰.
pub const CLIP: f64 = 1e-10;

/// How the votes are combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Each item's vote shares; the label is the class with most votes.
    Majority,
    /// Dawid–Skene's EM over per-source confusion matrices.
    DawidSkene,
}

/// What an abstention (a vote of −1) means to Dawid–Skene.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Abstain {
    /// Nothing was said: the vote is left out (crowd-kit's model).
    Missing,
    /// An outcome like a class, with its own probability per true class.
    Outcome,
}

/// What majority vote labels an item whose top classes tie.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ties {
    /// −1: no label.
    Abstain,
    /// The lowest tied class.
    Lowest,
}

/// Names and values of a choice option, for reading and for messages.
trait Choice: Copy + 'static {
    const KEY: &'static str;
    const ALL: &'static [(&'static str, Self)];
}

impl Choice for Method {
    const KEY: &'static str = "method";
    const ALL: &'static [(&'static str, Self)] = &[
        ("majority", Method::Majority),
        ("dawid-skene", Method::DawidSkene),
    ];
}

impl Choice for Abstain {
    const KEY: &'static str = "abstain";
    const ALL: &'static [(&'static str, Self)] =
        &[("missing", Abstain::Missing), ("outcome", Abstain::Outcome)];
}

impl Choice for Ties {
    const KEY: &'static str = "ties";
    const ALL: &'static [(&'static str, Self)] =
        &[("abstain", Ties::Abstain), ("lowest", Ties::Lowest)];
}

/// The choice named `name`, or an error about option `C::KEY` listing the names.
fn choice<C: Choice>(name: &str) -> Result<C, InputError> {
    C::ALL
        .iter()
        .find(|(id, _)| *id == name)
        .map(|&(_, value)| value)
        .ok_or_else(|| {
            let ids: Vec<&str> = C::ALL.iter().map(|(id, _)| *id).collect();
            bad_option(
                C::KEY,
                format!(
                    "option '{}' must be one of {}, not {}",
                    C::KEY,
                    ids.join(", "),
                    quote(name)
                ),
            )
        })
}

fn id_of<C: Choice + PartialEq>(value: C) -> &'static str {
    C::ALL
        .iter()
        .find(|(_, other)| *other == value)
        .map_or("", |(id, _)| id)
}

impl Method {
    /// The method named `id` (`"majority"`, `"dawid-skene"`); an error names `method`.
    pub fn from_id(id: &str) -> Result<Method, InputError> {
        choice(id)
    }
    /// Its name.
    pub fn id(self) -> &'static str {
        id_of(self)
    }
}

impl Abstain {
    /// The meaning named `id` (`"missing"`, `"outcome"`); an error names `abstain`.
    pub fn from_id(id: &str) -> Result<Abstain, InputError> {
        choice(id)
    }
    /// Its name.
    pub fn id(self) -> &'static str {
        id_of(self)
    }
}

impl Ties {
    /// The rule named `id` (`"abstain"`, `"lowest"`); an error names `ties`.
    pub fn from_id(id: &str) -> Result<Ties, InputError> {
        choice(id)
    }
    /// Its name.
    pub fn id(self) -> &'static str {
        id_of(self)
    }
}

/// The shape of the votes and how to combine them. `votes` is row-major items × sources.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelOptions {
    /// Items (rows of the votes).
    pub items: usize,
    /// Sources (columns of the votes).
    pub sources: usize,
    /// Classes, 2 or more: a vote is −1 (abstain) or 0..classes−1.
    pub classes: usize,
    /// Majority or Dawid–Skene.
    pub method: Method,
    /// What an abstention means to Dawid–Skene (default missing).
    pub abstain: Abstain,
    /// The most EM rounds, 1 or more (default 100).
    pub max_iterations: usize,
    /// The EM stops when the loss rises by less than this, above 0 (default 1e-5).
    pub tolerance: f64,
    /// Majority's rule for ties (default abstain).
    pub ties: Ties,
}

/// The JS option names, in the order messages list them.
const KERNEL_OPTIONS: &[&str] = &[
    "items",
    "sources",
    "classes",
    "method",
    "abstain",
    "maxIterations",
    "tolerance",
    "ties",
];

impl LabelOptions {
    /// The shape and method with every other option at its default.
    pub fn new(items: usize, sources: usize, classes: usize, method: Method) -> LabelOptions {
        LabelOptions {
            items,
            sources,
            classes,
            method,
            abstain: Abstain::Missing,
            max_iterations: 100,
            tolerance: 1e-5,
            ties: Ties::Abstain,
        }
    }

    /// Reads the kernel's options `{ items, sources, classes, method, abstain?, maxIterations?,
    /// tolerance?, ties? }`; an unknown key or a bad value is an error naming the option.
    pub fn from_kernel_options(options: &mut OptionMap) -> Result<LabelOptions, InputError> {
        let mut whole = |key: &str, low: usize, high: usize, default: Option<usize>| {
            let value = match (options.take_number(key)?, default) {
                (Some(value), _) => value,
                (None, Some(default)) => return Ok(default),
                (None, None) => {
                    return Err(bad_option(key, format!("option '{key}' is required")));
                }
            };
            if value.fract() == 0.0 && value >= low as f64 && value <= high as f64 {
                Ok(value as usize)
            } else {
                Err(bad_option(
                    key,
                    format!(
                        "{key} must be a whole number from {} to {}, not {}",
                        group_digits(low),
                        group_digits(high),
                        format_number(value)
                    ),
                ))
            }
        };
        let items = whole("items", 0, MAX_CELLS, None)?;
        let sources = whole("sources", 0, MAX_CELLS, None)?;
        let classes = whole("classes", 2, MAX_CLASSES, None)?;
        let max_iterations = whole("maxIterations", 1, MAX_ITERATIONS, Some(100))?;
        let method = match options.take_text("method")? {
            Some(name) => Method::from_id(&name)?,
            None => {
                return Err(bad_option(
                    "method",
                    "option 'method' is required: one of majority, dawid-skene".to_string(),
                ))
            }
        };
        let abstain = options.take_text("abstain")?;
        let abstain = abstain.map_or(Ok(Abstain::Missing), |name| Abstain::from_id(&name))?;
        let ties = options.take_text("ties")?;
        let ties = ties.map_or(Ok(Ties::Abstain), |name| Ties::from_id(&name))?;
        let tolerance = options.take_number("tolerance")?.unwrap_or(1e-5);
        std::mem::take(options).finish(KERNEL_OPTIONS)?;
        Ok(LabelOptions {
            abstain,
            max_iterations,
            tolerance,
            ties,
            ..LabelOptions::new(items, sources, classes, method)
        })
    }

    /// Observed outcomes per source: the classes, and an abstention when it is an outcome.
    pub(super) fn width(&self) -> usize {
        match self.abstain {
            Abstain::Missing => self.classes,
            Abstain::Outcome => self.classes + 1,
        }
    }

    /// Checks the options and the votes against them; errors name the option or the first
    /// offending vote.
    pub(super) fn check(&self, votes: &[i32]) -> Result<(), InputError> {
        let classes = self.classes;
        if !(2..=MAX_CLASSES).contains(&classes) {
            return Err(bad_option(
                "classes",
                format!(
                    "classes must be a whole number from 2 to {}, not {classes}",
                    group_digits(MAX_CLASSES)
                ),
            ));
        }
        if !(self.tolerance.is_finite() && self.tolerance > 0.0) {
            return Err(bad_option(
                "tolerance",
                format!(
                    "tolerance must be a finite number above 0, not {}",
                    format_number(self.tolerance)
                ),
            ));
        }
        if !(1..=MAX_ITERATIONS).contains(&self.max_iterations) {
            return Err(bad_option(
                "maxIterations",
                format!(
                    "maxIterations must be a whole number from 1 to {}, not {}",
                    group_digits(MAX_ITERATIONS),
                    self.max_iterations
                ),
            ));
        }
        let expected = self.items.checked_mul(self.sources);
        if expected != Some(votes.len()) {
            return Err(InputError::new(format!(
                "votes has {} values; {} items × {} sources need {}",
                group_digits(votes.len()),
                group_digits(self.items),
                group_digits(self.sources),
                expected.map_or_else(|| "more than there can be".to_string(), group_digits)
            ))
            .in_field("votes"));
        }
        let too_big = |cells: Option<usize>| cells.is_none_or(|cells| cells > MAX_CELLS);
        if too_big(self.items.checked_mul(classes)) {
            return Err(InputError::limit(format!(
                "{} items × {classes} classes: labelModel holds at most {} probabilities",
                group_digits(self.items),
                group_digits(MAX_CELLS)
            ))
            .in_field("items"));
        }
        if too_big(self.sources.checked_mul(classes * (classes + 1))) {
            return Err(InputError::limit(format!(
                "{} sources × {classes} classes: labelModel holds at most {} confusion entries",
                group_digits(self.sources),
                group_digits(MAX_CELLS)
            ))
            .in_field("sources"));
        }
        if let Some(index) = votes
            .iter()
            .position(|&vote| vote < -1 || vote as i64 >= classes as i64)
        {
            return Err(InputError::new(format!(
                "votes[{index}] is {}: each vote must be -1 (abstain) or a class from 0 to {}",
                votes[index],
                classes - 1
            ))
            .in_field(format!("votes[{index}]")));
        }
        Ok(())
    }
}

fn bad_option(key: &str, message: String) -> InputError {
    InputError::new(message)
        .of_kind(ErrorKind::BadOption)
        .in_field(key)
}
