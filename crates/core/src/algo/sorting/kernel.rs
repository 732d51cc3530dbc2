//! The sorting kernels: Batcher's sorting networks, Ford–Johnson merge insertion with its
//! comparison count, the comparison lower bound ⌈log2 n!⌉, and the radix / counting sort the
//! other kernels share, on typed values.

use crate::format::group_digits;
use crate::input::InputError;
use crate::sort::{f64_from_key, f64_key, sort_by_key, sort_i32};

use super::implicit_list::ImplicitList;

/// The most wires `sorting_network` builds (2^16).
pub const MAX_NETWORK_WIRES: usize = 1 << 16;

/// The most values `merge_insertion_sort` takes.
pub const MAX_MERGE_INSERTION_VALUES: usize = 1_000_000;

/// The largest `n` `comparison_lower_bound` answers for (an f64 sum of log2 k is exact
/// up to here; see the tests).
pub const MAX_LOWER_BOUND_N: usize = 20_000;

/// Which of Batcher's networks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkKind {
    /// Odd–even merge sort.
    OddEvenMerge,
    /// The bitonic sorter, every comparator putting the minimum on its lower wire.
    Bitonic,
}

impl NetworkKind {
    /// Both kinds, as named in options and the kernel API.
    pub const ALL: [NetworkKind; 2] = [NetworkKind::OddEvenMerge, NetworkKind::Bitonic];

    /// The kind's name: `odd-even-merge` or `bitonic`.
    pub fn name(self) -> &'static str {
        match self {
            NetworkKind::OddEvenMerge => "odd-even-merge",
            NetworkKind::Bitonic => "bitonic",
        }
    }

    /// The kind with this name, or an error naming `kind`.
    pub fn from_name(name: &str) -> Result<NetworkKind, InputError> {
        NetworkKind::ALL
            .into_iter()
            .find(|kind| kind.name() == name)
            .ok_or_else(|| {
                InputError::new(format!(
                    "kind must be \"odd-even-merge\" or \"bitonic\", not {}",
                    crate::format::quote(name)
                ))
                .in_field("kind")
            })
    }
}

/// A sorting network: comparator `c` joins wires `comparators[2c] < comparators[2c + 1]` and
/// puts the smaller value on the first; `layers[c]` is its parallel round (0-based,
/// non-decreasing, no gaps), and comparators of one round touch disjoint wires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Network {
    /// Wire pairs, flat: `[i0, j0, i1, j1, …]` with `i < j`.
    pub comparators: Vec<u32>,
    /// Each comparator's round.
    pub layers: Vec<u32>,
    /// The number of rounds (0 for fewer than two wires).
    pub depth: u32,
}

impl Network {
    /// How many comparators it has.
    pub fn len(&self) -> usize {
        self.layers.len()
    }

    /// True when it has no comparator.
    pub fn is_empty(&self) -> bool {
        self.layers.is_empty()
    }

    /// Applies the network to `values` (each comparator in order).
    pub fn apply<T: PartialOrd + Copy>(&self, values: &mut [T]) {
        for pair in self.comparators.chunks_exact(2) {
            let (low, high) = (pair[0] as usize, pair[1] as usize);
            if values[high] < values[low] {
                values.swap(low, high);
            }
        }
    }
}

/// Collects comparators round by round, dropping those that touch a wire `>= n` (those wires
/// hold +∞ and every comparator leaves it where it is) and the rounds left empty.
struct NetworkBuilder {
    wires: usize,
    network: Network,
    round_used: bool,
}

impl NetworkBuilder {
    fn new(wires: usize) -> NetworkBuilder {
        NetworkBuilder {
            wires,
            network: Network {
                comparators: Vec::new(),
                layers: Vec::new(),
                depth: 0,
            },
            round_used: false,
        }
    }

    fn compare(&mut self, low: usize, high: usize) {
        if high >= self.wires {
            return;
        }
        self.network.comparators.extend([low as u32, high as u32]);
        self.network.layers.push(self.network.depth);
        self.round_used = true;
    }

    fn end_round(&mut self) {
        if self.round_used {
            self.network.depth += 1;
            self.round_used = false;
        }
    }
}

