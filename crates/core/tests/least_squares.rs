//! The line-fitting kernel against references: the normal equations in exact rationals on
//! small integer data and statsmodels' OLS and log-likelihood (squared); the best line through
//! every pair of points for n <= 60 (an optimal LAD line passes through two points) and
//! statsmodels' QuantReg (absolute); a fine search and the gradient (Huber); the likelihood
//! formulas, exact fits of collinear points, and the errors. The statsmodels fixture is written
//! by tests/fixtures/statsmodels_fit.py.

use proptest::prelude::*;
use stepwise::algo::least_squares::{fit_line, huber_loss, Fit, Loss, Model};

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
