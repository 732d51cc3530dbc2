//! The kernels' sort: a stable LSD radix sort on integer keys, the primitive the intersection
//! and ROC kernels share. (The animations keep showing merge sort, the interview answer; this
//! is what the kernels run.)
//!
//! Keys are read in digits of [`DIGIT_BITS`] bits (six for a `u64`, three for an `i32`'s
//! range). One pass counts every digit of every key (a histogram per digit, all at once); each
//! digit that varies then costs one stable scatter into a scratch buffer, and a digit all keys
//! share costs nothing (small integers skip their high digits). Below [`RADIX_MIN_LEN`] items the comparison sort is faster and is
//! used instead; both are stable, so the result is the same either way.
//!
//! Keys are `u64`s ordered as unsigned integers: [`i32_key`] and [`f64_key`] map values onto
//! them order-preservingly (`f64_key` in [`f64::total_cmp`]'s order: −NaN, −∞, …, −0, +0, …,
//! +∞, +NaN), and `!key` sorts descending with ties still in input order.

/// Below this many items the comparison sort is used: the radix sort's fixed costs (the
/// histograms, the scratch buffer) are larger than what it saves.
pub const RADIX_MIN_LEN: usize = 1 << 10;

/// `value` as a key in its own order (`i32::MIN` → 0, `i32::MAX` → `u32::MAX`).
#[inline(always)]
pub fn i32_key(value: i32) -> u64 {
    u64::from((value as u32) ^ 0x8000_0000)
}

