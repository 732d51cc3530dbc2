//! Native kernel benchmarks (criterion). Each group measures the kernel beside its baselines
//! in the same run; compare the figures as ratios, not as absolute times.
//!
//! `cargo bench --bench kernels`

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::collections::HashSet;
use stepwise::algo::intersection::{intersect, Semantics};
use stepwise::algo::least_squares::{fit_line, Loss, Model};
use stepwise::algo::next_greater::{next_greater, scan, Variant};
use stepwise::algo::rate_limiter::{poisson_times, rate_limit, Method, Params};
use stepwise::algo::roc::roc_curve;
use stepwise::algo::sorting::{merge_insertion_sort, sort_values, Values};
use stepwise::algo::summed_area::{box_blur, summed_area_table};
use stepwise::algo::weak_labels::{self, label_model, Abstain, LabelOptions};
use stepwise::input::SeededRandom;

fn random_values(length: usize, seed: u64) -> Vec<f64> {
    let mut random = SeededRandom::new(seed);
    (0..length)
        .map(|_| random.integer(-1_000_000, 1_000_000) as f64)
        .collect()
}

/// The monotonic stack against a plain copy of the input (the floor any O(n) kernel pays)
/// and, on decreasing input where it is quadratic, against the O(n²) scan.
fn next_greater_element(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("next_greater");
    group.sample_size(20);
    for length in [1_000_000, 10_000_000] {
        let values = random_values(length, 42);
        group.throughput(Throughput::Elements(length as u64));
        group.bench_with_input(
            BenchmarkId::new("stack", length),
            &values,
            |bench, values| bench.iter(|| next_greater(black_box(values), Variant::default())),
        );
        group.bench_with_input(
            BenchmarkId::new("copy", length),
            &values,
            |bench, values| bench.iter(|| black_box(values).to_vec()),
        );
        group.bench_with_input(
            BenchmarkId::new("scan-random", length),
            &values,
            |bench, values| bench.iter(|| scan(black_box(values), Variant::default(), &mut ())),
        );
    }
    let decreasing: Vec<f64> = (0..20_000).rev().map(f64::from).collect();
    group.throughput(Throughput::Elements(decreasing.len() as u64));
    group.bench_with_input(
        BenchmarkId::new("stack-decreasing", decreasing.len()),
        &decreasing,
        |bench, values| bench.iter(|| next_greater(black_box(values), Variant::default())),
    );
    group.bench_with_input(
        BenchmarkId::new("scan-decreasing", decreasing.len()),
        &decreasing,
        |bench, values| bench.iter(|| scan(black_box(values), Variant::default(), &mut ())),
    );
    group.finish();
}

/// The summed-area table written the way most people first write it: indexed 4-term
/// recurrence with bounds checks on every access.
fn summed_area_plain(values: &[f64], rows: usize, columns: usize) -> Vec<f64> {
    let width = columns + 1;
    let mut table = vec![0.0; (rows + 1) * width];
    for row in 1..=rows {
        for column in 1..=columns {
            table[row * width + column] = values[(row - 1) * columns + column - 1]
                + table[(row - 1) * width + column]
                + table[row * width + column - 1]
                - table[(row - 1) * width + column - 1];
        }
    }
    table
}

/// The kernel against the plain double loop and against copying the same bytes (the
/// memory-bandwidth floor: the table must at least be written once).
fn summed_area(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("summed_area");
    group.sample_size(10);
    for side in [1024, 4096] {
        let values = random_values(side * side, 7);
        group.throughput(Throughput::Elements((side * side) as u64));
        group.bench_with_input(
            BenchmarkId::new("kernel", side),
            &values,
            |bench, values| {
                bench.iter(|| summed_area_table(black_box(values), side, side, &mut ()))
            },
        );
        group.bench_with_input(
            BenchmarkId::new("plain-loop", side),
            &values,
            |bench, values| bench.iter(|| summed_area_plain(black_box(values), side, side)),
        );
        group.bench_with_input(BenchmarkId::new("copy", side), &values, |bench, values| {
            bench.iter(|| black_box(values).to_vec())
        });
        let table = summed_area_table(&values, side, side, &mut ());
        let mut output = vec![0.0; side * side];
        group.bench_with_input(
            BenchmarkId::new("box-blur-r8", side),
            &table,
            |bench, table| bench.iter(|| box_blur(black_box(table), side, side, 8, &mut output)),
        );
    }
    group.finish();
}

