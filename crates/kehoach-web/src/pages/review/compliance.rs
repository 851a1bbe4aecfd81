//! Compliance year on year: for a plan, each agency's standing tallied per
//! year; for one agency, its standing in every period, by year. The store
//! shows a reporter its own agency only.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use askama::Template;
use axum::extract::{Path, State};
use axum::response::IntoResponse;
use kehoach_store::plans::read::PlanSummary;
use kehoach_store::reporting::compliance::{ComplianceRow, Standing};
use kehoach_store::reporting::setup::Period;

use super::{percent, standing_class, standing_key};
use crate::auth::Viewer;
use crate::charts::{compliance_chart, YearStandings};
use crate::error::PageResult;
use crate::pages::{render, Chrome};
use crate::state::AppState;

/// How an agency reported over one year's periods.
#[derive(Default, Clone)]
pub struct Tally {
    pub periods: usize,
    pub on_time: usize,
    pub late: usize,
    pub missing: usize,
    pub returned: usize,
}

impl Tally {
    fn add(&mut self, standing: Standing) {
        self.periods += 1;
        match standing {
            Standing::OnTime => self.on_time += 1,
            Standing::Late => self.late += 1,
            Standing::Missing => self.missing += 1,
            Standing::Returned => self.returned += 1,
        }
    }
}

pub struct AgencyYears {
    pub agency_id: i64,
    pub name: String,
    /// One per year of the page, in the page's year order (None: no period).
    pub years: Vec<Option<Tally>>,
}

#[derive(Template)]
#[template(path = "compliance_plan.html")]
struct PlanCompliancePage {
    chrome: Chrome,
    plan: PlanSummary,
    years: Vec<i64>,
    agencies: Vec<AgencyYears>,
    /// Every agency's standings, year by year (SVG made and escaped by `charts`).
    chart: Option<String>,
}

/// Standings of all agencies added up per year, drawn as stacked bars.
fn year_chart(rows: &[(i64, ComplianceRow)], years: &[i64], viewer: &Viewer) -> Option<String> {
    let totals: Vec<YearStandings> = years
        .iter()
        .map(|&year| {
            let mut counts = [0usize; 4];
            for (_, row) in rows.iter().filter(|(y, _)| *y == year) {
                let slot = match row.standing {
                    Standing::OnTime => 0,
                    Standing::Late => 1,
                    Standing::Returned => 2,
                    Standing::Missing => 3,
                };
                if let Some(c) = counts.get_mut(slot) {
                    *c += 1;
                }
            }
            YearStandings { year, counts }
        })
        .collect();
    let t = |k| viewer.tr.t(k);
    compliance_chart(
        &totals,
        [
            t("review.standing.on_time"),
            t("review.standing.late"),
            t("review.standing.returned"),
            t("review.standing.missing"),
        ],
        t("review.compliance_years"),
        viewer.tr.lang,
    )
}

pub async fn plan_compliance(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(plan_id): Path<i64>,
) -> PageResult {
    let principal = viewer.principal()?;
    let periods = state.store.periods_of_plan(&principal, plan_id).await?;
    let plan = state.store.plan_summary(plan_id, None).await?;
    let mut rows: Vec<(i64, ComplianceRow)> = Vec::new();
    for period in &periods {
        for row in state.store.compliance(&principal, period.id).await? {
            rows.push((period.year, row));
        }
    }
    let years: Vec<i64> = rows
        .iter()
        .map(|(y, _)| *y)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let chart = year_chart(&rows, &years, &viewer);
    let page = PlanCompliancePage {
        chrome: Chrome::new(&viewer),
        chart,
        agencies: by_agency(rows, &years),
        years,
        plan,
    };
    Ok(render(&page)?.into_response())
}

fn by_agency(rows: Vec<(i64, ComplianceRow)>, years: &[i64]) -> Vec<AgencyYears> {
    let mut tallies: BTreeMap<i64, (String, BTreeMap<i64, Tally>)> = BTreeMap::new();
    for (year, row) in rows {
        let (_, by_year) = tallies
            .entry(row.agency_id)
            .or_insert_with(|| (row.agency_name.clone(), BTreeMap::new()));
        by_year.entry(year).or_default().add(row.standing);
    }
    let mut out: Vec<AgencyYears> = tallies
        .into_iter()
        .map(|(agency_id, (name, by_year))| AgencyYears {
            agency_id,
            name,
            years: years.iter().map(|y| by_year.get(y).cloned()).collect(),
        })
        .collect();
    kehoach_vi::sort_vietnamese(&mut out, |a| a.name.as_str());
    out
}

/// One period of the agency's history.
pub struct PeriodLine {
    pub year: i64,
    pub plan_id: i64,
    pub plan_title: String,
    pub period_id: i64,
    pub period_label: String,
    pub standing_key: &'static str,
    pub standing_class: &'static str,
    pub percent: i64,
}

pub struct YearBlock {
    pub year: i64,
    pub tally: Tally,
    pub lines: Vec<PeriodLine>,
}

#[derive(Template)]
#[template(path = "compliance_agency.html")]
struct AgencyCompliancePage {
    chrome: Chrome,
    agency_id: i64,
    agency_name: String,
    years: Vec<YearBlock>,
}

pub async fn agency_compliance(
    viewer: Viewer,
    State(state): State<AppState>,
    Path(agency_id): Path<i64>,
) -> PageResult {
    let principal = viewer.principal()?;
    let rows = state
        .store
        .compliance_by_year(&principal, agency_id)
        .await?;
    let mut periods: HashMap<i64, Period> = HashMap::new();
    let mut plans: HashMap<i64, String> = HashMap::new();
    for row in &rows {
        if periods.contains_key(&row.period_id) {
            continue;
        }
        let period = state.store.period(&principal, row.period_id).await?;
        if let std::collections::hash_map::Entry::Vacant(slot) = plans.entry(period.plan_id) {
            slot.insert(state.store.plan_summary(period.plan_id, None).await?.title);
        }
        periods.insert(row.period_id, period);
    }
    let agency_name = state
        .store
        .agency_directory()
        .await?
        .name(agency_id)
        .to_string();
    let mut years: Vec<YearBlock> = Vec::new();
    for row in rows {
        let Some(period) = periods.get(&row.period_id) else {
            continue;
        };
        let line = PeriodLine {
            year: period.year,
            plan_id: period.plan_id,
            plan_title: plans.get(&period.plan_id).cloned().unwrap_or_default(),
            period_id: period.id,
            period_label: row.period_label,
            standing_key: standing_key(row.standing),
            standing_class: standing_class(row.standing),
            percent: percent(row.completeness),
        };
        // The store lists oldest first, so a year's periods are consecutive.
        match years.last_mut() {
            Some(block) if block.year == line.year => {
                block.tally.add(row.standing);
                block.lines.push(line);
            }
            _ => {
                let mut tally = Tally::default();
                tally.add(row.standing);
                years.push(YearBlock {
                    year: line.year,
                    tally,
                    lines: vec![line],
                });
            }
        }
    }
    let page = AgencyCompliancePage {
        chrome: Chrome::new(&viewer),
        agency_id,
        agency_name,
        years,
    };
    Ok(render(&page)?.into_response())
}
