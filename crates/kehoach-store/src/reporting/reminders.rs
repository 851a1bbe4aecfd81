//! Reminders to agencies that have not reported: one-click (manual) and
//! automatic, a configurable number of days before and after the due date.

use serde::Serialize;
use serde_json::json;
use time::Duration;

use super::compliance::Standing;
use super::periods::{iso, parse_iso};
use super::rights::{check, Action, Owner, Resource};
use super::setup::{Period, PERIOD_COLUMNS};
use super::{Channel, PeriodState, Principal, ReminderKind};
use crate::audit::{record, Change};
use crate::clock::now;
use crate::error::{Result, StoreError};
use crate::Store;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueReminder {
    pub period_id: i64,
    pub agency_id: i64,
    pub kind: ReminderKind,
    pub agency_due_on: String,
}

impl Store {
    /// The (period, agency) pairs of open periods that have not submitted
    /// and are owed an automatic reminder on `today` not sent yet.
    pub async fn due_reminders(
        &self,
        principal: &Principal,
        today: &str,
        days_before: i64,
        days_after: i64,
    ) -> Result<Vec<DueReminder>> {
        check(
            principal,
            Resource::Period,
            Action::OpenPeriod,
            &Owner::nobody(),
        )?;
        let today_date = parse_iso(today).ok_or_else(|| {
            StoreError::Invalid(format!("\"{today}\" is not a date as YYYY-MM-DD"))
        })?;
        let periods: Vec<Period> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{PERIOD_COLUMNS} WHERE state = $1 ORDER BY agency_due_on, id"
        )))
        .bind(PeriodState::Open.as_str())
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::new();
        for period in &periods {
            let Some(due) = parse_iso(&period.agency_due_on) else {
                continue;
            };
            let kind = if today_date >= due + Duration::days(days_after) && today_date > due {
                ReminderKind::AfterDue
            } else if today_date >= due - Duration::days(days_before) && today_date <= due {
                ReminderKind::BeforeDue
            } else {
                continue;
            };
            for row in self.compliance_of(principal, period, None).await? {
                if !matches!(row.standing, Standing::Missing | Standing::Returned) {
                    continue;
                }
                let sent: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM reminders WHERE period_id = $1 AND agency_id = $2 AND kind = $3",
                )
                .bind(period.id)
                .bind(row.agency_id)
                .bind(kind.as_str())
                .fetch_one(&self.pool)
                .await?;
                if sent == 0 {
                    out.push(DueReminder {
                        period_id: period.id,
                        agency_id: row.agency_id,
                        kind,
                        agency_due_on: iso(due),
                    });
                }
            }
        }
        Ok(out)
    }

    /// Records a reminder as sent, with an in-app notification to the agency.
    pub async fn record_reminder(
        &self,
        principal: &Principal,
        period_id: i64,
        agency_id: i64,
        kind: ReminderKind,
        channel: Channel,
    ) -> Result<i64> {
        check(
            principal,
            Resource::Period,
            Action::OpenPeriod,
            &Owner::nobody(),
        )?;
        let period = self.period_row(period_id).await?;
        let at = now();
        let mut tx = self.pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO reminders (period_id, agency_id, kind, channel, sent_at, sent_by) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(period_id)
        .bind(agency_id)
        .bind(kind.as_str())
        .bind(channel.as_str())
        .bind(at)
        .bind(principal.user_id)
        .persistent(false)
        .fetch_one(&mut *tx)
        .await?;
        if channel == Channel::App {
            sqlx::query(
                "INSERT INTO notifications (agency_id, text, created_at) VALUES ($1, $2, $3)",
            )
            .bind(agency_id)
            .bind(format!(
                "Báo cáo {} hạn {}",
                period.label, period.agency_due_on
            ))
            .bind(at)
            .execute(&mut *tx)
            .await?;
        }
        record(
            &mut tx,
            &principal.actor(),
            Change {
                action: "remind",
                entity: "reporting-period",
                entity_id: Some(period_id),
                before: None,
                after: Some(json!({ "agency_id": agency_id, "kind": kind.as_str(), "channel": channel.as_str() })),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }
}

/// An in-app message to an agency (or one user).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Notification {
    pub id: i64,
    pub agency_id: Option<i64>,
    pub user_id: Option<i64>,
    pub text: String,
    pub created_at: i64,
    pub read_at: Option<i64>,
}

impl Store {
    /// The agency's notifications, newest first: its reporters and DPI read them.
    pub async fn notifications_for(
        &self,
        principal: &Principal,
        agency_id: i64,
    ) -> Result<Vec<Notification>> {
        check(
            principal,
            Resource::Report,
            Action::Read,
            &Owner::agency(agency_id),
        )?;
        Ok(sqlx::query_as(
            "SELECT id, agency_id, user_id, text, created_at, read_at FROM notifications \
             WHERE agency_id = $1 ORDER BY id DESC",
        )
        .bind(agency_id)
        .fetch_all(&self.pool)
        .await?)
    }
}
