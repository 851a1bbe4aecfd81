//! Arbitrary bytes imported as a .docx: once as they are (the zip layer),
//! once as the word/document.xml of a well-formed archive (the XML walker and
//! table rendering, which random zips rarely reach).
#![no_main]

use std::io::{Cursor, Write};

use kehoach_import::{import_bytes, ImportOptions};
use libfuzzer_sys::fuzz_target;
use zip::write::SimpleFileOptions;

fn wrap(part: &str, data: &[u8]) -> Option<Vec<u8>> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    writer.start_file(part, stored).ok()?;
    writer.write_all(data).ok()?;
    Some(writer.finish().ok()?.into_inner())
}

fuzz_target!(|data: &[u8]| {
    let opts = ImportOptions::default();
    let _ = import_bytes("fuzz.docx", data, &opts);
    if let Some(docx) = wrap("word/document.xml", data) {
        let _ = import_bytes("fuzz.docx", &docx, &opts);
    }
});
