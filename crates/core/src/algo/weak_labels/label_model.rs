//! The label model: many sources vote a class for each item or abstain, and the kernel turns
//! the votes into one label and a distribution per item.
//!
//! - **Majority:** each item's vote shares; its label is the class with most votes (a tie is
//!   −1 or the lowest tied class).
//! - **Dawid–Skene EM** (abstentions missing): exactly crowd-kit 1.4.2's `DawidSkene(n_iter,
//!   tol)`. The posteriors start at the majority shares; the M-step estimates each source's
//!   confusion matrix from the posteriors (counts over the outcomes that source gave, clipped
//!   at 10⁻¹⁰, normalised per true class), the E-step the posteriors from the confusion matrices
//!   and the prior (in log2 with each item's maximum shifted to 0). The loss is crowd-kit's
//!   evidence lower bound per vote, and the EM stops when it rises by less than the tolerance
//!   (a fall stops it too) or after `max_iterations` rounds. Items with no vote take no part.
//! - **Dawid–Skene EM, abstention an outcome:** the same EM where an abstention is one more
//!   thing a source can say, with its own probability per true class; every item takes part.
//!
//! A class that no vote gives takes no part in the EM (crowd-kit never sees it): its
//! probabilities, prior and confusion entries are 0.
//!
//! One round is one pass over the items, O(votes · classes + items · classes): the votes are
//! held as a compact list of codes (source · outcomes + outcome) per item, the E-step of an item
//! and its share of the M-step's sums are done together while its codes are at hand, and the
//! loss's expectation is read from those sums, so the inner loops index small flat tables only.
//! The round-by-round API ([`DawidSkene`]) is what the kernel runs on, so an animation that
//! records each round ends exactly where [`label_model`] ends.

use super::label_options::{Abstain, LabelOptions, Method, Ties, CLIP};
use crate::input::InputError;

/// What the label model concluded.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelModel {
    /// Each item's class, or −1 (a majority tie under [`Ties::Abstain`], an item with no vote
    /// where it takes no part).
    pub labels: Vec<i32>,
    /// Items × classes, row-major: each item's distribution over the classes.
    pub probabilities: Vec<f64>,
    /// The class prior.
    pub prior: Vec<f64>,
    /// Sources × classes (true) × outcomes (the classes, then an abstention when it is an
    /// outcome): P(source says outcome | true class). Empty for majority.
    pub confusion: Vec<f64>,
    /// EM rounds (E-step and M-step) run; 0 for majority.
    pub iterations: usize,
}

/// Combines `votes` (row-major items × sources, each −1 or a class) as `options` say.
pub fn label_model(votes: &[i32], options: &LabelOptions) -> Result<LabelModel, InputError> {
    match options.method {
        Method::Majority => majority(votes, options),
        Method::DawidSkene => {
            let mut model = DawidSkene::new(votes, options)?;
            while model.round().is_some() {}
            Ok(model.into_result())
        }
    }
}

/// Majority vote: shares, labels with `options.ties`, the prior over items with votes.
fn majority(votes: &[i32], options: &LabelOptions) -> Result<LabelModel, InputError> {
    options.check(votes)?;
    let (items, sources, classes) = (options.items, options.sources, options.classes);
    let mut probabilities = vec![0.0; items * classes];
    let mut labels = vec![-1; items];
    let mut counts = vec![0usize; classes];
    let mut prior = vec![0.0; classes];
    let mut voted_items = 0usize;
    for item in 0..items {
        counts.fill(0);
        let row = &votes[item * sources..(item + 1) * sources];
        for &vote in row.iter().filter(|&&vote| vote >= 0) {
            counts[vote as usize] += 1;
        }
        let total: usize = counts.iter().sum();
        let shares = &mut probabilities[item * classes..(item + 1) * classes];
        if total == 0 {
            shares.fill(1.0 / classes as f64);
            continue;
        }
        voted_items += 1;
        for ((share, &count), mean) in shares.iter_mut().zip(&counts).zip(&mut prior) {
            *share = count as f64 / total as f64;
            *mean += *share;
        }
        let most = counts.iter().copied().max().unwrap_or(0);
        let lowest = counts.iter().position(|&count| count == most).unwrap_or(0);
        let tied = counts.iter().filter(|&&count| count == most).count() > 1;
        if !tied || options.ties == Ties::Lowest {
            labels[item] = lowest as i32;
        }
    }
    if voted_items == 0 {
        prior.fill(1.0 / classes as f64);
    } else {
        prior
            .iter_mut()
            .for_each(|mean| *mean /= voted_items as f64);
    }
    Ok(LabelModel {
        labels,
        probabilities,
        prior,
        confusion: Vec::new(),
        iterations: 0,
    })
}

