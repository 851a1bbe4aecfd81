//! An indicator's series: the plan's printed baseline and targets, and the
//! values agencies report afterwards (latest revision per year, by who may
//! read them).

use kehoach_import::ImportOptions;
use kehoach_store::reporting::indicators::NewIndicatorValue;
use kehoach_store::reporting::periods::GenerationOptions;
use kehoach_store::reporting::{IndicatorStatus, Principal};
use kehoach_store::{Actor, Role, Store, StoreError};

use crate::harness::corpus_file;
use crate::reporting_scene::principal;

fn points(
    points: &[kehoach_store::reporting::series::Point],
) -> Vec<(i64, f64, Option<&str>, &str)> {
    points
        .iter()
        .map(|p| (p.year, p.value, p.comparator.as_deref(), p.source.as_str()))
        .collect()
}

pub async fn series_split_the_plan_and_follow_the_reports(store: &Store) {
    let (_, outcome) = store
        .import_file(
            &corpus_file("kien-giang"),
            ImportOptions::default(),
            &Actor::command_line(),
        )
        .await
        .expect("import");
    let plan = outcome.plan_id();
    let tree = store.plan_tree(plan, None).await.expect("tree");
    let stunting = tree
        .indicators
        .iter()
        .find(|i| i.code.as_deref() == Some("2.1"))
        .expect("indicator 2.1")
        .id;
    let system = Principal::system("test");
    let printed = store
        .indicator_series(&system, stunting)
        .await
        .expect("series");
    // Hand-checked against Appendix 2: 13,6 in 2015; 12,0 in 2020; under 8,0 in 2030.
    assert_eq!(printed.issued_year, Some(2018));
    assert_eq!(points(&printed.baseline), [(2015, 13.6, None, "plan")]);
    assert_eq!(
        points(&printed.targets),
        [
            (2020, 12.0, Some("="), "plan"),
            (2030, 8.0, Some("<"), "plan")
        ]
    );
    assert!(printed.reported.is_empty());

    let period = store
        .generate_periods(&system, plan, 2026, &GenerationOptions::default())
        .await
        .expect("generate")
        .periods
        .into_iter()
        .find(|p| p.kind == "yearly")
        .expect("a yearly period");
    store.open_period(&system, period.id).await.expect("open");
    let health = store
        .find_agency("Sở Y tế")
        .await
        .expect("find")
        .expect("Sở Y tế reports 2.1");
    let reporter = principal(store, "rep-health", Role::Reporter, Some(health)).await;
    let record = |year: i64, value: Option<f64>, status: IndicatorStatus| {
        let reporter = reporter.clone();
        let period = period.id;
        async move {
            store
                .record_indicator_value(
                    &reporter,
                    &NewIndicatorValue {
                        period_id: period,
                        indicator_id: stunting,
                        agency_id: health,
                        year,
                        value,
                        text: "",
                        status,
                    },
                )
                .await
                .expect("record")
        }
    };
    record(2024, Some(11.2), IndicatorStatus::Official).await;
    record(2025, Some(10.9), IndicatorStatus::Estimate).await;
    record(2025, Some(10.6), IndicatorStatus::Preliminary).await;
    record(2015, Some(13.4), IndicatorStatus::Official).await;
    let series = store
        .indicator_series(&system, stunting)
        .await
        .expect("series");
    assert_eq!(
        points(&series.reported),
        [
            (2015, 13.4, None, "official"),
            (2024, 11.2, None, "official"),
            (2025, 10.6, None, "preliminary"),
        ]
    );
    // A reported value replaces the printed one of its year.
    let observed: Vec<(i64, f64)> = series
        .observations()
        .iter()
        .map(|p| (p.year, p.value))
        .collect();
    assert_eq!(observed, [(2015, 13.4), (2024, 11.2), (2025, 10.6)]);

    // A revision without a number hides the older number of its year.
    record(2024, None, IndicatorStatus::Official).await;
    let series = store
        .indicator_series(&system, stunting)
        .await
        .expect("series");
    assert_eq!(
        series.reported.iter().map(|p| p.year).collect::<Vec<_>>(),
        [2015, 2025]
    );

    // Another agency's reporter reads the plan's figures, not Sở Y tế's reports;
    // the public reads a published plan's figures only.
    let other = store
        .find_agency("Sở Tài nguyên và Môi trường")
        .await
        .expect("find")
        .expect("agency");
    let stranger = principal(store, "rep-other", Role::Reporter, Some(other)).await;
    let seen = store
        .indicator_series(&stranger, stunting)
        .await
        .expect("series");
    assert_eq!(seen.baseline.len(), 1);
    assert!(seen.reported.is_empty());
    let public = store
        .indicator_series(&Principal::public(), stunting)
        .await
        .expect("published plan");
    assert!(public.reported.is_empty());

    // The public sees reported values once DPI published the period's
    // results AND the agency's report is accepted; not before, not after
    // the results are withdrawn.
    let public_years = || async {
        store
            .indicator_series(&Principal::public(), stunting)
            .await
            .expect("series")
            .reported
            .iter()
            .map(|p| p.year)
            .collect::<Vec<_>>()
    };
    store
        .set_period_published(&system, period.id, true)
        .await
        .expect("publish");
    assert!(store
        .period_published_at(period.id)
        .await
        .expect("read")
        .is_some());
    assert!(
        public_years().await.is_empty(),
        "the report is not accepted yet"
    );
    let report = store
        .report_for(&reporter, period.id, health)
        .await
        .expect("report")
        .row
        .id;
    store
        .submit_report(&reporter, report)
        .await
        .expect("submit");
    assert!(public_years().await.is_empty(), "submitted is not accepted");
    store.accept_report(&system, report).await.expect("accept");
    assert_eq!(public_years().await, [2015, 2025]);
    assert!(matches!(
        store
            .set_period_published(&reporter, period.id, false)
            .await,
        Err(StoreError::Forbidden(_))
    ));
    store
        .set_period_published(&system, period.id, false)
        .await
        .expect("withdraw");
    assert!(public_years().await.is_empty());
    store
        .set_published(plan, false, &Actor::command_line())
        .await
        .expect("unpublish");
    assert!(matches!(
        store.indicator_series(&Principal::public(), stunting).await,
        Err(StoreError::NotFound(_))
    ));
}

