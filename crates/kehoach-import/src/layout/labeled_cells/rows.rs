//! The appendix table rebuilt from its paragraph stream: goals, sections
//! (one per target heading) and assignment rows.
//!
//! A row is: its "Nhiệm vụ" text (column 1), a "Chủ trì" label, usually a
//! "Phối hợp" label, then its content paragraphs (column 3). When a target
//! has several rows, row k+1's column-1 text follows row k's content with no
//! marker at all, so the boundary is guessed (see [`split_run`]) and every
//! guess is reported as `ambiguous-row-boundary`.

use super::paragraph::{classify, is_plus_bullet, is_sub_item, Para};
use crate::{Ctx, Line};

#[derive(Debug)]
pub struct GoalSection<'a> {
    pub code: String,
    pub title: String,
    pub line: usize,
    pub sections: Vec<Section<'a>>,
}

/// The paragraphs under one target heading, or under a goal heading that
/// has rows but no target (goal 19).
#[derive(Debug)]
pub struct Section<'a> {
    pub heading: Option<Heading>,
    /// Column-1 text of the first row, after the heading line.
    pub statement: Vec<&'a Line>,
    pub rows: Vec<Row<'a>>,
}

#[derive(Debug)]
pub struct Heading {
    pub printed: String,
    pub statement: String,
    pub nhiem_vu: bool,
    pub line: usize,
}

#[derive(Debug)]
pub struct Row<'a> {
    /// Column-1 text of a row after a target's first (empty for the first row,
    /// whose column-1 text is the section's statement).
    pub col1: Vec<&'a Line>,
    pub lead: &'a Line,
    pub lead_text: String,
    pub coordinating: Option<(&'a Line, String)>,
    pub content: Vec<&'a Line>,
    /// The line of an empty content cell (a no-break space alone).
    pub empty_cell: Option<usize>,
}

/// Rebuilds the table from the appendix lines.
pub fn read_goals<'a>(ctx: &mut Ctx, lines: &'a [Line]) -> Vec<GoalSection<'a>> {
    let mut goals: Vec<GoalSection<'a>> = Vec::new();
    // Text paragraphs not yet placed: column-1 or content, decided at the next label.
    let mut pending: Vec<&'a Line> = Vec::new();
    for line in lines {
        let para = classify(line);
        if matches!(para, Para::Text) {
            if !line.is_blank() {
                pending.push(line);
            }
            continue;
        }
        match para {
            Para::Goal { code, title } => {
                close_section(ctx, &mut goals, &mut pending);
                goals.push(GoalSection {
                    code,
                    title,
                    line: line.no,
                    sections: Vec::new(),
                });
            }
            Para::Target {
                printed,
                statement,
                nhiem_vu,
            } => {
                close_section(ctx, &mut goals, &mut pending);
                if let Some(goal) = goals.last_mut() {
                    goal.sections.push(Section {
                        heading: Some(Heading {
                            printed,
                            statement,
                            nhiem_vu,
                            line: line.no,
                        }),
                        statement: Vec::new(),
                        rows: Vec::new(),
                    });
                }
            }
            Para::Lead(text) => open_row(ctx, &mut goals, &mut pending, line, text),
            Para::Coordinating(text) => {
                attach_coordinating(ctx, &mut goals, pending.is_empty(), line, text)
            }
            Para::EmptyCell => {
                if let Some(row) = current_row(&mut goals) {
                    if row.empty_cell.is_none() && pending.is_empty() {
                        row.empty_cell = Some(line.no);
                    }
                }
            }
            Para::Text => {}
        }
    }
    close_section(ctx, &mut goals, &mut pending);
    goals
}

fn current_section<'g, 'a>(goals: &'g mut [GoalSection<'a>]) -> Option<&'g mut Section<'a>> {
    goals.last_mut().and_then(|g| g.sections.last_mut())
}

fn current_row<'g, 'a>(goals: &'g mut [GoalSection<'a>]) -> Option<&'g mut Row<'a>> {
    current_section(goals).and_then(|s| s.rows.last_mut())
}

/// Places the pending paragraphs of the section being closed: column-1 text
/// if it has no row yet, else the last row's content. Text under a goal
/// heading that no row follows cannot be placed and is reported.
fn close_section<'a>(ctx: &mut Ctx, goals: &mut [GoalSection<'a>], pending: &mut Vec<&'a Line>) {
    let taken = std::mem::take(pending);
    match current_section(goals) {
        Some(section) => match section.rows.last_mut() {
            Some(row) => row.content.extend(taken),
            None => section.statement.extend(taken),
        },
        None => {
            if let (Some(first), Some(last)) = (taken.first(), taken.last()) {
                ctx.diags.warning(
                    "unplaced-text",
                    format!(
                        "lines {}-{} sit under a goal heading with no target or row of their own and are left out",
                        first.no, last.no
                    ),
                    Some(first.no),
                );
            }
        }
    }
}

