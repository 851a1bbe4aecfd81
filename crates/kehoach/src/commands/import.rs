//! `kehoach import FILE…`

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};
use kehoach_import::{import_path, ImportOptions};

use kehoach_store::{Actor, Store, StoreOutcome};

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

/// `kehoach import --db URL FILE…`: parse and store each file; say per file
/// whether it was new, a new version (and what changed) or already there.
pub async fn run_into_db(
    db: &str,
    files: &[PathBuf],
    json: bool,
    repair: bool,
) -> anyhow::Result<ExitCode> {
    let store = Store::open(db).await?;
    let actor = Actor::command_line();
    let opts = ImportOptions {
        repair,
        ..ImportOptions::default()
    };
    let mut failed = false;
    for file in files {
        match store.import_file(file, opts.clone(), &actor).await {
            Ok((imported, outcome)) => {
                if json {
                    println!("{}", serde_json::to_string(&outcome)?);
                } else {
                    println!("{}", summary::render(&imported));
                    println!("  {}", describe(&outcome));
                }
            }
            Err(kehoach_store::StoreError::Import(err)) => {
                failed = true;
                eprintln!("kehoach: {err}");
            }
            Err(err) => {
                store.close().await;
                return Err(err.into());
            }
        }
    }
    store.close().await;
    Ok(if failed {
        ExitCode::from(EXIT_UNREADABLE)
    } else {
        ExitCode::SUCCESS
    })
}

fn describe(outcome: &StoreOutcome) -> String {
    match outcome {
        StoreOutcome::Unchanged { plan_id, .. } => {
            format!("already imported (plan {plan_id}); nothing changed")
        }
        StoreOutcome::NewPlan { plan_id, .. } => format!("stored as plan {plan_id}"),
        StoreOutcome::NewVersion {
            plan_id,
            version,
            diff,
            ..
        } => format!(
            "stored as version {version} of plan {plan_id}: targets +{} -{} ~{}, tasks +{} -{} ~{}",
            diff.targets_added.len(),
            diff.targets_removed.len(),
            diff.targets_changed.len(),
            diff.tasks_added.len(),
            diff.tasks_removed.len(),
            diff.tasks_changed.len()
        ),
    }
}
