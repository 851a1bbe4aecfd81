//! The JSON API: plans, their targets and tasks, agencies and search, read
//! with the same rules as the pages (the public sees published plans only,
//! and no import diagnostics). Described by the OpenAPI document at
//! /api/openapi.json, generated from these handlers and types.

pub mod auth;
pub mod reporting;
mod types;

use axum::extract::{Path, Query, State};
use axum::routing::get;
use axum::{Json, Router};
use kehoach_store::agencies::{AgencyListRow, AgencyTask};
use kehoach_store::plans::read::{PlanSummary, PlanTree};
use serde::Deserialize;
use utoipa::OpenApi;

pub use types::{AgencyDetail, ErrorBody, SearchResponse, TargetItem, TaskItem};

use crate::auth::Viewer;
use crate::error::AppError;
use crate::state::AppState;

/// Results one search answers at most.
pub const MAX_SEARCH_LIMIT: usize = 500;
const DEFAULT_SEARCH_LIMIT: usize = 50;

type ApiResult<T> = Result<Json<T>, AppError>;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/openapi.json", get(openapi_json))
        .route("/api/plans", get(list_plans))
        .route("/api/plans/{id}", get(plan))
        .route("/api/plans/{id}/targets", get(plan_targets))
        .route("/api/plans/{id}/tasks", get(plan_tasks))
        .route("/api/agencies", get(list_agencies))
        .route("/api/agencies/{id}", get(agency))
        .route("/api/search", get(search))
        .route("/api/indicators/{id}/series", get(indicator_series))
        .merge(auth::routes())
        .merge(reporting::routes())
}

/// The whole API's OpenAPI document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi().merge_from(reporting::ReportingDoc::openapi())
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "kehoach",
        description = "Provincial plans: targets, tasks, indicators and the agencies responsible. \
                       Without a session, only published plans are visible."
    ),
    paths(list_plans, plan, plan_targets, plan_tasks, list_agencies, agency, search, indicator_series, openapi_json),
    tags(
        (name = "plans", description = "Plans at their latest version"),
        (name = "agencies", description = "Agencies named by the plans"),
        (name = "search", description = "Search typed with or without diacritics"),
        (name = "indicators", description = "Indicator series: the plan's baseline and targets, reported values"),
    )
)]
pub struct ApiDoc;

/// This document.
#[utoipa::path(get, path = "/api/openapi.json", tag = "plans",
    responses((status = 200, description = "The OpenAPI 3.1 document", content_type = "application/json")))]
async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(openapi())
}

/// Every plan at its latest version, with counts.
#[utoipa::path(get, path = "/api/plans", tag = "plans",
    responses((status = 200, body = Vec<PlanSummary>)))]
async fn list_plans(viewer: Viewer, State(state): State<AppState>) -> ApiResult<Vec<PlanSummary>> {
    Ok(Json(state.store.plans(viewer.session.is_none()).await?))
}

/// A plan's tree at its latest version: goals, targets, tasks, indicators.
#[utoipa::path(get, path = "/api/plans/{id}", tag = "plans",
    params(("id" = i64, Path, description = "Plan id")),
    responses((status = 200, body = PlanTree), (status = 404, body = ErrorBody)))]
async fn plan(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<PlanTree> {
    Ok(Json(visible_tree(&viewer, &state, &id).await?))
}

/// A plan's targets, in document order.
#[utoipa::path(get, path = "/api/plans/{id}/targets", tag = "plans",
    params(("id" = i64, Path, description = "Plan id")),
    responses((status = 200, body = Vec<TargetItem>), (status = 404, body = ErrorBody)))]
async fn plan_targets(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Vec<TargetItem>> {
    let tree = visible_tree(&viewer, &state, &id).await?;
    Ok(Json(types::targets(&tree)))
}

/// A plan's tasks, in document order, those under a target first.
#[utoipa::path(get, path = "/api/plans/{id}/tasks", tag = "plans",
    params(("id" = i64, Path, description = "Plan id")),
    responses((status = 200, body = Vec<TaskItem>), (status = 404, body = ErrorBody)))]
