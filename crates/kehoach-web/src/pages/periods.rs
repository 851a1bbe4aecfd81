//! Reporting periods of a plan, for DPI: generated from the plan's reporting
//! rules for a year, then opened and closed. The import's
//! `conflicting-deadline` notes are shown here, where the dates are set.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use kehoach_store::plans::read::{DiagnosticRow, PlanSummary};
use kehoach_store::reporting::periods::GenerationOptions;
use kehoach_store::reporting::setup::{NewPeriod, Period, PeriodDates};
use kehoach_store::reporting::PeriodKind;
use serde::Deserialize;

use super::{download, render, Chrome, XLSX};
use crate::auth::csrf::{CsrfForm, HasCsrf, TokenOnly};
use crate::auth::Viewer;
use crate::error::{AppError, ErrorKind, PageResult};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/plans/{id}/periods", get(periods_page).post(generate))
        .route("/plans/{id}/periods/add", post(add))
        .route("/periods/{id}/open", post(open))
        .route("/periods/{id}/close", post(close))
        .route("/periods/{id}/dates", post(edit_dates))
        .route("/periods/{id}/publish", post(publish))
        .route("/periods/{id}/unpublish", post(unpublish))
        .route("/periods/{id}/consolidation.xlsx", get(consolidation_xlsx))
}

#[derive(Template)]
#[template(path = "periods.html")]
struct PeriodsPage {
    chrome: Chrome,
    plan: PlanSummary,
    periods: Vec<Period>,
    conflicts: Vec<DiagnosticRow>,
    can_edit: bool,
    /// DPI and leaders read every report, so may download the consolidation.
    can_read_reports: bool,
    next_year: i32,
}

impl PeriodsPage {
    /// (value, label) of every kind of period, for the add form.
    fn kinds(&self) -> Vec<(&'static str, &'static str)> {
        PeriodKind::ALL
            .iter()
            .map(|k| (k.as_str(), k.label(self.chrome.tr.lang)))
            .collect()
    }

    fn state_key(&self, state: &str) -> &'static str {
        match state {
            "open" => "period.state.open",
            "closed" => "period.state.closed",
            _ => "period.state.draft",
        }
    }
}

async fn periods_page(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(plan_id): Path<i64>,
) -> PageResult {
    let principal = viewer.principal()?;
    let periods = state.store.periods_of_plan(&principal, plan_id).await?;
    let plan = state.store.plan_summary(plan_id, None).await?;
    let conflicts = state
        .store
        .diagnostics(plan.version_id)
        .await?
        .into_iter()
        .filter(|d| d.code == "conflicting-deadline")
        .collect();
    let this_year = kehoach_store::reporting::local_date(kehoach_store::clock::now())
        .get(..4)
        .and_then(|y| y.parse().ok())
        .unwrap_or(2026);
    let page = PeriodsPage {
        chrome: Chrome::new(&viewer),
        can_edit: viewer.can_manage_plans(),
        can_read_reports: viewer.reads_everything(),
        next_year: this_year,
        plan,
        periods,
        conflicts,
    };
    Ok(render(&page)?.into_response())
}

#[derive(Deserialize)]
pub struct GenerateForm {
    csrf: String,
    year: i32,
}

impl HasCsrf for GenerateForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

async fn generate(
    State(state): State<AppState>,
    Path(plan_id): Path<i64>,
    CsrfForm { viewer, form }: CsrfForm<GenerateForm>,
) -> PageResult {
    let principal = viewer.principal()?;
    state
        .store
        .generate_periods(
            &principal,
            plan_id,
            form.year,
            &GenerationOptions::default(),
        )
        .await?;
    Ok(Redirect::to(&format!("/plans/{plan_id}/periods")).into_response())
}

#[derive(Deserialize)]
pub struct AddForm {
    csrf: String,
    kind: String,
    year: i32,
    #[serde(default)]
    part: Option<i32>,
    agency_due_on: String,
}

