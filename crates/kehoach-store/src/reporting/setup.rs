//! Periods in the store: generated from the plan's latest rules, opened,
//! closed and re-dated by DPI.

use kehoach_model::ReportingRule;
use serde::Serialize;
use serde_json::json;

use super::periods::{
    iso, manual_period, parse_iso, periods_for_year, GenerationOptions, PeriodSpec,
};
use super::rights::{check, Action, Owner, Resource};
use super::{PeriodKind, PeriodState, Principal};
use crate::audit::{record, Change};
use crate::clock::now;
use crate::error::{Result, StoreError};
use crate::plans::read::DiagnosticRow;
use crate::Store;

#[derive(Debug, Clone, Serialize, PartialEq, Eq, sqlx::FromRow)]
pub struct Period {
    pub id: i64,
    pub plan_id: i64,
    pub kind: String,
    pub year: i64,
    pub part: i64,
    pub label: String,
    pub starts_on: String,
    pub ends_on: String,
    pub inputs_due_on: String,
    pub agency_due_on: String,
    pub consolidation_due_on: String,
    pub state: String,
    pub rule_line: Option<i64>,
}

/// New due dates for a period (YYYY-MM-DD).
#[derive(Debug, Clone)]
pub struct PeriodDates {
    pub inputs_due_on: String,
    pub agency_due_on: String,
    pub consolidation_due_on: String,
}

/// A period DPI adds by hand: its kind, year, part (quarter or half; 0
/// otherwise) and the agencies' due date (YYYY-MM-DD).
#[derive(Debug, Clone, Copy)]
pub struct NewPeriod<'a> {
    pub kind: PeriodKind,
    pub year: i32,
    pub part: i32,
    pub agency_due_on: &'a str,
}

/// What generating a year's periods gave, with the import's
/// `conflicting-deadline` diagnostics for DPI to settle.
#[derive(Debug, Clone, Serialize)]
pub struct Generated {
    pub periods: Vec<Period>,
    pub conflicts: Vec<DiagnosticRow>,
}

pub(crate) const PERIOD_COLUMNS: &str =
    "SELECT id, plan_id, kind, year, part, label, starts_on, ends_on, \
     inputs_due_on, agency_due_on, consolidation_due_on, state, rule_line FROM reporting_periods";

#[derive(sqlx::FromRow)]
struct RuleRow {
    reporter: String,
    recipient: String,
    recurrence: String,
    due_day: Option<i64>,
    due_month: Option<i64>,
    due_relative: Option<String>,
    year: Option<i64>,
    line: i64,
}

impl RuleRow {
    fn into_rule(self) -> Result<ReportingRule> {
        let recurrence = serde_json::from_value(serde_json::Value::String(self.recurrence))?;
        let small =
            |n: i64| u8::try_from(n).map_err(|_| StoreError::Corrupt(format!("due day/month {n}")));
        let due = match self.due_day {
            Some(day) => Some(kehoach_model::Due {
                day: small(day)?,
                month: self.due_month.map(small).transpose()?,
                relative: self.due_relative,
            }),
            None => None,
        };
        Ok(ReportingRule {
            reporter: self.reporter,
            recipient: self.recipient,
            recurrence,
            due,
            year: self.year.and_then(|y| i32::try_from(y).ok()),
            line: usize::try_from(self.line).unwrap_or(0),
            text: String::new(),
        })
    }
}

