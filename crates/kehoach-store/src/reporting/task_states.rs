//! How a plan's tasks stand, target by target, according to the latest
//! period with accepted reports: what progress assessment sets beside the
//! indicators ("tasks on time, indicator worsening").

use std::collections::BTreeMap;

use serde::Serialize;

use super::rights::{allowed, Action, Owner, Resource};
use super::{EntryStatus, Principal, ReportState};
use crate::error::Result;
use crate::Store;

/// The tasks of one target (or of the plan's tasks without a target, code
/// None) by the status their lead agencies gave them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TargetTasks {
    pub target_code: Option<String>,
    pub tasks: usize,
    /// Done.
    pub done: usize,
    /// In progress or partly done.
    pub under_way: usize,
    /// Behind schedule, not done or not started.
    pub behind: usize,
    /// No accepted entry with a status in the period.
    pub not_reported: usize,
}

/// The period the states come from, and the states.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskStates {
    /// None when no period has accepted reports the principal may read.
    pub period_id: Option<i64>,
    pub period_label: Option<String>,
    pub targets: Vec<TargetTasks>,
}

impl Store {
    /// The latest period (by its end) with an accepted report that the
    /// principal may read: any for DPI and leaders; for everyone else only
    /// periods whose results DPI published.
    pub async fn task_states(&self, principal: &Principal, plan_id: i64) -> Result<TaskStates> {
        let version = self.latest_version_of(plan_id).await?;
        let reads_all = allowed(principal, Resource::Report, Action::Read, &Owner::nobody());
        let published_only = if reads_all {
            ""
        } else {
            " AND p.id IN (SELECT period_id FROM period_publications)"
        };
        let latest: Option<(i64, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT p.id, p.label FROM reporting_periods p WHERE p.plan_id = $1{published_only} \
             AND EXISTS (SELECT 1 FROM agency_reports r WHERE r.period_id = p.id AND r.state = $2) \
             ORDER BY p.ends_on DESC, p.id DESC LIMIT 1"
        )))
        .bind(plan_id)
        .bind(ReportState::Accepted.as_str())
        .fetch_optional(&self.pool)
        .await?;
        let tasks: Vec<(i64, Option<String>)> = sqlx::query_as(
            "SELECT t.id, g.code FROM tasks t LEFT JOIN targets g ON g.id = t.target_id \
             WHERE t.version_id = $1 ORDER BY t.id",
        )
        .bind(version)
        .fetch_all(&self.pool)
        .await?;
        let statuses: BTreeMap<i64, Vec<String>> = match &latest {
            Some((period, _)) => {
                let rows: Vec<(i64, Option<String>)> = sqlx::query_as(
                    "SELECT e.task_id, e.status FROM report_entries e JOIN agency_reports r ON r.id = e.report_id \
                     WHERE r.period_id = $1 AND r.state = $2",
                )
                .bind(period)
                .bind(ReportState::Accepted.as_str())
                .fetch_all(&self.pool)
                .await?;
                let mut map: BTreeMap<i64, Vec<String>> = BTreeMap::new();
                for (task, status) in rows {
                    if let Some(status) = status {
                        map.entry(task).or_default().push(status);
                    }
                }
                map
            }
            None => BTreeMap::new(),
        };
        let mut targets: Vec<TargetTasks> = Vec::new();
        for (task, target) in tasks {
            let index = match targets.iter().position(|t| t.target_code == target) {
                Some(i) => i,
                None => {
                    targets.push(TargetTasks {
                        target_code: target,
                        ..TargetTasks::default()
                    });
                    targets.len() - 1
                }
            };
            let Some(counts) = targets.get_mut(index) else {
                continue;
            };
            counts.tasks += 1;
            match worst(statuses.get(&task).map(Vec::as_slice).unwrap_or(&[])) {
                None => counts.not_reported += 1,
                Some(EntryStatus::Done) => counts.done += 1,
                Some(EntryStatus::InProgress | EntryStatus::PartlyDone) => counts.under_way += 1,
                Some(EntryStatus::Late | EntryStatus::NotDone | EntryStatus::NotStarted) => {
                    counts.behind += 1
                }
            }
        }
        Ok(TaskStates {
            period_id: latest.as_ref().map(|(id, _)| *id),
            period_label: latest.map(|(_, label)| label),
            targets,
        })
    }
}

/// A task led by several agencies stands as its least advanced report.
fn worst(statuses: &[String]) -> Option<EntryStatus> {
    let rank = |s: EntryStatus| match s {
        EntryStatus::NotDone => 0,
        EntryStatus::Late => 1,
        EntryStatus::NotStarted => 2,
        EntryStatus::InProgress => 3,
        EntryStatus::PartlyDone => 4,
        EntryStatus::Done => 5,
    };
    statuses
        .iter()
        .filter_map(|s| EntryStatus::parse(s))
        .min_by_key(|s| rank(*s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_task_stands_as_its_least_advanced_report() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(worst(&s(&["done", "late"])), Some(EntryStatus::Late));
        assert_eq!(
            worst(&s(&["done", "partly-done"])),
            Some(EntryStatus::PartlyDone)
        );
        assert_eq!(worst(&s(&["done"])), Some(EntryStatus::Done));
        assert_eq!(worst(&s(&[])), None);
        assert_eq!(worst(&s(&["unknown"])), None);
    }
}
