//! `kehoach import FILE…`

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};
use kehoach_import::{import_path, ImportOptions};

use crate::summary;

/// Exit status when a file cannot be read as a document (the import contract).
pub const EXIT_UNREADABLE: u8 = 2;

pub fn run(files: &[PathBuf], json: bool, repair: bool) -> anyhow::Result<ExitCode> {
    let opts = ImportOptions {
        repair,
        ..ImportOptions::default()
    };
    let progress = (!json && files.len() > 1).then(|| {
        let bar = ProgressBar::new(files.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    });
    let mut failed = false;
    let stdout = std::io::stdout();
    for file in files {
        if let Some(bar) = &progress {
            bar.set_message(file.display().to_string());
        }
        match import_path(file, &opts) {
            Ok(imported) => {
                let text = if json {
                    serde_json::to_string(&imported)?
                } else {
                    summary::render(&imported)
                };
                let mut out = stdout.lock();
                match &progress {
                    Some(bar) => bar.suspend(|| writeln!(out, "{text}"))?,
                    None => writeln!(out, "{text}")?,
                }
            }
            Err(err) => {
                failed = true;
                match &progress {
                    Some(bar) => bar.suspend(|| eprintln!("kehoach: {err}")),
                    None => eprintln!("kehoach: {err}"),
                }
            }
        }
        if let Some(bar) = &progress {
            bar.inc(1);
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    Ok(if failed {
        ExitCode::from(EXIT_UNREADABLE)
    } else {
        ExitCode::SUCCESS
    })
}
