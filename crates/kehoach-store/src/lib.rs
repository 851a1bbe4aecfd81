//! kehoach's database. One `Store` over SQLite (the embedded default: one
//! file, WAL) or PostgreSQL (a national deployment), chosen by URL; the same
//! queries run on both, and one conformance suite tests both.

#![forbid(unsafe_code)]

pub mod accounts;
pub mod agencies;
pub mod audit;
mod backend;
pub mod clock;
pub mod compare;
mod error;
pub mod plans;
pub mod reporting;
pub mod search;

use sqlx::AnyPool;

pub use accounts::{NewUser, Role, Session, User};
pub use audit::{Actor, AuditEntry};
pub use backend::{redact as redact_url, Backend};
pub use error::{Result, StoreError};
pub use plans::diff::VersionDiff;
pub use plans::write::{NewImport, StoreOutcome};
pub use reporting::Principal;
pub use search::{SearchHit, Span};

#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
}

impl Store {
    /// Opens (creating an SQLite file if needed) and migrates the database at `url`.
    pub async fn open(url: &str) -> Result<Store> {
        let (pool, backend) = backend::open(url).await?;
        Ok(Store { pool, backend })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Whether the database answers (for `/healthz`).
    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// The latest entries of the audit log, newest first.
    pub async fn audit_log(&self, limit: i64) -> Result<Vec<AuditEntry>> {
        Ok(sqlx::query_as(
            "SELECT id, at, user_id, actor, action, entity, entity_id, before, after \
             FROM audit_log ORDER BY id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }
}