/// The EM state after a round (or after the start), borrowed from [`DawidSkene`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Round<'a> {
    /// Rounds run so far: 0 for the start (majority shares, their prior, the first M-step).
    pub iteration: usize,
    /// crowd-kit's evidence lower bound per vote after this round; −∞ at the start.
    pub loss: f64,
    /// Items × classes: the posteriors as crowd-kit returns them (clipped at 10⁻¹⁰ after a
    /// round); an item that takes no part holds the prior.
    pub probabilities: &'a [f64],
    /// The class prior: the mean posterior over the items that take part.
    pub prior: &'a [f64],
    /// Sources × classes × outcomes, as in [`LabelModel::confusion`].
    pub confusion: &'a [f64],
    /// True when the EM has stopped: this is the last round.
    pub finished: bool,
}

/// Dawid–Skene EM one round at a time: [`DawidSkene::new`] starts it, [`DawidSkene::round`]
/// runs one E-step and M-step, [`DawidSkene::into_result`] is the kernel's answer.
///
/// ```
/// use stepwise::algo::weak_labels::{DawidSkene, LabelOptions, Method};
/// let votes = [0, 0, 1, 1, 1, 0, 0, 0, -1];
/// let mut model = DawidSkene::new(&votes, &LabelOptions::new(3, 3, 2, Method::DawidSkene))?;
/// let start = model.current().prior.to_vec(); // the majority shares' prior
/// while let Some(round) = model.round() {
///     println!("round {}: loss {}", round.iteration, round.loss);
/// }
/// assert_eq!(model.into_result().labels, [0, 1, 0]);
/// # assert_eq!(start.len(), 2);
/// # Ok::<(), stepwise::input::InputError>(())
/// ```
#[derive(Debug, Clone)]
pub struct DawidSkene {
    items: usize,
    sources: usize,
    classes: usize,
    /// Observed outcomes per source: classes, plus one for an abstention when it is one.
    width: usize,
    /// Whether an abstention is an outcome.
    outcome: bool,
    /// Whether some vote gives each class; the others take no part.
    present: Vec<bool>,
    /// Item i's votes are `codes[offsets[i]..offsets[i + 1]]`, each source · width + outcome.
    offsets: Vec<usize>,
    codes: Vec<u32>,
    /// The items without a vote: they take no part (abstentions missing) or start uniform.
    silent: Vec<usize>,
    /// Whether source s gave outcome o at least once (at s · width + o).
    given: Vec<bool>,
    /// Divides the evidence lower bound: votes (abstentions missing) or items × sources.
    votes: usize,
    /// Items that take part.
    taking_part: usize,
    probabilities: Vec<f64>,
    prior: Vec<f64>,
    /// The M-step's sums of posteriors per (source, outcome) and class, before clipping, at
    /// (source · width + outcome) · classes + class: the loss's expectation is read from them.
    counts: Vec<f64>,
    /// P(outcome | true class) in the layout of `counts`: one contiguous row per code.
    errors: Vec<f64>,
    /// `errors` as sources × classes × outcomes, for callers.
    confusion: Vec<f64>,
    /// log2 of `errors`, for the E-step.
    log_errors: Vec<f64>,
    loss: f64,
    losses: Vec<f64>,
    max_iterations: usize,
    tolerance: f64,
    finished: bool,
}

