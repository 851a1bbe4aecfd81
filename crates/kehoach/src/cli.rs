use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// kehoach: provincial plans as living plans.
#[derive(Debug, Parser)]
#[command(name = "kehoach", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import plan documents (.txt, .docx, .xlsx) and show what was found.
    Import {
        /// Documents to import.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print the import contract's JSON (one object per file, one per line).
        #[arg(long)]
        json: bool,
        /// Do not repair damaged words.
        #[arg(long)]
        no_repair: bool,
    },
    /// Import every document of the corpus (KEHOACH_CORPUS or ../shared/corpus) and summarise.
    Demo {
        /// The corpus folder; defaults to KEHOACH_CORPUS or shared/corpus beside the project.
        #[arg(long)]
        corpus: Option<PathBuf>,
    },
    /// Measure throughput and print the figures.
    Bench {
        #[arg(value_enum)]
        what: BenchKind,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
        /// The corpus folder; defaults as for `demo`.
        #[arg(long)]
        corpus: Option<PathBuf>,
        /// How long each measurement runs at least, in seconds.
        #[arg(long, default_value_t = 3.0)]
        seconds: f64,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum BenchKind {
    /// Import speed over the corpus, against a plain line scan of the same bytes.
    Import,
}
