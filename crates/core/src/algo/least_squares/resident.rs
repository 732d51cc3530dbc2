//! Least squares' input kept in memory (see [`crate::resident`]): points from the generator
//! (a true line plus Gaussian, Laplace, Student-t or outlier noise) or from a file's bytes.
//! For generated points the facts are the experiment: many data sets from the same generator,
//! each fitted under the three losses, and which loss's slopes spread least.

use std::any::Any;

use super::{
    parse_points, points_text, prepare, run_experiment, Experiment, Generator, LeastSquares, Noise,
    Points, Spacing, DEFAULT_SAMPLES, MAX_ANIMATED_POINTS, MAX_SAMPLES,
};
use crate::algorithm::Run;
use crate::format::{format_number, group_digits};
use crate::input::{ErrorKind, InputError, OptionMap, MAX_TEXT_BYTES};
use crate::resident::{ResidentData, ResidentEntry};
use crate::trace::{Animation, Timeline};
use crate::value::{Describe, Value};

/// What least squares offers for input kept in memory.
pub const RESIDENT: ResidentEntry = ResidentEntry {
    limits: &[
        ("animatedPoints", MAX_ANIMATED_POINTS),
        ("experimentSamples", MAX_SAMPLES),
        ("pointsFileBytes", MAX_TEXT_BYTES),
    ],
    generate,
    read,
    length: |data| held(data).map_or(0, |held| held.points.len()),
    text,
    facts,
    animate,
};

/// The generator options `generate` takes.
const GENERATOR_OPTIONS: [&str; 6] = ["noise", "scale", "intercept", "slope", "x", "samples"];

/// The noise's scale: from this …
const MIN_SCALE: f64 = 0.01;
/// … to this (points are kept to three decimals, so a smaller scale would be mostly rounding).
const MAX_SCALE: f64 = 1000.0;
/// The true line's intercept and slope lie within ± this.
const MAX_COEFFICIENT: f64 = 1000.0;

/// Points in memory, and how they were generated (none for a file's).
struct Held {
    points: Points,
    generated: Option<Generated>,
}

/// A generator's settings: enough to run its experiment.
struct Generated {
    generator: Generator,
    seed: u64,
    samples: usize,
}

/// The points behind a handle this module made.
fn held(data: &dyn Any) -> Option<&Held> {
    data.downcast_ref::<Held>()
}

/// An option's value it does not take, about that option.
fn bad_option(key: &str, message: String) -> InputError {
    InputError::new(message)
        .of_kind(ErrorKind::BadOption)
        .in_field(key)
}

/// Number option `key` (default `default`) within `low..=high`, or an error naming it.
fn number_within(
    options: &mut OptionMap,
    key: &str,
    default: f64,
    (low, high): (f64, f64),
) -> Result<f64, InputError> {
    let value = options.take_number(key)?.unwrap_or(default);
    if (low..=high).contains(&value) {
        Ok(value)
    } else {
        Err(bad_option(
            key,
            format!(
                "option '{key}' must be from {} to {}, not {}",
                format_number(low),
                format_number(high),
                format_number(value)
            ),
        ))
    }
}

/// `size` points (2 to [`MAX_ANIMATED_POINTS`]) from the line y = `intercept` + `slope`·x
/// (defaults 1 and 0.5; within ±1,000) plus `noise` (`gaussian`, `laplace`, `student-t`,
/// `outliers`) of `scale` (σ; 0.01 to 1,000, default 1), x `even` or `random` in 0..10; the
/// same seed gives the same points. `samples` (2 to [`MAX_SAMPLES`], default 200) is how many
/// data sets the experiment in [`facts`] draws.
fn generate(size: usize, seed: u64, options: &mut OptionMap) -> Result<ResidentData, InputError> {
    let names = Noise::ALL.map(Noise::name);
    let noise = Noise::from_name(options.take_choice("noise", &names)?).unwrap_or(Noise::Gaussian);
    let scale = number_within(options, "scale", 1.0, (MIN_SCALE, MAX_SCALE))?;
    let coefficients = (-MAX_COEFFICIENT, MAX_COEFFICIENT);
    let intercept = number_within(options, "intercept", 1.0, coefficients)?;
    let slope = number_within(options, "slope", 0.5, coefficients)?;
    let spacing = match options.take_choice("x", &["even", "random"])? {
        "random" => Spacing::Random,
        _ => Spacing::Even,
    };
    let samples = number_within(
        options,
        "samples",
        DEFAULT_SAMPLES as f64,
        (2.0, MAX_SAMPLES as f64),
    )?;
    if samples.fract() != 0.0 {
        return Err(bad_option(
            "samples",
            format!(
                "option 'samples' must be a whole number of data sets, not {}",
                format_number(samples)
            ),
        ));
    }
    std::mem::take(options).finish(&GENERATOR_OPTIONS)?;
    let generator = Generator {
        intercept,
        slope,
        noise,
        scale,
        spacing,
    };
    let size = size.clamp(2, MAX_ANIMATED_POINTS);
    Ok(Box::new(Held {
        points: generator.points(size, seed),
        generated: Some(Generated {
            generator,
            seed,
            samples: samples as usize,
        }),
    }))
}

