//! Summed-area table: the table against its recurrence, rectangle sums and IoU against brute
//! force, the trace's shape, seek/undo on 2-D states, and input messages.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use stepwise::algo::summed_area::{
    area_iou, rect_sum, summed_area_table, weighted_iou, Event, Rect, SummedArea,
};
use stepwise::input::{OptionMap, OptionValue};
use stepwise::scene::{Frame, Theme};
use stepwise::trace::Timeline;

fn matrix_strategy() -> impl Strategy<Value = (usize, usize, Vec<f64>)> {
    (1usize..10, 1usize..10).prop_flat_map(|(rows, columns)| {
        (
            Just(rows),
            Just(columns),
            prop::collection::vec((-50i32..=50).prop_map(f64::from), rows * columns),
        )
    })
}

fn rect_strategy(rows: usize, columns: usize) -> impl Strategy<Value = Rect> {
    prop_oneof![
        // Any rectangle.
        (0..rows, 0..rows, 0..columns, 0..columns).prop_map(|(a, b, c, d)| Rect {
            top: a.min(b),
            bottom: a.max(b),
            left: c.min(d),
            right: c.max(d),
        }),
        // A single cell.
        (0..rows, 0..columns).prop_map(|(row, column)| Rect {
            top: row,
            bottom: row,
            left: column,
            right: column,
        }),
        // A full row.
        (0..rows).prop_map(move |row| Rect {
            top: row,
            bottom: row,
            left: 0,
            right: columns - 1,
        }),
        // The whole matrix.
        Just(Rect {
            top: 0,
            left: 0,
            bottom: rows - 1,
            right: columns - 1,
        }),
    ]
}

fn brute_sum(values: &[f64], columns: usize, rect: Rect) -> f64 {
    let mut sum = 0.0;
    for row in rect.top..=rect.bottom {
        for column in rect.left..=rect.right {
            sum += values[row * columns + column];
        }
    }
    sum
}

fn inside(rect: Rect, row: usize, column: usize) -> bool {
    (rect.top..=rect.bottom).contains(&row) && (rect.left..=rect.right).contains(&column)
}

/// The weighted IoU cell by cell: weights in both over weights in either.
fn brute_iou(values: &[f64], rows: usize, columns: usize, a: Rect, b: Rect) -> f64 {
    let (mut both, mut either) = (0.0, 0.0);
    for row in 0..rows {
        for column in 0..columns {
            let (in_a, in_b) = (inside(a, row, column), inside(b, row, column));
            let weight = values[row * columns + column];
            if in_a && in_b {
                both += weight;
            }
            if in_a || in_b {
                either += weight;
            }
        }
    }
    if either == 0.0 {
        0.0
    } else {
        both / either
    }
}

fn sum_options(query: Rect) -> OptionMap {
    OptionMap::new().with(
        "query",
        OptionValue::Text(format!(
            "{},{},{},{}",
            query.top, query.left, query.bottom, query.right
        )),
    )
}

