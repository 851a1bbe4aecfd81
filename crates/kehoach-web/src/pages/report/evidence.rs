//! Evidence files: uploaded to one entry (counted while streaming, refused
//! above the store's limit before anything is stored) and downloaded as an
//! attachment, never rendered by the browser.

use axum::extract::multipart::{Field, MultipartRejection};
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use kehoach_store::reporting::entries::{Entry, EntryFields};
use kehoach_store::reporting::evidence::MAX_EVIDENCE_BYTES;
use kehoach_store::reporting::rights::{allowed, Action, Owner, Resource};
use kehoach_store::reporting::{EntryStatus, FundSource, PeriodState, Principal, ReportState};

use crate::auth::csrf::check_token;
use crate::error::{AppError, ErrorKind, PageResult};
use crate::state::AppState;
use crate::upload::{base_name, multipart_error};

/// Room for the multipart framing and the token around the file itself.
const FORM_OVERHEAD_BYTES: usize = 64 * 1024;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/entries/{eid}/evidence",
            post(upload).layer(DefaultBodyLimit::max(
                MAX_EVIDENCE_BYTES + FORM_OVERHEAD_BYTES,
            )),
        )
        .route("/evidence/{fid}", get(download))
}

#[derive(Default)]
struct Upload {
    csrf: String,
    file_name: String,
    content_type: String,
    bytes: Vec<u8>,
}

async fn upload(
    viewer: crate::auth::Viewer,
    State(state): State<AppState>,
    Path(eid): Path<i64>,
    multipart: Result<Multipart, MultipartRejection>,
) -> PageResult {
    let principal = viewer.principal()?;
    let multipart = multipart.map_err(|e| AppError::bad_request(e.body_text()))?;
    let upload = read_upload(multipart).await?;
    // The check CsrfForm gives every other form, before anything is stored.
    check_token(&viewer, &upload.csrf)?;
    if upload.file_name.is_empty() || upload.bytes.is_empty() {
        return Err(AppError::bad_request(viewer.tr.t("report.no_file")));
    }
    let entry = state.store.entry(&principal, eid).await?;
    ensure_editable(&state, &principal, &entry).await?;
    let file_id = state
        .store
        .store_evidence(
            &principal,
            entry.row.report_id,
            &upload.file_name,
            &upload.content_type,
            &upload.bytes,
        )
        .await?;
    let mut fields = fields_of(&entry);
    fields.evidence_file_id = Some(file_id);
    state
        .store
        .save_entry(&principal, eid, entry.row.version, &fields)
        .await?;
    Ok(Redirect::to(&format!("/reports/{}#entry-{eid}", entry.row.report_id)).into_response())
}

/// Refuses up front what `save_entry` would refuse after the file was
/// stored, so that a refused upload leaves no file behind.
async fn ensure_editable(
    state: &AppState,
    principal: &Principal,
    entry: &Entry,
) -> Result<(), AppError> {
    let report = state.store.report(principal, entry.row.report_id).await?;
    if !allowed(
        principal,
        Resource::Entry,
        Action::Edit,
        &Owner::agency(report.row.agency_id),
    ) {
        return Err(AppError::forbidden());
    }
    let period = state.store.period(principal, report.row.period_id).await?;
    let in_agency_hands = report.row.locked == 0
        && [ReportState::Draft.as_str(), ReportState::Returned.as_str()]
            .contains(&report.row.state.as_str());
    if !in_agency_hands || period.state != PeriodState::Open.as_str() {
        return Err(AppError::bad_request(
            "the report cannot be changed now".to_string(),
        ));
    }
    Ok(())
}

/// The entry as stored, to be saved again with the new file.
fn fields_of(entry: &Entry) -> EntryFields {
    let row = &entry.row;
    EntryFields {
        status: row.status.as_deref().and_then(EntryStatus::parse),
        results: row.results.clone(),
        difficulties: row.difficulties.clone(),
        recommendations: row.recommendations.clone(),
        evidence_number: row.evidence_number.clone(),
        evidence_date: row.evidence_date.clone(),
        evidence_file_id: row.evidence_file_id,
        funds: entry
            .funds
            .iter()
            .filter_map(|(s, a)| FundSource::parse(s).map(|s| (s, *a)))
            .collect(),
    }
}

async fn read_upload(mut multipart: Multipart) -> Result<Upload, AppError> {
    let mut upload = Upload::default();
    while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
        match field.name() {
            Some("csrf") => upload.csrf = field.text().await.map_err(multipart_error)?,
            Some("file") => {
                upload.file_name = base_name(field.file_name().unwrap_or(""));
                upload.content_type = field
                    .content_type()
                    .unwrap_or("application/octet-stream")
                    .to_string();
                upload.bytes = read_limited(field).await?;
            }
            _ => {}
        }
    }
    Ok(upload)
}

/// The file's bytes, refused as soon as they pass the limit.
async fn read_limited(mut field: Field<'_>) -> Result<Vec<u8>, AppError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(multipart_error)? {
        if bytes.len() + chunk.len() > MAX_EVIDENCE_BYTES {
            return Err(AppError::new(ErrorKind::TooLarge));
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

async fn download(
    viewer: crate::auth::Viewer,
    State(state): State<AppState>,
    Path(fid): Path<i64>,
) -> PageResult {
    let principal = viewer.principal()?;
    let file = state.store.evidence_file(&principal, fid).await?;
    Ok((
        [
            (
                CONTENT_TYPE,
                safe_content_type(&file.content_type).to_string(),
            ),
            (CONTENT_DISPOSITION, attachment(&file.name)),
        ],
        file.bytes,
    )
        .into_response())
}

/// Only types the browser will not run as a page; anything else is bytes.
fn safe_content_type(declared: &str) -> &'static str {
    const KNOWN: &[&str] = &[
        "application/pdf",
        "image/png",
        "image/jpeg",
        "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.ms-excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/zip",
        "text/plain",
    ];
    KNOWN
        .iter()
        .find(|k| declared.eq_ignore_ascii_case(k))
        .copied()
        .unwrap_or("application/octet-stream")
}

/// `attachment` with an ASCII fallback name and the real (UTF-8) name.
fn attachment(name: &str) -> String {
    let fallback: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let fallback = if fallback.is_empty() {
        "evidence".to_string()
    } else {
        fallback
    };
    let mut encoded = String::new();
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'-' | b'_') {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attachment_names_are_safe_in_a_header() {
        assert_eq!(
            attachment("Quyết định 1.pdf"),
            "attachment; filename=\"Quy_t___nh_1.pdf\"; filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%201.pdf"
        );
        assert_eq!(safe_content_type("text/html"), "application/octet-stream");
        assert_eq!(base_name("C:\\a\\b.pdf"), "b.pdf");
    }
}
