//! The exact least-absolute-deviations line: a sample-and-band reduction around an exact
//! weighted-median descent (see `least_absolute`).

use crate::input::SeededRandom;

/// The weighted median of `(value, weight, point)` triples: the smallest value at which the
/// weight at or below it reaches half the total, and the point it belongs to. Found by
/// selection (expected O(n)): split around a middle element, keep the side holding the half.
fn weighted_median(triples: &mut [(f64, f64, usize)]) -> (f64, usize) {
    let total: f64 = triples.iter().map(|triple| triple.1).sum();
    let mut below = 0.0; // the weight of the elements left of `part`, in sorted order
    let mut part = triples;
    while part.len() > 1 {
        let middle = part.len() / 2;
        part.select_nth_unstable_by(middle, by_value);
        let lower: f64 = part[..middle].iter().map(|triple| triple.1).sum();
        if (below + lower) * 2.0 >= total {
            part = &mut part[..middle];
        } else {
            below += lower;
            part = &mut part[middle..];
        }
    }
    part.first().map_or((0.0, 0), |triple| (triple.0, triple.2))
}

/// The order of `(value, weight, point)` triples by value. (One function for every sort and
/// selection of triples: each comparator would be compiled into the page's modules again.)
fn by_value(a: &(f64, f64, usize), b: &(f64, f64, usize)) -> std::cmp::Ordering {
    a.0.total_cmp(&b.0)
}

/// Sorts triples by value with the selection `weighted_median` uses (quicksort by medians).
fn sort_by_value(triples: &mut [(f64, f64, usize)]) {
    if triples.len() > 1 {
        let middle = triples.len() / 2;
        triples.select_nth_unstable_by(middle, by_value);
        let (lower, upper) = triples.split_at_mut(middle);
        sort_by_value(lower);
        sort_by_value(&mut upper[1..]);
    }
}

/// The least-absolute-deviations line. An optimal line passes through two of the points (the
/// LP's vertices), and the one found here is such a line, checked optimal by the LP's
/// optimality condition (`examine`). x and y are first scaled by powers of two (exact) when
/// they are huge or tiny, so no sum overflows; the answer is scaled back.
pub(super) fn least_absolute(x: &[f64], y: &[f64]) -> (f64, f64) {
    let (x_scale, y_scale) = (power_of_two_scale(x), power_of_two_scale(y));
    let scaled = |values: &[f64], scale: f64| {
        let mut scaled = values.to_vec();
        scaled.iter_mut().for_each(|value| *value *= scale);
        scaled
    };
    let line = if x_scale == 1.0 && y_scale == 1.0 {
        least_absolute_scaled(x, y)
    } else {
        least_absolute_scaled(&scaled(x, x_scale), &scaled(y, y_scale))
    };
    let slope = line.slope * x_scale / y_scale;
    let (x0, y0) = (line.x0 / x_scale, line.y0 / y_scale);
    (y0 - slope * x0, slope)
}

/// 1, or the power of two that brings the largest |value| near 1 when it is beyond 10^±90
/// (exact: only the exponents change, except for values 2^-1022 times smaller than the
/// largest, which no longer matter beside it).
fn power_of_two_scale(values: &[f64]) -> f64 {
    let largest = values
        .iter()
        .fold(0.0f64, |most, value| most.max(value.abs()));
    if largest == 0.0 || (1e-90..1e90).contains(&largest) {
        return 1.0;
    }
    // ⌊log2 largest⌋ from its bits (a subnormal's taken as −1023), then 2^-that the same way:
    // 1023 + k is the biased exponent of 2^k. (No log2 or powf here: they would add libm's
    // code to the page's modules.)
    let exponent = (((largest.to_bits() >> 52) & 0x7ff) as i64 - 1023).min(1022);
    f64::from_bits(((1023 - exponent) as u64) << 52)
}

/// A line through the point (x0, y0): y = y0 + slope·(x − x0).
#[derive(Clone, Copy)]
struct Line {
    x0: f64,
    y0: f64,
    slope: f64,
}

impl Line {
    fn residual(&self, x: f64, y: f64) -> f64 {
        (y - self.y0) - self.slope * (x - self.x0)
    }
}

