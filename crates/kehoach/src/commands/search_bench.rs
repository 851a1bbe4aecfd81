//! `kehoach bench search`: the latency of whole search requests (routing,
//! query, ranking, page rendering) through the real router, in process,
//! over a fresh SQLite database with the corpus imported; and of the
//! largest plan's page, for comparison.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use kehoach_import::ImportOptions;
use kehoach_store::{Actor, Store};
use serde_json::json;
use tower::ServiceExt;

/// What people type: words and phrases without diacritics, agency names,
/// target codes, one letter, and one query that finds nothing.
const QUERIES: [&str; 50] = [
    "nuoc sach",
    "ke hoach dau tu",
    "so y te",
    "giao duc",
    "tre em",
    "phu nu",
    "ngheo",
    "giam ngheo ben vung",
    "bao hiem y te",
    "moi truong",
    "bien doi khi hau",
    "nang luong tai tao",
    "dien",
    "nong thon moi",
    "nong nghiep",
    "thuy san",
    "rung",
    "dat dai",
    "ve sinh",
    "suy dinh duong",
    "tu vong",
    "ty le",
    "lao dong",
    "viec lam",
    "du lich",
    "giao thong",
    "cong nghe thong tin",
    "khoa hoc",
    "binh dang gioi",
    "bao luc gia dinh",
    "tai nguyen",
    "chat thai ran",
    "so tai chinh",
    "so lao dong thuong binh va xa hoi",
    "uy ban nhan dan",
    "cong an tinh",
    "hoi lien hiep phu nu",
    "3.1",
    "6.1",
    "11.2",
    "4",
    "d",
    "y te",
    "hoc sinh",
    "dan toc thieu so",
    "ha tang",
    "doanh nghiep",
    "xuat khau",
    "so giao duc va dao tao",
    "zzqxw khongco",
];

/// At least this many rounds of all queries, however fast.
const MIN_ROUNDS: usize = 5;

pub async fn run(json: bool, corpus: &Path, min: Duration) -> anyhow::Result<ExitCode> {
    let dir = std::env::temp_dir().join(format!(
        "kehoach-bench-search-{}",
        kehoach_store::accounts::random_token()
    ));
    let result = measure(json, corpus, &dir, min).await;
    let _ = std::fs::remove_dir_all(&dir);
    result
}

async fn measure(json: bool, corpus: &Path, dir: &Path, min: Duration) -> anyhow::Result<ExitCode> {
    let store = load(corpus, dir).await?;
    let plan = largest_plan(&store).await?;
    let entries: i64 = store.search_entry_count().await?;
    let addr: SocketAddr = ([127, 0, 0, 1], 9).into();
    let router =
        kehoach_web::router(kehoach_web::AppState::new(store.clone())).layer(MockConnectInfo(addr));

    let search_paths: Vec<String> = QUERIES
        .iter()
        .map(|q| {
            format!(
                "/search?{}",
                serde_urlencoded::to_string([("q", q)]).unwrap_or_default()
            )
        })
        .collect();
    // Warm-up: the first requests pay for opening connections and caches.
    for path in &search_paths {
        get(&router, path).await?;
    }
    let (search_times, rounds) = time_rounds(&router, &search_paths, min).await?;
    let plan_paths = vec![format!("/plans/{plan}")];
    get(&router, &plan_paths[0]).await?;
    let (plan_times, _) = time_rounds(&router, &plan_paths, min / 2).await?;
    store.close().await;

    let search_times_by_query = by_path(&search_times, QUERIES.len());
    let search = Percentiles::of(search_times);
    let page = Percentiles::of(plan_times);
    if json {
        let out = json!({
            "bench": "search",
            "value": round2(search.p95),
            "unit": "ms",
            "p50": round2(search.p50),
            "max": round2(search.max),
            "queries": QUERIES.len(),
            "rounds": rounds,
            "entries": entries,
            "plan_page_p50_ms": round2(page.p50),
            "plan_page_p95_ms": round2(page.p95),
            "plan_page_max_ms": round2(page.max),
            "plan_id": plan,
        });
        println!("{out}");
    } else {
        print_slowest(&search_times_by_query);
        println!(
            "search: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms over {} queries × {rounds} rounds ({entries} entries); \
             plan page /plans/{plan}: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
            search.p50,
            search.p95,
            search.max,
            QUERIES.len(),
            page.p50,
            page.p95,
            page.max,
        );
    }
    Ok(ExitCode::SUCCESS)
}

