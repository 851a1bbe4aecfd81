//! Shared by the corpus tests: find and import a corpus document.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use kehoach_import::{corpus, import_path, ImportOptions, Imported};

pub fn corpus_dir() -> PathBuf {
    corpus::corpus_dir_from(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap_or_else(|| {
        panic!("corpus not found: set KEHOACH_CORPUS or put shared/corpus beside the project")
    })
}

pub fn corpus_file(name: &str) -> PathBuf {
    corpus_dir().join(name)
}

pub fn import_corpus(name: &str) -> Imported {
    let path = corpus_file(name);
    import_path(&path, &ImportOptions::default()).unwrap_or_else(|e| panic!("import {name}: {e}"))
}

pub fn import_corpus_with(name: &str, opts: &ImportOptions) -> Imported {
    let path = corpus_file(name);
    import_path(&path, opts).unwrap_or_else(|e| panic!("import {name}: {e}"))
}

pub const BEN_TRE_2018: &str = "ben-tre-2018-sdg-2699-qd-ubnd.txt";
pub const BEN_TRE_2023: &str = "ben-tre-2023-ktxh-370-kh-ubnd.txt";
pub const HAI_PHONG: &str = "hai-phong-2017-sdg-2894-qd-ubnd.txt";
pub const KIEN_GIANG: &str = "kien-giang-2018-sdg-kh-ubnd.txt";
pub const QUANG_NINH: &str = "quang-ninh-2018-sdg-86-kh-ubnd.txt";

/// A compact, reviewable picture of an import: one line per goal, target,
/// task, indicator, rule and diagnostic, with every text replaced by its line
/// number and a short hash, so that snapshots hold the structure but no copy
/// of the document.
pub fn structure(imp: &Imported) -> String {
    use std::fmt::Write;
    let plan = &imp.plan;
    let mut s = String::new();
    let doc = &plan.document;
    let _ = writeln!(s, "layout: {}", imp.source.layout);
    let _ = writeln!(
        s,
        "document: {:?} {:?} {:?} issuer={:?} place={:?} signer={:?} bases={:?} title={}",
        doc.number,
        doc.kind,
        doc.issued_on,
        doc.issuer,
        doc.place,
        doc.signer,
        doc.legal_bases,
        doc.title.as_deref().map(short_hash).unwrap_or_default()
    );
    let _ = writeln!(
        s,
        "plan: horizon={:?} phases={:?}",
        plan.plan.horizon.map(|h| (h.from, h.to)),
        plan.plan
            .phases
            .iter()
            .map(|p| (p.from, p.to))
            .collect::<Vec<_>>()
    );
    let targets = plan.targets().count();
    let tasks = plan.all_tasks().count();
    let _ = writeln!(
        s,
        "counts: goals={} targets={} tasks={} indicators={} agencies={} rules={} diagnostics={}",
        plan.goals.len(),
        targets,
        tasks,
        plan.indicators.len(),
        plan.agencies.len(),
        plan.reporting.len(),
        plan.diagnostics.len()
    );
    for goal in &plan.goals {
        let _ = writeln!(
            s,
            "G {} L{} {}",
            goal.code,
            goal.line,
            short_hash(&goal.title)
        );
        for t in &goal.targets {
            let _ = writeln!(
                s,
                "  T {} parent={:?} class={:?} L{} {} lead={:?} coord={:?}",
                t.code,
                t.parent,
                t.class,
                t.line,
                short_hash(&t.text),
                t.lead,
                t.coordinating
            );
            for task in &t.tasks {
                let _ = writeln!(s, "    {}", task_line(task));
            }
        }
    }
    for task in &plan.tasks {
        let _ = writeln!(s, "  {}", task_line(task));
    }
    for ind in &plan.indicators {
        indicator_lines(&mut s, ind, "I");
    }
    for r in &plan.reporting {
        let _ = writeln!(
            s,
            "R L{} {:?} due={:?} year={:?} to={} from={}",
            r.line,
            r.recurrence,
            r.due.as_ref().map(|d| (d.day, d.month, d.relative.clone())),
            r.year,
            r.recipient,
            short_hash(&r.reporter)
        );
    }
    for d in &plan.diagnostics {
        let _ = writeln!(s, "D {:?} {} L{:?}", d.severity, d.code, d.line);
    }
    s
}

fn task_line(task: &kehoach_model::Task) -> String {
    format!(
        "K {:?} L{} {} lead={:?} coord={:?} period={:?} inherited={:?}",
        task.code,
        task.line,
        short_hash(&task.text),
        task.lead,
        task.coordinating,
        task.period,
        task.inherited
    )
}

fn indicator_lines(s: &mut String, ind: &kehoach_model::Indicator, tag: &str) {
    use std::fmt::Write;
    let values: Vec<String> = ind
        .values
        .iter()
        .map(|v| {
            format!(
                "{}:{:?}{}{}",
                v.year.map(|y| y.to_string()).unwrap_or_default(),
                v.comparator,
                v.value.map(|x| x.to_string()).unwrap_or_else(|| "-".into()),
                v.max.map(|m| format!("..{m}")).unwrap_or_default()
            )
        })
        .collect();
    let _ = writeln!(
        s,
        "{tag} {:?} target={:?} L{} {} unit={:?} reporter={:?} values={:?}",
        ind.code,
        ind.target,
        ind.line,
        short_hash(&ind.name),
        ind.unit,
        ind.reporter,
        values
    );
    for c in &ind.components {
        indicator_lines(s, c, "  C");
    }
}

/// The first 8 hex digits of the SHA-256 of a text: enough to notice a change.
pub fn short_hash(text: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(text.as_bytes());
    format!("#{}", &hex::encode(digest)[..8])
}

/// Lines of the diagnostics with `code`, in order.
pub fn lines_of(diagnostics: &[kehoach_model::Diagnostic], code: &str) -> Vec<usize> {
    diagnostics
        .iter()
        .filter(|d| d.code == code)
        .filter_map(|d| d.line)
        .collect()
}

/// Lines `first..=last` (1-based; `last` None: to the end) of a corpus document.
pub fn corpus_lines(name: &str, first: usize, last: Option<usize>) -> Vec<String> {
    let text = std::fs::read_to_string(corpus_file(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let lines = text.lines().skip(first - 1).map(str::to_string);
    match last {
        Some(last) => lines.take(last + 1 - first).collect(),
        None => lines.collect(),
    }
}

/// A line of a markdown pipe table.
pub fn is_pipe(line: &str) -> bool {
    line.trim_start().starts_with('|')
}

/// A pipe table's header separator ("|---|:--|").
pub fn is_separator(line: &str) -> bool {
    is_pipe(line) && line.contains('-') && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}
