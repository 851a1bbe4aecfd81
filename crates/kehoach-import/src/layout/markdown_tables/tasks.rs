//! The task table (Nhiệm vụ | Phân công trách nhiệm): goals, targets, and
//! their tasks with lead and coordinating agencies.
//!
//! One task is one assignment unit of the printed table: the text of a
//! lettered sub-target ("a.", "b.") or, where a target has no letters, the
//! run of task text between two assignments. Its bullets stay lines of the
//! task's text: the table assigns agencies to the block, never to a bullet.
//!
//! The cells are read as one stream of pieces (see `segments`), because a
//! printed row often holds the end of one target and the start of the next:
//! an assignment goes to the task blocks still waiting for one in the
//! current target, or started in the same row; several "Chủ trì:" blocks in
//! one cell are dealt out in order.

use kehoach_model::{InheritedField, TargetClass};

use super::headings::TargetHeading;
use super::segments::{bullet_lines, cell_pieces, Piece};
use super::table::{Row, Table};
use crate::Ctx;

#[derive(Debug, Clone)]
pub struct GoalDraft {
    pub code: String,
    pub title: String,
    pub line: usize,
}

#[derive(Debug, Clone)]
pub struct TargetDraft {
    pub goal: usize,
    pub code: String,
    pub running: Option<u32>,
    pub text: String,
    pub class: Option<TargetClass>,
    pub line: usize,
    pub lead_raw: Option<String>,
    pub coordinating_raw: Option<String>,
    pub lead_line: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Block {
    pub target: Option<usize>,
    pub letter: Option<String>,
    pub lines: Vec<String>,
    pub line: usize,
    pub row: usize,
    pub lead_raw: Option<String>,
    pub coordinating_raw: Option<String>,
    /// Line of the assignment, for resolving agencies.
    pub assign_line: usize,
    pub inherited: Vec<InheritedField>,
}

impl Block {
    fn has_lead(&self) -> bool {
        self.lead_raw.is_some()
    }
}

/// What the task table holds, before agencies are resolved.
#[derive(Debug, Default)]
pub struct TaskTable {
    pub goals: Vec<GoalDraft>,
    pub targets: Vec<TargetDraft>,
    pub blocks: Vec<Block>,
}

#[derive(Default)]
struct Reader {
    out: TaskTable,
    target: Option<usize>,
    /// The block text is appended to, until a boundary closes it.
    open: Option<usize>,
    letter: Option<String>,
    /// No letter, heading or text read yet in the current row.
    row_fresh: bool,
    /// The blocks the last assignment went to, while it has a lead and no
    /// coordinating list yet (its "Phối hợp:" may follow after a page break).
    lead_without_coordinating: Vec<usize>,
    /// No assignment read yet in the current row.
    row_unassigned: bool,
}

/// Reads the task table. `responsibility` is the column of the assignments.
pub fn read_task_table(ctx: &mut Ctx, table: &Table, responsibility: usize) -> TaskTable {
    let registry = ctx.agencies.registry();
    let is_agency = |text: &str| {
        let first = text.split([',', ';']).next().unwrap_or("");
        registry.lookup(first).is_some()
    };
    let mut r = Reader::default();
    for (row_idx, row) in table.rows.iter().enumerate() {
        if !row.joined.is_empty() {
            ctx.diags.info(
                "continued-row",
                format!(
                    "row cut by a page break: line(s) {} joined to the row at line {}",
                    row.joined_lines(),
                    row.line
                ),
                Some(row.line),
            );
        }
        r.row_fresh = true;
        r.row_unassigned = true;
        for (col, cell) in row.cells.iter().enumerate() {
            for piece in cell_pieces(cell, col >= responsibility, &is_agency) {
                r.piece(ctx, piece, row, row_idx);
            }
        }
    }
    r.out
}

impl Reader {
    fn piece(&mut self, ctx: &mut Ctx, piece: Piece, row: &Row, row_idx: usize) {
        match piece {
            Piece::Goal { code, title } => {
                self.close();
                self.out.goals.push(GoalDraft {
                    code,
                    title,
                    line: row.line,
                });
                self.row_fresh = false;
            }
            Piece::Target(h) => {
                self.close();
                self.target(h, row.line);
                self.row_fresh = false;
            }
            Piece::Letter(l) => {
                self.close();
                self.letter = Some(l);
                self.row_fresh = false;
            }
            Piece::Text(text) => self.text(ctx, &text, row, row_idx),
            Piece::IndicatorNote(_) => {}
            Piece::Assign {
                lead,
                coordinating,
                nth,
                of,
            } => self.assign(
                ctx,
                lead,
                coordinating,
                row,
                row_idx,
                of.saturating_sub(nth),
            ),
            Piece::Agencies(text) => {
                ctx.diags.warning(
                    "orphan-assignment-text",
                    format!(
                        "agency names with no \"Chủ trì:\"/\"Phối hợp:\" label (their start may be lost): read as coordinating: \"{}\"",
                        short(&text)
                    ),
                    Some(row.line),
                );
                self.assign(ctx, None, Some(text), row, row_idx, 1);
            }
        }
    }

