//! The shared setting of the reporting tests: Bến Tre 2018 imported, its
//! 2026 yearly period generated and opened, accounts for each role.

use kehoach_import::ImportOptions;
use kehoach_store::reporting::contributions::ContributionDraft;
use kehoach_store::reporting::entries::EntryFields;
use kehoach_store::reporting::periods::GenerationOptions;
use kehoach_store::reporting::{EntryStatus, FundSource};
use kehoach_store::{Actor, NewUser, Principal, Role, Store};

use crate::harness::corpus_file;

pub(crate) struct Scene {
    pub plan: i64,
    pub period: i64,
    /// Four lead agencies (most tasks first) and one coordinating agency E of a task of A.
    pub a: i64,
    pub b: i64,
    pub c: i64,
    pub d: i64,
    pub e: i64,
    pub shared_task: i64,
    pub admin: Principal,
    pub dpi: Principal,
    pub leader: Principal,
}

pub(crate) async fn principal(
    store: &Store,
    login: &str,
    role: Role,
    agency: Option<i64>,
) -> Principal {
    store
        .create_user(
            NewUser {
                login,
                display_name: login,
                role,
                agency_id: agency,
                password: "mật khẩu đủ dài",
            },
            &Actor::command_line(),
        )
        .await
        .expect("create user");
    let user = store
        .user_by_login(login)
        .await
        .expect("user")
        .expect("exists");
    Principal::from(&user)
}

pub(crate) async fn lead_tasks(store: &Store, agency: i64, plan: i64) -> Vec<i64> {
    let mut tasks: Vec<i64> = store
        .agency_tasks(agency)
        .await
        .expect("tasks")
        .into_iter()
        .filter(|t| t.role == "lead" && t.plan_id == plan)
        .map(|t| t.task_id)
        .collect();
    tasks.dedup();
    tasks
}

pub(crate) async fn scene(store: &Store) -> Scene {
    let (_, outcome) = store
        .import_file(
            &corpus_file("ben-tre-2018"),
            ImportOptions::default(),
            &Actor::command_line(),
        )
        .await
        .expect("import");
    let plan = outcome.plan_id();
    let mut agencies = store.agencies().await.expect("agencies");
    agencies.sort_by_key(|a| (-a.leads, a.id));
    let leads: Vec<i64> = agencies
        .iter()
        .filter(|a| a.leads > 0)
        .map(|a| a.id)
        .collect();
    let (a, b, c, d) = (leads[0], leads[1], leads[2], leads[3]);
    let a_tasks = lead_tasks(store, a, plan).await;
    let mut coordinating = None;
    for other in agencies
        .iter()
        .map(|x| x.id)
        .filter(|&x| ![a, b, c, d].contains(&x))
    {
        let found = store
            .agency_tasks(other)
            .await
            .expect("tasks")
            .into_iter()
            .find(|t| t.role == "coordinating" && a_tasks.contains(&t.task_id));
        if let Some(task) = found {
            coordinating = Some((other, task.task_id));
            break;
        }
    }
    let (e, shared_task) = coordinating.expect("some agency coordinates a task of A");
    // Hand-checked against the plan's assignment table: the four agencies
    // leading most tasks, and the first of the others coordinating one of A's.
    let named = |id: i64| {
        agencies
            .iter()
            .find(|r| r.id == id)
            .map(|r| (r.name.clone(), r.leads))
            .expect("listed")
    };
    assert_eq!(
        [named(a), named(b), named(c), named(d)],
        [
            ("Sở Lao động - Thương binh và Xã hội".to_string(), 53),
            ("Sở Nông nghiệp và Phát triển nông thôn".to_string(), 46),
            ("Sở Tài nguyên và Môi trường".to_string(), 43),
            ("Sở Y tế".to_string(), 35),
        ]
    );
    assert_eq!(named(e).0, "Sở Công Thương");
    let admin = principal(store, "admin", Role::Admin, None).await;
    let dpi = principal(store, "dpi", Role::Coordinator, None).await;
    let leader = principal(store, "leader", Role::Leader, None).await;
    let generated = store
        .generate_periods(&dpi, plan, 2026, &GenerationOptions::default())
        .await
        .expect("generate");
    assert_eq!(generated.periods.len(), 1);
    assert!(generated.conflicts.is_empty());
    let period = &generated.periods[0];
    assert_eq!(
        (
            period.label.as_str(),
            period.agency_due_on.as_str(),
            period.consolidation_due_on.as_str(),
            period.inputs_due_on.as_str()
        ),
        ("Năm 2026", "2026-11-30", "2026-12-10", "2026-11-25")
    );
    assert_eq!(period.state, "draft");
    store.open_period(&dpi, period.id).await.expect("open");
    Scene {
        plan,
        period: period.id,
        a,
        b,
        c,
        d,
        e,
        shared_task,
        admin,
        dpi,
        leader,
    }
}

/// Bến Tre 2023 (quarterly reports, the 21 key indicators): its third
/// quarter of 2023, opened, and its first indicator.
pub(crate) async fn indicator_period(store: &Store, dpi: &Principal) -> (i64, i64) {
    let (_, outcome) = store
        .import_file(
            &corpus_file("ben-tre-2023"),
            ImportOptions::default(),
            &Actor::command_line(),
        )
        .await
        .expect("import");
    let generated = store
        .generate_periods(dpi, outcome.plan_id(), 2023, &GenerationOptions::default())
        .await
        .expect("generate");
    let labels: Vec<&str> = generated.periods.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Quý I/2023", "Quý II/2023", "Quý III/2023", "Quý IV/2023"]
    );
    let third = &generated.periods[2];
    assert_eq!(
        (
            third.agency_due_on.as_str(),
            third.kind.as_str(),
            third.part
        ),
        ("2023-09-15", "quarterly", 3)
    );
    store.open_period(dpi, third.id).await.expect("open");
    let tree = store
        .plan_tree(outcome.plan_id(), None)
        .await
        .expect("tree");
    let indicator = tree
        .indicators
        .first()
        .expect("Bến Tre 2023 has indicators")
        .id;
    (third.id, indicator)
}

pub(crate) fn draft<'a>(
    s: &Scene,
    text: &'a str,
    expected_version: Option<i64>,
    submit: bool,
) -> ContributionDraft<'a> {
    ContributionDraft {
        period_id: s.period,
        task_id: s.shared_task,
        agency_id: s.e,
        text,
        expected_version,
        submit,
    }
}

pub(crate) fn filled(status: EntryStatus) -> EntryFields {
    EntryFields {
        status: Some(status),
        results: "Đã ban hành kế hoạch".into(),
        funds: vec![(FundSource::StateBudget, 1500.5), (FundSource::Oda, 200.0)],
        ..EntryFields::default()
    }
}

/// Fills every entry of the agency's report (or only the first `limit`).
pub(crate) async fn fill(
    store: &Store,
    who: &Principal,
    period: i64,
    agency: i64,
    limit: usize,
) -> i64 {
    let report = store.report_for(who, period, agency).await.expect("report");
    for entry in report.entries.iter().take(limit) {
        store
            .save_entry(
                who,
                entry.row.id,
                entry.row.version,
                &filled(EntryStatus::InProgress),
            )
            .await
            .expect("save");
    }
    report.row.id
}
