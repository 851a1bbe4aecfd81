//! The reporting chain as JSON: periods, agency reports, entry saves,
//! submission, contributions and indicator values. The store checks every
//! right; writes take a bearer token only (see api/auth.rs). Entry saves go
//! through the state's `EntryWriter` (group commit).

pub mod types;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use kehoach_store::reporting::contributions::{Contribution, ContributionDraft};
use kehoach_store::reporting::entries::Entry;
use kehoach_store::reporting::grouped_saves::EntrySave;
use kehoach_store::reporting::indicators::{IndicatorReport, NewIndicatorValue};
use kehoach_store::reporting::reports::{Report, ReportRow};
use kehoach_store::StoreError;
use serde::Serialize;
use serde_json::json;

use self::types::{ContributionInput, EntryInput, IndicatorsInput, PeriodBody};
use super::auth::{parse_json, Reader, Writer};
use super::parse_id;
use crate::error::AppError;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/periods/{id}", get(period))
        .route("/api/periods/{id}/my-report", get(my_report))
        .route("/api/reports/{rid}", get(report))
        .route("/api/reports/{rid}/submit", post(submit))
        .route("/api/reports/{rid}/indicators", post(indicators))
        .route("/api/entries/{eid}", put(save_entry))
        .route(
            "/api/periods/{id}/contributions/{task_id}",
            put(save_contribution),
        )
}

/// The reporting API's answer: the value, or the error as JSON. Conflicts
/// carry what is stored (409), locked reports and periods answer 423.
type ApiResponse = Result<Response, ApiError>;

/// Boxed: a response is large, and the error travels in every `Result`.
pub struct ApiError(Box<Response>);

impl From<AppError> for ApiError {
    fn from(err: AppError) -> ApiError {
        ApiError(Box::new(err.into_response()))
    }
}

impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> ApiError {
        match err {
            StoreError::Conflict { current } => ApiError(Box::new(
                (
                    StatusCode::CONFLICT,
                    Json(json!({
                        "error": "conflict",
                        "detail": "changed by someone else since it was read",
                        "current": current,
                    })),
                )
                    .into_response(),
            )),
            StoreError::Locked(message) => ApiError(Box::new(
                (
                    StatusCode::LOCKED,
                    Json(json!({ "error": "locked", "detail": message })),
                )
                    .into_response(),
            )),
            other => AppError::from(other).into(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        *self.0
    }
}

fn ok<T: Serialize>(value: T) -> ApiResponse {
    Ok(Json(value).into_response())
}

/// A period, with the compliance table as far as the caller may see it.
#[utoipa::path(get, path = "/api/periods/{id}", tag = "reporting",
    params(("id" = i64, Path, description = "Period id")),
    security(("bearer" = []), ("cookie" = [])),
    responses((status = 200, body = PeriodBody), (status = 401, body = super::ErrorBody),
               (status = 403, body = super::ErrorBody), (status = 404, body = super::ErrorBody)))]
async fn period(
    Reader(caller): Reader,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResponse {
    let principal = caller.principal();
    let id = parse_id(&id)?;
    let period = state.store.period(&principal, id).await?;
    let compliance = match state.store.compliance(&principal, id).await {
        Ok(rows) => rows,
        Err(StoreError::Forbidden(_)) => Vec::new(),
        Err(err) => return Err(err.into()),
    };
    ok(PeriodBody { period, compliance })
}

/// The caller's agency's report for the period, created as a draft with
/// one entry per task the agency leads the first time it is asked for.
#[utoipa::path(get, path = "/api/periods/{id}/my-report", tag = "reporting",
    params(("id" = i64, Path, description = "Period id")),
    security(("bearer" = []), ("cookie" = [])),
    responses((status = 200, body = types::ReportSchema), (status = 401, body = super::ErrorBody),
               (status = 404, body = super::ErrorBody, description = "Not a reporter of an agency")))]
async fn my_report(
    Reader(caller): Reader,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResponse {
    let principal = caller.principal();
    let id = parse_id(&id)?;
    let agency = principal.agency_id.ok_or_else(AppError::not_found)?;
    let report: Report = state.store.report_for(&principal, id, agency).await?;
    ok(report)
}

/// An agency report and its entries.
#[utoipa::path(get, path = "/api/reports/{rid}", tag = "reporting",
    params(("rid" = i64, Path, description = "Report id")),
    security(("bearer" = []), ("cookie" = [])),
    responses((status = 200, body = types::ReportSchema), (status = 401, body = super::ErrorBody),
               (status = 403, body = super::ErrorBody), (status = 404, body = super::ErrorBody)))]
async fn report(
    Reader(caller): Reader,
    State(state): State<AppState>,
    Path(rid): Path<String>,
) -> ApiResponse {
    let report: Report = state
        .store
        .report(&caller.principal(), parse_id(&rid)?)
        .await?;
    ok(report)
}

