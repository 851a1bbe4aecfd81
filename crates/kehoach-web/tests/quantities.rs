//! DPI reviews the quantities read from a plan's target statements.

mod common;

use axum::http::StatusCode;
use common::app_with;

#[tokio::test]
async fn dpi_confirms_and_corrects_readings_others_only_read() {
    let app = app_with(&["kien-giang"]).await;
    let plan = app.store.plans(false).await.expect("plans")[0].id;
    let path = format!("/plans/{plan}/quantities");
    let quantities = app.store.target_quantities(plan).await.expect("read");
    assert_eq!(quantities.len(), 12);
    let first = &quantities[0];

    let (status, _) = app.get(&path, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "internal work");
    let leader = app.sign_in("leader").await;
    let (status, page) = app.get(&path, Some(&leader)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page.matches("<td class=\"phrase\">").count(), 12);
    assert!(!page.contains("name=\"decision\""), "a leader reads only");
    let refused = app
        .post_form(
            &path,
            Some(&leader.cookie),
            &[
                ("csrf", &leader.csrf),
                ("target_code", &first.target_code),
                ("phrase", &first.quantity.phrase),
                ("decision", "confirmed"),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    let dpi = app.sign_in("dpi").await;
    let (_, page) = app.get(&path, Some(&dpi)).await;
    assert_eq!(page.matches("Chưa xem xét").count(), 12);
    let forged = app
        .post_form(
            &path,
            Some(&dpi.cookie),
            &[
                ("csrf", "forged"),
                ("target_code", &first.target_code),
                ("phrase", &first.quantity.phrase),
                ("decision", "confirmed"),
            ],
        )
        .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let corrected = app
        .post_form(
            &path,
            Some(&dpi.cookie),
            &[
                ("csrf", &dpi.csrf),
                ("target_code", &first.target_code),
                ("phrase", &first.quantity.phrase),
                ("decision", "corrected"),
                ("comparator", "at-most"),
                ("value", "1,5"),
                ("year", "2030"),
                ("direction", "decrease"),
            ],
        )
        .await;
    assert_eq!(corrected.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get(&path, Some(&dpi)).await;
    assert!(page.contains("Đã sửa</strong>: ≤1,5 (2030)"));
    assert_eq!(page.matches("Chưa xem xét").count(), 11);
    let bad = app
        .post_form(
            &path,
            Some(&dpi.cookie),
            &[
                ("csrf", &dpi.csrf),
                ("target_code", &first.target_code),
                ("phrase", "<script>không có</script>"),
                ("decision", "rejected"),
            ],
        )
        .await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let stored = app.store.target_quantities(plan).await.expect("read");
    assert_eq!(
        stored[0]
            .review
            .as_ref()
            .map(|r| (r.decision.as_str(), r.value)),
        Some(("corrected", Some(1.5)))
    );
}
