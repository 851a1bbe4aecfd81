//! Agencies as the database keeps them: every name a plan used, aliases
//! (spellings, mapped unknown names), merges of two records of one agency,
//! and successions with a date (Sở Kế hoạch và Đầu tư → Sở Tài chính from
//! 1 March 2025; a district committee → commune committees from 1 July 2025),
//! so a task shows the agency its plan named and the one responsible today.

use std::collections::HashMap;

use kehoach_model::AgencyKind;
use serde::Serialize;
use serde_json::json;

use crate::audit::{record, Actor, Change};
use crate::clock::today;
use crate::error::{Result, StoreError};
use crate::plans::write::{add_alias, alias_key, create_agency};
use crate::Store;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgencyRow {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub merged_into: Option<i64>,
}

/// An agency as a plan names it, with who answers for it today when that
/// is someone else (merged into another record, or succeeded).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgencyRef {
    pub id: i64,
    pub name: String,
    /// Empty when the named agency is itself responsible today.
    /// Pairs `[id, name]`.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Vec<Value>>))]
    pub today: Vec<(i64, String)>,
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Succession {
    pub id: i64,
    pub predecessor_id: i64,
    pub successor_id: i64,
    pub effective_on: String,
    pub note: String,
}

/// All agencies and successions in memory: a few hundred rows, read once
/// per page, so that resolving "responsible today" costs no queries.
#[derive(Debug, Clone, Default)]
pub struct AgencyDirectory {
    agencies: HashMap<i64, AgencyRow>,
    successors: HashMap<i64, Vec<Succession>>,
    today: String,
}

impl AgencyDirectory {
    pub fn name(&self, id: i64) -> &str {
        self.agencies.get(&id).map_or("?", |a| a.name.as_str())
    }

    pub fn reference(&self, id: i64) -> AgencyRef {
        let current = self.responsible_on(id, &self.today);
        let today = if current == [id] {
            Vec::new()
        } else {
            current
                .into_iter()
                .map(|c| (c, self.name(c).to_string()))
                .collect()
        };
        AgencyRef {
            id,
            name: self.name(id).to_string(),
            today,
        }
    }

    /// Who answers on `date` (YYYY-MM-DD) for what agency `id` was given:
    /// follows merges, then successions in force by that date, transitively
    /// (a successor may itself have been succeeded). Cycles stop.
    pub fn responsible_on(&self, id: i64, date: &str) -> Vec<i64> {
        let mut result = Vec::new();
        let mut pending = vec![id];
        let mut seen = Vec::new();
        while let Some(current) = pending.pop() {
            let current = self.merged_root(current);
            if seen.contains(&current) {
                continue;
            }
            seen.push(current);
            let next: Vec<i64> = self
                .successors
                .get(&current)
                .into_iter()
                .flatten()
                .filter(|s| s.effective_on.as_str() <= date)
                .map(|s| s.successor_id)
                .collect();
            if next.is_empty() {
                if !result.contains(&current) {
                    result.push(current);
                }
            } else {
                pending.extend(next.into_iter().rev());
            }
        }
        result
    }

    fn merged_root(&self, mut id: i64) -> i64 {
        for _ in 0..16 {
            match self.agencies.get(&id).and_then(|a| a.merged_into) {
                Some(next) if next != id => id = next,
                _ => break,
            }
        }
        id
    }
}

/// Everything one agency leads or coordinates, across the latest version of every plan.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgencyTask {
    pub plan_id: i64,
    pub plan_title: String,
    pub task_id: i64,
    pub target_code: Option<String>,
    pub code: Option<String>,
    pub text: String,
    pub period: Option<String>,
    pub role: String,
    pub line: i64,
    pub document_id: i64,
    /// The agency the plan named (this one, or one it answers for).
    pub agency_id: i64,
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgencyListRow {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub merged_into: Option<i64>,
    pub leads: i64,
    pub coordinates: i64,
}

