//! Report entries: one task's status, results, obstacles, recommendations,
//! evidence and funds. Saves carry the version read; a moved version is a
//! `Conflict` carrying what is stored, so nobody overwrites anybody.

use serde::Serialize;
use serde_json::json;
use sqlx::AnyConnection;

use super::periods::parse_iso;
use super::rights::{check, Action, Owner, Resource};
use super::{EntryStatus, FundSource, PeriodState, Principal, ReportState};
use crate::audit::{record, Change};
use crate::clock::now;
use crate::error::{Result, StoreError};
use crate::Store;

#[derive(Debug, Clone, Serialize, PartialEq, sqlx::FromRow)]
pub struct EntryRow {
    pub id: i64,
    pub report_id: i64,
    pub task_id: i64,
    pub status: Option<String>,
    pub results: String,
    pub difficulties: String,
    pub recommendations: String,
    pub evidence_number: String,
    pub evidence_date: Option<String>,
    pub evidence_file_id: Option<i64>,
    pub review_comment: String,
    pub version: i64,
    pub updated_at: i64,
    pub updated_by: Option<i64>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Entry {
    #[serde(flatten)]
    pub row: EntryRow,
    pub funds: Vec<(String, f64)>,
}

impl Entry {
    /// Something was written: a status or any text.
    pub fn is_filled(&self) -> bool {
        self.row.status.is_some() || !self.row.results.trim().is_empty()
    }
}

/// What a reporter saves for one entry.
#[derive(Debug, Clone, Default)]
pub struct EntryFields {
    pub status: Option<EntryStatus>,
    pub results: String,
    pub difficulties: String,
    pub recommendations: String,
    pub evidence_number: String,
    pub evidence_date: Option<String>,
    pub evidence_file_id: Option<i64>,
    pub funds: Vec<(FundSource, f64)>,
}

const ENTRY_COLUMNS: &str = "SELECT id, report_id, task_id, status, results, difficulties, recommendations, \
     evidence_number, evidence_date, evidence_file_id, review_comment, version, updated_at, updated_by \
     FROM report_entries";

impl Store {
    pub(crate) async fn entries_of(&self, report_id: i64) -> Result<Vec<Entry>> {
        let rows: Vec<EntryRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{ENTRY_COLUMNS} WHERE report_id = $1 ORDER BY id"
        )))
        .bind(report_id)
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            out.push(self.with_funds(row).await?);
        }
        Ok(out)
    }

    async fn with_funds(&self, row: EntryRow) -> Result<Entry> {
        let funds = sqlx::query_as(
            "SELECT source, amount FROM entry_funds WHERE entry_id = $1 ORDER BY id",
        )
        .bind(row.id)
        .fetch_all(&self.pool)
        .await?;
        Ok(Entry { row, funds })
    }

    async fn entry_row(&self, id: i64) -> Result<EntryRow> {
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{ENTRY_COLUMNS} WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("report entry {id}")))
    }

    pub async fn entry(&self, principal: &Principal, id: i64) -> Result<Entry> {
        let row = self.entry_row(id).await?;
        let report = self.report_row(row.report_id).await?;
        check(
            principal,
            Resource::Entry,
            Action::Read,
            &Owner::agency(report.agency_id),
        )?;
        self.with_funds(row).await
    }

    /// Saves an entry read at `expected_version`. Refused while the report
    /// is submitted or accepted, and as a `Conflict` when someone saved since.
    pub async fn save_entry(
        &self,
        principal: &Principal,
        id: i64,
        expected_version: i64,
        fields: &EntryFields,
    ) -> Result<Entry> {
        let before = self.check_entry_save(principal, id, fields).await?;
        let mut tx = self.pool.begin().await?;
        let written =
            write_entry_save(&mut tx, principal, &before, expected_version, fields, now()).await?;
        if !written {
            drop(tx);
            return Err(self.refused_entry_save(id, expected_version).await);
        }
        tx.commit().await?;
        self.with_funds(self.entry_row(id).await?).await
    }

    /// Everything a save is refused for before writing (rights, a locked
    /// report or closed period, bad fields); the entry as stored now.
    pub(super) async fn check_entry_save(
        &self,
        principal: &Principal,
        id: i64,
        fields: &EntryFields,
    ) -> Result<EntryRow> {
        let before = self.entry_row(id).await?;
        let report = self.report_row(before.report_id).await?;
        check(
            principal,
            Resource::Entry,
            Action::Edit,
            &Owner::agency(report.agency_id),
        )?;
        let editable = [ReportState::Draft.as_str(), ReportState::Returned.as_str()];
        if report.locked != 0 || !editable.contains(&report.state.as_str()) {
            return Err(StoreError::Locked(format!(
                "report {} is {}: entries cannot be changed",
                report.id, report.state
            )));
        }
        let period = self.period_row(report.period_id).await?;
        if period.state != PeriodState::Open.as_str() {
            return Err(StoreError::Locked(format!(
                "period {} is not open: entries cannot be changed",
                period.label
            )));
        }
        validate(fields)?;
        if let Some(file) = fields.evidence_file_id {
            let owner: Option<i64> =
                sqlx::query_scalar("SELECT report_id FROM evidence_files WHERE id = $1")
                    .bind(file)
                    .fetch_optional(&self.pool)
                    .await?;
            if owner != Some(report.id) {
                return Err(StoreError::Invalid(format!(
                    "evidence file {file} does not belong to this report"
                )));
            }
        }
        Ok(before)
    }

    /// Why a checked save wrote nothing: someone saved first (the stored
    /// entry comes back), or the report was submitted or its period closed
    /// between the check and the write.
    pub(super) async fn refused_entry_save(&self, id: i64, expected_version: i64) -> StoreError {
        let current = match self.entry_row(id).await {
            Ok(row) => row,
            Err(err) => return err,
        };
        if current.version == expected_version {
            return StoreError::Locked(format!(
                "report entry {id} was locked while it was being saved"
            ));
        }
        match self.with_funds(current).await {
            Ok(current) => StoreError::Conflict {
                current: Box::new(Conflicting::Entry(current)),
            },
            Err(err) => err,
        }
    }
}

