//! The compiled binary on files it cannot read.

use std::path::PathBuf;
use std::process::Command;

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kehoach-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
    path
}

#[test]
fn import_of_an_empty_file_exits_2_with_one_line_naming_it() {
    let path = temp_file("empty.txt", b"");
    let out = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .arg("import")
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let _ = std::fs::remove_file(&path);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "stdout: {:?}", out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "stderr: {stderr}");
    assert!(stderr.contains(&path.display().to_string()), "{stderr}");
    assert!(stderr.contains("empty"), "{stderr}");
}

#[test]
fn import_of_a_damaged_docx_exits_2() {
    let path = temp_file("cut.docx", b"PK\x03\x04\x14\x00\x00\x00");
    let out = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(["import", "--json"])
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let _ = std::fs::remove_file(&path);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "stderr: {stderr}");
    assert!(
        stderr.contains("cut.docx") && stderr.contains("docx"),
        "{stderr}"
    );
}
