use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Comparator {
    #[serde(rename = "=")]
    Eq,
    #[serde(rename = ">=")]
    AtLeast,
    #[serde(rename = "<=")]
    AtMost,
    #[serde(rename = ">")]
    Above,
    #[serde(rename = "<")]
    Below,
    #[serde(rename = "~")]
    About,
}

/// One cell of an indicator's row: a baseline, a year target, a key-indicator value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorValue {
    pub year: Option<i32>,
    /// The cell as printed.
    pub text: String,
    /// The number, if the cell is one (decimal comma read, thousands dots removed).
    pub value: Option<f64>,
    /// Upper end of a range ("65-70" → value 65, max 70).
    pub max: Option<f64>,
    pub comparator: Option<Comparator>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// As printed: "1.1a", or a key-indicator number "3".
    pub code: Option<String>,
    /// The target code this indicator monitors, if any.
    pub target: Option<String>,
    pub name: String,
    pub unit: Option<String>,
    /// Canonical names of the agencies responsible for reporting it.
    pub reporter: Vec<String>,
    pub line: usize,
    pub values: Vec<IndicatorValue>,
    /// Sub-indicators (e.g. GRDP growth by sector), same shape.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<Indicator>,
}
