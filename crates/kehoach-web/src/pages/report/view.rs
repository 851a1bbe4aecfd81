//! What the report templates show, gathered from the store.

use std::collections::HashMap;

use kehoach_store::reporting::agency_queries::{IndicatorBrief, TaskBrief};
use kehoach_store::reporting::contributions::Contribution;
use kehoach_store::reporting::entries::Entry;
use kehoach_store::reporting::indicators::IndicatorReport;
use kehoach_store::reporting::reports::Report;
use kehoach_store::reporting::setup::Period;
use kehoach_store::reporting::{local_date, FundSource, IndicatorStatus, Principal};
use kehoach_store::Store;

use crate::error::AppError;
use crate::i18n::Lang;

/// The entry form's fields, as stored or as typed (the conflict page).
#[derive(Debug, Clone, Default)]
pub struct EntryFormView {
    pub entry_id: i64,
    pub version: i64,
    pub status: String,
    pub results: String,
    pub difficulties: String,
    pub recommendations: String,
    pub evidence_number: String,
    pub evidence_date: String,
    pub evidence_file_id: Option<i64>,
    /// (source value, label, amount as typed or stored).
    pub funds: Vec<(&'static str, &'static str, String)>,
    /// The language of the labels.
    pub lang: Lang,
}

impl EntryFormView {
    pub fn from_entry(entry: &Entry, lang: Lang) -> EntryFormView {
        let row = &entry.row;
        EntryFormView {
            entry_id: row.id,
            version: row.version,
            status: row.status.clone().unwrap_or_default(),
            results: row.results.clone(),
            difficulties: row.difficulties.clone(),
            recommendations: row.recommendations.clone(),
            evidence_number: row.evidence_number.clone(),
            evidence_date: row.evidence_date.clone().unwrap_or_default(),
            evidence_file_id: row.evidence_file_id,
            funds: FundSource::ALL
                .iter()
                .map(|source| {
                    let amount = entry
                        .funds
                        .iter()
                        .find(|(s, _)| s == source.as_str())
                        .map(|(_, a)| plain_number(*a))
                        .unwrap_or_default();
                    (source.as_str(), source.label(lang), amount)
                })
                .collect(),
            lang,
        }
    }

    /// The status's label ("" when none chosen yet).
    pub fn status_label(&self) -> &'static str {
        kehoach_store::reporting::EntryStatus::parse(&self.status)
            .map_or("", |s| s.label(self.lang))
    }

    pub fn is_status(&self, value: &&str) -> bool {
        self.status == *value
    }
}

/// An amount the way the form gives it back (Vietnamese decimal comma, no
/// grouping), so that saving again reads the same number.
fn plain_number(amount: f64) -> String {
    let text = format!("{amount}");
    text.replace('.', ",")
}

pub struct ContributionView {
    pub agency: String,
    pub text: String,
    pub submitted: bool,
    pub saved: String,
}

pub struct EntryView {
    /// Where the task comes in the plan.
    pub order: usize,
    pub task: Option<TaskBrief>,
    pub form: EntryFormView,
    pub review_comment: String,
    pub saved_by: String,
    pub saved_at: String,
    pub contributions: Vec<ContributionView>,
}

pub async fn entries(
    store: &Store,
    principal: &Principal,
    report: &Report,
    names: &HashMap<i64, String>,
    lang: Lang,
) -> Result<Vec<EntryView>, AppError> {
    // Briefs come in plan order; entries follow it.
    let tasks: HashMap<i64, (usize, TaskBrief)> = store
        .report_tasks(principal, report.row.id)
        .await?
        .into_iter()
        .enumerate()
        .map(|(order, t)| (t.task_id, (order, t)))
        .collect();
    let agencies: HashMap<i64, String> = store.agency_choices().await?.into_iter().collect();
    let contributions = store.report_contributions(principal, report.row.id).await?;
    let mut out: Vec<EntryView> = report
        .entries
        .iter()
        .map(|entry| EntryView {
            order: tasks
                .get(&entry.row.task_id)
                .map_or(usize::MAX, |(o, _)| *o),
            task: tasks.get(&entry.row.task_id).map(|(_, t)| t.clone()),
            form: EntryFormView::from_entry(entry, lang),
            review_comment: entry.row.review_comment.clone(),
            saved_by: entry
                .row
                .updated_by
                .and_then(|id| names.get(&id).cloned())
                .unwrap_or_default(),
            saved_at: stamp(entry.row.updated_at, lang),
            contributions: contributions
                .iter()
                .filter(|c| c.task_id == entry.row.task_id)
                .map(|c| contribution_view(c, &agencies, lang))
                .collect(),
        })
        .collect();
    out.sort_by_key(|e| e.order);
    Ok(out)
}

fn contribution_view(
    c: &Contribution,
    agencies: &HashMap<i64, String>,
    lang: Lang,
) -> ContributionView {
    ContributionView {
        agency: agencies.get(&c.agency_id).cloned().unwrap_or_default(),
        text: c.text.clone(),
        submitted: c.submitted_at.is_some(),
        saved: stamp(c.updated_at, lang),
    }
}

pub struct RevisionView {
    pub year: i64,
    pub text: String,
    pub status_label: &'static str,
    pub revision: i64,
    pub recorded: String,
}

pub struct IndicatorView {
    pub indicator: IndicatorBrief,
    /// Newest first; the first is the current value.
    pub history: Vec<RevisionView>,
}

pub fn indicator_status_choices(lang: Lang) -> Vec<(&'static str, &'static str)> {
    IndicatorStatus::ALL
        .iter()
        .map(|s| (s.as_str(), s.label(lang)))
        .collect()
}

pub async fn indicators(
    store: &Store,
    principal: &Principal,
    period: &Period,
    agency_id: i64,
    lang: Lang,
) -> Result<Vec<IndicatorView>, AppError> {
    let mut out = Vec::new();
    for indicator in store
        .reported_indicators(principal, period.id, agency_id)
        .await?
    {
        let history = store
            .indicator_history(principal, period.id, indicator.id, agency_id)
            .await?
            .iter()
            .map(|r| revision_view(r, lang))
            .collect();
        out.push(IndicatorView { indicator, history });
    }
    Ok(out)
}

fn revision_view(r: &IndicatorReport, lang: Lang) -> RevisionView {
    RevisionView {
        year: r.year,
        text: r.text.clone(),
        status_label: IndicatorStatus::parse(&r.status).map_or("", |s| s.label(lang)),
        revision: r.revision,
        recorded: stamp(r.recorded_at, lang),
    }
}

/// A stored time as the date and time in Vietnam (dd/mm/yyyy HH:MM).
pub fn stamp(unix: i64, lang: Lang) -> String {
    let local = unix.saturating_add(7 * 3600);
    let minutes = local.rem_euclid(86_400) / 60;
    format!(
        "{} {:02}:{:02}",
        kehoach_vi::format_date(&local_date(unix), lang),
        minutes / 60,
        minutes % 60
    )
}