impl Store {
    pub async fn agency_directory(&self) -> Result<AgencyDirectory> {
        let rows: Vec<AgencyRow> =
            sqlx::query_as("SELECT id, name, kind, merged_into FROM agencies")
                .fetch_all(&self.pool)
                .await?;
        let successions: Vec<Succession> = sqlx::query_as(
            "SELECT id, predecessor_id, successor_id, effective_on, note FROM agency_successions ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut successors: HashMap<i64, Vec<Succession>> = HashMap::new();
        for s in successions {
            successors.entry(s.predecessor_id).or_default().push(s);
        }
        Ok(AgencyDirectory {
            agencies: rows.into_iter().map(|a| (a.id, a)).collect(),
            successors,
            today: today(),
        })
    }

    /// Agencies with how many tasks they lead and coordinate in the latest plan versions.
    pub async fn agencies(&self) -> Result<Vec<AgencyListRow>> {
        self.agencies_visible(false).await
    }

    /// Like `agencies`, counting only tasks of published plans when
    /// `published_only` (the public must learn nothing of the others).
    pub async fn agencies_visible(&self, published_only: bool) -> Result<Vec<AgencyListRow>> {
        Ok(sqlx::query_as(
            "WITH counted AS (SELECT lv.id FROM latest_versions lv JOIN plans p ON p.id = lv.plan_id \
                              WHERE p.published = 1 OR $1 = 0) \
             SELECT a.id, a.name, a.kind, a.merged_into, \
             (SELECT COUNT(*) FROM task_agencies ta JOIN tasks t ON t.id = ta.task_id \
              WHERE ta.agency_id = a.id AND ta.role = 'lead' AND t.version_id IN (SELECT id FROM counted)) AS leads, \
             (SELECT COUNT(*) FROM task_agencies ta JOIN tasks t ON t.id = ta.task_id \
              WHERE ta.agency_id = a.id AND ta.role = 'coordinating' AND t.version_id IN (SELECT id FROM counted)) AS coordinates \
             FROM agencies a ORDER BY a.id",
        )
        .bind(i64::from(published_only))
        .fetch_all(&self.pool)
        .await?)
    }

    /// The agencies a form may offer (records merged into another are not),
    /// as (id, name) in Vietnamese alphabetical order.
    pub async fn agency_choices(&self) -> Result<Vec<(i64, String)>> {
        let mut choices: Vec<(i64, String)> =
            sqlx::query_as("SELECT id, name FROM agencies WHERE merged_into IS NULL")
                .fetch_all(&self.pool)
                .await?;
        kehoach_vi::sort_vietnamese(&mut choices, |(_, name)| name.as_str());
        Ok(choices)
    }

    pub async fn agency(&self, id: i64) -> Result<AgencyRow> {
        sqlx::query_as("SELECT id, name, kind, merged_into FROM agencies WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("agency {id}")))
    }

    /// Every agency's aliases in folded form, for filtering lists by any name.
    pub async fn folded_aliases(&self) -> Result<HashMap<i64, Vec<String>>> {
        let rows: Vec<(i64, String)> =
            sqlx::query_as("SELECT agency_id, folded FROM agency_aliases")
                .fetch_all(&self.pool)
                .await?;
        let mut map: HashMap<i64, Vec<String>> = HashMap::new();
        for (agency, folded) in rows {
            map.entry(agency).or_default().push(folded);
        }
        Ok(map)
    }

    pub async fn aliases(&self, agency_id: i64) -> Result<Vec<String>> {
        Ok(
            sqlx::query_scalar("SELECT alias FROM agency_aliases WHERE agency_id = $1 ORDER BY id")
                .bind(agency_id)
                .fetch_all(&self.pool)
                .await?,
        )
    }

    pub async fn successions(&self) -> Result<Vec<Succession>> {
        Ok(sqlx::query_as(
            "SELECT id, predecessor_id, successor_id, effective_on, note FROM agency_successions ORDER BY effective_on, id",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// The agency whose name or alias folds to the same key as `name`.
    pub async fn find_agency(&self, name: &str) -> Result<Option<i64>> {
        Ok(
            sqlx::query_scalar("SELECT agency_id FROM agency_aliases WHERE folded = $1")
                .bind(alias_key(name))
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// Tasks an agency (or any record merged into it, or any predecessor it
    /// succeeded) leads or coordinates, in the latest version of each plan.
    pub async fn agency_tasks(&self, agency_id: i64) -> Result<Vec<AgencyTask>> {
        let directory = self.agency_directory().await?;
        let today = today();
        let answering: Vec<i64> = directory
            .agencies
            .keys()
            .copied()
            .filter(|&id| {
                id == agency_id || directory.responsible_on(id, &today).contains(&agency_id)
            })
            .collect();
        let mut tasks = Vec::new();
        for id in answering {
            let mut rows: Vec<AgencyTask> = sqlx::query_as(
                "SELECT p.id AS plan_id, p.title AS plan_title, t.id AS task_id, g.code AS target_code, \
                 t.code, t.text, t.period, ta.role, t.line, v.document_id, ta.agency_id \
                 FROM task_agencies ta JOIN tasks t ON t.id = ta.task_id \
                 JOIN plan_versions v ON v.id = t.version_id JOIN plans p ON p.id = v.plan_id \
                 LEFT JOIN targets g ON g.id = t.target_id \
                 WHERE ta.agency_id = $1 AND t.version_id IN (SELECT id FROM latest_versions) \
                 ORDER BY p.id, t.id",
            )
            .bind(id)
            .fetch_all(&self.pool)
            .await?;
            tasks.append(&mut rows);
        }
        tasks.sort_by_key(|t| (t.plan_id, t.task_id));
        Ok(tasks)
    }

    /// Records another name for an agency. Refused when the name already
    /// belongs to a different agency (merge the two instead).
    pub async fn add_alias(&self, agency_id: i64, alias: &str, actor: &Actor) -> Result<()> {
        let alias = alias.trim();
        if alias.is_empty() {
            return Err(StoreError::Invalid("an alias cannot be empty".into()));
        }
        self.agency(agency_id).await?;
        let mut tx = self.pool.begin().await?;
        let owner: Option<i64> =
            sqlx::query_scalar("SELECT agency_id FROM agency_aliases WHERE folded = $1")
                .bind(alias_key(alias))
                .fetch_optional(&mut *tx)
                .await?;
        match owner {
            Some(id) if id == agency_id => return Ok(()),
            Some(id) => {
                return Err(StoreError::Invalid(format!(
                    "\"{alias}\" is already a name of agency {id}; merge the two agencies instead"
                )))
            }
            None => {}
        }
        add_alias(&mut tx, agency_id, alias).await?;
        record(
            &mut tx,
            actor,
            Change {
                action: "add-alias",
                entity: "agency",
                entity_id: Some(agency_id),
                before: None,
                after: Some(json!({ "alias": alias })),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records that `duplicate` is the same agency as `kept` (two spellings
    /// that became two records). Nothing is deleted: the duplicate's tasks
    /// show the kept agency as responsible, and its aliases now point there.
    pub async fn merge_agencies(&self, duplicate: i64, kept: i64, actor: &Actor) -> Result<()> {
        if duplicate == kept {
            return Err(StoreError::Invalid(
                "an agency cannot be merged into itself".into(),
            ));
        }
        let dup = self.agency(duplicate).await?;
        self.agency(kept).await?;
        let directory = self.agency_directory().await?;
        if directory.merged_root(kept) == duplicate {
            return Err(StoreError::Invalid(format!(
                "agency {kept} is already merged into {duplicate}; merging back would make a loop"
            )));
        }
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE agencies SET merged_into = $1 WHERE id = $2 OR merged_into = $2")
            .bind(kept)
            .bind(duplicate)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE agency_aliases SET agency_id = $1 WHERE agency_id = $2")
            .bind(kept)
            .bind(duplicate)
            .execute(&mut *tx)
            .await?;
        record(
            &mut tx,
            actor,
            Change {
                action: "merge",
                entity: "agency",
                entity_id: Some(duplicate),
                before: Some(json!({ "merged_into": dup.merged_into })),
                after: Some(json!({ "merged_into": kept })),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// `successor` takes over what `predecessor` was responsible for from
    /// `effective_on` (YYYY-MM-DD). One predecessor may have several
    /// successors (a district's committee → its communes' committees).
    pub async fn add_succession(
        &self,
        predecessor: i64,
        successor: i64,
        effective_on: &str,
        note: &str,
        actor: &Actor,
    ) -> Result<i64> {
        if predecessor == successor {
            return Err(StoreError::Invalid(
                "an agency cannot succeed itself".into(),
            ));
        }
        if !is_iso_date(effective_on) {
            return Err(StoreError::Invalid(format!(
                "\"{effective_on}\" is not a date as YYYY-MM-DD"
            )));
        }
        self.agency(predecessor).await?;
        self.agency(successor).await?;
        let mut tx = self.pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO agency_successions (predecessor_id, successor_id, effective_on, note) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (predecessor_id, successor_id) \
             DO UPDATE SET effective_on = excluded.effective_on, note = excluded.note RETURNING id",
        )
        .bind(predecessor)
        .bind(successor)
        .bind(effective_on)
        .bind(note)
        .fetch_one(&mut *tx)
        .await?;
        record(
            &mut tx,
            actor,
            Change {
                action: "add-succession",
                entity: "agency",
                entity_id: Some(predecessor),
                before: None,
                after: Some(
                    json!({ "successor": successor, "effective_on": effective_on, "note": note }),
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Creates an agency that no plan named yet (e.g. a new commune committee).
    pub async fn create_agency(&self, name: &str, actor: &Actor) -> Result<i64> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid("an agency needs a name".into()));
        }
        if let Some(id) = self.find_agency(name).await? {
            return Ok(id);
        }
        let mut tx = self.pool.begin().await?;
        let id = create_agency(&mut tx, name, AgencyKind::Department).await?;
        add_alias(&mut tx, id, name).await?;
        record(
            &mut tx,
            actor,
            Change {
                action: "create",
                entity: "agency",
                entity_id: Some(id),
                before: None,
                after: Some(json!({ "name": name })),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }
}

/// A real calendar date written YYYY-MM-DD.
fn is_iso_date(s: &str) -> bool {
    time::Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).is_ok()
}
