//! `.xlsx`: every worksheet rendered as its name on a line, then a markdown
//! pipe table (first non-empty row as header), merged regions filled the way
//! a reader of the printed sheet sees them.

mod sheet;

use std::io::Cursor;

use calamine::{Reader, Xlsx};

use super::zip_part;
use crate::{ReadFailure, SourceText};

const FORMAT: &str = "xlsx";

pub fn read_xlsx(bytes: &[u8]) -> Result<SourceText, ReadFailure> {
    let mut archive = zip_part::open(FORMAT, bytes)?;
    if !zip_part::has_part(&archive, "xl/workbook.xml") {
        return Err(zip_part::corrupt(
            FORMAT,
            "no xl/workbook.xml part: not an Excel workbook".into(),
        ));
    }
    // calamine decompresses parts on its own, without a cap: check first.
    zip_part::check_all_parts(FORMAT, &mut archive)?;
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| zip_part::corrupt(FORMAT, format!("unreadable workbook ({e})")))?;
    let mut lines: Vec<String> = Vec::new();
    for name in workbook.sheet_names() {
        let rows = sheet::read_sheet(&mut workbook, &name)
            .map_err(|reason| zip_part::corrupt(FORMAT, format!("sheet {name}: {reason}")))?;
        let table = super::pipe_table::render(&rows);
        if table.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(name.clone());
        lines.extend(table);
    }
    if lines.is_empty() {
        return Err(ReadFailure::Empty);
    }
    Ok(SourceText::from_text(&kehoach_vi::nfc(&lines.join("\n"))))
}
