//! The sorting kernels against references: the 0-1 principle exhaustively, Batcher's sizes
//! and depths, disjoint rounds, random permutations; merge insertion's worst case over every
//! permutation (OEIS A001768) and against the standard sort; ⌈log2 n!⌉ against big integers;
//! the radix sort against the standard sort for every type.

use proptest::prelude::*;
use stepwise::algo::sorting::{
    comparison_lower_bound, merge_insertion_sort, merge_insertion_worst_case, sort_values,
    sorting_network, Network, NetworkKind, Values, MAX_LOWER_BOUND_N, MAX_NETWORK_WIRES,
};

/// Every 0/1 input of `n` wires is sorted (the 0-1 principle: then every input is).
fn sorts_every_zero_one_input(network: &Network, n: usize) -> bool {
    (0u32..1 << n).all(|bits| {
        let mut values: Vec<u8> = (0..n).map(|wire| (bits >> wire & 1) as u8).collect();
        network.apply(&mut values);
        values.windows(2).all(|pair| pair[0] <= pair[1])
    })
}

#[test]
fn both_networks_sort_every_zero_one_input_up_to_16_wires() {
    for kind in NetworkKind::ALL {
        for n in 0..=16 {
            let network = sorting_network(n, kind).unwrap();
            assert!(
                sorts_every_zero_one_input(&network, n),
                "{} n={n}",
                kind.name()
            );
        }
    }
}

#[test]
fn powers_of_two_have_batchers_size_and_depth() {
    for k in 1u32..=16 {
        let n = 1usize << k;
        let odd_even = sorting_network(n, NetworkKind::OddEvenMerge).unwrap();
        let expected = ((k * k - k + 4) as usize) * (1usize << k) / 4 - 1;
        assert_eq!(odd_even.len(), expected, "odd-even-merge n={n}");
        assert_eq!(odd_even.depth, k * (k + 1) / 2);
        let bitonic = sorting_network(n, NetworkKind::Bitonic).unwrap();
        assert_eq!(
            bitonic.len(),
            n * (k * (k + 1)) as usize / 4,
            "bitonic n={n}"
        );
        assert_eq!(bitonic.depth, k * (k + 1) / 2);
    }
}

#[test]
fn rounds_touch_disjoint_wires_and_have_no_gaps() {
    for kind in NetworkKind::ALL {
        for n in [0, 1, 2, 3, 5, 7, 12, 16, 33, 100, 1000] {
            let network = sorting_network(n, kind).unwrap();
            let power = n.next_power_of_two().max(1);
            let full = sorting_network(power, kind).unwrap();
            assert!(network.len() <= full.len() && network.depth <= full.depth);
            assert!(network
                .layers
                .windows(2)
                .all(|pair| pair[1] == pair[0] || pair[1] == pair[0] + 1));
            assert_eq!(
                network.layers.last().map_or(0, |&last| last + 1),
                network.depth
            );
            for round in 0..network.depth {
                let mut used = vec![false; n];
                for (index, &layer) in network.layers.iter().enumerate() {
                    if layer != round {
                        continue;
                    }
                    let (low, high) = (
                        network.comparators[2 * index] as usize,
                        network.comparators[2 * index + 1] as usize,
                    );
                    assert!(low < high && high < n);
                    assert!(
                        !used[low] && !used[high],
                        "{} n={n} round {round}",
                        kind.name()
                    );
                    used[low] = true;
                    used[high] = true;
                }
            }
        }
    }
    assert!(sorting_network(MAX_NETWORK_WIRES + 1, NetworkKind::Bitonic)
        .unwrap_err()
        .to_string()
        .contains('n'));
    assert!(NetworkKind::from_name("aks").is_err());
}

#[test]
fn networks_sort_random_permutations_up_to_65536_wires() {
    let mut random = stepwise::input::SeededRandom::new(5);
    for kind in NetworkKind::ALL {
        for n in [17, 100, 1000, 4097, 65_536] {
            let mut values: Vec<u32> = (0..n as u32).collect();
            for index in (1..n).rev() {
                values.swap(index, random.integer(0, index as i64) as usize);
            }
            sorting_network(n, kind).unwrap().apply(&mut values);
            assert!(
                values
                    .iter()
                    .enumerate()
                    .all(|(index, &value)| index as u32 == value),
                "{} n={n}",
                kind.name()
            );
        }
    }
}

/// Every permutation of `0..n`, by Heap's algorithm.
fn permutations(n: usize) -> Vec<Vec<f64>> {
    let mut items: Vec<f64> = (0..n).map(|value| value as f64).collect();
    let mut all = vec![items.clone()];
    let mut counters = vec![0; n];
    let mut index = 0;
    while index < n {
        if counters[index] < index {
            if index % 2 == 0 {
                items.swap(0, index);
            } else {
                items.swap(counters[index], index);
            }
            all.push(items.clone());
            counters[index] += 1;
            index = 0;
        } else {
            counters[index] = 0;
            index += 1;
        }
    }
    all
}

