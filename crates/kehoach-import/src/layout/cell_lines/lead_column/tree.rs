//! Building goals → targets → tasks from the table's rows.

use kehoach_model::{Goal, InheritedField, Target, Task};

use super::cell_kind::{self, Marker};
use super::merged::{MergedCells, Printed, Value};
use super::rows::{self, Row, RowCells};
use super::table::{Cell, Column};
use crate::period::parse_period;
use crate::Ctx;

pub(super) struct Tree {
    columns: Vec<Column>,
    merged: MergedCells,
    goals: Vec<Goal>,
    /// Whether the last task group before the current target had a lead:
    /// to say so when the next target's first task has none.
    lead_before_target: bool,
    current_target_has_tasks: bool,
}

impl Tree {
    pub fn new(columns: Vec<Column>) -> Tree {
        Tree {
            merged: MergedCells::new(columns.clone()),
            columns,
            goals: Vec::new(),
            lead_before_target: false,
            current_target_has_tasks: false,
        }
    }

    pub fn into_goals(self) -> Vec<Goal> {
        self.goals
    }

    pub fn add_row(&mut self, ctx: &mut Ctx, row: &Row<'_>) {
        let Some(first) = row.cells.first() else {
            self.add_cellless_row(ctx, row);
            return;
        };
        if let Some(heading) = cell_kind::goal_heading(first.text) {
            self.add_goal(ctx, row, heading);
        } else if let Some(heading) = cell_kind::target_heading(first.text) {
            self.add_target(ctx, row, heading);
        } else {
            match row.marker {
                Some((Marker::Bullet | Marker::Empty, _)) => self.add_task(ctx, row),
                _ => unplaced_row(
                    ctx,
                    row,
                    "a row that is neither a goal, a target nor a task",
                ),
            }
        }
    }

    /// An STT cell with nothing after it before the next row.
    fn add_cellless_row(&mut self, ctx: &mut Ctx, row: &Row<'_>) {
        let Some((marker, cell)) = row.marker else {
            return;
        };
        let message = match marker {
            Marker::Empty => {
                "empty cell with no text after it: no row can be placed here, the cell is skipped and the merged cells above continue"
            }
            _ => "row number with no text after it: the row is skipped",
        };
        let code = if marker == Marker::Empty {
            "stray-empty-cell"
        } else {
            "empty-row"
        };
        ctx.diags.info(code, message, Some(cell.line));
    }

    fn add_goal(&mut self, ctx: &mut Ctx, row: &Row<'_>, heading: cell_kind::GoalHeading) {
        let Some(first) = row.cells.first() else {
            return;
        };
        match row.marker {
            Some((Marker::Roman(n), cell)) if n.to_string() != heading.number => {
                ctx.diags.warning(
                    "goal-number-mismatch",
                    format!(
                        "goal row numbered {} (\"{}\") is headed \"Mục tiêu {}\": the heading's number is used",
                        n, cell.text, heading.number
                    ),
                    Some(first.line),
                );
            }
            Some((Marker::Roman(_), _)) => {}
            _ => missing_row_number(ctx, first, "goal"),
        }
        let sorted = self.sort(ctx, row);
        report_assignment_on_goal(ctx, &sorted);
        self.merged.restart(Vec::new());
        self.lead_before_target = false;
        self.goals.push(Goal {
            code: heading.number,
            title: join_paragraphs(&sorted.text, Some(heading.title)),
            line: first.line,
            targets: Vec::new(),
        });
    }