/// Up to this many points, the descent runs on all of them; above, on a reduced problem
/// (see `least_absolute_scaled`).
const DIRECT_POINTS: usize = 1_000;

/// The LAD line of many points, exactly, after Portnoy and Koenker ("The Gaussian hare and the
/// Laplacian tortoise", 1997): fit a random sample (this function, recursively), keep the
/// points near that line (a band), and replace those above the band by one point at their
/// centroid weighted by their count, likewise below. While every point above (below) the band
/// has a residual >= 0 (<= 0), the sum of their |r| equals |the sum of their r|, the merged
/// point's term, so the reduced problem's objective equals the full objective there, and is
/// no larger anywhere else (|Σ r| <= Σ |r|): the reduced problem's optimum is then the full
/// problem's. The solution is checked against every merged point; those on the wrong side join
/// the band and the reduced problem is solved again from there (after 16 rounds, every point
/// joins the band: the full problem).
fn least_absolute_scaled(x: &[f64], y: &[f64]) -> Line {
    let n = x.len();
    if n <= DIRECT_POINTS {
        // Start through the point of median y, level.
        let mut by_y = Vec::with_capacity(n);
        for (i, &yi) in y.iter().enumerate() {
            by_y.push((yi, 1.0, i));
        }
        let (_, start) = weighted_median(&mut by_y);
        let (pivot, slope) = descend(x, y, &vec![1.0; n], start, 0.0);
        return Line {
            x0: x[pivot],
            y0: y[pivot],
            slope,
        };
    }
    // The sample: n^(2/3) points (n over its whole cube root), with replacement, the same
    // for the same n.
    let mut root = 1;
    while (root + 1) * (root + 1) * (root + 1) <= n {
        root += 1;
    }
    let size = (n / root).max(DIRECT_POINTS / 2).min(n / 2);
    let mut random = SeededRandom::new(0x1ad_5eed ^ n as u64);
    let (mut sample_x, mut sample_y) = (Vec::with_capacity(size), Vec::with_capacity(size));
    let mut mean = 0.0;
    for _ in 0..size {
        let i = (random.next_u64() % n as u64) as usize;
        sample_x.push(x[i]);
        sample_y.push(y[i]);
        mean += x[i];
    }
    let mut line = least_absolute_scaled(&sample_x, &sample_y);
    // A point is in the band when r² <= limit·(1 + (x − x̄)²/var(x)): the sample line's error
    // grows away from the sample's centre. The limit keeps about 5/√size of the points (the
    // sample's own residuals tell where that is): with noise of density f at the line, the
    // sample line's height is off by about 1/(2·f·√size) (one standard error), and 5/√size of
    // the points lie within 5 standard errors of it, whatever f.
    mean /= size as f64;
    let mut variance = 0.0;
    for &xi in &sample_x {
        variance += (xi - mean) * (xi - mean) / size as f64;
    }
    let inverse_variance = if variance > 0.0 { 1.0 / variance } else { 0.0 };
    let spread = |xi: f64| 1.0 + (xi - mean) * (xi - mean) * inverse_variance;
    // (value, 1, 0) triples, to reuse weighted_median's selection. Points on the sample's
    // line count as infinitely far: where many lie on it (ties, collinear points), the band
    // takes them (r² = 0 is within any limit) and as many others as usual.
    let mut distances = Vec::with_capacity(size);
    for (&xi, &yi) in sample_x.iter().zip(&sample_y) {
        let residual = line.residual(xi, yi);
        let mut distance = residual * residual / spread(xi);
        if distance == 0.0 {
            distance = f64::INFINITY;
        }
        distances.push((distance, 1.0, 0));
    }
    let keep = ((5.0 * (size as f64).sqrt()) as usize).min(size - 1);
    distances.select_nth_unstable_by(keep, by_value);
    let mut limit = distances[keep].0;
    const BELOW: u8 = 0;
    const BAND: u8 = 1;
    const ABOVE: u8 = 2;
    let mut side = vec![BAND; n];
    let mut band: Vec<usize> = Vec::new();
    // Per side: count, Σx, Σy of the merged points.
    let mut merged = [(0.0, 0.0, 0.0); 3];
    for round in 0.. {
        if round == 0 || round == 16 {
            if round == 16 {
                limit = f64::INFINITY;
            }
            band.clear();
            merged = [(0.0, 0.0, 0.0); 3];
            for i in 0..n {
                let residual = line.residual(x[i], y[i]);
                if residual * residual <= limit * spread(x[i]) {
                    side[i] = BAND;
                    band.push(i);
                } else {
                    side[i] = if residual > 0.0 { ABOVE } else { BELOW };
                    let sums = &mut merged[side[i] as usize];
                    *sums = (sums.0 + 1.0, sums.1 + x[i], sums.2 + y[i]);
                }
            }
        }
        // The reduced problem: the band, then the merged points; the descent starts at the
        // point nearest the current line.
        let size = band.len() + 2;
        let (mut reduced_x, mut reduced_y) = (Vec::with_capacity(size), Vec::with_capacity(size));
        let mut weights = Vec::with_capacity(size);
        for &i in &band {
            reduced_x.push(x[i]);
            reduced_y.push(y[i]);
            weights.push(1.0);
        }
        for (count, sum_x, sum_y) in [merged[BELOW as usize], merged[ABOVE as usize]] {
            if count > 0.0 {
                reduced_x.push(sum_x / count);
                reduced_y.push(sum_y / count);
                weights.push(count);
            }
        }
        let mut start = 0;
        for i in 0..reduced_x.len() {
            let distance = |i: usize| line.residual(reduced_x[i], reduced_y[i]).abs();
            if distance(i) < distance(start) {
                start = i;
            }
        }
        let (pivot, slope) = descend(&reduced_x, &reduced_y, &weights, start, line.slope);
        line = Line {
            x0: reduced_x[pivot],
            y0: reduced_y[pivot],
            slope,
        };
        // The check: every merged point on its side of the line (a residual of 0 is on
        // both); those that are not join the band, and the merged sums are made again.
        let mut wrong = false;
        merged = [(0.0, 0.0, 0.0); 3];
        for i in 0..n {
            if side[i] == BAND {
                continue;
            }
            let residual = line.residual(x[i], y[i]);
            if (side[i] == ABOVE && residual < 0.0) || (side[i] == BELOW && residual > 0.0) {
                side[i] = BAND;
                band.push(i);
                wrong = true;
            } else {
                let sums = &mut merged[side[i] as usize];
                *sums = (sums.0 + 1.0, sums.1 + x[i], sums.2 + y[i]);
            }
        }
        if !wrong {
            break;
        }
    }
    line
}

