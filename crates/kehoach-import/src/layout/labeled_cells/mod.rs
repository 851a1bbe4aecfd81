//! Labeled cells (Quảng Ninh 2018): a three-column appendix table ("Nhiệm
//! vụ", "Phân công trách nhiệm", "Nội dung thực hiện") flattened to one
//! paragraph per line. Each row prints as its target heading and column-1
//! text, a "Chủ trì: …" line, a "Phối hợp: …" line, then its content
//! paragraphs.
//!
//! How the table becomes a plan:
//! - a goal row ("Mục tiêu 3. …") is a goal; a target heading ("Mục tiêu
//!   1.3a.", "Nhiệm vụ 16.6:") a target, whose text is the heading's
//!   statement followed by every column-1 paragraph of its rows;
//! - every content paragraph is a task carrying its row's agencies; the
//!   labels are printed once for the whole row, so each task lists `lead`
//!   and `coordinating` in `inherited`, except a paragraph naming its own
//!   lead in "(… chủ trì)", whose lead is its own;
//! - a target's `lead`/`coordinating` are those of its rows (in order,
//!   without repeats); a target with no row of its own shares the next
//!   target's row (2.4 with 2.5), unless it is the parent of the next target
//!   (3.5 before 3.5.a), which has no row;
//! - a row under a goal with no target (goal 19) gives free tasks.

mod assign;
mod paragraph;
mod rows;

use std::collections::BTreeSet;

use kehoach_model::{Goal, Target, Task};

use super::Body;
use crate::code::normalize_target_code;
use crate::Ctx;
use assign::{content_task, resolve_row, Assignment};
use rows::{GoalSection, Heading, Section};

pub fn parse(ctx: &mut Ctx) -> Body {
    let src = ctx.src;
    let Some(range) = paragraph::appendix_range(src) else {
        ctx.diags.warning(
            "no-appendix-table",
            "labeled cells found but no \"PHỤ LỤC\" table with goal rows",
            None,
        );
        return Body::default();
    };
    let body_titles = paragraph::body_goal_titles(src, range.start);
    let goal_sections = rows::read_goals(ctx, &src.lines[range]);
    let mut body = Body::default();
    for goal in &goal_sections {
        check_goal_title(ctx, goal, &body_titles);
        let (built, free) = build_goal(ctx, goal);
        body.goals.push(built);
        body.tasks.extend(free);
    }
    report_missing_parents(ctx, &body.goals);
    report_repeated_statements(ctx, &goal_sections);
    body
}

/// A goal with its targets, and the tasks of rows that sit under no target.
fn build_goal(ctx: &mut Ctx, goal: &GoalSection) -> (Goal, Vec<Task>) {
    let mut targets = Vec::new();
    let mut free = Vec::new();
    let assignments: Vec<Vec<Assignment>> = goal
        .sections
        .iter()
        .map(|s| s.rows.iter().map(|r| resolve_row(ctx, r)).collect())
        .collect();
    for (i, section) in goal.sections.iter().enumerate() {
        let tasks = section_tasks(ctx, section, &assignments[i]);
        let Some(heading) = &section.heading else {
            report_row_without_target(ctx, goal, section);
            free.extend(tasks);
            continue;
        };
        let Some(code) = normalize_target_code(&heading.printed) else {
            ctx.diags.warning(
                "unreadable-target-code",
                format!(
                    "target code \"{}\" cannot be read; its rows are left out",
                    heading.printed
                ),
                Some(heading.line),
            );
            continue;
        };
        let own = merge_assignments(&assignments[i]);
        let agencies = match own {
            Some(a) => Some(a),
            None => shared_assignment(ctx, goal, i, &code.code, heading, &assignments),
        };
        let (lead, coordinating) = agencies.unwrap_or_default();
        targets.push(Target {
            code: code.code,
            parent: code.parent,
            text: target_text(ctx, heading, section),
            class: None,
            line: heading.line,
            tasks,
            lead,
            coordinating,
        });
    }
    let built = Goal {
        code: goal.code.clone(),
        title: goal.title.clone(),
        line: goal.line,
        targets,
    };
    (built, free)
}

