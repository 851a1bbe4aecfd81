//! A Word table as its rows of cells, with merges expanded the way a reader
//! of the printed table sees them: a horizontally merged value fills every
//! column it spans, a vertically merged one every row it spans.

use crate::read::pipe_table::{self, MAX_CELLS, MAX_COLUMNS};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum VMerge {
    #[default]
    None,
    Restart,
    Continue,
}

#[derive(Debug, Default)]
pub struct Cell {
    pub span: usize,
    pub vmerge: VMerge,
    pub paragraphs: Vec<String>,
}

#[derive(Debug, Default)]
pub struct Row {
    pub grid_before: usize,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Default)]
pub struct Table {
    pub rows: Vec<Row>,
    /// The cell being read, if any (paragraphs go there).
    pub open_cell: Option<Cell>,
}

impl Table {
    pub fn close_cell(&mut self) {
        if let Some(cell) = self.open_cell.take() {
            if let Some(row) = self.rows.last_mut() {
                row.cells.push(cell);
            }
        }
    }

    /// The table's text as plain words, for a table nested in another's cell.
    pub fn plain_text(&self) -> String {
        let mut words = Vec::new();
        for row in &self.rows {
            for cell in &row.cells {
                words.extend(cell.paragraphs.iter().map(String::as_str));
            }
        }
        words.join(" ")
    }

    /// Rows expanded to the grid, then rendered as pipe lines.
    pub fn render(&self) -> Result<Vec<String>, String> {
        let grid = self.expand()?;
        Ok(pipe_table::render(&grid))
    }

    fn expand(&self) -> Result<Vec<Vec<String>>, String> {
        let mut grid: Vec<Vec<String>> = Vec::with_capacity(self.rows.len());
        let mut cells_total = 0usize;
        for row in &self.rows {
            let mut out = vec![String::new(); row.grid_before.min(MAX_COLUMNS)];
            for cell in &row.cells {
                let span = cell.span.clamp(1, MAX_COLUMNS);
                let start = out.len();
                let value = match cell.vmerge {
                    VMerge::Continue => None,
                    _ => Some(cell.paragraphs.join("\n")),
                };
                for col in start..(start + span).min(MAX_COLUMNS) {
                    let above = || {
                        grid.last()
                            .and_then(|prev| prev.get(col))
                            .cloned()
                            .unwrap_or_default()
                    };
                    out.push(value.clone().unwrap_or_else(above));
                }
            }
            cells_total = cells_total.saturating_add(out.len());
            if cells_total > MAX_CELLS {
                return Err(format!("a table has more than {MAX_CELLS} cells"));
            }
            grid.push(out);
        }
        Ok(grid)
    }
}
