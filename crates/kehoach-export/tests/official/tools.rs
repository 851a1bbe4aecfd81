//! The independent readers: python-docx and openpyxl in the venv that
//! scripts/python-env.sh makes (KEHOACH_PYTHON), LibreOffice
//! (KEHOACH_SOFFICE) and pdftotext (KEHOACH_PDFTOTEXT or on PATH), as
//! scripts/office.sh installs them. Missing tools fail the test when
//! KEHOACH_REQUIRE_OFFICE=1 (scripts/test.sh sets it), else skip it.

use std::path::{Path, PathBuf};
use std::process::Command;

fn required() -> bool {
    std::env::var("KEHOACH_REQUIRE_OFFICE").is_ok_and(|v| v == "1")
}

/// The tool, or None after saying why it is skipped; panics when required.
fn found(name: &str, path: Option<PathBuf>, install: &str) -> Option<PathBuf> {
    if let Some(path) = path.filter(|p| p.is_file()) {
        return Some(path);
    }
    let message =
        format!("{name} is missing: run {install} and set its variable (see scripts/test.sh)");
    if required() {
        panic!("KEHOACH_REQUIRE_OFFICE=1: {message}");
    }
    eprintln!("skipped: {message}");
    None
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn on_path(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(program))
            .find(|p| p.is_file())
    })
}

fn from_env(var: &str) -> Option<PathBuf> {
    std::env::var_os(var).map(PathBuf::from)
}

/// The venv's python: KEHOACH_PYTHON, else the default venv when a local
/// run already made it.
pub fn python() -> Option<PathBuf> {
    let path = from_env("KEHOACH_PYTHON")
        .or_else(|| Some(workspace_root().join("target/python/bin/python")));
    found(
        "python with python-docx and openpyxl (KEHOACH_PYTHON)",
        path,
        "scripts/python-env.sh",
    )
}

pub fn soffice() -> Option<PathBuf> {
    let path = from_env("KEHOACH_SOFFICE").or_else(|| on_path("soffice"));
    found("LibreOffice (KEHOACH_SOFFICE)", path, "scripts/office.sh")
}

pub fn pdftotext() -> Option<PathBuf> {
    let path = from_env("KEHOACH_PDFTOTEXT").or_else(|| on_path("pdftotext"));
    found("pdftotext (poppler-utils)", path, "scripts/office.sh")
}

fn run(command: &mut Command) -> Vec<u8> {
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("running {command:?}: {e}"));
    assert!(
        output.status.success(),
        "{command:?} failed ({}): {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// One of tests/readers/*.py's JSON dump of `file`.
pub fn dump(python: &Path, reader: &str, file: &Path) -> serde_json::Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/readers")
        .join(reader);
    let out = run(Command::new(python).arg(script).arg(file));
    serde_json::from_slice(&out).expect("the reader prints JSON")
}

/// The .docx converted by LibreOffice, then its text by pdftotext.
pub fn pdf_text(soffice: &Path, pdftotext: &Path, docx: &Path, dir: &Path) -> String {
    // A profile of its own, so parallel runs and a desktop session do not
    // share LibreOffice's lock.
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("lo-profile").display()
    );
    run(Command::new(soffice)
        .arg(profile)
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir)
        .arg(docx));
    let pdf = docx.with_extension("pdf");
    let pdf = dir.join(pdf.file_name().expect("a file name"));
    assert!(pdf.is_file(), "LibreOffice wrote no {}", pdf.display());
    let text = run(Command::new(pdftotext)
        .arg("-enc")
        .arg("UTF-8")
        .arg(&pdf)
        .arg("-"));
    String::from_utf8(text).expect("UTF-8 text")
}
