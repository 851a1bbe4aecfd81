//! GET /reporting: where a signed-in user starts on the reporting chain.
//! Every open period with its deadlines and the links the user's role has
//! a use for: its agency's report and contributions for a reporter, the
//! period's compliance page for everyone signed in.

use askama::Template;
use axum::extract::State;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use kehoach_store::reporting::setup::Period;
use kehoach_store::Role;

use super::{render, Chrome};
use crate::auth::Viewer;
use crate::error::PageResult;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/reporting", get(reporting_page))
}

#[derive(Template)]
#[template(path = "reporting.html")]
struct ReportingPage {
    chrome: Chrome,
    /// (period, plan title)
    periods: Vec<(Period, String)>,
    /// A reporter bound to an agency: links to its own report and contributions.
    reports_for_agency: bool,
    today: String,
}

impl ReportingPage {
    /// Past its agency due date and still open: late reports are still taken.
    fn overdue(&self, period: &Period) -> bool {
        period.agency_due_on < self.today
    }
}

async fn reporting_page(viewer: Viewer, State(state): State<AppState>) -> PageResult {
    let principal = viewer.principal()?;
    let periods = state.store.open_periods(&principal).await?;
    let page = ReportingPage {
        chrome: Chrome::new(&viewer),
        periods,
        reports_for_agency: principal.role == Some(Role::Reporter) && principal.agency_id.is_some(),
        today: kehoach_store::reporting::local_date(kehoach_store::clock::now()),
    };
    Ok(render(&page)?.into_response())
}
