//! Sorting and its limits: why no comparison sort beats ⌈log2 n!⌉ comparisons, which sort
//! comes closest (Ford–Johnson merge insertion), how sorting networks sort in O(log² n)
//! parallel rounds, and how radix sort needs no comparisons at all for bounded integer keys.
//!
//! Six methods on one clock: merge insertion, merge sort and binary insertion sort count
//! their comparisons against the bound; the adversary answers merge insertion's questions so
//! as to keep the larger half of the n! orders still possible (for n <= 6), so after k
//! comparisons at least ⌈n!/2^k⌉ orders are left; a sorting network (Batcher's odd–even merge
//! or bitonic) compares whole rounds at once; LSD radix sort deals the items into ten buckets
//! per decimal digit, comparing nothing.
//!
//! **Invariant the animation shows:** every comparison at best halves the orders still
//! possible, so no comparison sort finishes before ⌈log2 n!⌉ of them.

mod implicit_list;
mod info;
mod kernel;
mod narrate;
mod question;
mod replay;
mod view;
mod view_network;

use std::rc::Rc;

pub use info::{Line, Method};
pub use kernel::{
    comparison_lower_bound, ford_johnson, merge_insertion_sort, merge_insertion_worst_case,
    sort_values, sorting_network, Network, NetworkKind, Values, MAX_LOWER_BOUND_N,
    MAX_MERGE_INSERTION_VALUES, MAX_NETWORK_WIRES,
};

use crate::algorithm::{AlgorithmInfo, Recorder, Run};
use crate::format::group_digits;
use crate::input::{parse_numbers, InputError, OptionMap, SeededRandom};
use crate::options::read_options;
use crate::value::{Describe, Value};
use info::{METHODS, OPTIONS};

/// The most items the animations sort (the network's picture, the bars, the buckets).
pub const MAX_ANIMATED_ITEMS: usize = 64;

/// The most items the adversary's game plays with (6! = 720 orders on screen).
pub const MAX_GAME_ITEMS: usize = 6;

/// The largest magnitude radix sort animates (ten decimal digits at most).
pub const MAX_RADIX_VALUE: f64 = 1e9;

/// Everything a run can be asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The method.
    pub method: Method,
    /// Which network the network method draws.
    pub network: NetworkKind,
    /// The learner's questions to the adversary, as 0-based item pairs (none: merge insertion
    /// asks).
    pub asks: Option<Rc<[(u32, u32)]>>,
}

/// One step of any method. Items are named by their index in the input.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Two items are compared; `less` when the first is the smaller (ties: not less).
    Compare {
        /// The first item.
        first: u32,
        /// The second item.
        second: u32,
        /// The answer.
        less: bool,
        /// The pair compared before, for undo.
        before: Option<(u32, u32)>,
    },
    /// The item at position `from` of the arrangement moves to position `to`.
    Move {
        /// Where it was.
        from: u32,
        /// Where it goes.
        to: u32,
    },
    /// The algorithm asks whether `first < second`; the adversary answers `less`, keeping
    /// `kept` of the `left` orders still possible (the larger part).
    Ask {
        /// The first item.
        first: u32,
        /// The second item.
        second: u32,
        /// The adversary's answer.
        less: bool,
        /// Orders possible before the answer.
        left: u32,
        /// Orders possible after it.
        kept: u32,
        /// The pair asked about before, for undo.
        before: Option<(u32, u32)>,
    },
    /// One round of the network: `swapped[c]` for each of its comparators, in order.
    Round {
        /// The round (0-based).
        round: u32,
        /// Which of its comparators exchanged their values.
        swapped: Vec<bool>,
    },
    /// Radix sort: the item at the front of the array goes into bucket `digit`.
    Distribute {
        /// The item.
        item: u32,
        /// Its digit in this pass.
        digit: u8,
    },
    /// Radix sort: the buckets are emptied back into the array, bucket 0 first.
    Collect {
        /// The buckets as they were, for undo.
        buckets: Vec<Vec<u32>>,
    },
    /// The run is over.
    Finish,
}

