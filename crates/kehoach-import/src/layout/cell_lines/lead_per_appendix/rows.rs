//! Rows of an appendix table. A row starts at its number ("TT") line; the
//! lines up to the next number are its cells, one cell or paragraph a line.
//! Merged cells are printed on their first row only, so a row may hold
//! fewer cells than the table has columns.

use super::lines::{is_period_line, is_row_number, target_label, Label};
use crate::diagnostics::Diagnostics;
use crate::Line;

/// The coordinating and period cells a row prints (either may be absent:
/// merged with the row above).
#[derive(Debug, Default)]
pub struct Cells<'a> {
    pub coordinating: Vec<&'a Line>,
    pub period: Vec<&'a Line>,
    /// An empty cell stands where the coordinating cell would be: an empty
    /// line right after the task text, before the period lines.
    pub coordinating_empty: bool,
    /// An empty line that may be an empty cell or an empty paragraph.
    pub ambiguous_empty: Option<&'a Line>,
}

#[derive(Debug)]
pub struct TargetRow<'a> {
    pub number: &'a Line,
    pub label: Label,
    pub label_line: &'a Line,
    /// "Mục tiêu 1.3.b:" on its own row under the target row.
    pub sub: Option<(Label, &'a Line)>,
    /// Cells printed on the target or sub-target row, valid for its tasks.
    pub cells: Cells<'a>,
}

#[derive(Debug)]
pub struct TaskRow<'a> {
    pub number: &'a Line,
    /// "Mục tiêu 3.5.a:" printed at the top of the task cell.
    pub label: Option<(Label, &'a Line)>,
    pub text: Option<&'a Line>,
    pub cells: Cells<'a>,
}

#[derive(Debug)]
pub enum Row<'a> {
    Target(TargetRow<'a>),
    Task(TaskRow<'a>),
}

/// Cuts the body into rows; lines before the first row number are reported.
pub fn read_rows<'a>(body: &[&'a Line], diags: &mut Diagnostics) -> Vec<Row<'a>> {
    let mut rows = Vec::new();
    let mut current: Option<(&Line, Vec<&Line>)> = None;
    for &line in body {
        if is_row_number(&line.text) {
            if let Some((number, cells)) = current.take() {
                rows.extend(classify(number, cells, diags));
            }
            current = Some((line, Vec::new()));
        } else if let Some((_, cells)) = current.as_mut() {
            cells.push(line);
        } else if !line.is_empty_cell() {
            diags.warning(
                "unplaced-row",
                "a table line before the first numbered row is not read",
                Some(line.no),
            );
        }
    }
    if let Some((number, cells)) = current {
        rows.extend(classify(number, cells, diags));
    }
    rows
}

fn classify<'a>(
    number: &'a Line,
    cells: Vec<&'a Line>,
    diags: &mut Diagnostics,
) -> Option<Row<'a>> {
    let is_target_number = !number.text.trim_end_matches('.').contains('.');
    let first_label = cells
        .first()
        .and_then(|l| target_label(&l.text).map(|lab| (lab, *l)));
    match (is_target_number, first_label) {
        (true, Some((label, label_line))) => Some(Row::Target(target_row(
            number,
            label,
            label_line,
            &cells[1..],
        ))),
        (true, None) => {
            diags.warning(
                "unplaced-row",
                format!(
                    "row {} has a target number but no \"Mục tiêu\" label: not read",
                    number.text
                ),
                Some(number.no),
            );
            None
        }
        (false, label) => Some(Row::Task(task_row(number, label, &cells))),
    }
}

/// After the label: an optional sub-target row (empty number cell, label,
/// then empty cells or the period of the whole group).
fn target_row<'a>(
    number: &'a Line,
    label: Label,
    label_line: &'a Line,
    rest: &[&'a Line],
) -> TargetRow<'a> {
    let mut sub = None;
    let mut cells = Cells::default();
    for &line in rest {
        if line.is_empty_cell() {
            continue;
        }
        match target_label(&line.text) {
            Some(lab) if sub.is_none() => sub = Some((lab, line)),
            _ if is_period_line(&line.text) => cells.period.push(line),
            _ => cells.coordinating.push(line),
        }
    }
    TargetRow {
        number,
        label,
        label_line,
        sub,
        cells,
    }
}

