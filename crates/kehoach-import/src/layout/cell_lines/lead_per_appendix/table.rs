//! One appendix table read into targets and tasks: every task gets the
//! appendix's lead, and its coordinating and period cells after filling
//! merged cells down.

use std::collections::BTreeSet;

use kehoach_model::{InheritedField, Task};

use super::appendix::Appendix;
use super::cells::{Carry, Filled, Slot};
use super::lines::Label;
use super::rows::{read_rows, Row, TargetRow, TaskRow};
use super::targets::TargetBook;
use crate::code::{normalize_target_code, TargetCode};
use crate::period::parse_period;
use crate::Ctx;

/// The appendix's lead agency, resolved once for all its tasks.
struct Lead {
    raw: Option<String>,
    names: Vec<String>,
}

/// Where the reading of one table stands.
#[derive(Default)]
struct Group {
    /// The target code tasks are filed under.
    target: Option<String>,
    /// The target row's number ("3") and statement.
    number: Option<String>,
    statement: String,
    carry: Carry,
}

pub fn read_table(ctx: &mut Ctx, app: &Appendix, book: &mut TargetBook, free: &mut Vec<Task>) {
    let lead = resolve_lead(ctx, app);
    let rows = read_rows(&app.body, ctx.diags);
    let labelled = labelled_codes(&rows);
    let mut group = Group::default();
    let mut filed: Vec<String> = Vec::new();
    let mut task_labels: BTreeSet<String> = BTreeSet::new();
    for row in &rows {
        match row {
            Row::Target(tr) => {
                group = start_group(ctx, app, tr, &labelled, book);
                if let Some(code) = &group.target {
                    push_unique(&mut filed, code);
                }
            }
            Row::Task(tr) => {
                if let Some((label, line)) = &tr.label {
                    relabel_group(ctx, app, &mut group, label, line.no, &mut task_labels, book);
                }
                let task = build_task(ctx, tr, &lead, &mut group);
                check_number(ctx, app, tr, &group);
                match group.target.as_deref() {
                    Some(code) => {
                        push_unique(&mut filed, code);
                        if let Some(task) = book.push_task(code, &app.number, task) {
                            unplaced(ctx, app, free, task);
                        }
                    }
                    None => unplaced(ctx, app, free, task),
                }
            }
        }
    }
    reconcile_intro(ctx, app, &filed);
}

fn push_unique(list: &mut Vec<String>, code: &str) {
    if !list.iter().any(|c| c == code) {
        list.push(code.to_string());
    }
}

fn resolve_lead(ctx: &mut Ctx, app: &Appendix) -> Lead {
    match &app.lead_raw {
        Some(raw) => Lead {
            names: ctx.agencies.resolve(raw, app.lead_line, ctx.diags),
            raw: Some(raw.clone()),
        },
        None => {
            ctx.diags.warning(
                "missing-lead",
                format!(
                    "appendix {} names no lead agency after \"CƠ QUAN CHỦ TRÌ THỰC HIỆN:\"",
                    app.number
                ),
                Some(app.lead_line),
            );
            Lead {
                raw: None,
                names: Vec::new(),
            }
        }
    }
}

/// Every normalised code a label of this table names.
fn labelled_codes(rows: &[Row]) -> Vec<TargetCode> {
    let mut out = Vec::new();
    for row in rows {
        let labels: Vec<&Label> = match row {
            Row::Target(tr) => std::iter::once(&tr.label)
                .chain(tr.sub.as_ref().map(|(l, _)| l))
                .collect(),
            Row::Task(tr) => tr.label.as_ref().map(|(l, _)| l).into_iter().collect(),
        };
        out.extend(
            labels
                .into_iter()
                .filter_map(|l| normalize_target_code(&l.code)),
        );
    }
    out
}

