//! Importing a document from the browser: upload, a preview of the parsed
//! plan with its notes beside the source lines and a mapping for agency
//! names the registry does not know, then commit or discard.

pub mod notice;
pub mod previews;
mod view;

use std::collections::{HashMap, HashSet};

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use kehoach_import::ImportOptions;
use kehoach_model::AgencyKind;
use kehoach_store::plans::document::parse_document;
use kehoach_store::NewImport;
use serde::Deserialize;

use super::{render, Chrome};
use crate::auth::csrf::{check_token, CsrfForm, HasCsrf, TokenOnly};
use crate::auth::Viewer;
use crate::error::{AppError, PageResult};
use crate::state::AppState;
use crate::upload::{base_name, multipart_error};
use crate::MAX_BODY_BYTES;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/import",
            get(upload_page)
                .post(upload)
                // Multipart has its own, smaller default limit.
                .layer(DefaultBodyLimit::max(MAX_BODY_BYTES)),
        )
        .route("/import/{token}", get(preview_page))
        .route("/import/{token}/commit", post(commit))
        .route("/import/{token}/discard", post(discard))
}

#[derive(Template)]
#[template(path = "import.html")]
struct UploadPage {
    chrome: Chrome,
    max_mib: usize,
}

async fn upload_page(viewer: Viewer) -> PageResult {
    viewer.require_plan_manager()?;
    let page = UploadPage {
        chrome: Chrome::new(&viewer),
        max_mib: MAX_BODY_BYTES / (1024 * 1024),
    };
    Ok(render(&page)?.into_response())
}

/// The uploaded file and the form's token.
#[derive(Default)]
struct Upload {
    csrf: String,
    file_name: String,
    bytes: Vec<u8>,
}

async fn upload(
    viewer: Viewer,
    State(state): State<AppState>,
    multipart: Result<Multipart, MultipartRejection>,
) -> PageResult {
    viewer.require_plan_manager()?;
    let owner = viewer.user_id()?;
    let multipart = multipart.map_err(|e| AppError::bad_request(e.body_text()))?;
    let upload = read_upload(multipart).await?;
    // The check every form gets from CsrfForm, which cannot parse multipart.
    check_token(&viewer, &upload.csrf)?;
    if upload.file_name.is_empty() {
        return Err(AppError::bad_request(viewer.tr.t("import.no_file")));
    }
    let parsed = parse_document(
        upload.file_name.clone(),
        upload.bytes,
        ImportOptions::default(),
    )
    .await?;
    let token = state.previews.insert(owner, upload.file_name, parsed);
    Ok(Redirect::to(&format!("/import/{token}")).into_response())
}

async fn read_upload(mut multipart: Multipart) -> Result<Upload, AppError> {
    let mut upload = Upload::default();
    while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
        match field.name() {
            Some("csrf") => upload.csrf = field.text().await.map_err(multipart_error)?,
            Some("file") => {
                upload.file_name = base_name(field.file_name().unwrap_or(""));
                upload.bytes = field.bytes().await.map_err(multipart_error)?.to_vec();
            }
            _ => {}
        }
    }
    Ok(upload)
}

async fn preview_page(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> PageResult {
    viewer.require_plan_manager()?;
    let (file_name, parsed) = state
        .previews
        .get(&token, viewer.user_id()?)
        .ok_or_else(AppError::not_found)?;
    let page =
        view::PreviewPage::build(&state, Chrome::new(&viewer), token, file_name, &parsed).await?;
    Ok(render(&page)?.into_response())
}

/// The commit form: the token and one `map_<n>` choice per unknown agency
/// (an agency id, or empty to keep the name as a new agency).
#[derive(Deserialize)]
pub struct CommitForm {
    csrf: String,
    #[serde(flatten)]
    choices: HashMap<String, String>,
}

impl HasCsrf for CommitForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

async fn commit(
    State(state): State<AppState>,
    Path(token): Path<String>,
    CsrfForm { viewer, form }: CsrfForm<CommitForm>,
) -> PageResult {
    viewer.require_plan_manager()?;
    let user = viewer.user_id()?;
    let (_, parsed) = state
        .previews
        .get(&token, user)
        .ok_or_else(AppError::not_found)?;
    let known: HashSet<i64> = state
        .store
        .agencies()
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect();
    let mut mapping = Vec::new();
    for (n, agency) in unknown_agencies(&parsed.imported.plan).enumerate() {
        let choice = form
            .choices
            .get(&format!("map_{n}"))
            .map_or("", |c| c.trim());
        if choice.is_empty() {
            continue;
        }
        let id = choice
            .parse::<i64>()
            .ok()
            .filter(|id| known.contains(id))
            .ok_or_else(|| AppError::bad_request(viewer.tr.t("import.bad_mapping")))?;
        mapping.push((agency.name.clone(), id));
        for raw in agency.raw.iter().filter(|r| **r != agency.name) {
            mapping.push((raw.clone(), id));
        }
    }
    let outcome = state
        .store
        .store_import(
            NewImport {
                imported: &parsed.imported,
                source_text: &parsed.source_text,
                version_of: None,
                agency_mapping: &mapping,
            },
            &viewer.actor(),
        )
        .await?;
    state.previews.remove(&token, user);
    Ok(Redirect::to(&notice::plan_link(&outcome)).into_response())
}

async fn discard(
    State(state): State<AppState>,
    Path(token): Path<String>,
    CsrfForm { viewer, .. }: CsrfForm<TokenOnly>,
) -> PageResult {
    viewer.require_plan_manager()?;
    if !state.previews.remove(&token, viewer.user_id()?) {
        return Err(AppError::not_found());
    }
    Ok(Redirect::to("/import").into_response())
}

/// The agencies the registry did not recognise, in the plan's order: the
/// preview numbers its choices by this order.
pub(crate) fn unknown_agencies(
    plan: &kehoach_model::Plan,
) -> impl Iterator<Item = &kehoach_model::Agency> {
    plan.agencies.iter().filter(|a| a.kind == AgencyKind::Other)
}