/// Set intersection the usual HashSet way (output unordered, as such code returns it).
fn intersect_hash_set(a: &[i32], b: &[i32]) -> Vec<i32> {
    let seen: HashSet<i32> = b.iter().copied().collect();
    let mut output: HashSet<i32> = HashSet::new();
    for value in a {
        if seen.contains(value) {
            output.insert(*value);
        }
    }
    output.into_iter().collect()
}

/// Multiset intersection written plainly: sort copies with `sort`, then two pointers.
fn intersect_plain(a: &[i32], b: &[i32]) -> Vec<i32> {
    let (mut a, mut b) = (a.to_vec(), b.to_vec());
    a.sort();
    b.sort();
    let (mut i, mut j, mut output) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        if a[i] < b[j] {
            i += 1;
        } else if a[i] > b[j] {
            j += 1;
        } else {
            output.push(a[i]);
            i += 1;
            j += 1;
        }
    }
    output
}

/// The kernel against a HashSet (set semantics) and plain sort + two pointers (multiset),
/// for a small value range (many matches) and the full i32 range (few).
fn intersection(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("intersect");
    group.sample_size(10);
    for length in [1_000_000, 10_000_000] {
        for (range_name, high) in [("range1e3", 1_000i64), ("range-full", i32::MAX as i64)] {
            let mut random = SeededRandom::new(length as u64 + high as u64);
            let mut array = || -> Vec<i32> {
                (0..length)
                    .map(|_| random.integer(-high, high) as i32)
                    .collect()
            };
            let (a, b) = (array(), array());
            let id = |name: &str| BenchmarkId::new(format!("{name}/{range_name}"), length);
            group.throughput(Throughput::Elements(2 * length as u64));
            group.bench_function(id("kernel-multiset"), |bench| {
                bench.iter(|| intersect(black_box(&a), black_box(&b), Semantics::Multiset))
            });
            group.bench_function(id("plain-sort-two-pointers"), |bench| {
                bench.iter(|| intersect_plain(black_box(&a), black_box(&b)))
            });
            group.bench_function(id("kernel-set"), |bench| {
                bench.iter(|| intersect(black_box(&a), black_box(&b), Semantics::Set))
            });
            group.bench_function(id("hash-set"), |bench| {
                bench.iter(|| intersect_hash_set(black_box(&a), black_box(&b)))
            });
        }
    }
    // Very unequal lengths: 1,000 against 10^6 (the galloping branch).
    let mut random = SeededRandom::new(99);
    let short: Vec<i32> = (0..1_000)
        .map(|_| random.integer(0, 2_000_000) as i32)
        .collect();
    let long: Vec<i32> = (0..1_000_000)
        .map(|_| random.integer(0, 2_000_000) as i32)
        .collect();
    group.throughput(Throughput::Elements(1_001_000));
    group.bench_function("kernel-unequal-1e3-vs-1e6", |bench| {
        bench.iter(|| intersect(black_box(&short), black_box(&long), Semantics::Multiset))
    });
    group.bench_function("plain-unequal-1e3-vs-1e6", |bench| {
        bench.iter(|| intersect_plain(black_box(&short), black_box(&long)))
    });
    group.finish();
}

