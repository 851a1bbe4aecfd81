//! GET /periods/{id}: the period a reminder e-mail links to. Reporters find
//! their report and contributions; DPI and leaders see who has reported.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::IntoResponse;
use kehoach_store::plans::read::PlanSummary;
use kehoach_store::reporting::compliance::{ComplianceRow, Standing};
use kehoach_store::reporting::review_queries::ReportLink;
use kehoach_store::reporting::setup::Period;
use kehoach_store::Role;
use serde::Deserialize;

use super::{percent, period_state_key, report_state_key, standing_class, standing_key};
use crate::auth::Viewer;
use crate::error::PageResult;
use crate::pages::{render, Chrome};
use crate::state::AppState;

/// What the last reminder click did, carried by the redirect.
#[derive(Deserialize, Default)]
pub struct Banner {
    reminded: Option<usize>,
    mailed: Option<usize>,
    mail_failed: Option<usize>,
}

pub struct ComplianceLine {
    pub agency_id: i64,
    pub agency_name: String,
    pub state_key: &'static str,
    pub standing_key: &'static str,
    pub standing_class: &'static str,
    pub percent: i64,
    pub filled: usize,
    pub tasks: usize,
    pub submitted_at: Option<i64>,
    pub last_reminder_at: Option<i64>,
    pub report_id: Option<i64>,
    /// Missing or returned: DPI may remind it.
    pub owes: bool,
}

#[derive(Default)]
pub struct Counts {
    pub agencies: usize,
    pub on_time: usize,
    pub late: usize,
    pub missing: usize,
    pub returned: usize,
}

#[derive(Template)]
#[template(path = "period.html")]
struct PeriodPage {
    chrome: Chrome,
    period: Period,
    plan: PlanSummary,
    is_reporter: bool,
    /// DPI and leaders: every agency's line, links to reviews.
    reads_all: bool,
    can_remind: bool,
    lines: Vec<ComplianceLine>,
    counts: Counts,
    banner: Banner,
    /// When DPI published the period's results (Vietnam's date), if it did.
    published_on: Option<String>,
}

impl PeriodPage {
    fn state_key(&self) -> &'static str {
        period_state_key(&self.period.state)
    }
}

pub async fn period_page(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(banner): Query<Banner>,
) -> PageResult {
    let principal = viewer.principal()?;
    let period = state.store.period(&principal, id).await?;
    let plan = state.store.plan_summary(period.plan_id, None).await?;
    let rows = state.store.compliance(&principal, id).await?;
    let reports = state.store.period_reports(&principal, id).await?;
    let counts = count(&rows);
    let published_on = state
        .store
        .period_published_at(id)
        .await?
        .map(kehoach_store::reporting::local_date);
    let lines = rows
        .into_iter()
        .map(|row| {
            let report = reports.get(&row.agency_id);
            line(row, report)
        })
        .collect::<Vec<_>>();
    let page = PeriodPage {
        chrome: Chrome::new(&viewer),
        is_reporter: viewer.role() == Some(Role::Reporter),
        reads_all: viewer.reads_everything(),
        can_remind: viewer.can_manage_plans(),
        period,
        plan,
        lines,
        counts,
        banner,
        published_on,
    };
    Ok(render(&page)?.into_response())
}

fn count(rows: &[ComplianceRow]) -> Counts {
    let mut counts = Counts {
        agencies: rows.len(),
        ..Counts::default()
    };
    for row in rows {
        match row.standing {
            Standing::OnTime => counts.on_time += 1,
            Standing::Late => counts.late += 1,
            Standing::Missing => counts.missing += 1,
            Standing::Returned => counts.returned += 1,
        }
    }
    counts
}

fn line(row: ComplianceRow, report: Option<&ReportLink>) -> ComplianceLine {
    ComplianceLine {
        state_key: report_state_key(row.state.as_deref()),
        standing_key: standing_key(row.standing),
        standing_class: standing_class(row.standing),
        percent: percent(row.completeness),
        owes: matches!(row.standing, Standing::Missing | Standing::Returned),
        submitted_at: report.and_then(|r| r.submitted_at),
        report_id: report.map(|r| r.id),
        agency_id: row.agency_id,
        agency_name: row.agency_name,
        filled: row.filled,
        tasks: row.tasks,
        last_reminder_at: row.last_reminder_at,
    }
}