    fn add_target(&mut self, ctx: &mut Ctx, row: &Row<'_>, heading: cell_kind::TargetHeading) {
        let Some(first) = row.cells.first() else {
            return;
        };
        let code = heading.code;
        match row.marker {
            Some((Marker::Number(n), _)) => {
                let printed_n = code.code.split('.').nth(1).unwrap_or_default();
                if printed_n != n.to_string() {
                    ctx.diags.info(
                        "target-number-mismatch",
                        format!("target row numbered {n} is headed MTCT {}", code.code),
                        Some(first.line),
                    );
                }
            }
            _ => missing_row_number(ctx, first, "target"),
        }
        let sorted = self.sort(ctx, row);
        let own = self.resolve_row(ctx, &sorted);
        let lead = names_in(&self.columns, &own, Column::Lead);
        let coordinating = names_in(&self.columns, &own, Column::Coordinating);
        self.lead_before_target = self.merged.column_open(Column::Lead);
        self.merged.restart(own);
        self.current_target_has_tasks = false;
        let Some(goal) = self.goals.last_mut() else {
            unplaced_row(ctx, row, "a target row before any goal row");
            return;
        };
        if goal.code != code.goal {
            ctx.diags.warning(
                "target-outside-goal",
                format!(
                    "MTCT {} is printed under goal {}: kept where it is printed",
                    code.code, goal.code
                ),
                Some(first.line),
            );
        }
        goal.targets.push(Target {
            code: code.code,
            parent: code.parent,
            text: join_paragraphs(&sorted.text, Some(heading.statement)),
            class: None,
            line: first.line,
            tasks: Vec::new(),
            lead,
            coordinating,
        });
    }

    fn add_task(&mut self, ctx: &mut Ctx, row: &Row<'_>) {
        let sorted = self.sort(ctx, row);
        let Some(first) = sorted.text.first().copied() else {
            return;
        };
        if self.goals.last().is_none_or(|g| g.targets.is_empty()) {
            unplaced_row(ctx, row, "a task row before any target row");
            return;
        }
        let own = self.resolve_row(ctx, &sorted);
        let values = self.merged.task_row(own);
        self.report_merges(ctx, first.line, &values);
        self.current_target_has_tasks = true;
        let task = task_from(&sorted, &values);
        if let Some(target) = self.goals.last_mut().and_then(|g| g.targets.last_mut()) {
            target.tasks.push(task);
        }
    }

    /// Sorts a row's cells and reports what could not be placed.
    fn sort<'a>(&self, ctx: &mut Ctx, row: &Row<'a>) -> RowCells<'a> {
        let sorted = rows::sort_cells(ctx.agencies.registry(), &self.columns, &row.cells);
        if let Some(extra) = sorted.text.get(1) {
            ctx.diags.warning(
                "multi-paragraph-cell",
                format!(
                    "{} paragraphs with no row number of their own follow the text above: read as one cell (one item); they may be separate items",
                    sorted.text.len() - 1
                ),
                Some(extra.line),
            );
        }
        for cell in &sorted.unplaced {
            ctx.diags.warning(
                "unplaced-cell",
                format!(
                    "cell after the assignment cells of its row fits no column and is skipped: \"{}\"",
                    shorten(cell.text)
                ),
                Some(cell.line),
            );
        }
        sorted
    }

    /// Resolves the row's own assignment cells.
    fn resolve_row(&self, ctx: &mut Ctx, sorted: &RowCells<'_>) -> Vec<Option<Printed>> {
        self.columns
            .iter()
            .zip(&sorted.assigned)
            .map(|(&column, cell)| cell.map(|c| resolve_cell(ctx, column, c)))
            .collect()
    }

    fn report_merges(&self, ctx: &mut Ctx, line: usize, values: &[Value]) {
        let lead = values.iter().find(|v| v.column == Column::Lead);
        let coordinating = values.iter().find(|v| v.column == Column::Coordinating);
        if let (Some(lead), Some(coord)) = (lead, coordinating) {
            if !lead.inherited && lead.printed.is_some() && coord.inherited {
                ctx.diags.info(
                    "lone-lead-cell",
                    "the row prints a lead cell but no coordinating cell: the coordinating cell is read as merged from the row above",
                    lead.printed.as_ref().map(|p| p.line),
                );
            }
        }
        // Only leads: a coordinating list repeated under a new lead is the
        // normal way to print it, a lead repeated is a merge spelled out twice.
        for value in values
            .iter()
            .filter(|v| v.repeated && v.column == Column::Lead)
        {
            ctx.diags.info(
                "repeated-merged-cell",
                format!(
                    "{} cell repeats the one above instead of being merged with it",
                    column_name(value.column)
                ),
                value.printed.as_ref().map(|p| p.line),
            );
        }
        let lead_missing = lead.is_some_and(|v| v.printed.is_none());
        if lead_missing && !self.current_target_has_tasks && self.lead_before_target {
            ctx.diags.info(
                "merge-stops-at-target",
                "first task of a target prints no lead cell: the lead cell of the previous target does not reach across the target row",
                Some(line),
            );
        }
    }
}