/// Batcher's network of `kind` for `n` wires (`0 <= n <= MAX_NETWORK_WIRES`), built on the
/// next power of two with the comparators past `n` removed.
pub fn sorting_network(n: usize, kind: NetworkKind) -> Result<Network, InputError> {
    if n > MAX_NETWORK_WIRES {
        return Err(InputError::limit(format!(
            "n must be at most {}, not {}",
            group_digits(MAX_NETWORK_WIRES),
            group_digits(n)
        ))
        .in_field("n"));
    }
    let size = n.next_power_of_two().max(1);
    let mut builder = NetworkBuilder::new(n);
    match kind {
        NetworkKind::OddEvenMerge => {
            // Knuth's and Batcher's iterative form: each (p, k) is one round.
            let mut p = 1;
            while p < size {
                let mut k = p;
                while k >= 1 {
                    let mut j = k % p;
                    while j + k < size {
                        for i in 0..k.min(size - j - k) {
                            if (i + j) / (2 * p) == (i + j + k) / (2 * p) {
                                builder.compare(i + j, i + j + k);
                            }
                        }
                        j += 2 * k;
                    }
                    builder.end_round();
                    k /= 2;
                }
                p *= 2;
            }
        }
        NetworkKind::Bitonic => {
            // Blocks of `block` wires: the first round compares each wire with its mirror in
            // the block, the next ones are half-cleaners; every comparator sends the minimum to
            // the lower wire.
            let mut block = 2;
            while block <= size {
                for start in (0..size).step_by(block) {
                    for offset in 0..block / 2 {
                        builder.compare(start + offset, start + block - 1 - offset);
                    }
                }
                builder.end_round();
                let mut distance = block / 4;
                while distance >= 1 {
                    for low in 0..size {
                        if low & distance == 0 {
                            builder.compare(low, low + distance);
                        }
                    }
                    builder.end_round();
                    distance /= 2;
                }
                block *= 2;
            }
        }
    }
    Ok(builder.network)
}

/// The first index of a NaN in `values`, as an error naming it.
fn refuse_nan(values: &[f64]) -> Result<(), InputError> {
    match values.iter().position(|value| value.is_nan()) {
        Some(index) => Err(InputError::new(format!(
            "values[{index}] is NaN: NaN has no place in an order"
        ))
        .in_field(format!("values[{index}]"))),
        None => Ok(()),
    }
}

/// Ford–Johnson merge insertion of `values`: the sorted values (ascending, −0 before +0) and
/// how many comparisons of two values it made. Its worst case over the inputs of length n is
/// Σ_{k=1..n} ⌈log2(3k/4)⌉ (OEIS A001768), which meets ⌈log2 n!⌉ for n <= 11.
pub fn merge_insertion_sort(values: &[f64]) -> Result<(Vec<f64>, u64), InputError> {
    refuse_nan(values)?;
    if values.len() > MAX_MERGE_INSERTION_VALUES {
        return Err(InputError::limit(format!(
            "{} values: merge insertion takes at most {}",
            group_digits(values.len()),
            group_digits(MAX_MERGE_INSERTION_VALUES)
        ))
        .in_field("values"));
    }
    let mut comparisons = 0u64;
    let order = ford_johnson(values.len(), &mut |a, b| {
        comparisons += 1;
        values[a].total_cmp(&values[b]).is_lt()
    });
    Ok((
        order.iter().map(|&index| values[index]).collect(),
        comparisons,
    ))
}

/// The indices `0..n` in the order Ford–Johnson merge insertion sorts them, asking `less(a,
/// b)` (is item a smaller than item b?) for every comparison.
pub fn ford_johnson(n: usize, less: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    let items: Vec<usize> = (0..n).collect();
    let mut pair_of = vec![0u32; n];
    sort_level(items, less, &mut pair_of)
}