impl DawidSkene {
    /// Checks the input and starts the EM: majority shares as posteriors (uniform over the
    /// classes some vote gives for an item without votes when abstentions are outcomes), their
    /// mean as the prior, and the first M-step. `options.method` is not read.
    pub fn new(votes: &[i32], options: &LabelOptions) -> Result<DawidSkene, InputError> {
        options.check(votes)?;
        let (items, sources, classes) = (options.items, options.sources, options.classes);
        let width = options.width();
        let outcome = options.abstain == Abstain::Outcome;
        // One pass over the votes, without branches on them: each vote's outcome (a class, or
        // `classes` for an abstention) is tallied per source and per item, and its code is
        // written at the end of the list, which grows only when the vote is kept.
        let kept = if outcome {
            votes.len()
        } else {
            votes.iter().filter(|&&vote| vote >= 0).count()
        };
        let mut codes = vec![0u32; kept + 1];
        let mut length = 0;
        let mut offsets = Vec::with_capacity(items + 1);
        offsets.push(0);
        let mut tallies = vec![0usize; sources * (classes + 1)];
        let mut probabilities = vec![0.0; items * classes];
        let mut row_tally = vec![0usize; classes + 1];
        // The first M-step's sums, as each item's shares are known.
        let table = sources * width * classes;
        let mut counts = vec![0.0; table];
        let mut prior = vec![0.0; classes];
        for (item, row) in votes.chunks_exact(sources.max(1)).take(items).enumerate() {
            row_tally.fill(0);
            for (source, &vote) in row.iter().enumerate() {
                // −1 as usize is usize::MAX: the minimum makes it `classes`.
                let outcome_index = (vote as usize).min(classes);
                row_tally[outcome_index] += 1;
                tallies[source * (classes + 1) + outcome_index] += 1;
                codes[length] = (source * width + outcome_index) as u32;
                length += usize::from(outcome || vote >= 0);
            }
            let total: usize = row_tally[..classes].iter().sum();
            if total > 0 {
                let shares = &mut probabilities[item * classes..(item + 1) * classes];
                for ((share, &count), sum) in shares.iter_mut().zip(&row_tally).zip(&mut prior) {
                    *share = count as f64 / total as f64;
                    *sum += *share;
                }
                add_to_rows(&mut counts, &codes[offsets[item]..length], shares);
            }
            offsets.push(length);
        }
        offsets.resize(items + 1, length);
        codes.truncate(length);
        let present: Vec<bool> = (0..classes)
            .map(|class| (0..sources).any(|source| tallies[source * (classes + 1) + class] > 0))
            .collect();
        let given: Vec<bool> = (0..sources * width)
            .map(|code| tallies[code / width * (classes + 1) + code % width] > 0)
            .collect();
        let silent: Vec<usize> = (0..items)
            .filter(|&item| {
                let row = &probabilities[item * classes..(item + 1) * classes];
                row.iter().all(|&share| share == 0.0)
            })
            .collect();
        let mut model = DawidSkene {
            items,
            sources,
            classes,
            width,
            outcome,
            present,
            offsets,
            codes,
            given,
            votes: length,
            taking_part: if outcome { items } else { items - silent.len() },
            silent,
            probabilities,
            prior,
            counts,
            errors: vec![0.0; table],
            confusion: vec![0.0; table],
            log_errors: vec![0.0; table],
            loss: f64::NEG_INFINITY,
            losses: Vec::new(),
            max_iterations: options.max_iterations,
            tolerance: options.tolerance,
            finished: false,
        };
        let present_count = model.present.iter().filter(|&&is| is).count();
        if present_count == 0 {
            // No vote at all: nothing to learn.
            model.probabilities.fill(1.0 / classes as f64);
            model.prior.fill(1.0 / classes as f64);
            model.finished = true;
            return Ok(model);
        }
        if outcome {
            // Items without a vote abstain everywhere: uniform over the classes votes give.
            for &item in &model.silent {
                let row = &mut model.probabilities[item * classes..(item + 1) * classes];
                for ((share, &is), sum) in row.iter_mut().zip(&model.present).zip(&mut model.prior)
                {
                    *share = if is { 1.0 / present_count as f64 } else { 0.0 };
                    *sum += *share;
                }
                let votes = &model.codes[model.offsets[item]..model.offsets[item + 1]];
                add_to_rows(&mut model.counts, votes, row);
            }
        }
        model.m_step();
        Ok(model)
    }

