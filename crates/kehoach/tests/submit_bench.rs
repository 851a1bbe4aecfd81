//! `kehoach bench submit` end to end with a tiny duration: the server, the
//! clients, the baseline and the JSON line all work.

use std::process::Command;

use serde_json::Value;

#[test]
fn bench_submit_measures_saves_and_the_baseline() {
    let out = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args([
            "bench",
            "submit",
            "--json",
            "--seconds",
            "0.3",
            "--clients",
            "3",
        ])
        .output()
        .expect("run kehoach");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = String::from_utf8_lossy(&out.stdout);
    let json: Value = serde_json::from_str(line.trim()).expect("one JSON object");
    assert_eq!(json["bench"], "submit");
    assert_eq!(json["unit"], "1/s");
    assert_eq!(json["clients"], 3);
    assert_eq!(json["commits"], "grouped");
    assert!(json["saves"].as_u64().is_some_and(|n| n > 0), "{json}");
    assert_eq!(json["errors"], 0);
    assert_eq!(json["conflicts"], 0, "each client saves its own entry");
    assert!(json["value"].as_f64().is_some_and(|v| v > 0.0));
    assert!(json["baseline"]["value"].as_f64().is_some_and(|v| v > 0.0));
    assert!(json["ratio"].as_f64().is_some_and(|v| v > 0.0));
    assert!(json["latency_ms"]["p95"].as_f64().is_some_and(|v| v > 0.0));
    assert_eq!(json["durability"]["journal_mode"], "wal");
    assert_eq!(json["durability"]["synchronous"], 2, "FULL");
}

#[test]
fn bench_submit_refuses_an_existing_database() {
    let file = std::env::temp_dir().join(format!("kehoach-bench-exists-{}.db", std::process::id()));
    std::fs::write(&file, b"").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(["bench", "submit", "--seconds", "0.1", "--db"])
        .arg(format!("sqlite://{}", file.display()))
        .output()
        .expect("run kehoach");
    let _ = std::fs::remove_file(&file);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("exists"));
}