async fn load(corpus: &Path, dir: &Path) -> anyhow::Result<Store> {
    let files: Vec<PathBuf> = kehoach_import::corpus::corpus_documents(corpus)
        .with_context(|| format!("reading {}", corpus.display()))?;
    anyhow::ensure!(
        !files.is_empty(),
        "the corpus at {} is empty",
        corpus.display()
    );
    let store = Store::open(&format!("sqlite://{}", dir.join("bench.db").display())).await?;
    for file in &files {
        store
            .import_file(file, ImportOptions::default(), &Actor::command_line())
            .await
            .with_context(|| format!("importing {}", file.display()))?;
    }
    Ok(store)
}

async fn largest_plan(store: &Store) -> anyhow::Result<i64> {
    let plans = store.plans(false).await?;
    plans
        .iter()
        .max_by_key(|p| p.tasks)
        .map(|p| p.id)
        .context("no plan imported")
}

/// Milliseconds of every request, going through `paths` in turn until `min`
/// has passed and at least `MIN_ROUNDS` rounds are done.
async fn time_rounds(
    router: &Router,
    paths: &[String],
    min: Duration,
) -> anyhow::Result<(Vec<f64>, usize)> {
    let start = Instant::now();
    let mut times = Vec::new();
    let mut rounds = 0;
    while rounds < MIN_ROUNDS || start.elapsed() < min {
        for path in paths {
            let t = Instant::now();
            get(router, path).await?;
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        rounds += 1;
    }
    Ok((times, rounds))
}

/// One whole request, the body read to its end.
async fn get(router: &Router, path: &str) -> anyhow::Result<()> {
    let request = Request::get(path).body(Body::empty())?;
    let response = router.clone().oneshot(request).await?;
    let status = response.status();
    let body = response.into_body().collect().await?.to_bytes();
    anyhow::ensure!(status == StatusCode::OK, "{path} answered {status}");
    std::hint::black_box(body);
    Ok(())
}

/// Each query's median, from times taken in rounds over `count` paths.
fn by_path(times: &[f64], count: usize) -> Vec<(&'static str, f64)> {
    QUERIES
        .iter()
        .take(count)
        .enumerate()
        .map(|(i, q)| {
            let mine: Vec<f64> = times.iter().skip(i).step_by(count).copied().collect();
            (*q, Percentiles::of(mine).p50)
        })
        .collect()
}

fn print_slowest(medians: &[(&str, f64)]) {
    let mut sorted = medians.to_vec();
    sorted.sort_by(|a, b| b.1.total_cmp(&a.1));
    let slowest: Vec<String> = sorted
        .iter()
        .take(5)
        .map(|(q, ms)| format!("\"{q}\" {ms:.2} ms"))
        .collect();
    println!("slowest queries (median): {}", slowest.join(", "));
}

struct Percentiles {
    p50: f64,
    p95: f64,
    max: f64,
}

impl Percentiles {
    fn of(mut times: Vec<f64>) -> Percentiles {
        times.sort_by(f64::total_cmp);
        let at = |q: f64| {
            let i = ((times.len() as f64 * q).ceil() as usize).saturating_sub(1);
            times.get(i).copied().unwrap_or(0.0)
        };
        Percentiles {
            p50: at(0.50),
            p95: at(0.95),
            max: times.last().copied().unwrap_or(0.0),
        }
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
