//! What changed between two versions of a plan: targets and tasks added,
//! removed or changed (text, lead, coordinating agencies, period).

use std::collections::BTreeMap;

use serde::Serialize;
use sqlx::AnyConnection;

use crate::error::Result;

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct VersionDiff {
    pub targets_added: Vec<String>,
    pub targets_removed: Vec<String>,
    pub targets_changed: Vec<String>,
    pub tasks_added: Vec<TaskChange>,
    pub tasks_removed: Vec<TaskChange>,
    pub tasks_changed: Vec<TaskChange>,
}

impl VersionDiff {
    pub fn is_empty(&self) -> bool {
        self.targets_added.is_empty()
            && self.targets_removed.is_empty()
            && self.targets_changed.is_empty()
            && self.tasks_added.is_empty()
            && self.tasks_removed.is_empty()
            && self.tasks_changed.is_empty()
    }
}

/// One task in a diff: its identity (target/number or target/#text-hash),
/// and for a change, which fields differ.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TaskChange {
    pub identity: String,
    pub line: i64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<&'static str>,
}

#[derive(Debug, PartialEq, Eq)]
struct TaskState {
    line: i64,
    text: String,
    period: Option<String>,
    lead: Vec<String>,
    coordinating: Vec<String>,
}

pub(crate) async fn version_diff(
    conn: &mut AnyConnection,
    old: i64,
    new: i64,
) -> Result<VersionDiff> {
    let old_targets = targets_of(conn, old).await?;
    let new_targets = targets_of(conn, new).await?;
    let old_tasks = tasks_of(conn, old).await?;
    let new_tasks = tasks_of(conn, new).await?;
    let mut diff = VersionDiff::default();
    for (code, text) in &new_targets {
        match old_targets.get(code) {
            None => diff.targets_added.push(code.clone()),
            Some(before) if before != text => diff.targets_changed.push(code.clone()),
            Some(_) => {}
        }
    }
    diff.targets_removed = old_targets
        .keys()
        .filter(|code| !new_targets.contains_key(*code))
        .cloned()
        .collect();
    for (identity, now) in &new_tasks {
        match old_tasks.get(identity) {
            None => diff.tasks_added.push(change(identity, now, Vec::new())),
            Some(before) => {
                let fields = changed_fields(before, now);
                if !fields.is_empty() {
                    diff.tasks_changed.push(change(identity, now, fields));
                }
            }
        }
    }
    for (identity, before) in &old_tasks {
        if !new_tasks.contains_key(identity) {
            diff.tasks_removed
                .push(change(identity, before, Vec::new()));
        }
    }
    Ok(diff)
}

fn change(identity: &str, state: &TaskState, fields: Vec<&'static str>) -> TaskChange {
    TaskChange {
        identity: identity.to_string(),
        line: state.line,
        fields,
    }
}

fn changed_fields(before: &TaskState, now: &TaskState) -> Vec<&'static str> {
    let mut fields = Vec::new();
    if before.text != now.text {
        fields.push("text");
    }
    if before.lead != now.lead {
        fields.push("lead");
    }
    if before.coordinating != now.coordinating {
        fields.push("coordinating");
    }
    if before.period != now.period {
        fields.push("period");
    }
    fields
}

async fn targets_of(conn: &mut AnyConnection, version: i64) -> Result<BTreeMap<String, String>> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT code, text FROM targets WHERE version_id = $1")
            .bind(version)
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().collect())
}

async fn tasks_of(conn: &mut AnyConnection, version: i64) -> Result<BTreeMap<String, TaskState>> {
    let rows: Vec<(i64, String, i64, String, Option<String>)> = sqlx::query_as(
        "SELECT id, identity, line, text, period FROM tasks WHERE version_id = $1 ORDER BY id",
    )
    .bind(version)
    .fetch_all(&mut *conn)
    .await?;
    let roles: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT ta.task_id, ta.role, a.name FROM task_agencies ta \
         JOIN tasks t ON t.id = ta.task_id JOIN agencies a ON a.id = ta.agency_id \
         WHERE t.version_id = $1 ORDER BY ta.task_id, ta.role, ta.position",
    )
    .bind(version)
    .fetch_all(&mut *conn)
    .await?;
    let mut agencies: BTreeMap<i64, (Vec<String>, Vec<String>)> = BTreeMap::new();
    for (task_id, role, name) in roles {
        let entry = agencies.entry(task_id).or_default();
        if role == "lead" {
            entry.0.push(name);
        } else {
            entry.1.push(name);
        }
    }
    let mut tasks = BTreeMap::new();
    for (id, identity, line, text, period) in rows {
        let (lead, coordinating) = agencies.remove(&id).unwrap_or_default();
        // Two tasks with one identity (e.g. the same unnumbered sentence twice
        // under a target) are told apart by their order.
        let mut key = identity.clone();
        let mut n = 1;
        while tasks.contains_key(&key) {
            n += 1;
            key = format!("{identity}~{n}");
        }
        tasks.insert(
            key,
            TaskState {
                line,
                text,
                period,
                lead,
                coordinating,
            },
        );
    }
    Ok(tasks)
}
