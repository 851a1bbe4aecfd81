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
        /// Store the plans in this database (sqlite://PATH or postgres://…):
        /// the same document again changes nothing, a new version of a plan is
        /// kept beside the old one with what changed.
        #[arg(long, env = "KEHOACH_DB")]
        db: Option<String>,
    },
    /// Serve the web app on a database.
    Serve {
        /// sqlite://PATH (created if missing) or postgres://USER@HOST/DB.
        #[arg(long, env = "KEHOACH_DB")]
        db: String,
        #[arg(long, default_value = "127.0.0.1:8080")]
        listen: std::net::SocketAddr,
    },
    /// A fresh demo: a new SQLite database, the whole corpus imported, one
    /// account per role (passwords printed), then the web app.
    Demo {
        /// The corpus folder; defaults to KEHOACH_CORPUS or shared/corpus beside the project.
        #[arg(long)]
        corpus: Option<PathBuf>,
        #[arg(long, default_value = "127.0.0.1:8080")]
        listen: std::net::SocketAddr,
        /// Where the demo database is made (replaced on every run).
        #[arg(long, default_value = "kehoach-demo")]
        data: PathBuf,
        /// Prepare the database and accounts, print them, and exit without serving.
        #[arg(long)]
        no_serve: bool,
    },
    /// Manage accounts.
    User {
        #[command(subcommand)]
        action: UserAction,
        #[arg(long, env = "KEHOACH_DB", global = true)]
        db: Option<String>,
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
        /// `submit`: the database to measure on (sqlite://PATH, made fresh; a
        /// temporary folder when not given).
        #[arg(long)]
        db: Option<String>,
        /// `submit`: concurrent HTTP clients, each a reporter saving its own entry.
        #[arg(long, default_value_t = 16)]
        clients: usize,
        /// `submit`: commit each save alone, not in groups (for comparison).
        #[arg(long)]
        one_by_one: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserAction {
    /// Create an account; the password is read from standard input.
    Add {
        login: String,
        #[arg(long, value_enum)]
        role: RoleArg,
        /// The agency a reporter reports for (its name as in the plans; diacritics optional).
        #[arg(long)]
        agency: Option<String>,
        /// The name shown in the app (defaults to the login).
        #[arg(long)]
        name: Option<String>,
        /// Where reminders are e-mailed.
        #[arg(long)]
        email: Option<String>,
    },
    /// Set (or with --clear, remove) the address reminders are e-mailed to.
    Email {
        login: String,
        address: Option<String>,
        #[arg(long, conflicts_with = "address")]
        clear: bool,
    },
    /// Set a new password (read from standard input); ends the account's sessions.
    Passwd { login: String },
    /// Disable an account (its sessions end) or, with --enable, enable it again.
    Disable {
        login: String,
        #[arg(long)]
        enable: bool,
    },
    /// List the accounts.
    List,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RoleArg {
    Admin,
    Coordinator,
    Reporter,
    Leader,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum BenchKind {
    /// Import speed over the corpus, against a plain line scan of the same bytes.
    Import,
    /// Search requests (50 fixed queries) and the largest plan's page, through
    /// the real router over a fresh SQLite database with the corpus imported.
    Search,
    /// Durable entry saves per second through the JSON API over loopback
    /// HTTP, against raw SQLite commits with the same durability.
    Submit,
}
