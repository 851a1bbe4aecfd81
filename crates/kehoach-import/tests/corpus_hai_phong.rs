//! Hải Phòng 2017 (Decision 2894/QĐ-UBND): twenty appendices, one per lead
//! agency, each a table TT / Nhiệm vụ / Đơn vị phối hợp / Giai đoạn thực
//! hiện flattened to one cell per line, merged cells printed once.

mod common;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use kehoach_import::Imported;
use kehoach_model::{Goal, InheritedField, Target, Task, YearRange};

fn imported() -> &'static Imported {
    static IMPORTED: OnceLock<Imported> = OnceLock::new();
    IMPORTED.get_or_init(|| common::import_corpus(common::HAI_PHONG))
}

fn tasks() -> Vec<&'static Task> {
    imported().plan.all_tasks().collect()
}

fn goal(code: &str) -> &'static Goal {
    imported()
        .plan
        .goals
        .iter()
        .find(|g| g.code == code)
        .unwrap_or_else(|| panic!("goal {code}"))
}

fn target(code: &str) -> &'static Target {
    imported()
        .plan
        .targets()
        .find(|t| t.code == code)
        .unwrap_or_else(|| panic!("target {code}"))
}

/// The task whose number line is `line`.
fn task_at(line: usize) -> &'static Task {
    imported()
        .plan
        .all_tasks()
        .find(|t| t.line == line)
        .unwrap_or_else(|| panic!("no task at line {line}"))
}

fn range(from: i32, to: i32) -> YearRange {
    YearRange { from, to }
}

fn diag_lines(code: &str) -> Vec<usize> {
    common::lines_of(&imported().plan.diagnostics, code)
}

#[test]
fn layout_is_cell_lines() {
    assert_eq!(imported().source.layout, "cell-lines");
}

#[test]
fn seventeen_goals_from_target_codes() {
    let codes: BTreeSet<u32> = imported()
        .plan
        .goals
        .iter()
        .map(|g| {
            g.code
                .parse()
                .unwrap_or_else(|_| panic!("goal code {}", g.code))
        })
        .collect();
    assert_eq!(codes, (1..=17).collect());
    // Goals and their targets come in order of first appearance: App. 01
    // starts with 1.3, 3.8, 16.5.
    let first: Vec<&str> = imported()
        .plan
        .goals
        .iter()
        .take(3)
        .map(|g| g.code.as_str())
        .collect();
    assert_eq!(first, ["1", "3", "16"]);
    for g in &imported().plan.goals {
        assert!(!g.targets.is_empty(), "goal {} has no targets", g.code);
        for t in &g.targets {
            assert!(
                t.code.starts_with(&format!("{}.", g.code)),
                "{} under goal {}",
                t.code,
                g.code
            );
        }
    }
}

#[test]
fn all_numbered_task_rows_are_read() {
    let tasks = tasks();
    assert_eq!(tasks.len(), 540);
    assert!(
        imported().plan.tasks.is_empty(),
        "no task is left outside a target"
    );
    let depth = |t: &Task| t.code.as_deref().map_or(0, |c| c.matches('.').count());
    assert_eq!(tasks.iter().filter(|t| depth(t) == 1).count(), 517);
    assert_eq!(tasks.iter().filter(|t| depth(t) == 2).count(), 19);
    assert_eq!(tasks.iter().filter(|t| depth(t) == 3).count(), 4);
    assert!(tasks.iter().all(|t| !t.text.is_empty()));
    assert_eq!(task_at(1174).code.as_deref(), Some("1.1.2.1"));
}

#[test]
fn every_task_has_its_appendix_lead() {
    let tasks = tasks();
    assert!(tasks
        .iter()
        .all(|t| t.lead.len() == 1 && t.lead_raw.is_some()));
    let raw: BTreeSet<&str> = tasks.iter().filter_map(|t| t.lead_raw.as_deref()).collect();
    let canonical: BTreeSet<&str> = tasks.iter().map(|t| t.lead[0].as_str()).collect();
    assert_eq!(raw.len(), 20);
    assert_eq!(canonical.len(), 20);
    // App. 08 (lines 1553–1663) and App. 19 (4225–4725).
    assert_eq!(task_at(1574).lead, ["Sở Kế hoạch và Đầu tư"]);
    assert_eq!(
        task_at(1574).lead_raw.as_deref(),
        Some("SỞ KẾ HOẠCH VÀ ĐẦU TƯ")
    );
    assert_eq!(task_at(4446).lead, ["Sở Y tế"]);
    assert_eq!(
        task_at(4755).lead_raw.as_deref(),
        Some("THANH TRA THÀNH PHỐ")
    );
}

/// Rows left without a coordinating unit or a period after filling merged
/// cells down: App. 06 1.1 (1154, first row of its group, prints neither)
/// and 3.1 (1376); App. 18 2.1 (3895) and 8.1 (4137), App. 19 5.1 (4446)
/// and 6.1 (4498), whose coordinating cell is an explicit empty cell, and
/// App. 19 5.2 and 6.2, which share those empty cells.
const NO_COORDINATING: [usize; 7] = [1154, 3895, 4137, 4446, 4456, 4498, 4506];
const NO_PERIOD: [usize; 2] = [1154, 1376];