/// One level of merge insertion over `items` (indices of the caller's values).
fn sort_level(
    items: Vec<usize>,
    less: &mut dyn FnMut(usize, usize) -> bool,
    pair_of: &mut [u32],
) -> Vec<usize> {
    let n = items.len();
    if n < 2 {
        return items;
    }
    // 1. Pair the items up: the larger of each pair goes on, the smaller waits.
    let pairs = n / 2;
    let mut larger = Vec::with_capacity(pairs);
    let mut smaller = Vec::with_capacity(pairs);
    for pair in items.chunks_exact(2) {
        let (first, second) = (pair[0], pair[1]);
        if less(first, second) {
            larger.push(second);
            smaller.push(first);
        } else {
            larger.push(first);
            smaller.push(second);
        }
    }
    let leftover = (n % 2 == 1).then(|| items[n - 1]);
    // 2. Sort the larger items the same way.
    let sorted_larger = sort_level(larger.clone(), less, pair_of);
    for (pair, &item) in larger.iter().enumerate() {
        pair_of[item] = pair as u32;
    }
    // 3. The main chain: b1 (the partner of the smallest larger item) and every larger item;
    // the other partners (and the leftover) wait to be inserted, each before its partner.
    let mut chain = ImplicitList::with_capacity(n);
    let partner = |item: usize| smaller[pair_of[item] as usize];
    chain.push(partner(sorted_larger[0]));
    let mut handles = Vec::with_capacity(sorted_larger.len());
    for &item in &sorted_larger {
        handles.push(chain.push(item));
    }
    // pending[i]: b_{i+2} and the handle of its partner a_{i+2} (none for the leftover).
    let mut pending: Vec<(usize, Option<u32>)> = sorted_larger[1..]
        .iter()
        .zip(&handles[1..])
        .map(|(&item, &handle)| (partner(item), Some(handle)))
        .collect();
    if let Some(item) = leftover {
        pending.push((item, None));
    }
    // 4. Insert in Jacobsthal groups, each group from its highest index down, so that every
    // binary search runs over at most 2^k − 1 items.
    let mut done = 0; // how many of `pending` the finished groups covered
    let (mut previous, mut current) = (1usize, 1usize); // Jacobsthal numbers t_{k-1}, t_k
    while done < pending.len() {
        let next = current + 2 * previous; // t_{k+1} = t_k + 2 t_{k-1}
        previous = current;
        current = next;
        // Group k inserts b_{t_{k-1}+1} ..= b_{t_k}; pending[i] is b_{i+2}.
        let high = (current - 1).min(pending.len());
        for index in (done..high).rev() {
            let (item, bound) = pending[index];
            let end = match bound {
                Some(handle) => chain.rank(handle),
                None => chain.len(),
            };
            let (mut low, mut high) = (0, end);
            while low < high {
                let middle = (low + high) / 2;
                if less(item, chain.get(middle)) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            chain.insert(low, item);
        }
        done = high;
    }
    chain.to_vec()
}

/// ⌈log2 n!⌉: the fewest comparisons that sort every input of n distinct values (each answer
/// at best halves the n! orders still possible), for `n <= MAX_LOWER_BOUND_N`.
pub fn comparison_lower_bound(n: usize) -> Result<u64, InputError> {
    if n > MAX_LOWER_BOUND_N {
        return Err(InputError::limit(format!(
            "n must be at most {}, not {}",
            group_digits(MAX_LOWER_BOUND_N),
            group_digits(n)
        ))
        .in_field("n"));
    }
    let bits: f64 = (2..=n).map(|k| (k as f64).log2()).sum();
    Ok(bits.ceil() as u64)
}

/// The worst case of merge insertion on n values: Σ_{k=1..n} ⌈log2(3k/4)⌉ (OEIS A001768).
pub fn merge_insertion_worst_case(n: usize) -> u64 {
    (1..=n as u64)
        .map(|k| {
            // ⌈log2(3k/4)⌉ = the least e with 3k <= 4·2^e, in integers.
            let mut exponent = 0u64;
            while 3 * k > 4 << exponent {
                exponent += 1;
            }
            exponent
        })
        .sum()
}

/// Values of one of the kernel library's typed-array types, sorted by [`sort_values`].
#[derive(Debug, Clone, PartialEq)]
pub enum Values {
    /// `Float64Array`.
    Float(Vec<f64>),
    /// `Int32Array`.
    Int(Vec<i32>),
    /// `Uint32Array`.
    Unsigned(Vec<u32>),
}

/// `values` sorted ascending by the stable LSD radix / counting sort the kernels share (no
/// comparisons for large inputs): for floats −0 before +0, and NaN an error naming its index.
pub fn sort_values(values: Values) -> Result<Values, InputError> {
    Ok(match values {
        Values::Float(mut floats) => {
            refuse_nan(&floats)?;
            let mut keys: Vec<u64> = floats.iter().map(|&value| f64_key(value)).collect();
            sort_by_key(&mut keys, |&key| key);
            for (value, key) in floats.iter_mut().zip(keys) {
                *value = f64_from_key(key);
            }
            Values::Float(floats)
        }
        Values::Int(mut integers) => {
            sort_i32(&mut integers);
            Values::Int(integers)
        }
        Values::Unsigned(mut integers) => {
            sort_by_key(&mut integers, |&value| u64::from(value));
            Values::Unsigned(integers)
        }
    })
}
