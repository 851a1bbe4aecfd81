//! Markdown tables with HTML fragments, split at page breaks (Kiên Giang
//! 2018): a task table "Nhiệm vụ | Phân công trách nhiệm" holding goals,
//! targets, tasks and assignments, and an indicator table "Mục tiêu | Đơn
//! vị chịu trách nhiệm báo cáo | Chỉ tiêu | Đơn vị tính | years".
//!
//! Tables are recognised by their header cells, never by line positions, so
//! a Word or Excel copy of the same tables (rendered as pipe lines by the
//! readers) imports to the same plan.

mod assignment;
mod headings;
mod indicators;
mod reconcile;
mod segments;
mod table;
mod tasks;

use kehoach_model::{Goal, Target};

use super::Body;
use crate::Ctx;
use assignment::{block_task, clean_agency_text};
use table::{continues_text, read_tables, Table};
use tasks::TaskTable;

pub use table::{is_separator, split_cells, strip_html};

pub fn parse(ctx: &mut Ctx) -> Body {
    let registry = ctx.agencies.registry();
    // A name cut by the page ("Sở Công" | "Thương") is a known name once joined.
    let continues = |prev: &str, next: &str| {
        continues_text(prev, next) || {
            let tail = prev.rsplit([',', ';', ':']).next().unwrap_or("").trim();
            let head = next.split([',', ';']).next().unwrap_or("").trim();
            !tail.is_empty()
                && registry.lookup(tail).is_none()
                && registry.lookup(&format!("{tail} {head}")).is_some()
        }
    };
    let tables = read_tables(ctx.src, &continues);
    let (task_tables, indicator_tables): (Vec<&Table>, Vec<&Table>) = (
        tables.iter().filter(|t| is_task_table(t)).collect(),
        tables
            .iter()
            .filter(|t| indicators::is_indicator_table(t))
            .collect(),
    );

    let mut tasks = TaskTable::default();
    for t in task_tables {
        let responsibility = t.column("phan cong").unwrap_or(1);
        let part = tasks::read_task_table(ctx, t, responsibility);
        append(&mut tasks, part);
    }
    let mut indicator_list = Vec::new();
    let mut indicator_targets = Vec::new();
    for t in indicator_tables {
        let part = indicators::read_indicator_table(ctx, t);
        indicator_list.extend(part.indicators);
        indicator_targets.extend(part.targets);
    }
    reconcile::recover_missing_targets(ctx, &mut tasks, &indicator_targets);
    let goals = build_goals(ctx, &tasks);
    reconcile::report_conflicting_leads(ctx, &goals, &indicator_targets, &indicator_list);
    reconcile::report_repeated_tasks(ctx, &goals);
    let free = tasks
        .blocks
        .iter()
        .filter(|b| b.target.is_none())
        .map(|b| block_task(ctx, b, None))
        .collect();
    Body {
        goals,
        tasks: free,
        indicators: indicator_list,
    }
}

fn is_task_table(t: &Table) -> bool {
    t.column("nhiem vu").is_some() && t.column("phan cong").is_some()
}

/// Appends a second task table's drafts, shifting its indices.
fn append(into: &mut TaskTable, part: TaskTable) {
    let goal_base = into.goals.len();
    let target_base = into.targets.len();
    into.goals.extend(part.goals);
    into.targets.extend(part.targets.into_iter().map(|mut t| {
        t.goal += goal_base;
        t
    }));
    into.blocks.extend(part.blocks.into_iter().map(|mut b| {
        b.target = b.target.map(|t| t + target_base);
        b
    }));
}