fn start_group(
    ctx: &mut Ctx,
    app: &Appendix,
    tr: &TargetRow,
    labelled: &[TargetCode],
    book: &mut TargetBook,
) -> Group {
    let label_no = tr.label_line.no;
    let main = match normalize_target_code(&tr.label.code) {
        Some(code) => {
            book.ensure(&code, &tr.label.text, true, label_no, ctx.diags);
            Some(code)
        }
        None => goal_level_target(ctx, app, tr, labelled, book),
    };
    let mut target = main.map(|c| c.code);
    if let Some((sub, line)) = &tr.sub {
        match normalize_target_code(&sub.code) {
            Some(code) => {
                book.ensure(&code, &tr.label.text, false, line.no, ctx.diags);
                target = Some(code.code);
            }
            None => ctx.diags.warning(
                "unplaced-row",
                format!("sub-target label \"{}\" is not a target code", sub.code),
                Some(line.no),
            ),
        }
    }
    Group {
        target,
        number: Some(tr.number.text.trim_end_matches('.').to_string()),
        statement: tr.label.text.clone(),
        carry: Carry::start(&tr.cells, tr.number.no, ctx.diags),
    }
}

/// "Mục tiêu 2: Xóa đói…" heads a table group where the intro lists a
/// target of goal 2: the one goal-2 code of the intro that no other label of
/// the table names is taken, and said so.
fn goal_level_target(
    ctx: &mut Ctx,
    app: &Appendix,
    tr: &TargetRow,
    labelled: &[TargetCode],
    book: &mut TargetBook,
) -> Option<TargetCode> {
    let goal = tr.label.code.trim_end_matches('.');
    let line = tr.label_line.no;
    if !goal.chars().all(|c| c.is_ascii_digit()) {
        ctx.diags.warning(
            "unplaced-row",
            format!("target label \"{}\" is not a target code", tr.label.code),
            Some(line),
        );
        return None;
    }
    book.set_goal_title(goal, &tr.label.text, line);
    let candidates: Vec<TargetCode> = app
        .intro_codes
        .iter()
        .filter_map(|c| normalize_target_code(c))
        .filter(|c| c.goal == goal && !labelled.iter().any(|l| names_same_target(l, c)))
        .collect();
    match candidates.as_slice() {
        [only] => {
            ctx.diags.info(
                "goal-level-target-label",
                format!(
                    "appendix {}: a row is labelled with goal {goal} only; taken as target {}, the one goal-{goal} target of the intro list no other row names",
                    app.number, only.code
                ),
                Some(line),
            );
            book.ensure(only, &tr.label.text, false, line, ctx.diags);
            Some(only.clone())
        }
        _ => {
            ctx.diags.warning(
                "unplaced-row",
                format!("appendix {}: a row is labelled with goal {goal} only and the intro list does not tell which target is meant; its tasks are not filed under a target", app.number),
                Some(line),
            );
            None
        }
    }
}

/// "2.3" on a label names the intro's "2.3.a" as well.
fn names_same_target(label: &TargetCode, intro: &TargetCode) -> bool {
    label.code == intro.code || intro.parent.as_deref() == Some(label.code.as_str())
}

/// "Mục tiêu 3.5.a:" inside a task cell: this task and the ones after it
/// belong to that sub-target.
fn relabel_group(
    ctx: &mut Ctx,
    app: &Appendix,
    group: &mut Group,
    label: &Label,
    line: usize,
    seen: &mut BTreeSet<String>,
    book: &mut TargetBook,
) {
    let Some(code) = normalize_target_code(&label.code) else {
        ctx.diags.warning(
            "unplaced-row",
            format!("task label \"{}\" is not a target code", label.code),
            Some(line),
        );
        return;
    };
    if !seen.insert(code.code.clone()) {
        ctx.diags.info(
            "repeated-target-label",
            format!(
                "appendix {}: target {} labels two task groups; both are filed under it",
                app.number, code.code
            ),
            Some(line),
        );
    }
    let text = if label.text.is_empty() {
        group.statement.clone()
    } else {
        label.text.clone()
    };
    book.ensure(&code, &text, !label.text.is_empty(), line, ctx.diags);
    group.target = Some(code.code);
}

