//! The baseline: what the disk allows. Single-row UPDATE transactions,
//! committed one after another on a bare SQLite file in WAL mode with
//! synchronous=FULL, as the store's database runs (every commit waits for
//! the WAL's fsync).

use std::path::Path;
use std::str::FromStr;
use std::time::{Duration, Instant};

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::{Connection, SqliteConnection};

const ROWS: i64 = 64;

pub async fn commits_per_second(file: &Path, duration: Duration) -> anyhow::Result<f64> {
    let options = SqliteConnectOptions::from_str(&format!("sqlite://{}", file.display()))?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full);
    let mut conn = SqliteConnection::connect_with(&options).await?;
    sqlx::query("CREATE TABLE entries (id INTEGER PRIMARY KEY, version INTEGER NOT NULL, results TEXT NOT NULL)")
        .execute(&mut conn)
        .await?;
    for id in 0..ROWS {
        sqlx::query("INSERT INTO entries (id, version, results) VALUES ($1, 0, '')")
            .bind(id)
            .execute(&mut conn)
            .await?;
    }
    let started = Instant::now();
    let mut commits = 0i64;
    while started.elapsed() < duration {
        let mut tx = conn.begin().await?;
        sqlx::query("UPDATE entries SET version = version + 1, results = $1 WHERE id = $2")
            .bind(format!("Lần lưu {commits}"))
            .bind(commits % ROWS)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        commits += 1;
    }
    let rate = commits as f64 / started.elapsed().as_secs_f64();
    conn.close().await?;
    Ok(rate)
}
