//! Reading plans back: the list of plans with counts, one version's tree,
//! the source lines, the diagnostics.

use std::collections::HashMap;

use serde::Serialize;

use crate::agencies::{AgencyDirectory, AgencyRef};
use crate::error::{Result, StoreError};
use crate::Store;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlanSummary {
    pub id: i64,
    pub title: String,
    pub published: i64,
    pub version_id: i64,
    pub version: i64,
    pub document_id: i64,
    pub kind: Option<String>,
    pub number: Option<String>,
    pub issued_on: Option<String>,
    pub issuer: Option<String>,
    pub file_name: String,
    pub goals: i64,
    pub targets: i64,
    pub tasks: i64,
    pub indicators: i64,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlanTree {
    pub summary: PlanSummary,
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<YearRangeSchema>))]
    pub phases: Vec<kehoach_model::YearRange>,
    pub goals: Vec<GoalNode>,
    /// Tasks the plan lists by agency rather than under a target.
    pub loose_tasks: Vec<TaskNode>,
    pub indicators: Vec<IndicatorNode>,
    pub rules: Vec<RuleRow>,
    pub diagnostics: Vec<DiagnosticRow>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GoalNode {
    pub id: i64,
    pub code: String,
    pub title: String,
    pub line: i64,
    pub targets: Vec<TargetNode>,
}