/// ROC written plainly: sort (score, label) pairs, then one pass building the curve.
fn roc_plain(scores: &[f64], labels: &[u8]) -> (Vec<f64>, Vec<f64>, f64) {
    let mut pairs: Vec<(f64, u8)> = scores.iter().copied().zip(labels.iter().copied()).collect();
    pairs.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
    let positives = labels.iter().filter(|&&label| label == 1).count() as f64;
    let negatives = labels.len() as f64 - positives;
    let (mut fpr, mut tpr) = (vec![0.0], vec![0.0]);
    let (mut tp, mut fp, mut auc) = (0.0, 0.0, 0.0);
    let mut index = 0;
    while index < pairs.len() {
        let score = pairs[index].0;
        while index < pairs.len() && pairs[index].0 == score {
            if pairs[index].1 == 1 {
                tp += 1.0;
            } else {
                fp += 1.0;
            }
            index += 1;
        }
        let (x, y) = (fp / negatives, tp / positives);
        auc += (x - fpr[fpr.len() - 1]) * (y + tpr[tpr.len() - 1]) / 2.0;
        fpr.push(x);
        tpr.push(y);
    }
    (fpr, tpr, auc)
}

/// The ROC kernel against a plain sort-then-scan, on 10^6 and 10^7 samples.
fn roc(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("roc");
    group.sample_size(10);
    for length in [1_000_000, 10_000_000] {
        let mut random = SeededRandom::new(length as u64);
        let labels: Vec<u8> = (0..length).map(|_| (random.next_u64() & 1) as u8).collect();
        let scores: Vec<f64> = labels
            .iter()
            .map(|&label| random.integer(0, 1_000_000) as f64 / 1e6 + f64::from(label) * 0.3)
            .collect();
        group.throughput(Throughput::Elements(length as u64));
        group.bench_function(BenchmarkId::new("kernel", length), |bench| {
            bench.iter(|| roc_curve(black_box(&scores), black_box(&labels), None, false))
        });
        group.bench_function(BenchmarkId::new("plain-sort-then-scan", length), |bench| {
            bench.iter(|| roc_plain(black_box(&scores), black_box(&labels)))
        });
    }
    group.finish();
}

/// Each rate limiter on 10^7 requests (a Poisson stream at 4 per second against limit 3 per
/// 1 s window and rate 3 per second, so a good share is rejected), beside a plain copy of the
/// times: every method is one O(n) pass, so the copy is the floor.
fn rate_limiter(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("rate_limit");
    group.sample_size(10);
    let length = 10_000_000;
    let times = poisson_times(length, 4.0, 42);
    let params = Params {
        limit: 3,
        window: 1.0,
        rate: 3.0,
    };
    group.throughput(Throughput::Elements(length as u64));
    group.bench_with_input(BenchmarkId::new("copy", length), &times, |bench, times| {
        bench.iter(|| black_box(times).to_vec())
    });
    for method in Method::ALL {
        group.bench_with_input(
            BenchmarkId::new(method.id(), length),
            &times,
            |bench, times| bench.iter(|| rate_limit(black_box(times), method, &params)),
        );
    }
    group.finish();
}

/// `sort_values` (the radix sort) on 10^6 doubles and int32s against the standard library's
/// comparison sorts on copies of the same data (`sort_unstable_by(total_cmp)`, `sort_unstable`),
/// and merge insertion (built to save comparisons, not time) on 10^5.
fn sorting(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("sort_values");
    group.sample_size(20);
    let length = 1_000_000;
    let floats: Vec<f64> = random_values(length, 7)
        .into_iter()
        .map(|value| value / 7.0)
        .collect();
    let integers: Vec<i32> = floats.iter().map(|&value| value as i32).collect();
    group.throughput(Throughput::Elements(length as u64));
    group.bench_with_input(
        BenchmarkId::new("radix f64", length),
        &floats,
        |bench, floats| bench.iter(|| sort_values(Values::Float(black_box(floats).clone()))),
    );
    group.bench_with_input(
        BenchmarkId::new("std f64", length),
        &floats,
        |bench, floats| {
            bench.iter(|| {
                let mut copy = black_box(floats).clone();
                copy.sort_unstable_by(f64::total_cmp);
                copy
            })
        },
    );
    group.bench_with_input(
        BenchmarkId::new("radix i32", length),
        &integers,
        |bench, integers| bench.iter(|| sort_values(Values::Int(black_box(integers).clone()))),
    );
    group.bench_with_input(
        BenchmarkId::new("std i32", length),
        &integers,
        |bench, integers| {
            bench.iter(|| {
                let mut copy = black_box(integers).clone();
                copy.sort_unstable();
                copy
            })
        },
    );
    let some = &floats[..100_000];
    group.throughput(Throughput::Elements(some.len() as u64));
    group.bench_with_input(
        BenchmarkId::new("merge insertion", some.len()),
        some,
        |bench, values| bench.iter(|| merge_insertion_sort(black_box(values))),
    );
    group.finish();
}