/// The content paragraphs of every row of a section, as tasks.
fn section_tasks(ctx: &mut Ctx, section: &Section, assignments: &[Assignment]) -> Vec<Task> {
    let mut tasks = Vec::new();
    for (row, assignment) in section.rows.iter().zip(assignments) {
        if row.content.is_empty() {
            let cell = row
                .empty_cell
                .map(|l| format!(" (its content cell, line {l}, is empty)"))
                .unwrap_or_default();
            ctx.diags.warning(
                "row-without-content",
                format!("the row led at this line has no content paragraph{cell}: no task"),
                Some(row.lead.no),
            );
        }
        for line in &row.content {
            tasks.push(content_task(ctx, line, assignment));
        }
    }
    tasks
}

/// The heading's statement, then the column-1 paragraphs of every row.
fn target_text(ctx: &mut Ctx, heading: &Heading, section: &Section) -> String {
    if heading.nhiem_vu {
        ctx.diags.info(
            "target-labelled-nhiem-vu",
            format!(
                "target {} is headed \"Nhiệm vụ\" instead of \"Mục tiêu\"; read as a target",
                heading.printed
            ),
            Some(heading.line),
        );
    }
    let col1 = section
        .statement
        .iter()
        .chain(section.rows.iter().skip(1).flat_map(|r| r.col1.iter()));
    let mut parts: Vec<&str> = Vec::new();
    if heading.statement.is_empty() {
        ctx.diags.info(
            "empty-target-statement",
            format!(
                "target heading {} has no statement of its own; its text is the paragraphs below it",
                heading.printed
            ),
            Some(heading.line),
        );
    } else {
        parts.push(&heading.statement);
    }
    parts.extend(col1.map(|l| l.text.as_str()));
    parts.join("\n")
}

/// The agencies of a section's rows, in order, without repeats; `None` without rows.
fn merge_assignments(rows: &[Assignment]) -> Option<(Vec<String>, Vec<String>)> {
    if rows.is_empty() {
        return None;
    }
    let mut lead: Vec<String> = Vec::new();
    let mut coordinating: Vec<String> = Vec::new();
    for a in rows {
        for name in &a.lead {
            if !lead.contains(name) {
                lead.push(name.clone());
            }
        }
        for name in &a.coordinating {
            if !coordinating.contains(name) {
                coordinating.push(name.clone());
            }
        }
    }
    Some((lead, coordinating))
}

/// A target with no row: a parent heading (no agencies), or one sharing the
/// next target's row, as a vertically merged assignment cell prints.
fn shared_assignment(
    ctx: &mut Ctx,
    goal: &GoalSection,
    index: usize,
    code: &str,
    heading: &Heading,
    assignments: &[Vec<Assignment>],
) -> Option<(Vec<String>, Vec<String>)> {
    let next = goal
        .sections
        .get(index + 1)
        .and_then(|s| s.heading.as_ref());
    let next_code = next.and_then(|h| normalize_target_code(&h.printed));
    if next_code.as_ref().and_then(|c| c.parent.as_deref()) == Some(code) {
        return None;
    }
    let shared = assignments
        .get(index + 1)
        .and_then(|rows| merge_assignments(rows));
    match (&shared, next) {
        (Some(_), Some(next)) => ctx.diags.info(
            "shared-assignment-row",
            format!(
                "target {} has no row of its own; it shares the assignment of target {} (line {})",
                heading.printed, next.printed, next.line
            ),
            Some(heading.line),
        ),
        _ => ctx.diags.warning(
            "target-without-row",
            format!(
                "target {} has no \"Chủ trì\" row and none to share",
                heading.printed
            ),
            Some(heading.line),
        ),
    }
    shared
}

fn report_row_without_target(ctx: &mut Ctx, goal: &GoalSection, section: &Section) {
    let lead_line = section.rows.first().map(|r| r.lead.no);
    let statement = match (section.statement.first(), section.statement.last()) {
        (Some(a), Some(b)) => format!("; its column-1 text (lines {}-{}) is not kept", a.no, b.no),
        _ => String::new(),
    };
    ctx.diags.warning(
        "row-without-target",
        format!(
            "goal {} has an assignment row but no numbered target: its content paragraphs become tasks under no target{statement}",
            goal.code
        ),
        lead_line,
    );
}

