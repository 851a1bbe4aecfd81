//! The home page: the plans, with their counts per goal and the agencies
//! that lead the most tasks.

use askama::Template;
use axum::extract::State;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use kehoach_store::plans::read::PlanSummary;

use super::{render, Chrome};
use crate::auth::Viewer;
use crate::error::PageResult;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/", get(home))
}

struct PlanCard {
    plan: PlanSummary,
    /// (goal code, task count)
    goals: Vec<(String, i64)>,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    chrome: Chrome,
    plans: Vec<PlanCard>,
    /// (agency id, name, tasks led)
    leaders: Vec<(i64, String, i64)>,
}

async fn home(viewer: Viewer, State(state): State<AppState>) -> PageResult {
    let plans = state.store.plans(viewer.session.is_none()).await?;
    let mut cards = Vec::with_capacity(plans.len());
    for plan in plans {
        let goals = state.store.goal_task_counts(plan.version_id).await?;
        cards.push(PlanCard { plan, goals });
    }
    // Counted over the plans this viewer may see, so the public's page says
    // nothing about unpublished plans.
    let mut leaders: Vec<(i64, String, i64)> = state
        .store
        .agencies_visible(viewer.session.is_none())
        .await?
        .into_iter()
        .filter(|a| a.leads > 0)
        .map(|a| (a.id, a.name, a.leads))
        .collect();
    leaders.sort_by(|a, b| {
        b.2.cmp(&a.2)
            .then_with(|| kehoach_vi::vietnamese().compare(&a.1, &b.1))
    });
    leaders.truncate(12);
    let page = HomePage {
        chrome: Chrome::new(&viewer),
        plans: cards,
        leaders,
    };
    Ok(render(&page)?.into_response())
}
