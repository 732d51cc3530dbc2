//! Replay: the state the animation shows, and each event applied to it or undone.

use std::rc::Rc;

use super::{all_orders, comparison_lower_bound, radix_offset, sorting_network, Event, Method};
use super::{Network, Options, Sorting, State, MAX_GAME_ITEMS, MAX_LOWER_BOUND_N};
use crate::algorithm::Replay;

impl Replay for Sorting {
    type State = State;

    fn start(values: &Vec<f64>, options: &Options) -> State {
        let n = values.len();
        let orders = if options.method == Method::Adversary && n <= MAX_GAME_ITEMS {
            all_orders(n)
        } else {
            Vec::new()
        };
        let network = match options.method {
            Method::Network => sorting_network(n, options.network).ok(),
            _ => None,
        };
        State {
            values: values.as_slice().into(),
            options: options.clone(),
            order: (0..n as u32).collect(),
            compared: None,
            comparisons: 0,
            moves: 0,
            bound: comparison_lower_bound(n.min(MAX_LOWER_BOUND_N)).unwrap_or(0),
            ruled_out: vec![0; orders.len()],
            orders: orders.into(),
            asks: 0,
            network: Rc::new(network.unwrap_or(Network {
                comparators: Vec::new(),
                layers: Vec::new(),
                depth: 0,
            })),
            rounds: 0,
            swapped: Vec::new(),
            buckets: vec![Vec::new(); 10],
            passes: 0,
            offset: radix_offset(values),
            finished: false,
        }
    }

    fn state_bytes(state: &State) -> usize {
        std::mem::size_of::<State>()
            + state.order.len() * 4 * 2
            + state.ruled_out.len() * 2
            + state.swapped.len()
    }

    fn apply(state: &mut State, event: &Event) {
        match event {
            Event::Compare { first, second, .. } => {
                state.compared = Some((*first, *second));
                state.comparisons += 1;
            }
            Event::Move { from, to } => {
                let item = state.order.remove(*from as usize);
                state.order.insert(*to as usize, item);
                state.moves += 1;
            }
            Event::Ask {
                first,
                second,
                less,
                ..
            } => {
                state.asks += 1;
                state.comparisons += 1;
                state.compared = Some((*first, *second));
                let (a, b) = (*first as usize, *second as usize);
                for (order, ruled) in state.orders.iter().zip(state.ruled_out.iter_mut()) {
                    if *ruled == 0 && (order[a] < order[b]) != *less {
                        *ruled = state.asks;
                    }
                }
            }
            Event::Round { swapped, .. } => {
                exchange_round(state, state.rounds, swapped);
                state.comparisons += swapped.len() as u64;
                state.rounds += 1;
                state.swapped.clone_from(swapped);
            }
            Event::Distribute { item, digit } => {
                state.order.retain(|at| at != item);
                state.buckets[*digit as usize].push(*item);
                state.moves += 1;
            }
            Event::Collect { buckets } => {
                state.order = buckets.concat();
                state.buckets.iter_mut().for_each(Vec::clear);
                state.passes += 1;
            }
            Event::Finish => state.finished = true,
        }
    }

    fn undo(state: &mut State, event: &Event) {
        match event {
            Event::Compare { before, .. } => {
                state.compared = *before;
                state.comparisons -= 1;
            }
            Event::Move { from, to } => {
                let item = state.order.remove(*to as usize);
                state.order.insert(*from as usize, item);
                state.moves -= 1;
            }
            Event::Ask { before, .. } => {
                for ruled in state.ruled_out.iter_mut() {
                    if *ruled == state.asks {
                        *ruled = 0;
                    }
                }
                state.asks -= 1;
                state.comparisons -= 1;
                state.compared = *before;
            }
            Event::Round { swapped, .. } => {
                state.rounds -= 1;
                exchange_round(state, state.rounds, swapped);
                state.comparisons -= swapped.len() as u64;
                state.swapped.clear();
            }
            Event::Distribute { item, digit } => {
                state.buckets[*digit as usize].pop();
                // Dealing takes items from the front of the array in order.
                state.order.insert(0, *item);
                state.moves -= 1;
            }
            Event::Collect { buckets } => {
                state.buckets.clone_from(buckets);
                state.order.clear();
                state.passes -= 1;
            }
            Event::Finish => state.finished = false,
        }
    }
}

/// Exchanges the values of round `round`'s comparators that `swapped` marks (its own inverse:
/// the comparators of one round touch disjoint wires).
fn exchange_round(state: &mut State, round: u32, swapped: &[bool]) {
    let network = Rc::clone(&state.network);
    let start = network.layers.iter().position(|&layer| layer == round);
    let Some(start) = start else {
        return;
    };
    for (offset, &exchange) in swapped.iter().enumerate() {
        if exchange {
            let comparator = start + offset;
            let (low, high) = (
                network.comparators[2 * comparator] as usize,
                network.comparators[2 * comparator + 1] as usize,
            );
            state.order.swap(low, high);
        }
    }
}
