//! Storing an import: the document, a plan version and its whole tree, in one
//! transaction. Importing the same bytes again changes nothing; a new
//! document of a known plan becomes that plan's next version.

use std::collections::HashMap;

use kehoach_import::Imported;
use kehoach_model::{AgencyKind, Indicator, Target, Task};
use kehoach_vi::fold;
use serde::Serialize;
use serde_json::json;
use sqlx::AnyConnection;

use super::diff::{version_diff, VersionDiff};
use super::identity::{plan_identity, task_identity};
use crate::audit::{record, Actor, Change};
use crate::clock::now;
use crate::error::{Result, StoreError};
use crate::Store;

/// What importing a document did.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "outcome", rename_all = "kebab-case")]
pub enum StoreOutcome {
    /// The same bytes were imported before.
    Unchanged {
        plan_id: i64,
        version_id: i64,
    },
    NewPlan {
        plan_id: i64,
        version_id: i64,
    },
    NewVersion {
        plan_id: i64,
        version_id: i64,
        version: i64,
        diff: VersionDiff,
    },
}

impl StoreOutcome {
    pub fn plan_id(&self) -> i64 {
        match self {
            StoreOutcome::Unchanged { plan_id, .. }
            | StoreOutcome::NewPlan { plan_id, .. }
            | StoreOutcome::NewVersion { plan_id, .. } => *plan_id,
        }
    }

    pub fn version_id(&self) -> i64 {
        match self {
            StoreOutcome::Unchanged { version_id, .. }
            | StoreOutcome::NewPlan { version_id, .. }
            | StoreOutcome::NewVersion { version_id, .. } => *version_id,
        }
    }
}

/// An import to store: the parsed plan and the text its line numbers refer to.
pub struct NewImport<'a> {
    pub imported: &'a Imported,
    /// The document's lines as read (joined with '\n'), for the source view.
    pub source_text: &'a str,
    /// Store as the next version of this plan instead of matching by identity.
    pub version_of: Option<i64>,
    /// Raw agency spellings mapped by hand to agencies (e.g. in the browser
    /// preview), recorded as aliases before the plan is stored.
    pub agency_mapping: &'a [(String, i64)],
}

impl Store {
    pub async fn store_import(&self, new: NewImport<'_>, actor: &Actor) -> Result<StoreOutcome> {
        let imported = new.imported;
        let mut tx = self.pool.begin().await?;
        if let Some((plan_id, version_id)) = sqlx::query_as::<_, (i64, i64)>(
            "SELECT v.plan_id, v.id FROM plan_versions v JOIN documents d ON d.id = v.document_id \
             WHERE d.sha256 = $1 ORDER BY v.id LIMIT 1",
        )
        .bind(imported.source.sha256.as_str())
        .fetch_optional(&mut *tx)
        .await?
        {
            return Ok(StoreOutcome::Unchanged {
                plan_id,
                version_id,
            });
        }
        for (raw, agency_id) in new.agency_mapping {
            add_alias(&mut tx, *agency_id, raw).await?;
        }
        let identity = plan_identity(&imported.plan, &imported.source.file);
        let (plan_id, previous) = match new.version_of {
            Some(plan_id) => (plan_id, latest_version(&mut tx, plan_id).await?),
            None => match find_plan(&mut tx, &identity).await? {
                Some(plan_id) => (plan_id, latest_version(&mut tx, plan_id).await?),
                None => (create_plan(&mut tx, imported, &identity).await?, None),
            },
        };
        if new.version_of.is_some() && previous.is_none() {
            return Err(StoreError::NotFound(format!("plan {plan_id}")));
        }
        let document_id = insert_document(&mut tx, imported, new.source_text).await?;
        let number = previous.map_or(1, |(_, number)| number + 1);
        let version_id =
            insert_version(&mut tx, plan_id, document_id, number, imported, actor).await?;
        let mut writer = TreeWriter {
            tx: &mut tx,
            version_id,
            kinds: imported
                .plan
                .agencies
                .iter()
                .map(|a| (a.name.as_str(), a.kind))
                .collect(),
            agency_ids: HashMap::new(),
        };
        writer.write_agencies(imported).await?;
        writer.write_tree(imported).await?;
        let diff = match previous {
            Some((previous_id, _)) => Some(version_diff(&mut tx, previous_id, version_id).await?),
            None => None,
        };
        record(
            &mut tx,
            actor,
            Change {
                action: "import",
                entity: "plan_version",
                entity_id: Some(version_id),
                before: None,
                after: Some(json!({
                    "plan_id": plan_id,
                    "version": number,
                    "file": imported.source.file,
                    "sha256": imported.source.sha256,
                })),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(match diff {
            Some(diff) => StoreOutcome::NewVersion {
                plan_id,
                version_id,
                version: number,
                diff,
            },
            None => StoreOutcome::NewPlan {
                plan_id,
                version_id,
            },
        })
    }
}

async fn find_plan(tx: &mut AnyConnection, identity: &str) -> Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("SELECT id FROM plans WHERE identity = $1")
            .bind(identity)
            .fetch_optional(tx)
            .await?,
    )
}

