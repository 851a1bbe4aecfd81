//! Time of one search over 2,000 corpus lines, as the web app will run it:
//! `cargo run --release -p kehoach-vi --example search_bench [CORPUS_DIR]`
//! (default /work/shared/corpus). Prints median and p95 per query, folding
//! each text per request ("fold+find") and with texts folded in advance
//! ("prefolded").

use std::time::{Duration, Instant};

use kehoach_vi::search::{FoldedText, Query};

const TEXTS: usize = 2_000;
const ROUNDS: usize = 100;
const QUERIES: [&str; 7] = [
    "ke hoach dau tu",
    "nuoc sach",
    "d",
    "so y te",
    "ty le ho ngheo",
    "xyz khong co",
    "a",
];

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/work/shared/corpus".to_owned());
    let texts = corpus_lines(&dir);
    if texts.is_empty() {
        eprintln!("no text lines under {dir}");
        return;
    }
    let prefolded: Vec<FoldedText> = texts.iter().map(|t| FoldedText::new(t)).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    println!("{} texts, {} KiB", texts.len(), bytes / 1024);
    let mut buffer = FoldedText::default();
    for q in QUERIES {
        let query = Query::parse(q);
        let mut found = 0;
        let cold = time(|| {
            found = 0;
            for text in &texts {
                buffer.refill(text);
                found += usize::from(query.find_in(&buffer).is_some());
            }
        });
        let warm = time(|| {
            for folded in &prefolded {
                std::hint::black_box(query.find_in(folded));
            }
        });
        println!(
            "{q:>16}: {found:>5} found; fold+find median {:>7.2?} p95 {:>7.2?}; prefolded median {:>7.2?} p95 {:>7.2?}",
            cold.0, cold.1, warm.0, warm.1
        );
    }
}

/// Lines of at least 20 bytes from the corpus files, up to TEXTS of them.
fn corpus_lines(dir: &str) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    let mut lines = Vec::new();
    for path in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        lines.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| l.len() >= 20)
                .map(str::to_owned),
        );
    }
    // Every n-th line, so each document contributes.
    let step = (lines.len() / TEXTS).max(1);
    lines.into_iter().step_by(step).take(TEXTS).collect()
}

/// (median, p95) of ROUNDS runs of `run`.
fn time(mut run: impl FnMut()) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[ROUNDS / 2], times[ROUNDS * 95 / 100])
}
