//! Unweighted samples tallied by distinct score in a small hash table: for scores with few
//! distinct values (rounded, quantised, a tree ensemble's leaves) the ROC kernel counts each
//! score's positives and negatives in one pass and sorts only the distinct scores, instead of
//! sorting every sample.

use super::TieGroup;
use crate::sort::{f64_from_key, f64_key, sort_by_key};

/// The most distinct scores tallied (the table has up to twice as many slots, 512 KiB at
/// most); past this the kernel sorts the samples instead.
pub const MAX_TALLIED_SCORES: usize = 1 << 14;

/// The tie groups of unweighted `scores` and 0/1 `labels` (checked), highest score first,
/// with the same thresholds, bounds and running counts as [`super::tie_groups`] gives for the
/// sorted samples; `None` when there are more than [`MAX_TALLIED_SCORES`] distinct scores.
pub fn tie_groups(scores: &[f64], labels: &[u8]) -> Option<Vec<TieGroup>> {
    if u32::try_from(scores.len()).is_err() {
        return None;
    }
    // At most half full: twice as many slots as there can be distinct scores (a small input
    // gets a small table).
    let slots = (2 * scores.len().min(MAX_TALLIED_SCORES))
        .next_power_of_two()
        .max(2);
    let slot_bits = slots.trailing_zeros();
    // Keys in `total_cmp` order; 0 is no finite score's key, so it marks an empty slot.
    let mut keys = vec![0_u64; slots];
    // Per slot: negatives, positives.
    let mut counts = vec![[0_u32; 2]; slots];
    let mut distinct = 0;
    let mask = slots - 1;
    for (&score, &label) in scores.iter().zip(labels) {
        let key = f64_key(score);
        let mut slot = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - slot_bits)) as usize;
        while keys[slot] != key && keys[slot] != 0 {
            slot = (slot + 1) & mask;
        }
        if keys[slot] == 0 {
            if distinct == MAX_TALLIED_SCORES {
                return None;
            }
            keys[slot] = key;
            distinct += 1;
        }
        counts[slot][usize::from(label)] += 1;
    }
    let mut tallies: Vec<(u64, [u32; 2])> = keys
        .into_iter()
        .zip(counts)
        .filter(|&(key, _)| key != 0)
        .collect();
    // Highest first: the complement of the ascending key.
    sort_by_key(&mut tallies, |&(key, _)| !key);
    let mut groups: Vec<TieGroup> = Vec::with_capacity(tallies.len());
    let (mut true_positives, mut false_positives, mut end) = (0.0, 0.0, 0);
    for (key, [negatives, positives]) in tallies {
        let score = f64_from_key(key);
        true_positives += f64::from(positives);
        false_positives += f64::from(negatives);
        end += (positives + negatives) as usize;
        match groups.last_mut() {
            // `0.0` and `-0.0` are distinct keys but one score: one group.
            Some(last) if last.threshold == score => {
                last.end = end;
                last.true_positives = true_positives;
                last.false_positives = false_positives;
            }
            _ => groups.push(TieGroup {
                threshold: score,
                start: end - (positives + negatives) as usize,
                end,
                true_positives,
                false_positives,
            }),
        }
    }
    Some(groups)
}
