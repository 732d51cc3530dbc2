//! Draws a sorting network as Knuth does: a horizontal wire per item, each comparator a
//! vertical link between two wires, rounds as columns left to right. Rounds done are ink, the
//! round just taken is highlighted (its exchanges in the compared colour), rounds to come are
//! faint; the values sit at the wires' left ends and move as rounds exchange them.

use super::view::{PADDING, ROLE_WIRE_VALUE};
use super::{Event, State};
use crate::format::format_number;
use crate::scene::{within, Align, Frame, Key, Scene, Shape, TextSize, TextStyle};

const ROLE_WIRE: u16 = 20;
const ROLE_LINK: u16 = 21;
const VALUE_COLUMN: f64 = 44.0;

/// A comparator as drawn: its round, its sub-column in the round, its wires and its index.
#[derive(Clone, Copy)]
struct Link {
    round: u32,
    column: usize,
    low: usize,
    high: usize,
    comparator: usize,
    /// Its place among its round's comparators (the index into the round's `swapped`).
    in_round: usize,
}

/// The comparators of each round, each given a sub-column so that links of one round never
/// overlap on screen, and how many sub-columns each round takes.
fn placed(state: &State) -> (Vec<Link>, Vec<usize>) {
    let network = &state.network;
    let mut columns_per_round = vec![1usize; network.depth as usize];
    let mut placed = Vec::with_capacity(network.len());
    let mut ends: Vec<usize> = Vec::new();
    let mut round = u32::MAX;
    let mut in_round = 0;
    for (comparator, &layer) in network.layers.iter().enumerate() {
        if layer != round {
            round = layer;
            ends.clear();
            in_round = 0;
        }
        let (low, high) = (
            network.comparators[2 * comparator] as usize,
            network.comparators[2 * comparator + 1] as usize,
        );
        let column = match ends.iter().position(|&end| end < low) {
            Some(column) => column,
            None => {
                ends.push(0);
                ends.len() - 1
            }
        };
        ends[column] = high;
        columns_per_round[layer as usize] = ends.len();
        placed.push(Link {
            round: layer,
            column,
            low,
            high,
            comparator,
            in_round,
        });
        in_round += 1;
    }
    (placed, columns_per_round)
}

/// Draws the network's picture into `scene`.
pub(super) fn draw(scene: &mut Scene, state: &State, last: Option<&Event>, frame: &Frame) {
    let palette = frame.palette;
    let n = state.values.len();
    let top = PADDING + 20.0;
    let spacing = ((frame.height - top - PADDING) / n.max(1) as f64).max(3.0);
    let wire_y = |wire: usize| top + (wire as f64 + 0.5) * spacing;
    let left = PADDING + VALUE_COLUMN;
    let right = frame.width - PADDING;
    let (links, columns_per_round) = placed(state);
    let total_columns: usize = columns_per_round.iter().sum::<usize>().max(1);
    let column_width = (right - left) / total_columns as f64;
    let mut first_column = Vec::with_capacity(columns_per_round.len());
    let mut sum = 0;
    for &columns in &columns_per_round {
        first_column.push(sum);
        sum += columns;
    }
    let log = (n.max(1) as f64).log2().ceil() as u64;
    scene.text(
        Key::NONE,
        (PADDING, PADDING + 4.0),
        format!(
            "{} · round {} of {} · n = {n}, ⌈log2 n⌉ = {log}, ⌈log2 n⌉² = {}",
            state.options.network.name(),
            state.rounds,
            state.network.depth,
            log * log
        ),
        TextStyle::centered(TextSize::Small, palette.muted).aligned(Align::Start),
    );
    for wire in 0..n {
        scene.push(Shape::Line {
            key: Key::of(ROLE_WIRE, wire),
            from: (left, wire_y(wire)),
            to: (right, wire_y(wire)),
            width: 1.0,
            color: palette.faint,
            arrow: false,
        });
    }
    let just_taken = match last {
        Some(Event::Round { round, .. }) => Some(*round),
        _ => None,
    };
    for link in &links {
        let Link {
            round,
            column,
            low,
            high,
            comparator,
            in_round,
        } = *link;
        let x = left
            + (first_column[round as usize] + column) as f64 * column_width
            + column_width / 2.0;
        let (color, width) = if Some(round) == just_taken {
            let exchanged = state.swapped.get(in_round).copied().unwrap_or(false);
            (
                if exchanged {
                    palette.compared
                } else {
                    palette.current
                },
                2.5,
            )
        } else if round < state.rounds {
            (palette.ink, 1.5)
        } else {
            (palette.idle, 1.5)
        };
        scene.push(Shape::Line {
            key: Key::of(ROLE_LINK, comparator),
            from: (x, wire_y(low)),
            to: (x, wire_y(high)),
            width,
            color,
            arrow: false,
        });
        let dot = within(spacing * 0.35, 1.5, 4.0);
        for wire in [low, high] {
            scene.rect(
                Key::NONE,
                x - dot,
                wire_y(wire) - dot,
                2.0 * dot,
                2.0 * dot,
                color,
            );
        }
    }
    if spacing >= 11.0 {
        let done = if state.finished {
            palette.resolved
        } else {
            palette.ink
        };
        for (wire, &item) in state.order.iter().enumerate() {
            scene.text(
                Key::of(ROLE_WIRE_VALUE, item as usize),
                (PADDING + VALUE_COLUMN - 8.0, wire_y(wire)),
                format_number(state.values[item as usize]),
                TextStyle::centered(TextSize::Small, done).aligned(Align::End),
            );
        }
    }
}
