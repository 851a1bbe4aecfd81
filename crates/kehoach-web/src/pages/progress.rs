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
use kehoach_progress::combine::Trend;
use kehoach_progress::opensdg::ProgressStatus;
use kehoach_progress::{combine, IndicatorInput, TargetAssessment, TaskInput, TaskState};
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

/// A target's status from its indicators and its tasks (the latest period
/// with accepted reports the viewer may see).
pub struct TargetLine {
    pub code: String,
    pub tasks: kehoach_store::reporting::task_states::TargetTasks,
    pub assessment: TargetAssessment,
}

#[derive(Template)]
#[template(path = "progress.html")]
struct ProgressPage {
    chrome: Chrome,
    plan: PlanSummary,
    goals: Vec<GoalBlock>,
    targets: Vec<TargetLine>,
    /// Where the task states come from.
    period_label: Option<String>,
}

impl ProgressPage {
    fn status_label(&self, status: &Option<ProgressStatus>) -> &'static str {
        status.map_or(self.chrome.t("progress.not_assessed_short"), |s| {
            s.label(crate::progress::lang(self.chrome.tr.lang))
        })
    }

    fn target_status(&self, t: &TargetLine) -> &'static str {
        t.assessment
            .status
            .label(crate::progress::lang(self.chrome.tr.lang))
    }

    fn target_class(&self, t: &TargetLine) -> &'static str {
        t.assessment.status.code()
    }

    fn trend(&self, t: &TargetLine) -> &'static str {
        t.assessment.indicator_trend.map_or("—", |tr| {
            tr.label(crate::progress::lang(self.chrome.tr.lang))
        })
    }

    fn mismatches(&self, t: &TargetLine) -> Vec<&'static str> {
        let lang = crate::progress::lang(self.chrome.tr.lang);
        t.assessment
            .mismatches
            .iter()
            .map(|m| m.code.label(lang))
            .collect()
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

/// Every target with indicators assessed or tasks, in plan order: the
/// tasks' states as the last accepted reports give them (done; under way
/// counts as on time; behind; not reported), combined with the trends.
fn targets(
    tree: &kehoach_store::plans::read::PlanTree,
    trends: &[(String, IndicatorInput)],
    tasks: Vec<kehoach_store::reporting::task_states::TargetTasks>,
) -> Vec<TargetLine> {
    let mut out = Vec::new();
    for counts in tasks {
        let Some(code) = counts.target_code.clone() else {
            continue;
        };
        let indicators: Vec<IndicatorInput> = trends
            .iter()
            .filter(|(t, _)| *t == code)
            .map(|(_, i)| i.clone())
            .collect();
        let mut inputs = Vec::new();
        for (state, n) in [
            (TaskState::Done, counts.done),
            (TaskState::OnTime, counts.under_way),
            (TaskState::Late, counts.behind),
            (TaskState::NotReported, counts.not_reported),
        ] {
            for i in 0..n {
                inputs.push(TaskInput {
                    task: format!("{code}#{}", inputs.len() + i + 1),
                    state,
                });
            }
        }
        let assessment = combine(&indicators, &inputs);
        out.push(TargetLine {
            code,
            tasks: counts,
            assessment,
        });
    }
    // Targets with indicators but no task.
    for (code, _) in trends {
        if !out.iter().any(|t| t.code == *code)
            && tree
                .goals
                .iter()
                .any(|g| g.targets.iter().any(|t| t.code == *code))
        {
            let indicators: Vec<IndicatorInput> = trends
                .iter()
                .filter(|(t, _)| t == code)
                .map(|(_, i)| i.clone())
                .collect();
            out.push(TargetLine {
                code: code.clone(),
                tasks: Default::default(),
                assessment: combine(&indicators, &[]),
            });
        }
    }
    out
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
    // (target code, indicator and its trend) for the targets' statuses.
    let mut trends: Vec<(String, IndicatorInput)> = Vec::new();
    for indicator in &tree.indicators {
        let series = state
            .store
            .indicator_series(&principal, indicator.id)
            .await?;
        let status = crate::progress::assess(&series).map(|a| a.status);
        if let (Some(target), Some(status)) = (indicator.target_code.clone(), status) {
            trends.push((
                target,
                IndicatorInput {
                    indicator: indicator
                        .code
                        .clone()
                        .unwrap_or_else(|| indicator.name.clone()),
                    trend: Trend::from(status),
                },
            ));
        }
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
    let states = state.store.task_states(&principal, plan_id).await?;
    let targets = targets(&tree, &trends, states.targets);
    let page = ProgressPage {
        chrome: Chrome::new(&viewer),
        plan,
        goals,
        targets,
        period_label: states.period_label,
    };
    Ok(render(&page)?.into_response())
}
