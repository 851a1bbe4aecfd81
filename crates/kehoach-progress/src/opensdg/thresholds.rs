//! The threshold tables of the two cases (with and without a numeric target)
//! and the scaling factor that shrinks the no-target thresholds near a natural
//! limit.
//!
//! Source: Statistics Canada / Open SDG, "Progress Measurement Methodology for
//! the Sustainable Development Goals", https://open-sdg.readthedocs.io/en/latest/progress-methodology/
//! (tables "Ratio of observed over required growth rate" and "Observed growth
//! rate"), and the factor as implemented in sdg-build's `sdg/ProgressMeasure.py`
//! (`get_progress_thresholds`), https://github.com/open-sdg/sdg-build.

use crate::explain::Threshold;
use crate::opensdg::ProgressStatus;

/// With a target: R ≥ 0.95 on track, 0.6 ≤ R < 0.95 moderate, 0 ≤ R < 0.6 limited.
pub const RATIO_HIGH: f64 = 0.95;
pub const RATIO_MEDIUM: f64 = 0.6;
pub const RATIO_LOW: f64 = 0.0;

/// Without a target: CAGR ≥ 1.5 % on track, 0.5–1.5 % moderate, 0–0.5 % limited
/// (the positive ones scaled by the limit factor C).
pub const GROWTH_HIGH: f64 = 0.015;
pub const GROWTH_MEDIUM: f64 = 0.005;
pub const GROWTH_LOW: f64 = 0.0;

/// The exponent of the scaling factor C = 1 − (y0 / ylim)^4.44.
pub const LIMIT_EXPONENT: f64 = 4.44;

/// The three thresholds a progress value is compared with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bands {
    pub high: f64,
    pub medium: f64,
    pub low: f64,
}

impl Bands {
    pub fn with_target() -> Self {
        Bands {
            high: RATIO_HIGH,
            medium: RATIO_MEDIUM,
            low: RATIO_LOW,
        }
    }

    /// The no-target thresholds multiplied by the limit factor (1 without a
    /// limit). Only thresholds above 0 shrink; the lowest is 0 anyway.
    pub fn without_target(coefficient: f64) -> Self {
        Bands {
            high: GROWTH_HIGH * coefficient,
            medium: GROWTH_MEDIUM * coefficient,
            low: GROWTH_LOW * coefficient,
        }
    }

    /// The status a progress value falls in.
    pub fn status(&self, value: f64) -> ProgressStatus {
        if value >= self.high {
            ProgressStatus::SubstantialProgress
        } else if value >= self.medium {
            ProgressStatus::ModerateProgress
        } else if value >= self.low {
            ProgressStatus::LimitedProgress
        } else {
            ProgressStatus::Deterioration
        }
    }

    /// The table as shown in an explanation.
    pub fn table(&self) -> Vec<Threshold> {
        [
            (self.high, ProgressStatus::SubstantialProgress),
            (self.medium, ProgressStatus::ModerateProgress),
            (self.low, ProgressStatus::LimitedProgress),
        ]
        .into_iter()
        .map(|(at_least, status)| Threshold {
            at_least,
            status: status.code().to_string(),
        })
        .collect()
    }
}

/// The scaling factor C for a base value near a natural limit, as sdg-build
/// computes it on absolute values: 1 − (y0/L)^4.44 up to the limit (a maximum),
/// 1 − ((2L − y0)/L)^4.44 between L and 2L (a minimum, mirrored so that equal
/// relative distances give equal factors), and 1 from 2L on (which also makes
/// a limit of 0 leave the thresholds alone).
pub fn limit_coefficient(base_value: f64, limit: f64) -> f64 {
    let base = base_value.abs();
    let limit = limit.abs();
    if base >= 2.0 * limit {
        1.0
    } else if base <= limit {
        1.0 - (base / limit).powf(LIMIT_EXPONENT)
    } else {
        1.0 - ((2.0 * limit - base) / limit).powf(LIMIT_EXPONENT)
    }
}
