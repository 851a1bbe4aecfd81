//! Kiên Giang 2018 SDG plan: markdown tables with HTML fragments, split at
//! page breaks (Phụ lục I: tasks and assignments; Phụ lục 2: indicators).

mod common;

use kehoach_import::Imported;
use kehoach_model::{Comparator, Indicator, InheritedField, Target, TargetClass, Task};

fn plan() -> Imported {
    common::import_corpus(common::KIEN_GIANG)
}

fn target<'a>(imp: &'a Imported, code: &str) -> &'a Target {
    imp.plan
        .targets()
        .find(|t| t.code == code)
        .unwrap_or_else(|| panic!("no target {code}"))
}

fn task(imp: &Imported, line: usize) -> &Task {
    imp.plan
        .all_tasks()
        .find(|t| t.line == line)
        .unwrap_or_else(|| panic!("no task at line {line}"))
}

fn indicator<'a>(imp: &'a Imported, code: &str) -> &'a Indicator {
    imp.plan
        .indicators
        .iter()
        .find(|i| i.code.as_deref() == Some(code))
        .unwrap_or_else(|| panic!("no indicator {code}"))
}

/// (year, value, comparator) of each printed year cell.
fn values(i: &Indicator) -> Vec<(Option<i32>, Option<f64>, Option<Comparator>)> {
    i.values
        .iter()
        .map(|v| (v.year, v.value, v.comparator))
        .collect()
}

fn diags<'a>(imp: &'a Imported, code: &str) -> Vec<&'a kehoach_model::Diagnostic> {
    imp.plan
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .collect()
}

#[test]
fn layout_is_markdown_tables() {
    assert_eq!(plan().source.layout, "markdown-tables");
}

#[test]
fn seventeen_goals_and_110_targets() {
    let imp = plan();
    let goals: Vec<&str> = imp.plan.goals.iter().map(|g| g.code.as_str()).collect();
    let expected: Vec<String> = (1..=17).map(|n| n.to_string()).collect();
    assert_eq!(goals, expected);
    assert_eq!(imp.plan.goals[0].line, 391);
    // Goal 7's heading is glued to the end of 6.6's task cell.
    assert_eq!(imp.plan.goals[6].line, 531);
    let per_goal: Vec<usize> = imp.plan.goals.iter().map(|g| g.targets.len()).collect();
    assert_eq!(
        per_goal,
        vec![4, 4, 9, 8, 8, 6, 4, 10, 5, 5, 9, 8, 3, 6, 8, 9, 4],
        "the per-goal list of the body (L60–L76)"
    );
    assert_eq!(imp.plan.targets().count(), 110);
    let codes: Vec<&str> = imp.plan.targets().map(|t| t.code.as_str()).collect();
    assert!(!codes.contains(&"10.5") && !codes.contains(&"17.1"));
    assert!(codes.contains(&"11.9") && codes.contains(&"17.5"));
    let priority = imp
        .plan
        .targets()
        .filter(|t| t.class == Some(TargetClass::Priority))
        .count();
    let encouraged = imp
        .plan
        .targets()
        .filter(|t| t.class == Some(TargetClass::Encouraged))
        .count();
    assert_eq!((priority, encouraged), (67, 43));
}

#[test]
fn target_headings_hand_checked() {
    let imp = plan();
    let t = target(&imp, "1.3");
    assert_eq!((t.line, t.class), (394, Some(TargetClass::Encouraged)));
    // The statement is cut by the page break (L394 → L400) and joined back.
    assert!(t.text.ends_with("bao gồm tài chính vi mô."), "{}", t.text);
    let t = target(&imp, "5.3");
    assert_eq!((t.line, t.class), (483, Some(TargetClass::Priority)));
    assert!(t.text.starts_with("Hạn chế"));
    let t = target(&imp, "7.4");
    assert_eq!(t.line, 543);
}

#[test]
fn target_4_4_recovered_from_appendix_2() {
    let imp = plan();
    let goal4: Vec<&str> = imp.plan.goals[3]
        .targets
        .iter()
        .map(|t| t.code.as_str())
        .collect();
    assert_eq!(
        goal4,
        vec!["4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8"]
    );
    let t = target(&imp, "4.4");
    assert_eq!((t.line, t.class), (806, Some(TargetClass::Encouraged)));
    let missing = diags(&imp, "missing-target");
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].line, Some(806));
    assert!(
        missing[0].message.contains("4.4") && missing[0].message.contains("457"),
        "{}",
        missing[0].message
    );
    // Its tasks sit where its heading is missing (L463, continued on L467).
    assert_eq!(t.tasks.len(), 1);
    assert_eq!(t.tasks[0].line, 463);
    assert_eq!(t.tasks[0].lead, vec!["Sở Lao động - Thương binh và Xã hội"]);
    let guessed = diags(&imp, "guessed-task-target");
    assert_eq!(guessed.len(), 1);
    assert_eq!(guessed[0].line, Some(463));
}

