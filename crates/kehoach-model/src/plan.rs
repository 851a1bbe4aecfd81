use serde::{Deserialize, Serialize};

use crate::{Agency, Diagnostic, Document, Indicator, ReportingRule};

/// A plan as a document states it: the tree of goals, targets and tasks, the
/// indicators, the reporting rules, the agencies it names and what was odd.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub document: Document,
    pub plan: PlanHeader,
    pub goals: Vec<Goal>,
    /// Tasks under no target (plans organised by agency).
    pub tasks: Vec<Task>,
    pub indicators: Vec<Indicator>,
    pub reporting: Vec<ReportingRule>,
    pub agencies: Vec<Agency>,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct YearRange {
    pub from: i32,
    pub to: i32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanHeader {
    pub title: Option<String>,
    pub horizon: Option<YearRange>,
    pub phases: Vec<YearRange>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    /// "1".."19"
    pub code: String,
    pub title: String,
    pub line: usize,
    pub targets: Vec<Target>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TargetClass {
    /// Mục tiêu ưu tiên (MTUT).
    Priority,
    /// Mục tiêu khuyến khích (MTKK).
    Encouraged,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// Dotted, lowercase letters: "1.3.a".
    pub code: String,
    /// "1.3" for "1.3.a", else null.
    pub parent: Option<String>,
    pub text: String,
    pub class: Option<TargetClass>,
    pub line: usize,
    pub tasks: Vec<Task>,
    /// Agencies assigned to the target as a whole, where the document does so.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lead: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coordinating: Vec<String>,
}

/// Which of a task's cells came from an earlier row of a merged cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InheritedField {
    Lead,
    Coordinating,
    Period,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Task {
    /// The row's own number as printed ("1.2"), if it has one.
    pub code: Option<String>,
    pub text: String,
    pub line: usize,
    /// Canonical agency names.
    pub lead: Vec<String>,
    pub coordinating: Vec<String>,
    /// The cells as printed, after inheritance.
    pub lead_raw: Option<String>,
    pub coordinating_raw: Option<String>,
    /// "2017-2020; 2021-2030", or a phrase in lower case ("hàng năm").
    pub period: Option<String>,
    pub periods: Vec<YearRange>,
    pub inherited: Vec<InheritedField>,
}

impl Plan {
    pub fn targets(&self) -> impl Iterator<Item = &Target> {
        self.goals.iter().flat_map(|g| g.targets.iter())
    }

    /// Every task, under targets first (in source order), then the free tasks.
    pub fn all_tasks(&self) -> impl Iterator<Item = &Task> {
        self.targets()
            .flat_map(|t| t.tasks.iter())
            .chain(self.tasks.iter())
    }
}
