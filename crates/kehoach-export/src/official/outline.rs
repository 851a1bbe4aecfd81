//! The report's outline, before any formatting: the consolidation's tasks
//! grouped by goal and target in the plan's order, and the appendix rows
//! (one per accepted entry) with the numbers the body refers to.

use std::collections::HashMap;

use kehoach_store::reporting::consolidation::{AcceptedEntry, ConsolidatedTask, Consolidation};
use kehoach_store::reporting::review_queries::TaskText;

pub(crate) struct GoalPart<'a> {
    code: Option<String>,
    pub heading: String,
    pub targets: Vec<TargetPart<'a>>,
}

pub(crate) struct TargetPart<'a> {
    code: Option<String>,
    /// None for tasks placed under the goal without a target.
    pub heading: Option<String>,
    pub tasks: Vec<&'a ConsolidatedTask>,
}

pub(crate) struct AppendixRow<'a> {
    pub number: usize,
    pub task: &'a ConsolidatedTask,
    pub entry: &'a AcceptedEntry,
}

/// Goals in the order their first task appears; a goal or target the plan
/// returns to later gathers its tasks in one place.
pub(crate) fn goals<'a>(c: &'a Consolidation, texts: &HashMap<i64, TaskText>) -> Vec<GoalPart<'a>> {
    let mut goals: Vec<GoalPart<'a>> = Vec::new();
    for task in &c.tasks {
        let text = texts.get(&task.task_id);
        let at = match goals.iter().position(|g| g.code == task.goal_code) {
            Some(at) => at,
            None => {
                goals.push(GoalPart {
                    code: task.goal_code.clone(),
                    heading: goal_heading(
                        task.goal_code.as_deref(),
                        text.and_then(|t| t.goal_title.as_deref()),
                    ),
                    targets: Vec::new(),
                });
                goals.len() - 1
            }
        };
        let targets = &mut goals[at].targets;
        let at = match targets.iter().position(|t| t.code == task.target_code) {
            Some(at) => at,
            None => {
                targets.push(TargetPart {
                    code: task.target_code.clone(),
                    heading: target_heading(
                        task.target_code.as_deref(),
                        text.and_then(|t| t.target_text.as_deref()),
                    ),
                    tasks: Vec::new(),
                });
                targets.len() - 1
            }
        };
        targets[at].tasks.push(task);
    }
    goals
}

fn is_number(code: &str) -> bool {
    !code.is_empty() && code.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// "Mục tiêu 3: title" for a numbered goal, "MT 3: title" when the plan's
/// code already says what it is; tasks outside any goal go last together.
pub fn goal_heading(code: Option<&str>, title: Option<&str>) -> String {
    let title = title.map(str::trim).filter(|t| !t.is_empty());
    let code = code.map(str::trim).filter(|c| !c.is_empty());
    let label = match code {
        Some(code) if is_number(code) => format!("Mục tiêu {code}"),
        Some(code) => code.to_owned(),
        None => return "Các nhiệm vụ khác".to_owned(),
    };
    match title {
        Some(title) => format!("{label}: {title}"),
        None => label,
    }
}

fn target_heading(code: Option<&str>, text: Option<&str>) -> Option<String> {
    let code = code.map(str::trim).filter(|c| !c.is_empty())?;
    let label = if is_number(code) {
        format!("Mục tiêu cụ thể {code}")
    } else {
        code.to_owned()
    };
    Some(match text.map(str::trim).filter(|t| !t.is_empty()) {
        Some(text) => format!("{label}: {text}"),
        None => label,
    })
}

/// Every accepted entry in the plan's order, numbered from 1.
pub(crate) fn appendix_rows(c: &Consolidation) -> Vec<AppendixRow<'_>> {
    c.tasks
        .iter()
        .flat_map(|task| task.entries.iter().map(move |entry| (task, entry)))
        .enumerate()
        .map(|(i, (task, entry))| AppendixRow {
            number: i + 1,
            task,
            entry,
        })
        .collect()
}

/// The appendix number of each entry, by entry id.
pub(crate) fn numbers(rows: &[AppendixRow<'_>]) -> HashMap<i64, usize> {
    rows.iter().map(|r| (r.entry.entry.id, r.number)).collect()
}

/// The code the appendix shows for a task: its own when the plan numbers
/// tasks, else its target's.
pub(crate) fn task_code(task: &ConsolidatedTask) -> String {
    [task.code.as_deref(), task.target_code.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|c| !c.is_empty())
        .unwrap_or_default()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_name_numbered_goals_and_targets() {
        assert_eq!(
            goal_heading(Some("3"), Some("Bảo đảm sức khỏe")),
            "Mục tiêu 3: Bảo đảm sức khỏe"
        );
        assert_eq!(
            goal_heading(Some("MT 3"), Some("Bảo đảm sức khỏe")),
            "MT 3: Bảo đảm sức khỏe"
        );
        assert_eq!(goal_heading(Some("3"), None), "Mục tiêu 3");
        assert_eq!(goal_heading(None, Some("x")), "Các nhiệm vụ khác");
        assert_eq!(
            target_heading(Some("3.2"), Some("Giảm tử vong")).as_deref(),
            Some("Mục tiêu cụ thể 3.2: Giảm tử vong")
        );
        assert_eq!(target_heading(None, Some("x")), None);
    }
}
