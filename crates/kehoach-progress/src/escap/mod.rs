//! ESCAP's two measures, used by all five UN regional commissions:
//!
//! - **current status**: the progress made from the base year to the latest
//!   value, as a share of the progress needed to reach the target, compared
//!   with the share of the period already elapsed ("the line" of the progress
//!   expected by now);
//! - **anticipated progress**: the value projected to the target year by a
//!   time-weighted linear regression, labelled *maintain progress* (the
//!   projection meets the target), *accelerate progress* (it moves towards the
//!   target but falls short) or *reverse trend* (it moves away from it), and
//!   *insufficient data* below two years of data.
//!
//! Sources: ESCAP, "Progress Assessment Methodology",
//! https://data.unescap.org/resource-guides/progress-assessment-methodology and
//! https://data.unescap.org/dataviz/methodology/technical-notes.html; UNECE,
//! "Technical notes on the progress assessment",
//! https://w3.unece.org/sdg2023/technical-notes.html; the categories as ESCAP
//! publishes them for a region, e.g. PSA Ilocos Region,
//! https://rsso01.psa.gov.ph/statistics/sdg. Only the opening sections of
//! ESCAP's pages could be read here; docs/PROGRESS.md lists what is kehoach's
//! own reading.

mod regression;

pub use regression::{time_weight, weighted_line, Line};

use serde::{Deserialize, Serialize};

use crate::explain::{Explanation, FigureName, Method, Rule, Threshold, Warning, WarningCode};
use crate::series::{base_observation, sorted_checked, Direction, Observation, Point};

/// Fewer data points than this give "insufficient data" (ESCAP selects
/// indicators with "two or more data points").
pub const MIN_POINTS: usize = 2;

/// What a series is assessed against: ESCAP sets a numeric target for every
/// indicator it assesses.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct EscapConfig {
    pub base_year: i32,
    pub target: f64,
    pub target_year: i32,
    pub direction: Direction,
}

impl EscapConfig {
    /// Base year 2015 and target year 2030.
    pub fn new(target: f64, direction: Direction) -> Self {
        EscapConfig {
            base_year: 2015,
            target,
            target_year: 2030,
            direction,
        }
    }

