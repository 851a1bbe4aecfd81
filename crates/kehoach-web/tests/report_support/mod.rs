//! The setting of the agency reporters' page tests: Bến Tre 2018 with its
//! 2026 period open; "syt" is reporter A (Sở Y tế), "stnmt" reporter B
//! (Sở Tài nguyên và Môi trường).
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{header, Request, Response, StatusCode};
use kehoach_store::reporting::entries::Entry;
use kehoach_store::reporting::periods::GenerationOptions;
use kehoach_store::reporting::Principal;
use kehoach_store::{Actor, NewUser, Role};

use crate::common::{app_with, App, Browser, PASSWORD};

pub const AGENCY_B: &str = "Sở Tài nguyên và Môi trường";

/// Bến Tre 2018 with its 2026 period open, reporter B added.
pub struct Scene {
    pub app: App,
    pub period: i64,
    pub a: Browser,
    pub b: Browser,
    pub dpi: Browser,
    pub leader: Browser,
}

pub async fn scene() -> Scene {
    let app = app_with(&["ben-tre-2018"]).await;
    let b_agency = app
        .store
        .find_agency(AGENCY_B)
        .await
        .expect("find")
        .expect("agency B");
    app.store
        .create_user(
            NewUser {
                login: "stnmt",
                display_name: "stnmt",
                role: Role::Reporter,
                agency_id: Some(b_agency),
                password: PASSWORD,
            },
            &Actor::command_line(),
        )
        .await
        .expect("user B");
    let period = open_periods(&app, 2026).await[0];
    Scene {
        a: app.sign_in("syt").await,
        b: app.sign_in("stnmt").await,
        dpi: app.sign_in("dpi").await,
        leader: app.sign_in("leader").await,
        app,
        period,
    }
}

pub async fn principal(app: &App, login: &str) -> Principal {
    Principal::from(
        &app.store
            .user_by_login(login)
            .await
            .expect("user")
            .expect("exists"),
    )
}

/// The year's periods of the (only) plan, generated and opened by DPI.
pub async fn open_periods(app: &App, year: i32) -> Vec<i64> {
    let dpi = principal(app, "dpi").await;
    let plan = app.store.plans(false).await.expect("plans")[0].id;
    let generated = app
        .store
        .generate_periods(&dpi, plan, year, &GenerationOptions::default())
        .await
        .expect("generate");
    let mut ids = Vec::new();
    for period in generated.periods {
        app.store.open_period(&dpi, period.id).await.expect("open");
        ids.push(period.id);
    }
    ids
}

pub fn location(response: &Response<String>) -> String {
    response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string()
}

/// A's report through /my-report (303 to /reports/{rid}).
pub async fn my_report(s: &Scene, who: &Browser) -> i64 {
    let response = s
        .app
        .send_full(
            Request::get(format!("/periods/{}/my-report", s.period))
                .header(header::COOKIE, &who.cookie)
                .body(Body::empty())
                .expect("request"),
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    location(&response)
        .strip_prefix("/reports/")
        .and_then(|id| id.parse().ok())
        .expect("a report id in the redirect")
}

pub async fn first_entry(s: &Scene, rid: i64) -> Entry {
    let dpi = principal(&s.app, "dpi").await;
    s.app.store.report(&dpi, rid).await.expect("report").entries[0].clone()
}

pub async fn entry(s: &Scene, eid: i64) -> Entry {
    let dpi = principal(&s.app, "dpi").await;
    s.app.store.entry(&dpi, eid).await.expect("entry")
}

pub fn multipart(csrf: Option<&str>, file_name: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    let boundary = "kehoach-test-boundary";
    let mut body = Vec::new();
    if let Some(csrf) = csrf {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\
             Content-Type: application/pdf\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

pub async fn upload(
    s: &Scene,
    who: &Browser,
    eid: i64,
    csrf: Option<&str>,
    bytes: &[u8],
) -> Response<String> {
    let (content_type, body) = multipart(csrf, "Quyết định số 12.pdf", bytes);
    s.app
        .send_full(
            Request::post(format!("/entries/{eid}/evidence"))
                .header(header::COOKIE, &who.cookie)
                .header(header::CONTENT_TYPE, content_type)
                .body(Body::from(body))
                .expect("request"),
        )
        .await
}

pub fn entry_form<'a>(
    csrf: &'a str,
    version: &'a str,
    results: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("version", version),
        ("status", "in-progress"),
        ("results", results),
        ("difficulties", "thiếu kinh phí"),
        ("recommendations", ""),
        ("evidence_number", "12/QĐ-SYT"),
        ("evidence_date", "2026-03-15"),
        ("evidence_file_id", ""),
        ("fund-state-budget", "1.500,5"),
        ("fund-oda", "200"),
    ]
}
