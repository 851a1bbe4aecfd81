//! Files that are not plan documents, or are built to hurt: each one gives an
//! `ImportError` naming the file and the reason (or imports correctly), never
//! a panic, and memory stays bounded.

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};

use docx_rs::{Docx, Paragraph, Run};
use flate2::{Compress, Compression, FlushCompress};
use kehoach_import::read::read_document;
use kehoach_import::{import_bytes, import_path, ImportError, ImportOptions, ReadFailure};

/// A folder of its own under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(label: &str) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("kehoach-bad-input-{}-{label}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        TempDir(dir)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn refused(name: &str, bytes: &[u8]) -> ImportError {
    match import_bytes(name, bytes, &ImportOptions::default()) {
        Ok(_) => panic!("{name} was imported"),
        Err(err) => {
            assert_eq!(err.file, name);
            assert!(err.to_string().starts_with(&format!("{name}: ")), "{err}");
            err
        }
    }
}

fn corrupt_reason(err: &ImportError, want_format: &str) -> String {
    match &err.failure {
        ReadFailure::Corrupt { format, reason } => {
            assert_eq!(*format, want_format, "{err}");
            reason.clone()
        }
        other => panic!("expected a damaged {want_format}, got {other:?}"),
    }
}

fn small_docx() -> Vec<u8> {
    let mut docx = Docx::new();
    for i in 1..=40 {
        docx = docx.add_paragraph(
            Paragraph::new().add_run(Run::new().add_text(format!("Nhiệm vụ số {i}"))),
        );
    }
    let mut out = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut out)
        .unwrap_or_else(|e| panic!("{e}"));
    out.into_inner()
}

/// Bytes that are the same on every run (a small LCG), with NULs in them.
fn noise(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    (0..len)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 56) as u8
        })
        .collect()
}

/// Peak resident memory of this test process, in bytes (Linux).
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

#[test]
fn empty_file() {
    let err = refused("empty.txt", b"");
    assert_eq!(err.failure, ReadFailure::Empty);
    let dir = TempDir::new("empty");
    let path = dir.path("empty.txt");
    std::fs::write(&path, b"").unwrap_or_else(|e| panic!("{e}"));
    let err = import_path(&path, &ImportOptions::default()).err();
    assert_eq!(err.map(|e| e.failure), Some(ReadFailure::Empty));
}

#[test]
fn blank_text_file_is_empty() {
    assert_eq!(
        refused("blank.txt", b" \n\r\n\t\n").failure,
        ReadFailure::Empty
    );
}

#[test]
fn binary_file() {
    let mut bytes = noise(4096);
    bytes[10] = 0;
    assert_eq!(refused("image.txt", &bytes).failure, ReadFailure::Binary);
    assert_eq!(refused("data.bin", &bytes).failure, ReadFailure::Binary);
}

#[test]
fn latin1_text_is_an_encoding_error() {
    let err = refused("cp1258.txt", b"K\xeas ho\xe1ch s\xf4 1\n");
    assert!(matches!(err.failure, ReadFailure::Encoding(_)), "{err}");
}

#[test]
fn text_file_of_200_mb_is_too_large_and_not_read() {
    let dir = TempDir::new("large");
    let path = dir.path("large.txt");
    let mut file = std::fs::File::create(&path).unwrap_or_else(|e| panic!("{e}"));
    let chunk = "Nhiệm vụ: tăng cường năng lực thống kê.\n".repeat(1 << 14);
    let mut written = 0u64;
    while written < 200 * 1024 * 1024 {
        file.write_all(chunk.as_bytes())
            .unwrap_or_else(|e| panic!("{e}"));
        written += chunk.len() as u64;
    }
    drop(file);
    let before = peak_rss();
    let err = import_path(&path, &ImportOptions::default()).err();
    let Some(err) = err else {
        panic!("a 200 MB file was imported");
    };
    assert_eq!(err.file, path.display().to_string());
    assert_eq!(
        err.failure,
        ReadFailure::TooLarge {
            bytes: written,
            limit: kehoach_import::DEFAULT_MAX_BYTES
        }
    );
    assert!(err.to_string().contains("over the limit"), "{err}");
    if let (Some(before), Some(after)) = (before, peak_rss()) {
        assert!(
            after < before + 100 * 1024 * 1024,
            "reading was not bounded: peak {before} → {after}"
        );
    }
    // Under a custom limit the same holds for the reader on its own.
    let refused = kehoach_import::read::read_bounded(&path, 1024).err();
    assert!(matches!(refused, Some(ReadFailure::TooLarge { .. })));
}

#[test]
fn truncated_docx() {
    let docx = small_docx();
    let half = &docx[..docx.len() / 2];
    let err = refused("cut.docx", half);
    let reason = corrupt_reason(&err, "docx");
    assert!(reason.contains("zip"), "{reason}");
}