#[test]
fn merge_insertion_worst_case_is_a001768_over_every_permutation_up_to_8() {
    let a001768 = [0, 0, 1, 3, 5, 7, 10, 13, 16, 19, 22, 26, 30, 34, 38, 42, 46];
    for (n, &expected) in a001768.iter().enumerate() {
        assert_eq!(merge_insertion_worst_case(n), expected, "formula n={n}");
    }
    for (n, &expected) in a001768.iter().enumerate().take(9) {
        let worst = permutations(n)
            .iter()
            .map(|values| {
                let (sorted, comparisons) = merge_insertion_sort(values).unwrap();
                assert!(sorted.windows(2).all(|pair| pair[0] <= pair[1]));
                comparisons
            })
            .max()
            .unwrap_or(0);
        assert_eq!(worst, expected, "n={n}");
    }
}

#[test]
fn lower_bound_is_exact_against_big_integers() {
    // n! as little-endian u32 limbs; ⌈log2 m⌉ for m >= 1 is the bit length of m − 1.
    let mut factorial: Vec<u32> = vec![1];
    for n in 0..=MAX_LOWER_BOUND_N {
        if n >= 2 {
            let mut carry = 0u64;
            for limb in factorial.iter_mut() {
                let product = u64::from(*limb) * n as u64 + carry;
                *limb = product as u32;
                carry = product >> 32;
            }
            if carry > 0 {
                factorial.push(carry as u32);
            }
        }
        if !(n <= 64 || n % 97 == 0 || n == MAX_LOWER_BOUND_N) {
            continue;
        }
        let mut minus_one = factorial.clone();
        for limb in minus_one.iter_mut() {
            let (value, borrow) = limb.overflowing_sub(1);
            *limb = value;
            if !borrow {
                break;
            }
        }
        while minus_one.len() > 1 && minus_one.last() == Some(&0) {
            minus_one.pop();
        }
        let top = *minus_one.last().unwrap_or(&0);
        let bits = (minus_one.len() as u64 - 1) * 32 + u64::from(32 - top.leading_zeros());
        assert_eq!(comparison_lower_bound(n).unwrap(), bits, "n={n}");
    }
    let first = [0, 0, 1, 3, 5, 7, 10, 13, 16, 19, 22, 26, 29, 33, 37, 41, 45];
    for (n, &expected) in first.iter().enumerate() {
        assert_eq!(comparison_lower_bound(n).unwrap(), expected);
    }
    assert!(comparison_lower_bound(MAX_LOWER_BOUND_N + 1).is_err());
}

#[test]
fn sorted_values_keep_signed_zeros_in_order_and_refuse_nan() {
    let sorted = sort_values(Values::Float(vec![0.0, -0.0, 1.5, -3.0, f64::INFINITY])).unwrap();
    let Values::Float(sorted) = sorted else {
        unreachable!()
    };
    assert_eq!(
        sorted
            .iter()
            .map(|value| value.to_bits())
            .collect::<Vec<_>>(),
        [-3.0f64, -0.0, 0.0, 1.5, f64::INFINITY]
            .iter()
            .map(|value| value.to_bits())
            .collect::<Vec<_>>()
    );
    let error = sort_values(Values::Float(vec![1.0, 2.0, f64::NAN])).unwrap_err();
    assert!(error.to_string().contains("values[2]"), "{error}");
    assert!(merge_insertion_sort(&[f64::NAN])
        .unwrap_err()
        .to_string()
        .contains("values[0]"));
}

proptest! {
    #[test]
    fn merge_insertion_sorts_within_its_worst_case(values in prop::collection::vec(-1e3f64..1e3, 0..300), zeros in 0usize..4) {
        let mut values = values;
        for index in 0..zeros.min(values.len()) {
            values[index] = if index % 2 == 0 { -0.0 } else { 0.0 };
        }
        let (sorted, comparisons) = merge_insertion_sort(&values).unwrap();
        let mut expected = values.clone();
        expected.sort_by(f64::total_cmp);
        prop_assert_eq!(sorted.iter().map(|value| value.to_bits()).collect::<Vec<_>>(), expected.iter().map(|value| value.to_bits()).collect::<Vec<_>>());
        prop_assert!(comparisons <= merge_insertion_worst_case(values.len()));
    }

    #[test]
    fn sorted_values_match_the_standard_sort(floats in prop::collection::vec(any::<f64>().prop_filter("no NaN", |value| !value.is_nan()), 0..3000), integers in prop::collection::vec(any::<i32>(), 0..3000), unsigned in prop::collection::vec(any::<u32>(), 0..3000)) {
        let mut expected = floats.clone();
        expected.sort_by(f64::total_cmp);
        prop_assert_eq!(sort_values(Values::Float(floats)).unwrap(), Values::Float(expected));
        let mut expected = integers.clone();
        expected.sort();
        prop_assert_eq!(sort_values(Values::Int(integers)).unwrap(), Values::Int(expected));
        let mut expected = unsigned.clone();
        expected.sort();
        prop_assert_eq!(sort_values(Values::Unsigned(unsigned)).unwrap(), Values::Unsigned(expected));
    }
}

