//! The audit log: every change says who made it, when, and what it was
//! before and after. Written in the same transaction as the change itself,
//! so there is never a change without its record (or a record without it).

use serde::Serialize;
use sqlx::AnyConnection;

use crate::clock::now;
use crate::error::Result;

/// Who is acting: a signed-in user, or the command line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    pub user_id: Option<i64>,
    pub name: String,
}

impl Actor {
    /// Changes made from the command line by whoever runs it on the server.
    pub fn command_line() -> Actor {
        let who = std::env::var("USER").unwrap_or_else(|_| "?".into());
        Actor {
            user_id: None,
            name: format!("cli:{who}"),
        }
    }

    pub fn user(id: i64, login: &str) -> Actor {
        Actor {
            user_id: Some(id),
            name: login.to_string(),
        }
    }
}

/// One change to record; `before` and `after` are JSON of the changed fields.
pub struct Change<'a> {
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: Option<i64>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

pub(crate) async fn record(
    conn: &mut AnyConnection,
    actor: &Actor,
    change: Change<'_>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO audit_log (at, user_id, actor, action, entity, entity_id, before, after) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(now())
    .bind(actor.user_id)
    .bind(actor.name.as_str())
    .bind(change.action)
    .bind(change.entity)
    .bind(change.entity_id)
    .bind(change.before.map(|v| v.to_string()))
    .bind(change.after.map(|v| v.to_string()))
    .execute(conn)
    .await?;
    Ok(())
}

/// One row of the audit log, as shown to administrators.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct AuditEntry {
    pub id: i64,
    pub at: i64,
    pub user_id: Option<i64>,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub before: Option<String>,
    pub after: Option<String>,
}
