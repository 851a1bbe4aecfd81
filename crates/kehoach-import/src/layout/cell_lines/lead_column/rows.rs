//! Rebuilding the table's rows from its cell stream.
//!
//! A row starts at a cell of the STT column (a numeral, a "-" or an empty
//! cell). Its first following cell is the goal, target or task text; the
//! cells after it belong to the assignment columns, left to right, except
//! that a cell which cannot be an agency cell continues the text (a cell of
//! several paragraphs prints one paragraph per line).

use super::cell_kind::{self, Marker};
use super::table::{Cell, Column};
use crate::agency::Registry;

/// One printed row: its STT cell (if the row has one) and the cells after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Row<'a> {
    pub marker: Option<(Marker, Cell<'a>)>,
    pub cells: Vec<Cell<'a>>,
}

/// Groups cells into rows. A goal or target heading that follows other
/// cells without its own STT cell starts a row too, so that a lost numeral
/// does not fold a whole target into the task above it.
pub(super) fn group_rows<'a>(cells: &[Cell<'a>]) -> Vec<Row<'a>> {
    let mut rows: Vec<Row<'a>> = Vec::new();
    for &cell in cells {
        if let Some(marker) = cell_kind::marker(cell.text) {
            rows.push(Row {
                marker: Some((marker, cell)),
                cells: Vec::new(),
            });
            continue;
        }
        let is_heading = cell_kind::goal_heading(cell.text).is_some()
            || cell_kind::target_heading(cell.text).is_some();
        match rows.last_mut() {
            Some(row) if !is_heading || row.cells.is_empty() => row.cells.push(cell),
            _ => rows.push(Row {
                marker: None,
                cells: vec![cell],
            }),
        }
    }
    rows
}

/// A row's cells sorted into the text and the assignment columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct RowCells<'a> {
    /// The text cell's paragraphs (usually one).
    pub text: Vec<Cell<'a>>,
    /// One slot per assignment column; `None` where the row prints no cell
    /// (the column is merged with the row above).
    pub assigned: Vec<Option<Cell<'a>>>,
    /// Cells that fit no column: text after agency cells, or more cells than columns.
    pub unplaced: Vec<Cell<'a>>,
}

/// Splits the cells after a row's STT cell. A cell goes to the leftmost
/// free column it fits; columns skipped on the way are merged ones. So a
/// lone agency cell is read as the lead, with the coordinating cell merged
/// from above, which is how a reader of the printed table sees it.
pub(super) fn sort_cells<'a>(
    registry: &Registry,
    columns: &[Column],
    cells: &[Cell<'a>],
) -> RowCells<'a> {
    let mut out = RowCells {
        text: Vec::new(),
        assigned: vec![None; columns.len()],
        unplaced: Vec::new(),
    };
    let mut next_column = 0;
    for (i, &cell) in cells.iter().enumerate() {
        if i == 0 {
            out.text.push(cell);
            continue;
        }
        let fitting = (next_column..columns.len()).find(|&c| fits(registry, columns[c], cell));
        match fitting {
            Some(c) => {
                out.assigned[c] = Some(cell);
                next_column = c + 1;
            }
            None if next_column == 0 => out.text.push(cell),
            None => out.unplaced.push(cell),
        }
    }
    out
}

fn fits(registry: &Registry, column: Column, cell: Cell<'_>) -> bool {
    match column {
        Column::Lead | Column::Coordinating => cell_kind::is_agency_cell(registry, cell.text),
        Column::Period => looks_like_period(cell.text),
    }
}

/// A time cell: a year, or a recurring phrase ("Hàng năm", "Thường xuyên").
fn looks_like_period(text: &str) -> bool {
    let folded = kehoach_vi::fold(text);
    let has_year = folded
        .split(|c: char| !c.is_ascii_digit())
        .any(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")));
    text.chars().count() <= 60
        && (has_year || folded.starts_with("hang nam") || folded.starts_with("thuong xuyen"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(line: usize, text: &str) -> Cell<'_> {
        Cell { line, text }
    }

    #[test]
    fn headings_without_numerals_start_rows() {
        let cells = [
            cell(1, "-"),
            cell(3, "Làm việc A"),
            cell(5, "MTCT 1.2: Đích"),
        ];
        let rows = group_rows(&cells);
        assert_eq!(rows.len(), 2);
        assert!(rows[1].marker.is_none());
    }

    #[test]
    fn lone_agency_cell_is_the_lead_and_texts_continue() {
        let r = Registry::builtin();
        let columns = [Column::Lead, Column::Coordinating];
        let lone = sort_cells(r, &columns, &[cell(1, "Làm A"), cell(3, "SKH&CN")]);
        assert_eq!(lone.assigned, vec![Some(cell(3, "SKH&CN")), None]);
        let paragraphs = sort_cells(
            r,
            &columns,
            &[cell(1, "Làm A"), cell(3, "Kéo giảm tình trạng B")],
        );
        assert_eq!(paragraphs.text.len(), 2);
        let stray = sort_cells(
            r,
            &columns,
            &[
                cell(1, "Làm A"),
                cell(3, "Sở Y tế"),
                cell(5, "Sở Tư pháp"),
                cell(7, "Làm C"),
            ],
        );
        assert_eq!(stray.unplaced, vec![cell(7, "Làm C")]);
    }

    #[test]
    fn period_column_may_be_the_only_cell() {
        let r = Registry::builtin();
        let columns = [Column::Lead, Column::Coordinating, Column::Period];
        let row = sort_cells(r, &columns, &[cell(1, "Làm A"), cell(3, "2019-2020")]);
        assert_eq!(row.assigned, vec![None, None, Some(cell(3, "2019-2020"))]);
    }
}
