//! The published method's numbers, reproduced.
//!
//! Source for the thresholds, breakpoints and rules asserted here (they carry
//! no worked example with a data series; their figures' breakpoints and the
//! "+1" example are the published numbers):
//! Statistics Canada / Open SDG, "Progress Measurement Methodology for the
//! Sustainable Development Goals", https://open-sdg.readthedocs.io/en/latest/progress-methodology/
//! and the implementation it documents, sdg-build `sdg/ProgressMeasure.py`,
//! https://github.com/open-sdg/sdg-build.

use super::score::{score_with_target, score_without_target, status_from_score};
use super::*;

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}

fn obs(pairs: &[(i32, f64)]) -> Vec<Observation> {
    pairs.iter().map(|&(y, v)| Observation::new(y, v)).collect()
}

fn decrease_to(target: f64) -> CagrConfig {
    CagrConfig::new(Direction::Decrease).with_target(target, 2030)
}

// Table "Ratio of observed over required growth rate": R ≥ 95 % on track,
// 60 % ≤ R < 95 % progress made but acceleration needed, 0 % ≤ R < 60 % limited
// progress, R < 0 % deterioration.
#[test]
fn ratio_thresholds_are_095_06_0() {
    let bands = Bands::with_target();
    assert_eq!(bands.status(0.95), ProgressStatus::SubstantialProgress);
    assert_eq!(bands.status(0.9499), ProgressStatus::ModerateProgress);
    assert_eq!(bands.status(0.6), ProgressStatus::ModerateProgress);
    assert_eq!(bands.status(0.5999), ProgressStatus::LimitedProgress);
    assert_eq!(bands.status(0.0), ProgressStatus::LimitedProgress);
    assert_eq!(bands.status(-0.0001), ProgressStatus::Deterioration);
}

// Table "Observed growth rate": CAGR ≥ 1.5 % C on track, 0.5 % C ≤ CAGR < 1.5 % C
// moderate, 0 % ≤ CAGR < 0.5 % C limited, CAGR < 0 % deterioration.
#[test]
fn growth_thresholds_are_15_05_0_percent() {
    let bands = Bands::without_target(1.0);
    assert_eq!(bands.status(0.015), ProgressStatus::SubstantialProgress);
    assert_eq!(bands.status(0.0149), ProgressStatus::ModerateProgress);
    assert_eq!(bands.status(0.005), ProgressStatus::ModerateProgress);
    assert_eq!(bands.status(0.0049), ProgressStatus::LimitedProgress);
    assert_eq!(bands.status(0.0), ProgressStatus::LimitedProgress);
    assert_eq!(bands.status(-0.0001), ProgressStatus::Deterioration);
}

// Figure 2: with a target, R ≤ −60 % scores −5, R = 60 % scores 0, R ≥ 130 %
// scores +5 (linear in between, so 95 % gives 2.5 and 0 % gives −2.5).
#[test]
fn score_with_target_follows_figure_2() {
    assert_eq!(score_with_target(-0.6), -5.0);
    assert_eq!(score_with_target(-3.0), -5.0);
    assert!(close(score_with_target(0.0), -2.5, 1e-9));
    assert!(close(score_with_target(0.6), 0.0, 1e-3));
    assert!(close(score_with_target(0.95), 2.5, 1e-3));
    assert!(
        score_with_target(0.95) >= 2.5,
        "R = 0.95 stays on track after scoring"
    );
    assert_eq!(score_with_target(1.3), 5.0);
    assert_eq!(score_with_target(4.0), 5.0);
}