/// `label_model` on 10^6 items × 10 sources, 3 classes (source s votes with probability
/// 0.5 + 0.05·s and is right with 0.5 + 0.04·s): Dawid–Skene with abstentions missing (crowd-kit's
/// model) and as outcomes, against the majority vote, one pass over the votes, as the floor.
fn label_models(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("label_model");
    group.sample_size(10);
    let (items, sources, classes) = (1_000_000, 10, 3);
    let mut random = SeededRandom::new(26);
    let mut votes = Vec::with_capacity(items * sources);
    for _ in 0..items {
        let truth = random.integer(0, 2) as i32;
        for source in 0..sources as i64 {
            let vote = if random.integer(0, 99) < 50 + 4 * source {
                truth
            } else {
                (truth + random.integer(1, 2) as i32) % 3
            };
            votes.push(if random.integer(0, 99) < 50 + 5 * source {
                vote
            } else {
                -1
            });
        }
    }
    group.throughput(Throughput::Elements(votes.len() as u64));
    for (name, method, abstain) in [
        ("majority", weak_labels::Method::Majority, Abstain::Missing),
        (
            "dawid-skene missing",
            weak_labels::Method::DawidSkene,
            Abstain::Missing,
        ),
        (
            "dawid-skene outcome",
            weak_labels::Method::DawidSkene,
            Abstain::Outcome,
        ),
    ] {
        let options = LabelOptions {
            abstain,
            ..LabelOptions::new(items, sources, classes, method)
        };
        group.bench_with_input(BenchmarkId::new(name, items), &votes, |bench, votes| {
            bench.iter(|| label_model(black_box(votes), &options))
        });
    }
    group.finish();
}

/// 10^6 points on y = 2 + x/2 with Laplace noise, x uniform in [−10, 10].
fn noisy_line(length: usize, seed: u64) -> (Vec<f64>, Vec<f64>) {
    let mut random = SeededRandom::new(seed);
    let mut unit = || ((random.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64;
    (0..length)
        .map(|_| {
            let x = 20.0 * unit() - 10.0;
            let size = -unit().ln();
            let noise = if unit() < 0.5 { -size } else { size };
            (x, 2.0 + 0.5 * x + noise)
        })
        .unzip()
}

/// `fit_line` under each loss at 10^6 points, against copying y (the floor: the fit writes a
/// residual per point). The absolute loss is exact (an optimal vertex of the LP); the
/// constant model's median is a selection.
fn least_squares(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("fit_line");
    group.sample_size(10);
    let length = 1_000_000;
    let (x, y) = noisy_line(length, 25);
    group.throughput(Throughput::Elements(length as u64));
    for (name, loss, model) in [
        ("squared", Loss::Squared, Model::Line),
        ("absolute", Loss::Absolute, Model::Line),
        ("huber-1", Loss::Huber { delta: 1.0 }, Model::Line),
        ("absolute-constant", Loss::Absolute, Model::Constant),
    ] {
        group.bench_function(BenchmarkId::new(name, length), |bench| {
            bench.iter(|| fit_line(black_box(&x), black_box(&y), loss, model).unwrap())
        });
    }
    group.bench_function(BenchmarkId::new("copy", length), |bench| {
        bench.iter(|| black_box(&y).to_vec())
    });
    group.finish();
}

criterion_group!(
    benches,
    next_greater_element,
    summed_area,
    intersection,
    roc,
    rate_limiter,
    sorting,
    label_models,
    least_squares
);
criterion_main!(benches);
