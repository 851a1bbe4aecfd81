//! Zip containers (.docx, .xlsx) opened defensively: only the parts a reader
//! asks for by exact name are ever decompressed, and never past a size cap,
//! so hostile entry names and zip bombs stay harmless.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use crate::ReadFailure;

/// No real document part is near this; a zip bomb stops here.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

pub type Archive<'a> = ZipArchive<Cursor<&'a [u8]>>;

pub fn open<'a>(format: &'static str, bytes: &'a [u8]) -> Result<Archive<'a>, ReadFailure> {
    ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| corrupt(format, format!("not a readable zip archive ({e})")))
}

pub fn has_part(archive: &Archive<'_>, name: &str) -> bool {
    archive.index_for_name(name).is_some()
}

/// The decompressed bytes of one part, refused past [`MAX_PART_BYTES`]
/// whatever size the archive claims.
pub fn read_part(
    format: &'static str,
    archive: &mut Archive<'_>,
    name: &str,
) -> Result<Vec<u8>, ReadFailure> {
    let entry = archive
        .by_name(name)
        .map_err(|e| corrupt(format, format!("cannot open the part {name} ({e})")))?;
    let mut bytes = Vec::new();
    entry
        .take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| corrupt(format, format!("the part {name} is damaged ({e})")))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(too_big(format, name));
    }
    Ok(bytes)
}

/// Decompresses every entry into nothing, to learn that none is a bomb
/// before handing the archive to a library that reads parts on its own.
pub fn check_all_parts(format: &'static str, archive: &mut Archive<'_>) -> Result<(), ReadFailure> {
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let entry = archive
            .by_index(index)
            .map_err(|e| corrupt(format, format!("cannot open entry {index} ({e})")))?;
        let name = entry.name().to_string();
        let read = std::io::copy(&mut entry.take(MAX_PART_BYTES + 1), &mut std::io::sink())
            .map_err(|e| corrupt(format, format!("the part {name} is damaged ({e})")))?;
        if read > MAX_PART_BYTES {
            return Err(too_big(format, &name));
        }
        total = total.saturating_add(read);
        if total > 4 * MAX_PART_BYTES {
            return Err(corrupt(
                format,
                format!(
                    "its parts decompress to more than {} MiB",
                    (4 * MAX_PART_BYTES) >> 20
                ),
            ));
        }
    }
    Ok(())
}

fn too_big(format: &'static str, name: &str) -> ReadFailure {
    corrupt(
        format,
        format!(
            "the part {name} decompresses to more than {} MiB (a zip bomb?)",
            MAX_PART_BYTES >> 20
        ),
    )
}

pub fn corrupt(format: &'static str, reason: String) -> ReadFailure {
    ReadFailure::Corrupt { format, reason }
}
