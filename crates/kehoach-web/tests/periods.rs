//! Reporting periods of a plan: generated from its rules, opened, closed; who may.

mod common;

use axum::http::StatusCode;
use common::app_with;

#[tokio::test]
async fn dpi_generates_and_opens_the_years_periods_with_the_deadline_conflicts_shown() {
    let app = app_with(&["kien-giang"]).await;
    let plan = app.store.plans(false).await.expect("plans")[0].clone();
    let dpi = app.sign_in("dpi").await;
    let path = format!("/plans/{}/periods", plan.id);
    let (status, empty) = app.get(&path, Some(&dpi)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(empty.contains("Chưa có kỳ báo cáo nào."));
    // Kiên Giang states two deadlines for the same report: the import's note is shown here.
    assert!(
        empty.contains("class=\"note warning\""),
        "the conflicting-deadline note"
    );

    let made = app
        .post_form(
            &path,
            Some(&dpi.cookie),
            &[("csrf", &dpi.csrf), ("year", "2026")],
        )
        .await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let (_, listed) = app.get(&path, Some(&dpi)).await;
    assert!(
        listed.contains("30/11/2026"),
        "the agencies' due date, dd/mm/yyyy"
    );
    assert!(listed.contains("Chưa mở"));
    let period = app
        .store
        .periods_of_plan(
            &kehoach_store::reporting::Principal::from(
                &app.store
                    .user_by_login("dpi")
                    .await
                    .expect("user")
                    .expect("dpi"),
            ),
            plan.id,
        )
        .await
        .expect("periods")[0]
        .clone();
    let open = format!("/periods/{}/open", period.id);
    let opened = app
        .post_form(&open, Some(&dpi.cookie), &[("csrf", &dpi.csrf)])
        .await;
    assert_eq!(opened.status(), StatusCode::SEE_OTHER);
    let (_, listed) = app.get(&path, Some(&dpi)).await;
    assert!(listed.contains("Đang mở"));

    // The consolidated table downloads as a real workbook (empty of reports yet).
    let xlsx = app
        .send_full(
            axum::http::Request::get(format!("/periods/{}/consolidation.xlsx", period.id))
                .header(axum::http::header::COOKIE, &dpi.cookie)
                .body(axum::body::Body::empty())
                .expect("request"),
        )
        .await;
    assert_eq!(xlsx.status(), StatusCode::OK);
    assert!(xlsx
        .headers()
        .get(axum::http::header::CONTENT_DISPOSITION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains(".xlsx")));
    let reporter = app.sign_in("syt").await;
    let (status, _) = app
        .get(
            &format!("/periods/{}/consolidation.xlsx", period.id),
            Some(&reporter),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "a reporter reads only its own agency's work"
    );

    // A leader reads, and may not open or close; the public sees nothing;
    // a forged token is refused.
    let leader = app.sign_in("leader").await;
    let (status, read) = app.get(&path, Some(&leader)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!read.contains("/close\""), "no buttons for a leader");
    let refused = app
        .post_form(
            &format!("/periods/{}/close", period.id),
            Some(&leader.cookie),
            &[("csrf", &leader.csrf)],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let (status, _) = app.get(&path, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let forged = app
        .post_form(&open, Some(&dpi.cookie), &[("csrf", "forged")])
        .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
}
