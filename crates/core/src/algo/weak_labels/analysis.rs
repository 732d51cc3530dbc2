//! The analysis table of a label matrix, per source: coverage, overlaps, conflicts (Snorkel's
//! `LFAnalysis`) and the accuracy on the seed set, the one a practitioner can measure.

/// What the analysis table says about one rule (one source of votes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SourceFacts {
    /// The share of all documents the rule votes on.
    pub coverage: f64,
    /// The share of all documents the rule votes on where at least one other rule votes too.
    pub overlaps: f64,
    /// The share of all documents the rule votes on where another rule votes a different
    /// class.
    pub conflicts: f64,
    /// How many seed documents the rule votes on.
    pub seed_votes: usize,
    /// How many of those votes agree with the seed's (possibly wrong) label.
    pub seed_correct: usize,
    /// `seed_correct / seed_votes`: the accuracy a practitioner can measure; `None` where the
    /// rule votes on no seed document.
    pub seed_accuracy: Option<f64>,
}

/// The analysis table for a label matrix `votes` (row-major items × `sources`, −1 abstain),
/// with Snorkel's `LFAnalysis` semantics: `lf_coverages`, `lf_overlaps` and `lf_conflicts`
/// (all shares of every item, not of the rule's own votes), and the accuracy against the seed
/// labels `(item, label)` (items out of range are ignored). A partial last row is ignored.
pub fn analysis(votes: &[i32], sources: usize, seed: &[(usize, u8)]) -> Vec<SourceFacts> {
    if sources == 0 {
        return Vec::new();
    }
    let items = votes.len() / sources;
    let mut covered = vec![0usize; sources];
    let mut overlapped = vec![0usize; sources];
    let mut conflicted = vec![0usize; sources];
    for row in votes.chunks_exact(sources) {
        let given = || row.iter().filter(|vote| **vote >= 0);
        let count = given().count();
        let lowest = given().min();
        let highest = given().max();
        for (source, vote) in row.iter().enumerate() {
            if *vote < 0 {
                continue;
            }
            covered[source] += 1;
            if count > 1 {
                overlapped[source] += 1;
            }
            if lowest != highest {
                conflicted[source] += 1;
            }
        }
    }
    let share = |count: usize| {
        if items == 0 {
            0.0
        } else {
            count as f64 / items as f64
        }
    };
    (0..sources)
        .map(|source| {
            let (mut seed_votes, mut seed_correct) = (0, 0);
            for &(item, label) in seed {
                if item >= items {
                    continue;
                }
                let vote = votes[item * sources + source];
                if vote >= 0 {
                    seed_votes += 1;
                    if vote == i32::from(label) {
                        seed_correct += 1;
                    }
                }
            }
            SourceFacts {
                coverage: share(covered[source]),
                overlaps: share(overlapped[source]),
                conflicts: share(conflicted[source]),
                seed_votes,
                seed_correct,
                seed_accuracy: (seed_votes > 0).then(|| seed_correct as f64 / seed_votes as f64),
            }
        })
        .collect()
}
