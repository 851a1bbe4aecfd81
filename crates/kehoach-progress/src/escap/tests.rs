//! ESCAP's measures on series whose numbers were computed by hand (ESCAP's
//! pages that could be read here give the categories and the questions the
//! indices answer, not a worked series; see docs/PROGRESS.md).
//!
//! Category names as published: "Maintain progress to achieve target",
//! "Accelerate progress to achieve target", "Reverse trend to achieve target"
//! (ESCAP, "Progress Assessment Methodology",
//! https://data.unescap.org/resource-guides/progress-assessment-methodology;
//! their use for a region: https://rsso01.psa.gov.ph/statistics/sdg).

use super::*;

fn obs(pairs: &[(i32, f64)]) -> Vec<Observation> {
    pairs.iter().map(|&(y, v)| Observation::new(y, v)).collect()
}

fn close(a: Option<f64>, b: f64, tolerance: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() <= tolerance)
}

/// Decreasing, target 70 in 2030: 100, 96, 93, 90, 86 from 2015 to 2019.
fn falling_mortality() -> (Vec<Observation>, EscapConfig) {
    (
        obs(&[
            (2015, 100.0),
            (2016, 96.0),
            (2017, 93.0),
            (2018, 90.0),
            (2019, 86.0),
        ]),
        EscapConfig::new(70.0, Direction::Decrease),
    )
}

/// Increasing, target 100: 60, 66, 70, 73 in 2015, 2017, 2019, 2021.
fn slowing_water_access() -> (Vec<Observation>, EscapConfig) {
    (
        obs(&[(2015, 60.0), (2017, 66.0), (2019, 70.0), (2021, 73.0)]),
        EscapConfig::new(100.0, Direction::Increase),
    )
}

/// Increasing, target 45: 40, 39, 38.5, 37 in 2015, 2018, 2020, 2022.
fn shrinking_forest() -> (Vec<Observation>, EscapConfig) {
    (
        obs(&[(2015, 40.0), (2018, 39.0), (2020, 38.5), (2022, 37.0)]),
        EscapConfig::new(45.0, Direction::Increase),
    )
}

// Weights 1..5; slope −3.4 a year; 2030 projection 48.8 ≤ 70: maintain.
// Ratio (48.8 − 100) / (70 − 100) = 1.7067.
#[test]
fn projection_past_the_target_is_maintain_progress() {
    let (series, config) = falling_mortality();
    let result = anticipated_progress(&series, &config);
    assert_eq!(result.status, AnticipatedStatus::MaintainProgress);
    assert!(close(result.projected, 48.8, 1e-9));
    assert!(close(result.ratio, 1.706_667, 1e-6));
    assert!(close(
        result.explanation.figure_value(FigureName::RegressionSlope),
        -3.4,
        1e-9
    ));
    assert_eq!(result.explanation.rule, Rule::ProjectionMeetsTarget);
    assert_eq!(
        result.explanation.base,
        Some(Point {
            year: 2015,
            value: 100.0
        })
    );
}

// Weights 1, 3, 5, 7; slope 1.9318; 2030 projection 90.70 < 100 but above the
// base 60: accelerate; ratio 0.7676, gap 0.2324 of the progress needed.
#[test]
fn projection_short_of_the_target_is_accelerate_progress() {
    let (series, config) = slowing_water_access();
    let result = anticipated_progress(&series, &config);
    assert_eq!(result.status, AnticipatedStatus::AccelerateProgress);
    assert!(close(result.projected, 90.704_545, 1e-6));
    assert!(close(result.ratio, 0.767_614, 1e-6));
    assert!(close(result.gap, 0.232_386, 1e-6));
    assert_eq!(result.explanation.rule, Rule::ProjectionShortOfTarget);
}

// Slope −0.471; 2030 projection 33.42 below the base 40: reverse the trend.
#[test]
fn projection_away_from_the_target_is_reverse_trend() {
    let (series, config) = shrinking_forest();
    let result = anticipated_progress(&series, &config);
    assert_eq!(result.status, AnticipatedStatus::ReverseTrend);
    assert!(close(result.projected, 33.417_271, 1e-6));
    assert!(close(result.ratio, -1.316_546, 1e-6));
    assert_eq!(result.explanation.rule, Rule::ProjectionAwayFromTarget);
}

