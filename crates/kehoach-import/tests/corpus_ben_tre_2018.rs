//! Bến Tre 2018 (QĐ 2699/QĐ-UBND): the appendix table flattened to one
//! cell per line, with merged lead and coordinating cells.
//!
//! Task count: 342. The two paragraphs at L415 and L417 have no STT cell
//! of their own and no agency cells: in the printed table they sit in the
//! text cell of the task row that starts at L413 (a row needs an STT cell,
//! empty or not, and every other row in the table prints one), so a reader
//! sees one row, one task, whose cell holds three paragraphs. The parser
//! joins them and says so with a `multi-paragraph-cell` diagnostic, since
//! L415 reads like a separate activity.

mod common;

use kehoach_import::Imported;
use kehoach_model::{InheritedField, Plan, Task};

fn plan() -> &'static Imported {
    use std::sync::OnceLock;
    static PLAN: OnceLock<Imported> = OnceLock::new();
    PLAN.get_or_init(|| common::import_corpus(common::BEN_TRE_2018))
}

fn task_at(plan: &Plan, line: usize) -> &Task {
    plan.all_tasks()
        .find(|t| t.line == line)
        .unwrap_or_else(|| panic!("no task at line {line}"))
}

fn diag_lines(plan: &Plan, code: &str) -> Vec<usize> {
    common::lines_of(&plan.diagnostics, code)
}

#[test]
fn layout_is_cell_lines() {
    assert_eq!(plan().source.layout, "cell-lines");
}

#[test]
fn counts_match_the_table() {
    let p = &plan().plan;
    let codes: Vec<&str> = p.goals.iter().map(|g| g.code.as_str()).collect();
    let expected: Vec<String> = (1..=17).map(|n| n.to_string()).collect();
    assert_eq!(codes, expected);
    assert_eq!(p.targets().count(), 108);
    assert_eq!(p.all_tasks().count(), 342);
    assert!(p.tasks.is_empty(), "every task sits under a target");

    // Per goal: (targets, tasks), counted by hand from the table; goal 2 has
    // 18 tasks because L415/L417 belong to the task at L413.
    let per_goal: Vec<(usize, usize)> = p
        .goals
        .iter()
        .map(|g| {
            (
                g.targets.len(),
                g.targets.iter().map(|t| t.tasks.len()).sum(),
            )
        })
        .collect();
    assert_eq!(
        per_goal,
        vec![
            (4, 17),
            (5, 18),
            (9, 32),
            (7, 30),
            (8, 27),
            (6, 26),
            (4, 12),
            (10, 27),
            (5, 16),
            (5, 11),
            (10, 22),
            (9, 23),
            (3, 8),
            (6, 16),
            (5, 11),
            (9, 37),
            (3, 9),
        ]
    );
}

#[test]
fn every_task_has_a_lead_and_a_coordinating_list() {
    let p = &plan().plan;
    for task in p.all_tasks() {
        assert!(!task.lead.is_empty(), "task at L{} has no lead", task.line);
        assert!(task.lead_raw.as_deref().is_some_and(|r| !r.is_empty()));
        assert!(!task.coordinating.is_empty(), "task at L{}", task.line);
        // "-" bullets are not numbers, and the table has no time column.
        assert_eq!(task.code, None);
        assert_eq!(task.period, None);
        assert!(task.periods.is_empty());
    }
}

#[test]
fn merged_cells_are_inherited_column_by_column() {
    let p = &plan().plan;
    // 150 lead cells and 146 coordinating cells are printed for 342 tasks.
    let inherited = |field| {
        p.all_tasks()
            .filter(|t| t.inherited.contains(&field))
            .count()
    };
    assert_eq!(inherited(InheritedField::Lead), 342 - 150);
    assert_eq!(inherited(InheritedField::Coordinating), 342 - 146);
    assert_eq!(inherited(InheritedField::Period), 0);
    // Every target's first task prints its own lead: nothing crosses a target row.
    for target in p.targets() {
        let first = target.tasks.first().expect("target has tasks");
        assert!(
            !first.inherited.contains(&InheritedField::Lead),
            "MTCT {}",
            target.code
        );
    }
}

