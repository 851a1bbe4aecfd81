//! One national target (say 3.1) side by side across every plan that has
//! it: one column per plan (its latest version; published ones for the
//! public), with the target's text, its lead agencies, its tasks and the
//! indicators that monitor it.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use kehoach_store::agencies::AgencyRef;
use kehoach_store::compare::CodedTarget;
use kehoach_store::plans::read::{IndicatorNode, TargetNode, TaskNode, ValueRow};
use serde::Deserialize;

use super::{render, Chrome};
use crate::auth::Viewer;
use crate::error::PageResult;
use crate::state::AppState;

/// Longer than any target code; a longer query is not one.
const MAX_CODE_LEN: usize = 24;

pub fn routes() -> Router<AppState> {
    Router::new().route("/compare", get(compare))
}

#[derive(Deserialize)]
pub struct CompareQuery {
    target: Option<String>,
}

/// One plan's column.
struct Column {
    plan_id: i64,
    title: String,
    targets: Vec<TargetNode>,
    /// Target-level leads, then the leads of its tasks, each agency once.
    leads: Vec<AgencyRef>,
    tasks: Vec<TaskNode>,
    indicators: Vec<IndicatorNode>,
}

#[derive(Template)]
#[template(path = "compare.html")]
struct ComparePage {
    chrome: Chrome,
    code: String,
    shared: Vec<String>,
    columns: Vec<Column>,
}

impl ComparePage {
    /// A value as the reader expects it: 1.700,5 with its comparator, or as printed.
    fn value_text(&self, value: &ValueRow) -> String {
        match value.value {
            Some(v) => {
                let number = self.chrome.tr.number(v);
                match value.comparator.as_deref() {
                    Some(">=") => format!("≥ {number}"),
                    Some("<=") => format!("≤ {number}"),
                    Some(c) if !c.is_empty() && c != "=" => format!("{c} {number}"),
                    _ => number,
                }
            }
            None => value.text.clone(),
        }
    }
}

async fn compare(
    viewer: Viewer,
    State(state): State<AppState>,
    Query(query): Query<CompareQuery>,
) -> PageResult {
    let published_only = viewer.session.is_none();
    let code: String = query
        .target
        .unwrap_or_default()
        .trim()
        .chars()
        .take(MAX_CODE_LEN)
        .collect();
    let shared = state.store.shared_target_codes(published_only).await?;
    let mut columns = Vec::new();
    if !code.is_empty() {
        let found = state.store.targets_by_code(&code, published_only).await?;
        for plan in plan_groups(&found) {
            columns.push(column(&state, &code, plan).await?);
        }
    }
    let page = ComparePage {
        chrome: Chrome::new(&viewer),
        code,
        shared,
        columns,
    };
    Ok(render(&page)?.into_response())
}

/// The found targets split by plan (the store returns them plan by plan).
fn plan_groups(found: &[CodedTarget]) -> Vec<&[CodedTarget]> {
    found.chunk_by(|a, b| a.plan_id == b.plan_id).collect()
}

async fn column(
    state: &AppState,
    code: &str,
    targets: &[CodedTarget],
) -> Result<Column, crate::error::AppError> {
    let first = targets
        .first()
        .ok_or_else(crate::error::AppError::not_found)?;
    let tree = state
        .store
        .plan_tree(first.plan_id, Some(first.version_id))
        .await?;
    let wanted: Vec<i64> = targets.iter().map(|t| t.target_id).collect();
    let nodes: Vec<TargetNode> = tree
        .goals
        .iter()
        .flat_map(|g| &g.targets)
        .filter(|t| wanted.contains(&t.id))
        .cloned()
        .collect();
    let tasks: Vec<TaskNode> = nodes.iter().flat_map(|t| t.tasks.clone()).collect();
    let mut leads: Vec<AgencyRef> = Vec::new();
    for agency in nodes
        .iter()
        .flat_map(|t| &t.lead)
        .chain(tasks.iter().flat_map(|t| &t.lead))
    {
        if !leads.iter().any(|a| a.id == agency.id) {
            leads.push(agency.clone());
        }
    }
    let indicators = tree
        .indicators
        .into_iter()
        .filter(|i| i.target_code.as_deref().is_some_and(|t| monitors(t, code)))
        .collect();
    Ok(Column {
        plan_id: first.plan_id,
        title: first.plan_title.clone(),
        targets: nodes,
        leads,
        tasks,
        indicators,
    })
}

/// Whether an indicator's target code falls under `code`: the code itself,
/// or a lettered or dotted child of it (3.1a, 3.1.b for 3.1; not 3.10).
fn monitors(target_code: &str, code: &str) -> bool {
    match target_code.strip_prefix(code) {
        Some(rest) => rest.is_empty() || rest.starts_with(|c: char| c == '.' || c.is_alphabetic()),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::monitors;

    #[test]
    fn indicator_codes_under_a_target() {
        assert!(monitors("3.1", "3.1"));
        assert!(monitors("3.1a", "3.1"));
        assert!(monitors("3.1.b", "3.1"));
        assert!(!monitors("3.10", "3.1"));
        assert!(!monitors("13.1", "3.1"));
    }
}
