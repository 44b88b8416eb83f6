//! Which of a few variants does best, Bayesian: for a rate (clicks, opens, buyers per
//! recipient) a Beta-Binomial model with a uniform prior, Beta(1, 1); for an amount per
//! recipient (revenue) a normal approximation of each variant's mean. Pure: plain counts in,
//! estimates out, no store and no clock, so campaigns' A/B tests and journeys' splits share it.
//!
//! The probability that an arm is best, `P(best_i) = ∫ f_i(x) · Π_{j≠i} F_j(x) dx`, is computed
//! by numerical integration on one grid fine enough for the narrowest posterior (at least eight
//! points per standard deviation), not by sampling: the same counts always give the same
//! figures, and arms with equal counts get exactly equal shares.

/// Arms' counts below this many trials each make a result "too few to tell".
pub const MIN_TRIALS: u64 = 100;
/// ... and so do fewer than this many successes over all arms together.
pub const MIN_EVENTS: u64 = 10;

/// One arm of a rate: `successes` of `trials` (a recipient who clicked, of those delivered).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Arm {
    pub trials: u64,
    pub successes: u64,
}

/// One arm of an amount per trial: how many trials, the sum of the amounts and the sum of
/// their squares (most trials are zero: recipients who bought nothing).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct AmountArm {
    pub trials: u64,
    pub sum: f64,
    pub sum_squares: f64,
}

/// What the data say about one arm.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Estimate {
    /// The observed rate (or mean amount); None without trials.
    pub observed: Option<f64>,
    /// The posterior mean.
    pub mean: f64,
    /// The 95% credible interval (2.5% and 97.5% quantiles of the posterior; from 0 to the 95%
    /// quantile when nothing succeeded, from the 5% quantile to 1 when everything did).
    pub low: f64,
    pub high: f64,
    /// The posterior probability that this arm is the best of all.
    pub p_best: f64,
}

/// Whether the counts are enough to tell: every arm has [`MIN_TRIALS`] trials and all arms
/// together [`MIN_EVENTS`] successes.
pub fn enough(trials_and_events: &[(u64, u64)]) -> bool {
    !trials_and_events.is_empty()
        && trials_and_events.iter().all(|(t, _)| *t >= MIN_TRIALS)
        && trials_and_events.iter().map(|(_, e)| e).sum::<u64>() >= MIN_EVENTS
}

/// The arm with the highest probability of being best (the first of equals); None for no arms.
pub fn best(estimates: &[Estimate]) -> Option<usize> {
    let mut out: Option<usize> = None;
    for (i, e) in estimates.iter().enumerate() {
        if out.is_none_or(|b| e.p_best > estimates[b].p_best + 1e-12) {
            out = Some(i);
        }
    }
    out
}

/// A posterior on a grid: the points' weights (summing to one) and the cumulative weight
/// below each point (the CDF at the point, half its own weight included).
struct Gridded {
    weights: Vec<f64>,
    cdf: Vec<f64>,
}

impl Gridded {
    fn from_log_density(xs: &[f64], log_density: impl Fn(f64) -> f64) -> Self {
        let logs: Vec<f64> = xs.iter().map(|&x| log_density(x)).collect();
        let top = logs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let mut weights: Vec<f64> = logs.iter().map(|l| if top.is_finite() { (l - top).exp() } else { 1.0 }).collect();
        let total: f64 = weights.iter().sum();
        for w in &mut weights {
            *w /= total;
        }
        let mut cdf = Vec::with_capacity(weights.len());
        let mut below = 0.0;
        for w in &weights {
            cdf.push(below + w / 2.0);
            below += w;
        }
        Self { weights, cdf }
    }

    /// The `q` quantile, interpolated between points.
    fn quantile(&self, xs: &[f64], q: f64) -> f64 {
        let i = self.cdf.partition_point(|c| *c < q);
        if i == 0 {
            return xs[0];
        }
        if i >= xs.len() {
            return xs[xs.len() - 1];
        }
        let (c0, c1) = (self.cdf[i - 1], self.cdf[i]);
        let t = if c1 > c0 { (q - c0) / (c1 - c0) } else { 0.0 };
        xs[i - 1] + t * (xs[i] - xs[i - 1])
    }
}

/// Points covering `[lo, hi]`, at least eight per `finest` (a standard deviation), at most a
/// bound that keeps a report fast.
fn grid(lo: f64, hi: f64, finest: f64) -> Vec<f64> {
    const MIN_POINTS: usize = 2_000;
    const MAX_POINTS: usize = 400_000;
    let span = (hi - lo).max(f64::MIN_POSITIVE);
    let n = if finest > 0.0 { (span / (finest / 8.0)).ceil() as usize } else { MAX_POINTS };
    let n = n.clamp(MIN_POINTS, MAX_POINTS);
    let h = span / n as f64;
    (0..n).map(|i| lo + (i as f64 + 0.5) * h).collect()
}

