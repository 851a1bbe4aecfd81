//! `kehoach bench submit`: durable entry saves per second through the JSON
//! API. A fresh SQLite database with a corpus plan, its 2026 yearly period
//! open, one reporter account per client (on distinct agencies while there
//! are enough); the real router served on 127.0.0.1; N clients, each on one
//! kept-alive connection, saving its own entry again and again
//! (PUT /api/entries/{id} at the version the last save returned). The
//! baseline: single-row UPDATE transactions committed one after another on
//! a bare SQLite file with the same journal and synchronous settings.

mod baseline;
mod http;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{bail, ensure, Context};
use kehoach_import::ImportOptions;
use kehoach_store::reporting::periods::GenerationOptions;
use kehoach_store::{Actor, NewUser, Principal, Role, Store};
use serde_json::{json, Value};

use self::http::Connection;

/// The plan measured on: 26 agencies lead its tasks.
const PLAN_DOCUMENT: &str = "ben-tre-2018";
const PERIOD_YEAR: i32 = 2026;
pub const MAX_CLIENTS: usize = 512;

pub struct Options {
    pub json: bool,
    pub corpus: PathBuf,
    pub db: Option<String>,
    pub clients: usize,
    pub seconds: f64,
    /// Commit each save alone instead of in groups (for comparison).
    pub one_by_one: bool,
}

/// A folder removed when the measurement ends.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A reporter account of the bench and the entry of its report it saves.
struct Reporter {
    login: String,
    password: String,
    nth: usize,
}

/// (agency, nth entry of its report) for `clients` clients: the agencies
/// in turn, most tasks first, then their second entries, and so on, so no
/// two clients save the same entry.
fn entry_slots(leads: &[(i64, usize)], clients: usize) -> Vec<(i64, usize)> {
    let mut slots = Vec::with_capacity(clients);
    let most = leads.iter().map(|&(_, tasks)| tasks).max().unwrap_or(0);
    for nth in 0..most {
        for &(agency, tasks) in leads {
            if slots.len() == clients {
                return slots;
            }
            if tasks > nth {
                slots.push((agency, nth));
            }
        }
    }
    slots
}

/// What one client did.
#[derive(Default)]
struct Tally {
    saves: u64,
    conflicts: u64,
    errors: u64,
    latencies: Vec<Duration>,
}

pub async fn run(options: &Options) -> anyhow::Result<ExitCode> {
    ensure!(
        options.seconds.is_finite() && options.seconds > 0.0,
        "--seconds must be a positive number"
    );
    ensure!(
        (1..=MAX_CLIENTS).contains(&options.clients),
        "--clients must be 1 to {MAX_CLIENTS}"
    );
    let dir = TempDir(std::env::temp_dir().join(format!(
        "kehoach-submit-bench-{}",
        kehoach_store::accounts::random_token()
    )));
    std::fs::create_dir_all(&dir.0).with_context(|| format!("creating {}", dir.0.display()))?;
    let url = match &options.db {
        Some(url) => fresh_sqlite(url)?,
        None => format!("sqlite://{}", dir.0.join("bench.db").display()),
    };
    let store = Store::open(&url).await?;
    let (period, reporters) = prepare(&store, &options.corpus, options.clients).await?;
    let durability = store.sqlite_durability().await?;

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let mut state = kehoach_web::AppState::new(store.clone());
    if options.one_by_one {
        state.entry_writer =
            kehoach_store::reporting::grouped_saves::EntryWriter::one_by_one(store.clone());
    }
    let app = kehoach_web::router(state);
    let server = tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
    });

    let mut clients = Vec::with_capacity(reporters.len());
    for r in &reporters {
        clients.push(client(addr, &r.login, &r.password, period, r.nth).await?);
    }
    let duration = Duration::from_secs_f64(options.seconds);
    let started = Instant::now();
    let tasks: Vec<_> = clients
        .into_iter()
        .map(|(conn, entry, version)| {
            tokio::spawn(save_repeatedly(conn, entry, version, started + duration))
        })
        .collect();
    let mut tallies = Vec::with_capacity(tasks.len());
    for task in tasks {
        tallies.push(task.await.context("a client stopped")??);
    }
    let elapsed = started.elapsed().as_secs_f64();
    server.abort();
    store.close().await;

    let base = baseline::commits_per_second(&dir.0.join("baseline.db"), duration).await?;
    report(options, &tallies, elapsed, base, durability.as_ref());
    Ok(ExitCode::SUCCESS)
}

