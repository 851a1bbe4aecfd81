//! Server-rendered pages. Each module owns its routes and templates.

pub mod admin;
pub mod agencies;
pub mod compare;
pub mod home;
pub mod import;
pub mod indicators;
pub mod official_report;
pub mod periods;
pub mod phase;
pub mod plan;
pub mod progress;
pub mod publish;
pub mod quantities;
pub mod report;
pub mod reporting;
pub mod review;
pub mod search;
pub mod source;

use askama::Template;
use axum::response::Html;

use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::Tr;

/// What the page frame (header, navigation, language switch) needs.
pub struct Chrome {
    pub tr: Tr,
    pub login: Option<String>,
    pub role_key: &'static str,
    pub csrf: String,
    pub path: String,
    pub query: String,
    pub can_manage_plans: bool,
    pub can_manage_accounts: bool,
    /// DPI and leaders: every agency's reports (consolidations, phases).
    pub reads_everything: bool,
}

impl Chrome {
    pub fn new(viewer: &Viewer) -> Chrome {
        let session = viewer.session.as_ref();
        Chrome {
            tr: viewer.tr,
            login: session.map(|s| s.user.display_name.clone()),
            role_key: viewer.role().map_or("", admin::role_key),
            csrf: viewer.csrf().to_string(),
            path: viewer.path.clone(),
            query: String::new(),
            can_manage_plans: viewer.can_manage_plans(),
            can_manage_accounts: viewer.can_manage_accounts(),
            reads_everything: viewer.reads_everything(),
        }
    }

    pub fn t(&self, key: &str) -> &'static str {
        self.tr.t(key)
    }

    pub fn severity(&self, severity: &str) -> &'static str {
        self.tr.t(match severity {
            "error" => "severity.error",
            "warning" => "severity.warning",
            _ => "severity.info",
        })
    }

    pub fn recurrence(&self, recurrence: &str) -> &'static str {
        self.tr.t(match recurrence {
            "quarterly" => "recurrence.quarterly",
            "half-yearly" => "recurrence.half-yearly",
            "once" => "recurrence.once",
            _ => "recurrence.yearly",
        })
    }

    pub fn signed_in(&self) -> bool {
        self.login.is_some()
    }

    pub fn login_name(&self) -> &str {
        self.login.as_deref().unwrap_or("")
    }
}

pub fn render<T: Template>(page: &T) -> Result<Html<String>, AppError> {
    Ok(Html(page.render()?))
}

/// The media types of the files kehoach writes.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub const CSV: &str = "text/csv; charset=utf-8";

/// A file to download, under a name we make (ASCII, no quotes: safe in
/// the header as it is).
pub fn download(bytes: Vec<u8>, content_type: &str, file: &str) -> axum::response::Response {
    use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
    use axum::response::IntoResponse;
    (
        [
            (CONTENT_TYPE, content_type.to_string()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}
