//! Recording the values of the indicators an agency reports: each filled
//! field becomes one new revision (earlier ones are kept as history).

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use kehoach_store::reporting::indicators::NewIndicatorValue;
use kehoach_store::reporting::IndicatorStatus;
use serde::Deserialize;

use crate::auth::csrf::{CsrfForm, HasCsrf};
use crate::error::{AppError, PageResult};
use crate::state::AppState;

/// `csrf`, then `value-{indicator}` and `status-{indicator}` per indicator.
#[derive(Deserialize)]
pub struct ValuesForm {
    #[serde(default)]
    csrf: String,
    #[serde(flatten)]
    fields: BTreeMap<String, String>,
}

impl HasCsrf for ValuesForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// The filled value fields: (indicator id, value as typed, status).
fn typed_values(form: &ValuesForm) -> Result<Vec<(i64, &str, IndicatorStatus)>, AppError> {
    let mut out = Vec::new();
    for (key, text) in &form.fields {
        let Some(id) = key.strip_prefix("value-") else {
            continue;
        };
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let id: i64 = id
            .parse()
            .map_err(|_| AppError::bad_request(format!("unknown field \"{key}\"")))?;
        let status = form
            .fields
            .get(&format!("status-{id}"))
            .map_or(Some(IndicatorStatus::Estimate), |s| {
                IndicatorStatus::parse(s)
            })
            .ok_or_else(|| AppError::bad_request("unknown value status"))?;
        out.push((id, text, status));
    }
    Ok(out)
}

pub async fn record(
    State(state): State<AppState>,
    Path(rid): Path<i64>,
    CsrfForm { viewer, form }: CsrfForm<ValuesForm>,
) -> PageResult {
    let principal = viewer.principal()?;
    let report = state.store.report(&principal, rid).await?;
    let period = state.store.period(&principal, report.row.period_id).await?;
    for (indicator_id, text, status) in typed_values(&form)? {
        let new = NewIndicatorValue {
            period_id: period.id,
            indicator_id,
            agency_id: report.row.agency_id,
            year: period.year,
            // Values are also words ("đạt", "trên 95%"): kept as typed, with the number when there is one.
            value: kehoach_vi::parse_number(text),
            text,
            status,
        };
        state.store.record_indicator_value(&principal, &new).await?;
    }
    Ok(Redirect::to(&format!("/reports/{rid}#indicators")).into_response())
}
