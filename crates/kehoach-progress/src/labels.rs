//! Every code and label of this crate in one place: Vietnamese first, English
//! second. A page shows `label(lang)`; JSON carries `code()`, which is the
//! same kebab-case string serde writes for the value.

use serde::{Deserialize, Serialize};

use crate::combine::{MismatchCode, TargetStatus, TaskState, Trend};
use crate::escap::{AnticipatedStatus, CurrentLevel};
use crate::explain::{FigureName, Method, Rule, WarningCode};
use crate::opensdg::ProgressStatus;
use crate::series::Direction;

/// The language of a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Lang {
    Vi,
    En,
}

impl Lang {
    /// `vi…` gives Vietnamese, `en…` English; anything else none.
    pub fn from_code(code: &str) -> Option<Lang> {
        let lower = code.trim().to_ascii_lowercase();
        if lower.starts_with("vi") {
            Some(Lang::Vi)
        } else if lower.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

/// Generates `code()`, `label(lang)` and `ALL` for an enum from one table, so
/// a variant cannot be added without its code and both labels.
macro_rules! labelled {
    ($ty:ty { $($variant:ident => $code:literal, $vi:literal, $en:literal;)* }) => {
        impl $ty {
            /// Every value, in declaration order.
            pub const ALL: &'static [$ty] = &[$(<$ty>::$variant,)*];

            /// The stable kebab-case code (the serialised form).
            pub fn code(&self) -> &'static str {
                match self {
                    $(<$ty>::$variant => $code,)*
                }
            }

            /// The label shown to people.
            pub fn label(&self, lang: Lang) -> &'static str {
                match self {
                    $(<$ty>::$variant => match lang {
                        Lang::Vi => $vi,
                        Lang::En => $en,
                    },)*
                }
            }
        }
    };
}

labelled!(Direction {
    Increase => "increase", "Tăng là tốt", "Higher is better";
    Decrease => "decrease", "Giảm là tốt", "Lower is better";
});

labelled!(ProgressStatus {
    TargetAchieved => "target-achieved", "Đã đạt mục tiêu", "Target achieved";
    SubstantialProgress => "substantial-progress", "Đúng tiến độ (tiến bộ đáng kể)", "On track (substantial progress)";
    ModerateProgress => "moderate-progress", "Có tiến bộ nhưng cần đẩy nhanh", "Progress made but acceleration needed";
    LimitedProgress => "limited-progress", "Tiến bộ hạn chế", "Limited progress";
    Deterioration => "deterioration", "Đang xấu đi", "Deterioration";
    UnableToAssess => "unable-to-assess", "Không đủ điều kiện đánh giá", "Unable to assess";
});

labelled!(AnticipatedStatus {
    MaintainProgress => "maintain-progress", "Duy trì tiến độ để đạt mục tiêu", "Maintain progress to achieve the target";
    AccelerateProgress => "accelerate-progress", "Cần đẩy nhanh tiến độ để đạt mục tiêu", "Accelerate progress to achieve the target";
    ReverseTrend => "reverse-trend", "Cần đảo ngược xu hướng để đạt mục tiêu", "Reverse the trend to achieve the target";
    InsufficientData => "insufficient-data", "Không đủ dữ liệu", "Insufficient data";
});

labelled!(CurrentLevel {
    TargetAchieved => "target-achieved", "Đã đạt mục tiêu", "Target achieved";
    ExpectedProgressMade => "expected-progress-made", "Đạt mức tiến bộ cần có đến nay", "Progress expected by now made";
    BehindExpected => "behind-expected", "Có tiến bộ nhưng chậm hơn mức cần có", "Progress made, but less than needed by now";
    Regressed => "regressed", "Thụt lùi so với năm gốc", "Regressed since the base year";
    InsufficientData => "insufficient-data", "Không đủ dữ liệu", "Insufficient data";
});

labelled!(TargetStatus {
    Achieved => "achieved", "Đã đạt", "Achieved";
    OnTrack => "on-track", "Đúng tiến độ", "On track";
    AtRisk => "at-risk", "Có nguy cơ chậm", "At risk";
    OffTrack => "off-track", "Chậm tiến độ", "Off track";
    Unknown => "unknown", "Chưa đủ thông tin", "Not enough information";
});

