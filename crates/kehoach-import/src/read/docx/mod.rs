//! `.docx`: the main part (word/document.xml) rendered to lines. Paragraphs
//! become one line each; tables become markdown pipe lines with merged cells
//! expanded, so the layout parsers read a Word file as they read a text one.

mod table;
mod walker;

use super::zip_part;
use crate::{ReadFailure, SourceText};

const FORMAT: &str = "docx";
const MAIN_PART: &str = "word/document.xml";

pub fn read_docx(bytes: &[u8]) -> Result<SourceText, ReadFailure> {
    let mut archive = zip_part::open(FORMAT, bytes)?;
    if !zip_part::has_part(&archive, MAIN_PART) {
        return Err(zip_part::corrupt(
            FORMAT,
            format!("no {MAIN_PART} part: not a Word document"),
        ));
    }
    let xml = zip_part::read_part(FORMAT, &mut archive, MAIN_PART)?;
    let lines = walker::render_document(&xml)
        .map_err(|reason| zip_part::corrupt(FORMAT, format!("{MAIN_PART}: {reason}")))?;
    let text = lines.join("\n");
    if text.trim().is_empty() {
        return Err(ReadFailure::Empty);
    }
    Ok(SourceText::from_text(&kehoach_vi::nfc(&text)))
}
