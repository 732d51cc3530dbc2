//! The line-fitting kernel against references: the normal equations in exact rationals on
//! small integer data and statsmodels' OLS and log-likelihood (squared); the best line through
//! every pair of points for n <= 60 (an optimal LAD line passes through two points), the best
//! line through each point for n up to 1,500, the linear program's optimality condition (a
//! dual certificate) for up to 200,000 points of every awkward kind, and statsmodels'
//! QuantReg (absolute); a fine search and the gradient (Huber); the likelihood formulas, exact
//! fits of collinear points, and the errors. The statsmodels fixture is written by
//! tests/fixtures/statsmodels_fit.py.

use proptest::prelude::*;
use stepwise::algo::least_squares::{fit_line, huber_loss, Fit, Loss, Model};
use stepwise::input::SeededRandom;

fn fit(x: &[f64], y: &[f64], loss: Loss) -> Fit {
    fit_line(x, y, loss, Model::Line).unwrap()
}

/// The least-squares slope and intercept as exact fractions (numerator, denominator) of the
/// integer sums: slope = (nΣxy − ΣxΣy) / (nΣx² − (Σx)²).
fn rational_least_squares(x: &[i64], y: &[i64]) -> (f64, f64) {
    let n = x.len() as i128;
    let (sx, sy): (i128, i128) = (
        x.iter().map(|&v| v as i128).sum(),
        y.iter().map(|&v| v as i128).sum(),
    );
    let sxy: i128 = x.iter().zip(y).map(|(&a, &b)| a as i128 * b as i128).sum();
    let sxx: i128 = x.iter().map(|&a| a as i128 * a as i128).sum();
    let numerator = n * sxy - sx * sy;
    let denominator = n * sxx - sx * sx;
    let slope = numerator as f64 / denominator as f64;
    // intercept = (Σy − slope·Σx)/n = (Σy·D − N·Σx) / (n·D).
    let intercept = (sy * denominator - numerator * sx) as f64 / (n * denominator) as f64;
    (intercept, slope)
}

fn close(a: f64, b: f64, relative: f64) -> bool {
    (a - b).abs() <= relative * (1.0 + a.abs().max(b.abs()))
}

fn sum_of_absolute(x: &[f64], y: &[f64], intercept: f64, slope: f64) -> f64 {
    x.iter()
        .zip(y)
        .map(|(&xi, &yi)| (yi - intercept - slope * xi).abs())
        .sum()
}

/// The smallest Σ|r| of a line through a data point, found for each point by sorting the
/// slopes to the others and taking their median weighted by |Δx| (an optimal LAD line passes
/// through a data point, and through that point it is the best line): O(n² log n), a slow
/// but simple exact reference.
fn best_line_through_each_point(x: &[f64], y: &[f64]) -> f64 {
    let mut best = f64::INFINITY;
    for p in 0..x.len() {
        let mut slopes: Vec<(f64, f64)> = (0..x.len())
            .filter(|&i| x[i] != x[p])
            .map(|i| ((y[i] - y[p]) / (x[i] - x[p]), (x[i] - x[p]).abs()))
            .collect();
        slopes.sort_by(|a, b| a.0.total_cmp(&b.0));
        let total: f64 = slopes.iter().map(|s| s.1).sum();
        let mut running = 0.0;
        for &(slope, weight) in &slopes {
            running += weight;
            if running * 2.0 >= total {
                best = best.min(sum_of_absolute(x, y, y[p] - slope * x[p], slope));
                break;
            }
        }
    }
    best
}

/// How far the fitted line is from the LAD linear program's optimality condition, relative
/// to Σ|x| (0 when it holds). With Z the points within rounding of the line and s_i the sign
/// of every other residual, the line is optimal exactly when some u in [−1, 1]^Z has
/// Σ_Z u_i·(1, x_i) = −Σ_{i∉Z} s_i·(1, x_i) (a dual solution). For the first coordinate's
/// value c, the reachable Σ u_i·x_i is an interval: from u = −1 everywhere, raise the u of the
/// smallest (largest) x first until Σ u = c.
fn distance_from_optimality(x: &[f64], y: &[f64], fitted: &Fit) -> f64 {
    let largest = |values: &[f64]| values.iter().fold(0.0f64, |most, v| most.max(v.abs()));
    let tolerance = 1e-11
        * (largest(y) + fitted.intercept.abs() + fitted.slope.abs() * largest(x))
        * (1.0 + (x.len() as f64).log2());
    let (mut g0, mut g1, mut size) = (0.0, 0.0, 0.0);
    let mut on_line: Vec<f64> = Vec::new();
    for (&xi, &yi) in x.iter().zip(y) {
        let residual = yi - fitted.intercept - fitted.slope * xi;
        size += xi.abs();
        if residual.abs() <= tolerance {
            on_line.push(xi);
        } else {
            g0 += residual.signum();
            g1 += residual.signum() * xi;
        }
    }
    let k = on_line.len() as f64;
    if g0.abs() > k {
        return (g0.abs() - k) / x.len() as f64;
    }
    on_line.sort_by(f64::total_cmp);
    let reach = |order: &mut dyn Iterator<Item = &f64>| {
        let mut left = k - g0; // the raise that takes Σ u from −k to c = −g0
        let mut total = -on_line.iter().sum::<f64>();
        for &xi in order {
            let step = left.min(2.0);
            if step <= 0.0 {
                break;
            }
            total += step * xi;
            left -= step;
        }
        total
    };
    let (low, high) = (reach(&mut on_line.iter()), reach(&mut on_line.iter().rev()));
    let target = -g1;
    (low - target).max(target - high).max(0.0) / size.max(f64::MIN_POSITIVE)
}