fn matrix_text(rows: usize, columns: usize, values: &[f64]) -> String {
    (0..rows)
        .map(|row| {
            values[row * columns..(row + 1) * columns]
                .iter()
                .map(|value| value.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_table_satisfies_its_recurrence((rows, columns, values) in matrix_strategy()) {
        let table = summed_area_table(&values, rows, columns, &mut ());
        let width = columns + 1;
        prop_assert_eq!(table.len(), (rows + 1) * width);
        for row in 0..=rows {
            for column in 0..=columns {
                let cell = table[row * width + column];
                if row == 0 || column == 0 {
                    prop_assert_eq!(cell, 0.0);
                } else {
                    let expected = (values[(row - 1) * columns + column - 1]
                        + table[(row - 1) * width + column]
                        - table[(row - 1) * width + column - 1])
                        + table[row * width + column - 1];
                    prop_assert_eq!(cell, expected);
                }
            }
        }
    }

    #[test]
    fn the_kernel_and_the_recorded_fill_agree_to_the_bit(
        (rows, columns, values) in (0usize..9, 0usize..9).prop_flat_map(|(rows, columns)| {
            (Just(rows), Just(columns), proptest::collection::vec(-1e6f64..1e6, rows * columns))
        })
    ) {
        // The kernel fills two rows at a time; the animation one row at a time, in order.
        let kernel = summed_area_table(&values, rows, columns, &mut ());
        let mut trace = stepwise::trace::Trace::with_cap(1 << 20);
        let recorded = summed_area_table(&values, rows, columns, &mut trace);
        let bits = |table: &[f64]| table.iter().map(|cell| cell.to_bits()).collect::<Vec<_>>();
        prop_assert_eq!(bits(&kernel), bits(&recorded));
        prop_assert_eq!(trace.into_events().unwrap().len(), rows * columns);
    }

    #[test]
    fn rectangle_sums_and_iou_match_brute_force(
        (rows, columns, values, a, b) in matrix_strategy().prop_flat_map(|(rows, columns, values)| {
            (Just(rows), Just(columns), Just(values), rect_strategy(rows, columns), rect_strategy(rows, columns))
        })
    ) {
        let table = summed_area_table(&values, rows, columns, &mut ());
        prop_assert_eq!(rect_sum(&table, columns, a), brute_sum(&values, columns, a));
        prop_assert_eq!(weighted_iou(&table, columns, a, b), brute_iou(&values, rows, columns, a, b));
        let ones = vec![1.0; rows * columns];
        let area_table = summed_area_table(&ones, rows, columns, &mut ());
        prop_assert_eq!(area_iou(a, b), brute_iou(&ones, rows, columns, a, b));
        prop_assert_eq!(weighted_iou(&area_table, columns, a, b), area_iou(a, b));
    }

    #[test]
    fn the_animation_fills_every_cell_once_and_seeks_exactly(
        (rows, columns, values, a) in matrix_strategy().prop_flat_map(|(rows, columns, values)| {
            (Just(rows), Just(columns), Just(values), rect_strategy(rows, columns))
        }),
        iou in any::<bool>(),
        naive in any::<bool>(),
        seeks in prop::collection::vec(0usize..300, 1..8),
    ) {
        let text = matrix_text(rows, columns, &values);
        let mut options = sum_options(a);
        if iou {
            options = options.with("mode", OptionValue::Text("iou".into()));
        }
        if naive {
            options = options.with("method", OptionValue::Text("naive".into()));
        }
        let mut timeline = Timeline::<SummedArea>::from_text(&text, &mut options.clone()).unwrap();
        let mut replay = Timeline::<SummedArea>::from_text(&text, &mut options).unwrap();
        let mut fills = 0;
        while timeline.forward() {
            if matches!(timeline.last_event(), Some(Event::Fill { .. })) {
                fills += 1;
            }
        }
        prop_assert_eq!(fills, if naive { 0 } else { rows * columns });
        prop_assert_eq!(timeline.state().sums[0], brute_sum(&values, columns, a));
        if let Some(iou_value) = timeline.output().weighted_iou {
            let b = timeline.state().rects[1].unwrap();
            prop_assert_eq!(iou_value, brute_iou(&values, rows, columns, a, b));
        }
        let checked = common::seeks_match_replay(&mut timeline, &mut replay, &seeks);
        prop_assert!(checked.is_ok(), "{:?}", checked);
    }
}

#[test]
fn iou_edge_cases() {
    let values = vec![1.0; 36];
    let table = summed_area_table(&values, 6, 6, &mut ());
    let rect = |top, left, bottom, right| Rect {
        top,
        left,
        bottom,
        right,
    };
    let a = rect(0, 0, 2, 2);
    assert_eq!(
        weighted_iou(&table, 6, a, rect(4, 4, 5, 5)),
        0.0,
        "disjoint"
    );
    assert_eq!(
        weighted_iou(&table, 6, a, rect(0, 3, 2, 5)),
        0.0,
        "touching edges"
    );
    assert_eq!(
        weighted_iou(&table, 6, a, rect(1, 1, 1, 1)),
        1.0 / 9.0,
        "inside"
    );
    assert_eq!(weighted_iou(&table, 6, a, a), 1.0, "identical");
    let zeros = summed_area_table(&[0.0; 36], 6, 6, &mut ());
    assert_eq!(
        weighted_iou(&zeros, 6, a, a),
        0.0,
        "zero weight is 0, never NaN"
    );
    // Integers stay exact up to 2^53.
    let huge = summed_area_table(&[2f64.powi(51), 2f64.powi(51), 1.0, 1.0], 2, 2, &mut ());
    assert_eq!(rect_sum(&huge, 2, rect(0, 0, 1, 1)), 2f64.powi(52) + 2.0);
}

#[test]
fn narration_shows_the_formula_with_numbers() {
    let mut timeline = Timeline::<SummedArea>::from_text(
        "3 1 4 1 5\n9 2 6 5 3\n5 8 9 7 9\n3 2 3 8 4",
        &mut OptionMap::new(),
    )
    .unwrap();
    assert!(timeline
        .narration()
        .starts_with("Fill the 5×6 summed-area table S"));
    timeline.seek(8);
    assert_eq!(
        timeline.narration(),
        "S[2][3] = M[1][2] + S[1][3] + S[2][2] − S[1][2] = 6 + 8 + 15 − 4 = 25"
    );
    assert_eq!(timeline.line(), Some(1));
    timeline.seek(timeline.len());
    assert!(
        timeline.narration().starts_with(
            "sum(A) over rows 1..2, columns 1..2 = 25 from 4 lookups; the cell-by-cell sum agrees"
        ),
        "{}",
        timeline.narration()
    );
}

#[test]
fn bad_input_says_what_and_where() {
    let error = |text: &str, options: &mut OptionMap| {
        Timeline::<SummedArea>::from_text(text, options)
            .err()
            .map(|error| error.to_string())
            .unwrap_or_default()
    };
    assert_eq!(
        error("1 2 3 4 5\n1 2 3 4 5\n1 2 3 4\n", &mut OptionMap::new()),
        "row 3 has 4 numbers, expected 5 like row 1"
    );
    let query = |text: &str| OptionMap::new().with("query", OptionValue::Text(text.into()));
    assert_eq!(
        error("1 2\n3 4", &mut query("0,0,2,1")),
        "rectangle A: rows 0..2, columns 0..1 is outside the 2×2 matrix (rows 0..1, columns 0..1)"
    );
    assert_eq!(
        error("1 2\n3 4", &mut query("1,0,0,1")),
        "rectangle A: r0 ≤ r1 and c0 ≤ c1 are needed, got rows 1..0 and columns 0..1"
    );
    assert_eq!(
        error("1 2\n3 4", &mut query("1,0,1")),
        "rectangle A: write four numbers r0,c0,r1,c1 (got 3)"
    );
    assert_eq!(
        error("1 2\n3 4", &mut query("0.5,0,1,1")),
        "rectangle A: r0 = 0.5 is not a row or column number (0, 1, 2, …)"
    );
    let big = vec![vec!["1"; 257].join(" "); 257].join("\n");
    assert!(error(&big, &mut OptionMap::new()).starts_with("a 257×257 matrix has 66,049 cells"));
}

#[test]
fn every_shape_of_matrix_draws_and_can_be_picked() {
    for (rows, columns) in [(0, 0), (1, 1), (1, 6), (6, 1), (4, 5), (40, 40), (200, 120)] {
        let values: Vec<f64> = (0..rows * columns).map(|i| (i % 17) as f64 - 8.0).collect();
        let text = matrix_text(rows, columns, &values);
        for method in ["table", "naive"] {
            for mode in ["sum", "iou"] {
                let mut options = OptionMap::new()
                    .with("method", OptionValue::Text(method.into()))
                    .with("mode", OptionValue::Text(mode.into()));
                let mut timeline = Timeline::<SummedArea>::from_text(&text, &mut options).unwrap();
                for position in [0, 1, timeline.len() / 2, timeline.len()] {
                    timeline.seek(position);
                    for (width, height) in [(375.0, 300.0), (900.0, 380.0), (2.0, 2.0)] {
                        let scene = timeline.scene(&Frame::new(width, height, Theme::Light));
                        assert!(!scene.shapes.is_empty());
                    }
                }
            }
        }
    }
    // Sweeping the picture finds every matrix cell exactly where its rows and columns lie.
    use stepwise::algorithm::Draw;
    let timeline =
        Timeline::<SummedArea>::from_text("1 2 3\n4 5 6", &mut OptionMap::new()).unwrap();
    let frame = Frame::new(600.0, 300.0, Theme::Light);
    assert_eq!(SummedArea::locate(timeline.state(), &frame, 1.0, 1.0), None);
    let mut seen = std::collections::BTreeMap::new();
    for x in (0..600).step_by(2) {
        for y in (0..300).step_by(2) {
            if let Some(cell) = SummedArea::locate(timeline.state(), &frame, x as f64, y as f64) {
                let entry = seen.entry(cell).or_insert((x, y, x, y));
                *entry = (
                    entry.0.min(x),
                    entry.1.min(y),
                    entry.2.max(x),
                    entry.3.max(y),
                );
            }
        }
    }
    assert_eq!(seen.len(), 6, "{seen:?}");
    let (left, top, _, _) = seen[&(0, 0)];
    let (left_of_next, _, _, _) = seen[&(0, 1)];
    let (_, top_of_next, _, _) = seen[&(1, 0)];
    assert!(
        left < left_of_next && top < top_of_next,
        "columns go right, rows go down"
    );
}