/// The latest version of a plan: (version id, version number).
async fn latest_version(tx: &mut AnyConnection, plan_id: i64) -> Result<Option<(i64, i64)>> {
    Ok(sqlx::query_as(
        "SELECT id, version FROM plan_versions WHERE plan_id = $1 ORDER BY version DESC LIMIT 1",
    )
    .bind(plan_id)
    .fetch_optional(tx)
    .await?)
}

async fn create_plan(tx: &mut AnyConnection, imported: &Imported, identity: &str) -> Result<i64> {
    let plan = &imported.plan;
    let title = plan
        .plan
        .title
        .clone()
        .or_else(|| plan.document.title.clone())
        .unwrap_or_else(|| imported.source.file.clone());
    Ok(sqlx::query_scalar(
        "INSERT INTO plans (identity, title, published, created_at) VALUES ($1, $2, 1, $3) RETURNING id",
    )
    .bind(identity)
    .bind(title)
    .bind(now())
    .fetch_one(tx)
    .await?)
}

async fn insert_document(
    tx: &mut AnyConnection,
    imported: &Imported,
    source_text: &str,
) -> Result<i64> {
    let doc = &imported.plan.document;
    Ok(sqlx::query_scalar(
        "INSERT INTO documents (sha256, file_name, bytes, layout, kind, number, issued_on, issuer, \
         place, signer, title, legal_bases, source_text, invalid_before, invalid_after, repaired, \
         imported_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) \
         RETURNING id",
    )
    .bind(imported.source.sha256.as_str())
    .bind(file_name_of(&imported.source.file))
    .bind(imported.source.bytes as i64)
    .bind(imported.source.layout.as_str())
    .bind(doc.kind.clone())
    .bind(doc.number.clone())
    .bind(doc.issued_on.clone())
    .bind(doc.issuer.clone())
    .bind(doc.place.clone())
    .bind(doc.signer.clone())
    .bind(doc.title.clone())
    .bind(serde_json::to_string(&doc.legal_bases)?)
    .bind(source_text)
    .bind(imported.repair.invalid_before as i64)
    .bind(imported.repair.invalid_after as i64)
    .bind(imported.repair.repaired as i64)
    .bind(now())
    .fetch_one(tx)
    .await?)
}