labelled!(Trend {
    Achieved => "achieved", "Đã đạt mục tiêu", "Target achieved";
    OnTrack => "on-track", "Đúng tiến độ", "On track";
    NeedsAcceleration => "needs-acceleration", "Cần đẩy nhanh", "Needs acceleration";
    Worsening => "worsening", "Đang xấu đi", "Worsening";
    Unknown => "unknown", "Chưa đánh giá được", "Not assessed";
});

labelled!(TaskState {
    Done => "done", "Đã hoàn thành", "Done";
    OnTime => "on-time", "Đang thực hiện, đúng hạn", "Under way, on time";
    Late => "late", "Chậm so với kế hoạch", "Late";
    NotReported => "not-reported", "Chưa báo cáo", "Not reported";
});

labelled!(MismatchCode {
    TasksOnTimeIndicatorWorsening => "tasks-on-time-indicator-worsening",
        "Nhiệm vụ đúng hạn nhưng chỉ tiêu đang xấu đi",
        "Tasks on time, but the indicator is worsening";
    IndicatorOnTrackTasksNotReported => "indicator-on-track-tasks-not-reported",
        "Chỉ tiêu đúng tiến độ nhưng nhiệm vụ chưa được báo cáo",
        "Indicator on track, but tasks not reported";
});

labelled!(Method {
    OpenSdgCagr => "open-sdg-cagr",
        "Tăng trưởng kép bình quân năm (Eurostat, Thống kê Canada, Open SDG)",
        "Compound annual growth (Eurostat, Statistics Canada, Open SDG)";
    OpenSdgAggregate => "open-sdg-aggregate",
        "Điểm trung bình các chuỗi số liệu (Open SDG)",
        "Mean of the series' scores (Open SDG)";
    EscapCurrentStatus => "escap-current-status",
        "Hiện trạng so với năm gốc (ESCAP)",
        "Current status since the base year (ESCAP)";
    EscapAnticipated => "escap-anticipated",
        "Dự báo đến năm mục tiêu bằng hồi quy có trọng số theo thời gian (ESCAP)",
        "Projection to the target year by time-weighted regression (ESCAP)";
    TargetCombination => "target-combination",
        "Kết hợp tiến độ chỉ tiêu và tình hình thực hiện nhiệm vụ",
        "Indicators' progress combined with the tasks' states";
});