impl GoalNode {
    pub fn task_count(&self) -> usize {
        self.targets.iter().map(|t| t.tasks.len()).sum()
    }
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TargetNode {
    pub id: i64,
    pub code: String,
    pub text: String,
    pub class: Option<String>,
    pub line: i64,
    pub lead: Vec<AgencyRef>,
    pub coordinating: Vec<AgencyRef>,
    pub tasks: Vec<TaskNode>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TaskNode {
    pub id: i64,
    pub code: Option<String>,
    pub text: String,
    pub line: i64,
    pub period: Option<String>,
    pub lead: Vec<AgencyRef>,
    pub coordinating: Vec<AgencyRef>,
    pub lead_raw: Option<String>,
    pub coordinating_raw: Option<String>,
    /// Fields taken from a merged cell above ("lead", "coordinating", "period").
    pub inherited: Vec<String>,
}

impl TaskNode {
    /// Whether `field` ("lead", "coordinating", "period") came from a merged cell above.
    pub fn inherits(&self, field: &str) -> bool {
        self.inherited.iter().any(|f| f == field)
    }
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IndicatorNode {
    pub id: i64,
    pub code: Option<String>,
    pub target_code: Option<String>,
    pub name: String,
    pub unit: Option<String>,
    pub line: i64,
    pub values: Vec<ValueRow>,
    // A reference to itself: the document lists the schema once.
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub components: Vec<IndicatorNode>,
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ValueRow {
    pub year: Option<i64>,
    pub text: String,
    pub value: Option<f64>,
    pub comparator: Option<String>,
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RuleRow {
    pub reporter: String,
    pub recipient: String,
    pub recurrence: String,
    pub due_day: Option<i64>,
    pub due_month: Option<i64>,
    pub due_relative: Option<String>,
    pub line: i64,
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DiagnosticRow {
    pub severity: String,
    pub code: String,
    pub message: String,
    pub line: Option<i64>,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VersionRow {
    pub id: i64,
    pub version: i64,
    pub imported_at: i64,
    pub file_name: String,
    pub number: Option<String>,
    pub issued_on: Option<String>,
}

/// How a `kehoach_model::YearRange` serialises, for the OpenAPI document.
#[cfg(feature = "openapi")]
#[derive(utoipa::ToSchema)]
#[schema(as = YearRange)]
pub struct YearRangeSchema {
    pub from: i32,
    pub to: i32,
}

/// The columns of a `PlanSummary`; a macro so that `concat!` can build each query from it.
macro_rules! summary_select {
    () => {
        "SELECT p.id, p.title, p.published, v.id AS version_id, v.version, d.id AS document_id, \
         d.kind, d.number, d.issued_on, d.issuer, d.file_name, \
         (SELECT COUNT(*) FROM goals g WHERE g.version_id = v.id) AS goals, \
         (SELECT COUNT(*) FROM targets t WHERE t.version_id = v.id) AS targets, \
         (SELECT COUNT(*) FROM tasks k WHERE k.version_id = v.id) AS tasks, \
         (SELECT COUNT(*) FROM indicators i WHERE i.version_id = v.id AND i.parent_id IS NULL) AS indicators \
         FROM plans p JOIN plan_versions v ON v.plan_id = p.id JOIN documents d ON d.id = v.document_id "
    };
}

const ALL_LATEST: &str = concat!(
    summary_select!(),
    "WHERE v.version = (SELECT MAX(w.version) FROM plan_versions w WHERE w.plan_id = p.id) ORDER BY p.id"
);
const PUBLISHED_LATEST: &str = concat!(
    summary_select!(),
    "WHERE v.version = (SELECT MAX(w.version) FROM plan_versions w WHERE w.plan_id = p.id) \
     AND p.published = 1 ORDER BY p.id"
);
const PLAN_LATEST: &str = concat!(
    summary_select!(),
    "WHERE p.id = $1 AND v.version = (SELECT MAX(w.version) FROM plan_versions w WHERE w.plan_id = p.id)"
);
const PLAN_AT_VERSION: &str = concat!(summary_select!(), "WHERE p.id = $1 AND v.id = $2");

impl Store {
    /// Every plan at its latest version, with counts. `published_only` for the public.
    pub async fn plans(&self, published_only: bool) -> Result<Vec<PlanSummary>> {
        let sql = if published_only {
            PUBLISHED_LATEST
        } else {
            ALL_LATEST
        };
        Ok(sqlx::query_as(sql).fetch_all(&self.pool).await?)
    }

    /// A plan at one version (its latest when `version_id` is None).
    pub async fn plan_summary(&self, plan_id: i64, version_id: Option<i64>) -> Result<PlanSummary> {
        let found: Option<PlanSummary> = match version_id {
            Some(v) => {
                sqlx::query_as(PLAN_AT_VERSION)
                    .bind(plan_id)
                    .bind(v)
                    .fetch_optional(&self.pool)
                    .await?
            }
            None => {
                sqlx::query_as(PLAN_LATEST)
                    .bind(plan_id)
                    .fetch_optional(&self.pool)
                    .await?
            }
        };
        found.ok_or_else(|| StoreError::NotFound(format!("plan {plan_id}")))
    }

    pub async fn versions(&self, plan_id: i64) -> Result<Vec<VersionRow>> {
        Ok(sqlx::query_as(
            "SELECT v.id, v.version, v.imported_at, d.file_name, d.number, d.issued_on \
             FROM plan_versions v JOIN documents d ON d.id = v.document_id \
             WHERE v.plan_id = $1 ORDER BY v.version",
        )
        .bind(plan_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The whole tree of one plan version.
    pub async fn plan_tree(&self, plan_id: i64, version_id: Option<i64>) -> Result<PlanTree> {
        let summary = self.plan_summary(plan_id, version_id).await?;
        let v = summary.version_id;
        let directory = self.agency_directory().await?;
        let phases_json: String =
            sqlx::query_scalar("SELECT phases FROM plan_versions WHERE id = $1")
                .bind(v)
                .fetch_one(&self.pool)
                .await?;
        let phases = serde_json::from_str(&phases_json)?;
        let task_roles = self.roles(TASK_ROLES, v).await?;
        let target_roles = self.roles(TARGET_ROLES, v).await?;
        let tasks: Vec<TaskRow> = sqlx::query_as(
            "SELECT id, target_id, code, text, line, period, lead_raw, coordinating_raw, inherited \
             FROM tasks WHERE version_id = $1 ORDER BY target_id, position",
        )
        .bind(v)
        .fetch_all(&self.pool)
        .await?;
        let mut by_target: HashMap<Option<i64>, Vec<TaskNode>> = HashMap::new();
        for row in tasks {
            let (lead, coordinating) = split_roles(&task_roles, row.id, &directory);
            let inherited = serde_json::from_str(&row.inherited)?;
            by_target.entry(row.target_id).or_default().push(TaskNode {
                id: row.id,
                code: row.code,
                text: row.text,
                line: row.line,
                period: row.period,
                lead,
                coordinating,
                lead_raw: row.lead_raw,
                coordinating_raw: row.coordinating_raw,
                inherited,
            });
        }
        let targets: Vec<(i64, i64, String, String, Option<String>, i64)> = sqlx::query_as(
            "SELECT id, goal_id, code, text, class, line FROM targets WHERE version_id = $1 ORDER BY goal_id, position",
        )
        .bind(v)
        .fetch_all(&self.pool)
        .await?;
        let mut by_goal: HashMap<i64, Vec<TargetNode>> = HashMap::new();
        for (id, goal_id, code, text, class, line) in targets {
            let (lead, coordinating) = split_roles(&target_roles, id, &directory);
            by_goal.entry(goal_id).or_default().push(TargetNode {
                id,
                code,
                text,
                class,
                line,
                lead,
                coordinating,
                tasks: by_target.remove(&Some(id)).unwrap_or_default(),
            });
        }
        let goal_rows: Vec<(i64, String, String, i64)> = sqlx::query_as(
            "SELECT id, code, title, line FROM goals WHERE version_id = $1 ORDER BY position",
        )
        .bind(v)
        .fetch_all(&self.pool)
        .await?;
        let goals = goal_rows
            .into_iter()
            .map(|(id, code, title, line)| GoalNode {
                id,
                code,
                title,
                line,
                targets: by_goal.remove(&id).unwrap_or_default(),
            })
            .collect();
        Ok(PlanTree {
            indicators: self.indicators_of(v).await?,
            rules: sqlx::query_as(
                "SELECT reporter, recipient, recurrence, due_day, due_month, due_relative, line \
                 FROM reporting_rules WHERE version_id = $1 ORDER BY position",
            )
            .bind(v)
            .fetch_all(&self.pool)
            .await?,
            diagnostics: self.diagnostics(v).await?,
            loose_tasks: by_target.remove(&None).unwrap_or_default(),
            phases,
            goals,
            summary,
        })
    }

    /// (goal code, number of tasks under its targets) of a plan version, in order.
    pub async fn goal_task_counts(&self, version_id: i64) -> Result<Vec<(String, i64)>> {
        Ok(sqlx::query_as(
            "SELECT g.code, (SELECT COUNT(*) FROM tasks k JOIN targets t ON t.id = k.target_id \
              WHERE t.goal_id = g.id) FROM goals g WHERE g.version_id = $1 ORDER BY g.position",
        )
        .bind(version_id)
        .fetch_all(&self.pool)
        .await?)
    }

    pub async fn diagnostics(&self, version_id: i64) -> Result<Vec<DiagnosticRow>> {
        Ok(sqlx::query_as(
            "SELECT severity, code, message, line, before, after FROM diagnostics \
             WHERE version_id = $1 ORDER BY position",
        )
        .bind(version_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The numbered lines of a document as imported (1-based numbers).
    pub async fn source_lines(&self, document_id: i64) -> Result<Vec<String>> {
        let text: Option<String> =
            sqlx::query_scalar("SELECT source_text FROM documents WHERE id = $1")
                .bind(document_id)
                .fetch_optional(&self.pool)
                .await?;
        let text = text.ok_or_else(|| StoreError::NotFound(format!("document {document_id}")))?;
        Ok(text.split('\n').map(str::to_string).collect())
    }

    async fn indicators_of(&self, version_id: i64) -> Result<Vec<IndicatorNode>> {
        let rows: Vec<IndicatorRow> = sqlx::query_as(
            "SELECT id, parent_id, code, target_code, name, unit, line FROM indicators \
             WHERE version_id = $1 \
             ORDER BY CASE WHEN parent_id IS NULL THEN 0 ELSE 1 END, parent_id, position",
        )
        .bind(version_id)
        .fetch_all(&self.pool)
        .await?;
        let values: Vec<ValueOf> = sqlx::query_as(
            "SELECT iv.indicator_id, iv.year, iv.text, iv.value, iv.comparator FROM indicator_values iv \
             JOIN indicators i ON i.id = iv.indicator_id WHERE i.version_id = $1 ORDER BY iv.indicator_id, iv.position",
        )
        .bind(version_id)
        .fetch_all(&self.pool)
        .await?;
        let mut values_of: HashMap<i64, Vec<ValueRow>> = HashMap::new();
        for v in values {
            values_of.entry(v.indicator_id).or_default().push(ValueRow {
                year: v.year,
                text: v.text,
                value: v.value,
                comparator: v.comparator,
            });
        }
        let mut children: HashMap<i64, Vec<IndicatorNode>> = HashMap::new();
        let mut roots = Vec::new();
        // Rows come roots first, then components grouped by parent (ids grow
        // with depth), so walking from the end meets every component before
        // its parent. (NULLs sort differently per backend: hence the CASE.)
        let mut nodes: Vec<(Option<i64>, IndicatorNode)> = rows
            .into_iter()
            .map(|row| {
                (
                    row.parent_id,
                    IndicatorNode {
                        values: values_of.remove(&row.id).unwrap_or_default(),
                        id: row.id,
                        code: row.code,
                        target_code: row.target_code,
                        name: row.name,
                        unit: row.unit,
                        line: row.line,
                        components: Vec::new(),
                    },
                )
            })
            .collect();
        while let Some((parent, mut node)) = nodes.pop() {
            node.components = children.remove(&node.id).unwrap_or_default();
            match parent {
                Some(p) => children.entry(p).or_default().insert(0, node),
                None => roots.insert(0, node),
            }
        }
        Ok(roots)
    }

    async fn roles(
        &self,
        sql: &'static str,
        version_id: i64,
    ) -> Result<HashMap<i64, Vec<(String, i64)>>> {
        let rows: Vec<(i64, String, i64)> = sqlx::query_as(sql)
            .bind(version_id)
            .fetch_all(&self.pool)
            .await?;
        let mut map: HashMap<i64, Vec<(String, i64)>> = HashMap::new();
        for (owner, role, agency) in rows {
            map.entry(owner).or_default().push((role, agency));
        }
        Ok(map)
    }
}

#[derive(sqlx::FromRow)]
struct IndicatorRow {
    id: i64,
    parent_id: Option<i64>,
    code: Option<String>,
    target_code: Option<String>,
    name: String,
    unit: Option<String>,
    line: i64,
}

#[derive(sqlx::FromRow)]
struct ValueOf {
    indicator_id: i64,
    year: Option<i64>,
    text: String,
    value: Option<f64>,
    comparator: Option<String>,
}

#[derive(sqlx::FromRow)]
struct TaskRow {
    id: i64,
    target_id: Option<i64>,
    code: Option<String>,
    text: String,
    line: i64,
    period: Option<String>,
    lead_raw: Option<String>,
    coordinating_raw: Option<String>,
    inherited: String,
}

const TASK_ROLES: &str = "SELECT ta.task_id, ta.role, ta.agency_id FROM task_agencies ta \
    JOIN tasks t ON t.id = ta.task_id WHERE t.version_id = $1 ORDER BY ta.task_id, ta.position";
const TARGET_ROLES: &str = "SELECT ta.target_id, ta.role, ta.agency_id FROM target_agencies ta \
    JOIN targets t ON t.id = ta.target_id WHERE t.version_id = $1 ORDER BY ta.target_id, ta.position";

fn split_roles(
    roles: &HashMap<i64, Vec<(String, i64)>>,
    owner: i64,
    directory: &AgencyDirectory,
) -> (Vec<AgencyRef>, Vec<AgencyRef>) {
    let mut lead = Vec::new();
    let mut coordinating = Vec::new();
    for (role, agency) in roles.get(&owner).into_iter().flatten() {
        let reference = directory.reference(*agency);
        if role == "lead" {
            lead.push(reference);
        } else {
            coordinating.push(reference);
        }
    }
    (lead, coordinating)
}

impl Store {
    /// The plan a document was imported as, and whether that plan is published.
    pub async fn document_plan(&self, document_id: i64) -> Result<Option<(i64, bool)>> {
        let found: Option<(i64, i64)> = sqlx::query_as(
            "SELECT p.id, p.published FROM plan_versions v JOIN plans p ON p.id = v.plan_id \
             WHERE v.document_id = $1 LIMIT 1",
        )
        .bind(document_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(found.map(|(id, published)| (id, published != 0)))
    }
}
