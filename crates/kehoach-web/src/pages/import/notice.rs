//! What the plan page says right after an import from the browser: the
//! commit redirects there with the outcome in the query.

use kehoach_store::StoreOutcome;
use serde::Deserialize;

/// `?imported=new|version|unchanged`, with the version's diff counts.
#[derive(Debug, Default, Deserialize)]
pub struct ImportNotice {
    imported: Option<String>,
    /// The new version's number.
    v: Option<i64>,
    /// Targets added, removed, changed; tasks added, removed, changed.
    ta: Option<i64>,
    tr: Option<i64>,
    tc: Option<i64>,
    ka: Option<i64>,
    kr: Option<i64>,
    kc: Option<i64>,
}

impl ImportNotice {
    /// The catalog key of the message, if the page follows an import.
    pub fn message_key(&self) -> Option<&'static str> {
        match self.imported.as_deref()? {
            "new" => Some("import.done_new"),
            "version" => Some("import.done_version"),
            "unchanged" => Some("import.done_unchanged"),
            _ => None,
        }
    }

    pub fn is_version(&self) -> bool {
        self.imported.as_deref() == Some("version")
    }

    pub fn version(&self) -> i64 {
        self.v.unwrap_or(0)
    }

    /// (catalog key, count) for each part of a new version's diff.
    pub fn diff_counts(&self) -> Vec<(&'static str, i64)> {
        [
            ("import.targets_added", self.ta),
            ("import.targets_removed", self.tr),
            ("import.targets_changed", self.tc),
            ("import.tasks_added", self.ka),
            ("import.tasks_removed", self.kr),
            ("import.tasks_changed", self.kc),
        ]
        .into_iter()
        .map(|(key, n)| (key, n.unwrap_or(0)))
        .collect()
    }
}

/// Where the commit sends the browser: the plan, saying what happened.
pub fn plan_link(outcome: &StoreOutcome) -> String {
    match outcome {
        StoreOutcome::Unchanged { plan_id, .. } => format!("/plans/{plan_id}?imported=unchanged"),
        StoreOutcome::NewPlan { plan_id, .. } => format!("/plans/{plan_id}?imported=new"),
        StoreOutcome::NewVersion {
            plan_id,
            version,
            diff,
            ..
        } => format!(
            "/plans/{plan_id}?imported=version&v={version}&ta={}&tr={}&tc={}&ka={}&kr={}&kc={}",
            diff.targets_added.len(),
            diff.targets_removed.len(),
            diff.targets_changed.len(),
            diff.tasks_added.len(),
            diff.tasks_removed.len(),
            diff.tasks_changed.len(),
        ),
    }
}
