//! The least-squares animation against the kernel: every descent ends at `fit_line`'s answer
//! (the parameters within 1e-9 for the squared and Huber losses, the objective within 1e-9
//! relative for the absolute loss, whose optimum may not be unique), each absolute-loss step
//! lowers Σ|r|, and bad options are refused with the option named.

use proptest::prelude::*;
use stepwise::algo::least_squares::{
    fit_line, objective, LeastSquares, Loss, Method, Model, Options, Params, Points,
};
use stepwise::algorithm::Run;
use stepwise::input::{OptionMap, OptionValue};
use stepwise::trace::Timeline;

/// The animation of `points` under `options`, run to its end: the final fit and the trail.
fn run_to_end(points: &Points, options: Options) -> (Params, Vec<f64>, bool) {
    let problem = stepwise::algo::least_squares::prepare(points.clone(), &options).unwrap();
    let mut timeline = Timeline::<LeastSquares>::new(problem, options).unwrap();
    let end = timeline.len();
    timeline.seek(end);
    let state = timeline.state();
    let objectives = state.trail.iter().map(|mark| mark.objective).collect();
    (state.current().params, objectives, state.finished)
}

fn options(method: Method, model: Model) -> Options {
    Options {
        method,
        model,
        delta: 1.0,
        rate: 0.5,
    }
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance * (1.0 + a.abs().max(b.abs()))
}

fn points_strategy() -> impl Strategy<Value = Points> {
    (2usize..40).prop_flat_map(|n| {
        (
            prop::collection::vec(-50i32..50, n),
            prop::collection::vec(-300i32..300, n),
            -3.0f64..3.0,
        )
            .prop_map(|(x, noise, slope)| {
                let x: Vec<f64> = x.iter().map(|&v| v as f64 / 4.0).collect();
                let y = x
                    .iter()
                    .zip(&noise)
                    .map(|(&x, &e)| 2.0 + slope * x + e as f64 / 40.0)
                    .collect();
                Points { x, y }
            })
            .prop_filter("two distinct x", |points| {
                points.x.iter().any(|&x| x != points.x[0])
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn descents_end_at_the_kernels_answer(points in points_strategy()) {
        for model in [Model::Line, Model::Constant] {
            for method in [Method::Squared, Method::Huber, Method::Absolute] {
                let options = options(method, model);
                let kernel = fit_line(&points.x, &points.y, options.loss(), model).unwrap();
                let (end, objectives, finished) = run_to_end(&points, options);
                prop_assert!(finished);
                let reached = objective(&points, end, options.loss());
                prop_assert!(
                    close(reached, kernel.objective, 1e-9),
                    "{method:?} {model:?}: objective {reached} vs the kernel's {}",
                    kernel.objective
                );
                // Huber's minimiser is unique when the points within δ of it pin it down
                // (one for a constant, two at different x for a line).
                let inside: Vec<f64> = kernel
                    .residuals
                    .iter()
                    .zip(&points.x)
                    .filter(|(r, _)| r.abs() < options.delta * (1.0 - 1e-6))
                    .map(|(_, &x)| x)
                    .collect();
                let unique = match (method, model) {
                    (Method::Squared, _) => true,
                    (Method::Huber, Model::Constant) => !inside.is_empty(),
                    (Method::Huber, Model::Line) => inside.iter().any(|&x| x != inside[0]),
                    (Method::Absolute, _) => false,
                };
                if unique {
                    prop_assert!(close(end.intercept, kernel.intercept, 1e-9), "{method:?} {model:?} intercept {} vs {}", end.intercept, kernel.intercept);
                    prop_assert!(close(end.slope, kernel.slope, 1e-9), "{method:?} {model:?} slope {} vs {}", end.slope, kernel.slope);
                }
                if method == Method::Absolute {
                    // The exact descent never goes uphill.
                    for pair in objectives.windows(2) {
                        prop_assert!(pair[1] <= pair[0] * (1.0 + 1e-12) + 1e-12);
                    }
                }
            }
        }
    }
}

#[test]
fn collinear_points_end_with_exact_zeros() {
    let points = Points {
        x: vec![0.0, 1.0, 2.0],
        y: vec![1.0, 3.0, 5.0],
    };
    for method in [Method::Squared, Method::Absolute] {
        let (end, _, _) = run_to_end(&points, options(method, Model::Line));
        assert_eq!((end.intercept, end.slope), (1.0, 2.0), "{method:?}");
        assert_eq!(objective(&points, end, Loss::Squared), 0.0);
    }
}

#[test]
fn bad_options_name_themselves() {
    for (key, value) in [
        ("delta", 0.0),
        ("delta", -1.0),
        ("delta", f64::NAN),
        ("rate", 2.5),
        ("rate", 0.0),
    ] {
        let mut map = OptionMap::new().with(key, OptionValue::Number(value));
        let error = LeastSquares::parse_options(&mut map).unwrap_err();
        assert_eq!(error.field(), Some(key), "{key} = {value}: {error}");
    }
    let mut map = OptionMap::new().with("model", OptionValue::Text("cubic".into()));
    assert!(LeastSquares::parse_options(&mut map).is_err());
}

#[test]
fn bad_points_are_refused_with_what_and_where() {
    let parse = |text: &str| {
        let options = LeastSquares::parse_options(&mut OptionMap::new()).unwrap();
        LeastSquares::parse(text, &options).unwrap_err().to_string()
    };
    assert!(
        parse("2 1\n2 3\n2 4").contains("every x is 2"),
        "{}",
        parse("2 1\n2 3\n2 4")
    );
    assert!(parse("1 2").contains("1 point"), "{}", parse("1 2"));
    assert!(
        parse("1 2\n3").contains("point 2 has an x"),
        "{}",
        parse("1 2\n3")
    );
    assert!(
        parse("1 2\n3 x").contains("is not a number"),
        "{}",
        parse("1 2\n3 x")
    );
}

#[test]
fn the_limits_paragraph_names_the_limits_the_code_enforces() {
    use stepwise::algo::least_squares::{
        MAX_ANIMATED_POINTS, MAX_DESCENT_STEPS, MAX_POINTS, MAX_RATE,
    };
    use stepwise::format::{format_number, group_digits};
    let limits = LeastSquares::INFO.page.limits;
    for figure in [
        group_digits(MAX_ANIMATED_POINTS),
        group_digits(MAX_DESCENT_STEPS),
        group_digits(MAX_POINTS),
        format_number(MAX_RATE),
    ] {
        assert!(
            limits.contains(&figure),
            "the limits text does not say {figure}: {limits}"
        );
    }
}

#[test]
fn a_slow_huber_descent_lands_on_the_minimum() {
    // Two points within δ at the minimum, one just outside: the descent creeps and stops at
    // the step cap with the objective converged; it lands on fitLine's answer.
    let points = Points {
        x: vec![7.75, -7.25, -5.5, 5.25],
        y: vec![-3.475, 2.0, -3.8, -4.025],
    };
    let options = options(Method::Huber, Model::Line);
    let kernel = fit_line(&points.x, &points.y, options.loss(), Model::Line).unwrap();
    let (end, _, finished) = run_to_end(&points, options);
    assert!(finished);
    assert_eq!((end.intercept, end.slope), (kernel.intercept, kernel.slope));
}
