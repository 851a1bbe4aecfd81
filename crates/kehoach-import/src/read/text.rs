//! Plain text as it comes from legal portals.

use crate::{ReadFailure, SourceText};

pub fn read_text(bytes: &[u8]) -> Result<SourceText, ReadFailure> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if looks_binary(bytes) {
        return Err(ReadFailure::Binary);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        ReadFailure::Encoding(format!(
            "not UTF-8 (first bad byte at offset {})",
            e.valid_up_to()
        ))
    })?;
    if text.trim().is_empty() {
        return Err(ReadFailure::Empty);
    }
    Ok(SourceText::from_text(&kehoach_vi::nfc(text)))
}

/// NUL bytes or many control characters in the first 8 KiB mean a binary file.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 20 > head.len().max(1)
}
