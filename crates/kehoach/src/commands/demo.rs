//! `kehoach demo`: import the corpus and summarise it (the web app comes next).

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

pub fn run(corpus: &Path) -> anyhow::Result<ExitCode> {
    let files = kehoach_import::corpus::corpus_documents(corpus)
        .with_context(|| format!("reading the corpus folder {}", corpus.display()))?;
    anyhow::ensure!(!files.is_empty(), "no documents in {}", corpus.display());
    println!(
        "kehoach demo: importing {} documents from {}",
        files.len(),
        corpus.display()
    );
    super::import::run(&files, false, true)
}