#[test]
fn docx_without_document_part() {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    writer
        .start_file("hello.txt", zip::write::SimpleFileOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    writer
        .write_all(b"xin chao")
        .unwrap_or_else(|e| panic!("{e}"));
    let bytes = writer
        .finish()
        .unwrap_or_else(|e| panic!("{e}"))
        .into_inner();
    let reason = corrupt_reason(&refused("other.docx", &bytes), "docx");
    assert!(reason.contains("word/document.xml"), "{reason}");
}

/// A raw deflate stream of `chunks` MiB of zeros, about 1 KiB per MiB: one
/// MiB is compressed once from a fresh state and ends in a full flush, so the
/// same bytes can be repeated, and an empty final block closes the stream.
fn deflated_zeros(chunks: usize) -> Vec<u8> {
    let zeros = vec![0u8; 1 << 20];
    let mut compress = Compress::new(Compression::best(), false);
    let mut chunk = Vec::with_capacity(64 * 1024);
    compress
        .compress_vec(&zeros, &mut chunk, FlushCompress::Full)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(compress.total_in(), zeros.len() as u64);
    let mut stream = Vec::with_capacity(chunk.len() * chunks + 2);
    for _ in 0..chunks {
        stream.extend_from_slice(&chunk);
    }
    // BFINAL=1, fixed Huffman, end of block.
    stream.extend_from_slice(&[0x03, 0x00]);
    stream
}

/// A one-entry zip written by hand, so that the entry can claim any size.
fn raw_zip(name: &str, deflated: &[u8], uncompressed: u32) -> Vec<u8> {
    let le16 = |v: u16| v.to_le_bytes();
    let le32 = |v: u32| v.to_le_bytes();
    let name_len = name.len() as u16;
    let size = deflated.len() as u32;
    let mut zip = Vec::new();
    zip.extend(le32(0x0403_4b50));
    zip.extend(le16(20)); // version needed
    zip.extend(le16(0)); // flags
    zip.extend(le16(8)); // deflate
    zip.extend(le32(0)); // time, date
    zip.extend(le32(0)); // crc (never reached: the cap stops reading first)
    zip.extend(le32(size));
    zip.extend(le32(uncompressed));
    zip.extend(le16(name_len));
    zip.extend(le16(0));
    zip.extend(name.as_bytes());
    zip.extend(deflated);
    let central = zip.len() as u32;
    zip.extend(le32(0x0201_4b50));
    zip.extend(le16(20)); // made by
    zip.extend(le16(20)); // needed
    zip.extend(le16(0));
    zip.extend(le16(8));
    zip.extend(le32(0));
    zip.extend(le32(0));
    zip.extend(le32(size));
    zip.extend(le32(uncompressed));
    zip.extend(le16(name_len));
    zip.extend(le16(0)); // extra
    zip.extend(le16(0)); // comment
    zip.extend(le16(0)); // disk
    zip.extend(le16(0)); // internal attributes
    zip.extend(le32(0)); // external attributes
    zip.extend(le32(0)); // local header offset
    zip.extend(name.as_bytes());
    let central_len = zip.len() as u32 - central;
    zip.extend(le32(0x0605_4b50));
    zip.extend(le16(0));
    zip.extend(le16(0));
    zip.extend(le16(1));
    zip.extend(le16(1));
    zip.extend(le32(central_len));
    zip.extend(le32(central));
    zip.extend(le16(0));
    zip
}

#[test]
fn docx_zip_bomb_is_stopped_at_the_cap() {
    let gib = 1024;
    let bomb = raw_zip("word/document.xml", &deflated_zeros(gib), 1 << 30);
    assert!(bomb.len() < 4 * 1024 * 1024, "bomb is {} bytes", bomb.len());
    // The stream really holds 1 GiB: check a prefix decompresses to zeros.
    let mut head = vec![1u8; 1 << 20];
    flate2::read::DeflateDecoder::new(&deflated_zeros(2)[..])
        .read_exact(&mut head)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(head.iter().all(|&b| b == 0));

    let err = refused("bomb.docx", &bomb);
    let reason = corrupt_reason(&err, "docx");
    assert!(reason.contains("more than 64 MiB"), "{reason}");
    if let Some(peak) = peak_rss() {
        assert!(peak < 768 * 1024 * 1024, "peak memory {peak} bytes");
    }
    // The same bomb as a workbook part is refused before calamine reads it.
    let xlsx_bomb = raw_zip("xl/workbook.xml", &deflated_zeros(gib), 1 << 30);
    let reason = corrupt_reason(&refused("bomb.xlsx", &xlsx_bomb), "xlsx");
    assert!(reason.contains("more than 64 MiB"), "{reason}");
}

#[test]
fn docx_with_path_traversal_entries_imports_its_document_only() {
    let source = small_docx();
    let mut archive =
        zip::ZipArchive::new(Cursor::new(&source[..])).unwrap_or_else(|e| panic!("{e}"));
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for evil in [
        "../../../../tmp/kehoach-evil.txt",
        "/etc/kehoach-evil",
        "word/../../evil.xml",
    ] {
        writer
            .start_file(evil, options)
            .unwrap_or_else(|e| panic!("{e}"));
        writer
            .write_all(b"<w:p>evil</w:p>")
            .unwrap_or_else(|e| panic!("{e}"));
    }
    for i in 0..archive.len() {
        let entry = archive.by_index(i).unwrap_or_else(|e| panic!("{e}"));
        writer
            .raw_copy_file(entry)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let bytes = writer
        .finish()
        .unwrap_or_else(|e| panic!("{e}"))
        .into_inner();
    let src = read_document("evil.docx", &bytes).unwrap_or_else(|e| panic!("{e}"));
    let lines: Vec<&str> = src.lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(lines.len(), 40);
    assert_eq!(lines[0], "Nhiệm vụ số 1");
    assert!(!lines.iter().any(|l| l.contains("evil")));
    assert!(import_bytes("evil.docx", &bytes, &ImportOptions::default()).is_ok());
    assert!(!Path::new("/tmp/kehoach-evil.txt").exists());
}

fn docx_with_document(xml: &[u8]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    writer
        .start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    writer.write_all(xml).unwrap_or_else(|e| panic!("{e}"));
    writer
        .finish()
        .unwrap_or_else(|e| panic!("{e}"))
        .into_inner()
}

#[test]
fn docx_with_deeply_nested_xml() {
    let depth = 100_000;
    let mut xml = String::from("<w:document><w:body>");
    xml.push_str(&"<w:sdt>".repeat(depth));
    xml.push_str(&"</w:sdt>".repeat(depth));
    xml.push_str("</w:body></w:document>");
    let reason = corrupt_reason(
        &refused("deep.docx", &docx_with_document(xml.as_bytes())),
        "docx",
    );
    assert!(reason.contains("nested"), "{reason}");
}

#[test]
fn docx_with_broken_xml() {
    let xml = "<w:document><w:body><w:p><w:r><w:t>Mục tiêu</w:x></w:p>";
    let reason = corrupt_reason(
        &refused("broken.docx", &docx_with_document(xml.as_bytes())),
        "docx",
    );
    assert!(reason.contains("bad XML"), "{reason}");
}

#[test]
fn docx_with_huge_grid_span_stays_bounded() {
    let mut xml = String::from("<w:document><w:body><w:tbl>");
    for _ in 0..200 {
        xml.push_str(r#"<w:tr><w:tc><w:tcPr><w:gridSpan w:val="4000000000"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>"#);
    }
    xml.push_str("</w:tbl></w:body></w:document>");
    let src = read_document("wide.docx", &docx_with_document(xml.as_bytes()))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(src.lines.len(), 201);
    assert_eq!(src.lines[1].raw().matches('|').count(), 257);
}

#[test]
fn xlsx_with_a_far_away_cell_stays_bounded() {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet
        .write_string(0, 0, "Chỉ tiêu")
        .unwrap_or_else(|e| panic!("{e}"));
    sheet
        .write_string(1_048_575, 16_383, "xa")
        .unwrap_or_else(|e| panic!("{e}"));
    let bytes = workbook.save_to_buffer().unwrap_or_else(|e| panic!("{e}"));
    let src = read_document("far.xlsx", &bytes).unwrap_or_else(|e| panic!("{e}"));
    let lines: Vec<&str> = src.lines.iter().map(|l| l.raw()).collect();
    // The far cell is past the column cap, so its row is gone; the header
    // row is as wide as the cap, not as the sheet.
    assert_eq!(lines[0], "Sheet1");
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1].matches('|').count(), 257);
}

#[test]
fn zip_named_txt_is_read_by_its_content() {
    let src = read_document("plan.txt", &small_docx()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(src.lines.len(), 40);
}

#[test]
fn truncated_or_fake_xlsx() {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    workbook
        .add_worksheet()
        .write_string(0, 0, "x")
        .unwrap_or_else(|e| panic!("{e}"));
    let bytes = workbook.save_to_buffer().unwrap_or_else(|e| panic!("{e}"));
    corrupt_reason(&refused("cut.xlsx", &bytes[..bytes.len() / 2]), "xlsx");
    let fake = [b"PK\x03\x04".as_slice(), &noise(2000)].concat();
    let err = refused("fake.xlsx", &fake);
    corrupt_reason(&err, "xlsx");
}
