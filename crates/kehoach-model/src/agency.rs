use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AgencyKind {
    /// One named body: a department, the provincial police, a bank branch…
    Department,
    /// A group named as one: "Ủy ban nhân dân cấp huyện", "Các sở, ban, ngành"…
    Collective,
    /// A name the registry does not know; kept as printed.
    Other,
}

/// An agency referenced by a plan: its canonical name and every spelling seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agency {
    pub name: String,
    pub kind: AgencyKind,
    pub raw: Vec<String>,
}
