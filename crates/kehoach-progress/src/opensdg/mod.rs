//! The compound-growth progress measure (Eurostat → Statistics Canada →
//! Open SDG), one series at a time, then a series' scores averaged into an
//! indicator's status ([`aggregate`]).
//!
//! Sources, read for this implementation:
//! - Statistics Canada / Open SDG, "Progress Measurement Methodology for the
//!   Sustainable Development Goals",
//!   https://open-sdg.readthedocs.io/en/latest/progress-methodology/
//!   (also https://sdgcif-data-canada-oddcic-donnee.github.io/methodology);
//! - Open SDG, "Progress", https://open-sdg.readthedocs.io/en/latest/progress/;
//! - sdg-build `sdg/ProgressMeasure.py`, https://github.com/open-sdg/sdg-build.
//!
//! CAGR = (y_i / y_0)^(1/(t_i − t_0)) − 1. With a target y_T in t_T, the
//! progress value is R = s·d·CAGR_i / |CAGR_T| with CAGR_T from (y_T, t_T);
//! without a target it is s·d·CAGR_i; d = ±1 for the desired direction and
//! s = −1 when the base value is negative (the direction flips for a series of
//! negative values).

mod aggregate;
mod thresholds;

pub mod score;

pub use aggregate::{
    aggregate, aggregate_nodes, IndicatorProgress, Override, OverrideError, ScoreNode,
};
pub use thresholds::{limit_coefficient, Bands, LIMIT_EXPONENT};

use serde::{Deserialize, Serialize};

use crate::explain::{Explanation, FigureName, Method, Rule, Warning, WarningCode};
use crate::series::{base_observation, sorted_checked, Direction, Observation, Point};

/// Open SDG's replacement for a target or base value of 0, which an
/// exponential model cannot use.
pub const ZERO_REPLACEMENT: f64 = 0.001;
pub const DEFAULT_BASE_YEAR: i32 = 2015;
pub const DEFAULT_TARGET_YEAR: i32 = 2030;

/// A series' progress status (Open SDG's `status_types`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProgressStatus {
    TargetAchieved,
    SubstantialProgress,
    ModerateProgress,
    LimitedProgress,
    Deterioration,
    UnableToAssess,
}

/// What one series is assessed against.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CagrConfig {
    pub base_year: i32,
    pub target: Option<f64>,
    pub target_year: i32,
    pub direction: Direction,
    /// A natural maximum or minimum (e.g. 100 %); used only without a target.
    pub limit: Option<f64>,
}

impl CagrConfig {
    /// Base year 2015, target year 2030, no target, no limit.
    pub fn new(direction: Direction) -> Self {
        CagrConfig {
            base_year: DEFAULT_BASE_YEAR,
            target: None,
            target_year: DEFAULT_TARGET_YEAR,
            direction,
            limit: None,
        }
    }

    pub fn with_target(mut self, value: f64, year: i32) -> Self {
        self.target = Some(value);
        self.target_year = year;
        self
    }

    pub fn with_base_year(mut self, year: i32) -> Self {
        self.base_year = year;
        self
    }

    pub fn with_limit(mut self, limit: f64) -> Self {
        self.limit = Some(limit);
        self
    }
}

/// One series' result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesAssessment {
    pub status: ProgressStatus,
    /// −5..+5; none when the series was rejected.
    pub score: Option<f64>,
    pub target_achieved: bool,
    /// R with a target, the signed CAGR without.
    pub progress_value: Option<f64>,
    pub explanation: Explanation,
}

/// Assesses one series.
pub fn assess_series(observations: &[Observation], config: &CagrConfig) -> SeriesAssessment {
    let mut ex = Explanation::new(Method::OpenSdgCagr, Rule::SeriesRejected);
    ex.direction = Some(config.direction);
    let target = config
        .target
        .map(|value| replace_zero_target(value, &mut ex));
    if let Some(value) = target {
        ex.target = Some(Point {
            year: config.target_year,
            value,
        });
    }
    match usable_pair(observations, config, &mut ex) {
        Some((base, latest)) => assess_pair(base, latest, target, config, ex),
        None => rejected(ex),
    }
}

fn replace_zero_target(value: f64, ex: &mut Explanation) -> f64 {
    if value == 0.0 {
        ex.warnings
            .push(Warning::new(WarningCode::TargetZeroReplaced));
        ZERO_REPLACEMENT
    } else {
        value
    }
}

/// The base and latest observations, or none after recording why the series
/// cannot be assessed (the methodology's minimum data requirements).
fn usable_pair(
    observations: &[Observation],
    config: &CagrConfig,
    ex: &mut Explanation,
) -> Option<(Observation, Observation)> {
    let sorted = match sorted_checked(observations) {
        Ok(sorted) => sorted,
        Err(warning) => {
            ex.warnings.push(warning);
            return None;
        }
    };
    let Some(latest) = sorted.last().copied() else {
        ex.warnings.push(Warning::new(WarningCode::NoData));
        return None;
    };
    ex.latest = Some(latest.into());
    let Some(base) = base_observation(&sorted, config.base_year, &mut ex.warnings) else {
        ex.warnings.push(Warning::at_year(
            WarningCode::BaseYearAfterLatest,
            config.base_year,
        ));
        return None;
    };
    ex.base = Some(base.into());
    if latest.year <= base.year {
        ex.warnings
            .push(Warning::at_year(WarningCode::TooFewYears, latest.year));
        return None;
    }
    if config.target.is_some() && config.target_year <= base.year {
        ex.warnings.push(Warning::at_year(
            WarningCode::TargetYearNotAfterBase,
            config.target_year,
        ));
        return None;
    }
    let base = replace_zero_base(base, ex);
    if opposite_signs(base.value, latest.value) {
        ex.warnings.push(Warning::at(
            WarningCode::SignChange,
            latest.year,
            latest.value,
        ));
        return None;
    }
    if let Some(odd) = sorted
        .iter()
        .filter(|o| o.year > base.year && o.year < latest.year)
        .find(|o| opposite_signs(base.value, o.value))
    {
        ex.warnings.push(Warning::at(
            WarningCode::IntermediateSignChange,
            odd.year,
            odd.value,
        ));
    }
    Some((base, latest))
}