#[test]
fn every_task_has_a_lead_where_the_table_gives_one() {
    let imp = plan();
    assert_eq!(imp.plan.all_tasks().count(), 145);
    assert!(imp.plan.tasks.is_empty(), "every task is under a target");
    let mut unled: Vec<&str> = imp
        .plan
        .all_tasks()
        .filter(|t| t.lead.is_empty())
        .filter_map(|t| t.code.as_deref())
        .collect();
    unled.sort_unstable();
    // 6.3 a–c, 16.5 a–c and 16.6 a–b print no "Chủ trì" at all; 12.2.b's
    // row (L639) only finishes 12.2.a's coordinating list.
    assert_eq!(
        unled,
        vec!["12.2.b", "16.5.a", "16.5.b", "16.5.c", "16.6.a", "16.6.b", "6.3.a", "6.3.b", "6.3.c"]
    );
    assert_eq!(
        imp.plan.all_tasks().filter(|t| !t.lead.is_empty()).count(),
        136
    );
    // A heading row with its assignment and no task: the target as a whole.
    assert_eq!(target(&imp, "3.4").lead, vec!["Sở Y tế"]);
}

#[test]
fn tasks_hand_checked() {
    let imp = plan();
    let t = task(&imp, 401);
    assert_eq!(t.code.as_deref(), Some("1.3.a"));
    assert_eq!(t.lead, vec!["Sở Tư pháp"]);
    assert!(t.text.lines().count() >= 2, "bullets kept as lines");

    // "Sở Kế hoạch" | page break | "và Đầu tư": one name again.
    let t = task(&imp, 407);
    assert_eq!(t.code.as_deref(), Some("2.1.a"));
    assert_eq!(t.lead, vec!["Sở Y tế"]);
    assert!(t.coordinating.iter().any(|c| c == "Sở Kế hoạch và Đầu tư"));
    assert!(
        t.text.contains("Tăng cường công tác truyền thông"),
        "L411 continues it"
    );

    // One assignment cell for a, b and c of 6.1.
    let t = task(&imp, 512);
    assert_eq!(t.code.as_deref(), Some("6.1.a"));
    let b = &target(&imp, "6.1").tasks[1];
    assert_eq!(b.code.as_deref(), Some("6.1.b"));
    assert_eq!(b.lead, vec!["Sở Xây dựng"]);
    assert_eq!(
        b.inherited,
        vec![InheritedField::Lead, InheritedField::Coordinating]
    );

    // Two "Chủ trì" blocks in one cell (L560): 8.4's first, then 8.5's.
    assert_eq!(task(&imp, 559).lead, vec!["Sở Công Thương"]);
    assert_eq!(
        task(&imp, 560).lead,
        vec!["Sở Lao động - Thương binh và Xã hội"]
    );

    // "c." printed alone before a page break; its tasks and lead on L502.
    let t = task(&imp, 502);
    assert_eq!(t.code.as_deref(), Some("5.7.c"));
    assert_eq!(t.lead, vec!["Hội Liên hiệp Phụ nữ tỉnh"]);

    // "b." at the end of 12.4's row; its tasks and lead after the break.
    let t = task(&imp, 645);
    assert_eq!(t.code.as_deref(), Some("12.4.b"));
    assert_eq!(t.lead, vec!["Sở Tài nguyên và Môi trường"]);

    // A 3-column page followed by a 2-column one: the cut names are
    // joined under the right-hand cells ("Sở Lao động -" | "Thương binh…",
    // "các tổ" | "chức chính trị - xã hội").
    let t = task(&imp, 579);
    assert!(t
        .coordinating
        .iter()
        .any(|c| c == "Sở Lao động - Thương binh và Xã hội"));
    let raw = task(&imp, 667).coordinating_raw.clone().unwrap_or_default();
    assert!(raw.contains("các tổ chức chính trị - xã hội"), "{raw}");

    // "Chủ trì:" at the foot of a page (L635), "Phối hợp:" at the head of
    // the next (L639): one assignment, 12.2.a's; 12.2.b gets none.
    let a = task(&imp, 635);
    assert_eq!(a.code.as_deref(), Some("12.2.a"));
    assert_eq!(a.lead, vec!["Sở Tài nguyên và Môi trường"]);
    assert!(a
        .coordinating
        .iter()
        .any(|c| c == "Sở Nông nghiệp và Phát triển nông thôn"));
    let b = &target(&imp, "12.2").tasks[1];
    assert!(b.lead.is_empty() && b.coordinating.is_empty());

    // "Sở Kế hoạch và Đầu tư chủ trì": the role word is noise.
    let t = task(&imp, 756);
    assert_eq!(t.lead, vec!["Sở Kế hoạch và Đầu tư"]);
    assert!(diags(&imp, "stray-role-word")
        .iter()
        .any(|d| d.line == Some(756)));
}

#[test]
fn repeated_rows_are_reported_not_merged() {
    let imp = plan();
    let lines =
        |code: &str| -> Vec<Option<usize>> { diags(&imp, code).iter().map(|d| d.line).collect() };
    // 3.3b repeats 3.3a's QĐ 388 bullet; L462 repeats 4.3's b. tasks.
    assert_eq!(lines("repeated-task-text"), vec![Some(428), Some(462)]);
    // 8.2 prints "d." twice (L552, L553).
    assert_eq!(lines("duplicate-task-code"), vec![Some(553)]);
}

