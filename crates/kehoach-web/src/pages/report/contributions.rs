//! What a reporter's agency owes as coordinating agency in a period: one
//! contribution per task, saved at the version read and sent to the lead.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use kehoach_store::reporting::agency_queries::TaskBrief;
use kehoach_store::reporting::contributions::{Contribution, ContributionDraft};
use kehoach_store::reporting::rights::{allowed, Action, Owner, Resource};
use kehoach_store::reporting::setup::Period;
use kehoach_store::reporting::{Conflicting, PeriodState};
use kehoach_store::StoreError;
use serde::Deserialize;

use super::view::stamp;
use super::{agency_name, own_agency, render, user_names, Chrome};
use crate::auth::csrf::{CsrfForm, HasCsrf};
use crate::auth::Viewer;
use crate::error::{AppError, ErrorKind, PageResult};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/periods/{id}/contributions", get(page))
        .route("/periods/{id}/contributions/{task_id}", post(save))
}

pub struct TaskContribution {
    pub task: TaskBrief,
    pub text: String,
    /// None: nothing written yet.
    pub version: Option<i64>,
    pub submitted: bool,
    pub saved: String,
}

#[derive(Template)]
#[template(path = "contributions.html")]
struct ContributionsPage {
    chrome: Chrome,
    period: Period,
    agency: String,
    tasks: Vec<TaskContribution>,
    editable: bool,
}

async fn page(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(period_id): Path<i64>,
) -> PageResult {
    let principal = viewer.principal()?;
    let agency = own_agency(&principal)?;
    let store = &state.store;
    let period = store.period(&principal, period_id).await?;
    let mut tasks = Vec::new();
    for task in store
        .coordinated_tasks(&principal, period_id, agency)
        .await?
    {
        let mine = store
            .contributions_for(&principal, period_id, task.task_id)
            .await?
            .into_iter()
            .find(|c| c.agency_id == agency);
        tasks.push(TaskContribution {
            text: mine.as_ref().map(|c| c.text.clone()).unwrap_or_default(),
            version: mine.as_ref().map(|c| c.version),
            submitted: mine.as_ref().is_some_and(|c| c.submitted_at.is_some()),
            saved: mine
                .as_ref()
                .map(|c| stamp(c.updated_at, viewer.tr.lang))
                .unwrap_or_default(),
            task,
        });
    }
    let page = ContributionsPage {
        chrome: Chrome::new(&viewer),
        agency: agency_name(store, agency).await?,
        editable: period.state == PeriodState::Open.as_str()
            && allowed(
                &principal,
                Resource::Contribution,
                Action::Edit,
                &Owner::agency(agency),
            ),
        period,
        tasks,
    };
    Ok(render(&page)?.into_response())
}

#[derive(Deserialize)]
pub struct ContributionForm {
    #[serde(default)]
    csrf: String,
    /// Empty when writing the first one.
    #[serde(default)]
    version: String,
    #[serde(default)]
    text: String,
    /// "submit" sends it to the lead agency; anything else saves a draft.
    #[serde(default)]
    action: String,
}

impl HasCsrf for ContributionForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

async fn save(
    State(state): State<AppState>,
    Path((period_id, task_id)): Path<(i64, i64)>,
    CsrfForm { viewer, form }: CsrfForm<ContributionForm>,
) -> PageResult {
    let principal = viewer.principal()?;
    let agency = own_agency(&principal)?;
    let expected_version = match form.version.trim() {
        "" => None,
        v => Some(
            v.parse()
                .map_err(|_| AppError::bad_request("version must be a number"))?,
        ),
    };
    let draft = ContributionDraft {
        period_id,
        task_id,
        agency_id: agency,
        text: &form.text,
        expected_version,
        submit: form.action == "submit",
    };
    match state.store.save_contribution(&principal, &draft).await {
        Ok(_) => Ok(Redirect::to(&format!(
            "/periods/{period_id}/contributions#task-{task_id}"
        ))
        .into_response()),
        Err(StoreError::Conflict { current }) => match *current {
            Conflicting::Contribution(stored) => {
                conflict_page(&state, &viewer, &form, stored).await
            }
            Conflicting::Entry(_) => Err(AppError::new(ErrorKind::Conflict)),
        },
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "contribution_conflict.html")]
struct ContributionConflictPage {
    chrome: Chrome,
    period_id: i64,
    task_id: i64,
    yours: String,
    stored: String,
    stored_version: i64,
    saved_by: String,
    saved_at: String,
}

async fn conflict_page(
    state: &AppState,
    viewer: &Viewer,
    form: &ContributionForm,
    stored: Contribution,
) -> PageResult {
    let names = user_names(&state.store).await?;
    let page = ContributionConflictPage {
        chrome: Chrome::new(viewer),
        period_id: stored.period_id,
        task_id: stored.task_id,
        yours: form.text.clone(),
        saved_by: stored
            .updated_by
            .and_then(|id| names.get(&id).cloned())
            .unwrap_or_default(),
        saved_at: stamp(stored.updated_at, viewer.tr.lang),
        stored_version: stored.version,
        stored: stored.text,
    };
    Ok((StatusCode::CONFLICT, render(&page)?).into_response())
}