/// The file's own name: the folder it was imported from says nothing to readers.
fn file_name_of(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

async fn insert_version(
    tx: &mut AnyConnection,
    plan_id: i64,
    document_id: i64,
    number: i64,
    imported: &Imported,
    actor: &Actor,
) -> Result<i64> {
    let header = &imported.plan.plan;
    Ok(sqlx::query_scalar(
        "INSERT INTO plan_versions (plan_id, document_id, version, horizon_from, horizon_to, phases, \
         imported_at, imported_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(plan_id)
    .bind(document_id)
    .bind(number)
    .bind(header.horizon.map(|h| i64::from(h.from)))
    .bind(header.horizon.map(|h| i64::from(h.to)))
    .bind(serde_json::to_string(&header.phases)?)
    .bind(now())
    .bind(actor.user_id)
    .fetch_one(tx)
    .await?)
}

/// Records `raw` as another name of an agency; an existing alias is kept.
pub(crate) async fn add_alias(tx: &mut AnyConnection, agency_id: i64, raw: &str) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO agency_aliases (agency_id, alias, folded) VALUES ($1, $2, $3) \
         ON CONFLICT (folded) DO NOTHING",
    )
    .bind(agency_id)
    .bind(raw)
    .bind(alias_key(raw))
    .execute(tx)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// How aliases are compared: folded, single-spaced.
pub(crate) fn alias_key(name: &str) -> String {
    fold(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

struct TreeWriter<'t, 'p> {
    tx: &'t mut AnyConnection,
    version_id: i64,
    kinds: HashMap<&'p str, AgencyKind>,
    agency_ids: HashMap<String, i64>,
}

impl TreeWriter<'_, '_> {
    async fn write_agencies(&mut self, imported: &Imported) -> Result<()> {
        for agency in &imported.plan.agencies {
            let id = self.agency_id(&agency.name).await?;
            for raw in &agency.raw {
                add_alias(self.tx, id, raw).await?;
            }
        }
        Ok(())
    }

    /// The stored agency for a name the import produced. An alias recorded
    /// in the database wins: that is how a name the built-in registry does not
    /// know, once mapped by a coordinator, lands on the right agency.
    async fn agency_id(&mut self, name: &str) -> Result<i64> {
        if let Some(id) = self.agency_ids.get(name) {
            return Ok(*id);
        }
        let key = alias_key(name);
        let aliased: Option<i64> =
            sqlx::query_scalar("SELECT agency_id FROM agency_aliases WHERE folded = $1")
                .bind(key.as_str())
                .fetch_optional(&mut *self.tx)
                .await?;
        let id = match aliased {
            Some(id) => id,
            None => {
                let kind = self.kinds.get(name).copied().unwrap_or(AgencyKind::Other);
                let id = create_agency(self.tx, name, kind).await?;
                add_alias(self.tx, id, name).await?;
                id
            }
        };
        self.agency_ids.insert(name.to_string(), id);
        Ok(id)
    }

    async fn write_tree(&mut self, imported: &Imported) -> Result<()> {
        let plan = &imported.plan;
        for (goal_pos, goal) in plan.goals.iter().enumerate() {
            let goal_id: i64 = sqlx::query_scalar(
                "INSERT INTO goals (version_id, position, code, title, line) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(self.version_id)
            .bind(goal_pos as i64)
            .bind(goal.code.as_str())
            .bind(goal.title.as_str())
            .bind(goal.line as i64)
            .fetch_one(&mut *self.tx)
            .await?;
            self.search_entry("goal", goal_id, &goal.code, &goal.title)
                .await?;
            for (target_pos, target) in goal.targets.iter().enumerate() {
                self.write_target(goal_id, target_pos, target).await?;
            }
        }
        for (pos, task) in plan.tasks.iter().enumerate() {
            self.write_task(None, None, pos, task).await?;
        }
        self.write_indicators(&plan.indicators).await?;
        for (pos, rule) in plan.reporting.iter().enumerate() {
            sqlx::query(
                "INSERT INTO reporting_rules (version_id, position, reporter, recipient, recurrence, \
                 due_day, due_month, due_relative, year, line, text) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            )
            .bind(self.version_id)
            .bind(pos as i64)
            .bind(rule.reporter.as_str())
            .bind(rule.recipient.as_str())
            .bind(enum_name(&rule.recurrence)?)
            .bind(rule.due.as_ref().map(|d| i64::from(d.day)))
            .bind(rule.due.as_ref().and_then(|d| d.month).map(i64::from))
            .bind(rule.due.as_ref().and_then(|d| d.relative.clone()))
            .bind(rule.year.map(i64::from))
            .bind(rule.line as i64)
            .bind(rule.text.as_str())
            .execute(&mut *self.tx)
            .await?;
        }
        for (pos, d) in plan.diagnostics.iter().enumerate() {
            sqlx::query(
                "INSERT INTO diagnostics (version_id, position, severity, code, message, line, before, after) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(self.version_id)
            .bind(pos as i64)
            .bind(d.severity.as_str())
            .bind(d.code.as_str())
            .bind(d.message.as_str())
            .bind(d.line.map(|l| l as i64))
            .bind(d.before.clone())
            .bind(d.after.clone())
            .execute(&mut *self.tx)
            .await?;
        }
        Ok(())
    }

    async fn write_target(&mut self, goal_id: i64, pos: usize, target: &Target) -> Result<()> {
        let target_id: i64 = sqlx::query_scalar(
            "INSERT INTO targets (version_id, goal_id, position, code, parent_code, text, class, line) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(self.version_id)
        .bind(goal_id)
        .bind(pos as i64)
        .bind(target.code.as_str())
        .bind(target.parent.clone())
        .bind(target.text.as_str())
        .bind(target.class.map(|c| enum_name(&c)).transpose()?)
        .bind(target.line as i64)
        .fetch_one(&mut *self.tx)
        .await?;
        self.search_entry("target", target_id, &target.code, &target.text)
            .await?;
        for (role, names) in [
            ("lead", &target.lead),
            ("coordinating", &target.coordinating),
        ] {
            for (agency_pos, name) in names.iter().enumerate() {
                let agency_id = self.agency_id(name).await?;
                sqlx::query(
                    "INSERT INTO target_agencies (target_id, agency_id, role, position) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT DO NOTHING",
                )
                .bind(target_id)
                .bind(agency_id)
                .bind(role)
                .bind(agency_pos as i64)
                .execute(&mut *self.tx)
                .await?;
            }
        }
        for (task_pos, task) in target.tasks.iter().enumerate() {
            self.write_task(Some(target_id), Some(&target.code), task_pos, task)
                .await?;
        }
        Ok(())
    }

    async fn write_task(
        &mut self,
        target_id: Option<i64>,
        target_code: Option<&str>,
        pos: usize,
        task: &Task,
    ) -> Result<()> {
        let task_id: i64 = sqlx::query_scalar(
            "INSERT INTO tasks (version_id, target_id, position, identity, code, text, line, period, \
             periods, inherited, lead_raw, coordinating_raw) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
        )
        .bind(self.version_id)
        .bind(target_id)
        .bind(pos as i64)
        .bind(task_identity(target_code, task))
        .bind(task.code.clone())
        .bind(task.text.as_str())
        .bind(task.line as i64)
        .bind(task.period.clone())
        .bind(serde_json::to_string(&task.periods)?)
        .bind(serde_json::to_string(&task.inherited)?)
        .bind(task.lead_raw.clone())
        .bind(task.coordinating_raw.clone())
        .fetch_one(&mut *self.tx)
        .await?;
        let label = match (target_code, task.code.as_deref()) {
            (Some(t), Some(c)) => format!("{t} · {c}"),
            (Some(t), None) => t.to_string(),
            (None, Some(c)) => c.to_string(),
            (None, None) => String::new(),
        };
        self.search_entry("task", task_id, &label, &task.text)
            .await?;
        for (role, names) in [("lead", &task.lead), ("coordinating", &task.coordinating)] {
            for (agency_pos, name) in names.iter().enumerate() {
                let agency_id = self.agency_id(name).await?;
                // A name listed twice in one cell is one assignment.
                sqlx::query(
                    "INSERT INTO task_agencies (task_id, agency_id, role, position) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT DO NOTHING",
                )
                .bind(task_id)
                .bind(agency_id)
                .bind(role)
                .bind(agency_pos as i64)
                .execute(&mut *self.tx)
                .await?;
            }
        }
        Ok(())
    }

    async fn write_indicators(&mut self, indicators: &[Indicator]) -> Result<()> {
        // Components (parts of a composite indicator) go under their parent;
        // a work list instead of recursion, which async functions cannot do plainly.
        let mut pending: Vec<(Option<i64>, usize, &Indicator)> = indicators
            .iter()
            .enumerate()
            .map(|(pos, ind)| (None, pos, ind))
            .rev()
            .collect();
        while let Some((parent_id, pos, ind)) = pending.pop() {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO indicators (version_id, parent_id, position, code, target_code, name, unit, line) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            )
            .bind(self.version_id)
            .bind(parent_id)
            .bind(pos as i64)
            .bind(ind.code.clone())
            .bind(ind.target.clone())
            .bind(ind.name.as_str())
            .bind(ind.unit.clone())
            .bind(ind.line as i64)
            .fetch_one(&mut *self.tx)
            .await?;
            self.search_entry(
                "indicator",
                id,
                ind.code.as_deref().unwrap_or(""),
                &ind.name,
            )
            .await?;
            for name in &ind.reporter {
                let agency_id = self.agency_id(name).await?;
                sqlx::query(
                    "INSERT INTO indicator_reporters (indicator_id, agency_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                )
                .bind(id)
                .bind(agency_id)
                .execute(&mut *self.tx)
                .await?;
            }
            for (value_pos, value) in ind.values.iter().enumerate() {
                // Not a cached statement: sqlx's Any driver sends a missing
                // f64 to PostgreSQL as a float4 NULL, and a statement prepared
                // with that type then refuses the next real f64.
                sqlx::query(
                    "INSERT INTO indicator_values (indicator_id, position, year, text, value, max, comparator) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(id)
                .bind(value_pos as i64)
                .bind(value.year.map(i64::from))
                .bind(value.text.as_str())
                .bind(value.value)
                .bind(value.max)
                .bind(value.comparator.map(|c| enum_name(&c)).transpose()?)
                .persistent(false)
                .execute(&mut *self.tx)
                .await?;
            }
            pending.extend(
                ind.components
                    .iter()
                    .enumerate()
                    .rev()
                    .map(|(p, c)| (Some(id), p, c)),
            );
        }
        Ok(())
    }

    async fn search_entry(
        &mut self,
        kind: &str,
        ref_id: i64,
        label: &str,
        text: &str,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO search_entries (version_id, kind, ref_id, label, text, folded) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(self.version_id)
        .bind(kind)
        .bind(ref_id)
        .bind(label)
        .bind(text)
        .bind(fold(text))
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }
}

pub(crate) async fn create_agency(
    tx: &mut AnyConnection,
    name: &str,
    kind: AgencyKind,
) -> Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO agencies (name, kind, folded, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id",
    )
    .bind(name)
    .bind(enum_name(&kind)?)
    .bind(fold(name))
    .bind(now())
    .fetch_one(&mut *tx)
    .await?;
    let indexed: Option<i64> =
        sqlx::query_scalar("SELECT id FROM search_entries WHERE kind = 'agency' AND ref_id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    if indexed.is_none() {
        sqlx::query(
            "INSERT INTO search_entries (version_id, kind, ref_id, label, text, folded) VALUES (NULL, 'agency', $1, '', $2, $3)",
        )
        .bind(id)
        .bind(name)
        .bind(fold(name))
        .execute(&mut *tx)
        .await?;
    }
    Ok(id)
}

/// The contract's name of a unit enum value (e.g. "yearly", "priority", ">=").
pub(crate) fn enum_name<T: Serialize>(value: &T) -> Result<String> {
    match serde_json::to_value(value)? {
        serde_json::Value::String(s) => Ok(s),
        other => Err(StoreError::Corrupt(format!("not a name: {other}"))),
    }
}

impl Store {
    /// Shows a plan on the public portal, or withdraws it.
    pub async fn set_published(&self, plan_id: i64, published: bool, actor: &Actor) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let before: Option<i64> = sqlx::query_scalar("SELECT published FROM plans WHERE id = $1")
            .bind(plan_id)
            .fetch_optional(&mut *tx)
            .await?;
        let before = before.ok_or_else(|| StoreError::NotFound(format!("plan {plan_id}")))?;
        sqlx::query("UPDATE plans SET published = $1 WHERE id = $2")
            .bind(i64::from(published))
            .bind(plan_id)
            .execute(&mut *tx)
            .await?;
        record(
            &mut tx,
            actor,
            Change {
                action: if published { "publish" } else { "unpublish" },
                entity: "plan",
                entity_id: Some(plan_id),
                before: Some(json!({ "published": before != 0 })),
                after: Some(json!({ "published": published })),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
