//! Readers: bytes → [`SourceText`]. The format is told by content, not by
//! the file name alone: a `.docx` and an `.xlsx` are zip files with known parts.

mod docx;
mod pipe_table;
mod text;
mod xlsx;
mod zip_part;

use std::io::Read;
use std::path::Path;

use crate::{ReadFailure, SourceText};

/// Reads a file without ever holding more than `limit` bytes of it.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadFailure> {
    let file = std::fs::File::open(path).map_err(|e| ReadFailure::Io(e.to_string()))?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > limit {
        return Err(ReadFailure::TooLarge { bytes: len, limit });
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadFailure::Io(e.to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(ReadFailure::TooLarge {
            bytes: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Docx,
    Xlsx,
}

/// Tells the format from the bytes: a zip archive is a Word document or a
/// workbook by the parts it holds (a renamed file is still read right), and
/// by the name's extension only when it holds neither.
pub fn sniff(name: &str, bytes: &[u8]) -> Format {
    if !(bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")) {
        return Format::Text;
    }
    if let Ok(archive) = zip_part::open("zip", bytes) {
        if zip_part::has_part(&archive, "word/document.xml") {
            return Format::Docx;
        }
        if zip_part::has_part(&archive, "xl/workbook.xml") {
            return Format::Xlsx;
        }
    }
    let lower = name.to_lowercase();
    if lower.ends_with(".xlsx") || lower.ends_with(".xlsm") {
        return Format::Xlsx;
    }
    Format::Docx
}

pub fn read_document(name: &str, bytes: &[u8]) -> Result<SourceText, ReadFailure> {
    if bytes.is_empty() {
        return Err(ReadFailure::Empty);
    }
    match sniff(name, bytes) {
        Format::Text => text::read_text(bytes),
        Format::Docx => docx::read_docx(bytes),
        Format::Xlsx => xlsx::read_xlsx(bytes),
    }
}
