//! `kehoach import --json` keeps the import contract
//! (shared/design/IMPORT-CONTRACT.md): the names and types of every field
//! other tools read, on every corpus document, through the compiled binary.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

fn corpus() -> PathBuf {
    kehoach_import::corpus::corpus_dir_from(std::path::Path::new(env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|| panic!("corpus not found: set KEHOACH_CORPUS"))
}

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn has(v: &Value, key: &str, check: fn(&Value) -> bool, what: &str) {
    let field = v
        .get(key)
        .unwrap_or_else(|| panic!("{what}: no field {key:?} in {v}"));
    assert!(
        check(field),
        "{what}: field {key:?} has the wrong type: {field}"
    );
}

fn string_or_null(v: &Value) -> bool {
    v.is_string() || v.is_null()
}

fn array_of_strings(v: &Value) -> bool {
    v.as_array().is_some_and(|a| a.iter().all(Value::is_string))
}

fn line(v: &Value) -> bool {
    v.as_u64().is_some_and(|n| n >= 1)
}

fn check_task(task: &Value) {
    has(task, "code", string_or_null, "task");
    has(task, "text", Value::is_string, "task");
    has(task, "line", line, "task");
    has(task, "lead", array_of_strings, "task");
    has(task, "coordinating", array_of_strings, "task");
    has(task, "lead_raw", string_or_null, "task");
    has(task, "coordinating_raw", string_or_null, "task");
    has(task, "period", string_or_null, "task");
    has(task, "periods", Value::is_array, "task");
    has(
        task,
        "inherited",
        |v| {
            v.as_array().is_some_and(|a| {
                a.iter()
                    .all(|f| matches!(f.as_str(), Some("lead" | "coordinating" | "period")))
            })
        },
        "task",
    );
}

fn check_document(v: &Value) {
    for key in [
        "source",
        "document",
        "plan",
        "goals",
        "tasks",
        "indicators",
        "reporting",
        "agencies",
        "diagnostics",
    ] {
        assert!(v.get(key).is_some(), "top level: no {key:?}");
    }
    let source = &v["source"];
    has(source, "file", Value::is_string, "source");
    has(
        source,
        "sha256",
        |s| s.as_str().is_some_and(|h| h.len() == 64),
        "source",
    );
    has(source, "bytes", Value::is_u64, "source");
    has(source, "layout", Value::is_string, "source");
    let doc = &v["document"];
    for key in [
        "number",
        "kind",
        "issued_on",
        "issuer",
        "place",
        "signer",
        "title",
    ] {
        has(doc, key, string_or_null, "document");
    }
    has(doc, "legal_bases", array_of_strings, "document");
    has(&v["plan"], "title", string_or_null, "plan");
    has(
        &v["plan"],
        "horizon",
        |h| h.is_null() || (h["from"].is_i64() && h["to"].is_i64()),
        "plan",
    );
    has(&v["plan"], "phases", Value::is_array, "plan");
    for goal in v["goals"].as_array().into_iter().flatten() {
        has(goal, "code", Value::is_string, "goal");
        has(goal, "title", Value::is_string, "goal");
        has(goal, "line", line, "goal");
        for target in goal["targets"].as_array().into_iter().flatten() {
            has(target, "code", Value::is_string, "target");
            has(target, "parent", string_or_null, "target");
            has(target, "text", Value::is_string, "target");
            has(
                target,
                "class",
                |c| matches!(c.as_str(), Some("priority" | "encouraged")) || c.is_null(),
                "target",
            );
            has(target, "line", line, "target");
            target["tasks"]
                .as_array()
                .into_iter()
                .flatten()
                .for_each(check_task);
        }
    }
    v["tasks"]
        .as_array()
        .into_iter()
        .flatten()
        .for_each(check_task);
    for ind in v["indicators"].as_array().into_iter().flatten() {
        has(ind, "code", string_or_null, "indicator");
        has(ind, "target", string_or_null, "indicator");
        has(ind, "name", Value::is_string, "indicator");
        has(ind, "unit", string_or_null, "indicator");
        has(ind, "reporter", array_of_strings, "indicator");
        has(ind, "line", line, "indicator");
        for value in ind["values"].as_array().into_iter().flatten() {
            has(value, "text", Value::is_string, "value");
            has(value, "value", |x| x.is_number() || x.is_null(), "value");
            has(value, "max", |x| x.is_number() || x.is_null(), "value");
            has(
                value,
                "comparator",
                |c| c.is_null() || matches!(c.as_str(), Some("=" | ">=" | "<=" | ">" | "<" | "~")),
                "value",
            );
        }
    }
    for rule in v["reporting"].as_array().into_iter().flatten() {
        has(rule, "reporter", Value::is_string, "rule");
        has(rule, "recipient", Value::is_string, "rule");
        has(
            rule,
            "recurrence",
            |r| {
                matches!(
                    r.as_str(),
                    Some("yearly" | "quarterly" | "half-yearly" | "once")
                )
            },
            "rule",
        );
        has(rule, "line", line, "rule");
        has(rule, "text", Value::is_string, "rule");
    }
    for agency in v["agencies"].as_array().into_iter().flatten() {
        has(agency, "name", Value::is_string, "agency");
        has(
            agency,
            "kind",
            |k| matches!(k.as_str(), Some("department" | "collective" | "other")),
            "agency",
        );
        has(agency, "raw", array_of_strings, "agency");
    }
    for d in v["diagnostics"].as_array().into_iter().flatten() {
        has(
            d,
            "severity",
            |s| matches!(s.as_str(), Some("error" | "warning" | "info")),
            "diagnostic",
        );
        has(
            d,
            "code",
            |c| {
                c.as_str()
                    .is_some_and(|c| c.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-'))
            },
            "diagnostic",
        );
        has(d, "message", Value::is_string, "diagnostic");
        has(d, "line", |l| l.is_null() || line(l), "diagnostic");
    }
}

#[test]
fn every_corpus_document_prints_the_contract() {
    let docs =
        kehoach_import::corpus::corpus_documents(&corpus()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(docs.len(), 5);
    for doc in docs {
        let path = doc.display().to_string();
        let (code, stdout, stderr) = run(&["import", "--json", &path]);
        assert_eq!(code, Some(0), "{path}: {stderr}");
        let v: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(v["source"]["file"], Value::String(path.clone()));
        check_document(&v);
    }
}

#[test]
fn the_summary_names_counts_and_diagnostics() {
    let dir = corpus();
    let path = dir
        .join("hai-phong-2017-sdg-2894-qd-ubnd.txt")
        .display()
        .to_string();
    let (code, stdout, _) = run(&["import", &path]);
    assert_eq!(code, Some(0));
    assert!(stdout.contains("2894/QĐ-UBND"), "{stdout}");
    assert!(stdout.contains("goals 17"), "{stdout}");
    assert!(stdout.contains("diagnostics:"), "{stdout}");
}

#[test]
fn a_header_only_document_is_read_with_no_plan_body() {
    let dir = std::env::temp_dir().join(format!("kehoach-contract-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join("header.txt");
    std::fs::write(
        &path,
        "ỦY BAN NHÂN DÂN\nTỈNH BẾN TRE\nSố: 1/QĐ-UBND\nBến Tre, ngày 2 tháng 3 năm 2024\nQUYẾT ĐỊNH\nVề việc thử\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (code, stdout, _) = run(&["import", "--json", &path.display().to_string()]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code, Some(0));
    let v: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}"));
    check_document(&v);
    assert_eq!(v["document"]["number"], "1/QĐ-UBND");
    assert_eq!(v["document"]["issued_on"], "2024-03-02");
    assert_eq!(v["goals"].as_array().map(Vec::len), Some(0));
    let codes: Vec<&str> = v["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(codes.contains(&"no-plan-body"), "{codes:?}");
}

#[test]
fn bench_import_prints_its_figures_as_json() {
    let dir = corpus().display().to_string();
    let (code, stdout, stderr) = run(&[
        "bench",
        "import",
        "--json",
        "--seconds",
        "0.2",
        "--corpus",
        &dir,
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let v: Value = serde_json::from_str(stdout.trim()).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    assert_eq!(v["bench"], "import");
    assert_eq!(v["unit"], "MB/s");
    assert!(v["value"].as_f64().is_some_and(|x| x > 0.0), "{v}");
    assert_eq!(v["baseline"]["what"], "line scan of the same bytes");
    assert!(
        v["baseline"]["value"].as_f64().is_some_and(|x| x > 0.0),
        "{v}"
    );
    assert_eq!(v["baseline"]["unit"], "MB/s");
    assert!(v["ratio"].as_f64().is_some_and(|x| x > 0.0), "{v}");
}
