//! kehoach's web app: server-rendered pages in Vietnamese (English on
//! request), usable without JavaScript, and a JSON API.

#![forbid(unsafe_code)]

pub mod api;
mod assets;
pub mod auth;
mod charts;
mod error;
pub mod i18n;
pub mod pages;
mod progress;
mod security;
mod state;
mod upload;

use std::net::SocketAddr;

use askama::Template;
use axum::extract::{Request, State};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use kehoach_store::Store;
use tower_http::limit::RequestBodyLimitLayer;

pub use error::{AppError, ErrorKind};
pub use state::AppState;

use crate::auth::Viewer;
use crate::error::ErrorMark;
use crate::pages::Chrome;

/// Uploads (plan documents) are refused above this size.
pub const MAX_BODY_BYTES: usize = 32 * 1024 * 1024;

pub fn router(state: AppState) -> Router {
    let app = Router::new()
        .merge(pages::home::routes())
        .merge(pages::plan::routes())
        .merge(pages::periods::routes())
        .merge(pages::review::routes())
        .merge(pages::source::routes())
        .merge(pages::agencies::routes())
        .merge(pages::compare::routes())
        .merge(pages::import::routes())
        .merge(pages::publish::routes())
        .merge(pages::admin::routes())
        .merge(pages::search::routes())
        .merge(pages::report::routes())
        .merge(pages::reporting::routes())
        .merge(pages::indicators::routes())
        .merge(pages::quantities::routes())
        .merge(pages::official_report::routes())
        .merge(pages::phase::routes())
        .merge(pages::progress::routes())
        .merge(api::routes())
        .merge(auth::login::routes())
        .merge(assets::routes())
        .route("/healthz", get(healthz))
        .fallback(|| async { AppError::not_found() })
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(middleware::from_fn_with_state(state.clone(), render_errors))
        .with_state(state);
    security::with_security_headers(app)
}

/// Serves until Ctrl-C or SIGTERM, finishing the requests in flight.
pub async fn serve(store: Store, listen: SocketAddr) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(listen).await?;
    // Mail settings that do not parse were reported by the caller already.
    let mailer = kehoach_notify::Mailer::from_env().ok().flatten();
    let app = router(AppState::new(store).with_mailer(mailer));
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

async fn healthz(State(state): State<AppState>) -> Response {
    match state.store.ping().await {
        Ok(()) => (axum::http::StatusCode::OK, "ok").into_response(),
        Err(err) => {
            tracing::error!(error = %err, "health check failed");
            (
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                "database unreachable",
            )
                .into_response()
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    chrome: Chrome,
    status: u16,
    message_key: &'static str,
    detail: Option<String>,
    login_link: bool,
}

/// Turns an `AppError` (marked in the response) into the error page, in the
/// request's language. API routes (/api/…) get JSON instead.
async fn render_errors(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (mut parts, body) = request.into_parts();
    let viewer = <Viewer as axum::extract::FromRequestParts<AppState>>::from_request_parts(
        &mut parts, &state,
    )
    .await;
    let is_api = parts.uri.path().starts_with("/api/");
    let response = next.run(Request::from_parts(parts, body)).await;
    let mark = match response.extensions().get::<ErrorMark>().cloned() {
        Some(mark) => mark,
        // The body limit answers before any handler: give it a page too.
        None if response.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => ErrorMark {
            kind: ErrorKind::TooLarge,
            detail: None,
        },
        None => return response,
    };
    let status = mark.kind.status();
    if is_api {
        let body = serde_json::json!({
            "error": format!("{:?}", mark.kind).to_lowercase(),
            "detail": mark.detail,
        });
        return (status, axum::Json(body)).into_response();
    }
    let Ok(viewer) = viewer else {
        return (status, "error").into_response();
    };
    let page = ErrorPage {
        chrome: Chrome::new(&viewer),
        status: status.as_u16(),
        message_key: mark.kind.message_key(),
        detail: mark.detail,
        login_link: mark.kind == ErrorKind::LoginNeeded,
    };
    match page.render() {
        Ok(html) => (status, axum::response::Html(html)).into_response(),
        Err(_) => (status, "error").into_response(),
    }
}
