//! The least-squares generator and experiment: the same seed gives the same points (and the
//! same text, pinned here so another platform's maths library cannot drift it); the noise has
//! the moments it claims; and with fixed seeds the experiment's verdicts hold: under Gaussian
//! noise the squared loss's slopes spread least, under Laplace noise the absolute loss's, and
//! with outliers (or Student-t tails) the absolute and Huber losses both beat the squared.

use stepwise::algo::least_squares::{
    points_text, run_experiment, Generator, Noise, Spacing, MAX_ANIMATED_POINTS, MAX_SAMPLES,
    OUTLIER_SHARE, OUTLIER_SHIFT,
};

fn generator(noise: Noise) -> Generator {
    Generator {
        noise,
        ..Generator::default()
    }
}

/// Pure noise: a flat line at 0, so y is the noise (rounded to 0.001).
fn noise_only(noise: Noise, scale: f64, n: usize, seed: u64) -> Vec<f64> {
    Generator {
        intercept: 0.0,
        slope: 0.0,
        noise,
        scale,
        spacing: Spacing::Even,
    }
    .points(n, seed)
    .y
}

fn mean_and_variance(values: &[f64]) -> (f64, f64) {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (mean, variance)
}

#[test]
fn the_same_seed_gives_the_same_points() {
    for noise in Noise::ALL {
        for spacing in [Spacing::Even, Spacing::Random] {
            let made = Generator {
                spacing,
                ..generator(noise)
            };
            assert_eq!(made.points(50, 9), made.points(50, 9), "{noise:?}");
            assert_ne!(made.points(50, 9), made.points(50, 10), "{noise:?}");
        }
    }
}

#[test]
fn the_points_are_pinned_across_platforms() {
    // Written once and kept: a change of these bits is a change of every link's data.
    let text = points_text(&generator(Noise::Gaussian).points(5, 1));
    assert_eq!(text, "0 1.429\n2.5 3.836\n5 3.956\n7.5 4.696\n10 5.673\n");
    let text = points_text(
        &Generator {
            spacing: Spacing::Random,
            ..generator(Noise::Laplace)
        }
        .points(3, 7),
    );
    assert_eq!(text, "3.898 3.077\n0.168 1.013\n9.008 5.012\n");
}

#[test]
fn points_lie_on_the_true_line_in_0_to_10_at_three_decimals() {
    for spacing in [Spacing::Even, Spacing::Random] {
        let points = Generator {
            spacing,
            ..generator(Noise::Gaussian)
        }
        .points(200, 3);
        assert_eq!(points.len(), 200);
        for (&x, &y) in points.x.iter().zip(&points.y) {
            assert!((0.0..=10.0).contains(&x), "{x}");
            assert_eq!((x * 1000.0).round() / 1000.0, x);
            assert_eq!((y * 1000.0).round() / 1000.0, y);
            assert!(
                (y - (1.0 + 0.5 * x)).abs() < 6.0,
                "({x}, {y}) is 6σ off the line"
            );
        }
        if spacing == Spacing::Even {
            assert_eq!((points.x[0], points.x[199]), (0.0, 10.0));
        }
    }
    // Two random x never coincide (a line through them needs two).
    for seed in 0..2000 {
        let points = Generator {
            spacing: Spacing::Random,
            ..Generator::default()
        }
        .points(2, seed);
        assert_ne!(points.x[0], points.x[1], "seed {seed}");
    }
}

#[test]
fn gaussian_and_laplace_noise_have_mean_0_and_variance_scale_squared() {
    let n = 200_000;
    for noise in [Noise::Gaussian, Noise::Laplace] {
        for scale in [1.0, 2.5] {
            let (mean, variance) = mean_and_variance(&noise_only(noise, scale, n, 11));
            // Standard errors: σ/√n for the mean; for the variance σ²·√((κ − 1)/n), κ = 3
            // (Gaussian) or 6 (Laplace). Allow 4 of them.
            let kurtosis = if noise == Noise::Gaussian { 3.0 } else { 6.0 };
            let mean_error = scale / (n as f64).sqrt();
            let variance_error = scale * scale * ((kurtosis - 1.0) / n as f64).sqrt();
            assert!(
                mean.abs() < 4.0 * mean_error,
                "{noise:?} {scale}: mean {mean}"
            );
            assert!(
                (variance - scale * scale).abs() < 4.0 * variance_error,
                "{noise:?} {scale}: variance {variance}"
            );
        }
    }
}

#[test]
fn laplace_noise_is_laplace_and_student_t_has_heavy_tails() {
    let n = 200_000;
    // Laplace with b = 1/√2: E|e| = b, and P(|e| > 3σ) = exp(−3√2) ≈ 0.0144 (Gaussian 0.0027).
    let laplace = noise_only(Noise::Laplace, 1.0, n, 5);
    let mean_size = laplace.iter().map(|e| e.abs()).sum::<f64>() / n as f64;
    assert!(
        (mean_size - std::f64::consts::FRAC_1_SQRT_2).abs() < 0.005,
        "{mean_size}"
    );
    let beyond = |values: &[f64], limit: f64| {
        values.iter().filter(|e| e.abs() > limit).count() as f64 / values.len() as f64
    };
    assert!((beyond(&laplace, 3.0) - (-3.0 * 2f64.sqrt()).exp()).abs() < 0.001);
    let gaussian = noise_only(Noise::Gaussian, 1.0, n, 5);
    assert!((beyond(&gaussian, 3.0) - 0.0027).abs() < 0.0006);
    // t₃ scaled to variance 1: P(|e| > 3) = P(|t₃| > 3√3) ≈ 0.0138; median |e| ≈ 0.442.
    let student = noise_only(Noise::StudentT, 1.0, n, 5);
    assert!(
        (beyond(&student, 3.0) - 0.0138).abs() < 0.0015,
        "{}",
        beyond(&student, 3.0)
    );
    let mut sizes: Vec<f64> = student.iter().map(|e| e.abs()).collect();
    sizes.sort_by(f64::total_cmp);
    assert!((sizes[n / 2] - 0.442).abs() < 0.01, "{}", sizes[n / 2]);
}

