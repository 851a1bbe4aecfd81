//! The task table against the indicator table: targets the task table lost,
//! and leads that differ from the indicator's reporting unit.

use kehoach_model::{Goal, Indicator};

use super::indicators::IndicatorTarget;
use super::tasks::{TargetDraft, TaskTable};
use crate::Ctx;

/// "4.4" → (4, 4), for ordering targets within a goal.
fn code_key(code: &str) -> (u32, u32) {
    let mut parts = code.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
    (parts.next().unwrap_or(0), parts.next().unwrap_or(0))
}

/// Targets the indicator table lists but the task table has no heading for
/// are added from the indicator table, in code order, and reported. Where
/// the running numbers show the heading was skipped ("(20)" then "(22)") and
/// the target before it ends with an unlettered task block after others,
/// that block is taken to be the lost target's (its tasks sit where the
/// heading should have been): a guess, reported as such.
pub fn recover_missing_targets(ctx: &mut Ctx, tasks: &mut TaskTable, from: &[IndicatorTarget]) {
    if tasks.targets.is_empty() {
        return;
    }
    for it in from {
        if tasks.targets.iter().any(|t| t.code == it.code) {
            continue;
        }
        let (goal_no, _) = code_key(&it.code);
        let Some(goal) = tasks
            .goals
            .iter()
            .position(|g| g.code == goal_no.to_string())
        else {
            continue;
        };
        let pos = tasks
            .targets
            .iter()
            .rposition(|t| t.goal == goal && code_key(&t.code) < code_key(&it.code))
            .map_or_else(
                || {
                    tasks
                        .targets
                        .iter()
                        .position(|t| t.goal == goal)
                        .unwrap_or(tasks.targets.len())
                },
                |p| p + 1,
            );
        let around = neighbour_lines(tasks, pos);
        ctx.diags.warning(
            "missing-target",
            format!(
                "target {} has no heading in the task table (between lines {} and {}); recovered from the indicator table, line {}",
                it.code, around.0, around.1, it.line
            ),
            Some(it.line),
        );
        shift_targets(tasks, pos);
        tasks.targets.insert(
            pos,
            TargetDraft {
                goal,
                code: it.code.clone(),
                running: it.running,
                text: it.text.clone(),
                class: it.class,
                line: it.line,
                lead_raw: None,
                coordinating_raw: None,
                lead_line: 0,
            },
        );
        move_stray_block(ctx, tasks, pos);
    }
}

fn neighbour_lines(tasks: &TaskTable, pos: usize) -> (usize, usize) {
    let before = pos
        .checked_sub(1)
        .and_then(|p| tasks.targets.get(p))
        .map_or(0, |t| t.line);
    let after = tasks.targets.get(pos).map_or(0, |t| t.line);
    (before, after)
}

/// Block indices point at targets: make room for a target inserted at `pos`.
fn shift_targets(tasks: &mut TaskTable, pos: usize) {
    for b in &mut tasks.blocks {
        if let Some(t) = b.target.as_mut() {
            if *t >= pos {
                *t += 1;
            }
        }
    }
}

fn move_stray_block(ctx: &mut Ctx, tasks: &mut TaskTable, pos: usize) {
    let Some(prev) = pos.checked_sub(1) else {
        return;
    };
    let (Some(p), Some(r), Some(n)) = (
        tasks.targets.get(prev).and_then(|t| t.running),
        tasks.targets.get(pos).and_then(|t| t.running),
        tasks.targets.get(pos + 1).and_then(|t| t.running),
    ) else {
        return;
    };
    if p + 1 != r || r + 1 != n {
        return;
    }
    let of_prev: Vec<usize> = (0..tasks.blocks.len())
        .filter(|&i| tasks.blocks[i].target == Some(prev))
        .collect();
    let Some(&last) = of_prev.last() else {
        return;
    };
    if of_prev.len() < 2 || tasks.blocks[last].letter.is_some() {
        return;
    }
    tasks.blocks[last].target = Some(pos);
    let (from, to) = (&tasks.targets[prev].code, &tasks.targets[pos].code);
    ctx.diags.warning(
        "guessed-task-target",
        format!(
            "the last task block under {from} (line {}) is taken to be the recovered target {to}'s: it sits where {to}'s heading is missing",
            tasks.blocks[last].line
        ),
        Some(tasks.blocks[last].line),
    );
}

