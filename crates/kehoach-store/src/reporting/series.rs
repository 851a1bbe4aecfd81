//! An indicator's series as progress assessment needs it: the values the
//! plan document gives (a year before the document was issued is an
//! observed baseline; the year of issue or later is a target), and the
//! values agencies reported since (the current revision of each year).

use serde::Serialize;

use super::publication::PUBLIC_RESULTS;
use super::rights::{allowed, Action, Owner, Resource};
use super::Principal;
use crate::error::{Result, StoreError};
use crate::Store;

/// One year's value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Point {
    pub year: i64,
    pub value: f64,
    /// The cell or report as written ("< 8,0", "13,6").
    pub text: String,
    /// For targets: `<`, `<=`, `>`, `>=`, `=` or a range's lower end; None for observations.
    pub comparator: Option<String>,
    /// Upper end of a target range ("65-70").
    pub max: Option<f64>,
    /// Where it comes from: `plan` (the document) or the reported status
    /// (`estimate`, `preliminary`, `official`).
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Series {
    pub indicator_id: i64,
    pub plan_id: i64,
    pub code: Option<String>,
    pub target_code: Option<String>,
    pub name: String,
    pub unit: Option<String>,
    /// The year the plan document was issued: what splits its values.
    pub issued_year: Option<i64>,
    /// Observed values printed in the plan (years before it was issued).
    pub baseline: Vec<Point>,
    /// Targets printed in the plan (the year of issue and later).
    pub targets: Vec<Point>,
    /// Values reported by agencies: per year the latest revision the
    /// principal may read (the public: values of accepted reports in
    /// periods whose results DPI published), oldest year first.
    pub reported: Vec<Point>,
}

impl Series {
    /// Every observation, the plan's baseline and the reported values, by
    /// year; a reported value replaces a printed one of the same year.
    pub fn observations(&self) -> Vec<&Point> {
        let mut out: Vec<&Point> = self
            .baseline
            .iter()
            .filter(|b| !self.reported.iter().any(|r| r.year == b.year))
            .chain(self.reported.iter())
            .collect();
        out.sort_by_key(|p| p.year);
        out
    }
}

#[derive(sqlx::FromRow)]
struct Head {
    plan_id: i64,
    published: i64,
    code: Option<String>,
    target_code: Option<String>,
    name: String,
    unit: Option<String>,
    issued_on: Option<String>,
}

#[derive(sqlx::FromRow)]
struct PlanValue {
    year: Option<i64>,
    text: String,
    value: Option<f64>,
    max: Option<f64>,
    comparator: Option<String>,
}

#[derive(sqlx::FromRow)]
struct Reported {
    agency_id: i64,
    year: i64,
    value: Option<f64>,
    text: String,
    status: String,
}

impl Store {
    /// The series of one indicator. The printed values follow the plan's
    /// visibility (the public sees published plans only); reported values
    /// are work in progress, shown to whoever may read them.
    pub async fn indicator_series(
        &self,
        principal: &Principal,
        indicator_id: i64,
    ) -> Result<Series> {
        let head: Head = sqlx::query_as(
            "SELECT v.plan_id, p.published, i.code, i.target_code, i.name, i.unit, d.issued_on \
             FROM indicators i JOIN plan_versions v ON v.id = i.version_id JOIN plans p ON p.id = v.plan_id \
             JOIN documents d ON d.id = v.document_id WHERE i.id = $1",
        )
        .bind(indicator_id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("indicator {indicator_id}")))?;
        if principal.role.is_none() && head.published == 0 {
            return Err(StoreError::NotFound(format!("indicator {indicator_id}")));
        }
        let issued_year = head
            .issued_on
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse::<i64>().ok());
        let printed: Vec<PlanValue> = sqlx::query_as(
            "SELECT year, text, value, max, comparator FROM indicator_values \
             WHERE indicator_id = $1 ORDER BY year, position",
        )
        .bind(indicator_id)
        .fetch_all(&self.pool)
        .await?;
        let mut baseline = Vec::new();
        let mut targets = Vec::new();
        for v in printed {
            let (Some(year), Some(value)) = (v.year, v.value) else {
                continue;
            };
            let is_target = issued_year.is_none_or(|issued| year >= issued);
            let point = Point {
                year,
                value,
                text: v.text,
                comparator: if is_target { v.comparator } else { None },
                max: v.max,
                source: "plan".into(),
            };
            if is_target {
                targets.push(point);
            } else {
                baseline.push(point);
            }
        }
        let reported = self.reported_points(principal, indicator_id).await?;
        Ok(Series {
            indicator_id,
            plan_id: head.plan_id,
            code: head.code,
            target_code: head.target_code,
            name: head.name,
            unit: head.unit,
            issued_year,
            baseline,
            targets,
            reported,
        })
    }

    /// Per year, the latest revision (last recorded) of the values the
    /// principal may read.
    async fn reported_points(
        &self,
        principal: &Principal,
        indicator_id: i64,
    ) -> Result<Vec<Point>> {
        // The public's filter is in the query (one round trip, not one per
        // row); signed-in readers are filtered by the rights table below.
        let public_only = if principal.role.is_none() {
            format!(" AND {PUBLIC_RESULTS}")
        } else {
            String::new()
        };
        let rows: Vec<Reported> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT agency_id, year, value, text, status FROM indicator_reports \
             WHERE indicator_id = $1{public_only} ORDER BY year, recorded_at, revision, id"
        )))
        .bind(indicator_id)
        .fetch_all(&self.pool)
        .await?;
        // The latest revision of a year stands even without a number (the
        // agency withdrew one): an older number must not show through.
        let mut latest: Vec<Reported> = Vec::new();
        for row in rows {
            let readable = principal.role.is_none()
                || allowed(
                    principal,
                    Resource::IndicatorValue,
                    Action::Read,
                    &Owner::agency(row.agency_id),
                );
            if !readable {
                continue;
            }
            match latest.last_mut() {
                Some(last) if last.year == row.year => *last = row,
                _ => latest.push(row),
            }
        }
        let out = latest
            .into_iter()
            .filter_map(|row| {
                Some(Point {
                    year: row.year,
                    value: row.value?,
                    text: row.text,
                    comparator: None,
                    max: None,
                    source: row.status,
                })
            })
            .collect();
        Ok(out)
    }
}
