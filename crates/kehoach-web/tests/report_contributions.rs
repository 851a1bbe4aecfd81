//! Coordinating agencies' contributions: written on their page, shown
//! beside the lead agency's entry, conflicts shown side by side.

mod common;
mod report_support;

use axum::http::StatusCode;
use report_support::*;

#[tokio::test]
async fn coordinating_agencies_write_contributions_the_lead_reads() {
    let s = scene().await;
    let app = &s.app;
    let health = app
        .store
        .find_agency("Sở Y tế")
        .await
        .expect("find")
        .expect("syt");
    let plan = app.store.plans(false).await.expect("plans")[0].id;
    let mut coordinated: Vec<i64> = app
        .store
        .agency_tasks(health)
        .await
        .expect("tasks")
        .into_iter()
        .filter(|t| t.role == "coordinating" && t.plan_id == plan)
        .map(|t| t.task_id)
        .collect();
    coordinated.dedup();
    assert!(!coordinated.is_empty());
    let path = format!("/periods/{}/contributions", s.period);
    let (status, html) = app.get(&path, Some(&s.a)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        html.matches("<section class=\"entry\"").count(),
        coordinated.len()
    );
    let (status, _) = app.get(&path, Some(&s.leader)).await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "a leader coordinates nothing"
    );
    let (status, _) = app.get(&path, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let task = coordinated[0];
    let post = format!("/periods/{}/contributions/{task}", s.period);
    let refused = app
        .post_form(
            &post,
            Some(&s.a.cookie),
            &[("version", ""), ("text", "x"), ("action", "save")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN, "no token");
    let a = principal(app, "syt").await;
    assert!(app
        .store
        .contributions_for(&a, s.period, task)
        .await
        .expect("read")
        .is_empty());

    let sent = app
        .post_form(
            &post,
            Some(&s.a.cookie),
            &[
                ("csrf", &s.a.csrf),
                ("version", ""),
                ("text", "Sở Y tế đã phối hợp <i>tốt</i>"),
                ("action", "submit"),
            ],
        )
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let mine = app
        .store
        .contributions_for(&a, s.period, task)
        .await
        .expect("read");
    assert_eq!(mine.len(), 1);
    assert!(mine[0].submitted_at.is_some());
    // A second tab writing "the first one" again: the conflict page shows both.
    let stale = app
        .post_form(
            &post,
            Some(&s.a.cookie),
            &[
                ("csrf", &s.a.csrf),
                ("version", ""),
                ("text", "bản khác"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    assert!(stale.body().contains("bản khác"));
    assert!(stale
        .body()
        .contains("Sở Y tế đã phối hợp &#60;i&#62;tốt&#60;/i&#62;"));
    assert!(stale
        .body()
        .contains(&format!("name=\"version\" value=\"{}\"", mine[0].version)));
    // B does not coordinate this task for A's agency: refused, nothing stored.
    let refused = app
        .post_form(
            &post,
            Some(&s.b.cookie),
            &[
                ("csrf", &s.b.csrf),
                ("version", ""),
                ("text", "B"),
                ("action", "save"),
            ],
        )
        .await;
    assert!(refused.status().is_client_error());
    assert_eq!(
        app.store
            .contributions_for(&a, s.period, task)
            .await
            .expect("read"),
        mine
    );

    // The lead agency's report shows it beside the task's entry (read by DPI).
    let dpi = principal(app, "dpi").await;
    let mut lead = None;
    for agency in app.store.agencies().await.expect("agencies") {
        let leads = app.store.agency_tasks(agency.id).await.expect("tasks");
        if leads.iter().any(|t| t.task_id == task && t.role == "lead") {
            lead = Some(agency.id);
            break;
        }
    }
    let lead = lead.expect("the task has a lead agency");
    let report = app
        .store
        .report_for(&dpi, s.period, lead)
        .await
        .expect("the lead's report");
    let (status, html) = app
        .get(&format!("/reports/{}", report.row.id), Some(&s.dpi))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Sở Y tế đã phối hợp &#60;i&#62;tốt&#60;/i&#62;"));
    assert!(html.contains("<strong>Sở Y tế</strong> · Đã gửi"));
}