/// Writes a checked save in the caller's transaction; false when nothing
/// was written because the version moved or the report or period locked
/// meanwhile (the UPDATE checks both, so a save racing a submission cannot
/// change a submitted report).
pub(super) async fn write_entry_save(
    conn: &mut AnyConnection,
    principal: &Principal,
    before: &EntryRow,
    expected_version: i64,
    fields: &EntryFields,
    at: i64,
) -> Result<bool> {
    let id = before.id;
    let updated = sqlx::query(
        "UPDATE report_entries SET status = $1, results = $2, difficulties = $3, recommendations = $4, \
         evidence_number = $5, evidence_date = $6, evidence_file_id = $7, version = version + 1, \
         updated_at = $8, updated_by = $9 WHERE id = $10 AND version = $11 AND EXISTS (\
         SELECT 1 FROM agency_reports r JOIN reporting_periods p ON p.id = r.period_id \
         WHERE r.id = report_entries.report_id AND r.locked = 0 AND r.state IN ($12, $13) AND p.state = $14)",
    )
    .bind(fields.status.map(EntryStatus::as_str))
    .bind(fields.results.as_str())
    .bind(fields.difficulties.as_str())
    .bind(fields.recommendations.as_str())
    .bind(fields.evidence_number.as_str())
    .bind(fields.evidence_date.as_deref())
    .bind(fields.evidence_file_id)
    .bind(at)
    .bind(principal.user_id)
    .bind(id)
    .bind(expected_version)
    .bind(ReportState::Draft.as_str())
    .bind(ReportState::Returned.as_str())
    .bind(PeriodState::Open.as_str())
    .persistent(false)
    .execute(&mut *conn)
    .await?;
    if updated.rows_affected() == 0 {
        return Ok(false);
    }
    sqlx::query("DELETE FROM entry_funds WHERE entry_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for (source, amount) in &fields.funds {
        sqlx::query("INSERT INTO entry_funds (entry_id, source, amount) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(source.as_str())
            .bind(*amount)
            .execute(&mut *conn)
            .await?;
    }
    record(
        conn,
        &principal.actor(),
        Change {
            action: "save",
            entity: "report-entry",
            entity_id: Some(id),
            before: Some(json!({ "version": before.version, "status": before.status, "results": before.results })),
            after: Some(json!({
                "version": expected_version + 1,
                "status": fields.status.map(EntryStatus::as_str),
                "results": fields.results,
                "difficulties": fields.difficulties,
                "recommendations": fields.recommendations,
                "evidence_number": fields.evidence_number,
                "evidence_date": fields.evidence_date,
                "funds": fields.funds.iter().map(|(s, a)| json!([s.as_str(), a])).collect::<Vec<_>>(),
            })),
        },
    )
    .await?;
    Ok(true)
}

fn validate(fields: &EntryFields) -> Result<()> {
    if let Some(date) = &fields.evidence_date {
        if parse_iso(date).is_none() {
            return Err(StoreError::Invalid(format!(
                "\"{date}\" is not a date as YYYY-MM-DD"
            )));
        }
    }
    for (source, amount) in &fields.funds {
        if !amount.is_finite() || *amount < 0.0 {
            return Err(StoreError::Invalid(format!(
                "the amount for {} must be a non-negative number",
                source.as_str()
            )));
        }
    }
    Ok(())
}

/// What is stored when a save is refused as a conflict.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Conflicting {
    Entry(Entry),
    Contribution(super::contributions::Contribution),
}