/// What the animation shows at one step.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The input values, by item.
    pub values: Rc<[f64]>,
    /// The run's options.
    pub options: Options,
    /// The items in their current arrangement (bars, wires or the radix array).
    pub order: Vec<u32>,
    /// The pair compared last.
    pub compared: Option<(u32, u32)>,
    /// Comparisons of two values so far (asks, for the adversary; comparators, for networks).
    pub comparisons: u64,
    /// Items moved so far (placements, bucket writes).
    pub moves: u64,
    /// ⌈log2 n!⌉ for these n items.
    pub bound: u64,
    /// Adversary: every order of the items (item ranks), shared by every clone.
    pub orders: Rc<[Vec<u8>]>,
    /// Adversary: for each order, the ask that ruled it out (0 while still possible).
    pub ruled_out: Vec<u16>,
    /// Adversary: asks answered so far.
    pub asks: u16,
    /// Network: its comparators and rounds.
    pub network: Rc<Network>,
    /// Network: rounds done.
    pub rounds: u32,
    /// Network: which comparators of the last round swapped.
    pub swapped: Vec<bool>,
    /// Radix: the ten buckets of the current pass.
    pub buckets: Vec<Vec<u32>>,
    /// Radix: passes done.
    pub passes: u32,
    /// Radix: what is added to every value so that keys are at least 0 (−min for negatives).
    pub offset: i64,
    /// True after the last step.
    pub finished: bool,
}

/// The result of a run: the values in order, and the comparisons the method made.
#[derive(Debug, Clone, PartialEq)]
pub struct Sorted {
    /// The values, ascending.
    pub values: Vec<f64>,
    /// Comparisons made (0 for radix sort; comparators for a network).
    pub comparisons: u64,
    /// ⌈log2 n!⌉.
    pub bound: u64,
}

/// The algorithm as registered: `sorting`.
pub struct Sorting;

impl Run for Sorting {
    type Input = Vec<f64>;

    type Options = Options;

    type Output = Sorted;

    type Event = Event;

    const ID: &'static str = info::ID;

    const INFO: AlgorithmInfo = info::INFO;

    fn parse(text: &str, _options: &Options) -> Result<Vec<f64>, InputError> {
        parse_numbers(text, "item")
    }

    fn parse_options(options: &mut OptionMap) -> Result<Options, InputError> {
        let values = read_options(options, OPTIONS, METHODS)?;
        Ok(Options {
            method: Method::from_id(values.method()).unwrap_or(Method::MergeInsertion),
            network: NetworkKind::from_name(values.choice("network"))?,
            asks: values.text("asks").map(parse_asks).transpose()?,
        })
    }

    fn random_input(size: usize, seed: u64) -> String {
        let size = size.min(MAX_ANIMATED_ITEMS);
        let mut random = SeededRandom::new(seed);
        let values: Vec<String> = (0..size)
            .map(|_| random.integer(0, 99).to_string())
            .collect();
        values.join(" ")
    }

    fn check_animation_limits(values: &Vec<f64>, options: &Options) -> Result<(), InputError> {
        let (limit, what) = match options.method {
            Method::Adversary => (
                MAX_GAME_ITEMS,
                "the adversary's game plays (6! = 720 orders on screen)",
            ),
            _ => (MAX_ANIMATED_ITEMS, "the sorting animations take"),
        };
        if values.len() > limit {
            return Err(InputError::limit(format!(
                "{} items: {what} at most {} (the kernels mergeInsertionSort, sortingNetwork \
                 and sortValues take far more)",
                group_digits(values.len()),
                group_digits(limit)
            )));
        }
        if let (Method::Adversary, Some(asks)) = (options.method, &options.asks) {
            if let Some(&(first, second)) = asks
                .iter()
                .find(|&&(first, second)| first.max(second) as usize >= values.len())
            {
                return Err(InputError::new(format!(
                    "option 'asks': item {} is not one of the {} items",
                    first.max(second) + 1,
                    values.len()
                ))
                .in_field("asks"));
            }
        }
        if options.method == Method::Radix {
            if let Some(index) = values
                .iter()
                .position(|value| value.fract() != 0.0 || value.abs() > MAX_RADIX_VALUE)
            {
                return Err(InputError::new(format!(
                    "item {}: radix sort deals whole numbers by their decimal digits; {} is not \
                     a whole number up to ±{}",
                    index + 1,
                    crate::format::format_number(values[index]),
                    group_digits(MAX_RADIX_VALUE as usize)
                ))
                .in_field("item"));
            }
        }
        Ok(())
    }

