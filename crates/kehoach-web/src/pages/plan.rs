//! A plan: the goal → target → task tree, each item with its agencies and
//! period, a link to its lines in the source document, and the import's
//! notes beside the items they concern.

use std::collections::BTreeSet;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use kehoach_store::plans::read::{DiagnosticRow, PlanTree, VersionRow};
use serde::Deserialize;

use super::import::notice::ImportNotice;
use super::{render, Chrome};
use crate::auth::Viewer;
use crate::error::{AppError, PageResult};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/plans/{id}", get(plan_page))
}

#[derive(Deserialize)]
pub struct VersionQuery {
    version: Option<i64>,
}

#[derive(Template)]
#[template(path = "plan.html")]
struct PlanPage {
    chrome: Chrome,
    tree: PlanTree,
    versions: Vec<VersionRow>,
    /// Start lines of every item, to find where each item's lines end.
    starts: Vec<i64>,
    show_notes: bool,
    /// Notes not placed beside an item (whole-document ones, and infos).
    other_notes: Vec<DiagnosticRow>,
    /// What an import from the browser just did, if it led here.
    notice: ImportNotice,
}

impl PlanPage {
    /// The last line of the item starting at `line`: the line before the next
    /// item, at most 30 lines on.
    fn end_of(&self, line: i64) -> i64 {
        let next = self.starts.partition_point(|s| *s <= line);
        self.starts
            .get(next)
            .map_or(line + 30, |n| (n - 1).min(line + 30))
            .max(line)
    }

    /// Warnings and errors whose line falls within the item starting at `line`.
    fn notes_at(&self, line: &i64) -> Vec<&DiagnosticRow> {
        let line = *line;
        if !self.show_notes {
            return Vec::new();
        }
        let end = self.end_of(line);
        self.tree
            .diagnostics
            .iter()
            .filter(|d| d.severity != "info" && d.line.is_some_and(|l| l >= line && l <= end))
            .collect()
    }

    /// The start line of the item whose lines hold `line`, if any.
    fn notes_at_line_owner(&self, line: i64) -> Option<i64> {
        let i = self.starts.partition_point(|s| *s <= line);
        let start = *self.starts.get(i.checked_sub(1)?)?;
        (line <= self.end_of(start)).then_some(start)
    }

    fn source_link(&self, line: &i64) -> String {
        let line = *line;
        format!(
            "/documents/{}?from={line}&to={}#L{line}",
            self.tree.summary.document_id,
            self.end_of(line)
        )
    }
}

async fn plan_page(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(q): Query<VersionQuery>,
    Query(notice): Query<ImportNotice>,
) -> PageResult {
    let tree = state.store.plan_tree(id, q.version).await?;
    if tree.summary.published == 0 && viewer.session.is_none() {
        return Err(AppError::not_found());
    }
    let versions = state.store.versions(id).await?;
    let mut starts = BTreeSet::new();
    for goal in &tree.goals {
        starts.insert(goal.line);
        for target in &goal.targets {
            starts.insert(target.line);
            starts.extend(target.tasks.iter().map(|t| t.line));
        }
    }
    starts.extend(tree.loose_tasks.iter().map(|t| t.line));
    starts.extend(tree.indicators.iter().map(|i| i.line));
    let show_notes = viewer.session.is_some();
    let mut page = PlanPage {
        chrome: Chrome::new(&viewer),
        versions,
        starts: starts.into_iter().collect(),
        show_notes,
        other_notes: Vec::new(),
        notice,
        tree,
    };
    if show_notes {
        let placed = |d: &DiagnosticRow| {
            d.severity != "info"
                && d.line
                    .is_some_and(|l| page.notes_at_line_owner(l).is_some())
        };
        page.other_notes = page
            .tree
            .diagnostics
            .iter()
            .filter(|d| !placed(d))
            .cloned()
            .collect();
    }
    Ok(render(&page)?.into_response())
}