/// The indicator table names a reporting unit per target (and sometimes
/// another one on a later indicator row); where none of them leads any of
/// the target's tasks in the task table, both are kept and the difference
/// is reported.
pub fn report_conflicting_leads(
    ctx: &mut Ctx,
    goals: &[Goal],
    from: &[IndicatorTarget],
    indicators: &[Indicator],
) {
    for target in goals.iter().flat_map(|g| g.targets.iter()) {
        let mut leads: Vec<&String> = target.lead.iter().collect();
        for task in &target.tasks {
            leads.extend(task.lead.iter());
        }
        if leads.is_empty() {
            continue;
        }
        let Some(it) = from.iter().find(|it| it.code == target.code) else {
            continue;
        };
        let reporters = indicators
            .iter()
            .filter(|i| i.target.as_deref() == Some(target.code.as_str()))
            .flat_map(|i| i.reporter.iter())
            .chain(it.reporter.iter());
        if it.reporter.is_empty() || reporters.clone().any(|r| leads.contains(&r)) {
            continue;
        }
        let mut unique: Vec<&str> = Vec::new();
        for l in leads {
            if !unique.contains(&l.as_str()) {
                unique.push(l);
            }
        }
        let registry = ctx.agencies.registry();
        let all_known = unique
            .iter()
            .chain(
                it.reporter
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .iter(),
            )
            .all(|n| registry.lookup(n).is_some());
        let message = format!(
            "target {}: the indicator table (line {}) names {} as reporting unit, the task table (line {}) gives the lead to {}{}",
            target.code,
            it.line,
            it.reporter.join(", "),
            target.line,
            unique.join(", "),
            if all_known {
                ""
            } else {
                " (a name is not in the agency registry: this may be one agency spelled two ways)"
            }
        );
        // An unknown spelling cannot be compared: reported, but only as information.
        if all_known {
            ctx.diags
                .warning("conflicting-lead", message, Some(it.line));
        } else {
            ctx.diags.info("conflicting-lead", message, Some(it.line));
        }
    }
}

/// A task repeating a bullet of an earlier task of the same target (a row
/// printed twice, or one action given to two leads) is reported, not merged.
pub fn report_repeated_tasks(ctx: &mut Ctx, goals: &[Goal]) {
    /// Shorter lines ("- Tuyên truyền.") repeat by chance.
    const MIN_REPEATED: usize = 40;
    for target in goals.iter().flat_map(|g| g.targets.iter()) {
        for (i, later) in target.tasks.iter().enumerate() {
            let repeated = target.tasks[..i].iter().find_map(|earlier| {
                later
                    .text
                    .lines()
                    .filter(|l| l.chars().count() >= MIN_REPEATED)
                    .find(|l| earlier.text.lines().any(|e| e == *l))
                    .map(|l| (earlier.line, l))
            });
            if let Some((earlier_line, text)) = repeated {
                let shown: String = text.chars().take(60).collect();
                ctx.diags.warning(
                    "repeated-task-text",
                    format!(
                        "target {}: the task at line {} repeats text of the task at line {earlier_line}: \"{shown}…\"",
                        target.code, later.line
                    ),
                    Some(later.line),
                );
            }
        }
        let mut seen: Vec<&str> = Vec::new();
        for task in &target.tasks {
            if let Some(code) = task.code.as_deref() {
                if seen.contains(&code) {
                    ctx.diags.warning(
                        "duplicate-task-code",
                        format!(
                            "target {}: letter {code} printed twice (line {})",
                            target.code, task.line
                        ),
                        Some(task.line),
                    );
                }
                seen.push(code);
            }
        }
    }
}