/// Points of an awkward kind, made with a seed.
fn points(kind: &str, n: usize, seed: u64) -> (Vec<f64>, Vec<f64>) {
    let mut random = SeededRandom::new(seed);
    let mut unit = || ((random.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64;
    let mut x = Vec::with_capacity(n);
    let mut y = Vec::with_capacity(n);
    for i in 0..n {
        let (u, v, w) = (unit(), unit(), unit());
        let gauss = (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos();
        let laplace = if w < 0.5 { u.ln() } else { -u.ln() };
        let whole = |range: f64, value: f64| (value * range).floor();
        let (xi, yi) = match kind {
            "gauss" => (20.0 * w - 10.0, 2.0 + 0.5 * (20.0 * w - 10.0) + gauss),
            "laplace" => (20.0 * v - 10.0, 2.0 - 1.5 * (20.0 * v - 10.0) + laplace),
            // One point in ten far above the line.
            "outliers" => (
                10.0 * w,
                3.0 * w
                    + if u < 0.1 {
                        50.0 + 100.0 * v
                    } else {
                        0.1 * gauss
                    },
            ),
            // Cauchy noise and Gaussian x.
            "heavy" => (
                gauss,
                1.0 + 3.0 * gauss + (std::f64::consts::PI * (w - 0.5)).tan(),
            ),
            // Ten x and ten y values: most points tie with many others.
            "ties" => (whole(10.0, u), whole(10.0, v)),
            "two x" => (whole(2.0, u), whole(1000.0, v) + 5.0 * whole(2.0, u)),
            "grid" => {
                let side = (n as f64).sqrt().ceil() as usize;
                ((i % side) as f64, (i / side) as f64)
            }
            // Two thirds of the points exactly on y = 3x − 7.
            "collinear" => {
                let xi = whole(100_000.0, u);
                (
                    xi,
                    if v < 1.0 / 3.0 {
                        whole(1e6, w)
                    } else {
                        3.0 * xi - 7.0
                    },
                )
            }
            // Five points far to the right decide the slope.
            "leverage" if i < 5 => (1e6 + i as f64, 1e9 * u),
            "leverage" => (u, u + gauss),
            "huge" => (
                1e300 * (2.0 * w - 1.0),
                1e300 * (3.0 * (2.0 * w - 1.0) + laplace),
            ),
            "tiny" => (
                1e-300 * (2.0 * w - 1.0),
                1e-300 * (3.0 * (2.0 * w - 1.0) + laplace),
            ),
            _ => panic!("unknown kind {kind}"),
        };
        x.push(xi);
        y.push(yi);
    }
    (x, y)
}

const KINDS: [&str; 12] = [
    "gauss",
    "laplace",
    "outliers",
    "heavy",
    "ties",
    "two x",
    "grid",
    "collinear",
    "leverage",
    "huge",
    "tiny",
    "gauss",
];

#[test]
fn collinear_points_fit_exactly_with_infinite_likelihood() {
    for (x, y) in [
        (vec![0.0, 1.0, 2.0], vec![1.0, 3.0, 5.0]),
        (vec![0.0, 3.0], vec![0.0, 1.0]),
        (vec![-2.0, 5.0, 12.0], vec![7.0, 7.0, 7.0]),
    ] {
        for loss in [Loss::Squared, Loss::Absolute] {
            let fitted = fit(&x, &y, loss);
            assert!(fitted.residuals.iter().all(|&r| r == 0.0), "{x:?} {loss:?}");
            assert_eq!(fitted.objective, 0.0);
            assert_eq!(fitted.log_likelihood, f64::INFINITY);
        }
    }
    let constant = fit_line(&[], &[4.0, 4.0, 4.0], Loss::Absolute, Model::Constant).unwrap();
    assert_eq!(constant.log_likelihood, f64::INFINITY);
}

#[test]
fn likelihoods_follow_their_formulas() {
    let (x, y) = ([0.0, 1.0, 2.0, 3.0, 4.0], [0.1, 1.9, 4.2, 5.8, 8.3]);
    let n = 5.0;
    let squared = fit(&x, &y, Loss::Squared);
    let expected = -n / 2.0 * ((2.0 * std::f64::consts::PI * squared.objective / n).ln() + 1.0);
    assert!(close(squared.log_likelihood, expected, 1e-12));
    let absolute = fit(&x, &y, Loss::Absolute);
    let expected = -n * (2.0 * absolute.objective / n).ln() - n;
    assert!(close(absolute.log_likelihood, expected, 1e-12));
    assert!(fit(&x, &y, Loss::Huber { delta: 1.0 })
        .log_likelihood
        .is_nan());
}

#[test]
fn errors_name_what_is_wrong() {
    let message = |x: &[f64], y: &[f64], loss: Loss, model: Model| {
        fit_line(x, y, loss, model).unwrap_err().to_string()
    };
    assert!(message(&[1.0, 2.0], &[1.0], Loss::Squared, Model::Line)
        .starts_with("y has 1 values and x 2"));
    assert!(message(&[1.0], &[1.0], Loss::Squared, Model::Line).contains("a line needs at least 2"));
    assert!(
        message(&[], &[], Loss::Squared, Model::Constant).contains("a constant needs at least 1")
    );
    assert!(
        message(&[1.0, f64::NAN], &[1.0, 2.0], Loss::Squared, Model::Line)
            .starts_with("x[1] is NaN")
    );
    assert!(message(
        &[1.0, 2.0],
        &[f64::INFINITY, 2.0],
        Loss::Squared,
        Model::Line
    )
    .starts_with("y[0] is Infinity"));
    assert!(message(
        &[3.0, 3.0, 3.0],
        &[1.0, 2.0, 3.0],
        Loss::Absolute,
        Model::Line
    )
    .starts_with("every x is 3"));
    for delta in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        assert!(
            message(&[1.0, 2.0], &[1.0, 2.0], Loss::Huber { delta }, Model::Line)
                .starts_with("delta must be")
        );
    }
    // The constant model takes an empty x, or one as long as y.
    assert!(fit_line(&[], &[1.0, 5.0, 2.0], Loss::Absolute, Model::Constant).is_ok());
    assert_eq!(
        fit_line(&[], &[1.0, 5.0, 2.0], Loss::Absolute, Model::Constant)
            .unwrap()
            .intercept,
        2.0
    );
    assert_eq!(
        fit_line(
            &[0.0; 4],
            &[1.0, 2.0, 3.0, 10.0],
            Loss::Squared,
            Model::Constant
        )
        .unwrap()
        .intercept,
        4.0
    );
}

proptest! {
    #[test]
    fn squared_matches_the_normal_equations_in_exact_rationals(
        points in prop::collection::vec((-1000i64..1000, -1000i64..1000), 2..40),
    ) {
        let (xs, ys): (Vec<i64>, Vec<i64>) = points.iter().copied().unzip();
        prop_assume!(xs.iter().any(|&x| x != xs[0]));
        let x: Vec<f64> = xs.iter().map(|&v| v as f64).collect();
        let y: Vec<f64> = ys.iter().map(|&v| v as f64).collect();
        let fitted = fit(&x, &y, Loss::Squared);
        let (intercept, slope) = rational_least_squares(&xs, &ys);
        prop_assert!(close(fitted.slope, slope, 1e-9), "{} vs {}", fitted.slope, slope);
        prop_assert!(close(fitted.intercept, intercept, 1e-9), "{} vs {}", fitted.intercept, intercept);
    }

    #[test]
    fn absolute_reaches_the_best_line_through_two_points(
        points in prop::collection::vec((-50i32..50, -50i32..50), 2..61),
    ) {
        let x: Vec<f64> = points.iter().map(|p| f64::from(p.0)).collect();
        let y: Vec<f64> = points.iter().map(|p| f64::from(p.1)).collect();
        prop_assume!(x.iter().any(|&v| v != x[0]));
        let fitted = fit(&x, &y, Loss::Absolute);
        let mut best = f64::INFINITY;
        for i in 0..x.len() {
            for j in 0..x.len() {
                if x[i] == x[j] {
                    continue;
                }
                let slope = (y[j] - y[i]) / (x[j] - x[i]);
                let intercept = y[i] - slope * x[i];
                let sad: f64 = x.iter().zip(&y).map(|(&a, &b)| (b - intercept - slope * a).abs()).sum();
                best = best.min(sad);
            }
        }
        prop_assert!(fitted.objective <= best * (1.0 + 1e-9) + 1e-9, "{} vs {}", fitted.objective, best);
    }

    #[test]
    fn huber_is_a_minimum(
        points in prop::collection::vec((-20.0f64..20.0, -20.0f64..20.0), 3..30),
        delta in 0.1f64..5.0,
    ) {
        let x: Vec<f64> = points.iter().map(|p| p.0).collect();
        let y: Vec<f64> = points.iter().map(|p| p.1).collect();
        let fitted = fit(&x, &y, Loss::Huber { delta });
        let objective = |a: f64, b: f64| -> f64 { x.iter().zip(&y).map(|(&xi, &yi)| huber_loss(yi - a - b * xi, delta)).sum() };
        // No point of a fine grid around the answer is lower.
        for da in -4..=4 {
            for db in -4..=4 {
                let (a, b) = (fitted.intercept + f64::from(da) * 1e-3, fitted.slope + f64::from(db) * 1e-4);
                prop_assert!(objective(a, b) >= fitted.objective * (1.0 - 1e-9) - 1e-9);
            }
        }
        // The gradient is about zero.
        let psi = |r: f64| r.clamp(-delta, delta);
        let (ga, gb) = x.iter().zip(&y).fold((0.0, 0.0), |(ga, gb), (&xi, &yi)| {
            let r = psi(yi - fitted.intercept - fitted.slope * xi);
            (ga + r, gb + r * xi)
        });
        let scale: f64 = 1.0 + x.iter().map(|v| v.abs()).sum::<f64>() * delta;
        prop_assert!(ga.abs() <= 1e-6 * scale && gb.abs() <= 1e-6 * scale, "gradient {ga} {gb}");
    }
}

#[test]
fn absolute_meets_the_linear_programs_optimality_condition_at_every_size_and_kind() {
    for n in [2, 3, 10, 999, 1_000, 1_001, 2_500, 20_000, 200_000] {
        for (seed, kind) in KINDS.iter().enumerate() {
            let (x, y) = points(kind, n, seed as u64 + n as u64);
            if x.iter().all(|&v| v == x[0]) {
                continue;
            }
            let fitted = fit(&x, &y, Loss::Absolute);
            let distance = distance_from_optimality(&x, &y, &fitted);
            assert!(distance <= 1e-9, "{kind}, n = {n}: {distance:e}");
            assert!(fitted.objective.is_finite(), "{kind}, n = {n}");
        }
    }
}

#[test]
fn absolute_is_the_best_line_through_a_point_on_the_sampled_path_too() {
    // Above 1,000 points the kernel solves a reduced problem built from a sample's line.
    for n in [1_001, 1_500] {
        for (seed, kind) in [
            "laplace",
            "outliers",
            "ties",
            "two x",
            "collinear",
            "leverage",
        ]
        .iter()
        .enumerate()
        {
            let (x, y) = points(kind, n, 7 + seed as u64);
            let fitted = fit(&x, &y, Loss::Absolute);
            let best = best_line_through_each_point(&x, &y);
            assert!(
                fitted.objective <= best * (1.0 + 1e-12),
                "{kind}, n = {n}: {} vs {best}",
                fitted.objective
            );
        }
    }
}

#[test]
fn absolute_scales_with_powers_of_two_and_survives_huge_values() {
    let (x, y) = points("laplace", 5_000, 3);
    let plain = fit(&x, &y, Loss::Absolute);
    // (The slope scales by 2^(y_power − x_power), which must stay within f64.)
    for (x_power, y_power) in [(1000, 1000), (-1000, -1000), (-500, 400), (500, -400)] {
        let x_scale = 2f64.powi(x_power / 2) * 2f64.powi(x_power - x_power / 2);
        let y_scale = 2f64.powi(y_power / 2) * 2f64.powi(y_power - y_power / 2);
        let scaled_x: Vec<f64> = x.iter().map(|v| v * x_scale).collect();
        let scaled_y: Vec<f64> = y.iter().map(|v| v * y_scale).collect();
        let scaled = fit(&scaled_x, &scaled_y, Loss::Absolute);
        // Σ|r| scales with y; the lines are the same once scaled back (or as good).
        let objective = sum_of_absolute(
            &x,
            &y,
            scaled.intercept / y_scale,
            scaled.slope * x_scale / y_scale,
        );
        assert!(
            close(objective, plain.objective, 1e-12),
            "2^{x_power}, 2^{y_power}: {objective} vs {}",
            plain.objective
        );
    }
}

#[test]
fn the_constant_models_median_is_a_middle_value_or_the_mean_of_the_two() {
    let median = |y: &[f64]| {
        fit_line(&[], y, Loss::Absolute, Model::Constant)
            .unwrap()
            .intercept
    };
    assert_eq!(median(&[1.0, 5.0, 2.0, 10.0]), 3.5);
    assert_eq!(median(&[7.0]), 7.0);
    assert_eq!(median(&[1e308, 1.5e308]), 1.25e308);
    let (_, y) = points("heavy", 100_001, 5);
    let mut sorted = y.clone();
    sorted.sort_by(f64::total_cmp);
    assert_eq!(median(&y), sorted[50_000]);
    let mut even = y[1..].to_vec();
    even.sort_by(f64::total_cmp);
    assert_eq!(median(&y[1..]), (even[49_999] + even[50_000]) / 2.0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn absolute_is_optimal_for_thousands_of_random_points(
        n in 1_000usize..5_000,
        kind in prop::sample::select(&KINDS[..]),
        seed in any::<u64>(),
    ) {
        let (x, y) = points(kind, n, seed);
        let fitted = fit(&x, &y, Loss::Absolute);
        let distance = distance_from_optimality(&x, &y, &fitted);
        prop_assert!(distance <= 1e-9, "{kind}, n = {n}: {distance:e}");
    }

    #[test]
    fn absolute_is_the_best_line_through_a_point_for_hundreds(
        points in prop::collection::vec((-1e3f64..1e3, -1e3f64..1e3), 2..300),
        whole in any::<bool>(),
    ) {
        let round = |v: f64| if whole { (v / 50.0).round() } else { v };
        let x: Vec<f64> = points.iter().map(|p| round(p.0)).collect();
        let y: Vec<f64> = points.iter().map(|p| round(p.1)).collect();
        prop_assume!(x.iter().any(|&v| v != x[0]));
        let fitted = fit(&x, &y, Loss::Absolute);
        let best = best_line_through_each_point(&x, &y);
        // Rounding: the intercept of a steep line is y − slope·x, off by about an ulp of slope·x.
        let rounding: f64 = 1e-13 * x.iter().zip(&y).map(|(&a, &b)| b.abs() + (fitted.slope * a).abs()).sum::<f64>();
        prop_assert!(fitted.objective <= best * (1.0 + 1e-12) + rounding, "{} vs {best}", fitted.objective);
        prop_assert!(distance_from_optimality(&x, &y, &fitted) <= 1e-9);
    }
}

#[test]
fn squared_and_absolute_match_statsmodels() {
    let fixture = include_str!("fixtures/statsmodels_fit.txt");
    let numbers =
        |text: &str| -> Vec<f64> { text.split(',').map(|word| word.parse().unwrap()).collect() };
    let mut cases = 0;
    for line in fixture.lines().filter(|line| !line.starts_with('#')) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let [x, y, "|", intercept, slope, llf, "|", lad] = words[..] else {
            panic!("bad fixture line: {line}");
        };
        let (x, y) = (numbers(x), numbers(y));
        let value = |word: &str| -> f64 { word.parse().unwrap() };
        let squared = fit(&x, &y, Loss::Squared);
        assert!(close(squared.intercept, value(intercept), 1e-9), "{line}");
        assert!(close(squared.slope, value(slope), 1e-9), "{line}");
        assert!(
            close(squared.log_likelihood, value(llf), 1e-9),
            "{} vs {llf}",
            squared.log_likelihood
        );
        // Ours is an exact LAD line; statsmodels' QuantReg iterates towards one.
        let absolute = fit(&x, &y, Loss::Absolute);
        assert!(
            absolute.objective <= value(lad) * (1.0 + 1e-9),
            "{} vs {lad}",
            absolute.objective
        );
        cases += 1;
    }
    assert_eq!(cases, 60);
}

#[test]
fn absolute_survives_slopes_beyond_f64() {
    // The slope between the first two points overflows to infinity.
    let x = [0.0, 1e-320, 1.0, 2.0, 3.0];
    let y = [0.0, 1.0, 0.0, 1.0, 2.0];
    let fitted = fit(&x, &y, Loss::Absolute);
    assert!(fitted.objective.is_finite(), "{fitted:?}");
    assert!(fitted.objective <= best_line_through_each_point(&x, &y) * (1.0 + 1e-12));
}
