//! Checks on a parsed plan that do not depend on its layout: duplicate
//! codes, gaps in numbering, tasks nobody leads, goal titles that differ
//! between the plan's body and its appendix. Each is reported, never fixed.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use kehoach_model::Goal;
use regex::Regex;

use crate::layout::Body;
use crate::Ctx;

pub fn check_body(ctx: &mut Ctx, body: &Body) {
    duplicate_targets(ctx, &body.goals);
    numbering_gaps(ctx, &body.goals);
    unassigned_tasks(ctx, body);
    goal_titles(ctx, &body.goals);
}

fn duplicate_targets(ctx: &mut Ctx, goals: &[Goal]) {
    let mut first: HashMap<&str, usize> = HashMap::new();
    for target in goals.iter().flat_map(|g| &g.targets) {
        match first.get(target.code.as_str()) {
            Some(line) => ctx.diags.warning(
                "duplicate-code",
                format!(
                    "target {} appears again (first at line {line})",
                    target.code
                ),
                Some(target.line),
            ),
            None => {
                first.insert(&target.code, target.line);
            }
        }
    }
    let mut goal_first: HashMap<&str, usize> = HashMap::new();
    for goal in goals {
        if let Some(line) = goal_first.insert(&goal.code, goal.line) {
            ctx.diags.warning(
                "duplicate-code",
                format!("goal {} appears twice (also at line {line})", goal.code),
                Some(goal.line),
            );
        }
    }
}

/// Goals 1..n and, within a goal, targets N.1..N.m are numbered without gaps.
fn numbering_gaps(ctx: &mut Ctx, goals: &[Goal]) {
    let goal_numbers: Vec<u32> = goals.iter().filter_map(|g| g.code.parse().ok()).collect();
    if let Some(&max) = goal_numbers.iter().max() {
        for n in 1..max {
            if !goal_numbers.contains(&n) {
                ctx.diags
                    .warning("numbering-gap", format!("goal {n} is missing"), None);
            }
        }
    }
    for goal in goals {
        let mut seen: BTreeMap<u32, usize> = BTreeMap::new();
        for t in &goal.targets {
            let second = t.code.split('.').nth(1).and_then(|n| n.parse::<u32>().ok());
            if let (Some(n), true) = (second, t.parent.is_none()) {
                seen.entry(n).or_insert(t.line);
            }
        }
        let Some((&max, _)) = seen.iter().next_back() else {
            continue;
        };
        for n in 1..max {
            if !seen.contains_key(&n) {
                let next_line = seen.range(n..).next().map(|(_, l)| *l);
                ctx.diags.warning(
                    "numbering-gap",
                    format!("target {}.{n} is missing between its neighbours", goal.code),
                    next_line,
                );
            }
        }
    }
}

fn unassigned_tasks(ctx: &mut Ctx, body: &Body) {
    let tasks = body
        .goals
        .iter()
        .flat_map(|g| &g.targets)
        .flat_map(|t| &t.tasks)
        .chain(&body.tasks);
    for task in tasks {
        if task.lead.is_empty() {
            let code = task
                .code
                .as_deref()
                .map(|c| format!(" {c}"))
                .unwrap_or_default();
            ctx.diags.warning(
                "unassigned-task",
                format!("task{code} has no lead agency"),
                Some(task.line),
            );
        }
    }
}

/// The body's list of goals ("- Mục tiêu 1: …") against the goal rows of the plan.
fn goal_titles(ctx: &mut Ctx, goals: &[Goal]) {
    // A layout that compares titles itself (it knows where its lists are) has said so already.
    if ctx.diags.iter().any(|d| d.code == "goal-title-mismatch") {
        return;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^[-+•]?\s*Mục tiêu\s+(\d{1,2})\s*[:.]\s*(.+)$")
            .unwrap_or_else(|e| panic!("bad regex: {e}"))
    });
    let first_goal_line = goals.iter().map(|g| g.line).min().unwrap_or(usize::MAX);
    let mut listed: HashMap<String, (String, usize)> = HashMap::new();
    for line in ctx.src.lines.iter().take_while(|l| l.no < first_goal_line) {
        if let Some(c) = re.captures(&line.text) {
            if let (Some(n), Some(title)) = (c.get(1), c.get(2)) {
                listed
                    .entry(n.as_str().to_string())
                    .or_insert((title.as_str().to_string(), line.no));
            }
        }
    }
    for goal in goals {
        let Some((title, line)) = listed.get(&goal.code) else {
            continue;
        };
        if comparable(title) != comparable(&goal.title) && !goal.title.is_empty() {
            ctx.diags.info(
                "goal-title-mismatch",
                format!(
                    "goal {} is titled differently in the body (line {line}) and in the table (line {})",
                    goal.code, goal.line
                ),
                Some(goal.line),
            );
        }
    }
}

fn comparable(s: &str) -> String {
    kehoach_vi::fold(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}
