//! A fresh database per test, on each backend: an SQLite file in a temporary
//! folder, and a new database on the PostgreSQL server named by
//! KEHOACH_TEST_POSTGRES (scripts/postgres.sh starts one; scripts/test.sh sets
//! it and KEHOACH_REQUIRE_POSTGRES=1, so CI cannot pass without PostgreSQL).

use std::path::{Path, PathBuf};

use kehoach_store::Store;
use sqlx::Connection;

pub struct TestDb {
    pub store: Store,
    cleanup: Cleanup,
}

enum Cleanup {
    Dir(PathBuf),
    PgDatabase { admin_url: String, name: String },
}

impl TestDb {
    pub async fn sqlite() -> TestDb {
        let dir = std::env::temp_dir().join(format!(
            "kehoach-store-test-{}",
            kehoach_store::accounts::random_token()
        ));
        let url = format!("sqlite://{}", dir.join("test.db").display());
        let store = Store::open(&url).await.expect("open sqlite");
        TestDb {
            store,
            cleanup: Cleanup::Dir(dir),
        }
    }

    /// None when no PostgreSQL server is configured and none is required.
    pub async fn postgres() -> Option<TestDb> {
        let admin_url = match std::env::var("KEHOACH_TEST_POSTGRES") {
            Ok(url) if !url.is_empty() => url,
            _ => {
                assert!(
                    std::env::var("KEHOACH_REQUIRE_POSTGRES").as_deref() != Ok("1"),
                    "KEHOACH_REQUIRE_POSTGRES=1 but KEHOACH_TEST_POSTGRES is not set"
                );
                eprintln!("skipped on PostgreSQL: set KEHOACH_TEST_POSTGRES (scripts/postgres.sh prints a URL)");
                return None;
            }
        };
        let name = format!(
            "kehoach_test_{}",
            &kehoach_store::accounts::random_token()[..16]
        );
        let mut admin = sqlx::postgres::PgConnection::connect(&admin_url)
            .await
            .expect("connect to the PostgreSQL test server");
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut admin)
            .await
            .expect("create a test database");
        admin.close().await.ok();
        let url = with_database(&admin_url, &name);
        let store = Store::open(&url).await.expect("open postgres");
        Some(TestDb {
            store,
            cleanup: Cleanup::PgDatabase { admin_url, name },
        })
    }

    pub async fn finish(self) {
        self.store.close().await;
        match self.cleanup {
            Cleanup::Dir(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::PgDatabase { admin_url, name } => {
                if let Ok(mut admin) = sqlx::postgres::PgConnection::connect(&admin_url).await {
                    let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                        "DROP DATABASE IF EXISTS {name}"
                    )))
                    .execute(&mut admin)
                    .await;
                }
            }
        }
    }
}

fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let base = match base.rfind('/') {
        Some(i) if i > "postgres://".len() => &base[..i],
        _ => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

pub fn corpus() -> PathBuf {
    kehoach_import::corpus::corpus_dir().expect("the corpus (../shared/corpus or KEHOACH_CORPUS)")
}

pub fn corpus_file(stem_start: &str) -> PathBuf {
    let dir = corpus();
    kehoach_import::corpus::corpus_documents(&dir)
        .expect("list the corpus")
        .into_iter()
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(stem_start))
        })
        .unwrap_or_else(|| {
            panic!(
                "no corpus document starting with {stem_start} in {}",
                dir.display()
            )
        })
}

pub fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("read a corpus document")
}
