//! The reporting chain end to end on a corpus plan.

use kehoach_store::reporting::compliance::Standing;
use kehoach_store::reporting::indicators::NewIndicatorValue;
use kehoach_store::reporting::periods::GenerationOptions;
use kehoach_store::reporting::setup::{NewPeriod, PeriodDates};
use kehoach_store::reporting::{Channel, EntryStatus, IndicatorStatus, ReminderKind};
use kehoach_store::{Actor, Role, Store, StoreError};

use crate::reporting_scene::{draft, fill, filled, indicator_period, lead_tasks, principal, scene};

pub async fn a_yearly_period_from_generation_to_compliance(store: &Store) {
    let s = scene(store).await;
    // The plan runs 2018–2030: no periods after it.
    assert!(matches!(
        store
            .generate_periods(&s.dpi, s.plan, 2031, &GenerationOptions::default())
            .await,
        Err(StoreError::Invalid(_))
    ));
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
    assert_eq!((expected_a, expected_b), (53, 46));

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
    // Truly at once: exactly one of two saves of the same version wins.
    let second = &report_c.entries[1];
    let (done, late) = (filled(EntryStatus::Done), filled(EntryStatus::Late));
    let (one, two) = tokio::join!(
        store.save_entry(&rc, second.row.id, second.row.version, &done),
        store.save_entry(&rc, second.row.id, second.row.version, &late),
    );
    let outcomes = [one, two];
    assert_eq!(outcomes.iter().filter(|r| r.is_ok()).count(), 1);
    assert_eq!(
        outcomes
            .iter()
            .filter(|r| matches!(r, Err(StoreError::Conflict { .. })))
            .count(),
        1
    );
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
    let notices = store.notifications_for(&s.dpi, s.d).await.expect("notices");
    assert_eq!(notices.len(), 1);
    assert!(notices[0].text.contains("Năm 2026"));
    assert!(matches!(
        store.notifications_for(&ra, s.d).await,
        Err(StoreError::Forbidden(_))
    ));
    let due = store
        .due_reminders(&s.dpi, "2026-01-20", 5, 3)
        .await
        .expect("due");
    assert!(due.iter().all(|r| r.agency_id != s.d));

    let rows = store
        .compliance(&s.dpi, s.period)
        .await
        .expect("compliance");
    // 26 agencies lead at least one task of the plan.
    assert_eq!(rows.len(), 26);
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
    // The consolidated view holds every accepted entry (A's alone so far),
    // the contribution, and who is still outstanding.
    let consolidated = store
        .consolidation(&s.leader, s.period)
        .await
        .expect("consolidation");
    let accepted: Vec<i64> = consolidated
        .tasks
        .iter()
        .flat_map(|t| t.entries.iter().map(|e| e.agency_id))
        .collect();
    assert_eq!(accepted, vec![s.a; expected_a]);
    let shared = consolidated
        .tasks
        .iter()
        .find(|t| t.task_id == s.shared_task)
        .expect("shared task");
    assert_eq!(shared.contributions.len(), 1);
    // Outstanding: every agency answering for tasks but A, B and C (D among them).
    let outstanding: Vec<i64> = consolidated
        .outstanding
        .iter()
        .map(|(id, _, _)| *id)
        .collect();
    assert_eq!(outstanding.len(), 23);
    assert!(outstanding.contains(&s.d));
    assert!(outstanding.iter().all(|id| ![s.a, s.b, s.c].contains(id)));
    assert!(matches!(
        store.consolidation(&ra, s.period).await,
        Err(StoreError::Forbidden(_))
    ));
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

/// A period the rules do not state (a nine-month review) is added by hand;
/// a second one like it, an impossible part or a reporter are refused.
pub async fn dpi_adds_a_nine_month_period_by_hand(store: &Store) {
    let s = scene(store).await;
    let options = GenerationOptions::default();
    let added = store
        .add_period(
            &s.dpi,
            s.plan,
            &NewPeriod {
                kind: kehoach_store::reporting::PeriodKind::NineMonths,
                year: 2026,
                part: 0,
                agency_due_on: "2026-10-15",
            },
            &options,
        )
        .await
        .expect("add");
    assert_eq!(
        (
            added.label.as_str(),
            added.kind.as_str(),
            added.starts_on.as_str(),
            added.ends_on.as_str(),
            added.inputs_due_on.as_str(),
            added.agency_due_on.as_str(),
            added.consolidation_due_on.as_str(),
            added.state.as_str(),
            added.rule_line
        ),
        (
            "9 tháng năm 2026",
            "nine-months",
            "2026-01-01",
            "2026-09-30",
            "2026-10-10",
            "2026-10-15",
            "2026-10-25",
            "draft",
            None
        )
    );
    let again = store
        .add_period(
            &s.dpi,
            s.plan,
            &NewPeriod {
                kind: kehoach_store::reporting::PeriodKind::NineMonths,
                year: 2026,
                part: 0,
                agency_due_on: "2026-10-20",
            },
            &options,
        )
        .await;
    assert!(matches!(again, Err(StoreError::Invalid(_))), "{again:?}");
    let fifth_quarter = store
        .add_period(
            &s.dpi,
            s.plan,
            &NewPeriod {
                kind: kehoach_store::reporting::PeriodKind::Quarterly,
                year: 2026,
                part: 5,
                agency_due_on: "2026-12-15",
            },
            &options,
        )
        .await;
    assert!(matches!(fifth_quarter, Err(StoreError::Invalid(_))));
    let reporter = principal(store, "rep-a", Role::Reporter, Some(s.a)).await;
    let refused = store
        .add_period(
            &reporter,
            s.plan,
            &NewPeriod {
                kind: kehoach_store::reporting::PeriodKind::Quarterly,
                year: 2026,
                part: 3,
                agency_due_on: "2026-09-15",
            },
            &options,
        )
        .await;
    assert!(
        matches!(refused, Err(StoreError::Forbidden(_))),
        "{refused:?}"
    );
    let labels: Vec<String> = store
        .periods_of_plan(&s.dpi, s.plan)
        .await
        .expect("periods")
        .into_iter()
        .map(|p| p.label)
        .collect();
    assert_eq!(labels, ["9 tháng năm 2026", "Năm 2026"]);
}
