//! Agencies: the registry sorted in Vietnamese order with what each leads
//! and coordinates, and one agency's page: its names, who preceded and
//! succeeded it, who answers for it today, and its tasks plan by plan
//! (each showing the agency the plan named and the one responsible today).
//! The registry's forms (aliases, merges, successions) are in `admin`.

mod admin;

use std::collections::{BTreeSet, HashMap};

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use kehoach_store::agencies::{AgencyDirectory, AgencyListRow, AgencyRef, AgencyRow, AgencyTask};
use kehoach_store::clock::today;
use serde::Deserialize;

use super::{render, Chrome};
use crate::auth::Viewer;
use crate::error::PageResult;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/agencies", get(list).post(admin::create))
        .route("/agencies/{id}", get(agency_page))
        .route("/agencies/{id}/aliases", post(admin::add_alias))
        .route("/agencies/{id}/merge", post(admin::merge))
        .route("/agencies/{id}/successors", post(admin::add_successor))
}

/// The catalog key of an agency kind as stored ("department", "collective", "other").
fn kind_key(kind: &str) -> &'static str {
    match kind {
        "department" => "agency.kind.department",
        "collective" => "agency.kind.collective",
        _ => "agency.kind.other",
    }
}

/// An agency as a link target: (id, name).
type Named = (i64, String);

struct ListItem {
    row: AgencyListRow,
    kind_key: &'static str,
    merged_into: Option<Named>,
    /// Successors with their dates (YYYY-MM-DD).
    successors: Vec<(i64, String, String)>,
}

#[derive(Template)]
#[template(path = "agencies.html")]
struct AgenciesPage {
    chrome: Chrome,
    items: Vec<ListItem>,
    total: usize,
    q: String,
    can_manage: bool,
}

#[derive(Deserialize)]
pub struct ListQuery {
    q: Option<String>,
}

async fn list(
    viewer: Viewer,
    State(state): State<AppState>,
    Query(query): Query<ListQuery>,
) -> PageResult {
    // The public's counts come from published plans only.
    let mut rows = state
        .store
        .agencies_visible(viewer.session.is_none())
        .await?;
    let total = rows.len();
    let q = query.q.unwrap_or_default().trim().to_string();
    let needle = kehoach_vi::fold(&q);
    if !needle.is_empty() {
        // Any name of the agency counts: "SKHĐT" or an old spelling finds it.
        let aliases = state.store.folded_aliases().await?;
        let needle = needle.split_whitespace().collect::<Vec<_>>().join(" ");
        rows.retain(|a| {
            kehoach_vi::fold(&a.name).contains(&needle)
                || aliases
                    .get(&a.id)
                    .is_some_and(|all| all.iter().any(|f| f.contains(&needle)))
        });
    }
    kehoach_vi::sort_vietnamese(&mut rows, |a| a.name.as_str());
    let directory = state.store.agency_directory().await?;
    let successions = state.store.successions().await?;
    let items = rows
        .into_iter()
        .map(|row| ListItem {
            kind_key: kind_key(&row.kind),
            merged_into: row.merged_into.map(|m| (m, directory.name(m).to_string())),
            successors: successions
                .iter()
                .filter(|s| s.predecessor_id == row.id)
                .map(|s| {
                    (
                        s.successor_id,
                        directory.name(s.successor_id).to_string(),
                        s.effective_on.clone(),
                    )
                })
                .collect(),
            row,
        })
        .collect();
    let page = AgenciesPage {
        can_manage: viewer.can_manage_plans(),
        chrome: Chrome::new(&viewer),
        items,
        total,
        q,
    };
    Ok(render(&page)?.into_response())
}

/// A succession seen from one side: the other agency, the date, the note.
struct SuccessionView {
    other: Named,
    effective_on: String,
    note: String,
}

struct TaskView {
    task: AgencyTask,
    /// The agency the plan named, with who answers for it today.
    named: AgencyRef,
}

impl TaskView {
    fn source_link(&self) -> String {
        format!(
            "/documents/{}?from={line}#L{line}",
            self.task.document_id,
            line = self.task.line
        )
    }
}

struct PlanGroup {
    plan_id: i64,
    title: String,
    lead: Vec<TaskView>,
    coordinating: Vec<TaskView>,
}

