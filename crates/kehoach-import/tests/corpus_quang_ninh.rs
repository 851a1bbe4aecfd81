//! Quảng Ninh 2018 (86/KH-UBND): the labeled-cells appendix table.

mod common;

use std::collections::BTreeSet;

use kehoach_import::Imported;
use kehoach_model::{InheritedField, Target, Task};

fn imported() -> Imported {
    common::import_corpus(common::QUANG_NINH)
}

fn target<'a>(doc: &'a Imported, code: &str) -> &'a Target {
    doc.plan
        .targets()
        .find(|t| t.code == code)
        .unwrap_or_else(|| panic!("target {code} missing"))
}

fn task_at(doc: &Imported, line: usize) -> &Task {
    doc.plan
        .all_tasks()
        .find(|t| t.line == line)
        .unwrap_or_else(|| panic!("no task at line {line}"))
}

fn diagnostic_lines(doc: &Imported, code: &str) -> Vec<usize> {
    common::lines_of(&doc.plan.diagnostics, code)
}

#[test]
fn goals_targets_and_tasks_are_counted() {
    let doc = imported();
    assert_eq!(doc.source.layout, "labeled-cells");
    let codes: Vec<&str> = doc.plan.goals.iter().map(|g| g.code.as_str()).collect();
    let expected: Vec<String> = (1..=19).map(|n| n.to_string()).collect();
    assert_eq!(codes, expected);

    // 130 printed target labels, 116 distinct X.Y numbers (notes §3.5).
    assert_eq!(doc.plan.targets().count(), 130);
    let distinct: BTreeSet<String> = doc
        .plan
        .targets()
        .map(|t| t.code.split('.').take(2).collect::<Vec<_>>().join("."))
        .collect();
    assert_eq!(distinct.len(), 116);
    let per_goal: Vec<usize> = doc.plan.goals.iter().map(|g| g.targets.len()).collect();
    assert_eq!(
        per_goal,
        [5, 5, 14, 8, 10, 9, 4, 10, 5, 6, 10, 9, 4, 6, 8, 10, 2, 5, 0]
    );

    // 539 paragraphs in the table's cells: 72 column-1 paragraphs of first
    // rows, 38 of later rows, 429 content paragraphs (427 under targets, 2
    // under goal 19, which has no target).
    assert_eq!(doc.plan.all_tasks().count(), 429);
    assert_eq!(doc.plan.tasks.len(), 2);
    assert!(doc.plan.all_tasks().all(|t| !t.lead.is_empty()));
    assert!(doc
        .plan
        .all_tasks()
        .all(|t| t.lead_raw.as_deref().is_some_and(|r| !r.is_empty())));
}