/// A step of the descent: turn the line about one of the points on it, or (when every point
/// on it has the same x) move it up or down.
#[derive(Clone, Copy)]
enum Move {
    Turn(usize),
    Shift,
}

/// An exact weighted LAD line by descent along the LP's edges (Wesolowsky's direct descent,
/// with the optimality test of the simplex method): from the line through `start` at
/// `slope`, each step takes the best line through one of the points on the current line (the
/// weighted median of the slopes to the other points, weights w·|Δx|), which passes through
/// a second point; it stops when no line through a point on the current line is better and
/// the LP's optimality condition holds (`examine`), or when a step fails to decrease the
/// objective (rounding). Returns the line's point and slope.
fn descend(x: &[f64], y: &[f64], weights: &[f64], start: usize, slope: f64) -> (usize, f64) {
    let mut triples = Vec::with_capacity(x.len());
    let mut on_line = Vec::new();
    let (mut pivot, mut slope) = (start, slope);
    let mut best = (start, slope, f64::INFINITY);
    // Every step decreases the objective, so no line comes twice; the cap is a guard.
    for _ in 0..100_000 {
        let (objective, step) = examine(x, y, weights, pivot, slope, &mut on_line);
        if objective >= best.2 {
            break;
        }
        best = (pivot, slope, objective);
        match step {
            None => break,
            Some(Move::Turn(point)) => {
                triples.clear();
                for i in 0..x.len() {
                    let dx = x[i] - x[point];
                    if dx != 0.0 {
                        triples.push(((y[i] - y[point]) / dx, weights[i] * dx.abs(), i));
                    }
                }
                if triples.is_empty() {
                    break;
                }
                pivot = point;
                slope = weighted_median(&mut triples).0;
            }
            Some(Move::Shift) => {
                let (x0, y0) = (x[pivot], y[pivot]);
                triples.clear();
                for i in 0..x.len() {
                    triples.push(((y[i] - y0) - slope * (x[i] - x0), weights[i], i));
                }
                pivot = weighted_median(&mut triples).1;
            }
        }
    }
    (best.0, best.1)
}

