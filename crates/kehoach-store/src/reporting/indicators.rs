//! Indicator values an agency reports for a period: insert-only, every
//! revision kept, the highest revision is the current value.

use serde::Serialize;
use serde_json::json;

use super::rights::{check, Action, Owner, Resource};
use super::setup::Period;
use super::{IndicatorStatus, Principal};
use crate::audit::{record, Change};
use crate::clock::now;
use crate::error::{Result, StoreError};
use crate::Store;

#[derive(Debug, Clone, Serialize, PartialEq, sqlx::FromRow)]
pub struct IndicatorReport {
    pub id: i64,
    pub period_id: i64,
    pub indicator_id: i64,
    pub agency_id: i64,
    pub year: i64,
    pub value: Option<f64>,
    pub text: String,
    pub status: String,
    pub revision: i64,
    pub recorded_at: i64,
    pub recorded_by: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct NewIndicatorValue<'a> {
    pub period_id: i64,
    pub indicator_id: i64,
    pub agency_id: i64,
    pub year: i64,
    pub value: Option<f64>,
    pub text: &'a str,
    pub status: IndicatorStatus,
}

impl Store {
    pub async fn record_indicator_value(
        &self,
        principal: &Principal,
        new: &NewIndicatorValue<'_>,
    ) -> Result<IndicatorReport> {
        check(
            principal,
            Resource::IndicatorValue,
            Action::Edit,
            &Owner::agency(new.agency_id),
        )?;
        if new.value.is_some_and(|v| !v.is_finite()) {
            return Err(StoreError::Invalid(
                "an indicator value must be a finite number".into(),
            ));
        }
        let period = self.period_row(new.period_id).await?;
        self.check_indicator_reporter(&period, new.indicator_id, new.agency_id)
            .await?;
        let mut tx = self.pool.begin().await?;
        let revision: i64 = sqlx::query_scalar(
            "SELECT COALESCE(MAX(revision), 0) + 1 FROM indicator_reports \
             WHERE period_id = $1 AND indicator_id = $2 AND agency_id = $3 AND year = $4",
        )
        .bind(new.period_id)
        .bind(new.indicator_id)
        .bind(new.agency_id)
        .bind(new.year)
        .fetch_one(&mut *tx)
        .await?;
        // Not cached: a None value would fix the parameter's type on PostgreSQL.
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO indicator_reports (period_id, indicator_id, agency_id, year, value, text, status, \
             revision, recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(new.period_id)
        .bind(new.indicator_id)
        .bind(new.agency_id)
        .bind(new.year)
        .bind(new.value)
        .bind(new.text)
        .bind(new.status.as_str())
        .bind(revision)
        .bind(now())
        .bind(principal.user_id)
        .persistent(false)
        .fetch_one(&mut *tx)
        .await?;
        record(
            &mut tx,
            &principal.actor(),
            Change {
                action: "record",
                entity: "indicator-report",
                entity_id: Some(id),
                before: None,
                after: Some(json!({ "indicator_id": new.indicator_id, "year": new.year, "value": new.value, "text": new.text, "status": new.status.as_str(), "revision": revision })),
            },
        )
        .await?;
        tx.commit().await?;
        let mut history = self
            .indicator_history(principal, new.period_id, new.indicator_id, new.agency_id)
            .await?;
        history.retain(|r| r.id == id);
        history
            .pop()
            .ok_or_else(|| StoreError::NotFound(format!("indicator report {id}")))
    }

    /// The indicator belongs to the period's plan, and the agency answers
    /// for it on the due date when the plan names who reports it.
    async fn check_indicator_reporter(
        &self,
        period: &Period,
        indicator_id: i64,
        agency_id: i64,
    ) -> Result<()> {
        let plan: Option<i64> = sqlx::query_scalar(
            "SELECT v.plan_id FROM indicators i JOIN plan_versions v ON v.id = i.version_id WHERE i.id = $1",
        )
        .bind(indicator_id)
        .fetch_optional(&self.pool)
        .await?;
        if plan != Some(period.plan_id) {
            return Err(StoreError::Invalid(format!(
                "indicator {indicator_id} is not in the plan of period {}",
                period.label
            )));
        }
        let named: Vec<i64> =
            sqlx::query_scalar("SELECT agency_id FROM indicator_reporters WHERE indicator_id = $1")
                .bind(indicator_id)
                .fetch_all(&self.pool)
                .await?;
        if named.is_empty() {
            return Ok(());
        }
        let directory = self.agency_directory().await?;
        if named.iter().any(|&id| {
            directory
                .responsible_on(id, &period.agency_due_on)
                .contains(&agency_id)
        }) {
            Ok(())
        } else {
            Err(StoreError::Invalid(format!(
                "agency {agency_id} does not report indicator {indicator_id}"
            )))
        }
    }

    /// Every revision the agency recorded, newest first (the first is current).
    pub async fn indicator_history(
        &self,
        principal: &Principal,
        period_id: i64,
        indicator_id: i64,
        agency_id: i64,
    ) -> Result<Vec<IndicatorReport>> {
        check(
            principal,
            Resource::IndicatorValue,
            Action::Read,
            &Owner::agency(agency_id),
        )?;
        Ok(sqlx::query_as(
            "SELECT id, period_id, indicator_id, agency_id, year, value, text, status, revision, recorded_at, recorded_by \
             FROM indicator_reports WHERE period_id = $1 AND indicator_id = $2 AND agency_id = $3 \
             ORDER BY year, revision DESC",
        )
        .bind(period_id)
        .bind(indicator_id)
        .bind(agency_id)
        .fetch_all(&self.pool)
        .await?)
    }
}