/// Points from the bytes of a file (UTF-8 text as the text box takes it: `x y` pairs, at most
/// [`MAX_TEXT_BYTES`]). Errors name the point or the byte.
fn read(bytes: &[u8], options: &mut OptionMap) -> Result<ResidentData, InputError> {
    std::mem::take(options).finish(&[])?;
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(InputError::limit(format!(
            "the file has {} bytes; points are read from at most {}",
            group_digits(bytes.len()),
            group_digits(MAX_TEXT_BYTES)
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|error| {
        InputError::new(format!(
            "the file is not UTF-8 text (byte {} is not)",
            group_digits(error.valid_up_to())
        ))
    })?;
    Ok(Box::new(Held {
        points: parse_points(text)?,
        generated: None,
    }))
}

/// The points as the text box holds them (`x y` per line, three decimals for generated ones).
fn text(data: &dyn Any) -> String {
    held(data).map_or_else(String::new, |held| points_text(&held.points))
}

/// For a file's points `{ length }`. For generated points, the generator and its experiment:
/// `{ length, noise, scale, trueIntercept, trueSlope, x, seed, samples, delta, losses: [{ loss,
/// slopes, mean, sd, rank }] (squared, absolute, huber), ranking: [loss, …] (smallest sd
/// first), verdict }`. The experiment runs here, when asked (200 data sets of 500 points take
/// a tenth of a second natively).
fn facts(data: &dyn Any) -> Value {
    let Some(held) = held(data) else {
        return Value::Null;
    };
    let length = ("length", held.points.len().describe());
    let Some(generated) = &held.generated else {
        return Value::record([length]);
    };
    let generator = generated.generator;
    let mut fields = vec![
        length,
        ("noise", generator.noise.name().describe()),
        ("scale", generator.scale.describe()),
        ("trueIntercept", generator.intercept.describe()),
        ("trueSlope", generator.slope.describe()),
        ("x", generator.spacing.name().describe()),
        ("seed", generated.seed.describe()),
        ("samples", generated.samples.describe()),
    ];
    match run_experiment(
        &generator,
        held.points.len(),
        generated.samples,
        generated.seed,
    ) {
        Ok(experiment) => fields.extend(experiment_fields(&experiment)),
        Err(error) => fields.push(("error", error.message().describe())),
    }
    Value::Record(fields)
}

/// The experiment's part of the facts.
fn experiment_fields(experiment: &Experiment) -> [(&'static str, Value); 4] {
    let rank_of = |index: usize| {
        experiment
            .ranking
            .iter()
            .position(|&ranked| ranked == index)
            .map_or(0, |place| place + 1)
    };
    let losses = experiment
        .spreads
        .iter()
        .enumerate()
        .map(|(index, spread)| {
            Value::record([
                ("loss", spread.name.describe()),
                ("slopes", spread.slopes.describe()),
                ("mean", spread.mean.describe()),
                ("sd", spread.sd.describe()),
                ("rank", rank_of(index).describe()),
            ])
        })
        .collect();
    let ranking = experiment
        .ranking
        .iter()
        .map(|&index| experiment.spreads[index].name.describe())
        .collect();
    [
        ("delta", experiment.delta.describe()),
        ("losses", Value::List(losses)),
        ("ranking", Value::List(ranking)),
        ("verdict", experiment.verdict.describe()),
    ]
}

/// The fit of the points with `options` as for the text input; they are copied, so the
/// handle may be freed afterwards.
fn animate(data: &dyn Any, options: &mut OptionMap) -> Result<Box<dyn Animation>, InputError> {
    let held = held(data)
        .ok_or_else(|| InputError::new("this resident input does not hold least-squares points"))?;
    let options = LeastSquares::parse_options(options)?;
    if held.points.len() > MAX_ANIMATED_POINTS {
        return Err(InputError::limit(format!(
            "{} points: the animation fits at most {}",
            group_digits(held.points.len()),
            group_digits(MAX_ANIMATED_POINTS)
        )));
    }
    let problem = prepare(held.points.clone(), &options)?;
    Ok(Box::new(Timeline::<LeastSquares>::new(problem, options)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::OptionValue;

    fn options(pairs: &[(&str, OptionValue)]) -> OptionMap {
        pairs.iter().fold(OptionMap::new(), |map, (key, value)| {
            map.with(key, value.clone())
        })
    }

    #[test]
    fn generated_points_are_the_generators_and_animate() {
        let mut given = options(&[("noise", OptionValue::Text("laplace".into()))]);
        let data = generate(20, 4, &mut given).unwrap();
        let expected = Generator {
            noise: Noise::Laplace,
            ..Generator::default()
        }
        .points(20, 4);
        assert_eq!(text(data.as_ref()), points_text(&expected));
        assert_eq!((RESIDENT.length)(data.as_ref()), 20);
        let animation = animate(data.as_ref(), &mut OptionMap::new()).unwrap();
        assert!(!animation.is_empty());
    }

    #[test]
    fn facts_are_the_experiment() {
        let mut given = options(&[
            ("noise", OptionValue::Text("outliers".into())),
            ("samples", OptionValue::Number(20.0)),
            ("scale", OptionValue::Text("2".into())),
        ]);
        let data = generate(30, 1, &mut given).unwrap();
        let facts = facts(data.as_ref());
        assert_eq!(facts.get("noise"), Some(&Value::Text("outliers".into())));
        assert_eq!(facts.get("trueSlope"), Some(&Value::Number(0.5)));
        assert_eq!(facts.get("delta"), Some(&Value::Number(1.345 * 2.0)));
        let Some(Value::List(losses)) = facts.get("losses") else {
            panic!("no losses in {facts:?}");
        };
        let names: Vec<_> = losses
            .iter()
            .map(|loss| loss.get("loss").cloned())
            .collect();
        assert_eq!(
            names,
            ["squared", "absolute", "huber"].map(|name| Some(Value::Text(name.into())))
        );
        let Some(Value::List(slopes)) = losses[0].get("slopes") else {
            panic!("no slopes");
        };
        assert_eq!(slopes.len(), 20);
        let Some(Value::Text(verdict)) = facts.get("verdict") else {
            panic!("no verdict");
        };
        assert!(
            verdict.starts_with("Gaussian noise with 10% outliers: "),
            "{verdict}"
        );
    }

    #[test]
    fn bad_generator_options_are_named() {
        for (key, value, expected) in [
            (
                "scale",
                OptionValue::Number(0.0),
                "option 'scale' must be from 0.01 to 1000, not 0",
            ),
            (
                "slope",
                OptionValue::Number(5000.0),
                "option 'slope' must be from -1000 to 1000",
            ),
            (
                "samples",
                OptionValue::Number(2.5),
                "option 'samples' must be a whole number",
            ),
            (
                "samples",
                OptionValue::Number(1001.0),
                "option 'samples' must be from 2 to 1000",
            ),
            ("noise", OptionValue::Text("cauchy".into()), "cauchy"),
            ("x", OptionValue::Text("log".into()), "log"),
        ] {
            let error = generate(10, 1, &mut options(&[(key, value)])).unwrap_err();
            assert_eq!(error.field(), Some(key), "{error:?}");
            assert!(error.message().contains(expected), "{}", error.message());
        }
        let error = generate(10, 1, &mut options(&[("sigma", OptionValue::Number(1.0))]));
        assert_eq!(error.unwrap_err().kind(), ErrorKind::UnknownOption);
    }

    #[test]
    fn files_are_read_and_checked() {
        let data = read(b"0 1\n1 2\n2 2.5\n", &mut OptionMap::new()).unwrap();
        assert_eq!((RESIDENT.length)(data.as_ref()), 3);
        assert_eq!(
            facts(data.as_ref()),
            Value::record([("length", 3usize.describe())])
        );
        assert!(animate(data.as_ref(), &mut OptionMap::new()).is_ok());
        let refused = read(&[0xff, 0xfe], &mut OptionMap::new()).unwrap_err();
        assert!(refused.message().contains("not UTF-8"), "{refused:?}");
        let refused = read(b"1 2\n3", &mut OptionMap::new()).unwrap_err();
        assert!(
            refused.message().starts_with("point 2 has an x"),
            "{refused:?}"
        );
        let many: String = (0..=MAX_ANIMATED_POINTS)
            .map(|i| format!("{i} 1\n"))
            .collect();
        let data = read(many.as_bytes(), &mut OptionMap::new()).unwrap();
        let refused = animate(data.as_ref(), &mut OptionMap::new()).err();
        assert_eq!(refused.map(|error| error.kind()), Some(ErrorKind::Limit));
    }
}
