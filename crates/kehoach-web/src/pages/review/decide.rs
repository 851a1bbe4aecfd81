//! DPI's review of one agency's report: every entry read-only with the
//! coordinating agencies' contributions and a comment box; return with
//! comments, accept (locks it), unlock with a reason (audited by the store).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use kehoach_store::reporting::contributions::Contribution;
use kehoach_store::reporting::entries::Entry;
use kehoach_store::reporting::reports::ReportRow;
use kehoach_store::reporting::review_queries::TaskText;
use kehoach_store::reporting::setup::Period;
use kehoach_store::reporting::FundSource;
use serde::Deserialize;

use super::{entry_status_key, report_state_key};
use crate::auth::csrf::{CsrfForm, HasCsrf, TokenOnly};
use crate::auth::Viewer;
use crate::error::{AppError, PageResult};
use crate::pages::{render, Chrome};
use crate::state::AppState;

pub struct ReviewItem {
    pub entry: Entry,
    pub task: Option<TaskText>,
    pub status_key: &'static str,
    /// (source label, amount formatted).
    pub funds: Vec<(&'static str, String)>,
    /// (agency name, contribution).
    pub contributions: Vec<(String, Contribution)>,
}

#[derive(Template)]
#[template(path = "review.html")]
struct ReviewPage {
    chrome: Chrome,
    report: ReportRow,
    period: Period,
    plan_title: String,
    agency_name: String,
    items: Vec<ReviewItem>,
    /// DPI (and administrators); leaders read only.
    can_act: bool,
}

impl ReviewPage {
    fn state_key(&self) -> &'static str {
        report_state_key(Some(&self.report.state))
    }

    fn is(&self, state: &str) -> bool {
        self.report.state == state
    }
}

/// Reviewing is for whoever reads every agency's report (DPI, leaders);
/// an agency's reporter reads its own report at /reports/{rid} instead.
pub async fn review_page(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(rid): Path<i64>,
) -> PageResult {
    let principal = viewer.principal()?;
    if !viewer.reads_everything() {
        return Err(AppError::forbidden());
    }
    let report = state.store.report(&principal, rid).await?;
    let period = state.store.period(&principal, report.row.period_id).await?;
    let plan = state.store.plan_summary(period.plan_id, None).await?;
    let tasks: HashMap<i64, TaskText> = state
        .store
        .report_task_texts(&principal, rid)
        .await?
        .into_iter()
        .map(|t| (t.id, t))
        .collect();
    let names: HashMap<i64, String> = state.store.agency_choices().await?.into_iter().collect();
    let mut items = Vec::with_capacity(report.entries.len());
    for entry in report.entries {
        let contributions = state
            .store
            .contributions_for(&principal, period.id, entry.row.task_id)
            .await?
            .into_iter()
            .map(|c| (names.get(&c.agency_id).cloned().unwrap_or_default(), c))
            .collect();
        items.push(ReviewItem {
            task: tasks.get(&entry.row.task_id).cloned(),
            status_key: entry_status_key(entry.row.status.as_deref()),
            funds: entry
                .funds
                .iter()
                .map(|(source, amount)| {
                    (
                        FundSource::parse(source).map_or("", |s| s.label(viewer.tr.lang)),
                        viewer.tr.number(*amount),
                    )
                })
                .collect(),
            contributions,
            entry,
        });
    }
    let page = ReviewPage {
        chrome: Chrome::new(&viewer),
        agency_name: names
            .get(&report.row.agency_id)
            .cloned()
            .unwrap_or_default(),
        can_act: viewer.can_manage_plans(),
        report: report.row,
        plan_title: plan.title,
        period,
        items,
    };
    Ok(render(&page)?.into_response())
}

/// The return form: the token and one `comment_<entry id>` per entry.
#[derive(Deserialize)]
pub struct ReturnForm {
    csrf: String,
    #[serde(flatten)]
    fields: HashMap<String, String>,
}

impl HasCsrf for ReturnForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

impl ReturnForm {
    /// The non-empty comments, by entry id, in entry id order.
    fn comments(&self) -> Vec<(i64, String)> {
        let mut out: Vec<(i64, String)> = self
            .fields
            .iter()
            .filter_map(|(name, value)| {
                let entry = name.strip_prefix("comment_")?.parse::<i64>().ok()?;
                let comment = value.trim();
                (!comment.is_empty()).then(|| (entry, comment.to_string()))
            })
            .collect();
        out.sort_by_key(|(entry, _)| *entry);
        out
    }
}

pub async fn return_report(
    State(state): State<AppState>,
    Path(rid): Path<i64>,
    CsrfForm { viewer, form }: CsrfForm<ReturnForm>,
) -> PageResult {
    let principal = viewer.principal()?;
    // The store checks the right again; this only orders the refusals so
    // that a reporter hears "forbidden" before "comment missing".
    viewer.require_plan_manager()?;
    let comments = form.comments();
    if comments.is_empty() {
        return Err(AppError::bad_request(
            "a returned report needs a comment on at least one entry",
        ));
    }
    state
        .store
        .return_report(&principal, rid, &comments)
        .await?;
    Ok(back_to_review(rid))
}

pub async fn accept(
    State(state): State<AppState>,
    Path(rid): Path<i64>,
    CsrfForm { viewer, .. }: CsrfForm<TokenOnly>,
) -> PageResult {
    let principal = viewer.principal()?;
    state.store.accept_report(&principal, rid).await?;
    Ok(back_to_review(rid))
}

#[derive(Deserialize)]
pub struct UnlockForm {
    csrf: String,
    #[serde(default)]
    reason: String,
}

impl HasCsrf for UnlockForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// The store refuses an empty reason (400) and keeps the reason in the audit log.
pub async fn unlock(
    State(state): State<AppState>,
    Path(rid): Path<i64>,
    CsrfForm { viewer, form }: CsrfForm<UnlockForm>,
) -> PageResult {
    let principal = viewer.principal()?;
    state
        .store
        .unlock_report(&principal, rid, &form.reason)
        .await?;
    Ok(back_to_review(rid))
}

fn back_to_review(rid: i64) -> axum::response::Response {
    Redirect::to(&format!("/reports/{rid}/review")).into_response()
}