// Figure 1: without a target, CAGR ≤ −2 % scores −5, 0 % −2.5, 0.5 % 0, 1.5 %
// 2.5, ≥ 2 % +5; the positive breakpoints scale with C.
#[test]
fn score_without_target_follows_figure_1() {
    assert_eq!(score_without_target(-0.02, 1.0), -5.0);
    assert_eq!(score_without_target(-0.5, 1.0), -5.0);
    assert!(close(score_without_target(0.0, 1.0), -2.5, 1e-12));
    assert!(close(score_without_target(0.005, 1.0), 0.0, 1e-9));
    assert!(close(score_without_target(0.015, 1.0), 2.5, 1e-9));
    assert!(close(score_without_target(0.02, 1.0), 5.0, 1e-9));
    assert_eq!(score_without_target(0.1, 1.0), 5.0);
    // With C = 0.5 every positive breakpoint halves: 0.75 % now scores 2.5.
    assert!(close(score_without_target(0.0075, 0.5), 2.5, 1e-9));
}

// "the aggregate progress status for an indicator with an overall score of +1
// is 'Progress made but acceleration needed'"; score ranges [2.5, 5], [0, 2.5[,
// [−2.5, 0[, [−5, −2.5[.
#[test]
fn overall_score_of_plus_one_is_moderate_progress() {
    assert_eq!(
        status_from_score(1.0, false),
        ProgressStatus::ModerateProgress
    );
    assert_eq!(
        status_from_score(2.5, false),
        ProgressStatus::SubstantialProgress
    );
    assert_eq!(
        status_from_score(0.0, false),
        ProgressStatus::ModerateProgress
    );
    assert_eq!(
        status_from_score(-0.01, false),
        ProgressStatus::LimitedProgress
    );
    assert_eq!(
        status_from_score(-2.5, false),
        ProgressStatus::LimitedProgress
    );
    assert_eq!(
        status_from_score(-2.51, false),
        ProgressStatus::Deterioration
    );
    assert_eq!(
        status_from_score(-1.0, true),
        ProgressStatus::TargetAchieved
    );
}

// The scaling factor: C = 1 − (y0/ylim)^4.44 below a maximum; identical at equal
// relative distances from a minimum or a maximum; 0 at the limit.
#[test]
fn limit_factor_is_symmetric_and_zero_at_the_limit() {
    let below_max = limit_coefficient(90.0, 100.0);
    let above_min = limit_coefficient(110.0, 100.0);
    assert!(close(below_max, 1.0 - 0.9_f64.powf(4.44), 1e-15));
    assert!(close(below_max, 0.373_621_645, 1e-9));
    assert!(close(below_max, above_min, 1e-12));
    assert_eq!(limit_coefficient(100.0, 100.0), 0.0);
    assert_eq!(limit_coefficient(250.0, 100.0), 1.0);
    assert_eq!(
        limit_coefficient(5.0, 0.0),
        1.0,
        "a limit of 0 changes nothing"
    );
    assert_eq!(limit_coefficient(0.0, 100.0), 1.0);
}

// "if the calculated progress value is zero or greater (CAGR ≥ 0), the current
// value is maintained at the limit … 'On track' as well as a score of +5".
#[test]
fn base_at_the_limit_and_maintained_is_on_track_with_five() {
    let config = CagrConfig::new(Direction::Increase).with_limit(100.0);
    let result = assess_series(&obs(&[(2015, 100.0), (2021, 100.0)]), &config);
    assert_eq!(result.status, ProgressStatus::SubstantialProgress);
    assert_eq!(result.score, Some(5.0));
    assert_eq!(result.explanation.rule, Rule::LimitMaintained);
    assert_eq!(
        result
            .explanation
            .figure_value(FigureName::LimitCoefficient),
        Some(0.0)
    );

    let falling = assess_series(&obs(&[(2015, 100.0), (2021, 99.0)]), &config);
    assert_eq!(falling.status, ProgressStatus::Deterioration);
}