#[test]
fn outliers_are_a_tenth_of_the_points_8_scales_up() {
    let n = 100_000;
    let noise = noise_only(Noise::Outliers, 1.0, n, 21);
    let share = noise.iter().filter(|&&e| e > 4.0).count() as f64 / n as f64;
    // P(outlier) · P(N(8, 1) > 4) + P(N(0, 1) > 4) ≈ 0.1.
    assert!((share - OUTLIER_SHARE).abs() < 0.005, "{share}");
    let (mean, _) = mean_and_variance(&noise);
    assert!(
        (mean - OUTLIER_SHARE * OUTLIER_SHIFT).abs() < 0.03,
        "{mean}"
    );
}

#[test]
fn gaussian_noise_the_squared_loss_spreads_least() {
    for seed in [1, 2, 3] {
        let found = run_experiment(&generator(Noise::Gaussian), 100, 200, seed).unwrap();
        assert_eq!(
            found.spreads[found.ranking[0]].name, "squared",
            "seed {seed}"
        );
        assert!(
            found
                .verdict
                .starts_with("Gaussian noise: the squared loss's slopes spread least (sd "),
            "{}",
            found.verdict
        );
        assert!(found
            .verdict
            .contains("MSE is what you minimise when you assume Gaussian noise."));
        // Unbiased: every mean within 4 standard errors of the true slope.
        for spread in &found.spreads {
            let error = spread.sd / (found.samples as f64).sqrt();
            assert!((spread.mean - 0.5).abs() < 4.0 * error, "{spread:?}");
            assert_eq!(spread.slopes.len(), 200);
        }
    }
}

#[test]
fn laplace_noise_the_absolute_loss_spreads_least() {
    for seed in [1, 2, 3] {
        let found = run_experiment(&generator(Noise::Laplace), 100, 200, seed).unwrap();
        assert_eq!(
            found.spreads[found.ranking[0]].name, "absolute",
            "seed {seed}"
        );
        assert_eq!(
            found.spreads[found.ranking[2]].name, "squared",
            "seed {seed}"
        );
        assert!(found
            .verdict
            .starts_with("Laplace noise: the absolute loss's slopes spread least"));
    }
}

#[test]
fn outliers_and_heavy_tails_absolute_and_huber_beat_squared() {
    for noise in [Noise::Outliers, Noise::StudentT] {
        for seed in [1, 2, 3] {
            let found = run_experiment(&generator(noise), 30, 200, seed).unwrap();
            let sd = |name| found.spread(name).unwrap().sd;
            assert!(sd("absolute") < sd("squared"), "{noise:?} seed {seed}");
            assert!(sd("huber") < sd("squared"), "{noise:?} seed {seed}");
            assert!(
                found
                    .verdict
                    .contains("The absolute and Huber losses both beat the squared loss"),
                "{}",
                found.verdict
            );
        }
    }
    // With outliers the squared loss's spread is far wider, not just a little.
    let found = run_experiment(&generator(Noise::Outliers), 30, 200, 4).unwrap();
    let sd = |name| found.spread(name).unwrap().sd;
    assert!(sd("squared") > 1.5 * sd("absolute").max(sd("huber")));
}

#[test]
fn the_first_data_set_is_the_generated_points_and_runs_are_reproducible() {
    let made = generator(Noise::Laplace);
    let found = run_experiment(&made, 12, 5, 40).unwrap();
    let first = made.points(12, 40);
    let fitted = stepwise::algo::least_squares::fit_line(
        &first.x,
        &first.y,
        stepwise::algo::least_squares::Loss::Squared,
        stepwise::algo::least_squares::Model::Line,
    )
    .unwrap();
    assert_eq!(found.spreads[0].slopes[0], fitted.slope);
    assert_eq!(found, run_experiment(&made, 12, 5, 40).unwrap());
    assert_eq!(found.delta, 1.345);
}

#[test]
fn sizes_outside_the_limits_are_refused_by_name() {
    let made = Generator::default();
    let error = run_experiment(&made, 1, 200, 1).unwrap_err();
    assert_eq!(error.field(), Some("size"));
    let error = run_experiment(&made, MAX_ANIMATED_POINTS + 1, 200, 1).unwrap_err();
    assert_eq!(error.field(), Some("size"));
    let error = run_experiment(&made, 10, MAX_SAMPLES + 1, 1).unwrap_err();
    assert_eq!(error.field(), Some("samples"));
    assert!(
        error.message().contains("2 to 1,000 data sets"),
        "{error:?}"
    );
}
