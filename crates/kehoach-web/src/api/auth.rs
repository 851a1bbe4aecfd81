//! Bearer tokens for the JSON API. POST /api/session trades a login and
//! password for a token (a session of the same table as the login page's,
//! with the same throttling). Writes authenticate ONLY by
//! `Authorization: Bearer`: a browser never sends that header by itself, so
//! a cross-site form cannot write through the user's cookie (no CSRF hole).
//! Reads accept the bearer token or the cookie session.

use std::net::SocketAddr;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use kehoach_store::{Principal, Session};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::types::ErrorBody;
use crate::auth::Viewer;
use crate::error::{AppError, ErrorKind};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/api/session", post(create_session).delete(end_session))
}

/// A signed-in caller of the API and the token it came with (None: the cookie).
pub struct ApiCaller {
    pub session: Session,
    pub token: Option<String>,
}

impl ApiCaller {
    pub fn principal(&self) -> Principal {
        Principal::from(&self.session.user)
    }
}

/// The token of an `Authorization: Bearer` header; Err when the header is
/// there but is not a bearer token.
fn bearer_token(parts: &Parts) -> Result<Option<String>, AppError> {
    let Some(value) = parts.headers.get(AUTHORIZATION) else {
        return Ok(None);
    };
    let value = value.to_str().map_err(|_| login_needed())?;
    let (scheme, token) = value.split_once(' ').ok_or_else(login_needed)?;
    if !scheme.eq_ignore_ascii_case("bearer") || token.trim().is_empty() {
        return Err(login_needed());
    }
    Ok(Some(token.trim().to_string()))
}

fn login_needed() -> AppError {
    AppError::new(ErrorKind::LoginNeeded)
}

async fn bearer_session(parts: &Parts, state: &AppState) -> Result<Option<ApiCaller>, AppError> {
    let Some(token) = bearer_token(parts)? else {
        return Ok(None);
    };
    match state.store.session(&token).await? {
        Some(session) => Ok(Some(ApiCaller {
            session,
            token: Some(token),
        })),
        None => Err(login_needed()),
    }
}

/// A caller allowed to write: a valid bearer token, whatever cookies come along.
pub struct Writer(pub ApiCaller);

impl FromRequestParts<AppState> for Writer {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Writer, AppError> {
        bearer_session(parts, state)
            .await?
            .map(Writer)
            .ok_or_else(login_needed)
    }
}

/// A caller allowed to read: the bearer token if one is given, else the cookie session.
pub struct Reader(pub ApiCaller);

impl FromRequestParts<AppState> for Reader {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Reader, AppError> {
        if let Some(caller) = bearer_session(parts, state).await? {
            return Ok(Reader(caller));
        }
        let viewer = Viewer::from_request_parts(parts, state).await?;
        let session = viewer.session.ok_or_else(login_needed)?;
        Ok(Reader(ApiCaller {
            session,
            token: None,
        }))
    }
}

#[derive(Deserialize, ToSchema)]
pub struct Credentials {
    pub login: String,
    pub password: String,
}

#[derive(Serialize, ToSchema)]
pub struct TokenBody {
    /// Send as `Authorization: Bearer <token>`.
    pub token: String,
    /// Unix time (seconds) after which the token is refused.
    pub expires_at: i64,
}

/// A JSON body, or a JSON 400 saying what is wrong with it (axum's own
/// rejection would answer in plain text).
pub fn parse_json<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, AppError> {
    serde_json::from_slice(body).map_err(|e| AppError::bad_request(format!("JSON body: {e}")))
}

/// Trades a login and password for a bearer token. Failures count towards
/// the same limits as the login page's.
#[utoipa::path(post, path = "/api/session", tag = "session",
    request_body = Credentials,
    responses(
        (status = 200, body = TokenBody),
        (status = 401, body = ErrorBody, description = "Wrong login or password"),
        (status = 429, body = ErrorBody, description = "Too many failures: try again later"),
    ))]
pub async fn create_session(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    body: Bytes,
) -> Result<Response, AppError> {
    let credentials: Credentials = parse_json(&body)?;
    let address = Some(addr.ip());
    if !state.limiter.allows(&credentials.login, address) {
        let body = ErrorBody {
            error: "throttled".into(),
            detail: Some("too many failed logins: try again later".into()),
        };
        return Ok((StatusCode::TOO_MANY_REQUESTS, Json(body)).into_response());
    }
    let Some(user) = state
        .store
        .verify_login(&credentials.login, &credentials.password)
        .await?
    else {
        state.limiter.failed(&credentials.login, address);
        return Err(login_needed());
    };
    state.limiter.succeeded(&credentials.login);
    let session = state.store.create_session(&user).await?;
    Ok(Json(TokenBody {
        token: session.token,
        expires_at: session.expires_at,
    })
    .into_response())
}

/// Ends the bearer token's session.
#[utoipa::path(delete, path = "/api/session", tag = "session",
    security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ErrorBody)))]
pub async fn end_session(
    State(state): State<AppState>,
    Writer(caller): Writer,
) -> Result<StatusCode, AppError> {
    if let Some(token) = &caller.token {
        state.store.end_session(token).await?;
    }
    Ok(StatusCode::NO_CONTENT)
}