    fn run<R: Recorder<Event>>(values: &Vec<f64>, options: &Options, recorder: &mut R) -> Sorted {
        let n = values.len();
        let comparisons = match options.method {
            Method::MergeInsertion => record_merge_insertion(values, recorder),
            Method::Merge => record_merge_sort(values, recorder),
            Method::BinaryInsertion => record_binary_insertion(values, recorder),
            Method::Adversary => record_adversary(n, options.asks.as_deref(), recorder),
            Method::Network => record_network(values, options.network, recorder),
            Method::Radix => record_radix(values, recorder),
        };
        recorder.record(|| Event::Finish);
        let mut sorted = values.clone();
        sorted.sort_by(f64::total_cmp);
        Sorted {
            values: sorted,
            comparisons,
            bound: comparison_lower_bound(n.min(MAX_LOWER_BOUND_N)).unwrap_or(0),
        }
    }
}

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
fn record_merge_insertion<R: Recorder<Event>>(values: &[f64], recorder: &mut R) -> u64 {
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
fn record_merge_sort<R: Recorder<Event>>(values: &[f64], recorder: &mut R) -> u64 {
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
fn record_binary_insertion<R: Recorder<Event>>(values: &[f64], recorder: &mut R) -> u64 {
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
fn all_orders(n: usize) -> Vec<Vec<u8>> {
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

/// The learner's questions from text: whole item numbers (1-based) taken two at a time, e.g.
/// `"1 2, 3 4"`; an odd count, a 0 or a pair of one item is an error naming `asks`.
fn parse_asks(text: &str) -> Result<Rc<[(u32, u32)]>, InputError> {
    let numbers: Vec<&str> = text
        .split(|character: char| !character.is_ascii_digit())
        .filter(|word| !word.is_empty())
        .collect();
    let refuse = |message: String| InputError::new(message).in_field("asks");
    if numbers.len() % 2 == 1 {
        return Err(refuse(format!(
            "option 'asks': {} item numbers; questions take them two at a time",
            numbers.len()
        )));
    }
    numbers
        .chunks_exact(2)
        .enumerate()
        .map(|(index, pair)| {
            let item = |word: &str| match word.parse::<u32>() {
                Ok(number) if (1..=MAX_GAME_ITEMS as u32).contains(&number) => Ok(number - 1),
                _ => Err(refuse(format!(
                    "option 'asks', question {}: {word} is not an item from 1 to {MAX_GAME_ITEMS}",
                    index + 1
                ))),
            };
            let (first, second) = (item(pair[0])?, item(pair[1])?);
            if first == second {
                return Err(refuse(format!(
                    "option 'asks', question {}: item {} compared with itself",
                    index + 1,
                    first + 1
                )));
            }
            Ok((first, second))
        })
        .collect()
}

/// The adversary: merge insertion asks (or the learner, `asks`), and each answer keeps the
/// larger part of the orders still possible (`first < second` on a tie).
fn record_adversary<R: Recorder<Event>>(
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
fn record_network<R: Recorder<Event>>(values: &[f64], kind: NetworkKind, recorder: &mut R) -> u64 {
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
fn record_radix<R: Recorder<Event>>(values: &[f64], recorder: &mut R) -> u64 {
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
pub fn radix_offset(values: &[f64]) -> i64 {
    let smallest = values.iter().copied().fold(0.0_f64, f64::min);
    -(smallest as i64)
}

impl Describe for Options {
    fn describe(&self) -> Value {
        let asks: Vec<Value> = self
            .asks
            .iter()
            .flat_map(|asks| asks.iter())
            .map(|&(first, second)| vec![first + 1, second + 1].describe())
            .collect();
        Value::record([
            ("method", self.method.id().describe()),
            ("network", self.network.name().describe()),
            ("asks", Value::List(asks)),
        ])
    }
}

impl Describe for State {
    fn describe(&self) -> Value {
        let alive = self.ruled_out.iter().filter(|&&step| step == 0).count();
        Value::record([
            ("values", self.values.to_vec().describe()),
            ("order", self.order.describe()),
            ("comparisons", self.comparisons.describe()),
            ("moves", self.moves.describe()),
            ("bound", self.bound.describe()),
            ("ordersLeft", alive.describe()),
            ("rounds", self.rounds.describe()),
            ("passes", self.passes.describe()),
            ("finished", self.finished.describe()),
            ("options", self.options.describe()),
        ])
    }
}

impl Describe for Sorted {
    fn describe(&self) -> Value {
        Value::record([
            ("values", self.values.describe()),
            ("comparisons", self.comparisons.describe()),
            ("bound", self.bound.describe()),
        ])
    }
}
