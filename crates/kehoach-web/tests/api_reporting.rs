//! The reporting JSON API: bearer tokens for writes, entry saves (group
//! commit), conflicts, submission, contributions, and the OpenAPI document.

mod common;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use common::{app_with, App, PASSWORD};
use kehoach_store::reporting::periods::GenerationOptions;
use kehoach_store::{Actor, NewUser, Principal, Role};
use serde_json::{json, Value};

/// Calls the API: bearer token and/or cookie, JSON body; the answer as JSON.
async fn call(
    app: &App,
    method: Method,
    path: &str,
    token: Option<&str>,
    cookie: Option<&str>,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut request = Request::builder().method(method).uri(path);
    if let Some(t) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    if let Some(c) = cookie {
        request = request.header(header::COOKIE, c);
    }
    let body = match body {
        Some(v) => {
            request = request.header(header::CONTENT_TYPE, "application/json");
            Body::from(v.to_string())
        }
        None => Body::empty(),
    };
    let response = app.send_full(request.body(body).expect("request")).await;
    let status = response.status();
    let json = serde_json::from_str(response.body()).unwrap_or(Value::Null);
    (status, json)
}

async fn token(app: &App, login: &str) -> String {
    let (status, body) = call(
        app,
        Method::POST,
        "/api/session",
        None,
        None,
        Some(json!({ "login": login, "password": PASSWORD })),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body["expires_at"].as_i64().is_some_and(|t| t > 0));
    body["token"].as_str().expect("a token").to_string()
}

/// Bến Tre 2018 with its 2026 period open, and a reporter `other` for an
/// agency that is not the health department's.
async fn reporting_app() -> (App, i64) {
    let app = app_with(&["ben-tre-2018"]).await;
    let dpi = Principal::from(
        &app.store
            .user_by_login("dpi")
            .await
            .expect("user")
            .expect("dpi"),
    );
    let plan = app.store.plans(false).await.expect("plans")[0].id;
    let period = app
        .store
        .generate_periods(&dpi, plan, 2026, &GenerationOptions::default())
        .await
        .expect("generate")
        .periods[0]
        .id;
    app.store.open_period(&dpi, period).await.expect("open");
    let labour = app
        .store
        .find_agency("Sở Lao động - Thương binh và Xã hội")
        .await
        .expect("find")
        .expect("the labour department leads tasks in Bến Tre 2018");
    app.store
        .create_user(
            NewUser {
                login: "other",
                display_name: "other",
                role: Role::Reporter,
                agency_id: Some(labour),
                password: PASSWORD,
            },
            &Actor::command_line(),
        )
        .await
        .expect("user");
    (app, period)
}

fn entry_body(version: i64, status: &str) -> Value {
    json!({
        "version": version,
        "status": status,
        "results": "<script>alert(1)</script> đã triển khai",
        "evidence_number": "12/KH-UBND",
        "evidence_date": "2026-03-01",
        "funds": [{ "source": "state-budget", "amount": 1500.5 }, { "source": "oda", "amount": 200 }],
    })
}

