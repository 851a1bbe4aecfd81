//! Every state-changing form carries the session's CSRF token; `CsrfForm`
//! parses a form and refuses it before the handler runs when the token is
//! missing or wrong, so no handler can forget the check.

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::Form;
use serde::de::DeserializeOwned;

use super::Viewer;
use crate::error::{AppError, ErrorKind};
use crate::state::AppState;

/// Forms name their token field `csrf`.
pub trait HasCsrf {
    fn csrf(&self) -> &str;
}

/// A form that carries nothing but its token (a button).
#[derive(serde::Deserialize)]
pub struct TokenOnly {
    pub csrf: String,
}

impl HasCsrf for TokenOnly {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

pub struct CsrfForm<T> {
    pub viewer: Viewer,
    pub form: T,
}

impl<T> FromRequest<AppState> for CsrfForm<T>
where
    T: DeserializeOwned + HasCsrf + Send,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, AppError> {
        let (mut parts, body) = req.into_parts();
        let viewer = Viewer::from_request_parts(&mut parts, state).await?;
        let req = Request::from_parts(parts, body);
        let Form(form) = Form::<T>::from_request(req, state)
            .await
            .map_err(|e| AppError::bad_request(e.body_text()))?;
        if !tokens_match(viewer.csrf(), form.csrf()) {
            return Err(AppError::new(ErrorKind::Csrf));
        }
        Ok(CsrfForm { viewer, form })
    }
}

/// The check for requests `CsrfForm` cannot parse (multipart uploads): the
/// same rule, refused the same way.
pub fn check_token(viewer: &Viewer, given: &str) -> Result<(), AppError> {
    if tokens_match(viewer.csrf(), given) {
        Ok(())
    } else {
        Err(AppError::new(ErrorKind::Csrf))
    }
}

/// Equal and non-empty, compared in time independent of where they differ.
pub fn tokens_match(expected: &str, given: &str) -> bool {
    if expected.is_empty() || expected.len() != given.len() {
        return false;
    }
    expected
        .bytes()
        .zip(given.bytes())
        .fold(0u8, |acc, (a, b)| acc | (a ^ b))
        == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens() {
        assert!(tokens_match("abc", "abc"));
        assert!(!tokens_match("abc", "abd"));
        assert!(!tokens_match("", ""));
        assert!(!tokens_match("abc", "ab"));
    }
}
