//! The agency reporters' side of the reporting chain: their report for a
//! period (one entry per led task, evidence, indicator values), the
//! contributions they owe as coordinating agency, and the conflict page
//! when two people saved the same thing. Rights are the store's; the pages
//! only hide what it would refuse.

mod contributions;
mod entry;
mod evidence;
mod indicators;
mod view;

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use kehoach_store::reporting::rights::{allowed, Action, Owner, Resource};
use kehoach_store::reporting::setup::Period;
use kehoach_store::reporting::{EntryStatus, PeriodState, Principal, ReportState};
use kehoach_store::Store;
use serde::Deserialize;

use super::{render, Chrome};
use crate::auth::csrf::{CsrfForm, HasCsrf};
use crate::auth::Viewer;
use crate::error::{AppError, PageResult};
use crate::state::AppState;
use view::{EntryView, IndicatorView};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/periods/{id}/my-report", get(my_report))
        .route("/reports/{rid}", get(report_page))
        .route("/reports/{rid}/submit", post(submit))
        .route("/reports/{rid}/indicators", post(indicators::record))
        .route("/entries/{eid}", post(entry::save))
        .merge(evidence::routes())
        .merge(contributions::routes())
}

/// A reporter's agency; other roles have none to report for.
fn own_agency(principal: &Principal) -> Result<i64, AppError> {
    principal.agency_id.ok_or_else(AppError::forbidden)
}

/// Account id → the name shown for "saved by".
async fn user_names(store: &Store) -> Result<HashMap<i64, String>, AppError> {
    Ok(store
        .users()
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect())
}

async fn agency_name(store: &Store, id: i64) -> Result<String, AppError> {
    Ok(store.agency(id).await?.name)
}

/// The six statuses of the plans' report forms, as (value, Vietnamese label).
fn status_choices(lang: crate::i18n::Lang) -> Vec<(&'static str, &'static str)> {
    EntryStatus::ALL
        .iter()
        .map(|s| (s.as_str(), s.label(lang)))
        .collect()
}

async fn my_report(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(period_id): Path<i64>,
) -> PageResult {
    let principal = viewer.principal()?;
    let agency = own_agency(&principal)?;
    let report = state
        .store
        .report_for(&principal, period_id, agency)
        .await?;
    Ok(Redirect::to(&format!("/reports/{}", report.row.id)).into_response())
}

#[derive(Deserialize)]
struct ReportQuery {
    /// Set by the redirect after a submit, for the banner.
    submitted: Option<String>,
}

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage {
    chrome: Chrome,
    report_id: i64,
    period: Period,
    agency: String,
    state: String,
    state_label: &'static str,
    entries: Vec<EntryView>,
    indicators: Vec<IndicatorView>,
    statuses: Vec<(&'static str, &'static str)>,
    indicator_statuses: Vec<(&'static str, &'static str)>,
    editable: bool,
    can_submit: bool,
    can_record_values: bool,
    /// DPI: the review page is theirs.
    can_review: bool,
    /// After a submit: Some(on time?).
    submitted_banner: Option<bool>,
    filled: usize,
}

async fn report_page(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(rid): Path<i64>,
    Query(query): Query<ReportQuery>,
) -> PageResult {
    let principal = viewer.principal()?;
    let store = &state.store;
    let report = store.report(&principal, rid).await?;
    let period = store.period(&principal, report.row.period_id).await?;
    let owner = Owner::agency(report.row.agency_id);
    let open = period.state == PeriodState::Open.as_str();
    let in_agency_hands = report.row.locked == 0
        && [ReportState::Draft.as_str(), ReportState::Returned.as_str()]
            .contains(&report.row.state.as_str());
    let editable =
        open && in_agency_hands && allowed(&principal, Resource::Entry, Action::Edit, &owner);
    let can_submit =
        open && in_agency_hands && allowed(&principal, Resource::Report, Action::Submit, &owner);
    let can_record_values =
        open && allowed(&principal, Resource::IndicatorValue, Action::Edit, &owner);
    let names = user_names(store).await?;
    let entries = view::entries(store, &principal, &report, &names, viewer.tr.lang).await?;
    let indicators = view::indicators(
        store,
        &principal,
        &period,
        report.row.agency_id,
        viewer.tr.lang,
    )
    .await?;
    let submitted_banner = query
        .submitted
        .and(report.row.on_time)
        .map(|on_time| on_time != 0);
    let page = ReportPage {
        chrome: Chrome::new(&viewer),
        report_id: rid,
        agency: agency_name(store, report.row.agency_id).await?,
        state_label: ReportState::parse(&report.row.state).map_or("", |s| s.label(viewer.tr.lang)),
        state: report.row.state.clone(),
        filled: report.entries.iter().filter(|e| e.is_filled()).count(),
        period,
        entries,
        indicators,
        statuses: status_choices(viewer.tr.lang),
        indicator_statuses: view::indicator_status_choices(viewer.tr.lang),
        editable,
        can_submit,
        can_record_values,
        can_review: allowed(&principal, Resource::Report, Action::Accept, &owner),
        submitted_banner,
    };
    Ok(render(&page)?.into_response())
}

/// A button's form: only the token, missing counting as wrong (403).
#[derive(Deserialize)]
struct ButtonForm {
    #[serde(default)]
    csrf: String,
}

impl HasCsrf for ButtonForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

async fn submit(
    State(state): State<AppState>,
    Path(rid): Path<i64>,
    CsrfForm { viewer, .. }: CsrfForm<ButtonForm>,
) -> PageResult {
    let principal = viewer.principal()?;
    state.store.submit_report(&principal, rid).await?;
    Ok(Redirect::to(&format!("/reports/{rid}?submitted=1")).into_response())
}
