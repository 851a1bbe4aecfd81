//! A document's numbered lines as imported, with a range highlighted (the
//! lines of the task or target the reader came from).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

use super::{render, Chrome};
use crate::auth::Viewer;
use crate::error::{AppError, PageResult};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/documents/{id}", get(source_page))
}

#[derive(Deserialize)]
pub struct Range {
    from: Option<i64>,
    to: Option<i64>,
}

#[derive(Template)]
#[template(path = "source.html")]
struct SourcePage {
    chrome: Chrome,
    plan_id: i64,
    lines: Vec<String>,
    from: i64,
    to: i64,
}

impl SourcePage {
    fn highlighted(&self, no: &usize) -> bool {
        let no = *no as i64;
        self.from > 0 && no >= self.from && no <= self.to
    }
}

async fn source_page(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(range): Query<Range>,
) -> PageResult {
    let (plan_id, published) = state
        .store
        .document_plan(id)
        .await?
        .ok_or_else(AppError::not_found)?;
    if !published && viewer.session.is_none() {
        return Err(AppError::not_found());
    }
    let lines = state.store.source_lines(id).await?;
    let from = range.from.unwrap_or(0);
    let to = range.to.unwrap_or(from).max(from);
    let page = SourcePage {
        chrome: Chrome::new(&viewer),
        plan_id,
        lines,
        from,
        to,
    };
    Ok(render(&page)?.into_response())
}