async fn plan_tasks(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Vec<TaskItem>> {
    let tree = visible_tree(&viewer, &state, &id).await?;
    Ok(Json(types::tasks(&tree)))
}

/// Agencies with how many tasks they lead and coordinate.
#[utoipa::path(get, path = "/api/agencies", tag = "agencies",
    responses((status = 200, body = Vec<AgencyListRow>)))]
async fn list_agencies(State(state): State<AppState>) -> ApiResult<Vec<AgencyListRow>> {
    Ok(Json(state.store.agencies().await?))
}

/// An agency, its other names, and the tasks it answers for.
#[utoipa::path(get, path = "/api/agencies/{id}", tag = "agencies",
    params(("id" = i64, Path, description = "Agency id")),
    responses((status = 200, body = AgencyDetail), (status = 404, body = ErrorBody)))]
async fn agency(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<AgencyDetail> {
    let id = parse_id(&id)?;
    let agency = state.store.agency(id).await?;
    let aliases = state.store.aliases(id).await?;
    let mut tasks: Vec<AgencyTask> = state.store.agency_tasks(id).await?;
    if viewer.session.is_none() {
        let public: Vec<i64> = state
            .store
            .plans(true)
            .await?
            .iter()
            .map(|p| p.id)
            .collect();
        tasks.retain(|t| public.contains(&t.plan_id));
    }
    Ok(Json(AgencyDetail {
        agency,
        aliases,
        tasks,
    }))
}

#[derive(Deserialize)]
struct SearchParams {
    #[serde(default)]
    q: String,
    limit: Option<usize>,
}

/// Targets, tasks, indicators and agencies matching `q`, best first. Diacritics
/// and case are ignored; every word must match the start of a word.
#[utoipa::path(get, path = "/api/search", tag = "search",
    params(
        ("q" = String, Query, description = "The query; an empty one finds nothing"),
        ("limit" = Option<usize>, Query, description = "At most this many hits (default 50, at most 500)"),
    ),
    responses((status = 200, body = SearchResponse)))]
async fn search(
    viewer: Viewer,
    State(state): State<AppState>,
    Query(params): Query<SearchParams>,
) -> ApiResult<SearchResponse> {
    let limit = params
        .limit
        .unwrap_or(DEFAULT_SEARCH_LIMIT)
        .min(MAX_SEARCH_LIMIT);
    let hits = state
        .store
        .search(&params.q, viewer.session.is_none(), limit)
        .await?;
    Ok(Json(SearchResponse {
        query: params.q,
        hits,
    }))
}

/// The plan's latest tree if this viewer may see it; the public gets no
/// import diagnostics.
/// An indicator's series: the plan's printed baseline and targets, and the
/// values agencies reported (the public: those of published results only).
#[utoipa::path(get, path = "/api/indicators/{id}/series", tag = "indicators",
    params(("id" = i64, Path, description = "Indicator id")),
    responses((status = 200, body = kehoach_store::reporting::series::Series), (status = 404, body = ErrorBody)))]
async fn indicator_series(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<kehoach_store::reporting::series::Series> {
    let principal = viewer
        .principal()
        .unwrap_or_else(|_| kehoach_store::reporting::Principal::public());
    Ok(Json(
        state
            .store
            .indicator_series(&principal, parse_id(&id)?)
            .await?,
    ))
}

async fn visible_tree(viewer: &Viewer, state: &AppState, id: &str) -> Result<PlanTree, AppError> {
    let mut tree = state.store.plan_tree(parse_id(id)?, None).await?;
    if viewer.session.is_none() {
        if tree.summary.published == 0 {
            return Err(AppError::not_found());
        }
        tree.diagnostics.clear();
    }
    Ok(tree)
}

/// An id from the path; anything else names nothing (a JSON 404, where
/// axum's own rejection would answer in plain text).
pub(crate) fn parse_id(id: &str) -> Result<i64, AppError> {
    id.parse().map_err(|_| AppError::not_found())
}
