//! Native kernel benchmarks (criterion). Each group measures the kernel beside its baselines
//! in the same run; compare the figures as ratios, not as absolute times.
//!
//! `cargo bench --bench kernels`

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use stepwise::algo::next_greater::{next_greater, scan, Variant};
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

criterion_group!(benches, next_greater_element);
criterion_main!(benches);