#[test]
fn fewer_than_two_points_is_insufficient_data() {
    let config = EscapConfig::new(70.0, Direction::Decrease);
    let result = anticipated_progress(&obs(&[(2019, 86.0)]), &config);
    assert_eq!(result.status, AnticipatedStatus::InsufficientData);
    assert!(result.explanation.has_warning(WarningCode::TooFewYears));
    let before_base = anticipated_progress(&obs(&[(2010, 90.0), (2012, 88.0)]), &config);
    assert_eq!(before_base.status, AnticipatedStatus::InsufficientData);
    assert!(before_base
        .explanation
        .has_warning(WarningCode::BaseYearAfterLatest));
    let duplicated = anticipated_progress(&obs(&[(2016, 90.0), (2016, 88.0)]), &config);
    assert!(duplicated
        .explanation
        .has_warning(WarningCode::DuplicateYear));
}

// Current status: progress made (latest − base)/(target − base) against the
// share of the period elapsed, (latest year − 2015)/(2030 − 2015).
#[test]
fn current_status_against_the_progress_expected_by_now() {
    let (series, config) = falling_mortality();
    let ahead = current_status(&series, &config);
    // (86 − 100)/(70 − 100) = 0.4667 ≥ 4/15 = 0.2667.
    assert_eq!(ahead.level, CurrentLevel::ExpectedProgressMade);
    assert!(close(ahead.progress_made, 0.466_667, 1e-6));
    assert!(close(ahead.progress_expected, 0.266_667, 1e-6));

    let (series, config) = slowing_water_access();
    let behind = current_status(&series, &config);
    // (73 − 60)/(100 − 60) = 0.325 < 6/15 = 0.4.
    assert_eq!(behind.level, CurrentLevel::BehindExpected);
    assert!(close(behind.progress_made, 0.325, 1e-12));
    assert!(close(behind.progress_expected, 0.4, 1e-12));

    let (series, config) = shrinking_forest();
    let regressed = current_status(&series, &config);
    // (37 − 40)/(45 − 40) = −0.6.
    assert_eq!(regressed.level, CurrentLevel::Regressed);
    assert!(close(regressed.progress_made, -0.6, 1e-12));

    // The goal's index: mean of 0.4667, 0.325 and −0.6 = 0.0639.
    let index = current_status_index(&[ahead, behind, regressed]);
    assert!(close(index, 0.063_889, 1e-6));
}

#[test]
fn current_status_of_a_met_target() {
    let config = EscapConfig::new(70.0, Direction::Decrease);
    let result = current_status(&obs(&[(2015, 100.0), (2020, 65.0)]), &config);
    assert_eq!(result.level, CurrentLevel::TargetAchieved);
    assert_eq!(result.explanation.rule, Rule::TargetMet);
    let slipped = current_status(&obs(&[(2015, 60.0), (2020, 75.0)]), &config);
    assert_eq!(slipped.level, CurrentLevel::Regressed);
    assert!(slipped
        .explanation
        .has_warning(WarningCode::TargetMetAtBase));
}

// Mean of the capped ratios 1 (1.7067 capped), 0.7676 and −1.3165 = 0.1504:
// the target as a whole needs acceleration.
#[test]
fn series_are_averaged_up_to_the_target() {
    let results: Vec<AnticipatedProgress> = [
        falling_mortality(),
        slowing_water_access(),
        shrinking_forest(),
    ]
    .iter()
    .map(|(series, config)| anticipated_progress(series, config))
    .collect();
    let target = aggregate_anticipated(&results);
    assert_eq!(target.status, AnticipatedStatus::AccelerateProgress);
    assert!(close(target.ratio, 0.150_356, 1e-6));
    assert_eq!(target.explanation.rule, Rule::MeanRatio);
    assert_eq!(
        aggregate_anticipated(&[]).status,
        AnticipatedStatus::InsufficientData
    );
}