/// The objective Σ w·|r| of the line through point `pivot` at `slope`, and a step that
/// decreases it, or None when the line is optimal. Optimality (the LP's): with Z the points on
/// the line and s_i = sign(r_i) off it, turning the line about a point j ∈ Z by t changes the
/// objective at the rate −Σ_{i∉Z} w_i·s_i·(x_i − x_j) + |t|-terms Σ_{i∈Z} w_i·|x_i − x_j|; the
/// objective is piecewise linear and convex, linear between the directions that keep some
/// point of Z on the line, so the line is optimal when no turn about a point of Z decreases
/// it: |G_j| <= H_j for each j ∈ Z, G_j = Σ_{i∉Z} w_i·s_i·(x_i − x_j), H_j = Σ_{i∈Z} w_i·|x_i −
/// x_j| (and, when every point of Z has one x, no shift does: |Σ_{i∉Z} w_i·s_i| <= Σ_{i∈Z} w_i).
/// A residual within rounding of 0 counts as on the line.
fn examine(
    x: &[f64],
    y: &[f64],
    weights: &[f64],
    pivot: usize,
    slope: f64,
    on_line: &mut Vec<(f64, f64, usize)>,
) -> (f64, Option<Move>) {
    let (x0, y0) = (x[pivot], y[pivot]);
    let (mut objective, mut g0, mut g1) = (0.0, 0.0, 0.0);
    // Scales for the tolerance of the test: Σ w·|x − x0| and Σ w.
    let (mut size, mut all_weight) = (0.0, 0.0);
    on_line.clear();
    for i in 0..x.len() {
        let (dx, dy) = (x[i] - x0, y[i] - y0);
        let fitted = slope * dx;
        let residual = dy - fitted;
        let weight = weights[i];
        objective += weight * residual.abs();
        size += weight * dx.abs();
        all_weight += weight;
        if residual.abs() <= 4.0 * f64::EPSILON * (dy.abs() + fitted.abs()) {
            on_line.push((dx, weight, i));
        } else {
            let signed = weight.copysign(residual);
            g0 += signed;
            g1 += signed * dx;
        }
    }
    // H_j for every j from prefix sums over Z sorted by x (points at j's own x add 0 to H_j
    // on whichever side they fall).
    sort_by_value(on_line);
    let (mut total_weight, mut total_moment) = (0.0, 0.0);
    for &(dx, weight, _) in on_line.iter() {
        total_weight += weight;
        total_moment += weight * dx;
    }
    let (mut left_weight, mut left_moment) = (0.0, 0.0);
    // The step: turn about the point of Z whose test fails most, else shift (when Z has one
    // x and the shift's test fails), else none.
    let (mut step, mut most) = (None, 0.0);
    for &(dx, weight, point) in on_line.iter() {
        let right_weight = total_weight - left_weight - weight;
        let right_moment = total_moment - left_moment - weight * dx;
        let h = (dx * left_weight - left_moment) + (right_moment - dx * right_weight);
        let excess = (g1 - dx * g0).abs() - h;
        if excess > most && excess > 1e-12 * (size + dx.abs() * all_weight) {
            (step, most) = (Some(Move::Turn(point)), excess);
        }
        left_weight += weight;
        left_moment += weight * dx;
    }
    let one_x = on_line.first().map(|first| first.0) == on_line.last().map(|last| last.0);
    if step.is_none() && one_x && g0.abs() - total_weight > 1e-12 * all_weight {
        step = Some(Move::Shift);
    }
    (objective, step)
}
