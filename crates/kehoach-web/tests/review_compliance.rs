//! Compliance year on year through the router: a plan's agencies by year,
//! one agency's periods by year, for every role.

mod common;
mod review_common;

use axum::http::StatusCode;
use review_common::{scene, LABOUR};

#[tokio::test]
async fn compliance_year_on_year_for_a_plan_and_an_agency() {
    let s = scene().await;
    let app = &s.app;
    let dpi = app.sign_in("dpi").await;
    let syt = app.sign_in("syt").await;
    let leader = app.sign_in("leader").await;
    let plan_path = format!("/plans/{}/compliance", s.plan);
    for who in [&dpi, &leader] {
        let (status, page) = app.get(&plan_path, Some(who)).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("<th scope=\"col\">2026</th>"));
        assert!(page.contains(review_common::HEALTH) && page.contains(LABOUR));
        assert!(page.contains("Đúng hạn: 1/1"), "Sở Y tế reported on time");
        assert!(page.contains("Chưa gửi: 1"), "the others have not");
        // The year's bar: Sở Y tế on time, every other agency missing.
        assert!(page.contains("<svg class=\"chart compliance\""));
        assert!(page.contains("<title>2026 Đúng hạn: 1</title>"));
        assert!(page.contains("<title>2026 Chưa gửi: "));
    }
    let (status, page) = app.get(&plan_path, Some(&syt)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        !page.contains(LABOUR),
        "a reporter sees its own agency only"
    );
    let (status, _) = app.get(&plan_path, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let own = format!("/agencies/{}/compliance", s.health);
    let (status, page) = app.get(&own, Some(&syt)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("<h2>2026</h2>") && page.contains("Năm 2026") && page.contains("Đúng hạn")
    );
    let (status, page) = app
        .get(&format!("/agencies/{}/compliance", s.labour), Some(&dpi))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Chưa gửi"));
    let (status, _) = app
        .get(&format!("/agencies/{}/compliance", s.labour), Some(&syt))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "not another agency's record");
    let (status, _) = app.get(&own, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}
