//! Errors as pages. A handler returns `AppError`; the response carries the
//! kind only, and `render_errors` (which knows the request's language) turns
//! it into the page, the same for every route and for unknown URLs.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use kehoach_store::StoreError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    NotFound,
    Forbidden,
    /// Someone else saved the same item first (the store's optimistic check).
    Conflict,
    LoginNeeded,
    Csrf,
    BadRequest,
    /// A body over `MAX_BODY_BYTES`.
    TooLarge,
    Internal,
}

impl ErrorKind {
    pub fn status(self) -> StatusCode {
        match self {
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::Forbidden | ErrorKind::Csrf => StatusCode::FORBIDDEN,
            ErrorKind::Conflict => StatusCode::CONFLICT,
            ErrorKind::LoginNeeded => StatusCode::UNAUTHORIZED,
            ErrorKind::BadRequest => StatusCode::BAD_REQUEST,
            ErrorKind::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn message_key(self) -> &'static str {
        match self {
            ErrorKind::NotFound => "error.not_found",
            ErrorKind::Forbidden => "error.forbidden",
            ErrorKind::Conflict => "error.conflict",
            ErrorKind::LoginNeeded => "error.login_needed",
            ErrorKind::Csrf => "error.csrf",
            ErrorKind::BadRequest => "error.bad_request",
            ErrorKind::TooLarge => "error.too_large",
            ErrorKind::Internal => "error.internal",
        }
    }
}

#[derive(Debug)]
pub struct AppError {
    pub kind: ErrorKind,
    /// Shown under the generic message (e.g. what was wrong in a form); never internals.
    pub detail: Option<String>,
}

impl AppError {
    pub fn new(kind: ErrorKind) -> AppError {
        AppError { kind, detail: None }
    }

    pub fn bad_request(detail: impl Into<String>) -> AppError {
        AppError {
            kind: ErrorKind::BadRequest,
            detail: Some(detail.into()),
        }
    }

    pub fn not_found() -> AppError {
        AppError::new(ErrorKind::NotFound)
    }

    pub fn forbidden() -> AppError {
        AppError::new(ErrorKind::Forbidden)
    }
}

impl From<StoreError> for AppError {
    fn from(err: StoreError) -> AppError {
        match err {
            StoreError::NotFound(_) => AppError::not_found(),
            StoreError::Invalid(message) => AppError::bad_request(message),
            StoreError::Import(err) => AppError::bad_request(err.to_string()),
            StoreError::Forbidden(_) => AppError::forbidden(),
            StoreError::Locked(message) => AppError::bad_request(message),
            StoreError::Conflict { .. } => AppError::new(ErrorKind::Conflict),
            other => {
                tracing::error!(error = %other, "store failure");
                AppError::new(ErrorKind::Internal)
            }
        }
    }
}

impl From<askama::Error> for AppError {
    fn from(err: askama::Error) -> AppError {
        tracing::error!(error = %err, "template failure");
        AppError::new(ErrorKind::Internal)
    }
}

/// Placed in the response's extensions for `render_errors` to find.
#[derive(Debug, Clone)]
pub struct ErrorMark {
    pub kind: ErrorKind,
    pub detail: Option<String>,
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut response = self.kind.status().into_response();
        response.extensions_mut().insert(ErrorMark {
            kind: self.kind,
            detail: self.detail,
        });
        response
    }
}

pub type PageResult = Result<Response, AppError>;