fn build_task(ctx: &mut Ctx, tr: &TaskRow, lead: &Lead, group: &mut Group) -> Task {
    let row_no = tr.number.no;
    let code = tr.number.text.clone();
    if tr.text.is_none() {
        ctx.diags.warning(
            "task-without-text",
            format!("task {code} has no text"),
            Some(row_no),
        );
    }
    if let Some(line) = tr.cells.ambiguous_empty {
        ctx.diags.info(
            "ambiguous-empty-cell",
            format!("task {code}: an empty line that may be an empty cell or an empty paragraph; the columns this row does not print are taken from the merged cells above"),
            Some(line.no),
        );
    }
    let coordinating = group.carry.fill_coordinating(&tr.cells, row_no, ctx.diags);
    let period = group.carry.fill_period(&tr.cells, row_no, ctx.diags);
    report_missing(
        ctx,
        &code,
        row_no,
        &coordinating,
        "no-coordinating-unit",
        "coordinating unit",
    );
    report_missing(ctx, &code, row_no, &period, "no-period", "period");
    let mut inherited = Vec::new();
    let coordinating_raw = coordinating.slot.cell().map(|c| c.text.clone());
    let names = match coordinating.slot.cell() {
        Some(cell) => ctx.agencies.resolve(&cell.text, cell.line, ctx.diags),
        None => Vec::new(),
    };
    if coordinating.inherited {
        inherited.push(InheritedField::Coordinating);
    }
    let parsed = period
        .slot
        .cell()
        .map(|c| parse_period(&c.text))
        .unwrap_or_default();
    if period.inherited {
        inherited.push(InheritedField::Period);
    }
    Task {
        code: Some(code),
        text: tr.text.map(|l| l.text.clone()).unwrap_or_default(),
        line: row_no,
        lead: lead.names.clone(),
        coordinating: names,
        lead_raw: lead.raw.clone(),
        coordinating_raw,
        period: parsed.text,
        periods: parsed.ranges,
        inherited,
    }
}

fn report_missing(
    ctx: &mut Ctx,
    code: &str,
    row_no: usize,
    filled: &Filled,
    diag: &str,
    what: &str,
) {
    let why = match &filled.slot {
        Slot::Given(_) => return,
        Slot::Empty(line) if *line == row_no => "its own cell is empty".to_string(),
        Slot::Empty(line) => format!("the merged cell starting on the row at line {line} is empty"),
        Slot::Nothing => "no row of its target group prints one above it".to_string(),
    };
    ctx.diags.warning(
        diag,
        format!("task {code} has no {what}: {why}"),
        Some(row_no),
    );
}

/// "3.2" belongs under target row "3".
fn check_number(ctx: &mut Ctx, app: &Appendix, tr: &TaskRow, group: &Group) {
    let Some(number) = &group.number else { return };
    let first = tr.number.text.split('.').next().unwrap_or_default();
    if first != number {
        ctx.diags.warning(
            "task-number-mismatch",
            format!(
                "appendix {}: task {} sits under target row {number}",
                app.number, tr.number.text
            ),
            Some(tr.number.no),
        );
    }
}

fn unplaced(ctx: &mut Ctx, app: &Appendix, free: &mut Vec<Task>, task: Task) {
    ctx.diags.warning(
        "unplaced-task",
        format!(
            "appendix {}: task {} has no target to be filed under; kept as a free task",
            app.number,
            task.code.as_deref().unwrap_or("?")
        ),
        Some(task.line),
    );
    free.push(task);
}

/// The intro's list of targets against the codes the table files tasks under.
fn reconcile_intro(ctx: &mut Ctx, app: &Appendix, filed: &[String]) {
    let Some(intro_line) = app.intro_line else {
        return;
    };
    let intro: Vec<TargetCode> = app
        .intro_codes
        .iter()
        .filter_map(|c| normalize_target_code(c))
        .collect();
    for code in &intro {
        if filed.contains(&code.code) {
            continue;
        }
        let parent_filed = code.parent.as_ref().is_some_and(|p| filed.contains(p));
        let (diag, message) = if parent_filed {
            (
                "target-letter-missing",
                format!(
                    "appendix {}: the intro lists target {} but the table labels it {}; its tasks are filed under {}",
                    app.number,
                    code.code,
                    code.parent.as_deref().unwrap_or_default(),
                    code.parent.as_deref().unwrap_or_default()
                ),
            )
        } else {
            (
                "intro-target-not-in-table",
                format!(
                    "appendix {}: the intro lists target {} but the table has no tasks for it",
                    app.number, code.code
                ),
            )
        };
        ctx.diags.info(diag, message, Some(intro_line));
    }
    for code in filed {
        let in_intro = intro
            .iter()
            .any(|c| &c.code == code || c.parent.as_ref() == Some(code));
        if !in_intro {
            ctx.diags.info(
                "table-target-not-in-intro",
                format!("appendix {}: the table files tasks under target {code}, which the intro does not list", app.number),
                Some(intro_line),
            );
        }
    }
}