/// Lettered targets whose parent heading is never printed (1.3a, 1.3b, no 1.3).
fn report_missing_parents(ctx: &mut Ctx, goals: &[Goal]) {
    let codes: BTreeSet<&str> = goals
        .iter()
        .flat_map(|g| g.targets.iter().map(|t| t.code.as_str()))
        .collect();
    let mut reported = BTreeSet::new();
    for target in goals.iter().flat_map(|g| g.targets.iter()) {
        if let Some(parent) = target.parent.as_deref() {
            if !codes.contains(parent) && reported.insert(parent.to_string()) {
                ctx.diags.info(
                    "missing-parent-target",
                    format!(
                        "target {} has no parent heading {parent} in the table",
                        target.code
                    ),
                    Some(target.line),
                );
            }
        }
    }
}

/// Goal titles as the table prints them are kept; a different wording in the
/// body's goal list is reported.
fn check_goal_title(ctx: &mut Ctx, goal: &GoalSection, body_titles: &[(String, String, usize)]) {
    let key = statement_key;
    let Some((_, title, line)) = body_titles.iter().find(|(code, _, _)| *code == goal.code) else {
        return;
    };
    if key(title) != key(&goal.title) {
        ctx.diags.info(
            "goal-title-mismatch",
            format!(
                "goal {} is worded differently in the body's goal list (line {line}); the table's wording is kept",
                goal.code
            ),
            Some(goal.line),
        );
    }
}

/// Two target headings with the same statement (16.1 and 16.2): likely a
/// copying slip in the source, kept as printed.
fn report_repeated_statements(ctx: &mut Ctx, goals: &[GoalSection]) {
    let mut seen: Vec<(String, &Heading)> = Vec::new();
    for heading in goals
        .iter()
        .flat_map(|g| g.sections.iter().filter_map(|s| s.heading.as_ref()))
        .filter(|h| !h.statement.is_empty())
    {
        let key = statement_key(&heading.statement);
        match seen.iter().find(|(k, _)| *k == key) {
            Some((_, first)) => ctx.diags.info(
                "repeated-target-statement",
                format!(
                    "target {} repeats the statement of target {} (line {}) word for word",
                    heading.printed, first.printed, first.line
                ),
                Some(heading.line),
            ),
            None => seen.push((key, heading)),
        }
    }
}

fn statement_key(s: &str) -> String {
    kehoach_vi::fold(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::parse;

    fn run(text: &str) -> (super::Body, Vec<String>) {
        let (body, diags) = crate::layout::testing::run(text, parse);
        let codes = diags.iter().map(|d| d.code.clone()).collect();
        (body, codes)
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for text in [
            "",
            "PHỤ LỤC",
            "PHỤ LỤC\nChủ trì: Sở Y tế\nMục tiêu 1: A\nPhối hợp: x\nChủ trì:\n",
            "PHỤ LỤC\nMục tiêu 1: A\nx\nMục tiêu 1.1 B\nChủ trì: Sở Y tế\nb)\nChủ trì: Sở Y tế\n+ a\n",
            "PHỤ LỤC\nMục tiêu 2. A\nMục tiêu 2.1a\nPhối hợp: Sở Y tế\nChủ trì: \u{a0}\n\u{a0}\n",
        ] {
            let _ = run(text);
        }
    }

    #[test]
    fn a_small_table() {
        let text = "PHỤ LỤC\n\nMục tiêu 1: Nghèo\n\nMục tiêu 1.1: Giảm nghèo\n\nChủ trì: Sở Y tế\n\nPhối hợp: Sở Tài chính\n\n- Việc một\n\n- Việc hai\n\nViệc của hàng sau\n\nChủ trì: Sở Tài chính\n\nViệc ba\n";
        let (body, codes) = run(text);
        let t = &body.goals[0].targets[0];
        assert_eq!(t.code, "1.1");
        assert_eq!(t.text, "Giảm nghèo\nViệc của hàng sau");
        let lines: Vec<usize> = t.tasks.iter().map(|k| k.line).collect();
        assert_eq!(lines, [11, 13, 19]);
        assert_eq!(t.tasks[2].lead, ["Sở Tài chính"]);
        assert!(codes.contains(&"ambiguous-row-boundary".to_string()));
        assert!(codes.contains(&"missing-coordinating-label".to_string()));
    }
}