fn task_from(sorted: &RowCells<'_>, values: &[Value]) -> Task {
    let mut task = Task {
        text: join_paragraphs(&sorted.text, None),
        line: sorted.text.first().map_or(0, |c| c.line),
        ..Task::default()
    };
    for value in values {
        let Some(printed) = &value.printed else {
            continue;
        };
        let field = match value.column {
            Column::Lead => {
                task.lead = printed.names.clone();
                task.lead_raw = Some(printed.raw.clone());
                InheritedField::Lead
            }
            Column::Coordinating => {
                task.coordinating = printed.names.clone();
                task.coordinating_raw = Some(printed.raw.clone());
                InheritedField::Coordinating
            }
            Column::Period => {
                let period = parse_period(&printed.raw);
                task.period = period.text;
                task.periods = period.ranges;
                InheritedField::Period
            }
        };
        if value.inherited {
            task.inherited.push(field);
        }
    }
    task
}

fn resolve_cell(ctx: &mut Ctx, column: Column, cell: Cell<'_>) -> Printed {
    let names = match column {
        Column::Lead | Column::Coordinating => {
            ctx.agencies.resolve(cell.text, cell.line, ctx.diags)
        }
        Column::Period => Vec::new(),
    };
    Printed {
        line: cell.line,
        raw: cell.text.to_string(),
        names,
    }
}

fn names_in(columns: &[Column], own: &[Option<Printed>], wanted: Column) -> Vec<String> {
    columns
        .iter()
        .zip(own)
        .find(|(&c, _)| c == wanted)
        .and_then(|(_, p)| p.as_ref())
        .map(|p| p.names.clone())
        .unwrap_or_default()
}

/// Joins a cell's paragraphs with a space. `first` replaces the first
/// paragraph when a heading's prefix has been cut from it.
fn join_paragraphs(paragraphs: &[Cell<'_>], first: Option<String>) -> String {
    let mut parts: Vec<&str> = Vec::with_capacity(paragraphs.len());
    let mut rest = paragraphs.iter();
    if let Some(first) = first.as_deref() {
        rest.next();
        if !first.is_empty() {
            parts.push(first);
        }
    }
    parts.extend(rest.map(|c| c.text));
    parts.join(" ")
}

fn report_assignment_on_goal(ctx: &mut Ctx, sorted: &RowCells<'_>) {
    for cell in sorted.assigned.iter().flatten() {
        ctx.diags.warning(
            "unplaced-cell",
            format!(
                "agency cell on a goal row: goals carry no assignment, the cell is skipped: \"{}\"",
                shorten(cell.text)
            ),
            Some(cell.line),
        );
    }
}

fn missing_row_number(ctx: &mut Ctx, heading: &Cell<'_>, what: &str) {
    ctx.diags.info(
        "missing-row-number",
        format!("{what} heading without a row number in the STT column"),
        Some(heading.line),
    );
}

fn unplaced_row(ctx: &mut Ctx, row: &Row<'_>, why: &str) {
    let line = row
        .marker
        .map(|(_, c)| c.line)
        .or_else(|| row.cells.first().map(|c| c.line));
    ctx.diags
        .warning("unplaced-row", format!("{why}: the row is skipped"), line);
}

fn column_name(column: Column) -> &'static str {
    match column {
        Column::Lead => "lead",
        Column::Coordinating => "coordinating",
        Column::Period => "period",
    }
}

/// The start of a cell for a message, cut at a character boundary.
fn shorten(text: &str) -> String {
    const MAX_CHARS: usize = 60;
    if text.chars().count() <= MAX_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX_CHARS).collect();
    format!("{cut}…")
}