#[test]
fn coordinating_and_period_after_inheritance() {
    for t in tasks() {
        let no_coordinating = NO_COORDINATING.contains(&t.line);
        assert_eq!(
            t.coordinating.is_empty(),
            no_coordinating,
            "coordinating of task at {}",
            t.line
        );
        assert_eq!(
            t.coordinating_raw.is_none(),
            no_coordinating,
            "coordinating_raw at {}",
            t.line
        );
        assert_eq!(
            t.period.is_none(),
            NO_PERIOD.contains(&t.line),
            "period of task at {}",
            t.line
        );
    }
    let mut coordinating = diag_lines("no-coordinating-unit");
    coordinating.sort();
    assert_eq!(coordinating, NO_COORDINATING);
    assert_eq!(diag_lines("no-period"), NO_PERIOD);
    // Rows printing their own cells (the notes' count: 155 both, 77 only
    // coordinating, 44 only period, 264 neither).
    let own = |t: &Task, f: InheritedField, value: bool| value && !t.inherited.contains(&f);
    let mut counts = [0; 4];
    for t in tasks() {
        let c = own(
            t,
            InheritedField::Coordinating,
            t.coordinating_raw.is_some(),
        );
        let p = own(t, InheritedField::Period, t.period.is_some());
        counts[usize::from(c) * 2 + usize::from(p)] += 1;
    }
    assert_eq!(counts, [264, 44, 77, 155]);
    let inherited = |f: InheritedField| tasks().iter().filter(|t| t.inherited.contains(&f)).count();
    assert_eq!(inherited(InheritedField::Lead), 0);
    assert!(inherited(InheritedField::Coordinating) > 250);
    assert!(inherited(InheritedField::Period) > 300);
}

#[test]
fn app08_task_1_2_inherits_from_1_1() {
    // Lines 1570–1600: target 8.1, task 1.1 with both cells, task 1.2 with
    // neither, target 8.2, task 2.1.
    let t11 = task_at(1574);
    assert_eq!(t11.code.as_deref(), Some("1.1"));
    assert_eq!(
        t11.coordinating,
        ["Các sở, ban, ngành", "Ủy ban nhân dân cấp huyện"]
    );
    assert_eq!(t11.period.as_deref(), Some("2017-2020; 2021-2030"));
    assert_eq!(t11.periods, [range(2017, 2020), range(2021, 2030)]);
    assert!(t11.inherited.is_empty());

    let t12 = task_at(1584);
    assert_eq!(t12.code.as_deref(), Some("1.2"));
    assert_eq!(t12.coordinating, t11.coordinating);
    assert_eq!(t12.coordinating_raw, t11.coordinating_raw);
    assert_eq!(t12.period, t11.period);
    assert_eq!(
        t12.inherited,
        [InheritedField::Coordinating, InheritedField::Period]
    );

    let t81 = target("8.1");
    assert_eq!((t81.line, t81.parent.as_deref()), (1572, None));
    let lines: Vec<usize> = t81.tasks.iter().map(|t| t.line).collect();
    assert_eq!(lines, [1574, 1584]);
    let t82 = target("8.2");
    assert_eq!(t82.line, 1590);
    assert_eq!(t82.tasks[0].line, 1592);
    assert!(
        t82.tasks[0].inherited.is_empty(),
        "a target row stops inheritance"
    );
}

#[test]
fn sub_target_row_carries_the_group_period() {
    // App. 01 lines 370–396: "Mục tiêu 16.5.c:" on its own row, with the
    // period of tasks 3.1–3.3; 3.1 prints its coordinating cell.
    let sub = target("16.5.c");
    assert_eq!((sub.line, sub.parent.as_deref()), (376, Some("16.5")));
    assert_eq!(sub.text, target("16.5").text);
    let codes: Vec<&str> = sub.tasks.iter().filter_map(|t| t.code.as_deref()).collect();
    assert_eq!(codes, ["3.1", "3.2", "3.3"]);
    assert_eq!(sub.tasks[0].inherited, [InheritedField::Period]);
    assert_eq!(sub.tasks[0].period.as_deref(), Some("2017-2020; 2021-2030"));
    assert_eq!(
        sub.tasks[2].inherited,
        [InheritedField::Coordinating, InheritedField::Period]
    );
}

#[test]
fn periods_split_over_lines() {
    // "2017 - 2020" / "và" / "2021- 2030" (App. 20, 4761–4765).
    let t = task_at(4755);
    assert_eq!(t.period.as_deref(), Some("2017-2020; 2021-2030"));
    assert!(t.inherited.is_empty());
    // "2017" / "2021": two single years (App. 17, 3704–3706).
    assert_eq!(task_at(3698).period.as_deref(), Some("2017 2021"));
    // "Hàng năm" (App. 06 1.1.1), inherited by 1.1.2.
    assert_eq!(task_at(1160).period.as_deref(), Some("hàng năm"));
    assert_eq!(task_at(1168).period.as_deref(), Some("hàng năm"));
    assert_eq!(task_at(1168).inherited, [InheritedField::Period]);
}

