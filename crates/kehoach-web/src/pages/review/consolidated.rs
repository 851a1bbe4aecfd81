//! GET /periods/{id}/consolidation: for DPI and leaders, per goal and
//! target, every accepted entry and every contribution, and the agencies
//! whose report is still missing or returned.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::IntoResponse;
use kehoach_store::reporting::consolidation::ConsolidatedTask;
use kehoach_store::reporting::review_queries::TaskText;
use kehoach_store::reporting::setup::Period;

use super::{entry_status_key, standing_class, standing_key};
use crate::auth::Viewer;
use crate::error::PageResult;
use crate::pages::{render, Chrome};
use crate::state::AppState;

/// The tasks under one target (or one goal, for tasks without a target).
pub struct Group {
    pub goal_code: String,
    pub goal_title: String,
    pub target_code: String,
    pub target_text: String,
    pub tasks: Vec<ConsolidatedTask>,
}

pub struct Outstanding {
    pub name: String,
    pub standing_key: &'static str,
    pub standing_class: &'static str,
}

#[derive(Template)]
#[template(path = "consolidated.html")]
struct ConsolidatedPage {
    chrome: Chrome,
    period: Period,
    plan_title: String,
    groups: Vec<Group>,
    outstanding: Vec<Outstanding>,
    accepted_entries: usize,
    /// Tasks with neither an accepted entry nor a contribution (not listed:
    /// a plan has hundreds).
    tasks_without_reports: usize,
    names: HashMap<i64, String>,
}

impl ConsolidatedPage {
    fn status_key(&self, status: &Option<String>) -> &'static str {
        entry_status_key(status.as_deref())
    }

    fn agency(&self, id: &i64) -> &str {
        self.names.get(id).map_or("", String::as_str)
    }
}

pub async fn consolidation_page(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> PageResult {
    let principal = viewer.principal()?;
    let consolidation = state.store.consolidation(&principal, id).await?;
    let texts = state.store.period_task_texts(&principal, id).await?;
    let plan = state
        .store
        .plan_summary(consolidation.period.plan_id, None)
        .await?;
    let names = state.store.agency_choices().await?.into_iter().collect();
    let accepted_entries = consolidation.tasks.iter().map(|t| t.entries.len()).sum();
    let (reported, silent): (Vec<_>, Vec<_>) = consolidation
        .tasks
        .into_iter()
        .partition(|t| !t.entries.is_empty() || !t.contributions.is_empty());
    let outstanding = consolidation
        .outstanding
        .into_iter()
        .map(|(_, name, standing)| Outstanding {
            name,
            standing_key: standing_key(standing),
            standing_class: standing_class(standing),
        })
        .collect();
    let page = ConsolidatedPage {
        chrome: Chrome::new(&viewer),
        groups: group(reported, &texts),
        tasks_without_reports: silent.len(),
        period: consolidation.period,
        plan_title: plan.title,
        outstanding,
        accepted_entries,
        names,
    };
    Ok(render(&page)?.into_response())
}

/// Consecutive tasks under the same goal and target, in document order.
fn group(tasks: Vec<ConsolidatedTask>, texts: &HashMap<i64, TaskText>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for task in tasks {
        let goal_code = task.goal_code.clone().unwrap_or_default();
        let target_code = task.target_code.clone().unwrap_or_default();
        let same = groups
            .last()
            .is_some_and(|g| g.goal_code == goal_code && g.target_code == target_code);
        if !same {
            let text = texts.get(&task.task_id);
            groups.push(Group {
                goal_title: text.and_then(|t| t.goal_title.clone()).unwrap_or_default(),
                target_text: text.and_then(|t| t.target_text.clone()).unwrap_or_default(),
                goal_code,
                target_code,
                tasks: Vec::new(),
            });
        }
        if let Some(last) = groups.last_mut() {
            last.tasks.push(task);
        }
    }
    groups
}