fn replace_zero_base(base: Observation, ex: &mut Explanation) -> Observation {
    if base.value == 0.0 {
        ex.warnings
            .push(Warning::at_year(WarningCode::BaseZeroReplaced, base.year));
        Observation::new(base.year, ZERO_REPLACEMENT)
    } else {
        base
    }
}

fn opposite_signs(a: f64, b: f64) -> bool {
    (a > 0.0 && b < 0.0) || (a < 0.0 && b > 0.0)
}

/// The compound annual growth rate from `from` to `to`.
pub fn cagr(from: Observation, to: Observation) -> f64 {
    // Years as f64: any two i32 years subtract without overflow.
    let years = f64::from(to.year) - f64::from(from.year);
    (to.value / from.value).powf(1.0 / years) - 1.0
}

fn assess_pair(
    base: Observation,
    latest: Observation,
    target: Option<f64>,
    config: &CagrConfig,
    mut ex: Explanation,
) -> SeriesAssessment {
    // A series of negative values grows in magnitude the other way round.
    let sign = if base.value < 0.0 { -1.0 } else { 1.0 };
    let directed = sign * config.direction.sign();
    let observed = cagr(base, latest);
    ex.figure(FigureName::CagrObserved, observed);
    let target_achieved = target.is_some_and(|t| config.direction.meets(latest.value, t));
    match target {
        Some(target_value) => {
            if config.limit.is_some() {
                ex.warnings
                    .push(Warning::new(WarningCode::LimitIgnoredWithTarget));
            }
            let required = cagr(base, Observation::new(config.target_year, target_value));
            ex.figure(FigureName::CagrRequired, required);
            let bands = Bands::with_target();
            ex.thresholds = bands.table();
            let ratio = directed * observed / required.abs();
            if !ratio.is_finite() {
                ex.warnings.push(Warning::with_value(
                    WarningCode::TargetEqualsBase,
                    target_value,
                ));
                return if target_achieved {
                    achieved(None, ex)
                } else {
                    rejected(ex)
                };
            }
            ex.figure(FigureName::ProgressValue, ratio);
            let score = score::score_with_target(ratio);
            if target_achieved {
                return achieved(Some(ratio), ex);
            }
            decided(bands, ratio, score, ex)
        }
        None => {
            let coefficient = config
                .limit
                .map(|limit| coefficient_for(base.value, limit, config.direction, &mut ex))
                .unwrap_or(1.0);
            let bands = Bands::without_target(coefficient);
            ex.thresholds = bands.table();
            let growth = directed * observed;
            ex.figure(FigureName::ProgressValue, growth);
            let score = score::score_without_target(growth, coefficient);
            if coefficient <= 0.0 && growth >= 0.0 {
                ex.rule = Rule::LimitMaintained;
                ex.figure(FigureName::Score, score);
                return SeriesAssessment {
                    status: ProgressStatus::SubstantialProgress,
                    score: Some(score),
                    target_achieved: false,
                    progress_value: Some(growth),
                    explanation: ex,
                };
            }
            decided(bands, growth, score, ex)
        }
    }
}

fn coefficient_for(base: f64, limit: f64, direction: Direction, ex: &mut Explanation) -> f64 {
    let beyond = match direction {
        Direction::Decrease => base < limit,
        Direction::Increase => base > limit,
    };
    if beyond {
        ex.warnings
            .push(Warning::with_value(WarningCode::BaseBeyondLimit, limit));
    }
    let coefficient = limit_coefficient(base, limit);
    ex.figure(FigureName::Limit, limit);
    ex.figure(FigureName::LimitCoefficient, coefficient);
    coefficient
}

fn decided(bands: Bands, value: f64, score: f64, mut ex: Explanation) -> SeriesAssessment {
    let status = bands.status(value);
    ex.rule = match status {
        ProgressStatus::SubstantialProgress => Rule::AtOrAboveHigh,
        ProgressStatus::ModerateProgress => Rule::BetweenMediumAndHigh,
        ProgressStatus::LimitedProgress => Rule::BetweenLowAndMedium,
        _ => Rule::BelowLow,
    };
    ex.figure(FigureName::Score, score);
    SeriesAssessment {
        status,
        score: Some(score),
        target_achieved: false,
        progress_value: Some(value),
        explanation: ex,
    }
}

/// A series that meets its target scores +5 whatever its trend.
fn achieved(progress_value: Option<f64>, mut ex: Explanation) -> SeriesAssessment {
    ex.rule = Rule::TargetMet;
    ex.figure(FigureName::Score, 5.0);
    SeriesAssessment {
        status: ProgressStatus::TargetAchieved,
        score: Some(5.0),
        target_achieved: true,
        progress_value,
        explanation: ex,
    }
}

fn rejected(mut ex: Explanation) -> SeriesAssessment {
    ex.rule = Rule::SeriesRejected;
    SeriesAssessment {
        status: ProgressStatus::UnableToAssess,
        score: None,
        target_achieved: false,
        progress_value: None,
        explanation: ex,
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod canada;