/// Task states per target from the latest period with accepted reports:
/// DPI sees them at once, the public once the results are published.
pub async fn task_states_follow_the_latest_accepted_reports(store: &Store) {
    let s = crate::reporting_scene::scene(store).await;
    let empty = store.task_states(&s.dpi, s.plan).await.expect("states");
    assert_eq!(empty.period_id, None);
    let total: usize = empty.targets.iter().map(|t| t.tasks).sum();
    assert_eq!(total, 342, "every task of Bến Tre 2018");
    assert_eq!(
        empty.targets.iter().map(|t| t.not_reported).sum::<usize>(),
        342
    );

    // A (53 tasks) reports all of them under way, but one done; accepted.
    let ra = principal(store, "rep-a", Role::Reporter, Some(s.a)).await;
    let report = crate::reporting_scene::fill(store, &ra, s.period, s.a, usize::MAX).await;
    let first = store.report(&ra, report).await.expect("report").entries[0].clone();
    store
        .save_entry(
            &ra,
            first.row.id,
            first.row.version,
            &crate::reporting_scene::filled(kehoach_store::reporting::EntryStatus::Done),
        )
        .await
        .expect("done");
    store.submit_report(&ra, report).await.expect("submit");
    store.accept_report(&s.dpi, report).await.expect("accept");

    let states = store.task_states(&s.dpi, s.plan).await.expect("states");
    assert_eq!(states.period_id, Some(s.period));
    assert_eq!(states.period_label.as_deref(), Some("Năm 2026"));
    let sum = |f: fn(&kehoach_store::reporting::task_states::TargetTasks) -> usize| {
        states.targets.iter().map(f).sum::<usize>()
    };
    assert_eq!(
        (
            sum(|t| t.done),
            sum(|t| t.under_way),
            sum(|t| t.behind),
            sum(|t| t.not_reported)
        ),
        (1, 52, 0, 342 - 53)
    );
    // The first task of target 1.1 is the one done.
    let first_target = &states.targets[0];
    assert_eq!(first_target.target_code.as_deref(), Some("1.1"));
    assert_eq!((first_target.tasks, first_target.done), (8, 1));

    // The public sees nothing until the period's results are published.
    let public = store
        .task_states(&Principal::public(), s.plan)
        .await
        .expect("states");
    assert_eq!(public.period_id, None);
    store
        .set_period_published(&s.dpi, s.period, true)
        .await
        .expect("publish");
    let public = store
        .task_states(&Principal::public(), s.plan)
        .await
        .expect("states");
    assert_eq!(public.period_id, Some(s.period));
    assert_eq!(public.targets, states.targets);
}