labelled!(Rule {
    TargetMet => "target-met",
        "Giá trị mới nhất đã đạt giá trị mục tiêu",
        "The latest value meets the target";
    AtOrAboveHigh => "at-or-above-high",
        "Chỉ số tiến độ đạt ngưỡng cao nhất",
        "The progress value is at or above the highest threshold";
    BetweenMediumAndHigh => "between-medium-and-high",
        "Chỉ số tiến độ nằm giữa ngưỡng trung bình và ngưỡng cao",
        "The progress value is between the middle and the highest threshold";
    BetweenLowAndMedium => "between-low-and-medium",
        "Chỉ số tiến độ nằm giữa ngưỡng thấp và ngưỡng trung bình",
        "The progress value is between the lowest and the middle threshold";
    BelowLow => "below-low",
        "Chỉ số tiến độ dưới ngưỡng thấp nhất (đi ngược hướng mong muốn)",
        "The progress value is below the lowest threshold (moving the wrong way)";
    LimitMaintained => "limit-maintained",
        "Giá trị gốc đã ở giới hạn tự nhiên và được giữ vững",
        "The base value is at the natural limit and is maintained";
    SeriesRejected => "series-rejected",
        "Chuỗi số liệu không đáp ứng yêu cầu tối thiểu (xem cảnh báo)",
        "The series does not meet the minimum requirements (see warnings)";
    MeanScore => "mean-score",
        "Trạng thái theo điểm trung bình của các chuỗi số liệu",
        "Status from the mean of the series' scores";
    AllSeriesMeetTarget => "all-series-meet-target",
        "Mọi chuỗi số liệu đều đã đạt mục tiêu",
        "Every series meets its target";
    NoSeriesScored => "no-series-scored",
        "Không chuỗi số liệu nào tính được điểm",
        "No series could be scored";
    ManualOverride => "manual-override",
        "Trạng thái do người có thẩm quyền xác định (có lý do)",
        "Status set by hand, with a reason";
    ProjectionMeetsTarget => "projection-meets-target",
        "Giá trị dự báo năm mục tiêu đạt mục tiêu",
        "The projected value for the target year meets the target";
    ProjectionShortOfTarget => "projection-short-of-target",
        "Giá trị dự báo tiến về mục tiêu nhưng chưa đạt",
        "The projection moves towards the target but falls short";
    ProjectionAwayFromTarget => "projection-away-from-target",
        "Giá trị dự báo đi xa mục tiêu so với năm gốc",
        "The projection moves away from the target compared with the base year";
    TooFewPoints => "too-few-points",
        "Quá ít điểm số liệu",
        "Too few data points";
    ProgressAtLeastExpected => "progress-at-least-expected",
        "Tiến bộ đạt được không thấp hơn mức cần có đến nay",
        "Progress made is at least what is needed by now";
    ProgressBelowExpected => "progress-below-expected",
        "Tiến bộ đạt được thấp hơn mức cần có đến nay",
        "Progress made is less than what is needed by now";
    ProgressNegative => "progress-negative",
        "Giá trị mới nhất xấu hơn giá trị năm gốc",
        "The latest value is worse than the base value";
    MeanRatio => "mean-ratio",
        "Trạng thái theo tỷ lệ trung bình của các chuỗi số liệu",
        "Status from the mean ratio of the series";
    IndicatorsAndTasks => "indicators-and-tasks",
        "Theo tiến độ chỉ tiêu, điều chỉnh theo nhiệm vụ chậm",
        "From the indicators' progress, adjusted for late tasks";
    IndicatorsWorsening => "indicators-worsening",
        "Chỉ tiêu đang xấu đi",
        "The indicators are worsening";
    TasksOnly => "tasks-only",
        "Chưa có số liệu chỉ tiêu: theo tình hình thực hiện nhiệm vụ",
        "No indicator data: from the tasks' states";
    NothingKnown => "nothing-known",
        "Chưa có số liệu chỉ tiêu và chưa có báo cáo nhiệm vụ",
        "No indicator data and no task reports";
});

labelled!(WarningCode {
    DuplicateYear => "duplicate-year",
        "Một năm có hơn một giá trị",
        "A year has more than one value";
    NonFiniteValue => "non-finite-value",
        "Giá trị không phải là số hữu hạn",
        "A value is not a finite number";
    NoData => "no-data",
        "Không có số liệu",
        "No data";
    TooFewYears => "too-few-years",
        "Cần ít nhất hai năm có số liệu",
        "At least two years of data are needed";
    BaseYearAfterLatest => "base-year-after-latest",
        "Không có số liệu từ năm gốc trở đi",
        "No data from the base year onwards";
    BaseYearMoved => "base-year-moved",
        "Năm gốc không có số liệu: dùng năm có số liệu kế tiếp",
        "No value in the base year: the next available year is used";
    SignChange => "sign-change",
        "Giá trị gốc và giá trị mới nhất trái dấu",
        "The base and latest values have opposite signs";
    IntermediateSignChange => "intermediate-sign-change",
        "Có giá trị giữa kỳ trái dấu với giá trị gốc",
        "A value between base and latest has the opposite sign";
    TargetZeroReplaced => "target-zero-replaced",
        "Mục tiêu bằng 0 được thay bằng 0,001",
        "A target of 0 is replaced by 0.001";
    BaseZeroReplaced => "base-zero-replaced",
        "Giá trị gốc bằng 0 được thay bằng 0,001",
        "A base value of 0 is replaced by 0.001";
    TargetEqualsBase => "target-equals-base",
        "Mục tiêu bằng giá trị gốc: không tính được tốc độ cần thiết",
        "The target equals the base value: no required rate can be computed";
    LimitIgnoredWithTarget => "limit-ignored-with-target",
        "Có mục tiêu số nên giới hạn tự nhiên không được dùng",
        "A numeric target is given, so the natural limit is not used";
    BaseBeyondLimit => "base-beyond-limit",
        "Giá trị gốc đã vượt giới hạn tự nhiên",
        "The base value is already beyond the natural limit";
    TargetYearNotAfterBase => "target-year-not-after-base",
        "Năm mục tiêu không sau năm gốc",
        "The target year is not after the base year";
    TargetMetAtBase => "target-met-at-base",
        "Mục tiêu đã đạt ngay từ năm gốc",
        "The target was already met in the base year";
});

