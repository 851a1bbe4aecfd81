//! A target's status from two kinds of evidence: its indicators' progress
//! (from either method) and its tasks' states from the agency reports. Where
//! the two disagree the result says so, with codes a page can show:
//! tasks on time while an indicator worsens, or an indicator on track while
//! tasks go unreported.
//!
//! This is kehoach's own rule (no published method combines the two); it is
//! documented in docs/PROGRESS.md and every decision records its rule.

use serde::{Deserialize, Serialize};

use crate::escap::AnticipatedStatus;
use crate::explain::{Explanation, FigureName, Method, Rule, Threshold};
use crate::opensdg::ProgressStatus;

/// An indicator's progress, whichever method gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Trend {
    Achieved,
    OnTrack,
    NeedsAcceleration,
    Worsening,
    Unknown,
}

impl Trend {
    /// Achieved 2, on track 1, needs acceleration 0, worsening −1.
    fn level(self) -> Option<f64> {
        match self {
            Trend::Achieved => Some(2.0),
            Trend::OnTrack => Some(1.0),
            Trend::NeedsAcceleration => Some(0.0),
            Trend::Worsening => Some(-1.0),
            Trend::Unknown => None,
        }
    }
}

impl From<ProgressStatus> for Trend {
    /// Limited progress counts as needing acceleration: it still moves the
    /// right way, which "worsening" would deny.
    fn from(status: ProgressStatus) -> Self {
        match status {
            ProgressStatus::TargetAchieved => Trend::Achieved,
            ProgressStatus::SubstantialProgress => Trend::OnTrack,
            ProgressStatus::ModerateProgress | ProgressStatus::LimitedProgress => {
                Trend::NeedsAcceleration
            }
            ProgressStatus::Deterioration => Trend::Worsening,
            ProgressStatus::UnableToAssess => Trend::Unknown,
        }
    }
}

impl From<AnticipatedStatus> for Trend {
    fn from(status: AnticipatedStatus) -> Self {
        match status {
            AnticipatedStatus::MaintainProgress => Trend::OnTrack,
            AnticipatedStatus::AccelerateProgress => Trend::NeedsAcceleration,
            AnticipatedStatus::ReverseTrend => Trend::Worsening,
            AnticipatedStatus::InsufficientData => Trend::Unknown,
        }
    }
}