/// A phase's evaluation gathers the accepted entries of its periods, task
/// by task, and where each task stood last.
pub async fn a_phase_gathers_its_periods_accepted_entries(store: &Store) {
    let s = crate::reporting_scene::scene(store).await;
    let phases = store.plan_phases(s.plan).await.expect("phases");
    assert!(
        phases.iter().any(|&(from, to)| from <= 2026 && 2026 <= to),
        "Bến Tre 2018 has a phase holding 2026: {phases:?}"
    );
    let ra = principal(store, "rep-a", Role::Reporter, Some(s.a)).await;
    // 2026: every task of A under way, accepted.
    let first_year = crate::reporting_scene::fill(store, &ra, s.period, s.a, usize::MAX).await;
    store.submit_report(&ra, first_year).await.expect("submit");
    store
        .accept_report(&s.dpi, first_year)
        .await
        .expect("accept");
    // 2027: A's first task done, accepted.
    let next = store
        .generate_periods(&s.dpi, s.plan, 2027, &GenerationOptions::default())
        .await
        .expect("2027")
        .periods[0]
        .id;
    store.open_period(&s.dpi, next).await.expect("open");
    let report = store.report_for(&ra, next, s.a).await.expect("report");
    let first = report.entries[0].clone();
    store
        .save_entry(
            &ra,
            first.row.id,
            first.row.version,
            &crate::reporting_scene::filled(kehoach_store::reporting::EntryStatus::Done),
        )
        .await
        .expect("save");
    store
        .submit_report(&ra, report.row.id)
        .await
        .expect("submit");
    store
        .accept_report(&s.dpi, report.row.id)
        .await
        .expect("accept");

    let review = store
        .phase_review(&s.dpi, s.plan, 2026, 2030)
        .await
        .expect("phase");
    assert_eq!(
        review
            .periods
            .iter()
            .map(|p| p.1.as_str())
            .collect::<Vec<_>>(),
        ["Năm 2026", "Năm 2027"]
    );
    assert_eq!(review.tasks.len(), 342);
    let task = review
        .tasks
        .iter()
        .find(|t| t.task_id == first.row.task_id)
        .expect("A's first task");
    assert_eq!(
        task.entries
            .iter()
            .map(|e| (e.year, e.status.as_deref()))
            .collect::<Vec<_>>(),
        [(2026, Some("in-progress")), (2027, Some("done"))]
    );
    assert_eq!(task.last_status.as_deref(), Some("done"));
    // Done 1; under way the other 52 of A's (2026 stands, 2027 left empty);
    // nobody else reported.
    assert_eq!(review.tally(), [1, 52, 0, 342 - 53]);
    // An earlier phase holds none of it; a reporter may not read it.
    let before = store
        .phase_review(&s.dpi, s.plan, 2018, 2020)
        .await
        .expect("phase");
    assert!(before.periods.is_empty());
    assert_eq!(before.tally(), [0, 0, 0, 342]);
    assert!(matches!(
        store.phase_review(&ra, s.plan, 2026, 2030).await,
        Err(StoreError::Forbidden(_))
    ));
    assert!(matches!(
        store.phase_review(&s.dpi, s.plan, 2030, 2026).await,
        Err(StoreError::Invalid(_))
    ));
}
