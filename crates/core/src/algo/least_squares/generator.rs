//! Points from a known line plus noise, and the experiment that shows which loss that noise
//! calls for: many data sets from one generator, each fitted under the squared, absolute and
//! Huber losses, and the spread of each loss's slope estimates.
//!
//! The experiment is the point made with numbers. The maximum-likelihood estimate is
//! the efficient one, so the loss whose noise model matches the generator's noise spreads
//! least: the squared loss under Gaussian noise, the absolute loss under Laplace noise, and
//! the losses that grow only linearly far from the line (absolute, Huber) under heavy tails
//! and outliers.
//!
//! Determinism: the draws use only the seed's SplitMix64 bits and IEEE-exact arithmetic
//! (+, −, ×, ÷, √ and a logarithm written here from them), so the same seed gives the same
//! points, bit for bit, natively and in wasm. Points are rounded to three decimals, as the
//! text box shows them: the data in memory and its text are the same points.

use super::{fit_line, Loss, Model, Points, MAX_ANIMATED_POINTS};
use crate::format::{format_fixed, group_digits};
use crate::input::{InputError, SeededRandom};

/// The noise added to the true line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noise {
    /// Normal with σ = scale.
    Gaussian,
    /// Laplace (double exponential) with b = scale/√2: the same variance as the Gaussian.
    Laplace,
    /// Student's t with 3 degrees of freedom, scaled to variance scale² (heavy tails).
    StudentT,
    /// Gaussian with σ = scale, and each point with probability [`OUTLIER_SHARE`] shifted up
    /// by [`OUTLIER_SHIFT`]·scale (gross errors, all on one side).
    Outliers,
}

/// The chance that a point of [`Noise::Outliers`] is an outlier.
pub const OUTLIER_SHARE: f64 = 0.1;

/// How far up an outlier is moved, in units of the scale.
pub const OUTLIER_SHIFT: f64 = 8.0;

/// Huber's δ in the experiment, in units of the noise scale: 1.345σ gives 95% of least
/// squares' efficiency under Gaussian noise while bounding each point's pull. The experiment
/// uses the generator's known scale rather than estimating it, so the comparison is about the
/// losses alone.
pub const HUBER_DELTA_PER_SCALE: f64 = 1.345;

/// The most data sets the experiment draws.
pub const MAX_SAMPLES: usize = 1000;

/// The experiment's number of data sets unless told otherwise.
pub const DEFAULT_SAMPLES: usize = 200;

impl Noise {
    /// Every kind, in the order the options list them.
    pub const ALL: [Noise; 4] = [
        Noise::Gaussian,
        Noise::Laplace,
        Noise::StudentT,
        Noise::Outliers,
    ];

    /// The option's word for it: `gaussian`, `laplace`, `student-t`, `outliers`.
    pub fn name(self) -> &'static str {
        match self {
            Noise::Gaussian => "gaussian",
            Noise::Laplace => "laplace",
            Noise::StudentT => "student-t",
            Noise::Outliers => "outliers",
        }
    }

    /// The kind an option's word names.
    pub fn from_name(name: &str) -> Option<Noise> {
        Noise::ALL.into_iter().find(|noise| noise.name() == name)
    }

    /// How a sentence names it.
    fn label(self) -> &'static str {
        match self {
            Noise::Gaussian => "Gaussian noise",
            Noise::Laplace => "Laplace noise",
            Noise::StudentT => "Student-t noise (3 degrees of freedom)",
            Noise::Outliers => "Gaussian noise with 10% outliers",
        }
    }
}

/// Where the points' x lie in 0..10.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spacing {
    /// Evenly: 0, 10/(n−1), …, 10.
    Even,
    /// Uniformly at random (redrawn in the rare case that every x came out equal).
    Random,
}

impl Spacing {
    /// The option's word for it: `even`, `random`.
    pub fn name(self) -> &'static str {
        match self {
            Spacing::Even => "even",
            Spacing::Random => "random",
        }
    }
}

/// A true line y = intercept + slope·x and the noise added to it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Generator {
    /// The true intercept.
    pub intercept: f64,
    /// The true slope: what the experiment's fits estimate.
    pub slope: f64,
    /// The kind of noise.
    pub noise: Noise,
    /// The noise's standard deviation (of its Gaussian part, for outliers).
    pub scale: f64,
    /// Where the x lie.
    pub spacing: Spacing,
}

impl Default for Generator {
    /// y = 1 + 0.5x with Gaussian noise of σ = 1 at evenly spaced x.
    fn default() -> Self {
        Generator {
            intercept: 1.0,
            slope: 0.5,
            noise: Noise::Gaussian,
            scale: 1.0,
            spacing: Spacing::Even,
        }
    }
}

