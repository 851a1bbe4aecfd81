//! Yearly observations and the checks every method shares: one value per
//! year, finite values, the base year (the requested year, or the next year
//! with a value).

use serde::{Deserialize, Serialize};

use crate::explain::{Warning, WarningCode};

/// One value of a series in one year (a reference period "2015-16" counts as
/// its first year, as Statistics Canada and Open SDG do; the caller passes 2015).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    pub year: i32,
    pub value: f64,
}

impl Observation {
    pub fn new(year: i32, value: f64) -> Self {
        Observation { year, value }
    }
}

/// A year and a value as shown in an explanation (base, latest, target).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub year: i32,
    pub value: f64,
}

impl From<Observation> for Point {
    fn from(o: Observation) -> Self {
        Point {
            year: o.year,
            value: o.value,
        }
    }
}

/// The desired direction of an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    Increase,
    Decrease,
}

impl Direction {
    /// +1 for increase, −1 for decrease (the methods' `d`).
    pub fn sign(self) -> f64 {
        match self {
            Direction::Increase => 1.0,
            Direction::Decrease => -1.0,
        }
    }

    /// Whether `value` meets `target` in this direction (equal counts as met).
    pub fn meets(self, value: f64, target: f64) -> bool {
        match self {
            Direction::Increase => value >= target,
            Direction::Decrease => value <= target,
        }
    }
}

/// The observations sorted by year, or the reason they cannot be used:
/// a year given twice, or a value that is not a finite number.
pub fn sorted_checked(observations: &[Observation]) -> Result<Vec<Observation>, Warning> {
    if let Some(bad) = observations.iter().find(|o| !o.value.is_finite()) {
        return Err(Warning::at_year(WarningCode::NonFiniteValue, bad.year));
    }
    let mut sorted = observations.to_vec();
    sorted.sort_by_key(|o| o.year);
    if let Some(pair) = sorted.windows(2).find(|w| w[0].year == w[1].year) {
        return Err(Warning::at(
            WarningCode::DuplicateYear,
            pair[0].year,
            pair[1].value,
        ));
    }
    Ok(sorted)
}

/// The observation in `base_year`, else the first one after it (with a
/// `base-year-moved` warning); none when no value is that recent.
pub fn base_observation(
    sorted: &[Observation],
    base_year: i32,
    warnings: &mut Vec<Warning>,
) -> Option<Observation> {
    let base = sorted.iter().copied().find(|o| o.year >= base_year)?;
    if base.year != base_year {
        warnings.push(Warning::at_year(WarningCode::BaseYearMoved, base_year));
    }
    Some(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_years_are_rejected_with_the_year() {
        let obs = [
            Observation::new(2016, 1.0),
            Observation::new(2015, 2.0),
            Observation::new(2016, 3.0),
        ];
        let err = sorted_checked(&obs).err();
        assert_eq!(
            err.map(|w| (w.code, w.year)),
            Some((WarningCode::DuplicateYear, Some(2016)))
        );
    }

    #[test]
    fn non_finite_values_are_rejected() {
        let obs = [Observation::new(2015, f64::NAN)];
        assert_eq!(
            sorted_checked(&obs).err().map(|w| w.code),
            Some(WarningCode::NonFiniteValue)
        );
    }

    #[test]
    fn base_year_moves_to_the_next_available_year() {
        let obs = [Observation::new(2014, 1.0), Observation::new(2017, 2.0)];
        let mut warnings = Vec::new();
        let base = base_observation(&obs, 2015, &mut warnings);
        assert_eq!(base.map(|o| o.year), Some(2017));
        assert_eq!(
            warnings,
            vec![Warning::at_year(WarningCode::BaseYearMoved, 2015)]
        );
        assert_eq!(base_observation(&obs, 2018, &mut warnings), None);
    }
}
