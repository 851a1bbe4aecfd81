//! Queries DPI's review pages need beyond the chain's own: the plan text of
//! a report's tasks, the reports of a period by agency, the goal and target
//! titles, and a signed-in user's notifications.

use std::collections::HashMap;

use serde::Serialize;

use super::reminders::Notification;
use super::rights::{allowed, check, Action, Owner, Resource};
use super::Principal;
use crate::error::Result;
use crate::Store;

/// A task as a reviewer reads it beside the entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct TaskText {
    pub id: i64,
    pub goal_code: Option<String>,
    pub goal_title: Option<String>,
    pub target_code: Option<String>,
    pub target_text: Option<String>,
    pub code: Option<String>,
    pub text: String,
    pub period: Option<String>,
    pub line: i64,
}

/// Where an agency's report of a period stands, for the links of the compliance table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ReportLink {
    pub id: i64,
    pub agency_id: i64,
    pub state: String,
    pub submitted_at: Option<i64>,
}

const TASK_TEXT_COLUMNS: &str =
    "SELECT t.id, gl.code AS goal_code, gl.title AS goal_title, g.code AS target_code, \
     g.text AS target_text, t.code, t.text, t.period, t.line \
     FROM tasks t LEFT JOIN targets g ON g.id = t.target_id LEFT JOIN goals gl ON gl.id = g.goal_id";

impl Store {
    /// The tasks of a report, in the report's entry order (whoever may read the report).
    pub async fn report_task_texts(
        &self,
        principal: &Principal,
        report_id: i64,
    ) -> Result<Vec<TaskText>> {
        let row = self.report_row(report_id).await?;
        check(
            principal,
            Resource::Report,
            Action::Read,
            &Owner::agency(row.agency_id),
        )?;
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{TASK_TEXT_COLUMNS} JOIN report_entries e ON e.task_id = t.id \
             WHERE e.report_id = $1 ORDER BY e.id"
        )))
        .bind(report_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Goal and target titles of the tasks of the period's plan, by task id
    /// (for the consolidated view and its workbook; same readers as the consolidation).
    pub async fn period_task_texts(
        &self,
        principal: &Principal,
        period_id: i64,
    ) -> Result<HashMap<i64, TaskText>> {
        check(principal, Resource::Report, Action::Read, &Owner::nobody())?;
        let period = self.period_row(period_id).await?;
        let version = self.latest_version_of(period.plan_id).await?;
        let rows: Vec<TaskText> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{TASK_TEXT_COLUMNS} WHERE t.version_id = $1 ORDER BY t.id"
        )))
        .bind(version)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|t| (t.id, t)).collect())
    }

    /// The reports started in a period that the principal may read, by agency.
    pub async fn period_reports(
        &self,
        principal: &Principal,
        period_id: i64,
    ) -> Result<HashMap<i64, ReportLink>> {
        check(principal, Resource::Period, Action::Read, &Owner::nobody())?;
        let rows: Vec<ReportLink> = sqlx::query_as(
            "SELECT id, agency_id, state, submitted_at FROM agency_reports WHERE period_id = $1",
        )
        .bind(period_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter(|r| {
                allowed(
                    principal,
                    Resource::Report,
                    Action::Read,
                    &Owner::agency(r.agency_id),
                )
            })
            .map(|r| (r.agency_id, r))
            .collect())
    }

    /// The signed-in user's notifications, newest first: those addressed to
    /// the user and those to the user's agency. The public has none.
    pub async fn my_notifications(&self, principal: &Principal) -> Result<Vec<Notification>> {
        let Some(user_id) = principal.user_id else {
            return Ok(Vec::new());
        };
        // -1 matches no agency: a user without one reads only its own.
        let agency = principal.agency_id.unwrap_or(-1);
        Ok(sqlx::query_as(
            "SELECT id, agency_id, user_id, text, created_at, read_at FROM notifications \
             WHERE user_id = $1 OR agency_id = $2 ORDER BY created_at DESC, id DESC",
        )
        .bind(user_id)
        .bind(agency)
        .fetch_all(&self.pool)
        .await?)
    }
}