// Near a maximum of 100 with base 95 (C = 1 − 0.95^4.44 = 0.2037), growing to
// 97 in five years (CAGR 0.4176 %) is on track, though below the unscaled 1.5 %.
#[test]
fn thresholds_shrink_near_a_maximum() {
    let config = CagrConfig::new(Direction::Increase).with_limit(100.0);
    let result = assess_series(&obs(&[(2015, 95.0), (2020, 97.0)]), &config);
    let ex = &result.explanation;
    assert!(close(
        ex.figure_value(FigureName::LimitCoefficient)
            .unwrap_or(f64::NAN),
        0.203_670_494,
        1e-8
    ));
    assert!(close(
        result.progress_value.unwrap_or(f64::NAN),
        0.004_175_511,
        1e-8
    ));
    assert_eq!(result.status, ProgressStatus::SubstantialProgress);
    assert_eq!(result.score, Some(5.0));
    assert!(close(
        ex.thresholds[0].at_least,
        0.015 * 0.203_670_494,
        1e-9
    ));
    assert_eq!(ex.thresholds[0].status, "substantial-progress");
    let without_limit = assess_series(
        &obs(&[(2015, 95.0), (2020, 97.0)]),
        &CagrConfig::new(Direction::Increase),
    );
    assert_eq!(without_limit.status, ProgressStatus::LimitedProgress);
}

// A decreasing indicator with a target (the method's ratio, computed by hand):
// 100 in 2015, 80 in 2020, target 45 in 2030.
// CAGR_i = 0.8^(1/5) − 1 = −4.3648 %, CAGR_T = 0.45^(1/15) − 1 = −5.1842 %,
// R = −1 · (−4.3648) / 5.1842 = 0.8419 → moderate; score 7.1429·R − 4.2857 = 1.728.
#[test]
fn decreasing_indicator_with_target_computed_by_hand() {
    let result = assess_series(
        &obs(&[(2015, 100.0), (2018, 90.0), (2020, 80.0)]),
        &decrease_to(45.0),
    );
    let ex = &result.explanation;
    assert!(close(
        ex.figure_value(FigureName::CagrObserved)
            .unwrap_or(f64::NAN),
        -0.043_647_500,
        1e-9
    ));
    assert!(close(
        ex.figure_value(FigureName::CagrRequired)
            .unwrap_or(f64::NAN),
        -0.051_841_737,
        1e-9
    ));
    assert!(close(
        result.progress_value.unwrap_or(f64::NAN),
        0.841_937_459,
        1e-9
    ));
    assert_eq!(result.status, ProgressStatus::ModerateProgress);
    assert_eq!(ex.rule, Rule::BetweenMediumAndHigh);
    assert!(close(result.score.unwrap_or(f64::NAN), 1.728_175, 1e-6));
    assert_eq!(
        ex.base,
        Some(Point {
            year: 2015,
            value: 100.0
        })
    );
    assert_eq!(
        ex.latest,
        Some(Point {
            year: 2020,
            value: 80.0
        })
    );
    assert_eq!(
        ex.target,
        Some(Point {
            year: 2030,
            value: 45.0
        })
    );
    assert_eq!(ex.thresholds.len(), 3);
    assert!(ex.warnings.is_empty());
}

// "If the target value is zero, it is replaced by 0.001"; likewise the base.
#[test]
fn zero_target_and_zero_base_become_0_001() {
    let result = assess_series(&obs(&[(2015, 4.0), (2020, 2.0)]), &decrease_to(0.0));
    assert!(result
        .explanation
        .has_warning(WarningCode::TargetZeroReplaced));
    assert_eq!(result.explanation.target.map(|p| p.value), Some(0.001));
    // R = 0.12945 / 0.42474 = 0.3048: limited progress.
    assert!(close(
        result.progress_value.unwrap_or(f64::NAN),
        0.304_771_925,
        1e-8
    ));
    assert_eq!(result.status, ProgressStatus::LimitedProgress);

    let from_zero = assess_series(
        &obs(&[(2015, 0.0), (2020, 2.0)]),
        &CagrConfig::new(Direction::Increase),
    );
    assert!(from_zero
        .explanation
        .has_warning(WarningCode::BaseZeroReplaced));
    assert_eq!(from_zero.status, ProgressStatus::SubstantialProgress);
}

