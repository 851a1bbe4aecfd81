//! The official consolidated report of a period, for DPI and leaders: a
//! form for the heading the decree asks for (issuing body, number, place,
//! date, title, recipients, signer), prefilled from the plan, which
//! downloads the .docx or its appendix workbook. Nothing is stored: the
//! report is drawn from the accepted reports each time.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use kehoach_export::official::{
    official_appendix_xlsx, official_report_docx, OfficialReport, ReportHeading,
};
use kehoach_store::plans::read::PlanSummary;
use kehoach_store::reporting::setup::Period;
use serde::Deserialize;

use super::{download, render, Chrome, DOCX, XLSX};
use crate::auth::Viewer;
use crate::error::{AppError, ErrorKind, PageResult};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/periods/{id}/report", get(report_form))
        .route("/periods/{id}/report.docx", get(report_docx))
        .route("/periods/{id}/report-appendix.xlsx", get(appendix_xlsx))
}

/// The heading as the form sends it (every field optional: defaults fill in).
#[derive(Debug, Default, Deserialize)]
pub struct HeadingForm {
    parent_body: Option<String>,
    issuing_body: Option<String>,
    number: Option<String>,
    place: Option<String>,
    date: Option<String>,
    title: Option<String>,
    recipients: Option<String>,
    signer_title: Option<String>,
    signer_name: Option<String>,
}

/// The province's name in the plan's issuer ("UBND tỉnh Bến Tre" → "Bến
/// Tre"; "UBND thành phố Hải Phòng" → "Hải Phòng"); empty when not found.
fn province(plan: &PlanSummary) -> String {
    let issuer = plan.issuer.clone().unwrap_or_default();
    let words: Vec<&str> = issuer.split_whitespace().collect();
    let folded: Vec<String> = words.iter().map(|w| kehoach_vi::fold(w)).collect();
    let start = folded
        .iter()
        .position(|w| w == "tinh")
        .map(|i| i + 1)
        .or_else(|| {
            folded
                .windows(2)
                .position(|w| w[0] == "thanh" && w[1] == "pho")
                .map(|i| i + 2)
        });
    start
        .and_then(|i| words.get(i..))
        .map(|rest| rest.join(" "))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(issuer: &str) -> PlanSummary {
        PlanSummary {
            id: 1,
            title: String::new(),
            published: 1,
            version_id: 1,
            version: 1,
            document_id: 1,
            kind: None,
            number: None,
            issued_on: None,
            issuer: Some(issuer.into()),
            file_name: String::new(),
            goals: 0,
            targets: 0,
            tasks: 0,
            indicators: 0,
        }
    }

    #[test]
    fn the_province_comes_from_the_issuer() {
        assert_eq!(province(&plan("UBND tỉnh Bến Tre")), "Bến Tre");
        assert_eq!(
            province(&plan("Ủy ban nhân dân thành phố Hải Phòng")),
            "Hải Phòng"
        );
        assert_eq!(province(&plan("UBND TỈNH KIÊN GIANG")), "KIÊN GIANG");
        assert_eq!(province(&plan("Bộ Kế hoạch và Đầu tư")), "");
    }
}

/// What the form shows first: the plan's issuer above the Department of
/// Finance (DPI's successor since 2025), today's date, a title naming the
/// period, the usual recipients.
fn defaults(plan: &PlanSummary, period: &Period) -> ReportHeading {
    let place = province(plan);
    ReportHeading {
        parent_body: plan
            .issuer
            .clone()
            .map(|i| i.to_uppercase())
            .unwrap_or_default(),
        issuing_body: "SỞ TÀI CHÍNH".into(),
        number: "   /BC-STC".into(),
        date: kehoach_store::reporting::local_date(kehoach_store::clock::now()),
        title: format!(
            "Kết quả thực hiện {} - {}",
            plan.number
                .as_deref()
                .map_or("kế hoạch".to_string(), |n| format!("Kế hoạch số {n}")),
            period.label.to_lowercase()
        ),
        recipients: vec![
            format!("UBND tỉnh {place};"),
            "Bộ Tài chính;".into(),
            "Lưu: VT, KHTH.".into(),
        ],
        signer_title: "GIÁM ĐỐC".into(),
        signer_name: String::new(),
        place,
    }
}

fn apply(form: HeadingForm, mut h: ReportHeading) -> ReportHeading {
    let take = |v: Option<String>, d: &mut String| {
        if let Some(v) = v {
            *d = v.trim().to_string();
        }
    };
    take(form.parent_body, &mut h.parent_body);
    take(form.issuing_body, &mut h.issuing_body);
    take(form.number, &mut h.number);
    take(form.place, &mut h.place);
    take(form.date, &mut h.date);
    take(form.title, &mut h.title);
    take(form.signer_title, &mut h.signer_title);
    take(form.signer_name, &mut h.signer_name);
    if let Some(r) = form.recipients {
        h.recipients = r
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
    }
    h
}

#[derive(Template)]
#[template(path = "official_report.html")]
struct ReportForm {
    chrome: Chrome,
    period: Period,
    plan: PlanSummary,
    heading: ReportHeading,
}

impl ReportForm {
    fn recipients(&self) -> String {
        self.heading.recipients.join("\n")
    }
}

async fn report_form(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> PageResult {
    let principal = viewer.principal()?;
    // Reading the consolidation is the right this needs (DPI, leaders).
    let consolidation = state.store.consolidation(&principal, id).await?;
    let plan = state
        .store
        .plan_summary(consolidation.period.plan_id, None)
        .await?;
    let heading = defaults(&plan, &consolidation.period);
    let page = ReportForm {
        chrome: Chrome::new(&viewer),
        period: consolidation.period,
        plan,
        heading,
    };
    Ok(render(&page)?.into_response())
}

enum Output {
    Docx,
    Xlsx,
}

async fn build(
    viewer: &Viewer,
    state: &AppState,
    id: i64,
    form: HeadingForm,
    output: Output,
) -> Result<Response, AppError> {
    let principal = viewer.principal()?;
    let consolidation = state.store.consolidation(&principal, id).await?;
    let plan = state
        .store
        .plan_summary(consolidation.period.plan_id, None)
        .await?;
    let texts = state.store.period_task_texts(&principal, id).await?;
    let names: HashMap<i64, String> = state.store.agency_choices().await?.into_iter().collect();
    let heading = apply(form, defaults(&plan, &consolidation.period));
    let report = OfficialReport {
        heading: &heading,
        plan: &plan,
        consolidation: &consolidation,
        texts: &texts,
        agency_names: &names,
    };
    let (bytes, kind, file) = match output {
        Output::Docx => (
            official_report_docx(&report),
            DOCX,
            format!("bao-cao-ky-{id}.docx"),
        ),
        Output::Xlsx => (
            official_appendix_xlsx(&report),
            XLSX,
            format!("phu-luc-bao-cao-ky-{id}.xlsx"),
        ),
    };
    let bytes = bytes.map_err(|err| {
        tracing::error!(error = %err, period = id, "official report failed");
        AppError::new(ErrorKind::Internal)
    })?;
    Ok(download(bytes, kind, &file))
}

async fn report_docx(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(form): Query<HeadingForm>,
) -> PageResult {
    build(&viewer, &state, id, form, Output::Docx).await
}

async fn appendix_xlsx(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(form): Query<HeadingForm>,
) -> PageResult {
    build(&viewer, &state, id, form, Output::Xlsx).await
}
