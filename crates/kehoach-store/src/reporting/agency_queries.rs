//! What the agency reporters' pages show beside the reporting records: the
//! tasks behind a report's entries, the tasks an agency coordinates in a
//! period, the contributions made to a report's tasks, and the indicators
//! an agency reports.

use std::collections::HashSet;

use serde::Serialize;

use super::contributions::Contribution;
use super::rights::{check, Action, Owner, Resource};
use super::setup::Period;
use super::Principal;
use crate::error::Result;
use crate::Store;

/// A task as a report shows it: where it sits in the plan and what it says.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, sqlx::FromRow)]
pub struct TaskBrief {
    pub task_id: i64,
    pub goal_code: Option<String>,
    pub target_code: Option<String>,
    pub code: Option<String>,
    pub text: String,
    pub period: Option<String>,
    pub line: i64,
}

/// An indicator an agency reports values for.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, sqlx::FromRow)]
pub struct IndicatorBrief {
    pub id: i64,
    pub code: Option<String>,
    pub target_code: Option<String>,
    pub name: String,
    pub unit: Option<String>,
}

const BRIEF_COLUMNS: &str = "SELECT t.id AS task_id, g.code AS goal_code, tg.code AS target_code, \
     t.code AS code, t.text AS text, t.period AS period, t.line AS line \
     FROM tasks t LEFT JOIN targets tg ON tg.id = t.target_id LEFT JOIN goals g ON g.id = tg.goal_id";

impl Store {
    /// The tasks of a report's entries, in plan order.
    pub async fn report_tasks(
        &self,
        principal: &Principal,
        report_id: i64,
    ) -> Result<Vec<TaskBrief>> {
        let report = self.report_row(report_id).await?;
        check(
            principal,
            Resource::Report,
            Action::Read,
            &Owner::agency(report.agency_id),
        )?;
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{BRIEF_COLUMNS} WHERE t.id IN (SELECT task_id FROM report_entries WHERE report_id = $1) \
             ORDER BY t.id"
        )))
        .bind(report_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Every contribution made in the report's period to the tasks of its
    /// entries: whoever reads the lead agency's report reads them.
    pub async fn report_contributions(
        &self,
        principal: &Principal,
        report_id: i64,
    ) -> Result<Vec<Contribution>> {
        let report = self.report_row(report_id).await?;
        check(
            principal,
            Resource::Report,
            Action::Read,
            &Owner::agency(report.agency_id),
        )?;
        Ok(sqlx::query_as(
            "SELECT id, period_id, task_id, agency_id, text, version, updated_at, updated_by, submitted_at \
             FROM contributions WHERE period_id = $1 AND task_id IN \
             (SELECT task_id FROM report_entries WHERE report_id = $2) ORDER BY id",
        )
        .bind(report.period_id)
        .bind(report_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The tasks of the period's plan (latest version) the agency answers
    /// for as a coordinating agency on the period's agency due date.
    pub async fn coordinated_tasks(
        &self,
        principal: &Principal,
        period_id: i64,
        agency_id: i64,
    ) -> Result<Vec<TaskBrief>> {
        check(
            principal,
            Resource::Contribution,
            Action::Read,
            &Owner::agency(agency_id),
        )?;
        let period = self.period_row(period_id).await?;
        let version = self.latest_version_of(period.plan_id).await?;
        let named: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT ta.task_id, ta.agency_id FROM task_agencies ta JOIN tasks t ON t.id = ta.task_id \
             WHERE t.version_id = $1 AND ta.role = 'coordinating'",
        )
        .bind(version)
        .fetch_all(&self.pool)
        .await?;
        let mine = self.answering_for(&period, named, agency_id).await?;
        let all: Vec<TaskBrief> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{BRIEF_COLUMNS} WHERE t.version_id = $1 ORDER BY t.id"
        )))
        .bind(version)
        .fetch_all(&self.pool)
        .await?;
        Ok(all
            .into_iter()
            .filter(|t| mine.contains(&t.task_id))
            .collect())
    }

    /// The indicators of the period's plan (latest version) the agency
    /// reports: those naming it (or an agency it answers for), and those
    /// naming nobody, which any agency may report.
    pub async fn reported_indicators(
        &self,
        principal: &Principal,
        period_id: i64,
        agency_id: i64,
    ) -> Result<Vec<IndicatorBrief>> {
        check(
            principal,
            Resource::IndicatorValue,
            Action::Read,
            &Owner::agency(agency_id),
        )?;
        let period = self.period_row(period_id).await?;
        let version = self.latest_version_of(period.plan_id).await?;
        let named: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT r.indicator_id, r.agency_id FROM indicator_reporters r \
             JOIN indicators i ON i.id = r.indicator_id WHERE i.version_id = $1",
        )
        .bind(version)
        .fetch_all(&self.pool)
        .await?;
        let with_reporter: HashSet<i64> = named.iter().map(|(i, _)| *i).collect();
        let mine = self.answering_for(&period, named, agency_id).await?;
        let all: Vec<IndicatorBrief> = sqlx::query_as(
            "SELECT id, code, target_code, name, unit FROM indicators WHERE version_id = $1 ORDER BY position",
        )
        .bind(version)
        .fetch_all(&self.pool)
        .await?;
        Ok(all
            .into_iter()
            .filter(|i| mine.contains(&i.id) || !with_reporter.contains(&i.id))
            .collect())
    }

    /// Of (item, named agency) pairs, the items `agency_id` answers for on
    /// the period's due date (following merges and successions).
    async fn answering_for(
        &self,
        period: &Period,
        named: Vec<(i64, i64)>,
        agency_id: i64,
    ) -> Result<HashSet<i64>> {
        let directory = self.agency_directory().await?;
        Ok(named
            .into_iter()
            .filter(|&(_, named)| {
                directory
                    .responsible_on(named, &period.agency_due_on)
                    .contains(&agency_id)
            })
            .map(|(item, _)| item)
            .collect())
    }
}
