//! The reporting chain end to end on a corpus plan, and the rights table.

use kehoach_import::ImportOptions;
use kehoach_store::reporting::compliance::Standing;
use kehoach_store::reporting::contributions::ContributionDraft;
use kehoach_store::reporting::entries::EntryFields;
use kehoach_store::reporting::indicators::NewIndicatorValue;
use kehoach_store::reporting::periods::GenerationOptions;
use kehoach_store::reporting::setup::PeriodDates;
use kehoach_store::reporting::{Channel, EntryStatus, FundSource, IndicatorStatus, ReminderKind};
use kehoach_store::{Actor, NewUser, Principal, Role, Store, StoreError};

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

async fn lead_tasks(store: &Store, agency: i64, plan: i64) -> Vec<i64> {
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
async fn fill(store: &Store, who: &Principal, period: i64, agency: i64, limit: usize) -> i64 {
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

pub async fn a_yearly_period_from_generation_to_compliance(store: &Store) {
    let s = scene(store).await;
    let rep =
        |login: &'static str, agency: i64| principal(store, login, Role::Reporter, Some(agency));
    let (ra, rb, rc, re) = (
        rep("rep-a", s.a).await,
        rep("rep-b", s.b).await,
        rep("rep-c", s.c).await,
        rep("rep-e", s.e).await,
    );
    let expected_a = lead_tasks(store, s.a, s.plan).await.len();
    let expected_b = lead_tasks(store, s.b, s.plan).await.len();

    // A reports everything on time.
    let report_a = fill(store, &ra, s.period, s.a, usize::MAX).await;
    assert_eq!(
        store
            .report(&ra, report_a)
            .await
            .expect("read")
            .entries
            .len(),
        expected_a
    );
    assert_eq!(
        store
            .submit_report(&ra, report_a)
            .await
            .expect("submit")
            .on_time,
        Some(1)
    );

    // Two people edit the same entry of C: the second save is refused with the stored version.
    let report_c = store
        .report_for(&rc, s.period, s.c)
        .await
        .expect("report c");
    let first = &report_c.entries[0];
    store
        .save_entry(
            &rc,
            first.row.id,
            first.row.version,
            &filled(EntryStatus::Done),
        )
        .await
        .expect("first save");
    match store
        .save_entry(
            &rc,
            first.row.id,
            first.row.version,
            &filled(EntryStatus::NotDone),
        )
        .await
    {
        Err(StoreError::Conflict { current }) => match *current {
            kehoach_store::reporting::Conflicting::Entry(entry) => {
                assert_eq!(entry.row.status.as_deref(), Some("done"));
                assert_eq!(entry.row.version, first.row.version + 1);
                assert_eq!(
                    entry.funds,
                    [
                        ("state-budget".to_string(), 1500.5),
                        ("oda".to_string(), 200.0)
                    ]
                );
            }
            other => panic!("conflict on {other:?}"),
        },
        other => panic!("expected a conflict, got {other:?}"),
    }
    let report_c = fill(store, &rc, s.period, s.c, 1).await;
    store.submit_report(&rc, report_c).await.expect("submit c");
    // DPI returns C with a comment; C sees it, completes and resubmits.
    let entry_c = store
        .report(&s.dpi, report_c)
        .await
        .expect("read c")
        .entries[0]
        .row
        .id;
    store
        .return_report(&s.dpi, report_c, &[(entry_c, "Bổ sung số liệu".into())])
        .await
        .expect("return");
    let returned = store.report(&rc, report_c).await.expect("read returned");
    assert_eq!(returned.row.state, "returned");
    assert_eq!(returned.entries[0].row.review_comment, "Bổ sung số liệu");
    let standings = store
        .compliance(&s.dpi, s.period)
        .await
        .expect("compliance");
    assert_eq!(
        standings
            .iter()
            .find(|r| r.agency_id == s.c)
            .map(|r| r.standing),
        Some(Standing::Returned)
    );
    fill(store, &rc, s.period, s.c, usize::MAX).await;
    store
        .submit_report(&rc, report_c)
        .await
        .expect("resubmit c");

    // The coordinating agency contributes to a task A leads; A and DPI read it, B does not.
    let contribution = store
        .save_contribution(&re, &draft(&s, "Phối hợp tổ chức", None, true))
        .await
        .expect("contribute");
    assert_eq!(
        store
            .contributions_for(&ra, s.period, s.shared_task)
            .await
            .expect("lead reads"),
        std::slice::from_ref(&contribution)
    );
    assert_eq!(
        store
            .contributions_for(&s.dpi, s.period, s.shared_task)
            .await
            .expect("dpi reads")
            .len(),
        1
    );
    assert_eq!(
        store
            .contributions_for(&rb, s.period, s.shared_task)
            .await
            .expect("b reads"),
        []
    );
    assert!(matches!(
        store
            .save_contribution(
                &re,
                &draft(&s, "again", Some(contribution.version + 5), false)
            )
            .await,
        Err(StoreError::Conflict { .. })
    ));

    // B reports after the due date (moved into the past), with one entry of its tasks.
    store
        .edit_period_dates(
            &s.dpi,
            s.period,
            &PeriodDates {
                inputs_due_on: "2026-01-10".into(),
                agency_due_on: "2026-01-15".into(),
                consolidation_due_on: "2026-01-25".into(),
            },
        )
        .await
        .expect("re-date");
    let report_b = fill(store, &rb, s.period, s.b, 1).await;
    assert_eq!(
        store
            .submit_report(&rb, report_b)
            .await
            .expect("submit b")
            .on_time,
        Some(0)
    );

    // D never reports: it is owed an after-due reminder, then has it.
    let due = store
        .due_reminders(&s.dpi, "2026-01-20", 5, 3)
        .await
        .expect("due");
    assert!(due
        .iter()
        .any(|r| r.agency_id == s.d && r.kind == ReminderKind::AfterDue));
    assert!(due.iter().all(|r| ![s.a, s.b, s.c].contains(&r.agency_id)));
    store
        .record_reminder(&s.dpi, s.period, s.d, ReminderKind::AfterDue, Channel::App)
        .await
        .expect("remind");
    let due = store
        .due_reminders(&s.dpi, "2026-01-20", 5, 3)
        .await
        .expect("due");
    assert!(due.iter().all(|r| r.agency_id != s.d));

    let rows = store
        .compliance(&s.dpi, s.period)
        .await
        .expect("compliance");
    let row = |agency: i64| {
        rows.iter()
            .find(|r| r.agency_id == agency)
            .cloned()
            .expect("row")
    };
    assert_eq!(
        (row(s.a).standing, row(s.a).tasks, row(s.a).filled),
        (Standing::OnTime, expected_a, expected_a)
    );
    assert_eq!(
        (row(s.b).standing, row(s.b).tasks, row(s.b).filled),
        (Standing::Late, expected_b, 1)
    );
    assert!((row(s.b).completeness - 1.0 / expected_b as f64).abs() < 1e-9);
    assert_eq!(row(s.c).standing, Standing::OnTime);
    assert!((row(s.c).completeness - 1.0).abs() < 1e-9);
    assert_eq!(
        (row(s.d).standing, row(s.d).state.clone(), row(s.d).filled),
        (Standing::Missing, None, 0)
    );
    assert!(row(s.d).last_reminder_at.is_some());
    // A reporter sees only its own agency's row.
    let own = store.compliance(&ra, s.period).await.expect("own");
    assert_eq!(own.iter().map(|r| r.agency_id).collect::<Vec<_>>(), [s.a]);
    let history = store
        .compliance_by_year(&s.leader, s.a)
        .await
        .expect("by year");
    assert_eq!(
        history
            .iter()
            .map(|r| (r.period_label.as_str(), r.standing))
            .collect::<Vec<_>>(),
        [("Năm 2026", Standing::OnTime)]
    );

    // Accepting locks; unlocking needs a reason and is audited.
    store.accept_report(&s.dpi, report_a).await.expect("accept");
    let entry_a = store.report(&ra, report_a).await.expect("read").entries[0].clone();
    assert!(matches!(
        store
            .save_entry(
                &ra,
                entry_a.row.id,
                entry_a.row.version,
                &filled(EntryStatus::Done)
            )
            .await,
        Err(StoreError::Locked(_))
    ));
    assert!(matches!(
        store.unlock_report(&s.dpi, report_a, "  ").await,
        Err(StoreError::Invalid(_))
    ));
    store
        .unlock_report(&s.admin, report_a, "Sửa số liệu vốn")
        .await
        .expect("unlock");
    let log = store.audit_log(50).await.expect("audit");
    let unlock = log
        .iter()
        .find(|e| e.action == "unlock")
        .expect("unlock audited");
    assert_eq!(unlock.entity_id, Some(report_a));
    assert!(unlock
        .after
        .as_deref()
        .is_some_and(|a| a.contains("Sửa số liệu vốn")));
    assert_eq!(unlock.actor, "admin");
    store
        .save_entry(
            &ra,
            entry_a.row.id,
            entry_a.row.version,
            &filled(EntryStatus::Done),
        )
        .await
        .expect("editable again");

    // Evidence over the size limit is refused before anything is stored.
    let big = vec![0u8; kehoach_store::reporting::evidence::MAX_EVIDENCE_BYTES + 1];
    assert!(matches!(
        store
            .store_evidence(&ra, report_a, "big.pdf", "application/pdf", &big)
            .await,
        Err(StoreError::Invalid(_))
    ));
    let file = store
        .store_evidence(&ra, report_a, "qd.pdf", "application/pdf", b"%PDF-1.4")
        .await
        .expect("upload");
    assert_eq!(
        store
            .evidence_file(&s.dpi, file)
            .await
            .expect("read file")
            .bytes,
        b"%PDF-1.4"
    );
    assert!(matches!(
        store.evidence_file(&rb, file).await,
        Err(StoreError::Forbidden(_))
    ));
}

pub async fn a_successor_reports_on_its_predecessors_tasks(store: &Store) {
    let s = scene(store).await;
    let successor = store
        .create_agency("Sở Tài chính và Kế hoạch", &Actor::command_line())
        .await
        .expect("agency");
    store
        .add_succession(
            s.d,
            successor,
            "2025-03-01",
            "hợp nhất",
            &Actor::command_line(),
        )
        .await
        .expect("succession");
    let expected = lead_tasks(store, s.d, s.plan).await.len();
    let reporter = principal(store, "succ", Role::Reporter, Some(successor)).await;
    let report = store
        .report_for(&reporter, s.period, successor)
        .await
        .expect("report");
    assert_eq!(report.entries.len(), expected);
    assert!(expected > 0);
    // The predecessor answers for nothing any more.
    let rows = store
        .compliance(&s.dpi, s.period)
        .await
        .expect("compliance");
    assert!(rows.iter().all(|r| r.agency_id != s.d));
    assert!(rows
        .iter()
        .any(|r| r.agency_id == successor && r.tasks == expected));
}

pub async fn indicator_values_keep_every_revision(store: &Store) {
    let s = scene(store).await;
    let ra = principal(store, "rep-a", Role::Reporter, Some(s.a)).await;
    let (period, indicator) = indicator_period(store, &s.dpi).await;
    let mut new = NewIndicatorValue {
        period_id: period,
        indicator_id: indicator,
        agency_id: s.a,
        year: 2023,
        value: None,
        text: "đang tổng hợp",
        status: IndicatorStatus::Estimate,
    };
    assert_eq!(
        store
            .record_indicator_value(&ra, &new)
            .await
            .expect("first")
            .revision,
        1
    );
    new.value = Some(95.5);
    new.text = "95,5";
    new.status = IndicatorStatus::Official;
    assert_eq!(
        store
            .record_indicator_value(&ra, &new)
            .await
            .expect("second")
            .revision,
        2
    );
    new.value = None;
    assert_eq!(
        store
            .record_indicator_value(&s.dpi, &new)
            .await
            .expect("third")
            .revision,
        3
    );
    let history = store
        .indicator_history(&s.leader, period, indicator, s.a)
        .await
        .expect("history");
    assert_eq!(
        history
            .iter()
            .map(|h| (h.revision, h.value, h.status.as_str()))
            .collect::<Vec<_>>(),
        [
            (3, None, "official"),
            (2, Some(95.5), "official"),
            (1, None, "estimate")
        ]
    );
    // An indicator of another plan is refused for this period.
    new.period_id = s.period;
    assert!(matches!(
        store.record_indicator_value(&ra, &new).await,
        Err(StoreError::Invalid(_))
    ));
}
