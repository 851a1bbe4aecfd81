//! The automatic reminders: run by the server every hour (and at start).
//! Each agency that owes a report of an open period and is inside the
//! reminder window gets an in-app notification and, when mail is configured
//! and its reporters have addresses, an e-mail. The store remembers what was
//! sent, so running the job twice sends nothing twice.

use kehoach_store::reporting::{Channel, Principal, ReminderKind};
use kehoach_store::{Role, Store, StoreError};

use crate::{reminder_mail, Mailer, Reminder, ReminderTiming};

/// How far before and after the agencies' due date reminders go out.
#[derive(Debug, Clone)]
pub struct ReminderPolicy {
    pub days_before: i64,
    pub days_after: i64,
    /// The app's address as agencies reach it, for the link in the e-mail.
    pub base_url: String,
}

impl Default for ReminderPolicy {
    fn default() -> Self {
        ReminderPolicy {
            days_before: 3,
            days_after: 1,
            base_url: "http://127.0.0.1:8080".into(),
        }
    }
}

impl ReminderPolicy {
    /// From KEHOACH_REMIND_DAYS_BEFORE, KEHOACH_REMIND_DAYS_AFTER and KEHOACH_BASE_URL.
    pub fn from_env() -> ReminderPolicy {
        let mut policy = ReminderPolicy::default();
        let days = |name: &str| {
            std::env::var(name)
                .ok()
                .and_then(|v| v.trim().parse::<i64>().ok())
        };
        if let Some(n) = days("KEHOACH_REMIND_DAYS_BEFORE").filter(|n| *n >= 0) {
            policy.days_before = n;
        }
        if let Some(n) = days("KEHOACH_REMIND_DAYS_AFTER").filter(|n| *n >= 0) {
            policy.days_after = n;
        }
        if let Ok(url) = std::env::var("KEHOACH_BASE_URL") {
            policy.base_url = url.trim_end_matches('/').to_string();
        }
        policy
    }
}

/// What one run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReminderRun {
    pub in_app: usize,
    pub emailed: usize,
    pub mail_failures: usize,
}

/// The job acts as the system, with a coordinator's rights over periods.
fn system() -> Principal {
    Principal {
        user_id: None,
        name: "system:reminders".into(),
        role: Some(Role::Coordinator),
        agency_id: None,
    }
}

/// Sends what is due on `today` (YYYY-MM-DD, the province's calendar date).
/// A mail that fails is logged and counted; the in-app reminder stands.
pub async fn send_due_reminders(
    store: &Store,
    mailer: Option<&Mailer>,
    policy: &ReminderPolicy,
    today: &str,
) -> Result<ReminderRun, StoreError> {
    let system = system();
    let due = store
        .due_reminders(&system, today, policy.days_before, policy.days_after)
        .await?;
    let mut run = ReminderRun::default();
    if due.is_empty() {
        return Ok(run);
    }
    let directory = store.agency_directory().await?;
    let users = store.users().await?;
    for item in due {
        store
            .record_reminder(
                &system,
                item.period_id,
                item.agency_id,
                item.kind,
                Channel::App,
            )
            .await?;
        run.in_app += 1;
        let Some(mailer) = mailer else { continue };
        let to: Vec<String> = users
            .iter()
            .filter(|u| {
                u.role == Role::Reporter && u.agency_id == Some(item.agency_id) && !u.disabled
            })
            .filter_map(|u| u.email.clone())
            .collect();
        if to.is_empty() {
            continue;
        }
        let period = store.period(&system, item.period_id).await?;
        let plan = store.plan_summary(period.plan_id, None).await?;
        let mail = reminder_mail(&Reminder {
            agency: directory.name(item.agency_id),
            plan: &plan.title,
            period: &period.label,
            due_on: &period.agency_due_on,
            timing: timing(item.kind, today, &period.agency_due_on),
            link: &format!("{}/periods/{}", policy.base_url, period.id),
            to,
        });
        match mailer.send(&mail).await {
            Ok(()) => {
                store
                    .record_reminder(
                        &system,
                        item.period_id,
                        item.agency_id,
                        item.kind,
                        Channel::Email,
                    )
                    .await?;
                run.emailed += 1;
            }
            Err(err) => {
                tracing::warn!(error = %err, agency = item.agency_id, period = item.period_id, "reminder mail failed");
                run.mail_failures += 1;
            }
        }
    }
    Ok(run)
}

/// Days between today and the due date, as the mail words it.
fn timing(kind: ReminderKind, today: &str, due_on: &str) -> ReminderTiming {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let days = match (
        time::Date::parse(today, format),
        time::Date::parse(due_on, format),
    ) {
        (Ok(today), Ok(due)) => (due - today).whole_days(),
        _ => 0,
    };
    match kind {
        ReminderKind::AfterDue => ReminderTiming::After(days.unsigned_abs() as u32),
        ReminderKind::BeforeDue => ReminderTiming::Before(days.max(0) as u32),
        ReminderKind::Manual => ReminderTiming::Manual,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timing_counts_days_to_and_past_the_due_date() {
        assert_eq!(
            timing(ReminderKind::BeforeDue, "2026-11-27", "2026-11-30"),
            ReminderTiming::Before(3)
        );
        assert_eq!(
            timing(ReminderKind::AfterDue, "2026-12-02", "2026-11-30"),
            ReminderTiming::After(2)
        );
        assert_eq!(
            timing(ReminderKind::Manual, "x", "y"),
            ReminderTiming::Manual
        );
    }
}
