//! Labelling with weak supervision: labelling functions vote or abstain on each document, and
//! a label model (Dawid–Skene EM) learns how far to trust each of them without ground truth,
//! against a plain majority vote. (The corpus, the rules and the kernel; the animation is
//! being written.)

mod corpus;
mod label_model;
mod rules;

pub use corpus::{Document, CLASS_NAMES, CORPUS, SEED};
pub use label_model::*;
pub use rules::{
    analysis, parse_rules, votes, votes_on, Keyword, Rule, RuleKind, SourceFacts, DEFAULT_RULES,
    MAX_ALTERNATIVES, MAX_RULES, NAME_CHARACTERS,
};