impl HasCsrf for AddForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// A period the plan's rules do not state (a nine-month review, a quarter).
async fn add(
    State(state): State<AppState>,
    Path(plan_id): Path<i64>,
    CsrfForm { viewer, form }: CsrfForm<AddForm>,
) -> PageResult {
    let principal = viewer.principal()?;
    let kind = PeriodKind::parse(&form.kind)
        .ok_or_else(|| AppError::bad_request(format!("unknown period kind \"{}\"", form.kind)))?;
    state
        .store
        .add_period(
            &principal,
            plan_id,
            &NewPeriod {
                kind,
                year: form.year,
                part: form.part.unwrap_or(0),
                agency_due_on: form.agency_due_on.trim(),
            },
            &GenerationOptions::default(),
        )
        .await?;
    Ok(Redirect::to(&format!("/plans/{plan_id}/periods")).into_response())
}

async fn open(state: State<AppState>, id: Path<i64>, form: CsrfForm<TokenOnly>) -> PageResult {
    set_state(state, id, form, true).await
}

async fn close(state: State<AppState>, id: Path<i64>, form: CsrfForm<TokenOnly>) -> PageResult {
    set_state(state, id, form, false).await
}

async fn set_state(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm { viewer, .. }: CsrfForm<TokenOnly>,
    open: bool,
) -> PageResult {
    let principal = viewer.principal()?;
    if open {
        state.store.open_period(&principal, id).await?;
    } else {
        state.store.close_period(&principal, id).await?;
    }
    let period = state.store.period(&principal, id).await?;
    Ok(Redirect::to(&format!("/plans/{}/periods", period.plan_id)).into_response())
}

#[derive(Deserialize)]
pub struct DatesForm {
    csrf: String,
    inputs_due_on: String,
    agency_due_on: String,
    consolidation_due_on: String,
}

impl HasCsrf for DatesForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// DPI moves a period's due dates (the store keeps them in order and
/// audits the change); on time is judged against the dates at submission.
async fn edit_dates(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm { viewer, form }: CsrfForm<DatesForm>,
) -> PageResult {
    let principal = viewer.principal()?;
    let dates = PeriodDates {
        inputs_due_on: form.inputs_due_on.trim().to_string(),
        agency_due_on: form.agency_due_on.trim().to_string(),
        consolidation_due_on: form.consolidation_due_on.trim().to_string(),
    };
    state
        .store
        .edit_period_dates(&principal, id, &dates)
        .await?;
    Ok(Redirect::to(&format!("/periods/{id}")).into_response())
}

async fn publish(state: State<AppState>, id: Path<i64>, form: CsrfForm<TokenOnly>) -> PageResult {
    set_published(state, id, form, true).await
}

async fn unpublish(state: State<AppState>, id: Path<i64>, form: CsrfForm<TokenOnly>) -> PageResult {
    set_published(state, id, form, false).await
}

/// DPI publishes a period's results (the indicator values of its accepted
/// reports become public) or withdraws them.
async fn set_published(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm { viewer, .. }: CsrfForm<TokenOnly>,
    published: bool,
) -> PageResult {
    let principal = viewer.principal()?;
    state
        .store
        .set_period_published(&principal, id, published)
        .await?;
    Ok(Redirect::to(&format!("/periods/{id}")).into_response())
}

/// The consolidated table by task ("bảng biểu theo đầu việc") of a period,
/// for whoever may read every agency's report (DPI, leaders).
async fn consolidation_xlsx(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> PageResult {
    let principal = viewer.principal()?;
    let consolidation = state.store.consolidation(&principal, id).await?;
    let names = state
        .store
        .agency_choices()
        .await?
        .into_iter()
        .collect::<std::collections::HashMap<_, _>>();
    let titles = state
        .store
        .period_task_texts(&principal, id)
        .await?
        .into_iter()
        .map(|(task, t)| {
            let titles = kehoach_export::TaskTitles {
                goal: t.goal_title.unwrap_or_default(),
                target: t.target_text.unwrap_or_default(),
            };
            (task, titles)
        })
        .collect();
    let bytes =
        kehoach_export::consolidation_xlsx_titled(&consolidation, &names, &titles, viewer.tr.lang)
            .map_err(|err| {
                tracing::error!(error = %err, period = id, "xlsx export failed");
                AppError::new(ErrorKind::Internal)
            })?;
    Ok(download(
        bytes,
        XLSX,
        &format!("bang-bieu-theo-dau-viec-{id}.xlsx"),
    ))
}