#[test]
fn page_break_joins_are_reported() {
    let imp = plan();
    let joined = diags(&imp, "continued-row");
    assert!(joined
        .iter()
        .any(|d| d.line == Some(407) && d.message.contains("411")));
    assert!(joined
        .iter()
        .any(|d| d.line == Some(394) && d.message.contains("400")));
}

#[test]
fn indicators_120_with_year_values() {
    let imp = plan();
    let inds = &imp.plan.indicators;
    assert_eq!(inds.len(), 120);
    let per_goal: Vec<usize> = (1..=17)
        .map(|g| {
            inds.iter()
                .filter(|i| {
                    i.target
                        .as_deref()
                        .and_then(|t| t.split('.').next())
                        .is_some_and(|n| n == g.to_string())
                })
                .count()
        })
        .collect();
    assert_eq!(
        per_goal,
        vec![4, 4, 11, 10, 9, 9, 4, 11, 5, 5, 9, 9, 3, 7, 8, 8, 4]
    );

    let i = indicator(&imp, "1.1a");
    assert_eq!((i.line, i.target.as_deref()), (766, Some("1.1")));
    assert_eq!(i.unit.as_deref(), Some("%"));
    assert_eq!(i.reporter, vec!["Sở Lao động - Thương binh và Xã hội"]);
    assert_eq!(i.values[0].text, "*");
    assert_eq!(i.values[0].value, None);

    // Empty target and reporter cells repeat the row above.
    let i = indicator(&imp, "1.1b");
    assert_eq!((i.line, i.target.as_deref()), (767, Some("1.1")));
    assert_eq!(i.reporter, vec!["Sở Lao động - Thương binh và Xã hội"]);
    let eq = Some(Comparator::Eq);
    assert_eq!(
        values(i),
        vec![
            (Some(2015), Some(9.78), eq),
            (Some(2020), Some(3.0), eq),
            (Some(2030), Some(2.0), eq)
        ]
    );

    let i = indicator(&imp, "2.1");
    assert_eq!(i.line, 778);
    assert_eq!(i.values[2].text, "< 8,0");
    assert_eq!(
        values(i)[2],
        (Some(2030), Some(8.0), Some(Comparator::Below))
    );

    let i = indicator(&imp, "11.9");
    assert_eq!(i.values[2].year, Some(2025));
    assert_eq!(
        (i.values[2].value, i.values[2].max),
        (Some(65.0), Some(70.0))
    );

    let i = indicator(&imp, "17.2");
    assert_eq!(values(i)[0], (Some(2015), Some(-18.8), eq));

    let i = indicator(&imp, "3.7");
    assert_eq!(
        values(i)[1],
        (Some(2020), Some(85.0), Some(Comparator::Above))
    );

    // A new indicator printed in the row that finishes the target cut by the page.
    let i = indicator(&imp, "3.2b");
    assert_eq!((i.line, i.target.as_deref()), (789, Some("3.2")));
    assert_eq!(i.unit.as_deref(), Some("ca/1000 người"));
    assert_eq!(indicator(&imp, "3.2a").unit.as_deref(), Some("Người"));

    // Codes in their printed spellings.
    assert_eq!(indicator(&imp, "12.4b").target.as_deref(), Some("12.4"));
    assert_eq!(indicator(&imp, "5.7.1").target.as_deref(), Some("5.7"));
    assert!(indicator(&imp, "4.4").values.is_empty());

    // Four values packed into one cell (L930), spread over the years.
    let i = indicator(&imp, "14.6");
    assert_eq!(
        values(i),
        vec![
            (Some(2015), Some(61.6), eq),
            (Some(2020), Some(40.0), eq),
            (Some(2025), Some(30.0), eq),
            (Some(2030), Some(20.0), eq)
        ]
    );
    assert!(diags(&imp, "packed-year-values")
        .iter()
        .any(|d| d.line == Some(930)));
}

#[test]
fn leads_differing_between_the_appendices_are_reported() {
    let imp = plan();
    let conflicts = diags(&imp, "conflicting-lead");
    let at = |line: usize| conflicts.iter().find(|d| d.line == Some(line));
    // 5.3 (App 2: Sở VH&TT), 5.4, 6.2, 16.9 as in the notes; 1.3 as well.
    for (line, code) in [
        (817, "5.3"),
        (818, "5.4"),
        (835, "6.2"),
        (963, "16.9"),
        (769, "1.3"),
    ] {
        let d = at(line).unwrap_or_else(|| panic!("no conflicting-lead for {code}"));
        assert!(
            d.message.contains(&format!("target {code}:")),
            "{}",
            d.message
        );
    }
    let d = at(835).map(|d| d.message.as_str()).unwrap_or_default();
    assert!(
        d.contains("Sở Xây dựng") && d.contains("Sở Tài chính"),
        "{d}"
    );
    // Same agency on both sides: no conflict.
    assert!(at(766).is_none() && at(783).is_none());
}