impl Generator {
    /// `n` points from `seed` (x in 0..10, both coordinates rounded to three decimals); the
    /// same seed gives the same points everywhere.
    pub fn points(&self, n: usize, seed: u64) -> Points {
        let mut draws = Draws::new(seed);
        let mut x: Vec<f64> = match self.spacing {
            Spacing::Even if n < 2 => vec![0.0; n],
            Spacing::Even => (0..n)
                .map(|index| 10.0 * index as f64 / (n - 1) as f64)
                .collect(),
            Spacing::Random => (0..n).map(|_| 10.0 * draws.uniform()).collect(),
        };
        x.iter_mut().for_each(|value| *value = thousandths(*value));
        // A line needs two distinct x; two random x rounded to 0.001 coincide one time in
        // 10,001, often enough to break a 200-sample experiment at n = 2.
        while self.spacing == Spacing::Random && n >= 2 && x.iter().all(|&value| value == x[0]) {
            x[n - 1] = thousandths(10.0 * draws.uniform());
        }
        let y = x
            .iter()
            .map(|&at| thousandths(self.intercept + self.slope * at + self.draw(&mut draws)))
            .collect();
        Points { x, y }
    }

    /// One draw of the noise.
    fn draw(&self, draws: &mut Draws) -> f64 {
        match self.noise {
            Noise::Gaussian => self.scale * draws.normal(),
            Noise::Laplace => {
                // Inverse CDF: u − ½ in (−½, ½) ↦ −b·sign·ln(1 − 2|u − ½|).
                let centred = draws.uniform() - 0.5;
                let size = -(self.scale / std::f64::consts::SQRT_2) * ln(1.0 - 2.0 * centred.abs());
                if centred < 0.0 {
                    -size
                } else {
                    size
                }
            }
            Noise::StudentT => {
                // t₃ = Z / √(χ²₃/3) has variance 3, so scale/√3 · t₃ = scale · Z / √χ²₃.
                let z = draws.normal();
                let chi_squared: f64 = (0..3).map(|_| draws.normal().powi(2)).sum();
                self.scale * z / chi_squared.sqrt()
            }
            Noise::Outliers => {
                let shift = if draws.uniform() < OUTLIER_SHARE {
                    OUTLIER_SHIFT * self.scale
                } else {
                    0.0
                };
                self.scale * draws.normal() + shift
            }
        }
    }
}

