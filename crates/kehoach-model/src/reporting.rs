use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Recurrence {
    Yearly,
    Quarterly,
    HalfYearly,
    Once,
}

/// When a report is due. `month` is null for rules relative to the period,
/// e.g. quarterly reports due "before the 15th of the quarter's last month".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Due {
    pub day: u8,
    pub month: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relative: Option<String>,
}

/// A reporting obligation stated in the plan: who reports to whom, how often, by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportingRule {
    /// Who reports, as printed.
    pub reporter: String,
    /// Canonical agency name or body that receives the report.
    pub recipient: String,
    pub recurrence: Recurrence,
    pub due: Option<Due>,
    /// The year of a one-off report.
    pub year: Option<i32>,
    pub line: usize,
    pub text: String,
}
