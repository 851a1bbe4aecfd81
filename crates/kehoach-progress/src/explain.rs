//! A result's explanation as data: the method, the values used, the figures
//! computed, the thresholds applied, the rule that decided and the warnings.
//! A page renders it with the labels in [`crate::labels`].

use serde::{Deserialize, Serialize};

use crate::series::{Direction, Point};

/// How a status was reached.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    pub method: Method,
    pub direction: Option<Direction>,
    pub base: Option<Point>,
    pub latest: Option<Point>,
    pub target: Option<Point>,
    pub figures: Vec<Figure>,
    /// The bands applied, highest first: a value at or above `at_least` gets
    /// `status` (a status code); below the last band, the method's lowest
    /// status (deterioration, reverse trend, regressed, worsening).
    pub thresholds: Vec<Threshold>,
    pub rule: Rule,
    pub warnings: Vec<Warning>,
}

impl Explanation {
    pub fn new(method: Method, rule: Rule) -> Self {
        Explanation {
            method,
            direction: None,
            base: None,
            latest: None,
            target: None,
            figures: Vec::new(),
            thresholds: Vec::new(),
            rule,
            warnings: Vec::new(),
        }
    }

    /// Records a computed figure; non-finite values are never recorded.
    pub fn figure(&mut self, name: FigureName, value: f64) {
        if value.is_finite() {
            self.figures.push(Figure { name, value });
        }
    }

    /// The value of a recorded figure.
    pub fn figure_value(&self, name: FigureName) -> Option<f64> {
        self.figures
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.value)
    }

    pub fn has_warning(&self, code: WarningCode) -> bool {
        self.warnings.iter().any(|w| w.code == code)
    }
}

/// A named number computed on the way.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub name: FigureName,
    pub value: f64,
}

/// One band of a threshold table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Threshold {
    pub at_least: f64,
    pub status: String,
}

/// Something the reader of a status should know: a replaced value, a moved
/// base year, or the reason a series was rejected. `year` and `value` say
/// where, when that applies.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    pub code: WarningCode,
    pub year: Option<i32>,
    pub value: Option<f64>,
}

impl Warning {
    pub fn new(code: WarningCode) -> Self {
        Warning {
            code,
            year: None,
            value: None,
        }
    }

    pub fn at_year(code: WarningCode, year: i32) -> Self {
        Warning {
            year: Some(year),
            ..Warning::new(code)
        }
    }

    pub fn at(code: WarningCode, year: i32, value: f64) -> Self {
        Warning {
            code,
            year: Some(year),
            value: value.is_finite().then_some(value),
        }
    }

    pub fn with_value(code: WarningCode, value: f64) -> Self {
        Warning {
            value: value.is_finite().then_some(value),
            ..Warning::new(code)
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    OpenSdgCagr,
    OpenSdgAggregate,
    EscapCurrentStatus,
    EscapAnticipated,
    TargetCombination,
}

/// The rule that decided a status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    TargetMet,
    AtOrAboveHigh,
    BetweenMediumAndHigh,
    BetweenLowAndMedium,
    BelowLow,
    LimitMaintained,
    SeriesRejected,
    MeanScore,
    AllSeriesMeetTarget,
    NoSeriesScored,
    ManualOverride,
    ProjectionMeetsTarget,
    ProjectionShortOfTarget,
    ProjectionAwayFromTarget,
    TooFewPoints,
    ProgressAtLeastExpected,
    ProgressBelowExpected,
    ProgressNegative,
    MeanRatio,
    IndicatorsAndTasks,
    IndicatorsWorsening,
    TasksOnly,
    NothingKnown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WarningCode {
    DuplicateYear,
    NonFiniteValue,
    NoData,
    TooFewYears,
    BaseYearAfterLatest,
    BaseYearMoved,
    SignChange,
    IntermediateSignChange,
    TargetZeroReplaced,
    BaseZeroReplaced,
    TargetEqualsBase,
    LimitIgnoredWithTarget,
    BaseBeyondLimit,
    TargetYearNotAfterBase,
    TargetMetAtBase,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FigureName {
    CagrObserved,
    CagrRequired,
    ProgressValue,
    Limit,
    LimitCoefficient,
    Score,
    ProgressMade,
    ProgressExpected,
    ProjectedValue,
    RegressionSlope,
    AnticipatedRatio,
    AnticipatedGap,
    SeriesCount,
    ScoredCount,
    IndicatorLevel,
}