/// `value` rounded to three decimals (half away from zero).
fn thousandths(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

/// Uniform and normal draws from a seed's SplitMix64 bits.
struct Draws {
    random: SeededRandom,
    /// The polar method makes normals in pairs: the second waits here.
    spare: Option<f64>,
}

impl Draws {
    fn new(seed: u64) -> Self {
        Draws {
            random: SeededRandom::new(seed),
            spare: None,
        }
    }

    /// Uniform in the open interval (0, 1): 53 random bits, centred in their cell.
    fn uniform(&mut self) -> f64 {
        ((self.random.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }

    /// A standard normal by Marsaglia's polar form of Box–Muller: no sine or cosine, whose
    /// argument reduction would differ between platforms' maths libraries (and cost the wasm
    /// kilobytes).
    fn normal(&mut self) -> f64 {
        if let Some(spare) = self.spare.take() {
            return spare;
        }
        loop {
            let (u, v) = (2.0 * self.uniform() - 1.0, 2.0 * self.uniform() - 1.0);
            let radius = u * u + v * v;
            if radius > 0.0 && radius < 1.0 {
                let factor = (-2.0 * ln(radius) / radius).sqrt();
                self.spare = Some(v * factor);
                return u * factor;
            }
        }
    }
}

/// The natural logarithm of a positive, finite, normal `value` from IEEE-exact operations
/// only, so it gives the same bits on every platform (a maths library's `ln` may differ in
/// the last bit): value = m·2^e with m in [√½, √2), and ln m = 2·atanh(s), s = (m−1)/(m+1),
/// |s| < 0.172, by its series to s²¹ (relative error below 1e-15).
fn ln(value: f64) -> f64 {
    const MANTISSA_BITS: u64 = (1 << 52) - 1;
    let bits = value.to_bits();
    let mut exponent = ((bits >> 52) & 0x7ff) as i64 - 1023;
    let mut mantissa = f64::from_bits((bits & MANTISSA_BITS) | (1023 << 52));
    if mantissa > std::f64::consts::SQRT_2 {
        mantissa /= 2.0;
        exponent += 1;
    }
    let s = (mantissa - 1.0) / (mantissa + 1.0);
    let square = s * s;
    let mut series = 0.0;
    for power in (1..=21).rev().step_by(2) {
        series = series * square + 1.0 / power as f64;
    }
    2.0 * s * series + exponent as f64 * std::f64::consts::LN_2
}

/// One loss's slope estimates over the experiment's data sets.
#[derive(Debug, Clone, PartialEq)]
pub struct SlopeSpread {
    /// The loss (Huber's with the experiment's δ).
    pub loss: Loss,
    /// Its name: `squared`, `absolute` or `huber`.
    pub name: &'static str,
    /// The slope fitted to each data set, in the order drawn.
    pub slopes: Vec<f64>,
    /// Their mean.
    pub mean: f64,
    /// Their standard deviation (n − 1 in the denominator).
    pub sd: f64,
}

/// What the experiment found.
#[derive(Debug, Clone, PartialEq)]
pub struct Experiment {
    /// The generator the data sets came from.
    pub generator: Generator,
    /// Points per data set.
    pub points: usize,
    /// Data sets drawn.
    pub samples: usize,
    /// Huber's δ (1.345 × scale).
    pub delta: f64,
    /// Squared, absolute, Huber: in this order.
    pub spreads: [SlopeSpread; 3],
    /// The losses' indices into `spreads`, smallest sd first.
    pub ranking: [usize; 3],
    /// What the spreads say, in plain language.
    pub verdict: String,
}

impl Experiment {
    /// The spread of the loss named `name` (`squared`, `absolute`, `huber`).
    pub fn spread(&self, name: &str) -> Option<&SlopeSpread> {
        self.spreads.iter().find(|spread| spread.name == name)
    }
}

/// Draws `samples` data sets of `points` points from `generator` (the first from `seed`
/// itself, so it is `generator.points(points, seed)`, the others from the seeds a
/// `SeededRandom` started at `seed` draws: experiments of neighbouring seeds share no data
/// set), fits a line to each under
/// the squared, absolute and Huber (δ = 1.345·scale) losses, and compares the spreads of the
/// slopes. `points` must be 2 to [`MAX_ANIMATED_POINTS`], `samples` 2 to [`MAX_SAMPLES`].
pub fn run_experiment(
    generator: &Generator,
    points: usize,
    samples: usize,
    seed: u64,
) -> Result<Experiment, InputError> {
    if !(2..=MAX_ANIMATED_POINTS).contains(&points) {
        return Err(InputError::new(format!(
            "the experiment's data sets have 2 to {} points, not {}",
            group_digits(MAX_ANIMATED_POINTS),
            group_digits(points)
        ))
        .in_field("size"));
    }
    if !(2..=MAX_SAMPLES).contains(&samples) {
        return Err(InputError::new(format!(
            "the experiment draws 2 to {} data sets, not {}",
            group_digits(MAX_SAMPLES),
            group_digits(samples)
        ))
        .in_field("samples"));
    }
    let delta = HUBER_DELTA_PER_SCALE * generator.scale;
    let losses = [
        ("squared", Loss::Squared),
        ("absolute", Loss::Absolute),
        ("huber", Loss::Huber { delta }),
    ];
    let mut slopes: [Vec<f64>; 3] = std::array::from_fn(|_| Vec::with_capacity(samples));
    let mut seeds = SeededRandom::new(seed);
    for sample in 0..samples {
        let data_seed = if sample == 0 { seed } else { seeds.next_u64() };
        let data = generator.points(points, data_seed);
        for ((_, loss), found) in losses.iter().zip(slopes.iter_mut()) {
            found.push(fit_line(&data.x, &data.y, *loss, Model::Line)?.slope);
        }
    }
    let [squared, absolute, huber] = slopes;
    let spreads = [
        spread(losses[0], squared),
        spread(losses[1], absolute),
        spread(losses[2], huber),
    ];
    let mut ranking = [0, 1, 2];
    ranking.sort_by(|&a, &b| spreads[a].sd.total_cmp(&spreads[b].sd));
    let verdict = verdict(generator.noise, points, samples, &spreads, ranking);
    Ok(Experiment {
        generator: *generator,
        points,
        samples,
        delta,
        spreads,
        ranking,
        verdict,
    })
}

fn spread((name, loss): (&'static str, Loss), slopes: Vec<f64>) -> SlopeSpread {
    let count = slopes.len() as f64;
    let mean = slopes.iter().sum::<f64>() / count;
    let variance = slopes
        .iter()
        .map(|slope| (slope - mean).powi(2))
        .sum::<f64>()
        / (count - 1.0);
    SlopeSpread {
        loss,
        name,
        slopes,
        mean,
        sd: variance.sqrt(),
    }
}

/// How a sentence names a loss.
fn loss_label(name: &str) -> &'static str {
    match name {
        "squared" => "the squared loss",
        "absolute" => "the absolute loss",
        _ => "the Huber loss",
    }
}

/// A short name for a comparison in brackets.
fn loss_short(name: &str) -> &'static str {
    match name {
        "squared" => "squared",
        "absolute" => "absolute",
        _ => "Huber",
    }
}

/// A standard deviation to three significant digits (0.0312, 1.27, 12.3).
fn sd_text(value: f64) -> String {
    let mut decimals = 2;
    let mut scaled = value;
    while scaled > 0.0 && scaled < 1.0 && decimals < 12 {
        scaled *= 10.0;
        decimals += 1;
    }
    if value >= 10.0 {
        decimals = 1;
    }
    format_fixed(value, decimals)
}

/// The verdict: which loss's slopes spread least, against the others, then what theory says
/// about this noise (and, when the samples disagree with it, that chance can do that).
fn verdict(
    noise: Noise,
    points: usize,
    samples: usize,
    spreads: &[SlopeSpread; 3],
    ranking: [usize; 3],
) -> String {
    let drawn = format!(
        "{} data sets of {} points",
        group_digits(samples),
        group_digits(points)
    );
    let [first, second, third] = ranking.map(|index| &spreads[index]);
    let by_name = |name: &str| spreads.iter().find(|spread| spread.name == name);
    let sd_of = |name: &str| by_name(name).map_or(f64::NAN, |spread| spread.sd);
    let observed = format!(
        "{}: {}'s slopes spread least (sd {} vs {} {}, {} {}).",
        noise.label(),
        loss_label(first.name),
        sd_text(first.sd),
        sd_text(second.sd),
        loss_short(second.name),
        sd_text(third.sd),
        loss_short(third.name),
    );
    let squared = sd_of("squared");
    let robust_win = sd_of("absolute") < squared && sd_of("huber") < squared;
    let theory = match noise {
        Noise::Gaussian if first.name == "squared" => {
            "Least squares is the maximum likelihood under Gaussian noise, and the maximum \
             likelihood is the efficient estimate: MSE is what you minimise when you assume \
             Gaussian noise."
                .to_string()
        }
        Noise::Gaussian => format!(
            "Under Gaussian noise least squares is the maximum likelihood and, over many more \
             samples, spreads least; {drawn} can reverse close spreads by chance (the Huber loss \
             with δ = 1.345σ is within about 5% of it). MSE is what you minimise when you assume \
             Gaussian noise."
        ),
        Noise::Laplace if first.name == "absolute" => {
            "Least absolute deviations is the maximum likelihood under Laplace noise: MSE is \
             what you minimise when you assume Gaussian noise, and assuming Laplace noise asks \
             for the absolute error instead."
                .to_string()
        }
        Noise::Laplace => format!(
            "Least absolute deviations is the maximum likelihood under Laplace noise and spreads \
             least over many samples; {drawn} did not show it this time (its lead grows with the \
             points per set: try 100 or more). MSE is what you minimise when you assume Gaussian \
             noise, and this noise is not Gaussian."
        ),
        Noise::StudentT | Noise::Outliers if robust_win => {
            let why = if noise == Noise::Outliers {
                "an outlier 8σ off weighs as much in the squared loss as 64 ordinary errors of σ, \
                 so a few outliers pull the least-squares line around"
            } else {
                "heavy tails make rare, large errors, and the squared loss weighs each by its \
                 square, so a few of them pull the least-squares line around"
            };
            format!(
                "The absolute and Huber losses both beat the squared loss: {why}; the absolute \
                 and Huber losses grow only linearly far from the line, so such points pull \
                 them less. MSE is what you minimise when you assume Gaussian noise, and this \
                 noise is not Gaussian."
            )
        }
        Noise::StudentT | Noise::Outliers => format!(
            "Over many samples the absolute and Huber losses both beat the squared loss on \
             noise like this; {drawn} did not show it this time. MSE is what you minimise when \
             you assume Gaussian noise, and this noise is not Gaussian."
        ),
    };
    format!("{observed} {theory}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_logarithm_agrees_with_the_standard_librarys() {
        let mut draws = Draws::new(3);
        for _ in 0..10_000 {
            let value = draws.uniform() * 10f64.powi((draws.uniform() * 40.0) as i32 - 20);
            let (ours, theirs) = (ln(value), value.ln());
            assert!(
                (ours - theirs).abs() <= 2e-15 * theirs.abs().max(1.0),
                "{value}: {ours} vs {theirs}"
            );
        }
        assert_eq!(ln(1.0), 0.0);
    }

    #[test]
    fn standard_deviations_read_to_three_digits() {
        assert_eq!(sd_text(0.031_24), "0.0312");
        assert_eq!(sd_text(0.312_4), "0.312");
        assert_eq!(sd_text(1.274), "1.27");
        assert_eq!(sd_text(12.34), "12.3");
    }
}