    fn close(&mut self) {
        self.open = None;
        self.letter = None;
    }

    fn target(&mut self, h: TargetHeading, line: usize) {
        if self.out.goals.is_empty() {
            let goal = h.code.split('.').next().unwrap_or("").to_string();
            self.out.goals.push(GoalDraft {
                code: goal,
                title: String::new(),
                line,
            });
        }
        self.out.targets.push(TargetDraft {
            goal: self.out.goals.len() - 1,
            code: h.code,
            running: h.running,
            text: h.statement,
            class: h.class,
            line,
            lead_raw: None,
            coordinating_raw: None,
            lead_line: 0,
        });
        self.target = Some(self.out.targets.len() - 1);
    }

    fn text(&mut self, ctx: &mut Ctx, text: &str, row: &Row, row_idx: usize) {
        let lines = bullet_lines(text);
        // The first text after a page break, before any heading or letter,
        // goes on with the block the previous page ended with (unless a
        // letter printed just before the break announces a new block).
        if row.starts_fragment && self.row_fresh && self.open.is_none() && self.letter.is_none() {
            if let Some(last) = self.last_block_of_target() {
                ctx.diags.info(
                    "continued-row",
                    format!(
                        "task text at line {} continues the task of line {} across a page break",
                        row.line, self.out.blocks[last].line
                    ),
                    Some(row.line),
                );
                self.out.blocks[last].lines.extend(lines);
                self.open = Some(last);
                self.row_fresh = false;
                return;
            }
        }
        self.row_fresh = false;
        match self.open {
            Some(i) => self.out.blocks[i].lines.extend(lines),
            None => {
                self.out.blocks.push(Block {
                    target: self.target,
                    letter: self.letter.take(),
                    lines,
                    line: row.line,
                    row: row_idx,
                    ..Block::default()
                });
                self.open = Some(self.out.blocks.len() - 1);
            }
        }
    }

    fn last_block_of_target(&self) -> Option<usize> {
        let last = self.out.blocks.len().checked_sub(1)?;
        (self.out.blocks[last].target == self.target && self.target.is_some()).then_some(last)
    }

