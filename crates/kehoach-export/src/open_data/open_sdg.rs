//! Open SDG's data and metadata for one indicator. The data file is a CSV
//! with a `Year` column first and `Value` last; between them `Units` and
//! `Series` when given, then disaggregation columns (none yet: the plans
//! give totals only); rows with every disaggregation empty are the
//! headline. Metadata are YAML; every value is written as a double-quoted
//! scalar (JSON's string syntax, which YAML reads unchanged), so no text
//! from a plan can break the file.

use kehoach_store::reporting::series::Series;
use serde_json::Value;

use super::plain;

/// What the metadata say beyond the series itself.
#[derive(Debug, Clone)]
pub struct IndicatorMeta<'a> {
    /// The goal the indicator belongs to ("2" for 2.1), when known.
    pub goal: Option<&'a str>,
    /// The target's statement as printed in the plan.
    pub target_text: Option<&'a str>,
    /// The organisation publishing the data ("Sở Tài chính tỉnh Kiên Giang").
    pub publisher: &'a str,
    /// The plan's title, the data's first source.
    pub source: &'a str,
    /// The page the data come from (the plan's page in kehoach).
    pub url: &'a str,
}

/// The file name stem Open SDG uses for an indicator: its code with dots
/// and spaces as dashes ("2.1" → "2-1", "1.1a" → "1-1a").
pub fn open_sdg_slug(series: &Series) -> String {
    let code = series
        .code
        .clone()
        .unwrap_or_else(|| series.indicator_id.to_string());
    code.trim()
        .chars()
        .map(|c| {
            if c == '.' || c.is_whitespace() {
                '-'
            } else {
                c
            }
        })
        .collect()
}

/// The data CSV: one row per observed year (a reported value replaces the
/// plan's printed one of the same year).
pub fn open_sdg_csv(series: &Series) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let units = series.unit.as_deref().unwrap_or("");
    out.write_record(["Year", "Units", "Value"])?;
    for point in series.observations() {
        out.write_record([
            point.year.to_string(),
            units.to_string(),
            plain(point.value),
        ])?;
    }
    out.into_inner().map_err(|e| e.into_error().into())
}

/// The metadata YAML: names, numbers, the goal and target, units, source,
/// and the plan's targets as Open SDG's target lines on the chart.
pub fn open_sdg_metadata(series: &Series, meta: &IndicatorMeta<'_>) -> String {
    let q = |s: &str| Value::String(s.to_string()).to_string();
    let code = series.code.clone().unwrap_or_default();
    let mut lines = vec![
        format!("indicator_number: {}", q(&code)),
        format!("indicator_name: {}", q(&series.name)),
        format!("graph_title: {}", q(&series.name)),
        "graph_type: \"line\"".to_string(),
        format!(
            "reporting_status: {}",
            q(if series.observations().is_empty() {
                "notstarted"
            } else {
                "complete"
            })
        ),
        "data_non_statistical: false".to_string(),
        "published: true".to_string(),
        format!(
            "computation_units: {}",
            q(series.unit.as_deref().unwrap_or(""))
        ),
        format!("source_active_1: true"),
        format!("source_organisation_1: {}", q(meta.publisher)),
        format!("source_title_1: {}", q(meta.source)),
        format!("source_url_1: {}", q(meta.url)),
    ];
    if let Some(goal) = meta.goal {
        lines.push(format!("sdg_goal: {}", q(goal)));
    }
    if let Some(target) = &series.target_code {
        lines.push(format!("target_id: {}", q(target)));
    }
    if let Some(text) = meta.target_text {
        lines.push(format!("target: {}", q(text)));
    }
    if !series.targets.is_empty() {
        lines.push("graph_target_lines:".to_string());
        for t in &series.targets {
            let label = format!(
                "{} {}{}",
                t.year,
                t.comparator.as_deref().filter(|c| *c != "=").unwrap_or(""),
                plain(t.value)
            );
            lines.push(format!("  - value: {}", plain(t.value)));
            lines.push(format!("    label: {}", q(&label)));
        }
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}
