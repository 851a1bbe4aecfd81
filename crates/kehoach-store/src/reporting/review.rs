//! A report's way through review: submitted as a whole, returned with a
//! comment per entry, accepted (locked), unlocked with an audited reason.
//! Each step is one guarded UPDATE (state and version must be what was
//! read), so two reviewers acting at once cannot both succeed.

use serde_json::json;
use sqlx::AnyConnection;

use super::reports::ReportRow;
use super::rights::{check, Action, Owner, Resource};
use super::{local_date, PeriodState, Principal, ReportState};
use crate::audit::{record, Change};
use crate::clock::now;
use crate::error::{Result, StoreError};
use crate::Store;

/// One step, with what it stamps on the report.
enum Step {
    Submit { at: i64, on_time: bool },
    Return { at: i64 },
    Accept { at: i64 },
    Unlock { at: i64 },
}

impl Step {
    fn name(&self) -> &'static str {
        match self {
            Step::Submit { .. } => "submit",
            Step::Return { .. } => "return",
            Step::Accept { .. } => "accept",
            Step::Unlock { .. } => "unlock",
        }
    }

    fn from(&self) -> &'static [ReportState] {
        match self {
            Step::Submit { .. } => &[ReportState::Draft, ReportState::Returned],
            Step::Return { .. } | Step::Accept { .. } => &[ReportState::Submitted],
            Step::Unlock { .. } => &[ReportState::Accepted],
        }
    }

    /// An unlocked report goes back to the agency as if returned.
    fn to(&self) -> ReportState {
        match self {
            Step::Submit { .. } => ReportState::Submitted,
            Step::Return { .. } | Step::Unlock { .. } => ReportState::Returned,
            Step::Accept { .. } => ReportState::Accepted,
        }
    }

    /// $1 state, $2 id, $3 expected version, $4 time, $5 on time.
    fn sql(&self) -> &'static str {
        match self {
            Step::Submit { .. } => "UPDATE agency_reports SET state = $1, version = version + 1, submitted_at = $4, on_time = $5 WHERE id = $2 AND version = $3",
            Step::Return { .. } => "UPDATE agency_reports SET state = $1, version = version + 1, returned_at = $4 WHERE id = $2 AND version = $3",
            Step::Accept { .. } => "UPDATE agency_reports SET state = $1, version = version + 1, accepted_at = $4, locked = 1 WHERE id = $2 AND version = $3",
            Step::Unlock { .. } => "UPDATE agency_reports SET state = $1, version = version + 1, returned_at = $4, locked = 0 WHERE id = $2 AND version = $3",
        }
    }
}

impl Store {
    /// Submits the whole report; on time iff submitted (Vietnam's calendar)
    /// on or before the period's agency due date as it stands at submission.
    pub async fn submit_report(&self, principal: &Principal, id: i64) -> Result<ReportRow> {
        let row = self.report_row(id).await?;
        check(
            principal,
            Resource::Report,
            Action::Submit,
            &Owner::agency(row.agency_id),
        )?;
        let period = self.period_row(row.period_id).await?;
        if period.state != PeriodState::Open.as_str() {
            return Err(StoreError::Locked(format!(
                "period {} is not open",
                period.label
            )));
        }
        let at = now();
        let on_time = local_date(at) <= period.agency_due_on;
        let mut tx = self.pool.begin().await?;
        step(
            &mut tx,
            principal,
            &row,
            Step::Submit { at, on_time },
            json!({ "on_time": on_time }),
        )
        .await?;
        tx.commit().await?;
        self.report_row(id).await
    }

    /// Sends a submitted report back to its agency with comments per entry
    /// (entry id, comment), shown beside the entries; it becomes editable again.
    pub async fn return_report(
        &self,
        principal: &Principal,
        id: i64,
        comments: &[(i64, String)],
    ) -> Result<ReportRow> {
        let row = self.report_row(id).await?;
        check(
            principal,
            Resource::Report,
            Action::Return,
            &Owner::agency(row.agency_id),
        )?;
        let mut tx = self.pool.begin().await?;
        let details = json!({ "comments": comments.iter().map(|(e, c)| json!({ "entry": e, "comment": c })).collect::<Vec<_>>() });
        step(
            &mut tx,
            principal,
            &row,
            Step::Return { at: now() },
            details,
        )
        .await?;
        for (entry, comment) in comments {
            let updated = sqlx::query(
                "UPDATE report_entries SET review_comment = $1, version = version + 1 WHERE id = $2 AND report_id = $3",
            )
            .bind(comment.as_str())
            .bind(entry)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            if updated.rows_affected() == 0 {
                return Err(StoreError::Invalid(format!(
                    "entry {entry} is not in report {id}"
                )));
            }
        }
        tx.commit().await?;
        self.report_row(id).await
    }

    /// Accepts a submitted report and locks it.
    pub async fn accept_report(&self, principal: &Principal, id: i64) -> Result<ReportRow> {
        let row = self.report_row(id).await?;
        check(
            principal,
            Resource::Report,
            Action::Accept,
            &Owner::agency(row.agency_id),
        )?;
        let mut tx = self.pool.begin().await?;
        step(
            &mut tx,
            principal,
            &row,
            Step::Accept { at: now() },
            json!({}),
        )
        .await?;
        tx.commit().await?;
        self.report_row(id).await
    }

    /// Reopens an accepted report for corrections; the reason goes to the audit log.
    pub async fn unlock_report(
        &self,
        principal: &Principal,
        id: i64,
        reason: &str,
    ) -> Result<ReportRow> {
        let row = self.report_row(id).await?;
        check(
            principal,
            Resource::Report,
            Action::Unlock,
            &Owner::agency(row.agency_id),
        )?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(StoreError::Invalid(
                "unlocking a report needs a reason".into(),
            ));
        }
        let mut tx = self.pool.begin().await?;
        step(
            &mut tx,
            principal,
            &row,
            Step::Unlock { at: now() },
            json!({ "reason": reason }),
        )
        .await?;
        tx.commit().await?;
        self.report_row(id).await
    }
}

/// Applies `step` to the report as read in `row`, audited, inside `conn`'s transaction.
async fn step(
    conn: &mut AnyConnection,
    principal: &Principal,
    row: &ReportRow,
    step: Step,
    details: serde_json::Value,
) -> Result<()> {
    if !step.from().iter().any(|s| s.as_str() == row.state) {
        return Err(StoreError::Locked(format!(
            "report {} is {}: it cannot be given the step \"{}\" now",
            row.id,
            row.state,
            step.name()
        )));
    }
    let (at, on_time) = match step {
        Step::Submit { at, on_time } => (at, Some(i64::from(on_time))),
        Step::Return { at } | Step::Accept { at } | Step::Unlock { at } => (at, None),
    };
    let query = sqlx::query(step.sql())
        .bind(step.to().as_str())
        .bind(row.id)
        .bind(row.version)
        .bind(at);
    let query = match on_time {
        Some(flag) => query.bind(flag),
        None => query,
    };
    if query.execute(&mut *conn).await?.rows_affected() == 0 {
        return Err(StoreError::Locked(format!(
            "report {} changed meanwhile; reload it",
            row.id
        )));
    }
    record(
        conn,
        &principal.actor(),
        Change {
            action: step.name(),
            entity: "agency-report",
            entity_id: Some(row.id),
            before: Some(json!({ "state": row.state })),
            after: Some(json!({ "state": step.to().as_str(), "details": details })),
        },
    )
    .await
}
