//! DPI's consolidated view of a period: every task of the plan in document
//! order with the accepted entries and the contributions about it, and the
//! agencies whose report is still missing or returned. The `.xlsx` export
//! ("bảng biểu theo đầu việc") is written from this.

use std::collections::HashMap;

use serde::Serialize;

use super::compliance::Standing;
use super::contributions::Contribution;
use super::entries::EntryRow;
use super::rights::{check, Action, Owner, Resource};
use super::setup::Period;
use super::{Principal, ReportState};
use crate::error::Result;
use crate::Store;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AcceptedEntry {
    pub agency_id: i64,
    pub agency_name: String,
    pub entry: EntryRow,
    pub funds: Vec<(String, f64)>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConsolidatedTask {
    pub task_id: i64,
    pub goal_code: Option<String>,
    pub target_code: Option<String>,
    pub code: Option<String>,
    pub text: String,
    pub line: i64,
    pub entries: Vec<AcceptedEntry>,
    pub contributions: Vec<Contribution>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Consolidation {
    pub period: Period,
    pub tasks: Vec<ConsolidatedTask>,
    /// Agencies whose report is missing or returned: (id, name, standing).
    pub outstanding: Vec<(i64, String, Standing)>,
}

#[derive(sqlx::FromRow)]
struct TaskRow {
    id: i64,
    goal_code: Option<String>,
    target_code: Option<String>,
    code: Option<String>,
    text: String,
    line: i64,
}

impl Store {
    /// For DPI and leaders (whoever reads every agency's report).
    pub async fn consolidation(
        &self,
        principal: &Principal,
        period_id: i64,
    ) -> Result<Consolidation> {
        check(principal, Resource::Report, Action::Read, &Owner::nobody())?;
        let period = self.period_row(period_id).await?;
        let version = self.latest_version_of(period.plan_id).await?;
        let tasks: Vec<TaskRow> = sqlx::query_as(
            "SELECT t.id, gl.code AS goal_code, g.code AS target_code, t.code, t.text, t.line \
             FROM tasks t LEFT JOIN targets g ON g.id = t.target_id LEFT JOIN goals gl ON gl.id = g.goal_id \
             WHERE t.version_id = $1 ORDER BY t.id",
        )
        .bind(version)
        .fetch_all(&self.pool)
        .await?;
        let directory = self.agency_directory().await?;
        let mut entries: HashMap<i64, Vec<AcceptedEntry>> = HashMap::new();
        let reports: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT id, agency_id FROM agency_reports WHERE period_id = $1 AND state = $2 ORDER BY agency_id",
        )
        .bind(period_id)
        .bind(ReportState::Accepted.as_str())
        .fetch_all(&self.pool)
        .await?;
        for (report, agency) in reports {
            for entry in self.entries_of(report).await? {
                entries
                    .entry(entry.row.task_id)
                    .or_default()
                    .push(AcceptedEntry {
                        agency_id: agency,
                        agency_name: directory.name(agency).to_string(),
                        entry: entry.row,
                        funds: entry.funds,
                    });
            }
        }
        let mut contributions: HashMap<i64, Vec<Contribution>> = HashMap::new();
        let all: Vec<Contribution> = sqlx::query_as(
            "SELECT id, period_id, task_id, agency_id, text, version, updated_at, updated_by, submitted_at \
             FROM contributions WHERE period_id = $1 ORDER BY id",
        )
        .bind(period_id)
        .fetch_all(&self.pool)
        .await?;
        for c in all {
            contributions.entry(c.task_id).or_default().push(c);
        }
        let outstanding = self
            .compliance_of(principal, &period, None)
            .await?
            .into_iter()
            .filter(|r| matches!(r.standing, Standing::Missing | Standing::Returned))
            .map(|r| (r.agency_id, r.agency_name, r.standing))
            .collect();
        let tasks = tasks
            .into_iter()
            .map(|t| ConsolidatedTask {
                entries: entries.remove(&t.id).unwrap_or_default(),
                contributions: contributions.remove(&t.id).unwrap_or_default(),
                task_id: t.id,
                goal_code: t.goal_code,
                target_code: t.target_code,
                code: t.code,
                text: t.text,
                line: t.line,
            })
            .collect();
        Ok(Consolidation {
            period,
            tasks,
            outstanding,
        })
    }
}
