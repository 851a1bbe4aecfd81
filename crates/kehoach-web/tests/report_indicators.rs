//! Indicator values on the agency report: Bến Tre 2023's 56 indicators
//! name no agency, so every agency may report them; each record is a new
//! revision and the page shows the history, newest first.

mod common;

use axum::http::StatusCode;
use common::{app_with, PASSWORD};
use kehoach_store::reporting::periods::GenerationOptions;
use kehoach_store::reporting::Principal;
use kehoach_store::{Actor, NewUser, Role};

async fn principal(app: &common::App, login: &str) -> Principal {
    Principal::from(
        &app.store
            .user_by_login(login)
            .await
            .expect("user")
            .expect("exists"),
    )
}

#[tokio::test]
async fn indicator_values_are_recorded_as_revisions_by_the_agency_only() {
    let app = app_with(&["ben-tre-2023"]).await;
    let dpi = principal(&app, "dpi").await;
    let plan = app.store.plans(false).await.expect("plans")[0].id;
    let generated = app
        .store
        .generate_periods(&dpi, plan, 2023, &GenerationOptions::default())
        .await
        .expect("generate");
    let third = generated.periods[2].id;
    app.store.open_period(&dpi, third).await.expect("open");
    let other = app
        .store
        .find_agency("Sở Tài chính")
        .await
        .expect("find")
        .expect("Sở Tài chính");
    app.store
        .create_user(
            NewUser {
                login: "stc",
                display_name: "stc",
                role: Role::Reporter,
                agency_id: Some(other),
                password: PASSWORD,
            },
            &Actor::command_line(),
        )
        .await
        .expect("user");
    let (a, b, leader) = (
        app.sign_in("syt").await,
        app.sign_in("stc").await,
        app.sign_in("leader").await,
    );
    let health = principal(&app, "syt").await;
    let agency = health.agency_id.expect("agency");
    let rid = app
        .store
        .report_for(&health, third, agency)
        .await
        .expect("report")
        .row
        .id;
    let indicators = app
        .store
        .reported_indicators(&health, third, agency)
        .await
        .expect("indicators");
    // None of the plan's indicators (21 key ones, 35 parts) names an agency: all are offered.
    assert_eq!(indicators.len(), 56);
    let page = format!("/reports/{rid}");
    let (status, html) = app.get(&page, Some(&a)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(html.matches("name=\"value-").count(), 56);
    assert!(html.contains(">Chính thức</option>"));

    let first = indicators[0].id;
    let post = format!("/reports/{rid}/indicators");
    let value_key = format!("value-{first}");
    let status_key = format!("status-{first}");
    let record = |who: &common::Browser, csrf: &str, value: &str, status: &str| {
        let pairs = [
            ("csrf".to_string(), csrf.to_string()),
            (value_key.clone(), value.to_string()),
            (status_key.clone(), status.to_string()),
        ];
        let cookie = who.cookie.clone();
        let post = post.clone();
        let app = &app;
        async move {
            let borrowed: Vec<(&str, &str)> = pairs
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            app.post_form(&post, Some(&cookie), &borrowed)
                .await
                .status()
        }
    };
    assert_eq!(
        record(&a, "forged", "1", "estimate").await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        record(&b, &b.csrf, "1", "estimate").await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        record(&leader, &leader.csrf, "1", "estimate").await,
        StatusCode::FORBIDDEN
    );
    let history = || app.store.indicator_history(&dpi, third, first, agency);
    assert!(
        history().await.expect("history").is_empty(),
        "nothing recorded"
    );

    assert_eq!(
        record(&a, &a.csrf, "95,5", "preliminary").await,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        record(&a, &a.csrf, "96", "official").await,
        StatusCode::SEE_OTHER
    );
    let revisions = history().await.expect("history");
    assert_eq!(revisions.len(), 2);
    assert_eq!(
        (
            revisions[0].revision,
            revisions[0].value,
            revisions[0].status.as_str()
        ),
        (2, Some(96.0), "official")
    );
    assert_eq!(
        (
            revisions[1].revision,
            revisions[1].value,
            revisions[1].text.as_str()
        ),
        (1, Some(95.5), "95,5")
    );
    assert_eq!(revisions[0].year, 2023);

    let (_, html) = app.get(&page, Some(&a)).await;
    assert!(html.contains("<li class=\"current\">2023: 96 (Chính thức) · lần 2"));
    assert!(html.contains("<li>2023: 95,5 (Sơ bộ) · lần 1"));
    // The leader reads the values, with no form.
    let (status, html) = app.get(&page, Some(&leader)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("lần 2"));
    assert!(!html.contains("name=\"value-"));
}
