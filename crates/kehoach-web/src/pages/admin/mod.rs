//! Account administration (Admin only): the list of accounts, creating one,
//! disabling and enabling, setting a new password; and the audit log.

mod audit;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use kehoach_store::{NewUser, Role, User};
use serde::Deserialize;

use super::{render, Chrome};
use crate::auth::csrf::{CsrfForm, HasCsrf, TokenOnly};
use crate::auth::Viewer;
use crate::error::{AppError, PageResult};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/users", get(users_page).post(create_user))
        .route("/admin/users/{login}/disable", post(disable))
        .route("/admin/users/{login}/enable", post(enable))
        .route("/admin/users/{login}/password", post(set_password))
        .route("/admin/audit", get(audit::audit_page))
}

pub fn role_key(role: Role) -> &'static str {
    match role {
        Role::Admin => "role.admin",
        Role::Coordinator => "role.coordinator",
        Role::Reporter => "role.reporter",
        Role::Leader => "role.leader",
    }
}

struct UserRow {
    user: User,
    role_key: &'static str,
    agency: String,
}

#[derive(Template)]
#[template(path = "admin_users.html")]
struct UsersPage {
    chrome: Chrome,
    users: Vec<UserRow>,
    roles: Vec<(&'static str, &'static str)>,
    /// Agencies a reporter can be bound to (id, name), in Vietnamese order.
    agencies: Vec<(i64, String)>,
    min_password: usize,
}

async fn users_page(viewer: Viewer, State(state): State<AppState>) -> PageResult {
    viewer.require_account_manager()?;
    let directory = state.store.agency_directory().await?;
    let users = state
        .store
        .users()
        .await?
        .into_iter()
        .map(|user| UserRow {
            role_key: role_key(user.role),
            agency: user
                .agency_id
                .map(|id| directory.name(id).to_string())
                .unwrap_or_default(),
            user,
        })
        .collect();
    let agencies = state.store.agency_choices().await?;
    let page = UsersPage {
        chrome: Chrome::new(&viewer),
        users,
        roles: Role::ALL
            .iter()
            .map(|r| (r.as_str(), role_key(*r)))
            .collect(),
        agencies,
        min_password: kehoach_store::accounts::MIN_PASSWORD_CHARS,
    };
    Ok(render(&page)?.into_response())
}

#[derive(Deserialize)]
pub struct NewUserForm {
    csrf: String,
    login: String,
    display_name: String,
    role: String,
    #[serde(default)]
    agency: String,
    password: String,
}

impl HasCsrf for NewUserForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

async fn create_user(
    State(state): State<AppState>,
    CsrfForm { viewer, form }: CsrfForm<NewUserForm>,
) -> PageResult {
    viewer.require_account_manager()?;
    let role = Role::parse(&form.role)
        .ok_or_else(|| AppError::bad_request(viewer.tr.t("accounts.bad_role")))?;
    // Only a reporter is bound to an agency; the select is ignored otherwise.
    let agency = form.agency.trim();
    let agency_id = if role != Role::Reporter || agency.is_empty() {
        None
    } else {
        Some(
            agency
                .parse::<i64>()
                .map_err(|_| AppError::bad_request(viewer.tr.t("accounts.bad_agency")))?,
        )
    };
    state
        .store
        .create_user(
            NewUser {
                login: &form.login,
                display_name: &form.display_name,
                role,
                agency_id,
                password: &form.password,
            },
            &viewer.actor(),
        )
        .await?;
    Ok(Redirect::to("/admin/users").into_response())
}

async fn disable(
    state: State<AppState>,
    login: Path<String>,
    form: CsrfForm<TokenOnly>,
) -> PageResult {
    set_disabled(state, login, form, true).await
}

async fn enable(
    state: State<AppState>,
    login: Path<String>,
    form: CsrfForm<TokenOnly>,
) -> PageResult {
    set_disabled(state, login, form, false).await
}

async fn set_disabled(
    State(state): State<AppState>,
    Path(login): Path<String>,
    CsrfForm { viewer, .. }: CsrfForm<TokenOnly>,
    disabled: bool,
) -> PageResult {
    viewer.require_account_manager()?;
    // An administrator locking themselves out would leave nobody to undo it.
    if disabled
        && viewer
            .session
            .as_ref()
            .is_some_and(|s| s.user.login == login)
    {
        return Err(AppError::bad_request(viewer.tr.t("accounts.not_self")));
    }
    state
        .store
        .set_disabled(&login, disabled, &viewer.actor())
        .await?;
    Ok(Redirect::to("/admin/users").into_response())
}

#[derive(Deserialize)]
pub struct PasswordForm {
    csrf: String,
    password: String,
}

impl HasCsrf for PasswordForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

async fn set_password(
    State(state): State<AppState>,
    Path(login): Path<String>,
    CsrfForm { viewer, form }: CsrfForm<PasswordForm>,
) -> PageResult {
    viewer.require_account_manager()?;
    state
        .store
        .set_password(&login, &form.password, &viewer.actor())
        .await?;
    Ok(Redirect::to("/admin/users").into_response())
}
