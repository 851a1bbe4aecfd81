//! The quantified targets of a plan for DPI to confirm, correct or reject:
//! what the importer read from each target statement (value, comparator,
//! unit, year, direction), how sure it is, and DPI's decision.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;
use axum::Router;
use kehoach_import::quantity::{Comparator, Direction, Reading};
use kehoach_store::plans::quantities::{Decision, QuantityDecision, TargetQuantityReview};
use kehoach_store::plans::read::PlanSummary;
use serde::Deserialize;

use super::{render, Chrome};
use crate::auth::csrf::{CsrfForm, HasCsrf};
use crate::auth::Viewer;
use crate::error::{AppError, PageResult};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/plans/{id}/quantities", get(quantities_page).post(decide))
}

const COMPARATORS: [(&str, &str); 7] = [
    ("equal", "="),
    ("at-least", "≥"),
    ("at-most", "≤"),
    ("above", ">"),
    ("below", "<"),
    ("about", "≈"),
    ("range", "–"),
];

const DIRECTIONS: [(&str, &str); 3] = [
    ("increase", "quantity.direction.increase"),
    ("decrease", "quantity.direction.decrease"),
    ("maintain", "quantity.direction.maintain"),
];

/// A kebab-case name as the serialised enums write it.
fn name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn parse_comparator(text: &str) -> Option<Comparator> {
    [
        Comparator::Equal,
        Comparator::AtLeast,
        Comparator::AtMost,
        Comparator::Above,
        Comparator::Below,
        Comparator::About,
        Comparator::Range,
    ]
    .into_iter()
    .find(|c| name(c) == text)
}

fn parse_direction(text: &str) -> Option<Direction> {
    [
        Direction::Increase,
        Direction::Decrease,
        Direction::Maintain,
    ]
    .into_iter()
    .find(|d| name(d) == text)
}

#[derive(Template)]
#[template(path = "quantities.html")]
struct QuantitiesPage {
    chrome: Chrome,
    plan: PlanSummary,
    rows: Vec<TargetQuantityReview>,
    can_decide: bool,
    comparators: [(&'static str, &'static str); 7],
    directions: [(&'static str, &'static str); 3],
}

impl QuantitiesPage {
    fn comparator_sign(&self, q: &TargetQuantityReview) -> &'static str {
        let key = name(&q.quantity.comparator);
        COMPARATORS
            .iter()
            .find(|(k, _)| *k == key)
            .map_or("", |(_, sign)| sign)
    }

    fn value_text(&self, q: &TargetQuantityReview) -> String {
        let n = |v: f64| self.chrome.tr.number(v);
        match (q.quantity.value, q.quantity.max) {
            (Some(v), Some(m)) => format!("{}–{}", n(v), n(m)),
            (Some(v), None) => n(v),
            _ => "?".into(),
        }
    }

    fn unit_key(&self, q: &TargetQuantityReview) -> String {
        format!("quantity.unit.{}", name(&q.quantity.unit_kind))
    }

    fn direction_key(&self, q: &TargetQuantityReview) -> &'static str {
        match q.quantity.direction {
            Some(Direction::Increase) => "quantity.direction.increase",
            Some(Direction::Decrease) => "quantity.direction.decrease",
            Some(Direction::Maintain) => "quantity.direction.maintain",
            None => "quantity.direction.none",
        }
    }

    /// The reading's certainty in words, with the reason when not clear.
    fn reading(&self, q: &TargetQuantityReview) -> (&'static str, &'static str) {
        match q.quantity.reading {
            Reading::Clear => ("quantity.reading.clear", ""),
            Reading::Ambiguous { reason } => ("quantity.reading.ambiguous", reason),
            Reading::Unclear { reason } => ("quantity.reading.unclear", reason),
        }
    }

    fn decision_key(&self, q: &TargetQuantityReview) -> &'static str {
        match q.review.as_ref().map(|r| r.decision.as_str()) {
            Some("confirmed") => "quantity.decision.confirmed",
            Some("corrected") => "quantity.decision.corrected",
            Some("rejected") => "quantity.decision.rejected",
            _ => "quantity.decision.none",
        }
    }

    fn correction(&self, q: &TargetQuantityReview) -> String {
        let Some(r) = q.review.as_ref().filter(|r| r.decision == "corrected") else {
            return String::new();
        };
        let sign = COMPARATORS
            .iter()
            .find(|(k, _)| Some(*k) == r.comparator.as_deref())
            .map_or("", |(_, s)| s);
        let value = r
            .value
            .map(|v| self.chrome.tr.number(v))
            .unwrap_or_default();
        let year = r.year.map(|y| format!(" ({y})")).unwrap_or_default();
        format!("{sign}{value}{year}")
    }

    fn year_text(&self, q: &TargetQuantityReview) -> String {
        q.quantity.year.map(|y| y.to_string()).unwrap_or_default()
    }
}

async fn quantities_page(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(plan_id): Path<i64>,
) -> PageResult {
    // Readings not yet confirmed are internal work.
    viewer.principal()?;
    let plan = state.store.plan_summary(plan_id, None).await?;
    let rows = state.store.target_quantities(plan_id).await?;
    let page = QuantitiesPage {
        chrome: Chrome::new(&viewer),
        can_decide: viewer.can_manage_plans(),
        plan,
        rows,
        comparators: COMPARATORS,
        directions: DIRECTIONS,
    };
    Ok(render(&page)?.into_response())
}

#[derive(Deserialize)]
pub struct DecisionForm {
    csrf: String,
    target_code: String,
    phrase: String,
    decision: String,
    #[serde(default)]
    value: String,
    #[serde(default)]
    comparator: String,
    #[serde(default)]
    year: String,
    #[serde(default)]
    direction: String,
}

impl HasCsrf for DecisionForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

async fn decide(
    State(state): State<AppState>,
    Path(plan_id): Path<i64>,
    CsrfForm { viewer, form }: CsrfForm<DecisionForm>,
) -> PageResult {
    viewer.require_plan_manager()?;
    let decision = Decision::parse(&form.decision)
        .ok_or_else(|| AppError::bad_request(format!("unknown decision \"{}\"", form.decision)))?;
    let value = match form.value.trim() {
        "" => None,
        text => Some(
            kehoach_vi::parse_number(text)
                .ok_or_else(|| AppError::bad_request(format!("\"{text}\" is not a number")))?,
        ),
    };
    let year = match form.year.trim() {
        "" => None,
        text => Some(
            text.parse::<i64>()
                .map_err(|_| AppError::bad_request(format!("\"{text}\" is not a year")))?,
        ),
    };
    let comparator = parse_comparator(form.comparator.trim());
    let direction = parse_direction(form.direction.trim());
    state
        .store
        .review_quantity(
            plan_id,
            &QuantityDecision {
                target_code: &form.target_code,
                phrase: &form.phrase,
                decision,
                value,
                comparator,
                year,
                direction,
            },
            &viewer.actor(),
        )
        .await?;
    Ok(Redirect::to(&format!("/plans/{plan_id}/quantities")).into_response())
}