/// The bench writes its own database: a file that exists is not touched.
fn fresh_sqlite(url: &str) -> anyhow::Result<String> {
    let Some(path) = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
    else {
        bail!("bench submit measures SQLite: give --db sqlite://PATH");
    };
    let path = path.split('?').next().unwrap_or(path);
    ensure!(
        !Path::new(path).exists(),
        "{path} exists: bench submit makes a fresh database, give a new path"
    );
    Ok(url.to_string())
}

/// The plan imported, its period open, one reporter per client: the
/// agencies leading tasks in turn, each reporter on an entry of its own
/// (several reporters per agency when there are more clients than agencies).
async fn prepare(
    store: &Store,
    corpus: &Path,
    clients: usize,
) -> anyhow::Result<(i64, Vec<Reporter>)> {
    let files = kehoach_import::corpus::corpus_documents(corpus)
        .with_context(|| format!("reading {}", corpus.display()))?;
    let file = files
        .iter()
        .find(|f| {
            f.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(PLAN_DOCUMENT))
        })
        .with_context(|| format!("no {PLAN_DOCUMENT} document in {}", corpus.display()))?;
    let actor = Actor::command_line();
    let (_, outcome) = store
        .import_file(file, ImportOptions::default(), &actor)
        .await?;
    let plan = outcome.plan_id();
    let dpi = Principal::system("bench");
    let generated = store
        .generate_periods(&dpi, plan, PERIOD_YEAR, &GenerationOptions::default())
        .await?;
    let period = generated
        .periods
        .first()
        .context("the plan gives no period for 2026")?
        .id;
    store.open_period(&dpi, period).await?;
    let mut leads: Vec<(i64, usize)> = store
        .agencies()
        .await?
        .into_iter()
        .filter(|a| a.leads > 0)
        .map(|a| (a.id, usize::try_from(a.leads).unwrap_or(0)))
        .collect();
    leads.sort_unstable_by_key(|&(id, tasks)| (std::cmp::Reverse(tasks), id));
    let slots = entry_slots(&leads, clients);
    ensure!(
        slots.len() == clients,
        "{PLAN_DOCUMENT} has {} tasks with a lead: fewer than --clients",
        slots.len()
    );
    let mut reporters = Vec::with_capacity(clients);
    for (i, &(agency, nth)) in slots.iter().enumerate() {
        let login = format!("bench-{i}");
        let password = kehoach_store::accounts::random_token();
        store
            .create_user(
                NewUser {
                    login: &login,
                    display_name: &login,
                    role: Role::Reporter,
                    agency_id: Some(agency),
                    password: &password,
                },
                &actor,
            )
            .await?;
        reporters.push(Reporter {
            login,
            password,
            nth,
        });
    }
    Ok((period, reporters))
}

/// A client signed in through POST /api/session, with its entry (the
/// `nth` of its agency's report, read through the API: reporters sharing an
/// agency take different entries) and that entry's version.
async fn client(
    addr: SocketAddr,
    login: &str,
    password: &str,
    period: i64,
    nth: usize,
) -> anyhow::Result<(Connection, i64, i64)> {
    let mut conn = Connection::open(addr).await?;
    let credentials = json!({ "login": login, "password": password }).to_string();
    let session = expect_ok(
        conn.send("POST", "/api/session", credentials.as_bytes())
            .await?,
    )?;
    conn.token = session["token"].as_str().map(str::to_string);
    let report = expect_ok(
        conn.send("GET", &format!("/api/periods/{period}/my-report"), b"")
            .await?,
    )?;
    let entries = report["entries"]
        .as_array()
        .context("a report without entries")?;
    ensure!(!entries.is_empty(), "{login}'s agency has no entries");
    let entry = &entries[nth % entries.len()];
    let id = entry["id"].as_i64().context("an entry id")?;
    let version = entry["version"].as_i64().context("an entry version")?;
    Ok((conn, id, version))
}

