//! Quantified targets for DPI to confirm: what the importer reads from each
//! target statement of a plan's latest version ("dưới 45/100.000 trẻ đẻ
//! sống đến năm 2030"), beside DPI's decision on it, which is kept by plan,
//! target code and phrase so that it holds for later versions printing the
//! same phrase.

use kehoach_import::quantity::{quantities, Comparator, Direction, Quantity};
use serde::Serialize;
use serde_json::json;

use crate::audit::{record, Actor, Change};
use crate::clock::now;
use crate::error::{Result, StoreError};
use crate::Store;

/// DPI's decision on one reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    /// The reading is right as it stands.
    Confirmed,
    /// The reading is replaced by DPI's (`Reviewed::value` etc.).
    Corrected,
    /// The phrase is no quantified target.
    Rejected,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Confirmed => "confirmed",
            Decision::Corrected => "corrected",
            Decision::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<Decision> {
        [Decision::Confirmed, Decision::Corrected, Decision::Rejected]
            .into_iter()
            .find(|d| d.as_str() == s)
    }
}

/// DPI's reading of a phrase, as decided.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct Reviewed {
    pub decision: String,
    pub value: Option<f64>,
    pub comparator: Option<String>,
    pub year: Option<i64>,
    pub direction: Option<String>,
    pub decided_at: i64,
    pub decided_by: Option<i64>,
}

/// One quantity of a target statement and what DPI made of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetQuantityReview {
    pub target_id: i64,
    pub target_code: String,
    pub target_text: String,
    pub line: i64,
    pub quantity: Quantity,
    pub review: Option<Reviewed>,
}

/// What DPI decides for a phrase; the reading fields matter for a correction.
#[derive(Debug, Clone)]
pub struct QuantityDecision<'a> {
    pub target_code: &'a str,
    pub phrase: &'a str,
    pub decision: Decision,
    pub value: Option<f64>,
    pub comparator: Option<Comparator>,
    pub year: Option<i64>,
    pub direction: Option<Direction>,
}

#[derive(sqlx::FromRow)]
struct DecisionRow {
    target_code: String,
    phrase: String,
    #[sqlx(flatten)]
    reviewed: Reviewed,
}

#[derive(sqlx::FromRow)]
struct TargetText {
    id: i64,
    code: String,
    text: String,
    line: i64,
}

/// Comparators and directions are stored as their serialised names.
fn name_of<T: Serialize>(value: T) -> Option<String> {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
}

impl Store {
    /// Every quantity read from the target statements of the plan's latest
    /// version, in plan order, with DPI's decisions.
    pub async fn target_quantities(&self, plan_id: i64) -> Result<Vec<TargetQuantityReview>> {
        let version: i64 = sqlx::query_scalar("SELECT id FROM latest_versions WHERE plan_id = $1")
            .bind(plan_id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("plan {plan_id}")))?;
        let targets: Vec<TargetText> = sqlx::query_as(
            "SELECT id, code, text, line FROM targets WHERE version_id = $1 ORDER BY id",
        )
        .bind(version)
        .fetch_all(&self.pool)
        .await?;
        let decided: Vec<DecisionRow> =
            sqlx::query_as(
                "SELECT target_code, phrase, decision, value, comparator, year, direction, decided_at, decided_by \
                 FROM quantity_reviews WHERE plan_id = $1",
            )
            .bind(plan_id)
            .fetch_all(&self.pool)
            .await?;
        let mut out = Vec::new();
        for target in targets {
            for quantity in quantities(&target.text) {
                let review = decided
                    .iter()
                    .find(|d| d.target_code == target.code && d.phrase == quantity.phrase)
                    .map(|d| d.reviewed.clone());
                out.push(TargetQuantityReview {
                    target_id: target.id,
                    target_code: target.code.clone(),
                    target_text: target.text.clone(),
                    line: target.line,
                    quantity,
                    review,
                });
            }
        }
        Ok(out)
    }

    /// Records (or replaces) DPI's decision on a phrase; audited. The
    /// phrase must be one the plan's latest version gives for that target.
    pub async fn review_quantity(
        &self,
        plan_id: i64,
        d: &QuantityDecision<'_>,
        actor: &Actor,
    ) -> Result<()> {
        let known = self
            .target_quantities(plan_id)
            .await?
            .into_iter()
            .any(|q| q.target_code == d.target_code && q.quantity.phrase == d.phrase);
        if !known {
            return Err(StoreError::Invalid(format!(
                "target {} of plan {plan_id} has no quantity \"{}\"",
                d.target_code, d.phrase
            )));
        }
        if d.value.is_some_and(|v| !v.is_finite()) {
            return Err(StoreError::Invalid(
                "a value must be a finite number".into(),
            ));
        }
        let corrected = d.decision == Decision::Corrected;
        if corrected && d.value.is_none() {
            return Err(StoreError::Invalid("a correction needs a value".into()));
        }
        let keep = |x: Option<String>| if corrected { x } else { None };
        let comparator = keep(d.comparator.and_then(name_of));
        let direction = keep(d.direction.and_then(name_of));
        let value = if corrected { d.value } else { None };
        let year = if corrected { d.year } else { None };
        let mut tx = self.pool.begin().await?;
        // A NULL REAL must not poison a cached statement on PostgreSQL
        // (sqlx's Any driver sends it as float4): not cached.
        sqlx::query(
            "INSERT INTO quantity_reviews (plan_id, target_code, phrase, decision, value, comparator, year, direction, decided_at, decided_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
             ON CONFLICT (plan_id, target_code, phrase) DO UPDATE SET decision = excluded.decision, value = excluded.value, \
             comparator = excluded.comparator, year = excluded.year, direction = excluded.direction, \
             decided_at = excluded.decided_at, decided_by = excluded.decided_by",
        )
        .persistent(false)
        .bind(plan_id)
        .bind(d.target_code)
        .bind(d.phrase)
        .bind(d.decision.as_str())
        .bind(value)
        .bind(comparator.clone())
        .bind(year)
        .bind(direction.clone())
        .bind(now())
        .bind(actor.user_id)
        .execute(&mut *tx)
        .await?;
        record(
            &mut tx,
            actor,
            Change {
                action: d.decision.as_str(),
                entity: "target-quantity",
                entity_id: Some(plan_id),
                before: None,
                after: Some(json!({
                    "target": d.target_code, "phrase": d.phrase, "value": value,
                    "comparator": comparator, "year": year, "direction": direction,
                })),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
