//! Who reported, on time or not, and how completely.

use serde::Serialize;

use super::rights::{allowed, check, Action, Owner, Resource};
use super::setup::{Period, PERIOD_COLUMNS};
use super::Principal;
use crate::error::Result;
use crate::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    OnTime,
    Late,
    /// Never submitted (no report, or a draft).
    Missing,
    /// Sent back by DPI (or unlocked) and not submitted again yet.
    Returned,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComplianceRow {
    pub period_id: i64,
    pub period_label: String,
    pub agency_id: i64,
    pub agency_name: String,
    /// The report's state; None when no report was started.
    pub state: Option<String>,
    pub standing: Standing,
    pub tasks: usize,
    pub filled: usize,
    /// filled / tasks (1 when the agency has no tasks).
    pub completeness: f64,
    pub last_reminder_at: Option<i64>,
}

impl Store {
    /// One row per agency answering for tasks in the period, in agency id
    /// order; a reporter sees only its own agency's row.
    pub async fn compliance(
        &self,
        principal: &Principal,
        period_id: i64,
    ) -> Result<Vec<ComplianceRow>> {
        check(principal, Resource::Period, Action::Read, &Owner::nobody())?;
        let period = self.period_row(period_id).await?;
        self.compliance_of(principal, &period, None).await
    }

    /// The agency's standing in every period of every plan, oldest first.
    pub async fn compliance_by_year(
        &self,
        principal: &Principal,
        agency_id: i64,
    ) -> Result<Vec<ComplianceRow>> {
        check(
            principal,
            Resource::Report,
            Action::Read,
            &Owner::agency(agency_id),
        )?;
        let periods: Vec<Period> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{PERIOD_COLUMNS} ORDER BY year, ends_on, plan_id"
        )))
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::new();
        for period in &periods {
            out.extend(
                self.compliance_of(principal, period, Some(agency_id))
                    .await?,
            );
        }
        Ok(out)
    }

    pub(crate) async fn compliance_of(
        &self,
        principal: &Principal,
        period: &Period,
        only: Option<i64>,
    ) -> Result<Vec<ComplianceRow>> {
        let responsible = self.responsibilities(period).await?;
        let directory = self.agency_directory().await?;
        let mut rows = Vec::new();
        for (agency_id, tasks) in responsible {
            if only.is_some_and(|a| a != agency_id)
                || !allowed(
                    principal,
                    Resource::Report,
                    Action::Read,
                    &Owner::agency(agency_id),
                )
            {
                continue;
            }
            let report: Option<(i64, String, Option<i64>)> = sqlx::query_as(
                "SELECT id, state, on_time FROM agency_reports WHERE period_id = $1 AND agency_id = $2",
            )
            .bind(period.id)
            .bind(agency_id)
            .fetch_optional(&self.pool)
            .await?;
            let filled = match &report {
                Some((id, _, _)) => self
                    .entries_of(*id)
                    .await?
                    .iter()
                    .filter(|e| e.is_filled() && tasks.contains(&e.row.task_id))
                    .count(),
                None => 0,
            };
            let standing = match &report {
                Some((_, state, _)) if state == "returned" => Standing::Returned,
                Some((_, state, on_time)) if state == "submitted" || state == "accepted" => {
                    if *on_time == Some(1) {
                        Standing::OnTime
                    } else {
                        Standing::Late
                    }
                }
                _ => Standing::Missing,
            };
            let last_reminder_at: Option<i64> = sqlx::query_scalar(
                "SELECT MAX(sent_at) FROM reminders WHERE period_id = $1 AND agency_id = $2",
            )
            .bind(period.id)
            .bind(agency_id)
            .fetch_one(&self.pool)
            .await?;
            rows.push(ComplianceRow {
                period_id: period.id,
                period_label: period.label.clone(),
                agency_id,
                agency_name: directory.name(agency_id).to_string(),
                state: report.map(|(_, s, _)| s),
                standing,
                tasks: tasks.len(),
                filled,
                completeness: if tasks.is_empty() {
                    1.0
                } else {
                    filled as f64 / tasks.len() as f64
                },
                last_reminder_at,
            });
        }
        Ok(rows)
    }
}