fn expect_ok((status, body): (u16, Vec<u8>)) -> anyhow::Result<Value> {
    ensure!(
        status == 200,
        "HTTP {status}: {}",
        String::from_utf8_lossy(&body)
    );
    Ok(serde_json::from_slice(&body)?)
}

/// Saves the entry until `until`, each time at the version the last save returned.
async fn save_repeatedly(
    mut conn: Connection,
    entry: i64,
    mut version: i64,
    until: Instant,
) -> anyhow::Result<Tally> {
    let path = format!("/api/entries/{entry}");
    let mut tally = Tally::default();
    let mut round = 0u64;
    while Instant::now() < until {
        round += 1;
        let body = json!({
            "version": version,
            "status": if round.is_multiple_of(2) { "in-progress" } else { "done" },
            "results": format!("Lần lưu {round}"),
            "difficulties": "",
            "recommendations": "",
            "funds": [{ "source": "state-budget", "amount": round as f64 * 1.5 }],
        })
        .to_string();
        let sent = Instant::now();
        let (status, answer) = conn.send("PUT", &path, body.as_bytes()).await?;
        tally.latencies.push(sent.elapsed());
        let answer: Value = serde_json::from_slice(&answer).unwrap_or(Value::Null);
        match status {
            200 => {
                tally.saves += 1;
                version = answer["version"].as_i64().context("a saved version")?;
            }
            409 => {
                tally.conflicts += 1;
                version = answer["current"]["version"]
                    .as_i64()
                    .context("the stored version")?;
            }
            _ => {
                tally.errors += 1;
                if tally.errors > 100 {
                    bail!("HTTP {status} again and again: {answer}");
                }
            }
        }
    }
    Ok(tally)
}

fn report(
    options: &Options,
    tallies: &[Tally],
    elapsed: f64,
    baseline: f64,
    durability: Option<&(String, i64)>,
) {
    let saves: u64 = tallies.iter().map(|t| t.saves).sum();
    let conflicts: u64 = tallies.iter().map(|t| t.conflicts).sum();
    let errors: u64 = tallies.iter().map(|t| t.errors).sum();
    let mut latencies: Vec<Duration> = tallies
        .iter()
        .flat_map(|t| t.latencies.iter().copied())
        .collect();
    latencies.sort_unstable();
    let rate = saves as f64 / elapsed;
    let ratio = if baseline > 0.0 { rate / baseline } else { 0.0 };
    let (p50, p95, p99) = (
        percentile_ms(&latencies, 0.50),
        percentile_ms(&latencies, 0.95),
        percentile_ms(&latencies, 0.99),
    );
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load = load
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    if options.json {
        let out = json!({
            "bench": "submit",
            "value": round1(rate),
            "unit": "1/s",
            "baseline": {
                "what": "raw SQLite commits with the same durability",
                "value": round1(baseline),
                "unit": "1/s",
            },
            "ratio": (ratio * 1000.0).round() / 1000.0,
            "latency_ms": { "p50": p50, "p95": p95, "p99": p99 },
            "clients": options.clients,
            "commits": if options.one_by_one { "one by one" } else { "grouped" },
            "seconds": round1(elapsed),
            "saves": saves,
            "conflicts": conflicts,
            "errors": errors,
            "durability": durability.map(|(mode, sync)| json!({ "journal_mode": mode, "synchronous": sync })),
            "load_average": load,
        });
        println!("{out}");
    } else {
        println!(
            "submit: {:.0} saves/s ({saves} in {elapsed:.1} s, {} clients; {conflicts} conflicts, {errors} errors), \
             latency p50 {p50} ms, p95 {p95} ms, p99 {p99} ms; raw SQLite commits: {baseline:.0}/s; ratio {ratio:.2}; load {load}",
            rate, options.clients
        );
    }
}

fn percentile_ms(sorted: &[Duration], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let index = ((sorted.len() - 1) as f64 * q).round() as usize;
    let ms = sorted[index.min(sorted.len() - 1)].as_secs_f64() * 1000.0;
    (ms * 100.0).round() / 100.0
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}