/// The animation of `text` by `method`.
fn animation(text: &str, method: &str) -> Box<dyn stepwise::trace::Animation> {
    let mut options = stepwise::input::OptionMap::new().with(
        "method",
        stepwise::input::OptionValue::Text(method.to_string()),
    );
    (stepwise::algo::find("sorting").unwrap().animate)(text, &mut options).unwrap()
}

/// A number out of a described state.
fn number(state: &stepwise::value::Value, key: &str) -> f64 {
    match state.get(key) {
        Some(stepwise::value::Value::Number(value)) => *value,
        other => panic!("{key}: {other:?}"),
    }
}

/// The values of a described state in its final arrangement.
fn arranged(state: &stepwise::value::Value) -> Vec<f64> {
    let list = |key: &str| match state.get(key) {
        Some(stepwise::value::Value::List(items)) => items
            .iter()
            .map(|item| match item {
                stepwise::value::Value::Number(value) => *value,
                other => panic!("{other:?}"),
            })
            .collect::<Vec<f64>>(),
        other => panic!("{key}: {other:?}"),
    };
    let values = list("values");
    list("order")
        .iter()
        .map(|&item| values[item as usize])
        .collect()
}

#[test]
fn every_animation_ends_in_the_kernels_order() {
    let mut random = stepwise::input::SeededRandom::new(11);
    for round in 0..20 {
        let n = 1 + round % 17;
        let values: Vec<f64> = (0..n).map(|_| random.integer(-50, 50) as f64).collect();
        let text: Vec<String> = values.iter().map(|value| value.to_string()).collect();
        let Values::Float(expected) = sort_values(Values::Float(values.clone())).unwrap() else {
            unreachable!()
        };
        for method in [
            "merge-insertion",
            "merge",
            "binary-insertion",
            "network",
            "radix",
        ] {
            let mut run = animation(&text.join(" "), method);
            run.seek(run.len());
            assert_eq!(arranged(&run.state()), expected, "{method} on {text:?}");
        }
        let (_, comparisons) = merge_insertion_sort(&values).unwrap();
        let mut run = animation(&text.join(" "), "merge-insertion");
        run.seek(run.len());
        assert_eq!(number(&run.state(), "comparisons"), comparisons as f64);
    }
}

#[test]
fn the_adversary_leaves_at_least_half_the_orders_at_every_question() {
    for n in 0..=6usize {
        let text: Vec<String> = (0..n).map(|value| value.to_string()).collect();
        let mut run = animation(&text.join(" "), "adversary");
        let orders: f64 = (1..=n).map(|k| k as f64).product();
        for position in 0..=run.len() {
            run.seek(position);
            let state = run.state();
            let asked = number(&state, "comparisons");
            let left = number(&state, "ordersLeft");
            assert!(
                left >= (orders / 2f64.powf(asked)).ceil(),
                "n={n} after {asked}: {left}"
            );
        }
        let state = run.state();
        assert_eq!(number(&state, "ordersLeft"), 1.0, "n={n}");
        assert!(number(&state, "comparisons") >= comparison_lower_bound(n).unwrap() as f64);
    }
    let refused = (stepwise::algo::find("sorting").unwrap().animate)(
        "1 2 3 4 5 6 7",
        &mut stepwise::input::OptionMap::new().with(
            "method",
            stepwise::input::OptionValue::Text("adversary".into()),
        ),
    );
    assert!(refused.err().unwrap().to_string().contains("at most 6"));
}

/// The adversary's run of `text` with the learner's questions `asks`.
fn game(text: &str, asks: &str) -> Result<Box<dyn stepwise::trace::Animation>, String> {
    let mut options = stepwise::input::OptionMap::new()
        .with(
            "method",
            stepwise::input::OptionValue::Text("adversary".into()),
        )
        .with("asks", stepwise::input::OptionValue::Text(asks.into()));
    (stepwise::algo::find("sorting").unwrap().animate)(text, &mut options)
        .map_err(|error| error.to_string())
}

#[test]
fn the_learner_asks_and_the_adversary_still_keeps_half() {
    // Three items: three questions are needed (⌈log2 6⌉ = 3), and these three sort them.
    let mut run = game("3 1 2", "1 2, 2 3, 1 3").unwrap();
    run.seek(run.len());
    let state = run.state();
    assert_eq!(number(&state, "comparisons"), 3.0);
    assert_eq!(number(&state, "ordersLeft"), 1.0);
    assert!(
        run.narration().contains("3 of your questions"),
        "{}",
        run.narration()
    );
    // Stopping early: orders are left, and the narration says to ask more.
    let mut run = game("3 1 2 5 4", "1 2 3 4").unwrap();
    run.seek(run.len());
    assert_eq!(number(&run.state(), "ordersLeft"), 30.0);
    assert!(run.narration().contains("ask more"), "{}", run.narration());
    // Questions are checked, naming the option.
    for (asks, expected) in [
        ("1 2 3", "3 item numbers"),
        ("1 9", "9 is not an item from 1 to 6"),
        ("2 2", "item 2 compared with itself"),
        ("1 5", "item 5 is not one of the 3 items"),
    ] {
        let error = game("3 1 2", asks).err().unwrap();
        assert!(error.contains(expected), "{asks}: {error}");
    }
}
