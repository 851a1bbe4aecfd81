//! `kehoach demo`: a fresh SQLite database with the corpus imported, one
//! account per role, then the web app.

use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use kehoach_import::ImportOptions;
use kehoach_store::reporting::periods::GenerationOptions;
use kehoach_store::reporting::Principal;
use kehoach_store::{Actor, NewUser, Role, Store, StoreOutcome};

/// The demo's reporter reports for this agency (it leads tasks in every corpus plan).
const REPORTER_AGENCY: &str = "Sở Y tế";

/// The plan whose yearly reporting period the demo opens: its rule (agencies
/// report by 30/11) gives a period that is live in November.
const REPORTING_PLAN_FILE: &str = "ben-tre-2018";

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
    let mut reporting_plan = None;
    for file in &files {
        let (imported, outcome) = store
            .import_file(file, ImportOptions::default(), &actor)
            .await
            .with_context(|| format!("importing {}", file.display()))?;
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        if name.starts_with(REPORTING_PLAN_FILE) {
            reporting_plan = Some(outcome.plan_id());
        }
        let plan = &imported.plan;
        println!(
            "  {}: {} goals, {} targets, {} tasks, {} indicators{}",
            name,
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
    let partner = match (reporting_plan, reporter_agency) {
        (Some(plan), Some(agency)) => coordinating_partner(&store, plan, agency).await?,
        _ => None,
    };
    let mut bound = Vec::new();
    for (login, role, agency) in [
        ("admin", Role::Admin, None),
        ("dpi", Role::Coordinator, None),
        ("syt", Role::Reporter, reporter_agency),
        ("phoihop", Role::Reporter, partner),
        ("leader", Role::Leader, None),
    ] {
        if role == Role::Reporter && agency.is_none() {
            println!("  (no {login} account: its agency is not in the corpus)");
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
        if let Some(id) = agency {
            bound.push((login, id));
        }
    }
    let names = store.agencies().await?;
    for (login, id) in bound {
        if let Some(agency) = names.iter().find(|a| a.id == id) {
            println!("  ({login} reports for {})", agency.name);
        }
    }
    if let Some(plan) = reporting_plan {
        open_reporting_period(&store, plan).await?;
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

/// The department coordinating most of the reporter agency's tasks in the plan,
/// so the demo shows contributions reaching a lead agency.
async fn coordinating_partner(store: &Store, plan: i64, lead: i64) -> anyhow::Result<Option<i64>> {
    let led: Vec<i64> = store
        .agency_tasks(lead)
        .await?
        .into_iter()
        .filter(|t| t.plan_id == plan && t.role == "lead")
        .map(|t| t.task_id)
        .collect();
    let mut best: Option<(usize, i64)> = None;
    for agency in store.agencies().await? {
        // A collective ("the districts") has no single reporter to sign in.
        if agency.id == lead || agency.kind != "department" {
            continue;
        }
        let shared = store
            .agency_tasks(agency.id)
            .await?
            .iter()
            .filter(|t| t.role == "coordinating" && led.contains(&t.task_id))
            .count();
        if shared > 0 && best.is_none_or(|(n, _)| shared > n) {
            best = Some((shared, agency.id));
        }
    }
    Ok(best.map(|(_, id)| id))
}

/// This year's periods of the plan, the yearly one opened, as DPI would.
async fn open_reporting_period(store: &Store, plan: i64) -> anyhow::Result<()> {
    let dpi = Principal::system("demo");
    let today = kehoach_store::reporting::local_date(kehoach_store::clock::now());
    let year: i32 = today.get(..4).and_then(|y| y.parse().ok()).unwrap_or(2026);
    let generated = match store
        .generate_periods(&dpi, plan, year, &GenerationOptions::default())
        .await
    {
        Ok(generated) => generated,
        // Past the plan's horizon there is nothing to report on.
        Err(kehoach_store::StoreError::Invalid(why)) => {
            println!("reporting: no period opened ({why})");
            return Ok(());
        }
        Err(other) => return Err(other.into()),
    };
    for period in generated.periods.iter().filter(|p| p.kind == "yearly") {
        store.open_period(&dpi, period.id).await?;
        println!(
            "reporting: period \"{}\" open, agencies report by {} (/periods/{})",
            period.label, period.agency_due_on, period.id
        );
    }
    Ok(())
}

/// Four random words' worth of hex: printed once, typed by the tester.
fn demo_password() -> String {
    kehoach_store::accounts::random_token()[..16].to_string()
}
