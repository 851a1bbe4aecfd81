//! Showing a plan on the public portal, or withdrawing it.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use axum::routing::post;
use axum::Router;

use crate::auth::csrf::{CsrfForm, TokenOnly};
use crate::error::PageResult;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/plans/{id}/publish", post(publish))
        .route("/plans/{id}/unpublish", post(unpublish))
}

async fn publish(state: State<AppState>, id: Path<i64>, form: CsrfForm<TokenOnly>) -> PageResult {
    set_published(state, id, form, true).await
}

async fn unpublish(state: State<AppState>, id: Path<i64>, form: CsrfForm<TokenOnly>) -> PageResult {
    set_published(state, id, form, false).await
}

async fn set_published(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm { viewer, .. }: CsrfForm<TokenOnly>,
    published: bool,
) -> PageResult {
    viewer.require_plan_manager()?;
    state
        .store
        .set_published(id, published, &viewer.actor())
        .await?;
    Ok(Redirect::to(&format!("/plans/{id}")).into_response())
}
