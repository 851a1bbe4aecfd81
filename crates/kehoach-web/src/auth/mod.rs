//! Who is asking: the session from the cookie, the language, and the CSRF
//! token every form must carry.

pub mod csrf;
pub mod limiter;
pub mod login;

use axum::extract::FromRequestParts;
use axum::http::header::ACCEPT_LANGUAGE;
use axum::http::request::Parts;
use axum_extra::extract::CookieJar;
use kehoach_store::{Role, Session};

use crate::error::{AppError, ErrorKind};
use crate::i18n::{negotiate, Tr, LANG_COOKIE};
use crate::state::AppState;

pub const SESSION_COOKIE: &str = "kh_session";
/// Before login there is no session: the login form's token is also set as
/// a cookie, and the two must match (double submit).
pub const FORM_COOKIE: &str = "kh_form";

/// The person behind a request (None: the public) and their language.
#[derive(Clone)]
pub struct Viewer {
    pub session: Option<Session>,
    pub tr: Tr,
    /// The path and query asked for, for the language switch to come back to.
    pub path: String,
    form_cookie: Option<String>,
}

impl Viewer {
    pub fn role(&self) -> Option<Role> {
        self.session.as_ref().map(|s| s.user.role)
    }

    pub fn can_manage_plans(&self) -> bool {
        self.role().is_some_and(Role::manages_plans)
    }

    pub fn reads_everything(&self) -> bool {
        self.role().is_some_and(Role::reads_everything)
    }

    pub fn can_manage_accounts(&self) -> bool {
        self.role().is_some_and(Role::manages_accounts)
    }

    pub fn require_plan_manager(&self) -> Result<(), AppError> {
        match self.role() {
            None => Err(AppError::new(ErrorKind::LoginNeeded)),
            Some(r) if r.manages_plans() => Ok(()),
            Some(_) => Err(AppError::forbidden()),
        }
    }

    pub fn require_account_manager(&self) -> Result<(), AppError> {
        match self.role() {
            None => Err(AppError::new(ErrorKind::LoginNeeded)),
            Some(r) if r.manages_accounts() => Ok(()),
            Some(_) => Err(AppError::forbidden()),
        }
    }

    /// The signed-in user's id; the public gets "login needed".
    pub fn user_id(&self) -> Result<i64, AppError> {
        self.session
            .as_ref()
            .map(|s| s.user.id)
            .ok_or_else(|| AppError::new(ErrorKind::LoginNeeded))
    }

    /// Who acts on the reporting chain. Its work is internal: without a
    /// session there is no access at all (the store would refuse the public
    /// anyway; this sends it to the login page instead).
    pub fn principal(&self) -> Result<kehoach_store::reporting::Principal, AppError> {
        self.session
            .as_ref()
            .map(|s| kehoach_store::reporting::Principal::from(&s.user))
            .ok_or_else(|| AppError::new(ErrorKind::LoginNeeded))
    }

    /// The token forms of this page must carry.
    pub fn csrf(&self) -> &str {
        match &self.session {
            Some(s) => &s.csrf,
            None => self.form_cookie.as_deref().unwrap_or(""),
        }
    }

    /// The audit log's name for this viewer.
    pub fn actor(&self) -> kehoach_store::Actor {
        match &self.session {
            Some(s) => kehoach_store::Actor::user(s.user.id, &s.user.login),
            None => kehoach_store::Actor {
                user_id: None,
                name: "public".into(),
            },
        }
    }
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Viewer, AppError> {
        if let Some(viewer) = parts.extensions.get::<Viewer>() {
            return Ok(viewer.clone());
        }
        let jar = CookieJar::from_headers(&parts.headers);
        let lang = negotiate(
            jar.get(LANG_COOKIE).map(|c| c.value()),
            parts
                .headers
                .get(ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok()),
        );
        let session = match jar.get(SESSION_COOKIE) {
            Some(cookie) => state.store.session(cookie.value()).await?,
            None => None,
        };
        let path = parts
            .uri
            .path_and_query()
            .map_or_else(|| "/".to_string(), |p| p.as_str().to_string());
        let viewer = Viewer {
            session,
            tr: Tr::new(lang),
            path,
            form_cookie: jar.get(FORM_COOKIE).map(|c| c.value().to_string()),
        };
        parts.extensions.insert(viewer.clone());
        Ok(viewer)
    }
}
