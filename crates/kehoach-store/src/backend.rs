//! Which database a URL names, and opening it. One SQL dialect serves both:
//! `$1` placeholders (SQLite accepts them), `RETURNING`, `ON CONFLICT`; only
//! the table definitions differ, in `migrations/sqlite` and `migrations/postgres`.

use std::path::Path;
use std::time::Duration;

use sqlx::any::{install_default_drivers, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::AnyPool;

use crate::error::{Result, StoreError};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of_url(url: &str) -> Result<Backend> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err(StoreError::UnsupportedUrl(url.to_string()))
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }

    fn migrator(self) -> &'static Migrator {
        match self {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        }
    }
}

/// Opens the pool and brings the schema up to date.
pub(crate) async fn open(url: &str) -> Result<(AnyPool, Backend)> {
    install_default_drivers();
    let backend = Backend::of_url(url)?;
    let url = match backend {
        Backend::Sqlite => sqlite_url(url)?,
        Backend::Postgres => url.to_string(),
    };
    // SQLite allows one writer at a time; more connections only queue on its
    // lock, so a small pool serves readers (WAL lets them run beside the writer).
    let max = match backend {
        Backend::Sqlite => 4,
        Backend::Postgres => 16,
    };
    let pool = AnyPoolOptions::new()
        .max_connections(max)
        .acquire_timeout(Duration::from_secs(10))
        .after_connect(move |conn, _| {
            Box::pin(async move {
                if backend == Backend::Sqlite {
                    sqlx::raw_sql(SQLITE_DURABILITY).execute(conn).await?;
                }
                Ok(())
            })
        })
        .connect(&url)
        .await
        .map_err(|source| StoreError::Open {
            url: redact(&url),
            source,
        })?;
    backend.migrator().run(&pool).await?;
    Ok((pool, backend))
}

/// sqlx 0.9 leaves SQLite's journal as it finds it (a new file: rollback
/// journal). WAL lets readers run beside the writer; FULL makes every commit
/// wait for the WAL's fsync, so nothing acknowledged is lost on power failure
/// (NORMAL, WAL's usual partner, may lose the last commits).
const SQLITE_DURABILITY: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";

/// `sqlite://path` with the options kehoach relies on: create the file if
/// missing, and its folder too, so `--db sqlite://data/kehoach.db` just works.
/// sqlx's SQLite defaults (foreign keys on, busy timeout) stay.
fn sqlite_url(url: &str) -> Result<String> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url);
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    if path.is_empty() || path == ":memory:" {
        return Err(StoreError::Invalid(
            "an SQLite database needs a file path (sqlite://PATH); in-memory databases are not kept"
                .into(),
        ));
    }
    if let Some(dir) = Path::new(path)
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir).map_err(|e| {
            StoreError::Invalid(format!("cannot create the folder {}: {e}", dir.display()))
        })?;
    }
    let mut query = query.to_string();
    if !query.contains("mode=") {
        if !query.is_empty() {
            query.push('&');
        }
        query.push_str("mode=rwc");
    }
    Ok(format!("sqlite://{path}?{query}"))
}

/// The URL without its password, for messages (database and mail URLs alike).
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.split_once('@') {
        Some((credentials, host)) => {
            let user = credentials.split(':').next().unwrap_or("");
            format!("{scheme}://{user}:***@{host}")
        }
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_choose_the_backend() {
        assert_eq!(Backend::of_url("sqlite://a.db").ok(), Some(Backend::Sqlite));
        assert_eq!(
            Backend::of_url("postgres://u@h/db").ok(),
            Some(Backend::Postgres)
        );
        assert!(Backend::of_url("mysql://u@h/db").is_err());
    }

    #[test]
    fn sqlite_urls_get_create_mode() {
        assert_eq!(
            sqlite_url("sqlite:///tmp/x.db").ok().as_deref(),
            Some("sqlite:///tmp/x.db?mode=rwc")
        );
        assert_eq!(
            sqlite_url("sqlite://x.db?mode=ro").ok().as_deref(),
            Some("sqlite://x.db?mode=ro")
        );
        assert!(sqlite_url("sqlite::memory:").is_err());
    }

    #[test]
    fn both_backends_have_the_same_numbered_migrations() {
        let names = |backend: &str| {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("migrations")
                .join(backend);
            let mut names: Vec<String> = std::fs::read_dir(&dir)
                .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .collect();
            names.sort();
            names
        };
        let sqlite = names("sqlite");
        assert!(!sqlite.is_empty());
        assert_eq!(sqlite, names("postgres"));
        for (i, name) in sqlite.iter().enumerate() {
            assert!(
                name.starts_with(&format!("{:04}_", i + 1)),
                "{name} is not numbered in sequence"
            );
        }
    }

    #[test]
    fn passwords_are_not_shown() {
        assert_eq!(
            redact("postgres://kh:secret@localhost/kh"),
            "postgres://kh:***@localhost/kh"
        );
        assert_eq!(redact("sqlite://a.db"), "sqlite://a.db");
    }
}
