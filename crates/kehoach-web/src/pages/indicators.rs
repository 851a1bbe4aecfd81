//! An indicator's page and its open data: the series (the plan's baseline
//! and targets, the values agencies reported, for whoever may read them),
//! and the files statisticians take away: Open SDG data CSV and metadata,
//! and the plan's indicators as SDMX-CSV.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use kehoach_export::open_data::{
    open_sdg_csv, open_sdg_metadata, open_sdg_slug, sdmx_csv, IndicatorMeta, SdmxArea,
};
use kehoach_progress::opensdg::SeriesAssessment;
use kehoach_store::plans::read::PlanSummary;
use kehoach_store::reporting::series::{Point, Series};
use kehoach_store::reporting::Principal;

use super::{download, render, Chrome, CSV};
use crate::auth::Viewer;
use crate::charts::{series_chart, ChartText};
use crate::error::{AppError, ErrorKind, PageResult};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/indicators/{id}", get(indicator_page))
        .route("/indicators/{id}/open-sdg.csv", get(open_sdg_data))
        .route("/indicators/{id}/open-sdg.yml", get(open_sdg_meta))
        .route("/plans/{id}/sdmx.csv", get(plan_sdmx))
}

/// Who reads: a signed-in user as such; the public as the public (the
/// store shows it published plans' printed values only).
fn reader(viewer: &Viewer) -> Principal {
    viewer.principal().unwrap_or_else(|_| Principal::public())
}

#[derive(Template)]
#[template(path = "indicator.html")]
struct IndicatorPage {
    chrome: Chrome,
    plan: PlanSummary,
    series: Series,
    /// The series drawn (SVG markup made and escaped by `charts`).
    chart: Option<String>,
    /// Progress towards the plan's furthest target, with its explanation.
    assessment: Option<SeriesAssessment>,
}

impl IndicatorPage {
    fn source_key(&self, point: &Point) -> &'static str {
        match point.source.as_str() {
            "plan" => "indicator.source.plan",
            "estimate" => "indicator.source.estimate",
            "preliminary" => "indicator.source.preliminary",
            _ => "indicator.source.official",
        }
    }

    fn plang(&self) -> kehoach_progress::Lang {
        crate::progress::lang(self.chrome.tr.lang)
    }

    fn status_label(&self, a: &SeriesAssessment) -> &'static str {
        a.status.label(self.plang())
    }

    fn status_class(&self, a: &SeriesAssessment) -> &'static str {
        crate::progress::status_class(a.status)
    }

    fn method_label(&self, a: &SeriesAssessment) -> &'static str {
        a.explanation.method.label(self.plang())
    }

    fn rule_label(&self, a: &SeriesAssessment) -> &'static str {
        a.explanation.rule.label(self.plang())
    }

    fn direction_label(&self, a: &SeriesAssessment) -> &'static str {
        a.explanation
            .direction
            .map_or("", |d| d.label(self.plang()))
    }

    fn point_text(&self, p: &Option<kehoach_progress::Point>) -> String {
        p.map_or("—".into(), |p| {
            format!("{}: {}", p.year, self.chrome.tr.number(p.value))
        })
    }

    /// The figures computed, each "label: value" (rates as percentages).
    fn figures(&self, a: &SeriesAssessment) -> Vec<String> {
        a.explanation
            .figures
            .iter()
            .map(|f| {
                format!(
                    "{}: {}",
                    f.name.label(self.plang()),
                    kehoach_vi::format_number(f.value, 4, self.chrome.tr.lang)
                )
            })
            .collect()
    }

    fn thresholds(&self, a: &SeriesAssessment) -> Vec<String> {
        a.explanation
            .thresholds
            .iter()
            .map(|t| {
                let status = kehoach_progress::opensdg::ProgressStatus::ALL
                    .iter()
                    .find(|s| s.code() == t.status)
                    .map_or(t.status.as_str(), |s| s.label(self.plang()));
                format!(
                    "≥ {} → {status}",
                    kehoach_vi::format_number(t.at_least, 4, self.chrome.tr.lang),
                )
            })
            .collect()
    }

    fn warnings(&self, a: &SeriesAssessment) -> Vec<&'static str> {
        a.explanation
            .warnings
            .iter()
            .map(|w| w.code.label(self.plang()))
            .collect()
    }

    fn comparator<'a>(&self, point: &'a Point) -> &'a str {
        point
            .comparator
            .as_deref()
            .filter(|c| *c != "=")
            .unwrap_or("")
    }
}

async fn visible_series(
    viewer: &Viewer,
    state: &AppState,
    id: i64,
) -> Result<(Series, PlanSummary), AppError> {
    let series = state.store.indicator_series(&reader(viewer), id).await?;
    let plan = state.store.plan_summary(series.plan_id, None).await?;
    Ok((series, plan))
}

async fn indicator_page(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> PageResult {
    let (series, plan) = visible_series(&viewer, &state, id).await?;
    let text = ChartText {
        title: &series.name,
        observed: viewer.tr.t("indicator.observed"),
        target: viewer.tr.t("indicator.target"),
    };
    let chart = series_chart(&series, &text, viewer.tr.lang);
    let assessment = crate::progress::assess(&series);
    let page = IndicatorPage {
        chrome: Chrome::new(&viewer),
        plan,
        series,
        chart,
        assessment,
    };
    Ok(render(&page)?.into_response())
}

fn export_failed(err: csv::Error) -> AppError {
    tracing::error!(error = %err, "open data export failed");
    AppError::new(ErrorKind::Internal)
}

async fn open_sdg_data(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> PageResult {
    let (series, _) = visible_series(&viewer, &state, id).await?;
    let bytes = open_sdg_csv(&series).map_err(export_failed)?;
    let file = format!("indicator_{}.csv", open_sdg_slug(&series));
    Ok(download(bytes, CSV, &file))
}

async fn open_sdg_meta(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> PageResult {
    let (series, plan) = visible_series(&viewer, &state, id).await?;
    let goal = series
        .target_code
        .as_deref()
        .and_then(|t| t.split('.').next())
        .map(str::to_string);
    let url = format!("/plans/{}#indicator-{}", plan.id, series.indicator_id);
    let meta = IndicatorMeta {
        goal: goal.as_deref(),
        target_text: None,
        publisher: plan.issuer.as_deref().unwrap_or(""),
        source: &plan.title,
        url: &url,
    };
    let text = open_sdg_metadata(&series, &meta);
    let file = format!("{}.yml", open_sdg_slug(&series));
    Ok(download(
        text.into_bytes(),
        "application/yaml; charset=utf-8",
        &file,
    ))
}

async fn plan_sdmx(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(plan_id): Path<i64>,
) -> PageResult {
    let principal = reader(&viewer);
    let plan = state.store.plan_summary(plan_id, None).await?;
    if principal.role.is_none() && plan.published == 0 {
        return Err(AppError::new(ErrorKind::NotFound));
    }
    let tree = state.store.plan_tree(plan_id, None).await?;
    let mut all = Vec::with_capacity(tree.indicators.len());
    for indicator in &tree.indicators {
        all.push(
            state
                .store
                .indicator_series(&principal, indicator.id)
                .await?,
        );
    }
    let dataflow = format!("KEHOACH:DF_PLAN_{plan_id}(1.0)");
    let prefix = format!("P{plan_id}");
    let area = SdmxArea {
        dataflow: &dataflow,
        ref_area: "VN",
        series_prefix: &prefix,
    };
    let bytes = sdmx_csv(&all, &area).map_err(export_failed)?;
    Ok(download(bytes, CSV, &format!("sdmx-plan-{plan_id}.csv")))
}
