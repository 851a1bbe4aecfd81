//! Scores from −5 to +5 and their mean for an indicator of several series.
//!
//! Source: "Progress Measurement Methodology for the Sustainable Development
//! Goals", section "Aggregated progress status" (Figures 1 and 2),
//! https://open-sdg.readthedocs.io/en/latest/progress-methodology/, and
//! sdg-build's `get_score` / `get_progress_status_from_score`.
//!
//! With a target the score is linear in R from −5 at R = −0.6 to 0 at R = 0.6
//! and from 0 to +5 at R = 1.3 (so 2.5 at R = 0.95). Without a target it is
//! linear from −5 at −2 % to −2.5 at 0 %, 0 at 0.5 %, 2.5 at 1.5 % and +5 at
//! 2 %, the positive breakpoints scaled by the limit factor C.

use crate::opensdg::ProgressStatus;

/// The score of a series with a numeric target, from its ratio R. The
/// coefficients are sdg-build's own roundings of 5/0.7, 0.6·5/0.7 and 5/1.2,
/// kept so that a series at exactly R = 0.95 scores 2.50005 there and here.
pub fn score_with_target(ratio: f64) -> f64 {
    if ratio >= 0.6 {
        (7.1429 * ratio - 4.2857).min(5.0)
    } else {
        (4.1667 * ratio - 2.5).max(-5.0)
    }
}

/// The score of a series without a target, from its signed growth rate and
/// the limit factor C (1 without a limit). At C = 0 (base value at the limit)
/// any growth that is not negative keeps the limit: +5.
pub fn score_without_target(growth: f64, coefficient: f64) -> f64 {
    if growth < 0.0 {
        return (125.0 * growth - 2.5).max(-5.0);
    }
    if coefficient <= 0.0 {
        return 5.0;
    }
    let normalised = growth / coefficient;
    if normalised >= 0.015 {
        (500.0 * normalised - 5.0).min(5.0)
    } else if normalised >= 0.005 {
        250.0 * normalised - 1.25
    } else {
        500.0 * normalised - 2.5
    }
}

/// The status of a mean score: [2.5, 5] on track, [0, 2.5) moderate,
/// [−2.5, 0) limited, [−5, −2.5) deterioration; "target achieved" only when
/// every scored series meets its target.
pub fn status_from_score(score: f64, all_targets_achieved: bool) -> ProgressStatus {
    if all_targets_achieved {
        ProgressStatus::TargetAchieved
    } else if score >= 2.5 {
        ProgressStatus::SubstantialProgress
    } else if score >= 0.0 {
        ProgressStatus::ModerateProgress
    } else if score >= -2.5 {
        ProgressStatus::LimitedProgress
    } else {
        ProgressStatus::Deterioration
    }
}
