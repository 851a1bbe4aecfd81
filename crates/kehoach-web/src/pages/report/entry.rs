//! Saving one entry, at the version read; when someone saved it since, the
//! conflict page shows both versions and lets the reporter save theirs on
//! top of the stored one.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use kehoach_store::reporting::entries::{Entry, EntryFields};
use kehoach_store::reporting::{Conflicting, EntryStatus, FundSource};
use kehoach_store::StoreError;
use serde::Deserialize;

use super::view::{stamp, EntryFormView};
use super::{render, status_choices, user_names, Chrome};
use crate::auth::csrf::{CsrfForm, HasCsrf};
use crate::error::{AppError, PageResult};
use crate::state::AppState;

/// The entry form as posted; amounts are typed the Vietnamese way.
#[derive(Debug, Deserialize)]
pub struct EntryForm {
    #[serde(default)]
    csrf: String,
    version: i64,
    #[serde(default)]
    status: String,
    #[serde(default)]
    results: String,
    #[serde(default)]
    difficulties: String,
    #[serde(default)]
    recommendations: String,
    #[serde(default)]
    evidence_number: String,
    #[serde(default)]
    evidence_date: String,
    #[serde(default)]
    evidence_file_id: String,
    #[serde(default, rename = "fund-state-budget")]
    fund_state_budget: String,
    #[serde(default, rename = "fund-oda")]
    fund_oda: String,
    #[serde(default, rename = "fund-ngo")]
    fund_ngo: String,
    #[serde(default, rename = "fund-fdi")]
    fund_fdi: String,
    #[serde(default, rename = "fund-enterprise")]
    fund_enterprise: String,
    #[serde(default, rename = "fund-other")]
    fund_other: String,
}

impl HasCsrf for EntryForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

impl EntryForm {
    fn fund_text(&self, source: FundSource) -> &str {
        match source {
            FundSource::StateBudget => &self.fund_state_budget,
            FundSource::Oda => &self.fund_oda,
            FundSource::Ngo => &self.fund_ngo,
            FundSource::Fdi => &self.fund_fdi,
            FundSource::Enterprise => &self.fund_enterprise,
            FundSource::Other => &self.fund_other,
        }
    }

    /// What the store saves; a field it cannot read is a 400 naming it.
    fn fields(&self) -> Result<EntryFields, AppError> {
        let status = match self.status.trim() {
            "" => None,
            s => Some(
                EntryStatus::parse(s)
                    .ok_or_else(|| AppError::bad_request(format!("unknown status \"{s}\"")))?,
            ),
        };
        let mut funds = Vec::new();
        for source in FundSource::ALL {
            let text = self.fund_text(*source).trim();
            if text.is_empty() {
                continue;
            }
            let amount = kehoach_vi::parse_number(text).ok_or_else(|| {
                AppError::bad_request(format!(
                    "\"{text}\" is not an amount ({})",
                    source.label_vi()
                ))
            })?;
            funds.push((*source, amount));
        }
        let evidence_file_id = match self.evidence_file_id.trim() {
            "" => None,
            id => Some(
                id.parse()
                    .map_err(|_| AppError::bad_request("evidence file id"))?,
            ),
        };
        Ok(EntryFields {
            status,
            results: self.results.clone(),
            difficulties: self.difficulties.clone(),
            recommendations: self.recommendations.clone(),
            evidence_number: self.evidence_number.trim().to_string(),
            evidence_date: Some(self.evidence_date.trim().to_string()).filter(|d| !d.is_empty()),
            evidence_file_id,
            funds,
        })
    }

    /// The form as typed, to be shown again (on top of `version`).
    fn as_typed(&self, entry_id: i64, version: i64, lang: crate::i18n::Lang) -> EntryFormView {
        EntryFormView {
            entry_id,
            version,
            status: self.status.clone(),
            results: self.results.clone(),
            difficulties: self.difficulties.clone(),
            recommendations: self.recommendations.clone(),
            evidence_number: self.evidence_number.clone(),
            evidence_date: self.evidence_date.clone(),
            evidence_file_id: self.evidence_file_id.trim().parse().ok(),
            funds: FundSource::ALL
                .iter()
                .map(|s| (s.as_str(), s.label(lang), self.fund_text(*s).to_string()))
                .collect(),
            lang,
        }
    }
}

pub async fn save(
    State(state): State<AppState>,
    Path(eid): Path<i64>,
    CsrfForm { viewer, form }: CsrfForm<EntryForm>,
) -> PageResult {
    let principal = viewer.principal()?;
    let fields = form.fields()?;
    match state
        .store
        .save_entry(&principal, eid, form.version, &fields)
        .await
    {
        Ok(entry) => Ok(Redirect::to(&format!(
            "/reports/{}#entry-{}",
            entry.row.report_id, entry.row.id
        ))
        .into_response()),
        Err(StoreError::Conflict { current }) => match *current {
            Conflicting::Entry(stored) => {
                let page = EntryConflictPage {
                    chrome: Chrome::new(&viewer),
                    report_id: stored.row.report_id,
                    yours: form.as_typed(eid, stored.row.version, viewer.tr.lang),
                    saved_by: saved_by(&state, &stored).await?,
                    saved_at: stamp(stored.row.updated_at, viewer.tr.lang),
                    stored: EntryFormView::from_entry(&stored, viewer.tr.lang),
                    statuses: status_choices(viewer.tr.lang),
                };
                Ok((StatusCode::CONFLICT, render(&page)?).into_response())
            }
            Conflicting::Contribution(_) => Err(AppError::new(crate::error::ErrorKind::Conflict)),
        },
        Err(other) => Err(other.into()),
    }
}

async fn saved_by(state: &AppState, stored: &Entry) -> Result<String, AppError> {
    let names = user_names(&state.store).await?;
    Ok(stored
        .row
        .updated_by
        .and_then(|id| names.get(&id).cloned())
        .unwrap_or_default())
}

#[derive(Template)]
#[template(path = "conflict.html")]
struct EntryConflictPage {
    chrome: Chrome,
    report_id: i64,
    /// As typed, carrying the stored version so that saving again wins.
    yours: EntryFormView,
    stored: EntryFormView,
    saved_by: String,
    saved_at: String,
    statuses: Vec<(&'static str, &'static str)>,
}
