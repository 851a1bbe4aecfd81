//! The official report's heading form and downloads: DPI and leaders only.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::app_with;
use kehoach_store::reporting::periods::GenerationOptions;
use kehoach_store::reporting::Principal;

#[tokio::test]
async fn dpi_and_leaders_download_the_report_others_are_refused() {
    let app = app_with(&["ben-tre-2018"]).await;
    let plan = app.store.plans(false).await.expect("plans")[0].id;
    let system = Principal::system("test");
    let period = app
        .store
        .generate_periods(&system, plan, 2026, &GenerationOptions::default())
        .await
        .expect("periods")
        .periods[0]
        .id;
    let dpi = app.sign_in("dpi").await;
    let (status, form) = app
        .get(&format!("/periods/{period}/report"), Some(&dpi))
        .await;
    assert_eq!(status, StatusCode::OK);
    // Prefilled from the plan: its issuer above the Department of Finance.
    assert!(form.contains("value=\"SỞ TÀI CHÍNH\""));
    assert!(
        form.contains("value=\"Bến Tre\""),
        "the place, from the issuer"
    );
    assert!(form.contains("UBND tỉnh Bến Tre;"));

    let query = "number=12%2FBC-STC&place=B%E1%BA%BFn+Tre&date=2026-12-10&signer_name=Nguy%E1%BB%85n+V%C4%83n+A";
    for (who, path, kind) in [
        (
            &dpi,
            format!("/periods/{period}/report.docx?{query}"),
            "wordprocessingml",
        ),
        (
            &dpi,
            format!("/periods/{period}/report-appendix.xlsx?{query}"),
            "spreadsheetml",
        ),
    ] {
        let response = app
            .send_full(
                Request::get(&path)
                    .header(header::COOKIE, &who.cookie)
                    .body(Body::empty())
                    .expect("request"),
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let content_type = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        assert!(content_type.contains(kind), "{content_type}");
    }
    let leader = app.sign_in("leader").await;
    let (status, _) = app
        .get(&format!("/periods/{period}/report"), Some(&leader))
        .await;
    assert_eq!(status, StatusCode::OK);
    let reporter = app.sign_in("syt").await;
    for path in [
        format!("/periods/{period}/report"),
        format!("/periods/{period}/report.docx"),
        format!("/periods/{period}/report-appendix.xlsx"),
    ] {
        let (status, _) = app.get(&path, Some(&reporter)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
        let (status, _) = app.get(&path, None).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}");
    }
}