/// `value` as a key in [`f64::total_cmp`]'s order: negative numbers have every bit flipped,
/// the others only the sign bit.
#[inline(always)]
pub fn f64_key(value: f64) -> u64 {
    let bits = value.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

/// The value whose [`f64_key`] is `key`.
#[inline(always)]
pub fn f64_from_key(key: u64) -> f64 {
    f64::from_bits(if key >> 63 == 1 { key ^ 1 << 63 } else { !key })
}

/// Sorts `items` by `key`, ascending and stable (items with equal keys keep their order).
///
/// ```
/// use stepwise::sort::{f64_key, sort_by_key};
/// let mut scores = vec![(0.5, 'a'), (0.9, 'b'), (0.5, 'c'), (-1.0, 'd')];
/// sort_by_key(&mut scores, |&(score, _)| !f64_key(score)); // highest first
/// assert_eq!(scores, vec![(0.9, 'b'), (0.5, 'a'), (0.5, 'c'), (-1.0, 'd')]);
/// ```
pub fn sort_by_key<T: Copy>(items: &mut [T], key: impl Fn(&T) -> u64) {
    if items.len() < RADIX_MIN_LEN {
        items.sort_by_key(key);
        return;
    }
    radix_sort::<T, 6>(items, key);
}

/// Sorts `values` ascending. Keys are taken relative to the smallest value, so only the bytes
/// the values' range needs are passed over; a range under [`COUNTING_MAX_RANGE`] is sorted
/// by counting each value instead (no scatter at all).
///
/// ```
/// let mut values = vec![3, -7, 0, i32::MAX, i32::MIN, 3];
/// stepwise::sort::sort_i32(&mut values);
/// assert_eq!(values, vec![i32::MIN, -7, 0, 3, 3, i32::MAX]);
/// ```
pub fn sort_i32(values: &mut [i32]) {
    if values.len() < RADIX_MIN_LEN {
        values.sort_unstable();
        return;
    }
    let (low, high) = values
        .iter()
        .fold((i32::MAX, i32::MIN), |(low, high), &value| {
            (low.min(value), high.max(value))
        });
    let range = (i64::from(high) - i64::from(low)) as u64;
    // Counting pays when the table of counts is small next to the values (each value then
    // costs one increment and one write, where the radix sort scatters it twice or more).
    if range < COUNTING_MAX_RANGE && range <= values.len() as u64 / 4 {
        counting_sort(values, low, range as usize + 1);
    } else {
        radix_sort::<i32, 3>(values, |&value| value.wrapping_sub(low) as u32 as u64);
    }
}

/// The widest range of values [`sort_i32`] sorts by counting (a 16 MiB table of counts, only
/// for at least four times as many values).
pub const COUNTING_MAX_RANGE: u64 = 1 << 22;

/// Sorts `values`, all within `low..low + range`, by counting each value and writing the
/// counts out in order.
fn counting_sort(values: &mut [i32], low: i32, range: usize) {
    let mut counts = vec![0u32; range];
    for &value in values.iter() {
        counts[value.wrapping_sub(low) as u32 as usize] += 1;
    }
    let mut at = 0;
    for (offset, &count) in counts.iter().enumerate() {
        let value = low.wrapping_add(offset as i32);
        values[at..at + count as usize].fill(value);
        at += count as usize;
    }
}

/// The bits of one digit: 2,048 buckets, small enough that their write positions stay in the
/// cache, and six passes for a 64-bit key instead of eight bytes.
pub const DIGIT_BITS: u32 = 11;

/// The buckets of one digit.
const BUCKETS: usize = 1 << DIGIT_BITS;

/// The digit of `key` at position `digit` (0 is the lowest).
#[inline(always)]
fn digit_of(key: u64, digit: usize) -> usize {
    ((key >> (DIGIT_BITS as usize * digit)) as usize) & (BUCKETS - 1)
}

/// The radix sort proper, on the low `DIGITS` digits of each key (the others must be zero).
fn radix_sort<T: Copy, const DIGITS: usize>(items: &mut [T], key: impl Fn(&T) -> u64) {
    let counts = histograms::<T, DIGITS>(items, &key);
    let mut scratch = items.to_vec();
    // Where the items are after the passes so far: in `items` (false) or in `scratch` (true).
    let mut in_scratch = false;
    for (digit, count) in counts.iter().enumerate() {
        // A digit every key shares leaves the order as it is.
        if count.contains(&items.len()) {
            continue;
        }
        let (from, to): (&[T], &mut [T]) = if in_scratch {
            (&scratch, items)
        } else {
            (items, &mut scratch)
        };
        scatter(from, to, count, |item| digit_of(key(item), digit));
        in_scratch = !in_scratch;
    }
    if in_scratch {
        items.copy_from_slice(&scratch);
    }
}

/// The count of every digit value at each of the keys' low `DIGITS` digits, in one pass.
fn histograms<T, const DIGITS: usize>(items: &[T], key: &impl Fn(&T) -> u64) -> Vec<Vec<usize>> {
    let mut counts = vec![vec![0usize; BUCKETS]; DIGITS];
    for item in items {
        let key = key(item);
        for (digit, count) in counts.iter_mut().enumerate() {
            count[digit_of(key, digit)] += 1;
        }
    }
    counts
}

/// One stable pass: each item of `from` goes to `to` after every item with a smaller `digit`
/// and after the items before it with the same one (`count` holds how many have each digit).
fn scatter<T: Copy>(from: &[T], to: &mut [T], count: &[usize], digit: impl Fn(&T) -> usize) {
    let mut next = vec![0usize; BUCKETS];
    let mut total = 0;
    for (start, &count) in next.iter_mut().zip(count) {
        *start = total;
        total += count;
    }
    for item in from {
        let slot = &mut next[digit(item)];
        to[*slot] = *item;
        *slot += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator for the tests (xorshift).
    fn numbers(count: usize, seed: u64) -> Vec<u64> {
        let mut state = seed | 1;
        (0..count)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state
            })
            .collect()
    }

    #[test]
    fn i32_sort_matches_the_comparison_sort_on_every_range_and_length() {
        for (length, modulus) in [
            (0, 1),
            (1, 1),
            (RADIX_MIN_LEN - 1, 1000),
            (RADIX_MIN_LEN, 7),
            (5_000, 1 << 31),
            (70_000, 1_000),
            (70_000, 1 << 33),
        ] {
            let mut values: Vec<i32> = numbers(length, length as u64 + 3)
                .into_iter()
                .map(|number| (number % modulus) as i64 as i32 - (modulus / 2) as i32)
                .collect();
            values.extend([i32::MIN, i32::MAX, 0, -1].iter().take(length.min(4)));
            let mut expected = values.clone();
            expected.sort_unstable();
            sort_i32(&mut values);
            assert_eq!(values, expected, "length {length}, modulus {modulus}");
        }
    }

    #[test]
    fn f64_keys_follow_total_cmp_and_the_sort_is_stable() {
        let specials = [
            f64::NAN,
            -f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.0,
            -0.0,
            f64::MIN_POSITIVE,
            -f64::MIN_POSITIVE,
            1e308,
            -1e308,
            5e-324,
        ];
        for length in [10, RADIX_MIN_LEN + 5, 50_000] {
            // Few distinct scores, so ties are everywhere; the index tells the input order.
            let mut items: Vec<(f64, usize)> = numbers(length, 11)
                .into_iter()
                .enumerate()
                .map(|(index, number)| {
                    let score = if number % 10 == 0 {
                        specials[(number / 10) as usize % specials.len()]
                    } else {
                        ((number % 2_000) as f64 - 1_000.0) / 64.0
                    };
                    (score, index)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by(|a, b| b.0.total_cmp(&a.0));
            sort_by_key(&mut items, |&(score, _)| !f64_key(score));
            let bits = |list: &[(f64, usize)]| -> Vec<(u64, usize)> {
                list.iter()
                    .map(|&(score, index)| (score.to_bits(), index))
                    .collect()
            };
            assert_eq!(bits(&items), bits(&expected), "length {length}");
        }
    }

    #[test]
    fn keys_keep_the_order_of_their_values() {
        let values = [i32::MIN, -5, -1, 0, 1, 5, i32::MAX];
        assert!(values
            .windows(2)
            .all(|pair| i32_key(pair[0]) < i32_key(pair[1])));
        let scores = [
            f64::NEG_INFINITY,
            -2.5,
            -0.0,
            0.0,
            1e-300,
            2.5,
            f64::INFINITY,
        ];
        assert!(scores
            .windows(2)
            .all(|pair| f64_key(pair[0]) < f64_key(pair[1])));
    }
}