    /// The state now: after [`DawidSkene::new`], the start; after a round, that round.
    pub fn current(&self) -> Round<'_> {
        Round {
            iteration: self.losses.len(),
            loss: self.losses.last().copied().unwrap_or(f64::NEG_INFINITY),
            probabilities: &self.probabilities,
            prior: &self.prior,
            confusion: &self.confusion,
            finished: self.finished,
        }
    }

    /// Runs one round (E-step, prior, M-step, loss, stop test) and returns its state; `None`
    /// once the EM has stopped.
    pub fn round(&mut self) -> Option<Round<'_>> {
        if self.finished {
            return None;
        }
        let entropy = self.e_step();
        self.m_step();
        let new_loss = (self.expectation() + entropy) / self.votes as f64;
        self.losses.push(new_loss);
        // crowd-kit's signed test: a fall stops the EM as a small rise does.
        if new_loss - self.loss < self.tolerance || self.losses.len() >= self.max_iterations {
            self.finished = true;
        } else {
            self.loss = new_loss;
        }
        Some(self.current())
    }

    /// True once the EM has stopped.
    pub fn finished(&self) -> bool {
        self.finished
    }

    /// The loss after each round so far (crowd-kit's `loss_history_`).
    pub fn losses(&self) -> &[f64] {
        &self.losses
    }

    /// Outcomes per source in the confusion matrices: the classes, plus one for an abstention
    /// when it is an outcome.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Whether some vote gives `class` (the others take no part).
    pub fn is_given(&self, class: usize) -> bool {
        self.present[class]
    }

    /// Whether item `item` takes part (it has a vote, or abstentions are outcomes).
    pub fn takes_part(&self, item: usize) -> bool {
        self.offsets[item] < self.offsets[item + 1] && self.present.contains(&true)
    }

    /// Each item's most probable class (the lowest on an exact tie), −1 for an item that
    /// takes no part.
    pub fn labels(&self) -> Vec<i32> {
        (0..self.items)
            .map(|item| {
                if !self.takes_part(item) {
                    return -1;
                }
                let row = &self.probabilities[item * self.classes..(item + 1) * self.classes];
                let mut best = 0;
                for (class, &value) in row.iter().enumerate() {
                    if value > row[best] {
                        best = class;
                    }
                }
                best as i32
            })
            .collect()
    }

    /// The kernel's answer from the state now.
    pub fn into_result(self) -> LabelModel {
        LabelModel {
            labels: self.labels(),
            iterations: self.losses.len(),
            probabilities: self.probabilities,
            prior: self.prior,
            confusion: self.confusion,
        }
    }

    /// The E-step: each item's log2 likelihood per class (the prior clipped at 10⁻¹⁰, plus the
    /// log2 confusion entries of its votes), shifted so its maximum is 0, exponentiated and
    /// normalised. A class no vote gives has log2 0 = −∞ in every entry, so its posterior is 0.
    ///
    /// In the same pass, while the item's votes are at hand, the M-step's sums: its posterior
    /// added to the prior's sum and to the counts of its votes' (source, outcome). Then the
    /// posterior is clipped at 10⁻¹⁰ as crowd-kit's loss leaves it (not renormalised). Returns
    /// the entropy of the clipped posteriors (the loss's second term), with ln p = shifted
    /// log2 · ln 2 − ln Σ: one logarithm per item.
    fn e_step(&mut self) -> f64 {
        let classes = self.classes;
        for (log, &error) in self.log_errors.iter_mut().zip(&self.errors) {
            *log = error.log2();
        }
        let log_prior: Vec<f64> = self.prior.iter().map(|&p| p.max(CLIP).log2()).collect();
        self.counts.fill(0.0);
        self.prior.fill(0.0);
        let clipped_term = CLIP * CLIP.ln();
        let mut sums = vec![0.0; classes];
        let mut entropy = 0.0;
        for item in 0..self.items {
            let votes = &self.codes[self.offsets[item]..self.offsets[item + 1]];
            if votes.is_empty() {
                continue;
            }
            add_rows(&mut sums, &self.log_errors, votes);
            let mut most = f64::NEG_INFINITY;
            for (sum, &log) in sums.iter_mut().zip(&log_prior) {
                *sum += log;
                most = most.max(*sum);
            }
            let posterior = &mut self.probabilities[item * classes..(item + 1) * classes];
            let mut total = 0.0;
            for (value, sum) in posterior.iter_mut().zip(sums.iter_mut()) {
                *sum -= most;
                // exp2(0) is 1 exactly: the top class (or classes) need no exponential.
                *value = if *sum == 0.0 { 1.0 } else { sum.exp2() };
                total += *value;
            }
            let log_total = total.ln();
            for ((value, &shifted), &is) in posterior.iter_mut().zip(&sums).zip(&self.present) {
                *value /= total;
                if is {
                    entropy -= if *value < CLIP {
                        clipped_term
                    } else {
                        *value * (shifted * std::f64::consts::LN_2 - log_total)
                    };
                }
            }
            add_to_rows(&mut self.counts, votes, posterior);
            for ((sum, value), &is) in self.prior.iter_mut().zip(posterior).zip(&self.present) {
                *sum += *value;
                if is {
                    *value = value.max(CLIP);
                }
            }
        }
        entropy
    }

    /// The rest of the M-step, from the sums [`DawidSkene::e_step`] (or the start) left: the
    /// prior is the mean posterior over the items that take part (and the distribution of the
    /// items that take none); each (source, outcome) given has its counts clipped at 10⁻¹⁰,
    /// normalised over the outcomes per source and true class. Outcomes a source never gave and
    /// classes no vote gives stay 0.
    fn m_step(&mut self) {
        let classes = self.classes;
        let taking_part = self.taking_part.max(1) as f64;
        self.prior.iter_mut().for_each(|sum| *sum /= taking_part);
        if !self.outcome {
            for &item in &self.silent {
                self.probabilities[item * classes..(item + 1) * classes]
                    .copy_from_slice(&self.prior);
            }
        }
        self.errors.copy_from_slice(&self.counts);
        for (code, row) in self.errors.chunks_exact_mut(classes).enumerate() {
            if self.given[code] {
                for (count, &is) in row.iter_mut().zip(&self.present) {
                    if is {
                        *count = count.max(CLIP);
                    }
                }
            }
        }
        let mut totals = vec![0.0; classes];
        for block in self.errors.chunks_exact_mut(self.width * classes) {
            totals.fill(0.0);
            for row in block.chunks_exact(classes) {
                for (total, &count) in totals.iter_mut().zip(row) {
                    *total += count;
                }
            }
            for row in block.chunks_exact_mut(classes) {
                for (count, &total) in row.iter_mut().zip(&totals) {
                    if total > 0.0 {
                        *count /= total;
                    }
                }
            }
        }
        let width = self.width;
        for source in 0..self.sources {
            for class in 0..classes {
                for outcome in 0..width {
                    self.confusion[(source * classes + class) * width + outcome] =
                        self.errors[(source * width + outcome) * classes + class];
                }
            }
        }
    }

    /// The loss's first term, crowd-kit's joint expectation: Σ over votes and classes of
    /// posterior · (ln P(vote | class) + ln prior clipped at 10⁻¹⁰). The posteriors of the votes
    /// of one (source, outcome) add up to the M-step's counts, so the sum runs over the counts
    /// instead of the votes.
    fn expectation(&self) -> f64 {
        let classes = self.classes;
        let log_prior: Vec<f64> = self.prior.iter().map(|&p| p.max(CLIP).ln()).collect();
        let mut joint = 0.0;
        for (code, (counts, errors)) in self
            .counts
            .chunks_exact(classes)
            .zip(self.errors.chunks_exact(classes))
            .enumerate()
        {
            if !self.given[code] {
                continue;
            }
            for class in (0..classes).filter(|&class| self.present[class]) {
                joint += counts[class] * (errors[class].ln() + log_prior[class]);
            }
        }
        joint
    }
}