fn build_goals(ctx: &mut Ctx, tasks: &TaskTable) -> Vec<Goal> {
    let mut goals: Vec<Goal> = tasks
        .goals
        .iter()
        .map(|g| Goal {
            code: g.code.clone(),
            title: g.title.clone(),
            line: g.line,
            targets: Vec::new(),
        })
        .collect();
    for (ti, t) in tasks.targets.iter().enumerate() {
        let own_tasks = tasks
            .blocks
            .iter()
            .filter(|b| b.target == Some(ti))
            .map(|b| block_task(ctx, b, Some(&t.code)))
            .collect();
        let resolve = |ctx: &mut Ctx, raw: &Option<String>| match raw {
            Some(raw) => {
                let clean = clean_agency_text(ctx, raw, t.lead_line);
                ctx.agencies.resolve(&clean, t.lead_line, ctx.diags)
            }
            None => Vec::new(),
        };
        let lead = resolve(ctx, &t.lead_raw);
        let coordinating = resolve(ctx, &t.coordinating_raw);
        let target = Target {
            code: t.code.clone(),
            parent: None,
            text: t.text.clone(),
            class: t.class,
            line: t.line,
            tasks: own_tasks,
            lead,
            coordinating,
        };
        if let Some(goal) = goals.get_mut(t.goal) {
            goal.targets.push(target);
        }
    }
    goals
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One Word table per appendix, as the .docx reader prints it: no page
    /// breaks, no HTML, the years in the header row.
    const WORD_TABLES: &str = "\
| Nhiệm vụ | Phân công trách nhiệm |
|---|---|
| Mục tiêu 1: Chấm dứt nghèo | |
| (1) Mục tiêu 1.1 (MTUT): Đến năm 2030, giảm nghèo. | |
| a. - Hỗ trợ sinh kế. - Đào tạo nghề. | Chủ trì: Sở LĐ-TB&XH Phối hợp: Sở Tài chính, UBND các huyện, thị xã, thành phố |
| b. Cho vay ưu đãi. | Chủ trì: Sở Kế hoạch và Đầu tư |
| (2) Mục tiêu 1.2 (MTKK): Bảo hiểm y tế. | Chủ trì: Sở Y tế |

| Mục tiêu | Đơn vị chịu trách nhiệm báo cáo | Chỉ tiêu giám sát | Đơn vị tính | 2015 | 2020 |
|---|---|---|---|---|---|
| (1) Mục tiêu 1.1 (MTUT): Đến năm 2030, giảm nghèo. | Sở LĐ-TB&XH | 1.1a. Tỷ lệ hộ nghèo | % | 9,78 | < 3 |
| | | 1.1b. Tỷ lệ hộ cận nghèo | % | * | 5 |
| (2) Mục tiêu 1.2 (MTKK): Bảo hiểm y tế. | Sở Tài chính | 1.2. Tỷ lệ tham gia BHYT | % | 80 | 90 |
";

    #[test]
    fn a_word_rendering_imports_to_the_same_shape() {
        let (body, diags) = crate::layout::testing::run(WORD_TABLES, parse);
        assert_eq!(body.goals.len(), 1);
        let targets = &body.goals[0].targets;
        let codes: Vec<&str> = targets.iter().map(|t| t.code.as_str()).collect();
        assert_eq!(codes, vec!["1.1", "1.2"]);
        let tasks = &targets[0].tasks;
        assert_eq!(tasks.len(), 2);
        assert_eq!(tasks[0].code.as_deref(), Some("1.1.a"));
        assert_eq!(tasks[0].text, "- Hỗ trợ sinh kế.\n- Đào tạo nghề.");
        assert_eq!(tasks[0].lead, vec!["Sở Lao động - Thương binh và Xã hội"]);
        assert_eq!(
            tasks[0].coordinating,
            vec!["Sở Tài chính", "Ủy ban nhân dân cấp huyện"]
        );
        assert_eq!(tasks[1].lead, vec!["Sở Kế hoạch và Đầu tư"]);
        assert_eq!(targets[1].lead, vec!["Sở Y tế"]);
        assert_eq!(body.indicators.len(), 3);
        let b = &body.indicators[1];
        assert_eq!(
            (b.code.as_deref(), b.target.as_deref(), b.line),
            (Some("1.1b"), Some("1.1"), 12)
        );
        assert_eq!(b.reporter, vec!["Sở Lao động - Thương binh và Xã hội"]);
        assert_eq!(b.values.len(), 2);
        assert_eq!(body.indicators[0].values[1].value, Some(3.0));
        let codes: Vec<&str> = diags.iter().map(|d| d.code.as_str()).collect();
        assert!(
            codes.contains(&"conflicting-lead"),
            "1.2: Sở Y tế vs Sở Tài chính"
        );
        assert!(!codes.contains(&"continued-row"));
    }

    #[test]
    fn odd_tables_do_not_panic() {
        let odd = [
            "|",
            "||\n|-|",
            "| Nhiệm vụ | Phân công trách nhiệm |\n|---|---|\n| Chủ trì: | Phối hợp: |\n| a. | c |",
            "| Nhiệm vụ | Phân công trách nhiệm |\n|---|---|\n| (3) Mục tiêu 9.9 (MTKK): | Chủ trì: Sở Y tế Chủ trì: |\n\n| | |\n|--|--|\n| đ | ế, |",
            "| Mục tiêu | Chỉ tiêu | Đơn vị tính | 2015 | 2020 |\n|-|-|-|-|-|\n| | 1.1a. | % | 1 2 | |\n| Mục tiêu 3. X | | | | |\n| (x) | 2.2 | | ( | ) |",
            "| Chỉ tiêu | Đơn vị tính |\n|---|---|\n| <p>ố</p><ul> - | <i>",
        ];
        for text in odd {
            let _ = crate::layout::testing::run(text, parse);
        }
    }
}
