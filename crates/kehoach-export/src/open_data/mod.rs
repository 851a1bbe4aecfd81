//! Indicator data as open data (issue 5 item 5): per indicator, the data
//! CSV and metadata Open SDG reads, and SDMX-CSV with the dimensions of the
//! SDG data structure. Both are written from the store's `Series`: the
//! plan's printed baseline and the agencies' reported values are
//! observations; the plan's targets are metadata (Open SDG) and never
//! observations (SDMX), since nobody observed them.

mod open_sdg;
mod sdmx;

pub use open_sdg::{open_sdg_csv, open_sdg_metadata, open_sdg_slug, IndicatorMeta};
pub use sdmx::{sdmx_csv, SdmxArea, SDMX_COLUMNS};

use kehoach_store::reporting::series::Point;

/// How a unit as printed ("%", "Triệu đồng", "‰", "trẻ/100.000") is coded
/// in SDMX's unit codelist; None when no code fits (the text is kept).
pub(crate) fn unit_code(unit: Option<&str>) -> Option<&'static str> {
    let folded = kehoach_vi::fold(unit?.trim());
    match folded.as_str() {
        "%" | "phan tram" => Some("PT"),
        "‰" | "phan nghin" => Some("PER_1000"),
        "nguoi" => Some("NUMBER"),
        "trieu dong" => Some("VND_MILLION"),
        "ty dong" => Some("VND_BILLION"),
        _ if folded.contains("/100.000") || folded.contains("/100000") => Some("PER_100000"),
        _ => None,
    }
}

/// What a value's source says of its status, in SDMX's observation status
/// codes: A normal (official, or printed in the plan), P provisional
/// (preliminary), E estimated.
pub(crate) fn obs_status(point: &Point) -> &'static str {
    match point.source.as_str() {
        "preliminary" => "P",
        "estimate" => "E",
        _ => "A",
    }
}

/// A number as open data writes it: a dot for decimals, no grouping, no
/// trailing zeros ("13.6", "120").
pub(crate) fn plain(value: f64) -> String {
    let text = format!("{value}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_string)
}
