//! `kehoach demo`: a fresh SQLite database with the corpus imported, one
//! account per role, then the web app.

use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use kehoach_import::ImportOptions;
use kehoach_store::{Actor, NewUser, Role, Store, StoreOutcome};

/// The demo's reporter reports for this agency (it leads tasks in every corpus plan).
const REPORTER_AGENCY: &str = "Sở Y tế";

pub async fn run(
    corpus: &Path,
    data: &Path,
    listen: SocketAddr,
    serve: bool,
) -> anyhow::Result<ExitCode> {
    super::init_logging();
    let files = kehoach_import::corpus::corpus_documents(corpus)
        .with_context(|| format!("reading the corpus folder {}", corpus.display()))?;
    anyhow::ensure!(!files.is_empty(), "no documents in {}", corpus.display());
    let db_path = data.join("demo.db");
    for suffix in ["", "-wal", "-shm"] {
        let file = data.join(format!("demo.db{suffix}"));
        if file.exists() {
            std::fs::remove_file(&file)
                .with_context(|| format!("removing the old {}", file.display()))?;
        }
    }
    let url = format!("sqlite://{}", db_path.display());
    let store = Store::open(&url).await?;
    let actor = Actor::command_line();
    println!(
        "kehoach demo: importing {} documents from {}",
        files.len(),
        corpus.display()
    );
    for file in &files {
        let (imported, outcome) = store
            .import_file(file, ImportOptions::default(), &actor)
            .await
            .with_context(|| format!("importing {}", file.display()))?;
        let plan = &imported.plan;
        println!(
            "  {}: {} goals, {} targets, {} tasks, {} indicators{}",
            file.file_name().and_then(|n| n.to_str()).unwrap_or("?"),
            plan.goals.len(),
            plan.targets().count(),
            plan.all_tasks().count(),
            plan.indicators.len(),
            if matches!(outcome, StoreOutcome::Unchanged { .. }) {
                " (already there)"
            } else {
                ""
            }
        );
    }
    record_successions(&store, &actor).await?;
    println!("accounts (passwords are new on every run):");
    let reporter_agency = store.find_agency(REPORTER_AGENCY).await?;
    for (login, role, agency) in [
        ("admin", Role::Admin, None),
        ("dpi", Role::Coordinator, None),
        ("syt", Role::Reporter, reporter_agency),
        ("leader", Role::Leader, None),
    ] {
        if role == Role::Reporter && agency.is_none() {
            println!("  (no reporter account: the corpus has no {REPORTER_AGENCY})");
            continue;
        }
        let password = demo_password();
        store
            .create_user(
                NewUser {
                    login,
                    display_name: login,
                    role,
                    agency_id: agency,
                    password: &password,
                },
                &actor,
            )
            .await?;
        println!("  {login:<8} {:<12} {password}", role.as_str());
    }
    println!("database: {url}");
    if !serve {
        store.close().await;
        return Ok(ExitCode::SUCCESS);
    }
    super::serve::serve(store, listen).await
}

/// The reorganisation of 2025: the Department of Planning and Investment
/// merged into the Department of Finance from 1 March 2025.
async fn record_successions(store: &Store, actor: &Actor) -> anyhow::Result<()> {
    let (Some(dpi), Some(finance)) = (
        store.find_agency("Sở Kế hoạch và Đầu tư").await?,
        store.find_agency("Sở Tài chính").await?,
    ) else {
        return Ok(());
    };
    store
        .add_succession(
            dpi,
            finance,
            "2025-03-01",
            "Hợp nhất Sở Kế hoạch và Đầu tư vào Sở Tài chính",
            actor,
        )
        .await?;
    Ok(())
}

/// Four random words' worth of hex: printed once, typed by the tester.
fn demo_password() -> String {
    kehoach_store::accounts::random_token()[..16].to_string()
}