labelled!(FigureName {
    CagrObserved => "cagr-observed",
        "Tốc độ tăng trưởng kép bình quân năm thực tế",
        "Observed compound annual growth rate";
    CagrRequired => "cagr-required",
        "Tốc độ tăng trưởng kép bình quân năm cần có để đạt mục tiêu",
        "Compound annual growth rate required to reach the target";
    ProgressValue => "progress-value",
        "Chỉ số tiến độ (đã tính hướng mong muốn)",
        "Progress value (signed for the desired direction)";
    Limit => "limit",
        "Giới hạn tự nhiên",
        "Natural limit";
    LimitCoefficient => "limit-coefficient",
        "Hệ số thu hẹp ngưỡng gần giới hạn",
        "Threshold scaling factor near the limit";
    Score => "score",
        "Điểm (từ −5 đến +5)",
        "Score (−5 to +5)";
    ProgressMade => "progress-made",
        "Phần tiến bộ đã đạt so với tiến bộ cần có đến năm mục tiêu",
        "Share of the needed progress made so far";
    ProgressExpected => "progress-expected",
        "Phần tiến bộ cần có đến nay",
        "Share of the progress needed by now";
    ProjectedValue => "projected-value",
        "Giá trị dự báo năm mục tiêu",
        "Projected value in the target year";
    RegressionSlope => "regression-slope",
        "Độ dốc của đường hồi quy (mỗi năm)",
        "Slope of the regression line (per year)";
    AnticipatedRatio => "anticipated-ratio",
        "Tỷ lệ tiến bộ dự báo so với tiến bộ cần có",
        "Anticipated progress as a share of the progress needed";
    AnticipatedGap => "anticipated-gap",
        "Khoảng cách dự báo đến mục tiêu so với tiến bộ cần có",
        "Anticipated gap to the target relative to the progress needed";
    SeriesCount => "series-count",
        "Số chuỗi số liệu",
        "Number of series";
    ScoredCount => "scored-count",
        "Số chuỗi số liệu tính được điểm",
        "Number of series scored";
    IndicatorLevel => "indicator-level",
        "Mức trung bình của các chỉ tiêu (−1 đến 2)",
        "Mean level of the indicators (−1 to 2)";
});

#[cfg(test)]
mod tests {
    use super::*;

    fn serialised<T: Serialize>(value: &T) -> String {
        match serde_json::to_value(value) {
            Ok(serde_json::Value::String(s)) => s,
            other => panic!("not a string: {other:?}"),
        }
    }

    macro_rules! codes_match_serde {
        ($($ty:ty),*) => {$(
            for value in <$ty>::ALL {
                assert_eq!(value.code(), serialised(value), "{value:?}");
                assert!(!value.label(Lang::Vi).is_empty());
                assert!(!value.label(Lang::En).is_empty());
                assert_ne!(value.label(Lang::Vi), value.code());
            }
        )*};
    }

    #[test]
    fn every_code_is_the_serialised_form_and_every_value_has_both_labels() {
        codes_match_serde!(
            Direction,
            ProgressStatus,
            AnticipatedStatus,
            CurrentLevel,
            TargetStatus,
            Trend,
            TaskState,
            MismatchCode,
            Method,
            Rule,
            WarningCode,
            FigureName
        );
    }

    #[test]
    fn language_codes() {
        assert_eq!(Lang::from_code("vi-VN"), Some(Lang::Vi));
        assert_eq!(Lang::from_code("EN"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
    }
}
