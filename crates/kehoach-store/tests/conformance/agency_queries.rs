//! The queries behind the agency reporters' pages: a report's tasks, the
//! tasks an agency coordinates, the contributions to a report's tasks and
//! the indicators an agency reports.

use kehoach_store::reporting::contributions::ContributionDraft;
use kehoach_store::{Role, Store, StoreError};

use crate::reporting_scene::{indicator_period, lead_tasks, principal, scene};

pub async fn reporters_pages_read_tasks_contributions_and_indicators(store: &Store) {
    let s = scene(store).await;
    let ra = principal(store, "rep-a", Role::Reporter, Some(s.a)).await;
    let rb = principal(store, "rep-b", Role::Reporter, Some(s.b)).await;
    let re = principal(store, "rep-e", Role::Reporter, Some(s.e)).await;
    let report = store.report_for(&ra, s.period, s.a).await.expect("report");

    // One brief per entry, each a task A leads.
    let briefs = store
        .report_tasks(&ra, report.row.id)
        .await
        .expect("briefs");
    assert_eq!(briefs.len(), 53);
    let mut led = lead_tasks(store, s.a, s.plan).await;
    let mut listed: Vec<i64> = briefs.iter().map(|b| b.task_id).collect();
    assert!(briefs
        .iter()
        .all(|b| !b.text.is_empty() && b.target_code.is_some()));
    led.sort_unstable();
    listed.sort_unstable();
    assert_eq!(listed, led);
    assert!(matches!(
        store.report_tasks(&rb, report.row.id).await,
        Err(StoreError::Forbidden(_))
    ));

    // E coordinates the shared task of A; B may not list E's.
    let coordinated = store
        .coordinated_tasks(&re, s.period, s.e)
        .await
        .expect("coordinated");
    assert!(coordinated.iter().any(|t| t.task_id == s.shared_task));
    assert!(matches!(
        store.coordinated_tasks(&rb, s.period, s.e).await,
        Err(StoreError::Forbidden(_))
    ));

    // E's contribution shows with A's report, for A, DPI and the leader; not for B.
    store
        .save_contribution(
            &re,
            &ContributionDraft {
                period_id: s.period,
                task_id: s.shared_task,
                agency_id: s.e,
                text: "đã phối hợp",
                expected_version: None,
                submit: true,
            },
        )
        .await
        .expect("contribution");
    for reader in [&ra, &s.dpi, &s.leader] {
        let got = store
            .report_contributions(reader, report.row.id)
            .await
            .expect("contributions");
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].agency_id, got[0].task_id), (s.e, s.shared_task));
    }
    assert!(matches!(
        store.report_contributions(&rb, report.row.id).await,
        Err(StoreError::Forbidden(_))
    ));

    // Bến Tre 2023's indicators (21 key ones, 35 parts) name no agency: A may report all 56.
    let (period, _) = indicator_period(store, &s.dpi).await;
    let indicators = store
        .reported_indicators(&ra, period, s.a)
        .await
        .expect("indicators");
    assert_eq!(indicators.len(), 56);
    assert!(matches!(
        store.reported_indicators(&rb, period, s.a).await,
        Err(StoreError::Forbidden(_))
    ));
}
