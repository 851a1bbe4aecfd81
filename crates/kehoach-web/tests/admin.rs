//! Publishing plans, account administration and the audit log, in process.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::PASSWORD;

fn location(response: &axum::http::Response<String>) -> &str {
    response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

/// Logs in with the login form; returns the session cookie.
async fn log_in(app: &common::App, login: &str, password: &str) -> String {
    let form = app
        .send_full(Request::get("/login").body(Body::empty()).expect("request"))
        .await;
    let form_cookie = cookie_value(&form, "kh_form").expect("form token");
    let token = form_cookie
        .strip_prefix("kh_form=")
        .expect("kh_form")
        .to_string();
    let response = app
        .post_form(
            "/login",
            Some(&form_cookie),
            &[
                ("csrf", &token),
                ("login", login),
                ("password", password),
                ("next", "/"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{login} logs in");
    cookie_value(&response, "kh_session").expect("session cookie")
}

/// "name=value" of a cookie the response sets.
fn cookie_value(response: &axum::http::Response<String>, name: &str) -> Option<String> {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .find(|pair| pair.starts_with(&format!("{name}=")))
        .map(str::to_string)
}

#[tokio::test]
async fn a_coordinator_unpublishes_and_publishes_and_the_public_follows() {
    let app = common::app_with(&["kien-giang"]).await;
    let plan = app.store.plans(false).await.expect("plans")[0].id;
    let path = format!("/plans/{plan}");
    let (status, public) = app.get(&path, None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        !public.contains("class=\"publish\""),
        "no button for the public"
    );

    let dpi = app.sign_in("dpi").await;
    let (_, page) = app.get(&path, Some(&dpi)).await;
    assert!(page.contains(&format!("action=\"/plans/{plan}/unpublish\"")));
    let forged = app
        .post_form(
            &format!("{path}/unpublish"),
            Some(&dpi.cookie),
            &[("csrf", "forged")],
        )
        .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let leader = app.sign_in("leader").await;
    let refused = app
        .post_form(
            &format!("{path}/unpublish"),
            Some(&leader.cookie),
            &[("csrf", &leader.csrf)],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let (status, _) = app.get(&path, None).await;
    assert_eq!(status, StatusCode::OK, "still public");

    let done = app
        .post_form(
            &format!("{path}/unpublish"),
            Some(&dpi.cookie),
            &[("csrf", &dpi.csrf)],
        )
        .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&done), path);
    let (status, _) = app.get(&path, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "hidden from the public");
    let (_, home) = app.get("/", None).await;
    assert!(!home.contains(&format!("{path}\"")));
    let (_, page) = app.get(&path, Some(&dpi)).await;
    assert!(page.contains(&format!("action=\"/plans/{plan}/publish\"")));

    let done = app
        .post_form(
            &format!("{path}/publish"),
            Some(&dpi.cookie),
            &[("csrf", &dpi.csrf)],
        )
        .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let (status, _) = app.get(&path, None).await;
    assert_eq!(status, StatusCode::OK, "public again");
    let log = app.store.audit_log(5).await.expect("audit");
    assert_eq!(log[0].action, "publish");
    assert_eq!(log[1].action, "unpublish");
    assert_eq!(log[0].actor, "dpi");
}

#[tokio::test]
async fn only_the_admin_manages_accounts() {
    let app = common::app_with(&["kien-giang"]).await;
    let (status, page) = app.get("/admin/users", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(page.contains("/login?next="));
    let (status, _) = app.get("/admin/audit", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    for login in ["dpi", "leader", "syt"] {
        let browser = app.sign_in(login).await;
        for path in ["/admin/users", "/admin/audit"] {
            let (status, _) = app.get(path, Some(&browser)).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{login} {path}");
        }
        let refused = app
            .post_form(
                "/admin/users/leader/disable",
                Some(&browser.cookie),
                &[("csrf", &browser.csrf)],
            )
            .await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{login}");
    }
    let admin = app.sign_in("admin").await;
    let (status, page) = app
        .get_with_cookie("/admin/users", &format!("{}; kh_lang=en", admin.cookie))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("id=\"user-syt\""));
    assert!(page.contains("Agency reporter"), "roles are translated");
    assert!(page.contains("Sở Y tế"), "the reporter's agency");
    let forged = app
        .post_form(
            "/admin/users/leader/disable",
            Some(&admin.cookie),
            &[("csrf", "forged")],
        )
        .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let leader = app.store.user_by_login("leader").await.expect("user");
    assert!(!leader.expect("leader").disabled);
}

#[tokio::test]
async fn a_created_reporter_logs_in_and_disabling_ends_their_session() {
    let app = common::app_with(&["kien-giang"]).await;
    let admin = app.sign_in("admin").await;
    let health = app
        .store
        .find_agency("Sở Y tế")
        .await
        .expect("find")
        .expect("Sở Y tế");
    let health_text = health.to_string();
    let new_password = "một mật khẩu mới dài";
    let created = app
        .post_form(
            "/admin/users",
            Some(&admin.cookie),
            &[
                ("csrf", &admin.csrf),
                ("login", "baocao"),
                ("display_name", "Cán bộ báo cáo"),
                ("role", "reporter"),
                ("agency", &health_text),
                ("password", new_password),
            ],
        )
        .await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let user = app
        .store
        .user_by_login("baocao")
        .await
        .expect("user")
        .expect("created");
    assert_eq!(user.agency_id, Some(health));

    // A reporter without an agency, or a short password, is refused with a reason.
    let refused = app
        .post_form(
            "/admin/users",
            Some(&admin.cookie),
            &[
                ("csrf", &admin.csrf),
                ("login", "khac"),
                ("display_name", "Khác"),
                ("role", "reporter"),
                ("agency", ""),
                ("password", new_password),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);

    // The new account logs in through the login form.
    let cookie = log_in(&app, "baocao", new_password).await;
    let (_, home) = app.get_with_cookie("/", &cookie).await;
    assert!(home.contains("Cán bộ báo cáo"), "signed in as the reporter");

    let disabled = app
        .post_form(
            "/admin/users/baocao/disable",
            Some(&admin.cookie),
            &[("csrf", &admin.csrf)],
        )
        .await;
    assert_eq!(disabled.status(), StatusCode::SEE_OTHER);
    let (status, _) = app.get_with_cookie("/admin/users", &cookie).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "the session ended");
    assert!(app
        .store
        .verify_login("baocao", new_password)
        .await
        .expect("verify")
        .is_none());

    let enabled = app
        .post_form(
            "/admin/users/baocao/enable",
            Some(&admin.cookie),
            &[("csrf", &admin.csrf)],
        )
        .await;
    assert_eq!(enabled.status(), StatusCode::SEE_OTHER);
    let reset = app
        .post_form(
            "/admin/users/baocao/password",
            Some(&admin.cookie),
            &[("csrf", &admin.csrf), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(reset.status(), StatusCode::SEE_OTHER);
    assert!(app
        .store
        .verify_login("baocao", PASSWORD)
        .await
        .expect("verify")
        .is_some());

    let (status, audit) = app
        .get_with_cookie("/admin/audit", &format!("{}; kh_lang=en", admin.cookie))
        .await;
    assert_eq!(status, StatusCode::OK);
    for action in ["set-password", "enable", "disable", "create"] {
        assert!(
            audit.contains(&format!("<td>{action}</td>")),
            "{action} in the log"
        );
    }
    assert!(
        audit.contains(
            "<code>{&#34;disabled&#34;:false}</code> → <code>{&#34;disabled&#34;:true}</code>"
        ),
        "before → after"
    );
}
