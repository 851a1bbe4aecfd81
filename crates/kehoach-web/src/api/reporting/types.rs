//! Bodies of the reporting API, and the schemas of the store's types it
//! answers with (described here: the store's reporting types carry no
//! OpenAPI derive).

use kehoach_store::reporting::compliance::ComplianceRow;
use kehoach_store::reporting::entries::EntryFields;
use kehoach_store::reporting::setup::Period;
use kehoach_store::reporting::{EntryStatus, FundSource, IndicatorStatus};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use crate::error::AppError;

/// One entry as its reporter saves it, at the version read.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EntryInput {
    /// The entry's `version` as read; a save on top of a newer one is a 409.
    pub version: i64,
    /// not-started, in-progress, done, partly-done, late, not-done; null: not said.
    pub status: Option<String>,
    #[serde(default)]
    pub results: String,
    #[serde(default)]
    pub difficulties: String,
    #[serde(default)]
    pub recommendations: String,
    #[serde(default)]
    pub evidence_number: String,
    /// YYYY-MM-DD.
    pub evidence_date: Option<String>,
    /// An evidence file uploaded to this report.
    pub evidence_file_id: Option<i64>,
    #[serde(default)]
    pub funds: Vec<FundInput>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FundInput {
    /// state-budget, oda, ngo, fdi, enterprise, other.
    pub source: String,
    pub amount: f64,
}

impl EntryInput {
    pub fn fields(self) -> Result<EntryFields, AppError> {
        let status = match self.status.as_deref() {
            None | Some("") => None,
            Some(s) => Some(
                EntryStatus::parse(s)
                    .ok_or_else(|| AppError::bad_request(format!("unknown status \"{s}\"")))?,
            ),
        };
        let funds = self
            .funds
            .into_iter()
            .map(|f| {
                FundSource::parse(&f.source)
                    .map(|source| (source, f.amount))
                    .ok_or_else(|| {
                        AppError::bad_request(format!("unknown fund source \"{}\"", f.source))
                    })
            })
            .collect::<Result<_, _>>()?;
        Ok(EntryFields {
            status,
            results: self.results,
            difficulties: self.difficulties,
            recommendations: self.recommendations,
            evidence_number: self.evidence_number,
            evidence_date: self.evidence_date.filter(|d| !d.is_empty()),
            evidence_file_id: self.evidence_file_id,
            funds,
        })
    }
}

/// The caller's agency's contribution to a task it coordinates.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContributionInput {
    pub text: String,
    /// The version read; null or absent for the first save.
    pub version: Option<i64>,
    /// Also send it to the lead agency.
    #[serde(default)]
    pub submit: bool,
}

/// Indicator values to record, one new revision each.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorsInput {
    pub values: Vec<IndicatorInput>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorInput {
    pub indicator_id: i64,
    pub year: i64,
    pub value: Option<f64>,
    #[serde(default)]
    pub text: String,
    /// estimate, preliminary, official.
    pub status: String,
}

impl IndicatorInput {
    pub fn status(&self) -> Result<IndicatorStatus, AppError> {
        IndicatorStatus::parse(&self.status)
            .ok_or_else(|| AppError::bad_request(format!("unknown status \"{}\"", self.status)))
    }
}

/// A period and, for those who may see it, who reported (a reporter sees
/// its own agency's row only).
#[derive(Serialize, ToSchema)]
pub struct PeriodBody {
    #[schema(value_type = PeriodSchema)]
    pub period: Period,
    #[schema(value_type = Vec<Object>)]
    pub compliance: Vec<ComplianceRow>,
}

/// A reporting period.
#[allow(dead_code)]
#[derive(ToSchema)]
pub struct PeriodSchema {
    pub id: i64,
    pub plan_id: i64,
    /// yearly, quarterly, half-yearly, nine-months.
    pub kind: String,
    pub year: i64,
    pub part: i64,
    pub label: String,
    pub starts_on: String,
    pub ends_on: String,
    pub inputs_due_on: String,
    pub agency_due_on: String,
    pub consolidation_due_on: String,
    /// draft, open, closed.
    pub state: String,
    pub rule_line: Option<i64>,
}

/// One task's entry in an agency report.
#[allow(dead_code)]
#[derive(ToSchema)]
pub struct EntrySchema {
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
    /// DPI's comment when the report was returned.
    pub review_comment: String,
    /// Send it back with the next save.
    pub version: i64,
    pub updated_at: i64,
    pub updated_by: Option<i64>,
    /// [source, amount] pairs.
    #[schema(value_type = Vec<Vec<Value>>)]
    pub funds: Vec<(String, f64)>,
}

/// An agency's report for a period, with one entry per task it leads.
#[allow(dead_code)]
#[derive(ToSchema)]
pub struct ReportSchema {
    pub id: i64,
    pub period_id: i64,
    pub agency_id: i64,
    /// draft, submitted, returned, accepted.
    pub state: String,
    pub submitted_at: Option<i64>,
    /// 1 when submitted on or before the agency due date.
    pub on_time: Option<i64>,
    pub returned_at: Option<i64>,
    pub accepted_at: Option<i64>,
    pub locked: i64,
    pub version: i64,
    pub entries: Vec<EntrySchema>,
}

/// A 409: someone saved first; `current` is what is stored now.
#[allow(dead_code)]
#[derive(ToSchema)]
pub struct ConflictBody {
    /// "conflict".
    pub error: String,
    pub detail: Option<String>,
    /// The stored item, with `kind` "entry" or "contribution".
    #[schema(value_type = Object)]
    pub current: Value,
}