#[test]
fn app06_labels_inside_task_rows() {
    // 1.1 "Mục tiêu 3.5.a:" with tasks 1.1.x; 1.2 and 1.3 both "3.5.b".
    let a: Vec<&str> = target("3.5.a")
        .tasks
        .iter()
        .filter(|t| t.lead_raw.as_deref() == Some("SỞ GIAO THÔNG VẬN TẢI"))
        .filter_map(|t| t.code.as_deref())
        .collect();
    assert_eq!(
        a,
        ["1.1", "1.1.1", "1.1.2", "1.1.2.1", "1.1.2.2", "1.1.3", "1.1.4"]
    );
    let b = target("3.5.b");
    assert_eq!(b.tasks.first().map(|t| t.line), Some(1194));
    assert_eq!(b.tasks.len(), 7);
    assert_eq!(diag_lines("repeated-target-label"), [1216]);
    // 1.1.2.1 shares the coordinating cell of 1.1.2 and the period of 1.1.1.
    let t = task_at(1174);
    assert_eq!(
        t.coordinating_raw.as_deref(),
        Some("Các đơn vị có liên quan")
    );
    assert_eq!(t.period.as_deref(), Some("hàng năm"));
}

#[test]
fn targets_shared_by_two_appendices_are_merged() {
    // 3.5.a: App. 05 (GD&ĐT, row 9) and App. 06 (GTVT).
    let leads: BTreeSet<&str> = target("3.5.a")
        .tasks
        .iter()
        .map(|t| t.lead[0].as_str())
        .collect();
    assert_eq!(
        leads,
        BTreeSet::from(["Sở Giáo dục và Đào tạo", "Sở Giao thông vận tải"])
    );
    assert_eq!(target("3.5.a").lead.len(), 2);
    assert_eq!(
        imported()
            .plan
            .targets()
            .filter(|t| t.code == "3.5.a")
            .count(),
        1
    );
    assert_eq!(diag_lines("target-shared-by-leads").len(), 5);
    // 16.8: App. 02 task 6.1 (551), then App. 16 task 6.1 (3625).
    let lines: Vec<usize> = target("16.8").tasks.iter().map(|t| t.line).collect();
    assert_eq!(lines, [551, 3625]);
}

#[test]
fn goal_16_targets_match_the_text() {
    // Every "Mục tiêu 16.*" label of the appendices, in order of first
    // appearance (checked with grep on the source).
    let codes: Vec<(&str, usize)> = goal("16")
        .targets
        .iter()
        .map(|t| (t.code.as_str(), t.line))
        .collect();
    assert_eq!(
        codes,
        [
            ("16.5", 372),
            ("16.5.c", 376),
            ("16.7", 400),
            ("16.7.b", 404),
            ("16.1", 479),
            ("16.2.b", 499),
            ("16.4", 523),
            ("16.8", 549),
            ("16.2", 2138),
            ("16.2.a", 2142),
            ("16.5.b", 2330),
            ("16.3", 3545),
            ("16.6", 3583),
            ("16.7.a", 3601),
            ("16.9", 3637),
            ("16.5.a", 4749),
        ]
    );
    let count = |code: &str| target(code).tasks.len();
    assert_eq!(
        [
            count("16.5.c"),
            count("16.1"),
            count("16.2.b"),
            count("16.2.a"),
            count("16.5.a")
        ],
        [3, 3, 4, 10, 5]
    );
    assert_eq!(count("16.5"), 0, "16.5 only heads sub-targets");
    assert_eq!(target("16.2.b").parent.as_deref(), Some("16.2"));
}

#[test]
fn goal_level_labels_resolved_from_the_intro() {
    // App. 12 labels rows "Mục tiêu 2:" and "Mục tiêu 6:"; its intro lists 2.1.b and 6.1.b.
    assert_eq!(diag_lines("goal-level-target-label"), [2401, 2511]);
    let t = target("2.1.b");
    assert_eq!(
        (t.line, t.parent.as_deref(), t.tasks.len()),
        (2401, Some("2.1"), 2)
    );
    assert_eq!(t.text, target("2.1").text);
    assert!(!goal("2").title.is_empty());
    assert_eq!(target("6.1.b").tasks.len(), 5);
    // App. 12 omits the letters of 2.3.a, 12.3.a and 13.3.c.
    assert_eq!(diag_lines("target-letter-missing").len(), 3);
}

#[test]
fn garbled_app04_row_is_reported() {
    // 1.6 prints its coordinating and period cells twice (845–859).
    assert_eq!(diag_lines("repeated-cell"), [851, 857]);
    let t = task_at(845);
    assert_eq!(t.period.as_deref(), Some("2017-2020; 2021-2030"));
    assert_eq!(task_at(861).period, t.period);
}
