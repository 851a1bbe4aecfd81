//! The home page: the plans, with their counts per goal and the agencies
//! that lead the most tasks.

use std::collections::HashMap;

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
    goals: Vec<(String, usize)>,
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
    // Counted from the plans this viewer may see, so the public's page says
    // nothing about unpublished plans.
    let mut leads: HashMap<i64, (String, i64)> = HashMap::new();
    for plan in plans {
        let tree = state
            .store
            .plan_tree(plan.id, Some(plan.version_id))
            .await?;
        let goals = tree
            .goals
            .iter()
            .map(|g| (g.code.clone(), g.task_count()))
            .collect();
        let tasks = tree
            .goals
            .iter()
            .flat_map(|g| &g.targets)
            .flat_map(|t| &t.tasks)
            .chain(&tree.loose_tasks);
        for task in tasks {
            for agency in &task.lead {
                leads
                    .entry(agency.id)
                    .or_insert_with(|| (agency.name.clone(), 0))
                    .1 += 1;
            }
        }
        cards.push(PlanCard { plan, goals });
    }
    let mut leaders: Vec<(i64, String, i64)> = leads
        .into_iter()
        .map(|(id, (name, n))| (id, name, n))
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
