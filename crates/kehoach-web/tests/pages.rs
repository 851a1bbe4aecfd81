//! The frame, home, plan, source, login and error pages, in process.

mod common;

use axum::http::{header, StatusCode};
use common::{app_with, PASSWORD};

#[tokio::test]
async fn home_lists_the_plans_with_counts_in_vietnamese_and_english() {
    let app = app_with(&["quang-ninh", "kien-giang"]).await;
    let (status, html) = app.get("/", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<html lang=\"vi\">"));
    assert!(html.contains("Các kế hoạch"));
    assert!(html.contains("429 nhiệm vụ"), "Quảng Ninh's task count");
    assert!(html.contains("120 chỉ tiêu"), "Kiên Giang's indicators");
    let (_, english) = app.get_with_cookie("/", "kh_lang=en").await;
    assert!(english.contains("<html lang=\"en\">"));
    assert!(english.contains("429 tasks"));
}

#[tokio::test]
async fn the_plan_page_shows_the_tree_with_agencies_and_source_links() {
    let app = app_with(&["ben-tre-2018"]).await;
    let plans = app.store.plans(false).await.expect("plans");
    let (status, html) = app.get(&format!("/plans/{}", plans[0].id), None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(html.matches("<details class=\"goal\"").count(), 17);
    assert_eq!(html.matches("<li class=\"task\"").count(), 342);
    assert!(html.contains("Chủ trì"));
    assert!(html.contains(&format!("/documents/{}?from=", plans[0].document_id)));
    // The public does not see the import's notes; a signed-in user does.
    assert!(!html.contains("class=\"notes\""));
    let dpi = app.sign_in("dpi").await;
    let (_, signed_in) = app
        .get(&format!("/plans/{}", plans[0].id), Some(&dpi))
        .await;
    assert!(signed_in.contains("class=\"notes\""));
}

#[tokio::test]
async fn source_lines_are_numbered_and_the_range_highlighted() {
    let app = app_with(&["kien-giang"]).await;
    let plan = &app.store.plans(false).await.expect("plans")[0];
    let (status, html) = app
        .get(
            &format!("/documents/{}?from=10&to=12", plan.document_id),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(html.matches("class=\"hl\"").count(), 3);
    assert!(html.contains("id=\"L11\""));
    let (status, _) = app.get("/documents/999999", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn unpublished_plans_are_hidden_from_the_public_only() {
    let app = app_with(&["kien-giang"]).await;
    let plan = &app.store.plans(false).await.expect("plans")[0];
    app.store
        .set_published(plan.id, false, &kehoach_store::Actor::command_line())
        .await
        .expect("unpublish");
    let (status, _) = app.get(&format!("/plans/{}", plan.id), None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app
        .get(&format!("/documents/{}", plan.document_id), None)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, home) = app.get("/", None).await;
    assert!(!home.contains(&format!("/plans/{}\"", plan.id)));
    let leader = app.sign_in("leader").await;
    let (status, _) = app.get(&format!("/plans/{}", plan.id), Some(&leader)).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn errors_are_pages_in_the_viewers_language_and_json_under_api() {
    let app = app_with(&[]).await;
    let (status, html) = app.get("/no/such/page", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("Không tìm thấy"));
    let (_, english) = app.get_with_cookie("/plans/4242", "kh_lang=en").await;
    assert!(english.contains("does not exist"));
    let (status, json) = app.get("/api/nothing-here", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(json.starts_with('{') && json.contains("\"error\""));
}

#[tokio::test]
async fn login_needs_the_form_token_and_sets_a_strict_cookie() {
    let app = app_with(&[]).await;
    let page = app
        .send_full(
            axum::http::Request::get("/login")
                .body(axum::body::Body::empty())
                .expect("req"),
        )
        .await;
    let set_cookie = page
        .headers()
        .get(header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    assert!(set_cookie.starts_with("kh_form=") && set_cookie.contains("HttpOnly"));
    let token = set_cookie
        .trim_start_matches("kh_form=")
        .split(';')
        .next()
        .unwrap_or("")
        .to_string();
    assert!(page.body().contains(&format!("value=\"{token}\"")));
    let cookie = format!("kh_form={token}");

    // Without the token, or with a wrong one: refused as a CSRF failure.
    let refused = app
        .post_form(
            "/login",
            Some(&cookie),
            &[("login", "dpi"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(
        refused.status(),
        StatusCode::BAD_REQUEST,
        "a form without its csrf field does not parse"
    );
    let refused = app
        .post_form(
            "/login",
            Some(&cookie),
            &[("csrf", "forged"), ("login", "dpi"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    let wrong = app
        .post_form(
            "/login",
            Some(&cookie),
            &[
                ("csrf", &token),
                ("login", "dpi"),
                ("password", "sai mật khẩu"),
            ],
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    assert!(wrong.body().contains("không đúng"));

    let ok = app
        .post_form(
            "/login",
            Some(&cookie),
            &[
                ("csrf", &token),
                ("login", "dpi"),
                ("password", PASSWORD),
                ("next", "/plans/1"),
            ],
        )
        .await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        ok.headers()
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok()),
        Some("/plans/1")
    );
    let session_cookie = ok
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("kh_session="))
        .expect("session cookie")
        .to_string();
    assert!(session_cookie.contains("HttpOnly") && session_cookie.contains("SameSite=Lax"));
    // The session cookie is a new random value, not the pre-login token.
    assert!(!session_cookie.contains(&token));
}

#[tokio::test]
async fn repeated_failed_logins_are_throttled() {
    let app = app_with(&[]).await;
    let cookie = "kh_form=tok";
    for _ in 0..5 {
        let r = app
            .post_form(
                "/login",
                Some(cookie),
                &[("csrf", "tok"), ("login", "dpi"), ("password", "sai")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    }
    let r = app
        .post_form(
            "/login",
            Some(cookie),
            &[("csrf", "tok"), ("login", "dpi"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(
        r.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits"
    );
}

#[tokio::test]
async fn logout_needs_the_session_token() {
    let app = app_with(&[]).await;
    let dpi = app.sign_in("dpi").await;
    let forged = app
        .post_form("/logout", Some(&dpi.cookie), &[("csrf", "forged")])
        .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let ok = app
        .post_form("/logout", Some(&dpi.cookie), &[("csrf", &dpi.csrf)])
        .await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    let (_, home) = app.get("/", Some(&dpi)).await;
    assert!(home.contains("/login?next="), "signed out");
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = app_with(&[]).await;
    for path in ["/", "/login", "/nope", "/static/app.css", "/healthz"] {
        let r = app
            .send_full(
                axum::http::Request::get(path)
                    .body(axum::body::Body::empty())
                    .expect("req"),
            )
            .await;
        let csp = r
            .headers()
            .get(header::CONTENT_SECURITY_POLICY)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        assert!(
            csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"),
            "{path}"
        );
        assert_eq!(
            r.headers()
                .get(header::X_CONTENT_TYPE_OPTIONS)
                .and_then(|v| v.to_str().ok()),
            Some("nosniff")
        );
    }
}
