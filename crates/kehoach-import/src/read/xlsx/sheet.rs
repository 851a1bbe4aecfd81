//! One worksheet read cell by cell (never as a dense range, which a single
//! far-away cell would blow up), then laid out as rows of text.

use std::collections::BTreeMap;
use std::io::{Read, Seek};

use calamine::{DataRef, Dimensions, Xlsx};

use crate::read::pipe_table::{MAX_CELLS, MAX_COLUMNS};

type Cells = BTreeMap<(u32, u32), String>;

/// The sheet's non-empty rows, each as wide as the used columns, after a
/// blank header row when the sheet's first row is blank.
pub fn read_sheet<RS: Read + Seek>(
    workbook: &mut Xlsx<RS>,
    name: &str,
) -> Result<Vec<Vec<String>>, String> {
    // A sheet whose merges cannot be read is still worth its cell values.
    let merges = workbook.merge_cells_by_sheet_name(name).unwrap_or_default();
    let mut cells = read_cells(workbook, name)?;
    let Some(bounds) = used_bounds(&cells) else {
        return Ok(Vec::new());
    };
    fill_merges(&mut cells, &merges, bounds)?;
    let mut rows = rows_of(&cells, bounds);
    // A sheet whose first row is blank has a blank header, as a table
    // continued from a previous page has in web text; rows are not promoted
    // to a header they were not.
    if bounds.first_row > 0 {
        rows.insert(0, vec![String::new(); bounds.width as usize]);
    }
    Ok(rows)
}

fn read_cells<RS: Read + Seek>(workbook: &mut Xlsx<RS>, name: &str) -> Result<Cells, String> {
    let mut reader = workbook
        .worksheet_cells_reader(name)
        .map_err(|e| format!("unreadable ({e})"))?;
    let mut cells = Cells::new();
    while let Some(cell) = reader
        .next_cell()
        .map_err(|e| format!("unreadable cell ({e})"))?
    {
        let text = cell_text(cell.get_value());
        if text.trim().is_empty() {
            continue;
        }
        cells.insert(cell.get_position(), text);
        if cells.len() > MAX_CELLS {
            return Err(format!("more than {MAX_CELLS} cells"));
        }
    }
    Ok(cells)
}

/// A cell as printed. Text is kept exactly; a number stored as a number is
/// written with a decimal comma, as the Vietnamese number readers expect.
fn cell_text(value: &DataRef<'_>) -> String {
    match value {
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => format_number(*f),
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(d) => d.to_string(),
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    }
}

fn format_number(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        return format!("{}", f as i64);
    }
    f.to_string().replace('.', ",")
}

/// First and last used row, first used column and the (capped) width.
#[derive(Debug, Clone, Copy)]
struct Bounds {
    first_row: u32,
    last_row: u32,
    first_col: u32,
    width: u32,
}

impl Bounds {
    fn last_col(&self) -> u32 {
        self.first_col.saturating_add(self.width - 1)
    }
}

fn used_bounds(cells: &Cells) -> Option<Bounds> {
    let first_row = cells.keys().next()?.0;
    let last_row = cells.keys().next_back()?.0;
    let first_col = cells.keys().map(|k| k.1).min()?;
    let last_col = cells.keys().map(|k| k.1).max()?;
    let width = (last_col - first_col)
        .saturating_add(1)
        .min(MAX_COLUMNS as u32);
    Some(Bounds {
        first_row,
        last_row,
        first_col,
        width,
    })
}

/// Repeats each merged region's value into the cells it covers, within the
/// used area (a merge reaching past the data adds no rows of its own).
fn fill_merges(cells: &mut Cells, merges: &[Dimensions], bounds: Bounds) -> Result<(), String> {
    for merge in merges {
        let Some(value) = cells.get(&merge.start).cloned() else {
            continue;
        };
        let rows = merge.start.0.max(bounds.first_row)..=merge.end.0.min(bounds.last_row);
        let cols = merge.start.1.max(bounds.first_col)..=merge.end.1.min(bounds.last_col());
        for row in rows {
            for col in cols.clone() {
                cells.entry((row, col)).or_insert_with(|| value.clone());
            }
            if cells.len() > MAX_CELLS {
                return Err(format!("merged regions cover more than {MAX_CELLS} cells"));
            }
        }
    }
    Ok(())
}

fn rows_of(cells: &Cells, bounds: Bounds) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut current: Option<u32> = None;
    for (&(row, col), text) in cells {
        if col < bounds.first_col || col > bounds.last_col() {
            continue;
        }
        if current != Some(row) {
            current = Some(row);
            rows.push(vec![String::new(); bounds.width as usize]);
        }
        if let Some(slot) = rows
            .last_mut()
            .and_then(|r| r.get_mut((col - bounds.first_col) as usize))
        {
            slot.clone_from(text);
        }
    }
    rows
}