fn open_row<'a>(
    ctx: &mut Ctx,
    goals: &mut [GoalSection<'a>],
    pending: &mut Vec<&'a Line>,
    line: &'a Line,
    text: String,
) {
    let Some(goal) = goals.last_mut() else {
        ctx.diags.warning(
            "row-outside-goal",
            "a \"Chủ trì\" row before any goal heading is ignored",
            Some(line.no),
        );
        pending.clear();
        return;
    };
    if goal.sections.is_empty() {
        goal.sections.push(Section {
            heading: None,
            statement: Vec::new(),
            rows: Vec::new(),
        });
    }
    let Some(section) = goal.sections.last_mut() else {
        return;
    };
    let run = std::mem::take(pending);
    let col1 = match section.rows.last_mut() {
        None => {
            section.statement.extend(run);
            Vec::new()
        }
        Some(previous) => {
            let at = split_run(ctx, &run, line.no);
            previous.content.extend(run[..at].iter().copied());
            run[at..].to_vec()
        }
    };
    section.rows.push(Row {
        col1,
        lead: line,
        lead_text: text,
        coordinating: None,
        content: Vec::new(),
        empty_cell: None,
    });
}

fn attach_coordinating<'a>(
    ctx: &mut Ctx,
    goals: &mut [GoalSection<'a>],
    nothing_pending: bool,
    line: &'a Line,
    text: String,
) {
    match current_row(goals) {
        Some(row) if row.coordinating.is_none() && nothing_pending && row.content.is_empty() => {
            row.coordinating = Some((line, text));
        }
        _ => ctx.diags.warning(
            "coordinating-out-of-place",
            "a \"Phối hợp\" label that does not follow a \"Chủ trì\" label is ignored",
            Some(line.no),
        ),
    }
}

/// Where the paragraphs between row k's labels and row k+1's "Chủ trì"
/// divide into row k's content and row k+1's column-1 text; returns the index
/// of the first column-1 paragraph (`run.len()` when column 1 is empty).
///
/// 1. A lettered sub-item ("b)", "b.") opens row k+1's column-1 text.
/// 2. A single paragraph is row k's content: every row has content, so row
///    k+1's column 1 must be merged with the cell above (as at L1190).
/// 3. A "- " item right after another "- " item continues row k's list
///    (L2070 and L2100 name row k's own field of work), so column 1 is merged.
/// 4. Otherwise the last paragraph is row k+1's column-1 text, together with
///    the paragraph that heads it when it is a run of "+" sub-bullets; if
///    that would leave row k without content, the whole run is content.
fn split_run(ctx: &mut Ctx, run: &[&Line], lead_line: usize) -> usize {
    if let Some(at) = (1..run.len()).rev().find(|&i| is_sub_item(&run[i].text)) {
        return at;
    }
    if run.is_empty() {
        return 0;
    }
    let mut at = run.len() - 1;
    while at > 0 && is_plus_bullet(&run[at].text) {
        at -= 1;
    }
    let continues_list = at == run.len() - 1
        && at > 0
        && is_dash_item(&run[at].text)
        && is_dash_item(&run[at - 1].text);
    let merged = run.len() == 1 || at == 0 || continues_list;
    if merged {
        ctx.diags.info(
            "ambiguous-row-boundary",
            format!(
                "row boundary guessed: the row led at line {lead_line} is taken to have no column-1 text of its own (merged with the row above); {} kept as content of the row above",
                line_span(run)
            ),
            Some(lead_line),
        );
        return run.len();
    }
    ctx.diags.info(
        "ambiguous-row-boundary",
        format!(
            "row boundary guessed: line {} is taken as the column-1 text of the row led at line {lead_line}, line {} as the last content of the row above",
            run[at].no,
            run[at - 1].no
        ),
        Some(lead_line),
    );
    at
}

fn is_dash_item(text: &str) -> bool {
    text.starts_with("- ")
}

/// "line 1188" or "lines 1232-1234".
fn line_span(run: &[&Line]) -> String {
    match (run.first(), run.last()) {
        (Some(a), Some(b)) if a.no != b.no => format!("lines {}-{}", a.no, b.no),
        (Some(a), _) => format!("line {}", a.no),
        _ => "no line".to_string(),
    }
}