// "the base year is assumed to be 2015 … Should there be no available data for
// 2015, the first available year following 2015 will be used."
#[test]
fn base_year_defaults_to_2015_or_the_next_available_year() {
    let config = CagrConfig::new(Direction::Increase);
    let result = assess_series(&obs(&[(2012, 1.0), (2016, 10.0), (2019, 11.0)]), &config);
    assert_eq!(
        result.explanation.base,
        Some(Point {
            year: 2016,
            value: 10.0
        })
    );
    assert!(result.explanation.has_warning(WarningCode::BaseYearMoved));
    let later_base = assess_series(
        &obs(&[(2015, 10.0), (2018, 11.0), (2020, 12.0)]),
        &config.with_base_year(2018),
    );
    assert_eq!(later_base.explanation.base.map(|p| p.year), Some(2018));
}

// Minimum data requirements: two years, and values of one sign; otherwise
// "Unable to assess". Duplicate years are refused (sdg-build raises on them).
#[test]
fn series_that_cannot_be_assessed_say_why() {
    let config = decrease_to(1.0);
    let cases: [(&[(i32, f64)], WarningCode); 5] = [
        (&[(2015, 5.0)], WarningCode::TooFewYears),
        (&[(2015, 5.0), (2019, -1.0)], WarningCode::SignChange),
        (
            &[(2015, 5.0), (2016, 4.0), (2016, 3.0)],
            WarningCode::DuplicateYear,
        ),
        (
            &[(2010, 5.0), (2014, 4.0)],
            WarningCode::BaseYearAfterLatest,
        ),
        (&[], WarningCode::NoData),
    ];
    for (pairs, code) in cases {
        let result = assess_series(&obs(pairs), &config);
        assert_eq!(result.status, ProgressStatus::UnableToAssess, "{pairs:?}");
        assert_eq!(result.score, None);
        assert_eq!(result.explanation.rule, Rule::SeriesRejected);
        assert!(
            result.explanation.has_warning(code),
            "{pairs:?}: {:?}",
            result.explanation.warnings
        );
    }
}

// Negative values: "If all values are negative, the desired direction of
// progress is flipped" — a rise from −10 to −5 shrinks the magnitude (CAGR −12.9 %),
// which is progress for an indicator that should increase.
#[test]
fn negative_series_flip_the_direction() {
    let result = assess_series(
        &obs(&[(2015, -10.0), (2020, -5.0)]),
        &CagrConfig::new(Direction::Increase),
    );
    assert!(result.progress_value.unwrap_or(f64::NAN) > 0.0);
    assert_eq!(result.status, ProgressStatus::SubstantialProgress);
}

// A series that meets its target scores +5 whatever its trend.
#[test]
fn target_met_scores_five() {
    let result = assess_series(
        &obs(&[(2015, 30.0), (2017, 20.0), (2019, 40.0)]),
        &decrease_to(45.0),
    );
    assert_eq!(result.status, ProgressStatus::TargetAchieved);
    assert_eq!(result.score, Some(5.0));
    assert!(result.target_achieved);
    assert!(
        result.progress_value.unwrap_or(f64::NAN) < 0.0,
        "the trend itself is worsening"
    );
}

#[test]
fn a_limit_is_ignored_when_a_target_is_given() {
    let config = CagrConfig::new(Direction::Increase)
        .with_target(100.0, 2030)
        .with_limit(100.0);
    let result = assess_series(&obs(&[(2015, 90.0), (2020, 95.0)]), &config);
    assert!(result
        .explanation
        .has_warning(WarningCode::LimitIgnoredWithTarget));
    assert_eq!(
        result
            .explanation
            .figure_value(FigureName::LimitCoefficient),
        None
    );
}

