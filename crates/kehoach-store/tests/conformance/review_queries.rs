//! The review pages' queries: task texts of a report, the period's reports
//! by agency (as each role may see them), and a user's notifications.

use kehoach_store::reporting::{Channel, ReminderKind};
use kehoach_store::{Principal, Role, Store, StoreError};

use crate::reporting_scene::{principal, scene};

pub async fn review_queries_follow_the_rights(store: &Store) {
    let s = scene(store).await;
    let ra = principal(store, "rev-a", Role::Reporter, Some(s.a)).await;
    let rb = principal(store, "rev-b", Role::Reporter, Some(s.b)).await;
    let report_a = store
        .report_for(&ra, s.period, s.a)
        .await
        .expect("report a");
    let report_b = store
        .report_for(&rb, s.period, s.b)
        .await
        .expect("report b");

    // Task texts come in entry order, with goal and target text; A leads 53 tasks.
    let texts = store
        .report_task_texts(&s.dpi, report_a.row.id)
        .await
        .expect("texts");
    assert_eq!(texts.len(), 53);
    let order: Vec<i64> = report_a.entries.iter().map(|e| e.row.task_id).collect();
    assert_eq!(texts.iter().map(|t| t.id).collect::<Vec<_>>(), order);
    assert!(texts.iter().all(|t| !t.text.is_empty()));
    assert!(texts
        .iter()
        .any(|t| t.target_text.as_deref().is_some_and(|x| !x.is_empty())
            && t.goal_title.as_deref().is_some_and(|x| !x.is_empty())));
    assert!(matches!(
        store.report_task_texts(&rb, report_a.row.id).await,
        Err(StoreError::Forbidden(_))
    ));
    assert!(matches!(
        store.report_task_texts(&s.leader, 999_999).await,
        Err(StoreError::NotFound(_))
    ));

    // The whole plan's task texts, for DPI and leaders only.
    let all = store
        .period_task_texts(&s.leader, s.period)
        .await
        .expect("plan texts");
    assert!(order.iter().all(|t| all.contains_key(t)));
    assert!(matches!(
        store.period_task_texts(&ra, s.period).await,
        Err(StoreError::Forbidden(_))
    ));

    // Reports by agency: everything for DPI, its own for a reporter.
    let seen = store
        .period_reports(&s.dpi, s.period)
        .await
        .expect("reports");
    assert_eq!(seen.len(), 2);
    assert_eq!(seen.get(&s.b).map(|r| r.id), Some(report_b.row.id));
    let own = store.period_reports(&ra, s.period).await.expect("own");
    assert_eq!(own.keys().copied().collect::<Vec<_>>(), vec![s.a]);
    assert!(matches!(
        store.period_reports(&Principal::public(), s.period).await,
        Err(StoreError::Forbidden(_))
    ));

    // Notifications: the agency's reminders reach its reporters only, newest first.
    for _ in 0..2 {
        store
            .record_reminder(&s.dpi, s.period, s.a, ReminderKind::Manual, Channel::App)
            .await
            .expect("remind");
    }
    let mine = store.my_notifications(&ra).await.expect("mine");
    assert_eq!(mine.len(), 2);
    assert!(mine[0].id > mine[1].id);
    assert!(mine.iter().all(|n| n.agency_id == Some(s.a)));
    assert!(store.my_notifications(&rb).await.expect("b").is_empty());
    assert!(store
        .my_notifications(&s.dpi)
        .await
        .expect("dpi")
        .is_empty());
    assert!(store
        .my_notifications(&Principal::public())
        .await
        .expect("public")
        .is_empty());
}
