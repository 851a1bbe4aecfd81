//! The `kehoach` command line. Thin: each subcommand calls the library crates.

#![forbid(unsafe_code)]

mod cli;
mod commands;
mod summary;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("kehoach: {err:#}");
            ExitCode::from(1)
        }
    }
}