// "The mean of the progress scores from each series is taken as the overall
// progress score"; "all series must achieve the target for the aggregate
// progress status to be 'Target achieved'"; groups are averaged first.
#[test]
fn indicator_status_is_the_mean_score_of_its_series() {
    let moderate = assess_series(&obs(&[(2015, 100.0), (2020, 80.0)]), &decrease_to(45.0));
    let achieved = assess_series(&obs(&[(2015, 50.0), (2020, 40.0)]), &decrease_to(45.0));
    let rejected = assess_series(&obs(&[(2015, 50.0)]), &decrease_to(45.0));
    let indicator = aggregate(&[moderate.clone(), achieved.clone(), rejected.clone()]);
    // (1.728175 + 5) / 2 = 3.364: on track, but not every series met its target.
    assert!(close(indicator.score.unwrap_or(f64::NAN), 3.364_088, 1e-6));
    assert_eq!(indicator.status, ProgressStatus::SubstantialProgress);
    assert_eq!(
        indicator.explanation.figure_value(FigureName::SeriesCount),
        Some(3.0)
    );
    assert_eq!(
        indicator.explanation.figure_value(FigureName::ScoredCount),
        Some(2.0)
    );

    let both_met = aggregate(&[achieved.clone(), achieved.clone()]);
    assert_eq!(both_met.status, ProgressStatus::TargetAchieved);
    assert_eq!(both_met.explanation.rule, Rule::AllSeriesMeetTarget);

    // One group of two sub-series (mean 3.364) weighs as much as one series.
    let grouped = aggregate_nodes(&[
        ScoreNode::Group(vec![
            ScoreNode::Series(moderate.clone()),
            ScoreNode::Series(achieved),
        ]),
        ScoreNode::Series(moderate),
    ]);
    assert!(close(
        grouped.score.unwrap_or(f64::NAN),
        (3.364_088 + 1.728_175) / 2.0,
        1e-6
    ));
    assert_eq!(grouped.status, ProgressStatus::SubstantialProgress);

    assert_eq!(
        aggregate(&[rejected]).status,
        ProgressStatus::UnableToAssess
    );
}

#[test]
fn a_manual_status_needs_a_reason_and_keeps_the_computed_one() {
    let computed = aggregate(&[assess_series(
        &obs(&[(2015, 100.0), (2020, 80.0)]),
        &decrease_to(45.0),
    )]);
    assert!(computed
        .clone()
        .overridden(ProgressStatus::LimitedProgress, "  ")
        .is_err());
    let manual = computed.overridden(
        ProgressStatus::LimitedProgress,
        "2020 survey not comparable",
    );
    let manual = manual.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(manual.status, ProgressStatus::LimitedProgress);
    assert_eq!(manual.explanation.rule, Rule::ManualOverride);
    let record = manual.manual.unwrap_or_else(|| panic!("no override kept"));
    assert_eq!(record.computed, ProgressStatus::ModerateProgress);
    assert_eq!(record.reason, "2020 survey not comparable");
}

#[test]
fn results_serialise_with_kebab_case_codes() {
    let result = assess_series(&obs(&[(2015, 100.0), (2020, 80.0)]), &decrease_to(45.0));
    let json = serde_json::to_string(&result).unwrap_or_else(|e| panic!("{e}"));
    assert!(json.contains("\"status\":\"moderate-progress\""), "{json}");
    assert!(json.contains("\"method\":\"open-sdg-cagr\""), "{json}");
    assert!(json.contains("\"name\":\"cagr-required\""), "{json}");
    assert!(
        json.contains("\"rule\":\"between-medium-and-high\""),
        "{json}"
    );
}

// Input can hold any year: extreme years give a status, never a panic.
#[test]
fn extreme_years_do_not_overflow() {
    let series = obs(&[(i32::MIN, 1.0), (i32::MAX, 2.0)]);
    let result = assess_series(
        &series,
        &CagrConfig::new(Direction::Increase).with_base_year(i32::MIN),
    );
    assert_ne!(result.status, ProgressStatus::UnableToAssess);
    let escap =
        crate::escap::EscapConfig::new(3.0, Direction::Increase).with_years(i32::MIN, i32::MAX);
    let _ = crate::escap::anticipated_progress(&series, &escap);
    let _ = crate::escap::current_status(&series, &escap);
    let json = serde_json::to_string(&result.explanation);
    assert!(json.is_ok());
}
