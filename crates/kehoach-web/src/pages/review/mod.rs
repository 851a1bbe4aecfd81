//! DPI's side of the reporting chain: the period page with who has reported
//! (and one-click reminders), the review of a submitted report (return with
//! comments, accept, unlock with a reason), the consolidated view of a
//! period, compliance year on year, and the in-app notifications.
//! The store decides every right; these pages only hide what it would refuse.

mod compliance;
mod consolidated;
mod decide;
mod notifications;
mod period;
mod remind;

use axum::routing::{get, post};
use axum::Router;
use kehoach_store::reporting::compliance::Standing;
use kehoach_store::reporting::EntryStatus;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/periods/{id}", get(period::period_page))
        .route("/periods/{id}/remind", post(remind::remind))
        .route(
            "/periods/{id}/consolidation",
            get(consolidated::consolidation_page),
        )
        .route("/reports/{rid}/review", get(decide::review_page))
        .route("/reports/{rid}/return", post(decide::return_report))
        .route("/reports/{rid}/accept", post(decide::accept))
        .route("/reports/{rid}/unlock", post(decide::unlock))
        .route("/plans/{id}/compliance", get(compliance::plan_compliance))
        .route(
            "/agencies/{id}/compliance",
            get(compliance::agency_compliance),
        )
        .route("/notifications", get(notifications::notifications_page))
}

/// Standings are told in words (and a class for colour), never by colour alone.
fn standing_key(standing: Standing) -> &'static str {
    match standing {
        Standing::OnTime => "review.standing.on_time",
        Standing::Late => "review.standing.late",
        Standing::Missing => "review.standing.missing",
        Standing::Returned => "review.standing.returned",
    }
}

fn standing_class(standing: Standing) -> &'static str {
    match standing {
        Standing::OnTime => "standing-on-time",
        Standing::Late => "standing-late",
        Standing::Missing => "standing-missing",
        Standing::Returned => "standing-returned",
    }
}

/// A report's state; None: the agency has not started one.
fn report_state_key(state: Option<&str>) -> &'static str {
    match state {
        Some("draft") => "review.report.draft",
        Some("submitted") => "review.report.submitted",
        Some("returned") => "review.report.returned",
        Some("accepted") => "review.report.accepted",
        _ => "review.report.none",
    }
}

fn period_state_key(state: &str) -> &'static str {
    match state {
        "open" => "period.state.open",
        "closed" => "period.state.closed",
        _ => "period.state.draft",
    }
}

fn entry_status_key(status: Option<&str>) -> &'static str {
    match status.and_then(EntryStatus::parse) {
        Some(EntryStatus::NotStarted) => "review.status.not_started",
        Some(EntryStatus::InProgress) => "review.status.in_progress",
        Some(EntryStatus::Done) => "review.status.done",
        Some(EntryStatus::PartlyDone) => "review.status.partly_done",
        Some(EntryStatus::Late) => "review.status.late",
        Some(EntryStatus::NotDone) => "review.status.not_done",
        None => "review.status.none",
    }
}

/// Whole per cent, for a completeness share in 0..=1.
fn percent(share: f64) -> i64 {
    if share.is_finite() {
        (share.clamp(0.0, 1.0) * 100.0).round() as i64
    } else {
        0
    }
}
