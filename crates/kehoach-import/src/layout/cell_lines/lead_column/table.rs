//! Finding the assignment table and reading it as a stream of cells.
//!
//! The table is printed one cell per line with exactly one blank line between
//! cells; an empty cell is a line holding only a no-break space. Rows are not
//! marked: they are rebuilt from the cells (see [`super::rows`]).

use crate::SourceText;

/// One printed cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Cell<'a> {
    pub line: usize,
    /// The cell as a reader sees it (spaces cleaned).
    pub text: &'a str,
}

impl Cell<'_> {
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// The columns to the right of the STT and target/task columns, as the header names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Column {
    Lead,
    Coordinating,
    Period,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Table<'a> {
    pub header_line: usize,
    pub columns: Vec<Column>,
    /// The body's cells, header excluded, up to the end of the table.
    pub cells: Vec<Cell<'a>>,
    /// The line after which the table was judged to end, if it ends before the file does.
    pub end_line: Option<usize>,
}

/// Trailing empty cells in a row this long close the table (the page's
/// padding after the last row).
const CLOSING_EMPTY_RUN: usize = 3;

/// Finds the header row ("STT", "Mục tiêu, nhiệm vụ", "Cơ quan chủ trì…",
/// "Cơ quan phối hợp…") and reads the cells below it.
pub(super) fn find_table(src: &SourceText) -> Option<Table<'_>> {
    let cells = all_cells(src);
    let (start, header_line, columns) = (0..cells.len()).find_map(|i| header_at(&cells, i))?;
    let (body, end_line) = body_cells(src, &cells[start..]);
    Some(Table {
        header_line,
        columns,
        cells: body,
        end_line,
    })
}

/// Every non-blank line and every empty cell, in order.
fn all_cells(src: &SourceText) -> Vec<Cell<'_>> {
    src.lines
        .iter()
        .filter(|l| !l.is_blank() || l.is_empty_cell())
        .map(|l| Cell {
            line: l.no,
            text: l.text.as_str(),
        })
        .collect()
}

/// A header starting at cell `i`: returns the index of the first body cell,
/// the header's line and the assignment columns. A header needs a lead column.
fn header_at(cells: &[Cell<'_>], i: usize) -> Option<(usize, usize, Vec<Column>)> {
    let stt = cells.get(i)?;
    let stt_folded = kehoach_vi::fold(stt.text);
    if stt_folded != "stt" && stt_folded != "tt" {
        return None;
    }
    let subject = kehoach_vi::fold(cells.get(i + 1)?.text);
    if !(subject.contains("muc tieu") || subject.contains("nhiem vu")) {
        return None;
    }
    let mut columns = Vec::new();
    let mut next = i + 2;
    while let Some(column) = cells.get(next).and_then(|c| header_column(c.text)) {
        columns.push(column);
        next += 1;
    }
    columns
        .contains(&Column::Lead)
        .then_some((next, stt.line, columns))
}

fn header_column(text: &str) -> Option<Column> {
    let folded = kehoach_vi::fold(text);
    if folded.len() > 80 {
        return None;
    }
    if folded.contains("chu tri") {
        Some(Column::Lead)
    } else if folded.contains("phoi hop") {
        Some(Column::Coordinating)
    } else if folded.contains("thoi gian") || folded.contains("tien do") {
        Some(Column::Period)
    } else {
        None
    }
}

/// The body's cells up to the table's end: a break in the one-blank-line
/// rhythm, or a run of empty cells (both mark the web page's trailer).
fn body_cells<'a>(src: &SourceText, cells: &[Cell<'a>]) -> (Vec<Cell<'a>>, Option<usize>) {
    let mut body: Vec<Cell<'a>> = Vec::new();
    let mut empty_run = 0;
    for (idx, cell) in cells.iter().enumerate() {
        if idx > 0 && blank_lines_before(src, cell.line) > 1 {
            return (trim_trailing_empty(body), Some(cell.line));
        }
        empty_run = if cell.is_empty() { empty_run + 1 } else { 0 };
        if empty_run >= CLOSING_EMPTY_RUN {
            return (trim_trailing_empty(body), Some(cell.line));
        }
        body.push(*cell);
    }
    (trim_trailing_empty(body), None)
}

fn trim_trailing_empty(mut body: Vec<Cell<'_>>) -> Vec<Cell<'_>> {
    while body.last().is_some_and(Cell::is_empty) {
        body.pop();
    }
    body
}

/// How many blank separator lines (not empty cells) sit right above line `no`.
fn blank_lines_before(src: &SourceText, no: usize) -> usize {
    (1..no)
        .rev()
        .map_while(|n| src.line(n).filter(|l| l.is_blank() && !l.is_empty_cell()))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table_of(text: &str) -> Option<Vec<(usize, String)>> {
        let src = SourceText::from_text(text);
        find_table(&src).map(|t| {
            t.cells
                .iter()
                .map(|c| (c.line, c.text.to_string()))
                .collect()
        })
    }

    #[test]
    fn reads_cells_below_the_header_until_the_trailer() {
        let text = "Intro\n\nSTT\n\nMỤC TIÊU, NHIỆM VỤ\n\nCơ quan chủ trì\n\nCơ quan phối hợp\n\nI\n\nMục tiêu 1: X\n\n\u{a0}\n\n\u{a0}\n\n\u{a0}\n\nDebris";
        let cells = table_of(text).expect("table");
        assert_eq!(
            cells,
            vec![(11, "I".to_string()), (13, "Mục tiêu 1: X".to_string())]
        );
    }

    #[test]
    fn a_double_blank_line_ends_the_table() {
        let text = "STT\n\nNhiệm vụ\n\nChủ trì\n\n-\n\nLàm\n\n\nDebris";
        let cells = table_of(text).expect("table");
        assert_eq!(cells.len(), 2);
    }

    #[test]
    fn no_lead_column_no_table() {
        assert!(table_of("STT\n\nNhiệm vụ\n\nGhi chú\n\n-").is_none());
    }
}
