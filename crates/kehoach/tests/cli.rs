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

fn corpus_file(prefix: &str) -> PathBuf {
    let dir = kehoach_import::corpus::corpus_dir().unwrap_or_else(|| panic!("corpus"));
    kehoach_import::corpus::corpus_documents(&dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no corpus document {prefix}"))
}

fn kehoach(args: &[&str], db: &str, stdin: Option<&str>) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(args)
        .env("KEHOACH_DB", db)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    if let Some(mut input) = child.stdin.take() {
        let _ = input.write_all(stdin.unwrap_or("").as_bytes());
    }
    child.wait_with_output().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn import_into_a_database_twice_changes_nothing_the_second_time() {
    let dir = temp_file("placeholder", b"").with_file_name(format!("db-{}", std::process::id()));
    let db = format!("sqlite://{}", dir.join("kh.db").display());
    let file = corpus_file("quang-ninh");
    let file = file.to_str().unwrap_or_else(|| panic!("path"));
    let first = kehoach(&["import", "--json", file], &db, None);
    assert_eq!(
        first.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let first = String::from_utf8_lossy(&first.stdout);
    assert!(first.contains(r#""outcome":"new-plan""#), "{first}");
    let again = kehoach(&["import", "--json", file], &db, None);
    let again = String::from_utf8_lossy(&again.stdout);
    assert!(again.contains(r#""outcome":"unchanged""#), "{again}");

    // Accounts from the command line; the password comes on stdin.
    let add = kehoach(
        &["user", "add", "dpi", "--role", "coordinator"],
        &db,
        Some("một mật khẩu dài\n"),
    );
    assert_eq!(
        add.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&add.stderr)
    );
    let reporter = kehoach(
        &[
            "user",
            "add",
            "syt",
            "--role",
            "reporter",
            "--agency",
            "so y te",
            "--email",
            "syt@example.vn",
        ],
        &db,
        Some("một mật khẩu dài\n"),
    );
    assert_eq!(
        reporter.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&reporter.stderr)
    );
    let short = kehoach(
        &["user", "add", "lead1", "--role", "leader"],
        &db,
        Some("ngắn\n"),
    );
    assert_eq!(short.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least"));
    let disable = kehoach(&["user", "disable", "dpi"], &db, None);
    assert_eq!(disable.status.code(), Some(0));
    let list = kehoach(&["user", "list"], &db, None);
    let list = String::from_utf8_lossy(&list.stdout);
    assert!(list.contains("dpi\tcoordinator\t\tdisabled\t"), "{list}");
    assert!(list.contains("\tactive\tsyt@example.vn"), "{list}");
    assert!(list.contains("syt\treporter\t"), "{list}");
    let _ = std::fs::remove_dir_all(&dir);
}
