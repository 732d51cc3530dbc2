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
mod record;
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
use record::{
    all_orders, radix_offset, record_adversary, record_binary_insertion, record_merge_insertion,
    record_merge_sort, record_network, record_radix,
};

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