/// A task's state in the latest reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TaskState {
    Done,
    OnTime,
    Late,
    NotReported,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorInput {
    /// The indicator's code or id, as the caller names it.
    pub indicator: String,
    pub trend: Trend,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskInput {
    /// The task's code or id, as the caller names it.
    pub task: String,
    pub state: TaskState,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TargetStatus {
    Achieved,
    OnTrack,
    AtRisk,
    OffTrack,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MismatchCode {
    TasksOnTimeIndicatorWorsening,
    IndicatorOnTrackTasksNotReported,
}

/// A disagreement between indicators and tasks, naming who is involved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mismatch {
    pub code: MismatchCode,
    pub indicators: Vec<String>,
    pub tasks: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskCounts {
    pub done: usize,
    pub on_time: usize,
    pub late: usize,
    pub not_reported: usize,
}

impl TaskCounts {
    fn of(tasks: &[TaskInput]) -> Self {
        let mut counts = TaskCounts::default();
        for task in tasks {
            match task.state {
                TaskState::Done => counts.done += 1,
                TaskState::OnTime => counts.on_time += 1,
                TaskState::Late => counts.late += 1,
                TaskState::NotReported => counts.not_reported += 1,
            }
        }
        counts
    }

    fn total(&self) -> usize {
        self.done + self.on_time + self.late + self.not_reported
    }

    fn reported(&self) -> usize {
        self.done + self.on_time + self.late
    }

    /// Every task reported, none late.
    fn all_on_time(&self) -> bool {
        self.total() > 0 && self.late == 0 && self.not_reported == 0
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetAssessment {
    pub status: TargetStatus,
    /// The indicators' mean trend; none without any assessed indicator.
    pub indicator_trend: Option<Trend>,
    pub tasks: TaskCounts,
    pub mismatches: Vec<Mismatch>,
    pub explanation: Explanation,
}

/// Bands of the indicators' mean level: 1.5 achieved (only when all are),
/// 0.5 on track, −0.5 needs acceleration, below that worsening.
const LEVEL_BANDS: [(f64, Trend); 3] = [
    (1.5, Trend::Achieved),
    (0.5, Trend::OnTrack),
    (-0.5, Trend::NeedsAcceleration),
];

/// A target's status from its indicators' trends and its tasks' states.
pub fn combine(indicators: &[IndicatorInput], tasks: &[TaskInput]) -> TargetAssessment {
    let mut ex = Explanation::new(Method::TargetCombination, Rule::NothingKnown);
    let counts = TaskCounts::of(tasks);
    let indicator_trend = mean_trend(indicators, &mut ex);
    ex.thresholds = LEVEL_BANDS
        .iter()
        .map(|(at_least, trend)| Threshold {
            at_least: *at_least,
            status: trend.code().to_string(),
        })
        .collect();
    let (status, rule) = match indicator_trend {
        Some(trend) => from_indicators(trend, &counts),
        None => from_tasks_only(&counts),
    };
    ex.rule = rule;
    TargetAssessment {
        status,
        indicator_trend,
        tasks: counts,
        mismatches: mismatches(indicators, indicator_trend, tasks, &counts),
        explanation: ex,
    }
}

fn mean_trend(indicators: &[IndicatorInput], ex: &mut Explanation) -> Option<Trend> {
    let levels: Vec<f64> = indicators.iter().filter_map(|i| i.trend.level()).collect();
    if levels.is_empty() {
        return None;
    }
    let mean = levels.iter().sum::<f64>() / levels.len() as f64;
    ex.figure(FigureName::IndicatorLevel, mean);
    let all_achieved = indicators
        .iter()
        .filter(|i| i.trend != Trend::Unknown)
        .all(|i| i.trend == Trend::Achieved);
    Some(if all_achieved {
        Trend::Achieved
    } else {
        LEVEL_BANDS
            .iter()
            .skip(1)
            .find(|(at_least, _)| mean >= *at_least)
            .map(|(_, trend)| *trend)
            .unwrap_or(Trend::Worsening)
    })
}

/// Indicators decide; late tasks pull an achieved or on-track target down
/// to at risk, since the outcome may not last without the work.
fn from_indicators(trend: Trend, counts: &TaskCounts) -> (TargetStatus, Rule) {
    let status = match trend {
        Trend::Worsening => return (TargetStatus::OffTrack, Rule::IndicatorsWorsening),
        Trend::Achieved if counts.late == 0 => TargetStatus::Achieved,
        Trend::OnTrack if counts.late == 0 => TargetStatus::OnTrack,
        _ => TargetStatus::AtRisk,
    };
    (status, Rule::IndicatorsAndTasks)
}

/// Without indicator data: every reported task on time is on track, some
/// late at risk, more than half of the reported ones late off track.
fn from_tasks_only(counts: &TaskCounts) -> (TargetStatus, Rule) {
    if counts.reported() == 0 {
        return (TargetStatus::Unknown, Rule::NothingKnown);
    }
    let status = if counts.late * 2 > counts.reported() {
        TargetStatus::OffTrack
    } else if counts.late > 0 {
        TargetStatus::AtRisk
    } else {
        TargetStatus::OnTrack
    };
    (status, Rule::TasksOnly)
}

fn mismatches(
    indicators: &[IndicatorInput],
    trend: Option<Trend>,
    tasks: &[TaskInput],
    counts: &TaskCounts,
) -> Vec<Mismatch> {
    let mut found = Vec::new();
    let worsening: Vec<String> = indicators
        .iter()
        .filter(|i| i.trend == Trend::Worsening)
        .map(|i| i.indicator.clone())
        .collect();
    if counts.all_on_time() && !worsening.is_empty() {
        found.push(Mismatch {
            code: MismatchCode::TasksOnTimeIndicatorWorsening,
            indicators: worsening,
            tasks: tasks.iter().map(|t| t.task.clone()).collect(),
        });
    }
    if matches!(trend, Some(Trend::OnTrack | Trend::Achieved)) && counts.not_reported > 0 {
        found.push(Mismatch {
            code: MismatchCode::IndicatorOnTrackTasksNotReported,
            indicators: indicators
                .iter()
                .filter(|i| matches!(i.trend, Trend::OnTrack | Trend::Achieved))
                .map(|i| i.indicator.clone())
                .collect(),
            tasks: tasks
                .iter()
                .filter(|t| t.state == TaskState::NotReported)
                .map(|t| t.task.clone())
                .collect(),
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indicator(code: &str, trend: Trend) -> IndicatorInput {
        IndicatorInput {
            indicator: code.to_string(),
            trend,
        }
    }

    fn task(code: &str, state: TaskState) -> TaskInput {
        TaskInput {
            task: code.to_string(),
            state,
        }
    }

    #[test]
    fn tasks_on_time_while_an_indicator_worsens_is_flagged() {
        let result = combine(
            &[
                indicator("3.1.1", Trend::Worsening),
                indicator("3.1.2", Trend::OnTrack),
            ],
            &[task("T1", TaskState::Done), task("T2", TaskState::OnTime)],
        );
        // Mean level (−1 + 1)/2 = 0: needs acceleration, so at risk.
        assert_eq!(result.indicator_trend, Some(Trend::NeedsAcceleration));
        assert_eq!(result.status, TargetStatus::AtRisk);
        assert_eq!(result.mismatches.len(), 1);
        let mismatch = &result.mismatches[0];
        assert_eq!(mismatch.code, MismatchCode::TasksOnTimeIndicatorWorsening);
        assert_eq!(mismatch.code.code(), "tasks-on-time-indicator-worsening");
        assert_eq!(mismatch.indicators, vec!["3.1.1".to_string()]);
        assert_eq!(mismatch.tasks.len(), 2);
    }

    #[test]
    fn indicator_on_track_with_unreported_tasks_is_flagged() {
        let result = combine(
            &[indicator(
                "6.1.1",
                ProgressStatus::SubstantialProgress.into(),
            )],
            &[
                task("T1", TaskState::Done),
                task("T2", TaskState::NotReported),
            ],
        );
        assert_eq!(result.status, TargetStatus::OnTrack);
        assert_eq!(result.mismatches.len(), 1);
        assert_eq!(
            result.mismatches[0].code,
            MismatchCode::IndicatorOnTrackTasksNotReported
        );
        assert_eq!(result.mismatches[0].tasks, vec!["T2".to_string()]);
        assert_eq!(result.tasks.not_reported, 1);
    }

    #[test]
    fn worsening_indicators_put_the_target_off_track() {
        let result = combine(
            &[indicator("a", AnticipatedStatus::ReverseTrend.into())],
            &[task("T1", TaskState::OnTime)],
        );
        assert_eq!(result.status, TargetStatus::OffTrack);
        assert_eq!(result.explanation.rule, Rule::IndicatorsWorsening);
        assert_eq!(
            result.mismatches[0].code,
            MismatchCode::TasksOnTimeIndicatorWorsening
        );
    }

    #[test]
    fn achieved_needs_every_indicator_achieved_and_no_late_task() {
        let achieved = [
            indicator("a", Trend::Achieved),
            indicator("b", Trend::Unknown),
        ];
        assert_eq!(
            combine(&achieved, &[task("T", TaskState::Done)]).status,
            TargetStatus::Achieved
        );
        assert_eq!(
            combine(&achieved, &[task("T", TaskState::Late)]).status,
            TargetStatus::AtRisk
        );
        let mixed = [
            indicator("a", Trend::Achieved),
            indicator("b", Trend::OnTrack),
        ];
        let result = combine(&mixed, &[]);
        // Mean level 1.5, but not every indicator is achieved: on track.
        assert_eq!(result.indicator_trend, Some(Trend::OnTrack));
        assert_eq!(result.status, TargetStatus::OnTrack);
        assert_eq!(
            result.explanation.figure_value(FigureName::IndicatorLevel),
            Some(1.5)
        );
    }

    #[test]
    fn without_indicator_data_the_tasks_decide() {
        let none: [IndicatorInput; 0] = [];
        assert_eq!(combine(&none, &[]).status, TargetStatus::Unknown);
        assert_eq!(
            combine(&none, &[task("T", TaskState::NotReported)]).status,
            TargetStatus::Unknown
        );
        assert_eq!(
            combine(&none, &[task("T", TaskState::OnTime)]).status,
            TargetStatus::OnTrack
        );
        let some_late = [
            task("A", TaskState::Late),
            task("B", TaskState::Done),
            task("C", TaskState::Done),
        ];
        assert_eq!(combine(&none, &some_late).status, TargetStatus::AtRisk);
        let mostly_late = [
            task("A", TaskState::Late),
            task("B", TaskState::Late),
            task("C", TaskState::Done),
        ];
        let result = combine(&none, &mostly_late);
        assert_eq!(result.status, TargetStatus::OffTrack);
        assert_eq!(result.explanation.rule, Rule::TasksOnly);
        assert!(result.mismatches.is_empty());
    }

    #[test]
    fn statuses_from_both_methods_map_to_trends() {
        assert_eq!(
            Trend::from(ProgressStatus::LimitedProgress),
            Trend::NeedsAcceleration
        );
        assert_eq!(Trend::from(ProgressStatus::Deterioration), Trend::Worsening);
        assert_eq!(Trend::from(ProgressStatus::UnableToAssess), Trend::Unknown);
        assert_eq!(
            Trend::from(AnticipatedStatus::MaintainProgress),
            Trend::OnTrack
        );
        assert_eq!(
            Trend::from(AnticipatedStatus::InsufficientData),
            Trend::Unknown
        );
    }
}