#[test]
fn hand_checked_tasks() {
    let p = &plan().plan;
    const LDTBXH: &str = "Sở Lao động - Thương binh và Xã hội";

    // First task of MTCT 1.1: its own cells at L263 and L265.
    let t = task_at(p, 261);
    assert_eq!(t.lead, vec![LDTBXH]);
    assert_eq!(
        t.lead_raw.as_deref(),
        Some("Sở Lao động- Thương binh và Xã hội")
    );
    assert!(t
        .coordinating_raw
        .as_deref()
        .is_some_and(|c| c.starts_with("Các Sở: NN&PTNT")));
    assert!(t.coordinating.iter().any(|c| c == "Sở Kế hoạch và Đầu tư"));
    assert!(t
        .coordinating
        .iter()
        .any(|c| c == "Ủy ban nhân dân cấp huyện"));
    assert!(t.inherited.is_empty());

    // Second task of MTCT 1.1 shares both merged cells.
    let t = task_at(p, 269);
    assert_eq!(t.lead, vec![LDTBXH]);
    assert_eq!(t.coordinating, task_at(p, 261).coordinating);
    assert_eq!(
        t.inherited,
        vec![InheritedField::Lead, InheritedField::Coordinating]
    );

    // An empty STT cell (L391, a no-break space) still starts a task row.
    let t = task_at(p, 393);
    assert_eq!(t.lead, vec!["Sở Nông nghiệp và Phát triển nông thôn"]);
    assert_eq!(t.lead_raw.as_deref(), Some("Sở NN&PTNT"));
    assert!(t.inherited.is_empty());

    // MTCT 2.2: L415 and L417 join the task at L413, under the "SY tế" cell of L407.
    let t = task_at(p, 413);
    assert_eq!(t.lead, vec!["Sở Y tế"]);
    assert_eq!(t.lead_raw.as_deref(), Some("SY tế"));
    assert!(t.text.contains("thừa cân"), "L417 joined");
    assert_eq!(
        t.inherited,
        vec![InheritedField::Lead, InheritedField::Coordinating]
    );
    assert!(p.all_tasks().all(|t| t.line != 415 && t.line != 417));

    // A task text that itself starts with "- " (L953) is text, not a bullet.
    assert!(task_at(p, 953).text.starts_with("- "));

    // A lone lead cell (L1595): the coordinating cell of L1585 is merged down.
    let t = task_at(p, 1593);
    assert_eq!(t.lead, vec!["Sở Khoa học và Công nghệ"]);
    assert_eq!(t.lead_raw.as_deref(), Some("SKH&CN"));
    assert!(t
        .coordinating_raw
        .as_deref()
        .is_some_and(|c| c.starts_with("Các Sở: KH&ĐT;")));
    assert_eq!(t.inherited, vec![InheritedField::Coordinating]);

    // Same at L1911, a two-agency lead cell.
    let t = task_at(p, 1909);
    assert_eq!(t.lead.len(), 2);
    assert_eq!(t.lead[0], "Sở Nông nghiệp và Phát triển nông thôn");
    assert_eq!(t.inherited, vec![InheritedField::Coordinating]);

    // A comma-separated two-agency lead (L2081).
    let t = task_at(p, 2079);
    assert_eq!(t.lead, vec!["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]);

    // "Ban hành…" (L2457) is a task text, not the board ("Ban …") of a lead cell.
    let t = task_at(p, 2457);
    assert!(t.text.starts_with("Ban hành"));
    assert_eq!(t.lead, vec![LDTBXH]);
    assert_eq!(
        t.inherited,
        vec![InheritedField::Lead, InheritedField::Coordinating]
    );
}

#[test]
fn goal_one_and_seventeen_targets_as_printed() {
    let p = &plan().plan;
    let summary = |code: &str| -> Vec<(String, usize, usize)> {
        p.goals
            .iter()
            .find(|g| g.code == code)
            .map(|g| {
                g.targets
                    .iter()
                    .map(|t| (t.code.clone(), t.line, t.tasks.len()))
                    .collect()
            })
            .unwrap_or_default()
    };
    let owned = |v: &[(&str, usize, usize)]| -> Vec<(String, usize, usize)> {
        v.iter().map(|&(c, l, n)| (c.to_string(), l, n)).collect()
    };
    // Checked against L251–L361: tasks at 261…293, 301…313, 321…345, 353/361.
    assert_eq!(
        summary("1"),
        owned(&[
            ("1.1", 257, 8),
            ("1.2", 297, 3),
            ("1.3", 317, 4),
            ("1.4", 349, 2)
        ])
    );
    // Goal 17 prints rows 1–3 as MTCT 17.2, 17.3, 17.5 (L2661–L2721).
    assert_eq!(
        summary("17"),
        owned(&[("17.2", 2665, 6), ("17.3", 2697, 2), ("17.5", 2713, 1)])
    );
    let goal = &p.goals[0];
    assert_eq!(goal.line, 253);
    assert!(goal.title.starts_with("Chấm dứt"));
    let target = &goal.targets[0];
    assert!(
        target.text.starts_with("Đến năm 2020"),
        "MTCT prefix removed"
    );
    assert_eq!(target.parent, None);
    assert!(target.lead.is_empty(), "target rows print no agency cells");
    // "Mc tiêu 8:" (dropped letter) and "MTCT11.1:" (no space) are read too.
    assert_eq!(p.goals[7].line, 1345);
    assert!(p.goals[10].targets.iter().any(|t| t.code == "11.1"));
}

#[test]
fn layout_anomalies_are_reported() {
    let p = &plan().plan;
    assert_eq!(diag_lines(p, "multi-paragraph-cell"), vec![415]);
    assert_eq!(
        diag_lines(p, "lone-lead-cell"),
        vec![1595, 1911, 2409, 2609]
    );
    assert_eq!(
        diag_lines(p, "stray-empty-cell"),
        vec![543, 545, 1645, 2483]
    );
    assert_eq!(
        diag_lines(p, "target-number-mismatch"),
        vec![1753, 2665, 2697, 2713]
    );
    assert!(diag_lines(p, "repeated-merged-cell").contains(&1387));
    for code in [
        "unplaced-row",
        "unplaced-cell",
        "goal-number-mismatch",
        "target-outside-goal",
        "missing-row-number",
        "merge-stops-at-target",
        "no-assignment-table",
    ] {
        assert!(diag_lines(p, code).is_empty(), "{code}");
    }
}
