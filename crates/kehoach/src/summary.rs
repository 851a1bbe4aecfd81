//! The readable summary of one import.

use std::fmt::Write;

use kehoach_import::Imported;
use kehoach_model::Severity;

pub fn render(imp: &Imported) -> String {
    let doc = &imp.plan.document;
    let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_string());
    let mut s = String::new();
    let targets = imp.plan.targets().count();
    let tasks = imp.plan.all_tasks().count();
    let _ = writeln!(s, "{}  [{}]", imp.source.file, imp.source.layout);
    let _ = writeln!(
        s,
        "  {} {} · {} · {}",
        dash(&doc.kind),
        dash(&doc.number),
        dash(&doc.issued_on),
        dash(&doc.issuer)
    );
    if let Some(title) = &imp.plan.plan.title {
        let _ = writeln!(s, "  {title}");
    }
    let _ = writeln!(
        s,
        "  goals {} · targets {} · tasks {} · indicators {} · agencies {} · reporting rules {}",
        imp.plan.goals.len(),
        targets,
        tasks,
        imp.plan.indicators.len(),
        imp.plan.agencies.len(),
        imp.plan.reporting.len()
    );
    let count = |sev| {
        imp.plan
            .diagnostics
            .iter()
            .filter(|d| d.severity == sev)
            .count()
    };
    let _ = writeln!(
        s,
        "  diagnostics: {} error · {} warning · {} info",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    );
    let words = if imp.repair.repaired == 1 {
        "word"
    } else {
        "words"
    };
    let _ = write!(
        s,
        "  invalid syllables: {} before repair, {} after ({} {words} repaired)",
        imp.repair.invalid_before, imp.repair.invalid_after, imp.repair.repaired
    );
    s
}
