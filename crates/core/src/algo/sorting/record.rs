//! Recording: each method run once over the input, every step reported to the recorder (the
//! kernel when the recorder is `()`, the animation's trace otherwise).

use super::{ford_johnson, sorting_network, Event, NetworkKind};
use crate::algorithm::Recorder;

/// `values[a] < values[b]` in `total_cmp`'s order (−0 before +0).
fn less(values: &[f64], a: usize, b: usize) -> bool {
    values[a].total_cmp(&values[b]).is_lt()
}

/// Records a comparison of items `a` and `b` and returns its answer.
fn compare<R: Recorder<Event>>(
    values: &[f64],
    a: usize,
    b: usize,
    last: &mut Option<(u32, u32)>,
    recorder: &mut R,
) -> bool {
    let answer = less(values, a, b);
    let before = *last;
    *last = Some((a as u32, b as u32));
    recorder.record(|| Event::Compare {
        first: a as u32,
        second: b as u32,
        less: answer,
        before,
    });
    answer
}

/// Moves `order[from]` to `to`, recording it.
fn move_item<R: Recorder<Event>>(order: &mut Vec<u32>, from: usize, to: usize, recorder: &mut R) {
    if from == to {
        return;
    }
    let item = order.remove(from);
    order.insert(to, item);
    recorder.record(|| Event::Move {
        from: from as u32,
        to: to as u32,
    });
}

/// Merge insertion: its comparisons as it makes them, then each item moved to its place.
pub(super) fn record_merge_insertion<R: Recorder<Event>>(values: &[f64], recorder: &mut R) -> u64 {
    let mut comparisons = 0;
    let mut last = None;
    let sorted = ford_johnson(values.len(), &mut |a, b| {
        comparisons += 1;
        compare(values, a, b, &mut last, recorder)
    });
    let mut order: Vec<u32> = (0..values.len() as u32).collect();
    for (target, &item) in sorted.iter().enumerate() {
        let from = order
            .iter()
            .position(|&at| at as usize == item)
            .unwrap_or(target);
        move_item(&mut order, from, target, recorder);
    }
    comparisons
}

/// Top-down merge sort, each merge drawn in place: the smaller head moves to the front.
pub(super) fn record_merge_sort<R: Recorder<Event>>(values: &[f64], recorder: &mut R) -> u64 {
    fn sort<R: Recorder<Event>>(
        values: &[f64],
        order: &mut Vec<u32>,
        range: (usize, usize),
        state: &mut (u64, Option<(u32, u32)>),
        recorder: &mut R,
    ) {
        let (low, high) = range;
        if high - low < 2 {
            return;
        }
        let middle = (low + high) / 2;
        sort(values, order, (low, middle), state, recorder);
        sort(values, order, (middle, high), state, recorder);
        let (mut left, mut right) = (low, middle);
        while left < right && right < high {
            state.0 += 1;
            let (a, b) = (order[right] as usize, order[left] as usize);
            if compare(values, a, b, &mut state.1, recorder) {
                move_item(order, right, left, recorder);
                right += 1;
            }
            left += 1;
        }
    }
    let mut order: Vec<u32> = (0..values.len() as u32).collect();
    let mut state = (0, None);
    sort(values, &mut order, (0, values.len()), &mut state, recorder);
    state.0
}

