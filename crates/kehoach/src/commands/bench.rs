//! `kehoach bench import`: import throughput over the corpus;
//! `kehoach bench search`: search and plan page latency (search_bench.rs).

use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use kehoach_import::{import_bytes, ImportOptions};
use serde_json::json;

use crate::cli::BenchKind;

pub fn run(what: BenchKind, json: bool, corpus: &Path, seconds: f64) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(
        seconds.is_finite() && seconds > 0.0,
        "--seconds must be a positive number"
    );
    // Keep measuring until at least this long has passed, for a stable figure.
    let min = Duration::from_secs_f64(seconds);
    match what {
        BenchKind::Import => import(json, corpus, min),
        BenchKind::Search => {
            super::runtime()?.block_on(super::search_bench::run(json, corpus, min))
        }
        // Dispatched in commands/mod.rs: it takes more options.
        BenchKind::Submit => anyhow::bail!("bench submit is run by commands::submit_bench"),
    }
}

fn import(json: bool, corpus: &Path, min: Duration) -> anyhow::Result<ExitCode> {
    let files = kehoach_import::corpus::corpus_documents(corpus)
        .with_context(|| format!("reading {}", corpus.display()))?;
    let docs: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|p| Ok((p.display().to_string(), std::fs::read(p)?)))
        .collect::<anyhow::Result<_>>()?;
    let total: usize = docs.iter().map(|(_, b)| b.len()).sum();
    anyhow::ensure!(total > 0, "the corpus at {} is empty", corpus.display());
    let opts = ImportOptions::default();

    // The first pass pays for building the agency registry and for every
    // first lookup of a name; later passes show a long-running server.
    let cold = Instant::now();
    for (name, bytes) in &docs {
        std::hint::black_box(import_bytes(name, bytes, &opts).is_ok());
    }
    let cold_rate = total as f64 / cold.elapsed().as_secs_f64() / 1e6;
    let import_rate = measure(total, min, || {
        for (name, bytes) in &docs {
            let imported = import_bytes(name, bytes, &opts);
            std::hint::black_box(&imported);
        }
    });
    let no_repair = ImportOptions {
        repair: false,
        ..ImportOptions::default()
    };
    let unrepaired_rate = measure(total, min, || {
        for (name, bytes) in &docs {
            std::hint::black_box(import_bytes(name, bytes, &no_repair).is_ok());
        }
    });
    let scan_rate = measure(total, min, || {
        for (_, bytes) in &docs {
            let lines = String::from_utf8_lossy(bytes)
                .lines()
                .filter(|l| !l.trim().is_empty())
                .count();
            std::hint::black_box(lines);
        }
    });
    let ratio = import_rate / scan_rate;
    if json {
        let out = json!({
            "bench": "import",
            "value": round2(import_rate),
            "unit": "MB/s",
            "baseline": {"what": "line scan of the same bytes", "value": round2(scan_rate), "unit": "MB/s"},
            "ratio": round4(ratio),
            "cold_first_pass": {"value": round2(cold_rate), "unit": "MB/s"},
            "without_repair": {"value": round2(unrepaired_rate), "unit": "MB/s"},
            "bytes": total,
            "documents": docs.len(),
        });
        println!("{out}");
    } else {
        println!(
            "import: {:.1} MB/s over {} documents ({} bytes), first pass {:.1} MB/s, without repair {:.1} MB/s; line scan: {:.1} MB/s; ratio {:.3}",
            import_rate,
            docs.len(),
            total,
            cold_rate,
            unrepaired_rate,
            scan_rate,
            ratio
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// MB/s (10^6 bytes) of running `f` over `bytes` repeatedly for at least `min`.
fn measure(bytes: usize, min: Duration, mut f: impl FnMut()) -> f64 {
    f(); // warm-up
    let start = Instant::now();
    let mut rounds = 0u32;
    while start.elapsed() < min {
        f();
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    (bytes as f64 * f64::from(rounds)) / secs / 1e6
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn round4(x: f64) -> f64 {
    (x * 10000.0).round() / 10000.0
}
