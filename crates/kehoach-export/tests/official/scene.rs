//! A real period to report on: Bến Tre 2018 imported into SQLite, its 2026
//! period opened, the agency leading most tasks reporting on its first two
//! (accepted), a coordinating agency's input, every other agency missing.
//! Built like tests/read_back.rs's scene, through the store's own API.

use std::collections::HashMap;
use std::path::PathBuf;

use kehoach_import::ImportOptions;
use kehoach_store::plans::read::{PlanSummary, PlanTree};
use kehoach_store::reporting::consolidation::Consolidation;
use kehoach_store::reporting::contributions::ContributionDraft;
use kehoach_store::reporting::entries::EntryFields;
use kehoach_store::reporting::periods::GenerationOptions;
use kehoach_store::reporting::review_queries::TaskText;
use kehoach_store::reporting::{EntryStatus, FundSource};
use kehoach_store::{Actor, NewUser, Principal, Role, Store};

pub const CONTRIBUTION: &str = "Phối hợp tổ chức hội nghị tuyên truyền";

/// What the lead agency writes on its first two tasks.
pub fn fields() -> [EntryFields; 2] {
    [
        EntryFields {
            status: Some(EntryStatus::Done),
            results: "Đã tổ chức 12 lớp tập huấn cho cán bộ cơ sở".into(),
            difficulties: "Thiếu kinh phí đối ứng".into(),
            recommendations: "Bổ sung nguồn vốn năm sau".into(),
            evidence_number: "Số 45/BC-SLĐTBXH".into(),
            evidence_date: Some("2026-03-05".into()),
            funds: vec![(FundSource::StateBudget, 1500.5), (FundSource::Oda, 200.0)],
            ..EntryFields::default()
        },
        EntryFields {
            status: Some(EntryStatus::Late),
            results: "Hoàn thành khảo sát ở 3 huyện, còn chậm ở Thạnh Phú".into(),
            funds: vec![(FundSource::Ngo, 75.0), (FundSource::Enterprise, 12000.0)],
            ..EntryFields::default()
        },
    ]
}

pub struct Scene {
    pub consolidation: Consolidation,
    pub plan: PlanSummary,
    pub tree: PlanTree,
    pub texts: HashMap<i64, TaskText>,
    pub names: HashMap<i64, String>,
    pub lead: String,
    pub coordinating: String,
}

async fn principal(store: &Store, login: &str, role: Role, agency: Option<i64>) -> Principal {
    let new = NewUser {
        login,
        display_name: login,
        role,
        agency_id: agency,
        password: "mật khẩu đủ dài",
    };
    store
        .create_user(new, &Actor::command_line())
        .await
        .expect("create user");
    let user = store
        .user_by_login(login)
        .await
        .expect("user")
        .expect("exists");
    Principal::from(&user)
}

fn ben_tre_2018() -> PathBuf {
    let dir = kehoach_import::corpus::corpus_dir().expect("the corpus");
    kehoach_import::corpus::corpus_documents(&dir)
        .expect("list the corpus")
        .into_iter()
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("ben-tre-2018"))
        })
        .expect("Bến Tre 2018 in the corpus")
}

pub async fn scene(store: &Store) -> Scene {
    let (_, outcome) = store
        .import_file(
            &ben_tre_2018(),
            ImportOptions::default(),
            &Actor::command_line(),
        )
        .await
        .expect("import");
    let plan = outcome.plan_id();
    let mut agencies = store.agencies().await.expect("agencies");
    agencies.sort_by_key(|a| (-a.leads, a.id));
    let names: HashMap<i64, String> = agencies.iter().map(|a| (a.id, a.name.clone())).collect();
    let lead = agencies[0].id;
    let dpi = principal(store, "dpi", Role::Coordinator, None).await;
    let generated = store
        .generate_periods(&dpi, plan, 2026, &GenerationOptions::default())
        .await
        .expect("generate");
    let period = generated.periods[0].id;
    store.open_period(&dpi, period).await.expect("open");

    let reporter = principal(store, "rep-a", Role::Reporter, Some(lead)).await;
    let report = store
        .report_for(&reporter, period, lead)
        .await
        .expect("report");
    for (entry, fields) in report.entries.iter().zip(fields()) {
        store
            .save_entry(&reporter, entry.row.id, entry.row.version, &fields)
            .await
            .expect("save");
    }
    store
        .submit_report(&reporter, report.row.id)
        .await
        .expect("submit");

    // The first agency past the four leading most tasks that coordinates a
    // task of the lead agency gives its input.
    let lead_tasks: Vec<i64> = report.entries.iter().map(|e| e.row.task_id).collect();
    let mut coordinating = None;
    for other in agencies.iter().skip(4) {
        let tasks = store.agency_tasks(other.id).await.expect("tasks");
        if let Some(t) = tasks
            .iter()
            .find(|t| t.role == "coordinating" && lead_tasks.contains(&t.task_id))
        {
            coordinating = Some((other.id, t.task_id));
            break;
        }
    }
    let (helper, shared_task) = coordinating.expect("some agency coordinates a task of the lead");
    let rep_e = principal(store, "rep-e", Role::Reporter, Some(helper)).await;
    let draft = ContributionDraft {
        period_id: period,
        task_id: shared_task,
        agency_id: helper,
        text: CONTRIBUTION,
        expected_version: None,
        submit: true,
    };
    store
        .save_contribution(&rep_e, &draft)
        .await
        .expect("contribute");
    store
        .accept_report(&dpi, report.row.id)
        .await
        .expect("accept");

    Scene {
        consolidation: store
            .consolidation(&dpi, period)
            .await
            .expect("consolidation"),
        plan: store.plan_summary(plan, None).await.expect("summary"),
        tree: store.plan_tree(plan, None).await.expect("tree"),
        texts: store
            .period_task_texts(&dpi, period)
            .await
            .expect("task texts"),
        lead: names[&lead].clone(),
        coordinating: names[&helper].clone(),
        names,
    }
}
