//! The audit log: the latest changes, who made them, before and after.

use askama::Template;
use axum::extract::State;
use axum::response::IntoResponse;
use kehoach_store::AuditEntry;
use time::{OffsetDateTime, UtcOffset};

use crate::auth::Viewer;
use crate::error::PageResult;
use crate::pages::{render, Chrome};
use crate::state::AppState;

/// How many entries the page shows.
pub const AUDIT_ROWS: i64 = 200;

#[derive(Template)]
#[template(path = "admin_audit.html")]
struct AuditPage {
    chrome: Chrome,
    entries: Vec<AuditEntry>,
}

impl AuditPage {
    fn when(&self, at: &i64) -> String {
        time_of(*at)
    }
}

/// dd/mm/yyyy hh:mm in Vietnam's time (UTC+7), where the plans are made.
pub fn time_of(unix: i64) -> String {
    let offset = UtcOffset::from_hms(7, 0, 0).unwrap_or(UtcOffset::UTC);
    let t = OffsetDateTime::from_unix_timestamp(unix)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
        .to_offset(offset);
    format!(
        "{:02}/{:02}/{:04} {:02}:{:02}",
        t.day(),
        u8::from(t.month()),
        t.year(),
        t.hour(),
        t.minute()
    )
}

pub async fn audit_page(viewer: Viewer, State(state): State<AppState>) -> PageResult {
    viewer.require_account_manager()?;
    let page = AuditPage {
        chrome: Chrome::new(&viewer),
        entries: state.store.audit_log(AUDIT_ROWS).await?,
    };
    Ok(render(&page)?.into_response())
}

#[cfg(test)]
mod tests {
    #[test]
    fn times_are_shown_in_vietnam() {
        assert_eq!(super::time_of(1_751_328_000), "01/07/2025 07:00");
        assert_eq!(super::time_of(0), "01/01/1970 07:00");
    }
}
