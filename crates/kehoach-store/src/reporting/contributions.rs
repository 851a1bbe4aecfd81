//! Coordinating agencies' inputs to a task, kept apart from the lead
//! agency's entry; the lead agency and DPI read them.

use serde::Serialize;
use serde_json::json;

use super::rights::{allowed, check, Action, Owner, Resource};
use super::{Conflicting, Principal};
use crate::audit::{record, Change};
use crate::clock::now;
use crate::error::{Result, StoreError};
use crate::Store;

#[derive(Debug, Clone, Serialize, PartialEq, Eq, sqlx::FromRow)]
pub struct Contribution {
    pub id: i64,
    pub period_id: i64,
    pub task_id: i64,
    pub agency_id: i64,
    pub text: String,
    pub version: i64,
    pub updated_at: i64,
    pub updated_by: Option<i64>,
    pub submitted_at: Option<i64>,
}

/// A contribution as its agency saves it.
#[derive(Debug, Clone, Copy)]
pub struct ContributionDraft<'a> {
    pub period_id: i64,
    pub task_id: i64,
    pub agency_id: i64,
    pub text: &'a str,
    /// The version read; None when writing the first one.
    pub expected_version: Option<i64>,
    pub submit: bool,
}

const CONTRIBUTION_COLUMNS: &str =
    "SELECT id, period_id, task_id, agency_id, text, version, updated_at, \
     updated_by, submitted_at FROM contributions";

impl Store {
    /// Agencies answering, on the period's due date, for the task's lead
    /// (`role` = "lead") or coordinating agencies.
    async fn task_agencies_on(&self, period_id: i64, task_id: i64, role: &str) -> Result<Vec<i64>> {
        let period = self.period_row(period_id).await?;
        let named: Vec<i64> = sqlx::query_scalar(
            "SELECT agency_id FROM task_agencies WHERE task_id = $1 AND role = $2",
        )
        .bind(task_id)
        .bind(role)
        .fetch_all(&self.pool)
        .await?;
        let directory = self.agency_directory().await?;
        let mut out = Vec::new();
        for id in named {
            for a in directory.responsible_on(id, &period.agency_due_on) {
                if !out.contains(&a) {
                    out.push(a);
                }
            }
        }
        Ok(out)
    }

    /// Writes (or rewrites, at the version read) the agency's contribution
    /// to a task it coordinates; `submit` marks it sent to the lead agency.
    pub async fn save_contribution(
        &self,
        principal: &Principal,
        draft: &ContributionDraft<'_>,
    ) -> Result<Contribution> {
        let ContributionDraft {
            period_id,
            task_id,
            agency_id,
            text,
            expected_version,
            submit,
        } = *draft;
        check(
            principal,
            Resource::Contribution,
            Action::Edit,
            &Owner::agency(agency_id),
        )?;
        let period = self.period_row(period_id).await?;
        let in_plan: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM tasks t WHERE t.id = $1 AND t.version_id IN (SELECT id FROM latest_versions WHERE plan_id = $2)",
        )
        .bind(task_id)
        .bind(period.plan_id)
        .fetch_one(&self.pool)
        .await?;
        if in_plan == 0 {
            return Err(StoreError::Invalid(format!(
                "task {task_id} is not in the current version of the plan of period {}",
                period.label
            )));
        }
        if !self
            .task_agencies_on(period_id, task_id, "coordinating")
            .await?
            .contains(&agency_id)
        {
            // An agency with no part in the task has no say on it.
            return Err(StoreError::Forbidden(format!(
                "agency {agency_id} does not coordinate task {task_id}"
            )));
        }
        let at = now();
        let submitted_at = submit.then_some(at);
        let mut tx = self.pool.begin().await?;
        let current: Option<Contribution> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{CONTRIBUTION_COLUMNS} WHERE period_id = $1 AND task_id = $2 AND agency_id = $3"
        )))
        .bind(period_id)
        .bind(task_id)
        .bind(agency_id)
        .fetch_optional(&mut *tx)
        .await?;
        let id = match &current {
            Some(c) => {
                let updated = sqlx::query(
                    "UPDATE contributions SET text = $1, version = version + 1, updated_at = $2, updated_by = $3, \
                     submitted_at = COALESCE($4, submitted_at) WHERE id = $5 AND version = $6",
                )
                .bind(text)
                .bind(at)
                .bind(principal.user_id)
                .bind(submitted_at)
                .bind(c.id)
                .bind(expected_version.unwrap_or(-1))
                .persistent(false)
                .execute(&mut *tx)
                .await?;
                if updated.rows_affected() == 0 {
                    return Err(StoreError::Conflict {
                        current: Box::new(Conflicting::Contribution(c.clone())),
                    });
                }
                c.id
            }
            None => sqlx::query_scalar(
                "INSERT INTO contributions (period_id, task_id, agency_id, text, updated_at, updated_by, submitted_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(period_id)
            .bind(task_id)
            .bind(agency_id)
            .bind(text)
            .bind(at)
            .bind(principal.user_id)
            .bind(submitted_at)
            .persistent(false)
            .fetch_one(&mut *tx)
            .await?,
        };
        record(
            &mut tx,
            &principal.actor(),
            Change {
                action: "save",
                entity: "contribution",
                entity_id: Some(id),
                before: current
                    .as_ref()
                    .map(|c| json!({ "text": c.text, "version": c.version })),
                after: Some(json!({ "text": text, "submitted": submit })),
            },
        )
        .await?;
        tx.commit().await?;
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{CONTRIBUTION_COLUMNS} WHERE id = $1"
        )))
        .bind(id)
        .fetch_one(&self.pool)
        .await
        .map_err(Into::into)
    }

    /// The contributions to a task the principal may read (its own agency's,
    /// all of them for the lead agency, DPI and leaders). Refused outright
    /// when it may read none that could exist.
    pub async fn contributions_for(
        &self,
        principal: &Principal,
        period_id: i64,
        task_id: i64,
    ) -> Result<Vec<Contribution>> {
        let leads = self.task_agencies_on(period_id, task_id, "lead").await?;
        let probe = Owner {
            agency_id: principal.agency_id,
            lead_agencies: leads.clone(),
        };
        check(principal, Resource::Contribution, Action::Read, &probe)?;
        let all: Vec<Contribution> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{CONTRIBUTION_COLUMNS} WHERE period_id = $1 AND task_id = $2 ORDER BY id"
        )))
        .bind(period_id)
        .bind(task_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(all
            .into_iter()
            .filter(|c| {
                let owner = Owner {
                    agency_id: Some(c.agency_id),
                    lead_agencies: leads.clone(),
                };
                allowed(principal, Resource::Contribution, Action::Read, &owner)
            })
            .collect())
    }
}
