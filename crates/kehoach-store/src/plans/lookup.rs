//! Finding what a parsed document would become before storing it: the same
//! bytes imported before, or a plan it would be the next version of.

use crate::error::Result;
use crate::Store;

/// A stored plan a preview refers to.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct KnownPlan {
    pub plan_id: i64,
    pub title: String,
    /// Its latest version number.
    pub version: i64,
}

impl Store {
    /// The plan known by this identity (see `identity::plan_identity`).
    pub async fn plan_by_identity(&self, identity: &str) -> Result<Option<KnownPlan>> {
        Ok(sqlx::query_as(
            "SELECT p.id AS plan_id, p.title, \
             COALESCE((SELECT MAX(v.version) FROM plan_versions v WHERE v.plan_id = p.id), 0) AS version \
             FROM plans p WHERE p.identity = $1",
        )
        .bind(identity)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// The plan whose document has exactly these bytes (by SHA-256), if any.
    pub async fn plan_by_sha256(&self, sha256: &str) -> Result<Option<KnownPlan>> {
        Ok(sqlx::query_as(
            "SELECT p.id AS plan_id, p.title, v.version FROM plan_versions v \
             JOIN documents d ON d.id = v.document_id JOIN plans p ON p.id = v.plan_id \
             WHERE d.sha256 = $1 ORDER BY v.id LIMIT 1",
        )
        .bind(sha256)
        .fetch_optional(&self.pool)
        .await?)
    }
}
