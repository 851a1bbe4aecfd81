//! The agency registry's forms, for administrators and coordinators: add
//! an alias, merge a duplicate record into another, record a successor from
//! a date, create an agency. The store audits each change; a refusal (an
//! alias another agency owns, a merge loop, a bad date) comes back as a 400
//! page with the store's reason; success goes back to the agency's page.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use kehoach_store::StoreError;
use serde::Deserialize;

use crate::auth::csrf::{CsrfForm, HasCsrf};
use crate::auth::Viewer;
use crate::error::{AppError, PageResult};
use crate::state::AppState;

#[derive(Deserialize)]
pub struct AliasForm {
    csrf: String,
    alias: String,
}

#[derive(Deserialize)]
pub struct MergeForm {
    csrf: String,
    into: i64,
}

#[derive(Deserialize)]
pub struct SuccessorForm {
    csrf: String,
    successor: i64,
    effective_on: String,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
pub struct CreateForm {
    csrf: String,
    name: String,
}

macro_rules! has_csrf {
    ($($form:ty),*) => {
        $(impl HasCsrf for $form {
            fn csrf(&self) -> &str {
                &self.csrf
            }
        })*
    };
}
has_csrf!(AliasForm, MergeForm, SuccessorForm, CreateForm);

/// The role is checked before the form, so the public is asked to log in
/// and a leader is refused whatever the form holds; then the token.
fn authorised<T>(viewer: &Viewer, form: Result<CsrfForm<T>, AppError>) -> Result<T, AppError> {
    viewer.require_plan_manager()?;
    Ok(form?.form)
}

/// A chosen agency that does not exist is a wrong form, not a missing page.
fn refused(err: StoreError) -> AppError {
    match err {
        StoreError::NotFound(what) => AppError::bad_request(format!("{what} does not exist")),
        other => other.into(),
    }
}

fn back_to(id: i64) -> PageResult {
    Ok(Redirect::to(&format!("/agencies/{id}")).into_response())
}

pub async fn add_alias(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: Result<CsrfForm<AliasForm>, AppError>,
) -> PageResult {
    let form = authorised(&viewer, form)?;
    state.store.agency(id).await?;
    state
        .store
        .add_alias(id, &form.alias, &viewer.actor())
        .await
        .map_err(refused)?;
    back_to(id)
}

pub async fn merge(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: Result<CsrfForm<MergeForm>, AppError>,
) -> PageResult {
    let form = authorised(&viewer, form)?;
    state.store.agency(id).await?;
    state
        .store
        .merge_agencies(id, form.into, &viewer.actor())
        .await
        .map_err(refused)?;
    back_to(id)
}

pub async fn add_successor(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: Result<CsrfForm<SuccessorForm>, AppError>,
) -> PageResult {
    let form = authorised(&viewer, form)?;
    state.store.agency(id).await?;
    state
        .store
        .add_succession(
            id,
            form.successor,
            form.effective_on.trim(),
            form.note.trim(),
            &viewer.actor(),
        )
        .await
        .map_err(refused)?;
    back_to(id)
}

pub async fn create(
    viewer: Viewer,
    State(state): State<AppState>,
    form: Result<CsrfForm<CreateForm>, AppError>,
) -> PageResult {
    let form = authorised(&viewer, form)?;
    let id = state
        .store
        .create_agency(&form.name, &viewer.actor())
        .await
        .map_err(refused)?;
    back_to(id)
}