    /// Deals one assignment out. `assignments_left` counts it and the
    /// "Chủ trì:" blocks after it in the same cell: while more follow, each
    /// takes only the next waiting block.
    fn assign(
        &mut self,
        ctx: &mut Ctx,
        lead: Option<String>,
        coordinating: Option<String>,
        row: &Row,
        row_idx: usize,
        assignments_left: usize,
    ) {
        // `self.letter` is kept: a letter printed between the tasks and
        // their assignment announces the next block, not this one.
        self.open = None;
        self.row_fresh = false;
        let first_in_row = std::mem::replace(&mut self.row_unassigned, false);
        if lead.is_none() && row.starts_fragment && first_in_row {
            if let Some(c) = coordinating.as_deref() {
                if self.finish_previous_assignment(ctx, c, row.line) {
                    return;
                }
            }
        }
        let waiting = self.waiting(row_idx, assignments_left);
        let take = if assignments_left > 1 {
            1
        } else {
            waiting.len()
        };
        if waiting.is_empty() {
            self.assign_target(ctx, lead, coordinating, row.line);
            return;
        }
        self.lead_without_coordinating.clear();
        if lead.is_some() && coordinating.is_none() && assignments_left == 1 {
            self.lead_without_coordinating = waiting.clone();
        }
        for (k, &i) in waiting.iter().take(take).enumerate() {
            let b = &mut self.out.blocks[i];
            if lead.is_some() {
                b.lead_raw = lead.clone();
                if k > 0 {
                    b.inherited.push(InheritedField::Lead);
                }
            }
            if coordinating.is_some() {
                b.coordinating_raw = match b.coordinating_raw.take() {
                    Some(prev) if lead.is_some() => {
                        coordinating.clone().map(|c| format!("{prev}, {c}"))
                    }
                    _ => coordinating.clone(),
                };
                if k > 0 {
                    b.inherited.push(InheritedField::Coordinating);
                }
            }
            b.assign_line = row.line;
        }
    }

    /// The blocks an assignment is for: the run of blocks after the last one
    /// given a lead, limited to the current target or the assignment's own
    /// row. When the cell holds more assignments than that leaves blocks,
    /// the whole run counts (the first of them may belong to the target
    /// before, cut from its assignment by a page break).
    fn waiting(&self, row_idx: usize, assignments_left: usize) -> Vec<usize> {
        let run_start = self
            .out
            .blocks
            .iter()
            .rposition(Block::has_lead)
            .map_or(0, |i| i + 1);
        let run = run_start..self.out.blocks.len();
        let near: Vec<usize> = run
            .clone()
            .filter(|&i| {
                let b = &self.out.blocks[i];
                b.target == self.target || b.row == row_idx
            })
            .collect();
        if assignments_left > 1 && near.len() < assignments_left {
            run.collect()
        } else {
            near
        }
    }

    /// "Chủ trì: X" at the foot of a page and "Phối hợp: Y" at the head of
    /// the next are one assignment: Y goes to the blocks X went to.
    fn finish_previous_assignment(
        &mut self,
        ctx: &mut Ctx,
        coordinating: &str,
        line: usize,
    ) -> bool {
        let blocks = std::mem::take(&mut self.lead_without_coordinating);
        let Some(&first) = blocks.first() else {
            return false;
        };
        for &i in &blocks {
            self.out.blocks[i].coordinating_raw = Some(coordinating.to_string());
        }
        ctx.diags.info(
            "continued-row",
            format!(
                "the coordinating list at line {line} finishes the assignment of the task at line {} across a page break",
                self.out.blocks[first].line
            ),
            Some(line),
        );
        true
    }

    /// An assignment with no task waiting: it names the agencies of the
    /// current target as a whole (a heading row with its assignment).
    fn assign_target(
        &mut self,
        ctx: &mut Ctx,
        lead: Option<String>,
        coordinating: Option<String>,
        line: usize,
    ) {
        let free = self.target.filter(|&t| {
            self.out.targets[t].lead_raw.is_none()
                && !self.out.blocks.iter().any(|b| b.target == Some(t))
        });
        match free {
            Some(t) => {
                let target = &mut self.out.targets[t];
                target.lead_raw = lead;
                target.coordinating_raw = coordinating;
                target.lead_line = line;
            }
            None => ctx.diags.warning(
                "unplaced-assignment",
                format!(
                    "an assignment follows no task waiting for one; not applied: \"{}\"",
                    short(lead.as_deref().or(coordinating.as_deref()).unwrap_or(""))
                ),
                Some(line),
            ),
        }
    }
}

pub fn short(text: &str) -> String {
    let mut s: String = text.chars().take(80).collect();
    if text.chars().count() > 80 {
        s.push('…');
    }
    s
}