impl Store {
    pub(crate) async fn latest_version_of(&self, plan_id: i64) -> Result<i64> {
        sqlx::query_scalar("SELECT id FROM latest_versions WHERE plan_id = $1")
            .bind(plan_id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("plan {plan_id}")))
    }

    /// Creates (as drafts) the periods of `year` the plan's latest rules
    /// call for; periods already there are kept as they are.
    pub async fn generate_periods(
        &self,
        principal: &Principal,
        plan_id: i64,
        year: i32,
        options: &GenerationOptions,
    ) -> Result<Generated> {
        check(principal, Resource::Period, Action::Edit, &Owner::nobody())?;
        let version = self.latest_version_of(plan_id).await?;
        let (from, to): (Option<i64>, Option<i64>) =
            sqlx::query_as("SELECT horizon_from, horizon_to FROM plan_versions WHERE id = $1")
                .bind(version)
                .fetch_one(&self.pool)
                .await?;
        let year_wide = i64::from(year);
        if from.is_some_and(|f| year_wide < f) || to.is_some_and(|t| year_wide > t) {
            return Err(StoreError::Invalid(format!(
                "{year} is outside the plan's horizon ({}–{})",
                from.map_or("?".into(), |f| f.to_string()),
                to.map_or("?".into(), |t| t.to_string())
            )));
        }
        let rows: Vec<RuleRow> = sqlx::query_as(
            "SELECT reporter, recipient, recurrence, due_day, due_month, due_relative, year, line \
             FROM reporting_rules WHERE version_id = $1 ORDER BY position",
        )
        .bind(version)
        .fetch_all(&self.pool)
        .await?;
        let rules = rows
            .into_iter()
            .map(RuleRow::into_rule)
            .collect::<Result<Vec<_>>>()?;
        let specs = periods_for_year(&rules, year, options);
        let mut tx = self.pool.begin().await?;
        for spec in &specs {
            insert_period(&mut tx, principal, plan_id, spec, "generate").await?;
        }
        tx.commit().await?;
        let periods = self
            .periods_of_plan(principal, plan_id)
            .await?
            .into_iter()
            .filter(|p| p.year == i64::from(year))
            .collect();
        let conflicts = self
            .diagnostics(version)
            .await?
            .into_iter()
            .filter(|d| d.code == "conflicting-deadline")
            .collect();
        Ok(Generated { periods, conflicts })
    }

    /// Adds a period the plan's rules do not call for (a nine-month review,
    /// say), as a draft; refused if the plan already has that period.
    pub async fn add_period(
        &self,
        principal: &Principal,
        plan_id: i64,
        new: &NewPeriod<'_>,
        options: &GenerationOptions,
    ) -> Result<Period> {
        check(principal, Resource::Period, Action::Edit, &Owner::nobody())?;
        self.latest_version_of(plan_id).await?;
        let due = parse_iso(new.agency_due_on).ok_or_else(|| {
            StoreError::Invalid(format!(
                "\"{}\" is not a date as YYYY-MM-DD",
                new.agency_due_on
            ))
        })?;
        let spec = manual_period(new.kind, new.year, new.part, due, options).ok_or_else(|| {
            StoreError::Invalid(format!("{} has no part {}", new.kind.label_en(), new.part))
        })?;
        let mut tx = self.pool.begin().await?;
        let Some(id) = insert_period(&mut tx, principal, plan_id, &spec, "add").await? else {
            return Err(StoreError::Invalid(format!(
                "the plan already has the period \"{}\"",
                spec.label
            )));
        };
        tx.commit().await?;
        self.period_row(id).await
    }

    pub async fn periods_of_plan(
        &self,
        principal: &Principal,
        plan_id: i64,
    ) -> Result<Vec<Period>> {
        check(principal, Resource::Period, Action::Read, &Owner::nobody())?;
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{PERIOD_COLUMNS} WHERE plan_id = $1 ORDER BY ends_on, kind"
        )))
        .bind(plan_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Every open period of every plan, the nearest agency due date first,
    /// with its plan's title: where a signed-in user starts reporting.
    pub async fn open_periods(&self, principal: &Principal) -> Result<Vec<(Period, String)>> {
        check(principal, Resource::Period, Action::Read, &Owner::nobody())?;
        let periods: Vec<Period> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{PERIOD_COLUMNS} WHERE state = $1 ORDER BY agency_due_on, plan_id, kind"
        )))
        .bind(PeriodState::Open.as_str())
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(periods.len());
        for period in periods {
            let title: String = sqlx::query_scalar("SELECT title FROM plans WHERE id = $1")
                .bind(period.plan_id)
                .fetch_one(&self.pool)
                .await?;
            out.push((period, title));
        }
        Ok(out)
    }

    pub async fn period(&self, principal: &Principal, id: i64) -> Result<Period> {
        check(principal, Resource::Period, Action::Read, &Owner::nobody())?;
        self.period_row(id).await
    }

    pub(crate) async fn period_row(&self, id: i64) -> Result<Period> {
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{PERIOD_COLUMNS} WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("reporting period {id}")))
    }

    pub async fn open_period(&self, principal: &Principal, id: i64) -> Result<()> {
        self.set_period_state(principal, id, PeriodState::Open)
            .await
    }

    pub async fn close_period(&self, principal: &Principal, id: i64) -> Result<()> {
        self.set_period_state(principal, id, PeriodState::Closed)
            .await
    }

    async fn set_period_state(
        &self,
        principal: &Principal,
        id: i64,
        state: PeriodState,
    ) -> Result<()> {
        check(
            principal,
            Resource::Period,
            Action::OpenPeriod,
            &Owner::nobody(),
        )?;
        let before = self.period_row(id).await?;
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE reporting_periods SET state = $1 WHERE id = $2")
            .bind(state.as_str())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        record(
            &mut tx,
            &principal.actor(),
            Change {
                action: state.as_str(),
                entity: "reporting-period",
                entity_id: Some(id),
                before: Some(json!({ "state": before.state })),
                after: Some(json!({ "state": state.as_str() })),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn edit_period_dates(
        &self,
        principal: &Principal,
        id: i64,
        dates: &PeriodDates,
    ) -> Result<Period> {
        check(principal, Resource::Period, Action::Edit, &Owner::nobody())?;
        let parsed: Vec<_> = [
            &dates.inputs_due_on,
            &dates.agency_due_on,
            &dates.consolidation_due_on,
        ]
        .into_iter()
        .map(|d| {
            parse_iso(d)
                .ok_or_else(|| StoreError::Invalid(format!("\"{d}\" is not a date as YYYY-MM-DD")))
        })
        .collect::<Result<_>>()?;
        if parsed[0] > parsed[1] || parsed[1] > parsed[2] {
            return Err(StoreError::Invalid(
                "due dates must follow each other: coordinating inputs, agency reports, consolidation".into(),
            ));
        }
        let before = self.period_row(id).await?;
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE reporting_periods SET inputs_due_on = $1, agency_due_on = $2, consolidation_due_on = $3 WHERE id = $4",
        )
        .bind(dates.inputs_due_on.as_str())
        .bind(dates.agency_due_on.as_str())
        .bind(dates.consolidation_due_on.as_str())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        record(
            &mut tx,
            &principal.actor(),
            Change {
                action: "edit-dates",
                entity: "reporting-period",
                entity_id: Some(id),
                before: Some(json!({ "inputs_due_on": before.inputs_due_on, "agency_due_on": before.agency_due_on, "consolidation_due_on": before.consolidation_due_on })),
                after: Some(json!({ "inputs_due_on": dates.inputs_due_on, "agency_due_on": dates.agency_due_on, "consolidation_due_on": dates.consolidation_due_on })),
            },
        )
        .await?;
        tx.commit().await?;
        self.period_row(id).await
    }
}

/// Inserts a period as a draft and audits it; None when the plan already
/// has that period (generating twice keeps what is there).
async fn insert_period(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    principal: &Principal,
    plan_id: i64,
    spec: &PeriodSpec,
    action: &'static str,
) -> Result<Option<i64>> {
    let created: Option<i64> = sqlx::query_scalar(
        "INSERT INTO reporting_periods (plan_id, kind, year, part, label, starts_on, ends_on, \
         inputs_due_on, agency_due_on, consolidation_due_on, state, rule_line, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) \
         ON CONFLICT (plan_id, kind, year, part) DO NOTHING RETURNING id",
    )
    .bind(plan_id)
    .bind(spec.kind.as_str())
    .bind(i64::from(spec.year))
    .bind(i64::from(spec.part))
    .bind(spec.label.as_str())
    .bind(iso(spec.starts_on))
    .bind(iso(spec.ends_on))
    .bind(iso(spec.inputs_due_on))
    .bind(iso(spec.agency_due_on))
    .bind(iso(spec.consolidation_due_on))
    .bind(PeriodState::Draft.as_str())
    // A period added by hand has no rule line.
    .bind(i64::try_from(spec.rule_line).ok().filter(|&l| l > 0))
    .bind(now())
    .fetch_optional(&mut **tx)
    .await?;
    if let Some(id) = created {
        record(
            tx,
            &principal.actor(),
            Change {
                action,
                entity: "reporting-period",
                entity_id: Some(id),
                before: None,
                after: Some(json!({ "plan_id": plan_id, "label": spec.label, "agency_due_on": iso(spec.agency_due_on) })),
            },
        )
        .await?;
    }
    Ok(created)
}
