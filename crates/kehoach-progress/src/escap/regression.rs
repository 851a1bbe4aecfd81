//! The time-weighted linear regression used to project a series to the
//! target year: recent years weigh more than early ones.
//!
//! ESCAP describes the regression as giving "more importance to more recent
//! data" (UNECE's technical notes on the Anticipated Progress Index,
//! https://w3.unece.org/sdg2023/technical-notes.html) and refers to
//! Bidarbakht Nia (2017), "A weighted extrapolation method for measuring the
//! SDGs progress", ESCAP SD Working Paper 04. The weight formula of that paper
//! was not available to check; kehoach uses weights that grow linearly with
//! time, w = t − t_first + 1 (see docs/PROGRESS.md).

use crate::series::Observation;

/// A fitted line y = intercept + slope · (t − centre).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line {
    pub slope: f64,
    pub intercept: f64,
    centre: f64,
}

impl Line {
    pub fn value_at(&self, year: i32) -> f64 {
        self.intercept + self.slope * (f64::from(year) - self.centre)
    }
}

/// The weight of an observation made in `year` when the series starts in `first`.
pub fn time_weight(year: i32, first: i32) -> f64 {
    f64::from(year) - f64::from(first) + 1.0
}

/// The weighted least-squares line through sorted observations; none for
/// fewer than two distinct years.
pub fn weighted_line(sorted: &[Observation]) -> Option<Line> {
    let first = sorted.first()?.year;
    let weights: Vec<f64> = sorted.iter().map(|o| time_weight(o.year, first)).collect();
    let total: f64 = weights.iter().sum();
    let centre = weighted_mean(sorted.iter().map(|o| f64::from(o.year)), &weights, total);
    let mean_value = weighted_mean(sorted.iter().map(|o| o.value), &weights, total);
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for (o, w) in sorted.iter().zip(&weights) {
        let dx = f64::from(o.year) - centre;
        sxy += w * dx * (o.value - mean_value);
        sxx += w * dx * dx;
    }
    if sxx <= 0.0 {
        return None;
    }
    let slope = sxy / sxx;
    slope.is_finite().then_some(Line {
        slope,
        intercept: mean_value,
        centre,
    })
}

fn weighted_mean(values: impl Iterator<Item = f64>, weights: &[f64], total: f64) -> f64 {
    values.zip(weights).map(|(v, w)| v * w).sum::<f64>() / total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obs(pairs: &[(i32, f64)]) -> Vec<Observation> {
        pairs.iter().map(|&(y, v)| Observation::new(y, v)).collect()
    }

    #[test]
    fn a_straight_line_is_recovered_exactly() {
        let line = weighted_line(&obs(&[(2015, 10.0), (2017, 14.0), (2020, 20.0)]));
        let line = line.unwrap_or_else(|| panic!("no line"));
        assert!((line.slope - 2.0).abs() < 1e-12);
        assert!((line.value_at(2030) - 40.0).abs() < 1e-9);
    }

    // Hand computation: years 2015, 2016, 2017 with weights 1, 2, 3 and values
    // 10, 12, 11. Weighted mean year 2016.3333, weighted mean value 11.1667;
    // Sxy = 1·(−1.3333)(−1.1667) + 2·(−0.3333)(0.8333) + 3·(0.6667)(−0.1667) = 0.6667;
    // Sxx = 1·1.7778 + 2·0.1111 + 3·0.4444 = 3.3333; slope 0.2;
    // value in 2030 = 11.1667 + 0.2 · 13.6667 = 13.9 (an unweighted fit gives 18).
    #[test]
    fn recent_years_weigh_more() {
        let line = weighted_line(&obs(&[(2015, 10.0), (2016, 12.0), (2017, 11.0)]));
        let line = line.unwrap_or_else(|| panic!("no line"));
        assert!((line.slope - 0.2).abs() < 1e-12);
        assert!((line.value_at(2030) - 13.9).abs() < 1e-9);
    }

    #[test]
    fn one_year_has_no_line() {
        assert_eq!(weighted_line(&obs(&[(2015, 1.0)])), None);
        assert_eq!(weighted_line(&[]), None);
    }
}