#[tokio::test]
async fn writes_take_a_bearer_token_only_and_refuse_other_agencies() {
    let (app, period) = reporting_app().await;
    let health = token(&app, "syt").await;
    let (status, report) = call(
        &app,
        Method::GET,
        &format!("/api/periods/{period}/my-report"),
        Some(&health),
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    // Sở Y tế leads 35 tasks of Bến Tre 2018 (as the store's scene asserts).
    assert_eq!(report["entries"].as_array().map(Vec::len), Some(35));
    assert_eq!(report["state"], "draft");
    let entry = report["entries"][0]["id"].as_i64().expect("entry id");
    let version = report["entries"][0]["version"].as_i64().expect("version");
    let path = format!("/api/entries/{entry}");
    let stored_version = |app: &App| {
        let store = app.store.clone();
        async move {
            let dpi = Principal::system("test");
            store.entry(&dpi, entry).await.expect("entry").row.version
        }
    };

    // No credentials: 401 as JSON.
    let (status, body) = call(
        &app,
        Method::PUT,
        &path,
        None,
        None,
        Some(entry_body(version, "done")),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["error"], "loginneeded");
    // The session cookie alone does not write (no CSRF hole), though it reads.
    let browser = app.sign_in("syt").await;
    let (status, _) = call(
        &app,
        Method::PUT,
        &path,
        None,
        Some(&browser.cookie),
        Some(entry_body(version, "done")),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let rid = report["id"].as_i64().expect("report id");
    let (status, read) = call(
        &app,
        Method::GET,
        &format!("/api/reports/{rid}"),
        None,
        Some(&browser.cookie),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(read["id"], rid);
    // A made-up token is refused.
    let (status, _) = call(
        &app,
        Method::PUT,
        &path,
        Some("not-a-token"),
        None,
        Some(entry_body(version, "done")),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // Another agency's reporter: 403, on reading and on writing.
    let other = token(&app, "other").await;
    let (status, _) = call(
        &app,
        Method::PUT,
        &path,
        Some(&other),
        None,
        Some(entry_body(version, "late")),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = call(
        &app,
        Method::GET,
        &format!("/api/reports/{rid}"),
        Some(&other),
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(stored_version(&app).await, version, "nothing was written");

    // The agency's own reporter saves; the answer is the entry as stored.
    let (status, saved) = call(
        &app,
        Method::PUT,
        &path,
        Some(&health),
        None,
        Some(entry_body(version, "done")),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved["version"], version + 1);
    assert_eq!(saved["status"], "done");
    assert_eq!(
        saved["funds"],
        json!([["state-budget", 1500.5], ["oda", 200.0]])
    );
    assert_eq!(saved["results"], "<script>alert(1)</script> đã triển khai");
    assert_eq!(stored_version(&app).await, version + 1);

    // A save on top of the old version: 409 with what is stored.
    let (status, conflict) = call(
        &app,
        Method::PUT,
        &path,
        Some(&health),
        None,
        Some(entry_body(version, "late")),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(conflict["error"], "conflict");
    assert_eq!(conflict["current"]["kind"], "entry");
    assert_eq!(conflict["current"]["version"], version + 1);
    assert_eq!(conflict["current"]["status"], "done");

    // Bad input: a JSON 400, nothing written.
    let (status, bad) = call(
        &app,
        Method::PUT,
        &path,
        Some(&health),
        None,
        Some(entry_body(version + 1, "finished")),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(bad["error"], "badrequest");
    let (status, _) = call(
        &app,
        Method::PUT,
        &path,
        Some(&health),
        None,
        Some(json!({ "status": "done" })),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "the version is required");
    assert_eq!(stored_version(&app).await, version + 1);

    // Submitted: the report is locked against saves (423).
    let (status, submitted) = call(
        &app,
        Method::POST,
        &format!("/api/reports/{rid}/submit"),
        Some(&health),
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{submitted}");
    assert_eq!(submitted["state"], "submitted");
    assert_eq!(submitted["on_time"], 1);
    let (status, locked) = call(
        &app,
        Method::PUT,
        &path,
        Some(&health),
        None,
        Some(entry_body(version + 1, "late")),
    )
    .await;
    assert_eq!(status, StatusCode::LOCKED);
    assert_eq!(locked["error"], "locked");
    // Submitting needs the bearer token too.
    let (status, _) = call(
        &app,
        Method::POST,
        &format!("/api/reports/{rid}/submit"),
        None,
        Some(&browser.cookie),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // Logging out ends the token.
    let (status, _) = call(
        &app,
        Method::DELETE,
        "/api/session",
        Some(&health),
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = call(
        &app,
        Method::GET,
        &format!("/api/reports/{rid}"),
        Some(&health),
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn periods_show_compliance_as_far_as_the_caller_may_see() {
    let (app, period) = reporting_app().await;
    let path = format!("/api/periods/{period}");
    let dpi = token(&app, "dpi").await;
    let (status, body) = call(&app, Method::GET, &path, Some(&dpi), None, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["period"]["label"], "Năm 2026");
    assert_eq!(body["period"]["state"], "open");
    assert_eq!(body["period"]["agency_due_on"], "2026-11-30");
    // 26 agencies answer for Bến Tre 2018's tasks (the store's compliance test).
    assert_eq!(body["compliance"].as_array().map(Vec::len), Some(26));
    let health = token(&app, "syt").await;
    let (_, mine) = call(&app, Method::GET, &path, Some(&health), None, None).await;
    let rows = mine["compliance"].as_array().expect("rows");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["agency_name"], "Sở Y tế");
    // The public: 401.
    let (status, _) = call(&app, Method::GET, &path, None, None, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // A leader reads but has no report of its own.
    let leader = token(&app, "leader").await;
    let (status, _) = call(&app, Method::GET, &path, Some(&leader), None, None).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = call(
        &app,
        Method::GET,
        &format!("{path}/my-report"),
        Some(&leader),
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn contributions_and_indicator_values_are_written_by_bearer() {
    let (app, period) = reporting_app().await;
    // A task the health department coordinates (not leads) in the plan.
    let health_id = app
        .store
        .find_agency("Sở Y tế")
        .await
        .expect("find")
        .expect("id");
    let task = app
        .store
        .agency_tasks(health_id)
        .await
        .expect("tasks")
        .into_iter()
        .find(|t| t.role == "coordinating")
        .expect("Sở Y tế coordinates some task")
        .task_id;
    let path = format!("/api/periods/{period}/contributions/{task}");
    let body = json!({ "text": "Phối hợp tuyên truyền", "submit": false });
    let browser = app.sign_in("syt").await;
    let (status, _) = call(
        &app,
        Method::PUT,
        &path,
        None,
        Some(&browser.cookie),
        Some(body.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let health = token(&app, "syt").await;
    let (status, saved) = call(
        &app,
        Method::PUT,
        &path,
        Some(&health),
        None,
        Some(body.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved["text"], "Phối hợp tuyên truyền");
    assert_eq!(saved["agency_id"], health_id);
    let version = saved["version"].as_i64().expect("version");
    // Writing the first version again: someone already did.
    let (status, conflict) = call(&app, Method::PUT, &path, Some(&health), None, Some(body)).await;
    assert_eq!(status, StatusCode::CONFLICT, "{conflict}");
    assert_eq!(conflict["current"]["kind"], "contribution");
    assert_eq!(conflict["current"]["version"], version);
    let (status, sent) = call(
        &app,
        Method::PUT,
        &path,
        Some(&health),
        None,
        Some(json!({ "text": "Đã phối hợp", "version": version, "submit": true })),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{sent}");
    assert!(sent["submitted_at"].as_i64().is_some());

    // Indicator values: a status outside the vocabulary is a 400, cookies do not write.
    let (_, report) = call(
        &app,
        Method::GET,
        &format!("/api/periods/{period}/my-report"),
        Some(&health),
        None,
        None,
    )
    .await;
    let rid = report["id"].as_i64().expect("report id");
    let values = json!({ "values": [{ "indicator_id": 1, "year": 2026, "value": 12.5, "status": "guess" }] });
    let ipath = format!("/api/reports/{rid}/indicators");
    let (status, _) = call(
        &app,
        Method::POST,
        &ipath,
        None,
        Some(&browser.cookie),
        Some(values.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, bad) = call(
        &app,
        Method::POST,
        &ipath,
        Some(&health),
        None,
        Some(values),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
    let (status, none) = call(
        &app,
        Method::POST,
        &ipath,
        Some(&health),
        None,
        Some(json!({ "values": [] })),
    )
    .await;
    assert_eq!((status, none), (StatusCode::OK, json!([])));
}

#[tokio::test]
async fn token_logins_are_throttled_like_the_login_page() {
    let app = app_with(&[]).await;
    for _ in 0..5 {
        let (status, body) = call(
            &app,
            Method::POST,
            "/api/session",
            None,
            None,
            Some(json!({ "login": "dpi", "password": "wrong password" })),
        )
        .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(body["error"], "loginneeded");
    }
    let (status, body) = call(
        &app,
        Method::POST,
        "/api/session",
        None,
        None,
        Some(json!({ "login": "dpi", "password": PASSWORD })),
    )
    .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(body["error"], "throttled");
    let (status, _) = call(
        &app,
        Method::POST,
        "/api/session",
        None,
        None,
        Some(json!({ "login": "x" })),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_openapi_document_lists_the_reporting_api() {
    let app = app_with(&[]).await;
    let (status, doc) = call(&app, Method::GET, "/api/openapi.json", None, None, None).await;
    assert_eq!(status, StatusCode::OK);
    let paths = doc["paths"].as_object().expect("paths");
    for path in [
        "/api/session",
        "/api/periods/{id}",
        "/api/periods/{id}/my-report",
        "/api/reports/{rid}",
        "/api/reports/{rid}/submit",
        "/api/reports/{rid}/indicators",
        "/api/entries/{eid}",
        "/api/periods/{id}/contributions/{task_id}",
        "/api/plans",
    ] {
        assert!(paths.contains_key(path), "{path} missing");
    }
    let put = &doc["paths"]["/api/entries/{eid}"]["put"];
    assert!(put["responses"]["409"].is_object());
    assert!(put["responses"]["423"].is_object());
    assert_eq!(put["security"], json!([{ "bearer": [] }]));
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    assert!(doc["paths"]["/api/session"]["delete"].is_object());
}
