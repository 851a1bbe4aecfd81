//! The stylesheet, built into the binary: the app needs no network and no files beside it.

use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

use crate::state::AppState;

const APP_CSS: &str = include_str!("../static/app.css");

pub fn routes() -> Router<AppState> {
    Router::new().route("/static/app.css", get(css))
}

async fn css() -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "text/css; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=3600"),
        ],
        APP_CSS,
    )
}