/// `sums` = Σ over `codes` of row `code` of `table` (rows of `sums.len()` entries): the E-step's
/// inner loop, with the row length a constant for 2, 3 and 4 classes so it unrolls.
fn add_rows(sums: &mut [f64], table: &[f64], codes: &[u32]) {
    fn fixed<const K: usize>(sums: &mut [f64], table: &[f64], codes: &[u32]) {
        let (rows, _) = table.as_chunks::<K>();
        let mut total = [0.0; K];
        for &code in codes {
            let row = &rows[code as usize];
            for class in 0..K {
                total[class] += row[class];
            }
        }
        sums.copy_from_slice(&total);
    }
    match sums.len() {
        2 => fixed::<2>(sums, table, codes),
        3 => fixed::<3>(sums, table, codes),
        4 => fixed::<4>(sums, table, codes),
        classes => {
            sums.fill(0.0);
            for &code in codes {
                let row = &table[code as usize * classes..][..classes];
                for (sum, &value) in sums.iter_mut().zip(row) {
                    *sum += value;
                }
            }
        }
    }
}

/// Adds `values` to row `code` of `table` for each of `codes`: the M-step's inner loop.
fn add_to_rows(table: &mut [f64], codes: &[u32], values: &[f64]) {
    fn fixed<const K: usize>(table: &mut [f64], codes: &[u32], values: &[f64]) {
        let (rows, _) = table.as_chunks_mut::<K>();
        let mut add = [0.0; K];
        add.copy_from_slice(values);
        for &code in codes {
            let row = &mut rows[code as usize];
            for class in 0..K {
                row[class] += add[class];
            }
        }
    }
    match values.len() {
        2 => fixed::<2>(table, codes, values),
        3 => fixed::<3>(table, codes, values),
        4 => fixed::<4>(table, codes, values),
        classes => {
            for &code in codes {
                let row = &mut table[code as usize * classes..][..classes];
                for (cell, &value) in row.iter_mut().zip(values) {
                    *cell += value;
                }
            }
        }
    }
}
