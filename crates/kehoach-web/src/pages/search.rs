//! The search page: targets, tasks, indicators and agencies found by a query
//! typed with or without diacritics, best first, the matches marked.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use kehoach_store::SearchHit;
use serde::Deserialize;

use super::{render, Chrome};
use crate::auth::Viewer;
use crate::error::PageResult;
use crate::state::AppState;

/// Results shown on one page; past this the page says there are more.
pub const PAGE_LIMIT: usize = 100;

pub fn routes() -> Router<AppState> {
    Router::new().route("/search", get(search_page))
}

#[derive(Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
}

/// One result as the page shows it.
struct ResultRow {
    kind_key: &'static str,
    href: String,
    hit: SearchHit,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    chrome: Chrome,
    asked: bool,
    rows: Vec<ResultRow>,
    count: i64,
    more: bool,
}

async fn search_page(
    viewer: Viewer,
    State(state): State<AppState>,
    Query(q): Query<SearchQuery>,
) -> PageResult {
    let mut chrome = Chrome::new(&viewer);
    chrome.query = q.q.clone();
    let mut hits = state
        .store
        .search(&q.q, viewer.session.is_none(), PAGE_LIMIT + 1)
        .await?;
    let more = hits.len() > PAGE_LIMIT;
    hits.truncate(PAGE_LIMIT);
    let mut page = SearchPage {
        chrome,
        asked: !kehoach_vi::Query::parse(&q.q).is_empty(),
        rows: hits
            .into_iter()
            .map(|hit| ResultRow {
                kind_key: kind_key(&hit.kind),
                href: href(&hit),
                hit,
            })
            .collect(),
        count: 0,
        more,
    };
    page.count = page.rows.len() as i64;
    Ok(render(&page)?.into_response())
}

pub fn kind_key(kind: &str) -> &'static str {
    match kind {
        "goal" => "kind.goal",
        "target" => "kind.target",
        "indicator" => "kind.indicator",
        "agency" => "kind.agency",
        _ => "kind.task",
    }
}

/// Where a result lives: its anchor on the plan page, or the agency's page.
pub fn href(hit: &SearchHit) -> String {
    let Some(plan) = hit.plan_id else {
        return format!("/agencies/{}", hit.id);
    };
    match hit.kind.as_str() {
        "goal" => format!("/plans/{plan}#goal-{}", anchor_safe(&hit.label)),
        "target" => format!("/plans/{plan}#target-{}", hit.id),
        "indicator" => format!("/plans/{plan}#indicator-{}", hit.id),
        _ => format!("/plans/{plan}#task-{}", hit.id),
    }
}

/// A goal's anchor is its code; keep only what a fragment carries as is.
fn anchor_safe(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        .collect()
}