/// Saves one entry on top of the version read. Durable when answered: the
/// save is committed (with the others arriving at the same moment) first.
#[utoipa::path(put, path = "/api/entries/{eid}", tag = "reporting",
    params(("eid" = i64, Path, description = "Entry id")),
    request_body = EntryInput,
    security(("bearer" = [])),
    responses(
        (status = 200, body = types::EntrySchema, description = "The entry as saved, with its new version"),
        (status = 400, body = super::ErrorBody, description = "A bad field"),
        (status = 401, body = super::ErrorBody, description = "No bearer token (cookies are not accepted for writes)"),
        (status = 403, body = super::ErrorBody, description = "Not the entry's agency"),
        (status = 404, body = super::ErrorBody),
        (status = 409, body = types::ConflictBody, description = "Someone saved first: the stored entry"),
        (status = 423, body = super::ErrorBody, description = "The report is submitted or accepted, or the period not open"),
    ))]
async fn save_entry(
    Writer(caller): Writer,
    State(state): State<AppState>,
    Path(eid): Path<String>,
    body: Bytes,
) -> ApiResponse {
    let id = parse_id(&eid)?;
    let input: EntryInput = parse_json(&body)?;
    let expected_version = input.version;
    let save = EntrySave {
        principal: caller.principal(),
        id,
        expected_version,
        fields: input.fields()?,
    };
    let entry: Entry = state.entry_writer.save(save).await?;
    ok(entry)
}

/// Submits the whole report to DPI.
#[utoipa::path(post, path = "/api/reports/{rid}/submit", tag = "reporting",
    params(("rid" = i64, Path, description = "Report id")),
    security(("bearer" = [])),
    responses((status = 200, description = "The report's new state (on_time says whether it came in time)", body = Object),
               (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
               (status = 404, body = super::ErrorBody), (status = 423, body = super::ErrorBody)))]
async fn submit(
    Writer(caller): Writer,
    State(state): State<AppState>,
    Path(rid): Path<String>,
) -> ApiResponse {
    let row: ReportRow = state
        .store
        .submit_report(&caller.principal(), parse_id(&rid)?)
        .await?;
    ok(row)
}

/// Saves (and with `submit`, sends) the caller's agency's contribution to
/// a task it coordinates in the period.
#[utoipa::path(put, path = "/api/periods/{id}/contributions/{task_id}", tag = "reporting",
    params(("id" = i64, Path, description = "Period id"), ("task_id" = i64, Path, description = "Task id")),
    request_body = ContributionInput,
    security(("bearer" = [])),
    responses((status = 200, body = Object, description = "The contribution as saved"),
               (status = 400, body = super::ErrorBody), (status = 401, body = super::ErrorBody),
               (status = 403, body = super::ErrorBody), (status = 409, body = types::ConflictBody),
               (status = 423, body = super::ErrorBody)))]
async fn save_contribution(
    Writer(caller): Writer,
    State(state): State<AppState>,
    Path((id, task_id)): Path<(String, String)>,
    body: Bytes,
) -> ApiResponse {
    let principal = caller.principal();
    let agency_id = principal.agency_id.ok_or_else(AppError::forbidden)?;
    let input: ContributionInput = parse_json(&body)?;
    let draft = ContributionDraft {
        period_id: parse_id(&id)?,
        task_id: parse_id(&task_id)?,
        agency_id,
        text: &input.text,
        expected_version: input.version,
        submit: input.submit,
    };
    let saved: Contribution = state.store.save_contribution(&principal, &draft).await?;
    ok(saved)
}

/// Records indicator values for the report's agency and period, one new
/// revision each (earlier revisions are kept).
#[utoipa::path(post, path = "/api/reports/{rid}/indicators", tag = "reporting",
    params(("rid" = i64, Path, description = "Report id")),
    request_body = IndicatorsInput,
    security(("bearer" = [])),
    responses((status = 200, body = Vec<Object>, description = "The revisions recorded"),
               (status = 400, body = super::ErrorBody), (status = 401, body = super::ErrorBody),
               (status = 403, body = super::ErrorBody), (status = 404, body = super::ErrorBody)))]
async fn indicators(
    Writer(caller): Writer,
    State(state): State<AppState>,
    Path(rid): Path<String>,
    body: Bytes,
) -> ApiResponse {
    let principal = caller.principal();
    let input: IndicatorsInput = parse_json(&body)?;
    let report = state.store.report(&principal, parse_id(&rid)?).await?;
    let mut recorded: Vec<IndicatorReport> = Vec::with_capacity(input.values.len());
    for value in &input.values {
        let new = NewIndicatorValue {
            period_id: report.row.period_id,
            indicator_id: value.indicator_id,
            agency_id: report.row.agency_id,
            year: value.year,
            value: value.value,
            text: &value.text,
            status: value.status()?,
        };
        recorded.push(state.store.record_indicator_value(&principal, &new).await?);
    }
    ok(recorded)
}

/// The reporting API's part of the OpenAPI document (merged into /api/openapi.json).
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(
        super::auth::create_session, super::auth::end_session,
        period, my_report, report, save_entry, submit, save_contribution, indicators
    ),
    modifiers(&SecuritySchemes),
    tags(
        (name = "session", description = "Bearer tokens: writes take `Authorization: Bearer <token>` only"),
        (name = "reporting", description = "Agency reports for a reporting period"),
    )
)]
pub struct ReportingDoc;

struct SecuritySchemes;

impl utoipa::Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{
            ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme,
        };
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "cookie",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(
                crate::auth::SESSION_COOKIE,
            ))),
        );
    }
}
