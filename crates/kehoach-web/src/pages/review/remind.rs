//! POST /periods/{id}/remind: DPI's one-click reminder to one agency that
//! owes its report, or to all of them: an in-app notification always, and
//! an e-mail to the agency's reporters when mail is configured.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use kehoach_notify::job::ReminderPolicy;
use kehoach_notify::{reminder_mail, Mailer, Reminder, ReminderTiming};
use kehoach_store::reporting::compliance::Standing;
use kehoach_store::reporting::setup::Period;
use kehoach_store::reporting::{Channel, Principal, ReminderKind};
use kehoach_store::Role;
use serde::Deserialize;

use crate::auth::csrf::{CsrfForm, HasCsrf};
use crate::error::{AppError, PageResult};
use crate::state::AppState;

#[derive(Deserialize)]
pub struct RemindForm {
    csrf: String,
    /// One agency; absent with `all` set: every agency that owes its report.
    agency_id: Option<i64>,
    all: Option<String>,
}

impl HasCsrf for RemindForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

#[derive(Default)]
struct Sent {
    reminded: usize,
    mailed: usize,
    mail_failed: usize,
}

pub async fn remind(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm { viewer, form }: CsrfForm<RemindForm>,
) -> PageResult {
    let principal = viewer.principal()?;
    // The store checks each reminder; "all" with nobody owing would reach none.
    viewer.require_plan_manager()?;
    let period = state.store.period(&principal, id).await?;
    let owing: Vec<(i64, String)> = state
        .store
        .compliance(&principal, id)
        .await?
        .into_iter()
        .filter(|r| matches!(r.standing, Standing::Missing | Standing::Returned))
        .map(|r| (r.agency_id, r.agency_name))
        .collect();
    let chosen: Vec<(i64, String)> = match (form.agency_id, form.all.is_some()) {
        (Some(agency), _) => {
            let one: Vec<_> = owing.into_iter().filter(|(a, _)| *a == agency).collect();
            if one.is_empty() {
                return Err(AppError::bad_request(
                    "this agency owes no report in this period",
                ));
            }
            one
        }
        (None, true) => owing,
        (None, false) => return Err(AppError::bad_request("no agency chosen")),
    };
    let mut sent = Sent::default();
    for (agency, name) in &chosen {
        state
            .store
            .record_reminder(&principal, id, *agency, ReminderKind::Manual, Channel::App)
            .await?;
        sent.reminded += 1;
        if let Some(mailer) = state.mailer.as_deref() {
            match mail_agency(&state, mailer, &principal, &period, *agency, name).await? {
                Some(true) => sent.mailed += 1,
                Some(false) => sent.mail_failed += 1,
                None => {}
            }
        }
    }
    Ok(Redirect::to(&format!(
        "/periods/{id}?reminded={}&mailed={}&mail_failed={}",
        sent.reminded, sent.mailed, sent.mail_failed
    ))
    .into_response())
}

/// E-mails the agency's active reporters that have an address. None: nobody
/// to write to; Some(false): the mail server failed (logged; the in-app
/// reminder stands).
async fn mail_agency(
    state: &AppState,
    mailer: &Mailer,
    principal: &Principal,
    period: &Period,
    agency: i64,
    agency_name: &str,
) -> Result<Option<bool>, AppError> {
    let to: Vec<String> = state
        .store
        .users()
        .await?
        .into_iter()
        .filter(|u| u.role == Role::Reporter && u.agency_id == Some(agency) && !u.disabled)
        .filter_map(|u| u.email)
        .collect();
    if to.is_empty() {
        return Ok(None);
    }
    let plan = state.store.plan_summary(period.plan_id, None).await?;
    let base_url = ReminderPolicy::from_env().base_url;
    let mail = reminder_mail(&Reminder {
        agency: agency_name,
        plan: &plan.title,
        period: &period.label,
        due_on: &period.agency_due_on,
        timing: ReminderTiming::Manual,
        link: &format!("{base_url}/periods/{}", period.id),
        to,
    });
    match mailer.send(&mail).await {
        Ok(()) => {
            state
                .store
                .record_reminder(
                    principal,
                    period.id,
                    agency,
                    ReminderKind::Manual,
                    Channel::Email,
                )
                .await?;
            Ok(Some(true))
        }
        Err(err) => {
            tracing::warn!(error = %err, agency, period = period.id, "reminder mail failed");
            Ok(Some(false))
        }
    }
}