impl PlanGroup {
    /// The two tables of a plan: (heading key, tasks).
    fn roles(&self) -> [(&'static str, &[TaskView]); 2] {
        [
            ("agency.role_lead", &self.lead),
            ("agency.role_coordinating", &self.coordinating),
        ]
    }
}

#[derive(Template)]
#[template(path = "agency.html")]
struct AgencyPage {
    chrome: Chrome,
    agency: AgencyRow,
    kind_key: &'static str,
    aliases: Vec<String>,
    merged_into: Option<Named>,
    /// Records merged into this one.
    merged_here: Vec<Named>,
    predecessors: Vec<SuccessionView>,
    successors: Vec<SuccessionView>,
    /// Who answers today for what this agency was given (empty: itself).
    today: Vec<Named>,
    groups: Vec<PlanGroup>,
    lead_count: i64,
    coordinating_count: i64,
    can_manage: bool,
    /// The other agencies, in Vietnamese order, for the merge and successor selects.
    others: Vec<Named>,
    today_iso: String,
}

async fn agency_page(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> PageResult {
    let agency = state.store.agency(id).await?;
    let directory = state.store.agency_directory().await?;
    let all = state.store.agencies().await?;
    let successions = state.store.successions().await?;
    let mut tasks = state.store.agency_tasks(id).await?;
    if viewer.session.is_none() {
        let published: BTreeSet<i64> = state
            .store
            .plans(true)
            .await?
            .into_iter()
            .map(|p| p.id)
            .collect();
        tasks.retain(|t| published.contains(&t.plan_id));
    }
    let named = |other: i64| (other, directory.name(other).to_string());
    let side = |s: &kehoach_store::agencies::Succession, other: i64| SuccessionView {
        other: named(other),
        effective_on: s.effective_on.clone(),
        note: s.note.clone(),
    };
    let mut others: Vec<Named> = all
        .iter()
        .filter(|a| a.id != id && a.merged_into.is_none())
        .map(|a| (a.id, a.name.clone()))
        .collect();
    kehoach_vi::sort_vietnamese(&mut others, |a| a.1.as_str());
    let mut merged_here: Vec<Named> = all
        .iter()
        .filter(|a| a.merged_into == Some(id))
        .map(|a| (a.id, a.name.clone()))
        .collect();
    kehoach_vi::sort_vietnamese(&mut merged_here, |a| a.1.as_str());
    let lead_count = tasks.iter().filter(|t| t.role == "lead").count();
    let coordinating_count = tasks.len() - lead_count;
    // The name itself is stored as an alias too (for lookups); not worth repeating.
    let mut aliases = state.store.aliases(id).await?;
    aliases.retain(|a| *a != agency.name);
    let page = AgencyPage {
        chrome: Chrome::new(&viewer),
        kind_key: kind_key(&agency.kind),
        aliases,
        merged_into: agency.merged_into.map(named),
        merged_here,
        predecessors: successions
            .iter()
            .filter(|s| s.successor_id == id)
            .map(|s| side(s, s.predecessor_id))
            .collect(),
        successors: successions
            .iter()
            .filter(|s| s.predecessor_id == id)
            .map(|s| side(s, s.successor_id))
            .collect(),
        today: directory.reference(id).today,
        lead_count: i64::try_from(lead_count).unwrap_or(i64::MAX),
        coordinating_count: i64::try_from(coordinating_count).unwrap_or(i64::MAX),
        groups: group_by_plan(tasks, &directory),
        can_manage: viewer.can_manage_plans(),
        others,
        today_iso: today(),
        agency,
    };
    Ok(render(&page)?.into_response())
}

/// Tasks plan by plan (in the order the store gives plans), lead then coordinating.
fn group_by_plan(tasks: Vec<AgencyTask>, directory: &AgencyDirectory) -> Vec<PlanGroup> {
    let mut groups: Vec<PlanGroup> = Vec::new();
    let mut index: HashMap<i64, usize> = HashMap::new();
    for task in tasks {
        let i = *index.entry(task.plan_id).or_insert_with(|| {
            groups.push(PlanGroup {
                plan_id: task.plan_id,
                title: task.plan_title.clone(),
                lead: Vec::new(),
                coordinating: Vec::new(),
            });
            groups.len() - 1
        });
        let Some(group) = groups.get_mut(i) else {
            continue;
        };
        let view = TaskView {
            named: directory.reference(task.agency_id),
            task,
        };
        if view.task.role == "lead" {
            group.lead.push(view);
        } else {
            group.coordinating.push(view);
        }
    }
    groups
}