#[test]
fn goal_18_by_hand() {
    let doc = imported();
    let goal = &doc.plan.goals[17];
    assert_eq!((goal.code.as_str(), goal.line), ("18", 2158));
    let rows: Vec<(&str, usize, Vec<usize>)> = goal
        .targets
        .iter()
        .map(|t| {
            (
                t.code.as_str(),
                t.line,
                t.tasks.iter().map(|k| k.line).collect(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("18.1", 2160, vec![2166]),
            ("18.2", 2168, vec![2174]),
            ("18.3", 2176, vec![2182]),
            ("18.4", 2184, vec![2190]),
            ("18.5", 2192, vec![2198]),
        ]
    );
    for t in &goal.targets {
        assert_eq!(t.lead, ["Ban Xây dựng nông thôn mới tỉnh"], "{}", t.code);
        assert!(t
            .coordinating
            .iter()
            .any(|c| c == "Ủy ban nhân dân cấp huyện"));
        assert!(t.coordinating.iter().any(|c| c == "Các sở, ban, ngành"));
        let task = &t.tasks[0];
        assert_eq!(task.lead, t.lead);
        assert_eq!(
            task.lead_raw.as_deref(),
            Some("Ban Xây dựng nông thôn mới.")
        );
        assert_eq!(
            task.inherited,
            [InheritedField::Lead, InheritedField::Coordinating]
        );
        assert!(task.text.starts_with("Thực hiện Quyết định số") || t.code == "18.5");
    }
    let last = task_at(&doc, 2198);
    assert!(last.text.starts_with("Quyết định số 849/QĐ-UBND"));
    assert_eq!(
        last.coordinating_raw.as_deref(),
        Some("Các sở, ban, ngành liên quan; UBND các huyện, thị xã, thành phố.")
    );
}

#[test]
fn targets_are_coded_from_every_label_style() {
    let doc = imported();
    for (code, parent, line) in [
        ("1.2", None, 224),
        ("1.3.a", Some("1.3"), 242),
        ("3.5.a", Some("3.5"), 392),
        ("3.8.a", Some("3.8"), 440),
        ("3.8.b", Some("3.8"), 452),
        ("5.7.c", Some("5.7"), 714),
        ("12.5.a", Some("12.5"), 1568),
        ("13.1.a", Some("13.1"), 1672),
        ("16.6", None, 2078),
    ] {
        let t = target(&doc, code);
        assert_eq!((t.parent.as_deref(), t.line), (parent, line), "{code}");
    }
    // 15.2 prints no statement: its text is the paragraphs below the heading.
    assert!(target(&doc, "15.2").text.starts_with('*'));
    assert!(diagnostic_lines(&doc, "empty-target-statement").contains(&1866));
    assert!(diagnostic_lines(&doc, "target-labelled-nhiem-vu").contains(&452));
    assert!(diagnostic_lines(&doc, "missing-parent-target").contains(&242));
}

#[test]
fn rows_and_their_quirks() {
    let doc = imported();
    // 2.4 has no row: it shares 2.5's assignment, and has no task.
    let (t24, t25) = (target(&doc, "2.4"), target(&doc, "2.5"));
    assert!(t24.tasks.is_empty());
    assert_eq!(t24.lead, t25.lead);
    assert!(!t24.lead.is_empty());
    assert_eq!(diagnostic_lines(&doc, "shared-assignment-row"), [312]);
    // Parents with lettered children have no row and no agencies.
    for parent in ["3.5", "3.8", "16.5"] {
        let t = target(&doc, parent);
        assert!(t.tasks.is_empty() && t.lead.is_empty(), "{parent}");
    }
    // 3.8.b: labels but an empty content cell.
    let t38b = target(&doc, "3.8.b");
    assert!(t38b.tasks.is_empty());
    assert!(!t38b.lead.is_empty());
    assert_eq!(diagnostic_lines(&doc, "row-without-content"), [454]);
    // 2.1: the "b." sub-item opens the second row, led by DARD.
    let t21 = target(&doc, "2.1");
    let leads: Vec<(usize, &str)> = t21
        .tasks
        .iter()
        .map(|k| (k.line, k.lead[0].as_str()))
        .collect();
    assert_eq!(
        leads,
        [
            (278, "Sở Y tế"),
            (286, "Sở Nông nghiệp và Phát triển nông thôn"),
            (288, "Sở Nông nghiệp và Phát triển nông thôn"),
            (290, "Sở Nông nghiệp và Phát triển nông thôn"),
        ]
    );
    // 9.4: six rows; the fourth (L1190) has no "Phối hợp" and no column-1 text.
    let t94 = target(&doc, "9.4");
    let lines: Vec<usize> = t94.tasks.iter().map(|k| k.line).collect();
    assert_eq!(lines, [1178, 1180, 1188, 1192, 1200, 1208, 1216, 1218]);
    assert_eq!(task_at(&doc, 1188).lead, ["Sở Tài chính"]);
    let merged = task_at(&doc, 1192);
    assert_eq!(merged.lead, ["Ủy ban nhân dân cấp huyện"]);
    assert!(merged.coordinating.is_empty() && merged.coordinating_raw.is_none());
    assert_eq!(merged.inherited, [InheritedField::Lead]);
    assert_eq!(
        diagnostic_lines(&doc, "missing-coordinating-label"),
        [1190, 1236]
    );
    assert_eq!(diagnostic_lines(&doc, "empty-coordinating-label"), [2010]);
    // 30 row boundaries are guesses (34 later rows, 4 opened by a letter).
    assert_eq!(diagnostic_lines(&doc, "ambiguous-row-boundary").len(), 30);
}

#[test]
fn task_fields() {
    let doc = imported();
    // Inline "(… chủ trì)" overrides the row's lead (Q5).
    let own = task_at(&doc, 746);
    assert_eq!(own.lead, ["Tỉnh đoàn"]);
    assert_eq!(own.lead_raw.as_deref(), Some("Tỉnh Đoàn"));
    assert_eq!(own.inherited, [InheritedField::Coordinating]);
    assert_eq!(
        diagnostic_lines(&doc, "inline-lead-override"),
        [736, 738, 744, 746, 1246]
    );
    let row_lead = task_at(&doc, 740);
    assert_eq!(row_lead.lead, ["Sở Thông tin và Truyền thông"]);
    // A period stated by the paragraph itself.
    let phased = task_at(&doc, 1188);
    assert_eq!(phased.period.as_deref(), Some("2016-2020; 2021-2030"));
    assert_eq!(phased.periods.len(), 2);
    assert_eq!(task_at(&doc, 488).period.as_deref(), Some("hàng năm"));
    // Bullet marks are not part of a task's text.
    assert!(task_at(&doc, 208).text.starts_with("Thực hiện hiệu quả"));
    // Goal 19 has a row but no target: free tasks, reported.
    let free: Vec<usize> = doc.plan.tasks.iter().map(|t| t.line).collect();
    assert_eq!(free, [2214, 2216]);
    assert_eq!(doc.plan.tasks[0].lead, ["Sở Tài chính"]);
    assert_eq!(diagnostic_lines(&doc, "row-without-target"), [2210]);
    assert_eq!(diagnostic_lines(&doc, "redundant-label-text"), [2210]);
    // Self-coordination is reported: the Fatherland Front bloc (Q7, two
    // spellings of one body) and the district committees.
    assert_eq!(
        diagnostic_lines(&doc, "lead-in-coordinating"),
        [254, 1608, 1624, 1632]
    );
    assert!(diagnostic_lines(&doc, "repeated-target-statement").contains(&2006));
    assert!(diagnostic_lines(&doc, "goal-title-mismatch").contains(&322));
}