/// Binary insertion sort: each item found its place in the sorted prefix by binary search.
pub(super) fn record_binary_insertion<R: Recorder<Event>>(values: &[f64], recorder: &mut R) -> u64 {
    let mut order: Vec<u32> = (0..values.len() as u32).collect();
    let (mut comparisons, mut last) = (0, None);
    for index in 1..order.len() {
        let item = order[index] as usize;
        let (mut low, mut high) = (0, index);
        while low < high {
            let middle = (low + high) / 2;
            comparisons += 1;
            if compare(values, item, order[middle] as usize, &mut last, recorder) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        move_item(&mut order, index, low, recorder);
    }
    comparisons
}

/// Every order of `n` items, as the rank of each item (lexicographic).
pub(super) fn all_orders(n: usize) -> Vec<Vec<u8>> {
    let mut orders = vec![Vec::new()];
    for _ in 0..n {
        let mut longer = Vec::with_capacity(orders.len() * n);
        for order in &orders {
            for rank in 0..n as u8 {
                if !order.contains(&rank) {
                    let mut next = order.clone();
                    next.push(rank);
                    longer.push(next);
                }
            }
        }
        orders = longer;
    }
    orders
}

/// The adversary: merge insertion asks (or the learner, `asks`), and each answer keeps the
/// larger part of the orders still possible (`first < second` on a tie).
pub(super) fn record_adversary<R: Recorder<Event>>(
    n: usize,
    asks: Option<&[(u32, u32)]>,
    recorder: &mut R,
) -> u64 {
    let orders = all_orders(n);
    let mut alive: Vec<bool> = vec![true; orders.len()];
    let mut count = 0;
    let mut last: Option<(u32, u32)> = None;
    let mut answer = |a: usize, b: usize| {
        count += 1;
        let left = alive.iter().filter(|&&alive| alive).count() as u32;
        let smaller = orders
            .iter()
            .zip(&alive)
            .filter(|(order, &alive)| alive && order[a] < order[b])
            .count() as u32;
        let less = smaller * 2 >= left;
        let kept = if less { smaller } else { left - smaller };
        for (order, alive) in orders.iter().zip(alive.iter_mut()) {
            if *alive && (order[a] < order[b]) != less {
                *alive = false;
            }
        }
        let before = last;
        last = Some((a as u32, b as u32));
        recorder.record(|| Event::Ask {
            first: a as u32,
            second: b as u32,
            less,
            left,
            kept,
            before,
        });
        less
    };
    match asks {
        Some(pairs) => {
            for &(a, b) in pairs {
                answer(a as usize, b as usize);
            }
        }
        None => {
            ford_johnson(n, &mut answer);
        }
    }
    count
}

/// The network round by round; returns how many comparators it has.
pub(super) fn record_network<R: Recorder<Event>>(
    values: &[f64],
    kind: NetworkKind,
    recorder: &mut R,
) -> u64 {
    let Ok(network) = sorting_network(values.len(), kind) else {
        return 0;
    };
    let mut wires = values.to_vec();
    let mut start = 0;
    for round in 0..network.depth {
        let end = network.layers[start..]
            .iter()
            .position(|&layer| layer != round)
            .map_or(network.len(), |offset| start + offset);
        let mut swapped = Vec::with_capacity(end - start);
        for comparator in start..end {
            let (low, high) = (
                network.comparators[2 * comparator] as usize,
                network.comparators[2 * comparator + 1] as usize,
            );
            let exchange = wires[high].total_cmp(&wires[low]).is_lt();
            if exchange {
                wires.swap(low, high);
            }
            swapped.push(exchange);
        }
        recorder.record(|| Event::Round { round, swapped });
        start = end;
    }
    network.len() as u64
}

/// The decimal digit of `key` at `place` (1, 10, 100, …).
fn digit(key: i64, place: i64) -> u8 {
    (key / place % 10) as u8
}

/// LSD radix sort in base 10 on `value − min`: a pass per digit of the largest key, each
/// dealing the items into ten buckets in array order and collecting them bucket by bucket.
pub(super) fn record_radix<R: Recorder<Event>>(values: &[f64], recorder: &mut R) -> u64 {
    let offset = radix_offset(values);
    let keys: Vec<i64> = values.iter().map(|&value| value as i64 + offset).collect();
    let largest = keys.iter().copied().max().unwrap_or(0);
    let mut order: Vec<u32> = (0..values.len() as u32).collect();
    let mut place = 1i64;
    loop {
        let mut buckets: Vec<Vec<u32>> = vec![Vec::new(); 10];
        for &item in &order {
            let digit = digit(keys[item as usize], place);
            buckets[digit as usize].push(item);
            recorder.record(|| Event::Distribute { item, digit });
        }
        order = buckets.concat();
        recorder.record(|| Event::Collect { buckets });
        if largest / place < 10 {
            break;
        }
        place *= 10;
    }
    0
}

/// What radix sort adds to every value so that the smallest key is 0 (0 without negatives).
pub(super) fn radix_offset(values: &[f64]) -> i64 {
    let smallest = values.iter().copied().fold(0.0_f64, f64::min);
    -(smallest as i64)
}
