//! Worked examples: Statistics Canada's own published progress calculations.
//!
//! Source: Statistics Canada, Canada's SDG data hub data repository,
//! `indicator_calculation_components.yml` (the inputs and results Open SDG's
//! progress calculation wrote for every indicator), repository
//! sdg-data-canada-odd-donnees/sdg-data-donnees-odd, commit
//! 007ce50b770360d2abbb24e0cadccdb8f6043a83,
//! https://github.com/sdg-data-canada-odd-donnees/sdg-data-donnees-odd/blob/007ce50b770360d2abbb24e0cadccdb8f6043a83/indicator_calculation_components.yml
//!
//! Each case gives the published base and current values, direction, target
//! and limit, and expects the published progress value, score and status;
//! indicators expect the published mean score and status. Only the base and
//! current values enter the method, so a two-point series reproduces each.

mod cases;

use super::*;
use cases::*;

fn same(actual: Option<f64>, published: Option<f64>) -> bool {
    match (actual, published) {
        (Some(a), Some(p)) => (a - p).abs() <= 1e-9 * p.abs().max(1.0),
        (None, None) => true,
        _ => false,
    }
}

fn assess(case: &Case) -> SeriesAssessment {
    let mut observations = vec![Observation::new(case.base.0, case.base.1)];
    if case.current.0 != case.base.0 {
        observations.push(Observation::new(case.current.0, case.current.1));
    }
    let mut config = CagrConfig::new(case.direction).with_base_year(case.base_year);
    if let Some(target) = case.target {
        config = config.with_target(target, 2030);
    }
    if let Some(limit) = case.limit {
        config = config.with_limit(limit);
    }
    let result = assess_series(&observations, &config);
    assert_eq!(result.status, case.status, "{}", case.name);
    assert!(
        same(result.progress_value, case.progress),
        "{}: {:?}",
        case.name,
        result.progress_value
    );
    assert!(
        same(result.score, case.score),
        "{}: {:?}",
        case.name,
        result.score
    );
    result
}

fn assess_all(cases: &[Case]) -> Vec<SeriesAssessment> {
    cases.iter().map(assess).collect()
}

#[test]
fn single_series_reproduce_statistics_canada() {
    for result in assess_all(&SINGLES) {
        let indicator = aggregate(std::slice::from_ref(&result));
        assert_eq!(indicator.status, result.status);
    }
}

// Published: 1-3-1 limited_progress, score −0.9229165765750275.
#[test]
fn indicator_1_3_1_reproduces_statistics_canada() {
    let indicator = aggregate(&assess_all(&I_1_3_1));
    assert_eq!(indicator.status, ProgressStatus::LimitedProgress);
    assert!(same(indicator.score, Some(-0.9229165765750275)));
}

// Published: 1-4-1 moderate_progress, score 0.0887007453951234.
#[test]
fn indicator_1_4_1_reproduces_statistics_canada() {
    let indicator = aggregate(&assess_all(&I_1_4_1));
    assert_eq!(indicator.status, ProgressStatus::ModerateProgress);
    assert!(same(indicator.score, Some(0.0887007453951234)));
}

// Published: 15-2-1 limited_progress, score −0.7726194172049042.
#[test]
fn indicator_15_2_1_reproduces_statistics_canada() {
    let indicator = aggregate(&assess_all(&I_15_2_1));
    assert_eq!(indicator.status, ProgressStatus::LimitedProgress);
    assert!(same(indicator.score, Some(-0.7726194172049042)));
}

// Published: 16-1-3 limited_progress, score −2.0655251205873415.
#[test]
fn indicator_16_1_3_reproduces_statistics_canada() {
    let indicator = aggregate(&assess_all(&I_16_1_3));
    assert_eq!(indicator.status, ProgressStatus::LimitedProgress);
    assert!(same(indicator.score, Some(-2.0655251205873415)));
}

#[test]
fn zero_targets_and_targets_met_reproduce_statistics_canada() {
    let results = assess_all(&ZERO_TARGETS_AND_MET);
    for result in &results[..2] {
        assert!(result
            .explanation
            .has_warning(WarningCode::TargetZeroReplaced));
        assert_eq!(
            result.explanation.target.map(|p| p.value),
            Some(ZERO_REPLACEMENT)
        );
    }
    assert!(
        results[2].target_achieved,
        "3-1-1 meets its target while worsening"
    );
}

// Published: 3-4-1 limited_progress, score −1.5633462390011608.
#[test]
fn indicator_3_4_1_reproduces_statistics_canada() {
    let indicator = aggregate(&assess_all(&I_3_4_1));
    assert_eq!(indicator.status, ProgressStatus::LimitedProgress);
    assert!(same(indicator.score, Some(-1.5633462390011608)));
}

// Published: 17-2-1 limited_progress, score −0.026613676829259858.
#[test]
fn indicator_17_2_1_reproduces_statistics_canada() {
    let indicator = aggregate(&assess_all(&I_17_2_1));
    assert_eq!(indicator.status, ProgressStatus::LimitedProgress);
    assert!(same(indicator.score, Some(-0.026613676829259858)));
}

// Published: 2-5-1 moderate_progress, score 0.0.
#[test]
fn indicator_2_5_1_reproduces_statistics_canada() {
    let indicator = aggregate(&assess_all(&I_2_5_1));
    assert_eq!(indicator.status, ProgressStatus::ModerateProgress);
    assert_eq!(indicator.score, Some(0.0));
}
