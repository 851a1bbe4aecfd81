mod bench;
mod demo;
mod import;
mod search_bench;
mod serve;
mod submit_bench;
mod user;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{Cli, Command};

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Import {
            files,
            json,
            no_repair,
            db,
        } => match db {
            Some(db) => runtime()?.block_on(import::run_into_db(&db, &files, json, !no_repair)),
            None => import::run(&files, json, !no_repair),
        },
        Command::Serve { db, listen } => runtime()?.block_on(serve::run(&db, listen)),
        Command::Demo {
            corpus,
            listen,
            data,
            no_serve,
        } => {
            let corpus = corpus_or_default(corpus)?;
            runtime()?.block_on(demo::run(&corpus, &data, listen, !no_serve))
        }
        Command::User { action, db } => {
            let db = db.context("which database? give --db URL or set KEHOACH_DB")?;
            runtime()?.block_on(user::run(&db, action))
        }
        Command::Bench {
            what,
            json,
            corpus,
            seconds,
            db,
            clients,
            one_by_one,
        } => {
            let corpus = corpus_or_default(corpus)?;
            match what {
                crate::cli::BenchKind::Submit => {
                    let options = submit_bench::Options {
                        json,
                        corpus,
                        db,
                        clients,
                        seconds,
                        one_by_one,
                    };
                    runtime()?.block_on(submit_bench::run(&options))
                }
                _ => bench::run(what, json, &corpus, seconds),
            }
        }
    }
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")
}

/// Logs to stderr; RUST_LOG chooses the level, KEHOACH_LOG_JSON=1 the JSON format.
fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = if std::env::var("KEHOACH_LOG_JSON").as_deref() == Ok("1") {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}

fn corpus_or_default(given: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    match given {
        Some(dir) => Ok(dir),
        None => kehoach_import::corpus::corpus_dir().context(
            "corpus not found: set KEHOACH_CORPUS or run from a checkout with shared/corpus beside it",
        ),
    }
}
