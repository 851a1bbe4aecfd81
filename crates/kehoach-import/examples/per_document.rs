//! Import throughput per corpus document (release build):
//! `cargo run --release -p kehoach-import --example per_document`.

use std::time::Instant;

use kehoach_import::{corpus, import_bytes, ImportOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = corpus::corpus_dir().ok_or("corpus not found")?;
    let opts = ImportOptions::default();
    // A name fragment in the first argument picks documents (for profiling).
    let only = std::env::args().nth(1).unwrap_or_default();
    let rounds: u32 = std::env::args()
        .nth(2)
        .and_then(|r| r.parse().ok())
        .unwrap_or(20);
    for path in corpus::corpus_documents(&dir)? {
        if !path.display().to_string().contains(&only) {
            continue;
        }
        let bytes = std::fs::read(&path)?;
        let name = path.display().to_string();
        let _ = import_bytes(&name, &bytes, &opts);
        let start = Instant::now();
        for _ in 0..rounds {
            std::hint::black_box(import_bytes(&name, &bytes, &opts).is_ok());
        }
        let secs = start.elapsed().as_secs_f64() / f64::from(rounds);
        println!(
            "{:>8.2} ms {:>7.1} MB/s  {}",
            secs * 1e3,
            bytes.len() as f64 / secs / 1e6,
            path.file_name().and_then(|n| n.to_str()).unwrap_or("?")
        );
    }
    Ok(())
}