fn task_row<'a>(
    number: &'a Line,
    label: Option<(Label, &'a Line)>,
    cells: &[&'a Line],
) -> TaskRow<'a> {
    let rest = if label.is_some() {
        cells.get(1..).unwrap_or_default()
    } else {
        cells
    };
    let text_at = rest.iter().position(|l| !l.is_empty_cell());
    let text = text_at.and_then(|i| rest.get(i).copied());
    let after = text_at.and_then(|i| rest.get(i + 1..)).unwrap_or_default();
    TaskRow {
        number,
        label,
        text,
        cells: task_cells(after),
    }
}

/// The lines after the task text: agency lines, period lines and empty
/// lines. An empty line is an empty coordinating cell only where nothing
/// else can be meant: first after the text, with period lines after it and
/// no agency line. After a filled cell it may be an empty trailing
/// paragraph as well; a row whose only extra line is empty does not say
/// which column is empty. Those two are left ambiguous (inheritance goes on).
fn task_cells<'a>(after: &[&'a Line]) -> Cells<'a> {
    let mut cells = Cells::default();
    for &line in after {
        if line.is_empty_cell() {
            continue;
        }
        if is_period_line(&line.text) {
            cells.period.push(line);
        } else {
            cells.coordinating.push(line);
        }
    }
    let first_empty = after.first().copied().filter(|l| l.is_empty_cell());
    let last_empty = after.last().copied().filter(|l| l.is_empty_cell());
    if first_empty.is_some() && cells.coordinating.is_empty() && !cells.period.is_empty() {
        cells.coordinating_empty = true;
    } else if cells.period.is_empty() && last_empty.is_some() {
        cells.ambiguous_empty = last_empty;
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(raw: &[&str]) -> Vec<Line> {
        raw.iter()
            .enumerate()
            .map(|(i, r)| Line::new(i + 1, r.to_string()))
            .collect()
    }

    fn cells_of(raw: &[&str]) -> (bool, bool, usize, usize) {
        let owned = lines(raw);
        let refs: Vec<&Line> = owned.iter().collect();
        let c = task_cells(&refs);
        (
            c.coordinating_empty,
            c.ambiguous_empty.is_some(),
            c.coordinating.len(),
            c.period.len(),
        )
    }

    const EMPTY: &str = "\u{a0}";

    #[test]
    fn empty_lines_in_task_rows() {
        // Empty, then a period: the coordinating cell is empty.
        assert_eq!(cells_of(&[EMPTY, "2017-2020"]), (true, false, 0, 1));
        // A lone empty line, or one after the agencies: cannot tell.
        assert_eq!(cells_of(&[EMPTY]), (false, true, 0, 0));
        assert_eq!(cells_of(&["Sở Y tế", EMPTY]), (false, true, 1, 0));
        // Between filled cells or after the period: an empty paragraph.
        assert_eq!(
            cells_of(&["Sở Y tế", EMPTY, "2017-2020"]),
            (false, false, 1, 1)
        );
        assert_eq!(cells_of(&[EMPTY, "Sở Y tế"]), (false, false, 1, 0));
        assert_eq!(
            cells_of(&["Sở Y tế", "2017-2020", EMPTY]),
            (false, false, 1, 1)
        );
    }

    #[test]
    fn rows_of_a_table() {
        let owned = lines(&[
            "1",
            "Mục tiêu 16.5: Giảm",
            EMPTY,
            "Mục tiêu 16.5.c:",
            EMPTY,
            "2017-2020",
            "1.1",
            "Mục tiêu 3.5.a:",
            "Việc",
            "Sở Y tế",
        ]);
        let refs: Vec<&Line> = owned.iter().collect();
        let mut diags = Diagnostics::default();
        let rows = read_rows(&refs, &mut diags);
        assert!(diags.is_empty());
        match rows.as_slice() {
            [Row::Target(t), Row::Task(k)] => {
                assert_eq!(t.label.code, "16.5");
                assert_eq!(t.sub.as_ref().map(|(l, _)| l.code.as_str()), Some("16.5.c"));
                assert_eq!(t.cells.period.len(), 1);
                assert_eq!(
                    k.label.as_ref().map(|(l, _)| l.code.as_str()),
                    Some("3.5.a")
                );
                assert_eq!(k.text.map(|l| l.text.as_str()), Some("Việc"));
                assert_eq!(k.cells.coordinating.len(), 1);
            }
            other => panic!("unexpected rows: {other:?}"),
        }
    }
}
