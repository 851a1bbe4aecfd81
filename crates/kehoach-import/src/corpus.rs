//! Where the corpus of real plan documents lives: `KEHOACH_CORPUS`, else
//! `shared/corpus` beside the project (the project's checkout and `shared/`
//! are siblings). The documents are never copied into the repository.

use std::path::{Path, PathBuf};

pub const CORPUS_ENV: &str = "KEHOACH_CORPUS";

/// The corpus folder, looked for from `start` upwards.
pub fn corpus_dir_from(start: &Path) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CORPUS_ENV) {
        return Some(PathBuf::from(dir));
    }
    start
        .ancestors()
        .map(|a| a.join("shared").join("corpus"))
        .find(|p| p.is_dir())
}

/// The corpus folder, looked for from the current directory upwards.
pub fn corpus_dir() -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    corpus_dir_from(&cwd)
}

/// The plan documents in the corpus folder (`*.txt`, `*.docx`, `*.xlsx`), sorted by name.
pub fn corpus_documents(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut docs: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .filter(|p| {
            let is_doc = matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("txt" | "docx" | "xlsx")
            );
            is_doc && p.file_name().is_some_and(|n| n != "README.md")
        })
        .collect();
    docs.sort();
    Ok(docs)
}