    pub fn with_years(mut self, base_year: i32, target_year: i32) -> Self {
        self.base_year = base_year;
        self.target_year = target_year;
        self
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnticipatedStatus {
    MaintainProgress,
    AccelerateProgress,
    ReverseTrend,
    InsufficientData,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CurrentLevel {
    TargetAchieved,
    ExpectedProgressMade,
    BehindExpected,
    Regressed,
    InsufficientData,
}

/// A series' anticipated progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnticipatedProgress {
    pub status: AnticipatedStatus,
    pub projected: Option<f64>,
    /// (projected − base) / (target − base): 1 or more meets the target.
    pub ratio: Option<f64>,
    /// 1 − ratio: the gap left in 2030 as a share of the progress needed.
    pub gap: Option<f64>,
    pub explanation: Explanation,
}

/// A series' current status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CurrentStatus {
    pub level: CurrentLevel,
    /// (latest − base) / (target − base).
    pub progress_made: Option<f64>,
    /// (latest year − base year) / (target year − base year).
    pub progress_expected: Option<f64>,
    pub explanation: Explanation,
}

/// The checked series with its base and latest observations, or the
/// explanation of why there is too little to work with.
struct Prepared {
    sorted: Vec<Observation>,
    base: Observation,
    latest: Observation,
}

fn prepare(
    observations: &[Observation],
    config: &EscapConfig,
    ex: &mut Explanation,
) -> Option<Prepared> {
    ex.direction = Some(config.direction);
    ex.target = Some(Point {
        year: config.target_year,
        value: config.target,
    });
    let sorted = match sorted_checked(observations) {
        Ok(sorted) => sorted,
        Err(warning) => {
            ex.warnings.push(warning);
            return None;
        }
    };
    let latest = *sorted.last()?;
    ex.latest = Some(latest.into());
    if sorted.len() < MIN_POINTS {
        ex.warnings
            .push(Warning::at_year(WarningCode::TooFewYears, latest.year));
        return None;
    }
    if config.target_year <= config.base_year {
        ex.warnings.push(Warning::at_year(
            WarningCode::TargetYearNotAfterBase,
            config.target_year,
        ));
        return None;
    }
    let Some(base) = base_observation(&sorted, config.base_year, &mut ex.warnings) else {
        ex.warnings.push(Warning::at_year(
            WarningCode::BaseYearAfterLatest,
            config.base_year,
        ));
        return None;
    };
    ex.base = Some(base.into());
    Some(Prepared {
        sorted,
        base,
        latest,
    })
}

/// The share of the needed progress that `value` represents, when the target
/// lies in the desired direction from the base; none when the target was
/// already met in the base year (nothing was needed).
fn share_of_needed(base: f64, value: f64, config: &EscapConfig) -> Option<f64> {
    let needed = config.target - base;
    (needed * config.direction.sign() > 0.0).then(|| (value - base) / needed)
}

/// Projects the series to the target year and labels the outlook.
pub fn anticipated_progress(
    observations: &[Observation],
    config: &EscapConfig,
) -> AnticipatedProgress {
    let mut ex = Explanation::new(Method::EscapAnticipated, Rule::TooFewPoints);
    let insufficient = |ex: Explanation| AnticipatedProgress {
        status: AnticipatedStatus::InsufficientData,
        projected: None,
        ratio: None,
        gap: None,
        explanation: ex,
    };
    let Some(prepared) = prepare(observations, config, &mut ex) else {
        return insufficient(ex);
    };
    let Some(line) = weighted_line(&prepared.sorted) else {
        return insufficient(ex);
    };
    let projected = line.value_at(config.target_year);
    ex.figure(FigureName::RegressionSlope, line.slope);
    ex.figure(FigureName::ProjectedValue, projected);
    ex.thresholds = anticipated_table();
    let base = prepared.base.value;
    let ratio = share_of_needed(base, projected, config);
    if ratio.is_none() {
        ex.warnings.push(Warning::at(
            WarningCode::TargetMetAtBase,
            prepared.base.year,
            base,
        ));
    }
    if let Some(r) = ratio {
        ex.figure(FigureName::AnticipatedRatio, r);
        ex.figure(FigureName::AnticipatedGap, 1.0 - r);
    }
    let d = config.direction.sign();
    let (status, rule) = if config.direction.meets(projected, config.target) {
        (
            AnticipatedStatus::MaintainProgress,
            Rule::ProjectionMeetsTarget,
        )
    } else if (projected - base) * d > 0.0 {
        (
            AnticipatedStatus::AccelerateProgress,
            Rule::ProjectionShortOfTarget,
        )
    } else {
        (
            AnticipatedStatus::ReverseTrend,
            Rule::ProjectionAwayFromTarget,
        )
    };
    ex.rule = rule;
    AnticipatedProgress {
        status,
        projected: Some(projected),
        ratio,
        gap: ratio.map(|r| 1.0 - r),
        explanation: ex,
    }
}

/// The anticipated-progress bands on the ratio as shown: 1 or more maintain,
/// above 0 accelerate, below reverse (a ratio of exactly 0, no movement at
/// all, is decided as reverse: the rule in the explanation says which).
fn anticipated_table() -> Vec<Threshold> {
    [
        (1.0, AnticipatedStatus::MaintainProgress),
        (0.0, AnticipatedStatus::AccelerateProgress),
    ]
    .into_iter()
    .map(|(at_least, status)| Threshold {
        at_least,
        status: status.code().to_string(),
    })
    .collect()
}

/// The progress made since the base year against the progress needed by now.
pub fn current_status(observations: &[Observation], config: &EscapConfig) -> CurrentStatus {
    let mut ex = Explanation::new(Method::EscapCurrentStatus, Rule::TooFewPoints);
    let Some(prepared) = prepare(observations, config, &mut ex) else {
        return current(CurrentLevel::InsufficientData, None, None, ex);
    };
    let (base, latest) = (prepared.base, prepared.latest);
    if latest.year <= base.year {
        ex.warnings
            .push(Warning::at_year(WarningCode::TooFewYears, latest.year));
        return current(CurrentLevel::InsufficientData, None, None, ex);
    }
    let expected =
        years_between(base.year, latest.year) / years_between(base.year, config.target_year);
    ex.figure(FigureName::ProgressExpected, expected);
    ex.thresholds = vec![
        Threshold {
            at_least: 1.0,
            status: CurrentLevel::TargetAchieved.code().to_string(),
        },
        Threshold {
            at_least: expected,
            status: CurrentLevel::ExpectedProgressMade.code().to_string(),
        },
        Threshold {
            at_least: 0.0,
            status: CurrentLevel::BehindExpected.code().to_string(),
        },
    ];
    if config.direction.meets(latest.value, config.target) {
        ex.rule = Rule::TargetMet;
        let made = share_of_needed(base.value, latest.value, config);
        if let Some(m) = made {
            ex.figure(FigureName::ProgressMade, m);
        }
        return current(CurrentLevel::TargetAchieved, made, Some(expected), ex);
    }
    let Some(made) = share_of_needed(base.value, latest.value, config) else {
        // Met in the base year, no longer met now.
        ex.warnings.push(Warning::at(
            WarningCode::TargetMetAtBase,
            base.year,
            base.value,
        ));
        ex.rule = Rule::ProgressNegative;
        return current(CurrentLevel::Regressed, None, Some(expected), ex);
    };
    ex.figure(FigureName::ProgressMade, made);
    let (level, rule) = if made < 0.0 {
        (CurrentLevel::Regressed, Rule::ProgressNegative)
    } else if made >= expected {
        (
            CurrentLevel::ExpectedProgressMade,
            Rule::ProgressAtLeastExpected,
        )
    } else {
        (CurrentLevel::BehindExpected, Rule::ProgressBelowExpected)
    };
    ex.rule = rule;
    current(level, Some(made), Some(expected), ex)
}

/// Years from `from` to `to`, computed in f64 so extreme years cannot overflow.
fn years_between(from: i32, to: i32) -> f64 {
    f64::from(to) - f64::from(from)
}

fn current(
    level: CurrentLevel,
    progress_made: Option<f64>,
    progress_expected: Option<f64>,
    explanation: Explanation,
) -> CurrentStatus {
    CurrentStatus {
        level,
        progress_made,
        progress_expected,
        explanation,
    }
}

/// The mean of the series' anticipated ratios (each capped at 1, so one
/// series far ahead does not hide another behind), labelled with the same
/// bands; series without data do not count. A series whose target was met in
/// the base year counts 1 if its projection still meets it, else 0.
pub fn aggregate_anticipated(items: &[AnticipatedProgress]) -> AnticipatedProgress {
    let mut ex = Explanation::new(Method::EscapAnticipated, Rule::TooFewPoints);
    let ratios: Vec<f64> = items
        .iter()
        .filter_map(|item| match (item.status, item.ratio) {
            (AnticipatedStatus::InsufficientData, _) => None,
            (_, Some(r)) => Some(r.min(1.0)),
            (AnticipatedStatus::MaintainProgress, None) => Some(1.0),
            (_, None) => Some(0.0),
        })
        .collect();
    ex.figure(FigureName::SeriesCount, items.len() as f64);
    ex.figure(FigureName::ScoredCount, ratios.len() as f64);
    ex.thresholds = anticipated_table();
    if ratios.is_empty() {
        return AnticipatedProgress {
            status: AnticipatedStatus::InsufficientData,
            projected: None,
            ratio: None,
            gap: None,
            explanation: ex,
        };
    }
    let mean = ratios.iter().sum::<f64>() / ratios.len() as f64;
    ex.figure(FigureName::AnticipatedRatio, mean);
    ex.figure(FigureName::AnticipatedGap, 1.0 - mean);
    ex.rule = Rule::MeanRatio;
    let status = if mean >= 1.0 {
        AnticipatedStatus::MaintainProgress
    } else if mean > 0.0 {
        AnticipatedStatus::AccelerateProgress
    } else {
        AnticipatedStatus::ReverseTrend
    };
    AnticipatedProgress {
        status,
        projected: None,
        ratio: Some(mean),
        gap: Some(1.0 - mean),
        explanation: ex,
    }
}

/// A goal's current status index: the mean progress made over its series
/// (capped at 1, since going past a target does not make up for another),
/// to be read against the progress expected by now. None without data.
pub fn current_status_index(items: &[CurrentStatus]) -> Option<f64> {
    let made: Vec<f64> = items
        .iter()
        .filter_map(|c| match (c.level, c.progress_made) {
            (CurrentLevel::TargetAchieved, None) => Some(1.0),
            (_, made) => made.map(|m| m.min(1.0)),
        })
        .collect();
    (!made.is_empty()).then(|| made.iter().sum::<f64>() / made.len() as f64)
}

#[cfg(test)]
mod tests;
