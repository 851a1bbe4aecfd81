//! SDMX-CSV (version 1 of the format: a header of concept ids, the
//! dataflow first, one observation per row) with the dimensions and main
//! attributes of the SDG data structure definition. The plans give totals
//! only, so every breakdown dimension is `_T` (total); the series code is
//! the province's own (no global SDG series code is claimed for a local
//! indicator).

use kehoach_store::reporting::series::Series;

use super::{obs_status, plain, unit_code};

/// The columns, in order: dataflow, the SDG DSD's dimensions, the
/// observation value, then its attributes.
pub const SDMX_COLUMNS: [&str; 23] = [
    "DATAFLOW",
    "FREQ",
    "REPORTING_TYPE",
    "SERIES",
    "REF_AREA",
    "SEX",
    "AGE",
    "URBANISATION",
    "INCOME_WEALTH_QUANTILE",
    "EDUCATION_LEV",
    "OCCUPATION",
    "CUST_BREAKDOWN",
    "COMPOSITE_BREAKDOWN",
    "DISABILITY_STATUS",
    "ACTIVITY",
    "PRODUCT",
    "TIME_PERIOD",
    "OBS_VALUE",
    "UNIT_MEASURE",
    "UNIT_MULT",
    "OBS_STATUS",
    "NATURE",
    "COMMENT_OBS",
];

/// Where the data are about, and who publishes the dataflow.
#[derive(Debug, Clone)]
pub struct SdmxArea<'a> {
    /// The dataflow, `AGENCY:ID(VERSION)`.
    pub dataflow: &'a str,
    /// The area's code (ISO 3166-2 for a province, e.g. "VN-50").
    pub ref_area: &'a str,
    /// Prefix of the series codes ("KG" → "KG_2_1").
    pub series_prefix: &'a str,
}

/// The series' observations (the plan's baseline and the reported values)
/// as SDMX-CSV rows, oldest first.
pub fn sdmx_csv(all: &[Series], area: &SdmxArea<'_>) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(SDMX_COLUMNS)?;
    for series in all {
        let code = series_code(series, area.series_prefix);
        let unit = unit_code(series.unit.as_deref())
            .map(str::to_string)
            .or_else(|| series.unit.clone())
            .unwrap_or_default();
        for point in series.observations() {
            let total = "_T";
            let row: [String; 23] = [
                area.dataflow.into(),
                "A".into(),
                "N".into(),
                code.clone(),
                area.ref_area.into(),
                total.into(),
                total.into(),
                total.into(),
                total.into(),
                total.into(),
                total.into(),
                total.into(),
                total.into(),
                total.into(),
                total.into(),
                total.into(),
                point.year.to_string(),
                plain(point.value),
                unit.clone(),
                "0".into(),
                obs_status(point).into(),
                // Printed in a plan or reported by the agency in charge:
                // the country's own data ("C"), not estimated by others.
                "C".into(),
                point.text.clone(),
            ];
            out.write_record(&row)?;
        }
    }
    out.into_inner().map_err(|e| e.into_error().into())
}

/// The province's own series code: prefix and the indicator's code with
/// anything but letters and digits as `_` ("2.1" → "KG_2_1").
fn series_code(series: &Series, prefix: &str) -> String {
    let code = series
        .code
        .clone()
        .unwrap_or_else(|| series.indicator_id.to_string());
    let body: String = code
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    format!("{prefix}_{body}")
}
