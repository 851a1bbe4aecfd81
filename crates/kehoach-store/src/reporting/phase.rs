//! A phase's evaluation (e.g. 2018–2020, as the plans require at the end of
//! each phase): every task of the plan with what its lead agencies reported
//! and DPI accepted in each period of the phase, and where each task stood
//! last.

use std::collections::HashMap;

use serde::Serialize;

use super::rights::{check, Action, Owner, Resource};
use super::{EntryStatus, Principal, ReportState};
use crate::error::{Result, StoreError};
use crate::Store;

/// One accepted entry of a period in the phase.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct PhaseEntry {
    pub period_id: i64,
    pub period_label: String,
    pub year: i64,
    pub agency_id: i64,
    pub status: Option<String>,
    pub results: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhaseTask {
    pub task_id: i64,
    pub goal_code: Option<String>,
    pub target_code: Option<String>,
    pub code: Option<String>,
    pub text: String,
    /// Accepted entries, oldest period first.
    pub entries: Vec<PhaseEntry>,
    /// The status of its latest accepted entry with a status.
    pub last_status: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhaseReview {
    pub plan_id: i64,
    pub from_year: i64,
    pub to_year: i64,
    /// The phase's periods: (id, label, year), in order.
    pub periods: Vec<(i64, String, i64)>,
    pub tasks: Vec<PhaseTask>,
}

impl PhaseReview {
    /// Tasks by where they stood last: done, under way, behind, never
    /// reported in the phase.
    pub fn tally(&self) -> [usize; 4] {
        let mut out = [0; 4];
        for task in &self.tasks {
            let slot = match task.last_status.as_deref().and_then(EntryStatus::parse) {
                Some(EntryStatus::Done) => 0,
                Some(EntryStatus::InProgress | EntryStatus::PartlyDone) => 1,
                Some(_) => 2,
                None => 3,
            };
            if let Some(n) = out.get_mut(slot) {
                *n += 1;
            }
        }
        out
    }
}

#[derive(sqlx::FromRow)]
struct TaskRow {
    id: i64,
    goal_code: Option<String>,
    target_code: Option<String>,
    code: Option<String>,
    text: String,
}

#[derive(sqlx::FromRow)]
struct EntryRow {
    task_id: i64,
    #[sqlx(flatten)]
    entry: PhaseEntry,
}

impl Store {
    /// For DPI and leaders (whoever reads every agency's report).
    pub async fn phase_review(
        &self,
        principal: &Principal,
        plan_id: i64,
        from_year: i64,
        to_year: i64,
    ) -> Result<PhaseReview> {
        check(principal, Resource::Report, Action::Read, &Owner::nobody())?;
        if from_year > to_year {
            return Err(StoreError::Invalid(format!(
                "a phase from {from_year} to {to_year} runs backwards"
            )));
        }
        let version = self.latest_version_of(plan_id).await?;
        let periods: Vec<(i64, String, i64)> = sqlx::query_as(
            "SELECT id, label, year FROM reporting_periods WHERE plan_id = $1 AND year BETWEEN $2 AND $3 \
             ORDER BY ends_on, kind",
        )
        .bind(plan_id)
        .bind(from_year)
        .bind(to_year)
        .fetch_all(&self.pool)
        .await?;
        let tasks: Vec<TaskRow> = sqlx::query_as(
            "SELECT t.id, gl.code AS goal_code, g.code AS target_code, t.code, t.text \
             FROM tasks t LEFT JOIN targets g ON g.id = t.target_id LEFT JOIN goals gl ON gl.id = g.goal_id \
             WHERE t.version_id = $1 ORDER BY t.id",
        )
        .bind(version)
        .fetch_all(&self.pool)
        .await?;
        let rows: Vec<EntryRow> = sqlx::query_as(
            "SELECT e.task_id, p.id AS period_id, p.label AS period_label, p.year, r.agency_id, e.status, e.results \
             FROM report_entries e JOIN agency_reports r ON r.id = e.report_id \
             JOIN reporting_periods p ON p.id = r.period_id \
             WHERE p.plan_id = $1 AND p.year BETWEEN $2 AND $3 AND r.state = $4 \
             ORDER BY p.ends_on, p.kind, r.agency_id",
        )
        .bind(plan_id)
        .bind(from_year)
        .bind(to_year)
        .bind(ReportState::Accepted.as_str())
        .fetch_all(&self.pool)
        .await?;
        let mut by_task: HashMap<i64, Vec<PhaseEntry>> = HashMap::new();
        for row in rows {
            by_task.entry(row.task_id).or_default().push(row.entry);
        }
        let tasks = tasks
            .into_iter()
            .map(|t| {
                let entries = by_task.remove(&t.id).unwrap_or_default();
                let last_status = entries.iter().rev().find_map(|e| e.status.clone());
                PhaseTask {
                    task_id: t.id,
                    goal_code: t.goal_code,
                    target_code: t.target_code,
                    code: t.code,
                    text: t.text,
                    entries,
                    last_status,
                }
            })
            .collect();
        Ok(PhaseReview {
            plan_id,
            from_year,
            to_year,
            periods,
            tasks,
        })
    }

    /// The plan's phases as its document states them (year ranges).
    pub async fn plan_phases(&self, plan_id: i64) -> Result<Vec<(i64, i64)>> {
        let text: Option<String> = sqlx::query_scalar(
            "SELECT v.phases FROM plan_versions v JOIN latest_versions l ON l.id = v.id WHERE v.plan_id = $1",
        )
        .bind(plan_id)
        .fetch_optional(&self.pool)
        .await?;
        let text = text.ok_or_else(|| StoreError::NotFound(format!("plan {plan_id}")))?;
        let phases: Vec<kehoach_model::YearRange> = serde_json::from_str(&text)?;
        Ok(phases
            .into_iter()
            .map(|p| (i64::from(p.from), i64::from(p.to)))
            .collect())
    }
}
