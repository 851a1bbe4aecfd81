//! A phase's evaluation for DPI and leaders: the plan's phases to choose
//! from, and for the chosen one every task with what was accepted in each
//! of its periods and where it stood last.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use kehoach_store::plans::read::PlanSummary;
use kehoach_store::reporting::phase::{PhaseReview, PhaseTask};
use kehoach_store::reporting::EntryStatus;
use serde::Deserialize;

use super::{render, Chrome};
use crate::auth::Viewer;
use crate::error::PageResult;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/plans/{id}/phase", get(phase_page))
}

#[derive(Debug, Deserialize)]
pub struct PhaseQuery {
    from: Option<i64>,
    to: Option<i64>,
}

#[derive(Template)]
#[template(path = "phase.html")]
struct PhasePage {
    chrome: Chrome,
    plan: PlanSummary,
    phases: Vec<(i64, i64)>,
    review: Option<PhaseReview>,
    tally: [usize; 4],
}

impl PhasePage {
    fn status_label(&self, status: &Option<String>) -> &'static str {
        status
            .as_deref()
            .and_then(EntryStatus::parse)
            .map_or("—", |s| s.label(self.chrome.tr.lang))
    }

    fn years(&self, task: &PhaseTask) -> String {
        task.entries
            .iter()
            .filter(|e| e.status.is_some())
            .map(|e| e.period_label.clone())
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn is_current(&self, phase: &(i64, i64)) -> bool {
        self.review
            .as_ref()
            .is_some_and(|r| (r.from_year, r.to_year) == *phase)
    }
}

async fn phase_page(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(plan_id): Path<i64>,
    Query(q): Query<PhaseQuery>,
) -> PageResult {
    let principal = viewer.principal()?;
    let plan = state.store.plan_summary(plan_id, None).await?;
    let phases = state.store.plan_phases(plan_id).await?;
    let chosen = match (q.from, q.to) {
        (Some(from), Some(to)) => Some((from, to)),
        _ => phases.first().copied(),
    };
    let review = match chosen {
        Some((from, to)) => Some(
            state
                .store
                .phase_review(&principal, plan_id, from, to)
                .await?,
        ),
        None => None,
    };
    let tally = review.as_ref().map_or([0; 4], PhaseReview::tally);
    let page = PhasePage {
        chrome: Chrome::new(&viewer),
        plan,
        phases,
        review,
        tally,
    };
    Ok(render(&page)?.into_response())
}
