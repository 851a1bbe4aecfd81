//! The search page: diacritic-insensitive results, labelled by kind, marked
//! and escaped, linking to the plan's anchors and agency pages.

mod common;

use axum::http::StatusCode;
use common::app_with;

#[tokio::test]
async fn search_finds_agencies_and_tasks_without_diacritics() {
    let app = app_with(&["kien-giang"]).await;
    let (status, html) = app.get("/search?q=ke+hoach+dau+tu", None).await;
    assert_eq!(status, StatusCode::OK);
    // The query stays in the header's search box.
    assert!(html.contains("value=\"ke hoach dau tu\""));
    assert!(html.contains("Sở <mark>Kế hoạch</mark> và <mark>Đầu tư</mark>"));
    let agency = app
        .store
        .find_agency("Sở Kế hoạch và Đầu tư")
        .await
        .expect("find")
        .expect("the agency");
    assert!(html.contains(&format!("href=\"/agencies/{agency}\"")));
    assert!(html.contains("<span class=\"badge kind-agency\">Cơ quan</span>"));

    let (_, water) = app.get("/search?q=nuoc%20sach", None).await;
    assert!(water.contains("<mark>nước sạch</mark>") || water.contains("<mark>Nước sạch</mark>"));
    let plan = app.store.plans(false).await.expect("plans")[0].id;
    assert!(
        water.contains(&format!("href=\"/plans/{plan}#task-"))
            || water.contains(&format!("href=\"/plans/{plan}#target-"))
    );

    let (_, english) = app
        .get_with_cookie("/search?q=nuoc%20sach", "kh_lang=en")
        .await;
    assert!(english.contains("results"));
    assert!(
        english.contains("kind-task\">Task</span>")
            || english.contains("kind-target\">Target</span>")
    );
}

#[tokio::test]
async fn every_result_links_to_an_anchor_the_plan_page_has() {
    let app = app_with(&["kien-giang"]).await;
    let plan = app.store.plans(false).await.expect("plans")[0].id;
    let (_, page) = app.get(&format!("/plans/{plan}"), None).await;
    let (_, html) = app.get("/search?q=d", None).await;
    let prefix = format!("href=\"/plans/{plan}#");
    let mut checked = 0;
    for piece in html.split(&prefix).skip(1) {
        let anchor = piece.split('"').next().unwrap_or("");
        assert!(page.contains(&format!("id=\"{anchor}\"")), "{anchor}");
        checked += 1;
    }
    assert!(checked >= 50, "{checked}");
    // One letter finds more than a page: the page says so.
    assert!(html.contains("chỉ hiện những kết quả phù hợp nhất"));
}

#[tokio::test]
async fn an_empty_query_shows_the_hint_and_nothing_found_says_so() {
    let app = app_with(&["kien-giang"]).await;
    for path in ["/search", "/search?q=", "/search?q=+%2C+"] {
        let (status, html) = app.get(path, None).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Có thể gõ không dấu"), "{path}");
        assert!(!html.contains("class=\"results\""));
    }
    let (_, html) = app.get("/search?q=zzqxw", None).await;
    assert!(html.contains("Không tìm thấy kết quả."));
}

#[tokio::test]
async fn the_query_and_the_texts_are_escaped() {
    let app = app_with(&["kien-giang"]).await;
    let (_, html) = app
        .get("/search?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E", None)
        .await;
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("\"><script"));
    let value = html
        .split("name=\"q\" type=\"search\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the search box");
    assert!(value.contains("script") && !value.contains('<'), "{value}");
}

#[tokio::test]
async fn unpublished_plans_are_searched_by_staff_only() {
    let app = app_with(&["kien-giang"]).await;
    let plan = app.store.plans(false).await.expect("plans")[0].id;
    app.store
        .set_published(plan, false, &kehoach_store::Actor::command_line())
        .await
        .expect("unpublish");
    let (_, public) = app.get("/search?q=nuoc+sach", None).await;
    assert!(!public.contains(&format!("/plans/{plan}#")));
    let leader = app.sign_in("leader").await;
    let (_, staff) = app.get("/search?q=nuoc+sach", Some(&leader)).await;
    assert!(staff.contains(&format!("/plans/{plan}#")));
}
