mod bench;
mod demo;
mod import;

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
        } => import::run(&files, json, !no_repair),
        Command::Demo { corpus } => demo::run(&corpus_or_default(corpus)?),
        Command::Bench {
            what,
            json,
            corpus,
            seconds,
        } => bench::run(what, json, &corpus_or_default(corpus)?, seconds),
    }
}

fn corpus_or_default(given: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    match given {
        Some(dir) => Ok(dir),
        None => kehoach_import::corpus::corpus_dir().context(
            "corpus not found: set KEHOACH_CORPUS or run from a checkout with shared/corpus beside it",
        ),
    }
}
