//! The API's own response shapes, where the store's do not fit as they are.

use kehoach_store::agencies::{AgencyRef, AgencyRow, AgencyTask};
use kehoach_store::plans::read::{PlanTree, TaskNode};
use kehoach_store::SearchHit;
use serde::Serialize;
use utoipa::ToSchema;

/// What every failed API request answers.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    /// "notfound", "forbidden", "loginneeded", "badrequest", "internal"…
    pub error: String,
    pub detail: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SearchResponse {
    pub query: String,
    pub hits: Vec<SearchHit>,
}

#[derive(Serialize, ToSchema)]
pub struct AgencyDetail {
    pub agency: AgencyRow,
    pub aliases: Vec<String>,
    /// In the latest version of each plan the viewer may see.
    pub tasks: Vec<AgencyTask>,
}

/// A target without its tasks (see /api/plans/{id}/tasks).
#[derive(Serialize, ToSchema)]
pub struct TargetItem {
    pub id: i64,
    pub goal_code: String,
    pub code: String,
    pub text: String,
    pub class: Option<String>,
    pub line: i64,
    pub lead: Vec<AgencyRef>,
    pub coordinating: Vec<AgencyRef>,
    pub tasks: usize,
}

/// A task with the target it serves (none for tasks listed by agency).
#[derive(Serialize, ToSchema)]
pub struct TaskItem {
    pub target_id: Option<i64>,
    pub target_code: Option<String>,
    #[serde(flatten)]
    pub task: TaskNode,
}

pub fn targets(tree: &PlanTree) -> Vec<TargetItem> {
    tree.goals
        .iter()
        .flat_map(|goal| goal.targets.iter().map(move |t| (goal, t)))
        .map(|(goal, t)| TargetItem {
            id: t.id,
            goal_code: goal.code.clone(),
            code: t.code.clone(),
            text: t.text.clone(),
            class: t.class.clone(),
            line: t.line,
            lead: t.lead.clone(),
            coordinating: t.coordinating.clone(),
            tasks: t.tasks.len(),
        })
        .collect()
}

pub fn tasks(tree: &PlanTree) -> Vec<TaskItem> {
    let under_targets = tree.goals.iter().flat_map(|g| &g.targets).flat_map(|t| {
        t.tasks.iter().map(move |task| TaskItem {
            target_id: Some(t.id),
            target_code: Some(t.code.clone()),
            task: task.clone(),
        })
    });
    let loose = tree.loose_tasks.iter().map(|task| TaskItem {
        target_id: None,
        target_code: None,
        task: task.clone(),
    });
    under_targets.chain(loose).collect()
}
