//! Logging in and out, and the language switch.

use std::net::SocketAddr;

use askama::Template;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use axum_extra::extract::cookie::{Cookie, SameSite};
use axum_extra::extract::CookieJar;
use serde::Deserialize;
use time::Duration;

use super::csrf::{CsrfForm, HasCsrf};
use super::{Viewer, FORM_COOKIE, SESSION_COOKIE};
use crate::error::{AppError, PageResult};
use crate::i18n::LANG_COOKIE;
use crate::pages::{render, Chrome};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_page).post(login))
        .route("/logout", post(logout))
        .route("/lang/{code}", get(switch_language))
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    chrome: Chrome,
    next: String,
    failure: Option<&'static str>,
    login: String,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

async fn login_page(
    viewer: Viewer,
    jar: CookieJar,
    State(state): State<AppState>,
    Query(q): Query<NextQuery>,
) -> PageResult {
    let (jar, viewer) = with_form_token(jar, viewer, &state);
    let page = LoginPage {
        chrome: Chrome::new(&viewer),
        next: local_path(q.next.as_deref()),
        failure: None,
        login: String::new(),
    };
    Ok((jar, render(&page)?).into_response())
}

/// Gives an anonymous visitor a form token (cookie + hidden field) unless they have one.
fn with_form_token(jar: CookieJar, mut viewer: Viewer, state: &AppState) -> (CookieJar, Viewer) {
    if viewer.session.is_some() || !viewer.csrf().is_empty() {
        return (jar, viewer);
    }
    let token = kehoach_store::accounts::random_token();
    viewer.form_cookie = Some(token.clone());
    let cookie = Cookie::build((FORM_COOKIE, token))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(state.secure_cookies)
        .build();
    (jar.add(cookie), viewer)
}

#[derive(Deserialize)]
pub struct LoginForm {
    csrf: String,
    login: String,
    password: String,
    #[serde(default)]
    next: String,
}

impl HasCsrf for LoginForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

async fn login(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    jar: CookieJar,
    CsrfForm { viewer, form }: CsrfForm<LoginForm>,
) -> PageResult {
    let address = Some(addr.ip());
    let failure = if !state.limiter.allows(&form.login, address) {
        Some("login.throttled")
    } else {
        match state
            .store
            .verify_login(&form.login, &form.password)
            .await?
        {
            Some(user) => {
                state.limiter.succeeded(&form.login);
                // A new token at every login: one planted before cannot be promoted.
                let session = state.store.create_session(&user).await?;
                let cookie = Cookie::build((SESSION_COOKIE, session.token))
                    .path("/")
                    .http_only(true)
                    .same_site(SameSite::Lax)
                    .secure(state.secure_cookies)
                    .max_age(Duration::seconds(kehoach_store::accounts::SESSION_SECONDS))
                    .build();
                let jar = jar.add(cookie).remove(Cookie::build(FORM_COOKIE).path("/"));
                return Ok((jar, Redirect::to(&local_path(Some(&form.next)))).into_response());
            }
            None => {
                state.limiter.failed(&form.login, address);
                Some("login.failed")
            }
        }
    };
    let page = LoginPage {
        chrome: Chrome::new(&viewer),
        next: local_path(Some(&form.next)),
        failure,
        login: form.login,
    };
    let status = if failure == Some("login.throttled") {
        axum::http::StatusCode::TOO_MANY_REQUESTS
    } else {
        axum::http::StatusCode::UNAUTHORIZED
    };
    Ok((status, render(&page)?).into_response())
}

#[derive(Deserialize)]
pub struct LogoutForm {
    csrf: String,
}

impl HasCsrf for LogoutForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

async fn logout(
    State(state): State<AppState>,
    jar: CookieJar,
    CsrfForm { .. }: CsrfForm<LogoutForm>,
) -> PageResult {
    if let Some(cookie) = jar.get(SESSION_COOKIE) {
        state.store.end_session(cookie.value()).await?;
    }
    let jar = jar.remove(Cookie::build(SESSION_COOKIE).path("/"));
    Ok((jar, Redirect::to("/")).into_response())
}

#[derive(Deserialize)]
pub struct BackQuery {
    back: Option<String>,
}

async fn switch_language(
    Path(code): Path<String>,
    jar: CookieJar,
    Query(q): Query<BackQuery>,
) -> Result<Response, AppError> {
    if code != "vi" && code != "en" {
        return Err(AppError::not_found());
    }
    let cookie = Cookie::build((LANG_COOKIE, code))
        .path("/")
        .same_site(SameSite::Lax)
        .max_age(Duration::days(365))
        .build();
    Ok((
        jar.add(cookie),
        Redirect::to(&local_path(q.back.as_deref())),
    )
        .into_response())
}

/// Only paths on this site: a `next` or `back` pointing elsewhere would make
/// the login page an open redirect.
pub fn local_path(given: Option<&str>) -> String {
    match given {
        Some(p) if p.starts_with('/') && !p.starts_with("//") && !p.contains('\\') => p.to_string(),
        _ => "/".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn redirects_stay_on_the_site() {
        assert_eq!(local_path(Some("/plans/1")), "/plans/1");
        assert_eq!(local_path(Some("//evil.example")), "/");
        assert_eq!(local_path(Some("https://evil.example")), "/");
        assert_eq!(local_path(Some("/\\evil.example")), "/");
        assert_eq!(local_path(None), "/");
    }
}