/// `P(best)` of each arm from their posteriors on a shared grid, normalised to sum to one
/// (the grid's rounding aside, ties share equally).
fn p_best(arms: &[Gridded]) -> Vec<f64> {
    let n = arms.first().map_or(0, |a| a.weights.len());
    let mut out = vec![0.0; arms.len()];
    for x in 0..n {
        for (i, arm) in arms.iter().enumerate() {
            let w = arm.weights[x];
            if w == 0.0 {
                continue;
            }
            let mut p = w;
            for (j, other) in arms.iter().enumerate() {
                if j != i {
                    p *= other.cdf[x];
                }
            }
            out[i] += p;
        }
    }
    let total: f64 = out.iter().sum();
    if total > 0.0 {
        for p in &mut out {
            *p /= total;
        }
    } else if !out.is_empty() {
        let even = 1.0 / out.len() as f64;
        out.iter_mut().for_each(|p| *p = even);
    }
    out
}

/// Beta-Binomial with a uniform prior: arm `i`'s rate is Beta(successes + 1, failures + 1).
/// Successes above trials are read as trials.
pub fn rates(arms: &[Arm]) -> Vec<Estimate> {
    if arms.is_empty() {
        return Vec::new();
    }
    let params: Vec<(f64, f64)> = arms
        .iter()
        .map(|a| {
            let s = a.successes.min(a.trials) as f64;
            (s + 1.0, (a.trials as f64 - s) + 1.0)
        })
        .collect();
    let moments: Vec<(f64, f64)> = params
        .iter()
        .map(|(a, b)| {
            let n = a + b;
            (a / n, (a * b / (n * n * (n + 1.0))).sqrt())
        })
        .collect();
    let lo = moments.iter().map(|(m, s)| m - 12.0 * s).fold(1.0, f64::min).max(0.0);
    let hi = moments.iter().map(|(m, s)| m + 12.0 * s).fold(0.0, f64::max).min(1.0);
    let finest = moments.iter().map(|(_, s)| *s).fold(f64::INFINITY, f64::min);
    let xs = grid(lo, hi, finest);
    let gridded: Vec<Gridded> = params
        .iter()
        .map(|&(a, b)| {
            Gridded::from_log_density(&xs, |x| {
                // (a-1)·ln x with a = 1 is 0 at x = 0 too; the grid never touches 0 or 1.
                (a - 1.0) * x.ln() + (b - 1.0) * (1.0 - x).ln()
            })
        })
        .collect();
    let p = p_best(&gridded);
    arms.iter()
        .zip(&gridded)
        .zip(moments)
        .zip(p)
        .map(|(((arm, g), (mean, _)), p_best)| {
            let s = arm.successes.min(arm.trials);
            // At a boundary (none, or every trial a success) the equal-tailed interval would
            // leave out the observed rate itself: the interval then runs from the boundary.
            let (low, high) = match (s == 0, s == arm.trials) {
                (true, false) => (0.0, g.quantile(&xs, 0.95)),
                (false, true) => (g.quantile(&xs, 0.05), 1.0),
                _ => (g.quantile(&xs, 0.025), g.quantile(&xs, 0.975)),
            };
            Estimate { observed: (arm.trials > 0).then(|| s as f64 / arm.trials as f64), mean, low, high, p_best }
        })
        .collect()
}

