//! A plan's progress at a glance: every indicator's status (the Open SDG
//! measure against the plan's furthest target), goal by goal, with a count
//! of statuses per goal; each status links to its explanation on the
//! indicator's page. The public sees a published plan's printed figures
//! and published results only (the store decides).

use askama::Template;
use axum::extract::{Path, State};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use kehoach_progress::opensdg::ProgressStatus;
use kehoach_store::plans::read::PlanSummary;
use kehoach_store::reporting::Principal;

use super::{render, Chrome};
use crate::auth::Viewer;
use crate::error::{AppError, ErrorKind, PageResult};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/plans/{id}/progress", get(progress_page))
}

pub struct IndicatorLine {
    pub id: i64,
    pub code: Option<String>,
    pub name: String,
    pub status: Option<ProgressStatus>,
}

pub struct GoalBlock {
    pub goal: String,
    pub lines: Vec<IndicatorLine>,
    /// Indicators per status, in `ProgressStatus::ALL` order, then "no assessment".
    pub counts: Vec<usize>,
}

#[derive(Template)]
#[template(path = "progress.html")]
struct ProgressPage {
    chrome: Chrome,
    plan: PlanSummary,
    goals: Vec<GoalBlock>,
}

impl ProgressPage {
    fn status_label(&self, status: &Option<ProgressStatus>) -> &'static str {
        status.map_or(self.chrome.t("progress.not_assessed_short"), |s| {
            s.label(crate::progress::lang(self.chrome.tr.lang))
        })
    }

    fn status_class(&self, status: &Option<ProgressStatus>) -> &'static str {
        status.map_or("none", crate::progress::status_class)
    }

    /// Column headings of the overview: every status, then "not assessed".
    fn columns(&self) -> Vec<&'static str> {
        let lang = crate::progress::lang(self.chrome.tr.lang);
        ProgressStatus::ALL
            .iter()
            .map(|s| s.label(lang))
            .chain([self.chrome.t("progress.not_assessed_short")])
            .collect()
    }
}

/// The goal an indicator belongs to: its target's first number ("2.1" → "2").
fn goal_of(target_code: Option<&str>, code: Option<&str>) -> String {
    target_code
        .or(code)
        .and_then(|c| c.split('.').next())
        .map(str::trim)
        .filter(|g| !g.is_empty())
        .unwrap_or("—")
        .to_string()
}

async fn progress_page(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(plan_id): Path<i64>,
) -> PageResult {
    let principal = viewer.principal().unwrap_or_else(|_| Principal::public());
    let plan = state.store.plan_summary(plan_id, None).await?;
    if principal.role.is_none() && plan.published == 0 {
        return Err(AppError::new(ErrorKind::NotFound));
    }
    let tree = state.store.plan_tree(plan_id, None).await?;
    let mut goals: Vec<GoalBlock> = Vec::new();
    for indicator in &tree.indicators {
        let series = state
            .store
            .indicator_series(&principal, indicator.id)
            .await?;
        let status = crate::progress::assess(&series).map(|a| a.status);
        let goal = goal_of(indicator.target_code.as_deref(), indicator.code.as_deref());
        let block = match goals.iter_mut().position(|g| g.goal == goal) {
            Some(i) => &mut goals[i],
            None => {
                goals.push(GoalBlock {
                    goal,
                    lines: Vec::new(),
                    counts: vec![0; ProgressStatus::ALL.len() + 1],
                });
                let last = goals.len() - 1;
                &mut goals[last]
            }
        };
        let slot = status
            .and_then(|s| ProgressStatus::ALL.iter().position(|x| *x == s))
            .unwrap_or(ProgressStatus::ALL.len());
        if let Some(n) = block.counts.get_mut(slot) {
            *n += 1;
        }
        block.lines.push(IndicatorLine {
            id: indicator.id,
            code: indicator.code.clone(),
            name: indicator.name.clone(),
            status,
        });
    }
    let page = ProgressPage {
        chrome: Chrome::new(&viewer),
        plan,
        goals,
    };
    Ok(render(&page)?.into_response())
}
