//! Plain text as it comes from legal portals: UTF-8 as a rule, but older
//! documents in the 8-bit Vietnamese encodings (TCVN3, VNI, Windows-1258),
//! and now and then UTF-8 text typed in a VNI or TCVN3 font.

use std::borrow::Cow;

use kehoach_vi::legacy;

use crate::{ReadFailure, SourceText};

pub fn read_text(bytes: &[u8]) -> Result<SourceText, ReadFailure> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if looks_binary(bytes) {
        return Err(ReadFailure::Binary);
    }
    // Borrowed when the file is already NFC UTF-8: no copy of the document.
    let (text, converted_from): (Cow<str>, Option<&'static str>) = match check_utf8(bytes) {
        Ok(text) => match legacy::fix_mojibake(text) {
            Some((encoding, fixed)) => (Cow::Owned(fixed), Some(encoding.name())),
            None => (kehoach_vi::normalize::nfc_cow(text), None),
        },
        Err(e) => match legacy::detect(bytes) {
            Some((encoding, decoded)) => (Cow::Owned(decoded), Some(encoding.name())),
            None => {
                return Err(ReadFailure::Encoding(format!(
                    "not UTF-8 (first bad byte at offset {}), and not recognisable as TCVN3, VNI or Windows-1258 Vietnamese",
                    e.valid_up_to()
                )))
            }
        },
    };
    if text.trim().is_empty() {
        return Err(ReadFailure::Empty);
    }
    let mut source = SourceText::from_text(&text);
    source.converted_from = converted_from;
    Ok(source)
}

/// `std::str::from_utf8`, with a vectorised check first: Vietnamese text is
/// a third non-ASCII, where the standard check goes byte by byte (it was 8 %
/// of the import). The standard check runs again only to tell where
/// invalid input goes wrong.
fn check_utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes))
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