/// Mean amount per trial, each arm's posterior approximated as normal around its observed
/// mean with the standard error of the mean (flat prior). Fair with many trials; with few
/// buyers the amounts are far from normal (mostly zeros, a few large orders) and the interval
/// is too narrow, which is why [`enough`] asks for events as well as trials. An arm without
/// trials gets a mean of zero and a wide interval (the largest spread seen in the others).
pub fn amounts(arms: &[AmountArm]) -> Vec<Estimate> {
    if arms.is_empty() {
        return Vec::new();
    }
    let stats: Vec<(f64, f64)> = arms
        .iter()
        .map(|a| {
            if a.trials == 0 {
                return (0.0, f64::NAN);
            }
            let n = a.trials as f64;
            let mean = a.sum / n;
            let var = if a.trials > 1 { ((a.sum_squares - n * mean * mean) / (n - 1.0)).max(0.0) } else { 0.0 };
            (mean, (var / n).sqrt())
        })
        .collect();
    let widest = stats.iter().map(|(_, s)| *s).filter(|s| s.is_finite()).fold(0.0, f64::max);
    let scale = stats.iter().map(|(m, _)| m.abs()).fold(0.0, f64::max).max(1.0);
    // No spread at all (every amount equal, often all zero): a small one keeps the grid sane,
    // and equal means then share the probability of being best.
    let floor = (widest * 1e-3).max(scale * 1e-9);
    let stats: Vec<(f64, f64)> =
        stats.into_iter().map(|(m, s)| (m, if s.is_finite() { s.max(floor) } else { widest.max(scale) })).collect();
    let lo = stats.iter().map(|(m, s)| m - 10.0 * s).fold(f64::INFINITY, f64::min);
    let hi = stats.iter().map(|(m, s)| m + 10.0 * s).fold(f64::NEG_INFINITY, f64::max);
    let finest = stats.iter().map(|(_, s)| *s).fold(f64::INFINITY, f64::min);
    let xs = grid(lo, hi, finest);
    let gridded: Vec<Gridded> =
        stats.iter().map(|&(m, s)| Gridded::from_log_density(&xs, |x| -0.5 * ((x - m) / s).powi(2))).collect();
    let p = p_best(&gridded);
    arms.iter()
        .zip(stats)
        .zip(p)
        .map(|((arm, (mean, sd)), p_best)| Estimate {
            observed: (arm.trials > 0).then_some(mean),
            mean,
            low: mean - 1.959_964 * sd,
            high: mean + 1.959_964 * sd,
            p_best,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arm(trials: u64, successes: u64) -> Arm {
        Arm { trials, successes }
    }

    #[test]
    fn equal_counts_share_the_probability_of_being_best() {
        for k in 2..=4 {
            let e = rates(&vec![arm(500, 40); k]);
            for x in &e {
                assert!((x.p_best - 1.0 / k as f64).abs() < 1e-9, "{k} arms: {e:?}");
            }
        }
        let e = rates(&[arm(0, 0), arm(0, 0), arm(0, 0)]);
        assert!(e.iter().all(|x| (x.p_best - 1.0 / 3.0).abs() < 1e-9), "{e:?}");
    }

    #[test]
    fn a_clear_difference_is_told_apart() {
        let e = rates(&[arm(1000, 50), arm(1000, 80)]);
        assert!(e[1].p_best > 0.99, "{e:?}");
        assert!(e[1].p_best < 0.9999, "not certain either: {e:?}");
        assert!((e[0].p_best + e[1].p_best - 1.0).abs() < 1e-9);
        assert_eq!(best(&e), Some(1));
        // The normal approximation of the difference gives about 0.9965.
        assert!((e[1].p_best - 0.9965).abs() < 0.003, "{e:?}");
        // Three arms: the middle one is rarely best.
        let e = rates(&[arm(1000, 50), arm(1000, 80), arm(1000, 65)]);
        assert_eq!(best(&e), Some(1));
        assert!(e[0].p_best < 0.01 && e[2].p_best > 0.01, "{e:?}");
    }

    #[test]
    fn intervals_contain_the_rate_and_match_the_beta_quantiles() {
        for (t, s) in [(1000, 50), (1000, 80), (20, 0), (20, 20), (3, 1), (100_000, 2_500)] {
            let e = rates(&[arm(t, s)])[0];
            let rate = s as f64 / t as f64;
            assert!(e.low <= rate && rate <= e.high, "{t}/{s}: {e:?}");
            assert!(e.low >= 0.0 && e.high <= 1.0 && e.low < e.high, "{t}/{s}: {e:?}");
            assert!((e.p_best - 1.0).abs() < 1e-12, "one arm is best");
        }
        // Beta(1, 21) (0 of 20): from 0 to the 95% quantile, 1 - 0.05^(1/21) ≈ 0.1329.
        let e = rates(&[arm(20, 0)])[0];
        assert!((e.high - (1.0 - 0.05f64.powf(1.0 / 21.0))).abs() < 1e-3, "{e:?}");
        assert_eq!(e.low, 0.0);
        // 50 of 1000: Beta(51, 951), about 0.0383 to 0.0653.
        let e = rates(&[arm(1000, 50)])[0];
        assert!((e.low - 0.0383).abs() < 0.001 && (e.high - 0.0653).abs() < 0.001, "{e:?}");
    }

    #[test]
    fn amounts_compare_means_per_recipient() {
        // 1000 recipients each; B's buyers spend more.
        let a = AmountArm { trials: 1000, sum: 50.0 * 40.0, sum_squares: 50.0 * 40.0 * 40.0 };
        let b = AmountArm { trials: 1000, sum: 50.0 * 80.0, sum_squares: 50.0 * 80.0 * 80.0 };
        let e = amounts(&[a, b]);
        assert!(e[1].p_best > 0.99, "{e:?}");
        assert!(e[0].low < 2.0 && 2.0 < e[0].high, "{e:?}");
        let same = amounts(&[a, a, a]);
        assert!(same.iter().all(|x| (x.p_best - 1.0 / 3.0).abs() < 1e-9), "{same:?}");
        let none = amounts(&[AmountArm { trials: 10, ..Default::default() }, AmountArm::default()]);
        assert!(none.iter().all(|x| x.p_best.is_finite()), "{none:?}");
    }

    #[test]
    fn the_minimum_sample() {
        assert!(!enough(&[(99, 30), (500, 30)]), "an arm under the minimum");
        assert!(!enough(&[(500, 4), (500, 5)]), "too few events");
        assert!(enough(&[(100, 0), (100, 10)]));
        assert!(!enough(&[]));
    }
}
