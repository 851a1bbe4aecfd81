//! Agency reports: created lazily with one entry per task the agency answers
//! for. Their review (submit, return, accept, unlock) is in review.rs.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::json;

use super::entries::Entry;
use super::rights::{allowed, check, Action, Owner, Resource};
use super::setup::Period;
use super::{Principal, ReportState};
use crate::audit::{record, Change};
use crate::clock::now;
use crate::error::{Result, StoreError};
use crate::Store;

#[derive(Debug, Clone, Serialize, PartialEq, sqlx::FromRow)]
pub struct ReportRow {
    pub id: i64,
    pub period_id: i64,
    pub agency_id: i64,
    pub state: String,
    pub submitted_at: Option<i64>,
    pub on_time: Option<i64>,
    pub returned_at: Option<i64>,
    pub accepted_at: Option<i64>,
    pub locked: i64,
    pub version: i64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    #[serde(flatten)]
    pub row: ReportRow,
    pub entries: Vec<Entry>,
}

const REPORT_COLUMNS: &str =
    "SELECT id, period_id, agency_id, state, submitted_at, on_time, returned_at, \
     accepted_at, locked, version FROM agency_reports";

impl Store {
    /// Agency → the tasks it leads in the plan's latest version on the
    /// period's agency due date (following merges and successions).
    pub(crate) async fn responsibilities(
        &self,
        period: &Period,
    ) -> Result<BTreeMap<i64, Vec<i64>>> {
        let version = self.latest_version_of(period.plan_id).await?;
        let leads: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT ta.task_id, ta.agency_id FROM task_agencies ta JOIN tasks t ON t.id = ta.task_id \
             WHERE t.version_id = $1 AND ta.role = 'lead' ORDER BY t.id, ta.position",
        )
        .bind(version)
        .fetch_all(&self.pool)
        .await?;
        let directory = self.agency_directory().await?;
        let mut out: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
        for (task, named) in leads {
            for agency in directory.responsible_on(named, &period.agency_due_on) {
                let tasks = out.entry(agency).or_default();
                if !tasks.contains(&task) {
                    tasks.push(task);
                }
            }
        }
        Ok(out)
    }

    pub(crate) async fn report_row(&self, id: i64) -> Result<ReportRow> {
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{REPORT_COLUMNS} WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("report {id}")))
    }

    /// The agency's report for the period, created as a draft the first time
    /// its reporter (or DPI) asks for it.
    pub async fn report_for(
        &self,
        principal: &Principal,
        period_id: i64,
        agency_id: i64,
    ) -> Result<Report> {
        let owner = Owner::agency(agency_id);
        check(principal, Resource::Report, Action::Read, &owner)?;
        let existing: Option<ReportRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{REPORT_COLUMNS} WHERE period_id = $1 AND agency_id = $2"
        )))
        .bind(period_id)
        .bind(agency_id)
        .fetch_optional(&self.pool)
        .await?;
        if let Some(row) = existing {
            return self.report_with_entries(row).await;
        }
        // Readers who cannot write (leaders) do not create drafts.
        if !allowed(principal, Resource::Entry, Action::Edit, &owner)
            && !allowed(principal, Resource::Report, Action::Accept, &owner)
        {
            return Err(StoreError::NotFound(format!(
                "report of agency {agency_id} for period {period_id}"
            )));
        }
        let period = self.period_row(period_id).await?;
        let tasks = self
            .responsibilities(&period)
            .await?
            .remove(&agency_id)
            .unwrap_or_default();
        let at = now();
        let mut tx = self.pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO agency_reports (period_id, agency_id, state, created_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (period_id, agency_id) DO UPDATE SET state = agency_reports.state RETURNING id",
        )
        .bind(period_id)
        .bind(agency_id)
        .bind(ReportState::Draft.as_str())
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        for task in &tasks {
            sqlx::query(
                "INSERT INTO report_entries (report_id, task_id, updated_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (report_id, task_id) DO NOTHING",
            )
            .bind(id)
            .bind(task)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        }
        record(
            &mut tx,
            &principal.actor(),
            Change {
                action: "create",
                entity: "agency-report",
                entity_id: Some(id),
                before: None,
                after: Some(
                    json!({ "period_id": period_id, "agency_id": agency_id, "tasks": tasks.len() }),
                ),
            },
        )
        .await?;
        tx.commit().await?;
        let row = self.report_row(id).await?;
        self.report_with_entries(row).await
    }

    pub async fn report(&self, principal: &Principal, id: i64) -> Result<Report> {
        let row = self.report_row(id).await?;
        check(
            principal,
            Resource::Report,
            Action::Read,
            &Owner::agency(row.agency_id),
        )?;
        self.report_with_entries(row).await
    }

    async fn report_with_entries(&self, row: ReportRow) -> Result<Report> {
        let entries = self.entries_of(row.id).await?;
        Ok(Report { row, entries })
    }
}
