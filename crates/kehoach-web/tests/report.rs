//! The agency reporters' pages (their report, entries, evidence, submit,
//! conflicts, contributions, indicator values) and who may do what, on
//! Bến Tre 2018's 2026 period. "syt" is reporter A (Sở Y tế), "stnmt"
//! reporter B (Sở Tài nguyên và Môi trường).

mod common;

use axum::body::Body;
use axum::http::{header, Request, Response, StatusCode};
use common::{app_with, App, Browser, PASSWORD};
use kehoach_store::reporting::entries::Entry;
use kehoach_store::reporting::periods::GenerationOptions;
use kehoach_store::reporting::Principal;
use kehoach_store::{Actor, NewUser, Role};

const AGENCY_B: &str = "Sở Tài nguyên và Môi trường";

/// Bến Tre 2018 with its 2026 period open, reporter B added.
struct Scene {
    app: App,
    period: i64,
    a: Browser,
    b: Browser,
    dpi: Browser,
    leader: Browser,
}

async fn scene() -> Scene {
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

async fn principal(app: &App, login: &str) -> Principal {
    Principal::from(
        &app.store
            .user_by_login(login)
            .await
            .expect("user")
            .expect("exists"),
    )
}

/// The year's periods of the (only) plan, generated and opened by DPI.
async fn open_periods(app: &App, year: i32) -> Vec<i64> {
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

fn location(response: &Response<String>) -> String {
    response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string()
}

/// A's report through /my-report (303 to /reports/{rid}).
async fn my_report(s: &Scene, who: &Browser) -> i64 {
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

async fn first_entry(s: &Scene, rid: i64) -> Entry {
    let dpi = principal(&s.app, "dpi").await;
    s.app.store.report(&dpi, rid).await.expect("report").entries[0].clone()
}

async fn entry(s: &Scene, eid: i64) -> Entry {
    let dpi = principal(&s.app, "dpi").await;
    s.app.store.entry(&dpi, eid).await.expect("entry")
}

fn multipart(csrf: Option<&str>, file_name: &str, bytes: &[u8]) -> (String, Vec<u8>) {
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

async fn upload(
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

fn entry_form<'a>(csrf: &'a str, version: &'a str, results: &'a str) -> Vec<(&'a str, &'a str)> {
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

#[tokio::test]
async fn a_reporter_fills_and_submits_its_own_report_and_nobody_elses() {
    let s = scene().await;
    let app = &s.app;
    // The public is sent to log in; a leader has no agency to report for.
    let (status, _) = app
        .get(&format!("/periods/{}/my-report", s.period), None)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = app
        .get(&format!("/periods/{}/my-report", s.period), Some(&s.leader))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let rid = my_report(&s, &s.a).await;
    let page = format!("/reports/{rid}");
    let (status, html) = app.get(&page, Some(&s.a)).await;
    assert_eq!(status, StatusCode::OK);
    // Sở Y tế leads 35 tasks of the plan: one entry (and one form) each.
    assert_eq!(html.matches("<section class=\"entry\"").count(), 35);
    assert_eq!(html.matches("class=\"entry-form\"").count(), 35);
    assert!(html.contains("Sở Y tế"));
    for label in [
        "Chưa triển khai",
        "Đang triển khai",
        "Hoàn thành",
        "Hoàn thành một phần",
        "Chậm tiến độ",
        "Không thực hiện",
    ] {
        assert!(
            html.contains(&format!(">{label}</option>")),
            "status {label}"
        );
    }
    assert!(html.contains("name=\"fund-state-budget\""));
    assert!(html.contains(&format!("action=\"/reports/{rid}/submit\"")));
    assert!(
        !html.contains("/review\""),
        "no review link for the reporter"
    );

    // B cannot read A's report, nor save one of its entries: nothing changes.
    let (status, _) = app.get(&page, Some(&s.b)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app.get(&page, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let first = first_entry(&s, rid).await;
    let eid = first.row.id;
    let version = first.row.version.to_string();
    let refused = app
        .post_form(
            &format!("/entries/{eid}"),
            Some(&s.b.cookie),
            &entry_form(&s.b.csrf, &version, "B writes"),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(entry(&s, eid).await, first, "B changed nothing");
    // B's own report is another one.
    assert_ne!(my_report(&s, &s.b).await, rid);

    // Without the form token nothing is stored.
    let mut no_token = entry_form("", &version, "no token");
    no_token.remove(0);
    let refused = app
        .post_form(&format!("/entries/{eid}"), Some(&s.a.cookie), &no_token)
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let forged = app
        .post_form(
            &format!("/entries/{eid}"),
            Some(&s.a.cookie),
            &entry_form("forged", &version, "forged"),
        )
        .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert_eq!(entry(&s, eid).await, first, "no token, no change");

    // A saves: a narrative with markup is stored as typed and shown escaped.
    let narrative = "<script>alert(1)</script> đã khám 1.200 lượt";
    let saved = app
        .post_form(
            &format!("/entries/{eid}"),
            Some(&s.a.cookie),
            &entry_form(&s.a.csrf, &version, narrative),
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&saved), format!("/reports/{rid}#entry-{eid}"));
    let stored = entry(&s, eid).await;
    assert_eq!(stored.row.results, narrative);
    assert_eq!(stored.row.status.as_deref(), Some("in-progress"));
    assert_eq!(stored.row.evidence_date.as_deref(), Some("2026-03-15"));
    assert_eq!(stored.row.version, first.row.version + 1);
    assert_eq!(
        stored.funds,
        [
            ("state-budget".to_string(), 1500.5),
            ("oda".to_string(), 200.0)
        ]
    );
    let (_, html) = app.get(&page, Some(&s.a)).await;
    assert!(html.contains("&#60;script&#62;alert(1)&#60;/script&#62; đã khám"));
    assert!(!html.contains("<script>alert(1)"));
    assert!(
        html.contains("value=\"1500,5\""),
        "the amount is given back as typed"
    );

    // DPI and the leader read it, without forms; DPI gets the review link.
    let (status, html) = app.get(&page, Some(&s.dpi)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("href=\"/reports/{rid}/review\"")));
    assert!(!html.contains("class=\"entry-form\""));
    assert!(html.contains("&#60;script&#62;alert(1)"));
    let (status, html) = app.get(&page, Some(&s.leader)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains("class=\"entry-form\""));
    assert!(!html.contains("/submit\""));
    assert!(!html.contains("/review\""));
    let refused = app
        .post_form(
            &format!("/reports/{rid}/submit"),
            Some(&s.leader.cookie),
            &[("csrf", &s.leader.csrf)],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let refused = app
        .post_form(
            &format!("/reports/{rid}/submit"),
            Some(&s.b.cookie),
            &[("csrf", &s.b.csrf)],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let refused = app
        .post_form(
            &format!("/reports/{rid}/submit"),
            Some(&s.a.cookie),
            &[("csrf", "forged")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let dpi = principal(app, "dpi").await;
    assert_eq!(
        app.store.report(&dpi, rid).await.expect("report").row.state,
        "draft"
    );

    // A submits: back to the report with the banner; nothing is editable any more.
    let submitted = app
        .post_form(
            &format!("/reports/{rid}/submit"),
            Some(&s.a.cookie),
            &[("csrf", &s.a.csrf)],
        )
        .await;
    assert_eq!(submitted.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&submitted), format!("/reports/{rid}?submitted=1"));
    let (_, html) = app.get(&location(&submitted), Some(&s.a)).await;
    assert!(html.contains("class=\"flash\""));
    assert!(html.contains("Đã gửi báo cáo"));
    assert!(!html.contains("class=\"entry-form\""));
    let after = app
        .post_form(
            &format!("/entries/{eid}"),
            Some(&s.a.cookie),
            &entry_form(&s.a.csrf, &stored.row.version.to_string(), "after submit"),
        )
        .await;
    assert_eq!(after.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        entry(&s, eid).await,
        stored,
        "a submitted report is not changed"
    );

    // DPI returns it with a comment on the entry: highlighted, and editable again.
    app.store
        .return_report(&dpi, rid, &[(eid, "Bổ sung số liệu <năm 2025>".into())])
        .await
        .expect("return");
    let (_, html) = app.get(&page, Some(&s.a)).await;
    assert!(html.contains("class=\"review-comment\""));
    assert!(html.contains("Bổ sung số liệu &#60;năm 2025&#62;"));
    assert_eq!(html.matches("class=\"entry-form\"").count(), 35);
    assert!(html.contains("Trả lại"), "the state, in words");
}

#[tokio::test]
async fn a_conflicting_save_shows_both_versions_and_saving_again_wins() {
    let s = scene().await;
    let app = &s.app;
    let rid = my_report(&s, &s.a).await;
    let first = first_entry(&s, rid).await;
    let eid = first.row.id;
    let read_version = first.row.version.to_string();
    let one = app
        .post_form(
            &format!("/entries/{eid}"),
            Some(&s.a.cookie),
            &entry_form(&s.a.csrf, &read_version, "bản của đồng nghiệp"),
        )
        .await;
    assert_eq!(one.status(), StatusCode::SEE_OTHER);
    let stored = entry(&s, eid).await;
    // A second tab still holds the version read before: refused, shown side by side.
    let two = app
        .post_form(
            &format!("/entries/{eid}"),
            Some(&s.a.cookie),
            &entry_form(&s.a.csrf, &read_version, "bản <b>của tôi</b>"),
        )
        .await;
    assert_eq!(two.status(), StatusCode::CONFLICT);
    let html = two.body();
    assert!(html.contains("class=\"yours\"") && html.contains("class=\"stored\""));
    assert!(
        html.contains("bản &#60;b&#62;của tôi&#60;/b&#62;"),
        "mine, as typed"
    );
    assert!(html.contains("bản của đồng nghiệp"), "the stored one");
    assert!(html.contains("Lưu bởi syt"), "who saved the stored one");
    assert!(html.contains(&format!(
        "name=\"version\" value=\"{}\"",
        stored.row.version
    )));
    assert_eq!(
        entry(&s, eid).await,
        stored,
        "the refused save changed nothing"
    );
    // Saving again from the conflict page (on top of the stored version) wins.
    let again = app
        .post_form(
            &format!("/entries/{eid}"),
            Some(&s.a.cookie),
            &entry_form(&s.a.csrf, &stored.row.version.to_string(), "bản của tôi"),
        )
        .await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    assert_eq!(entry(&s, eid).await.row.results, "bản của tôi");
}

#[tokio::test]
async fn evidence_is_limited_checked_and_downloaded_as_an_attachment() {
    let s = scene().await;
    let app = &s.app;
    let rid = my_report(&s, &s.a).await;
    let first = first_entry(&s, rid).await;
    let eid = first.row.id;
    let dpi = principal(app, "dpi").await;
    let pdf = b"%PDF-1.4 minh chung";

    // No token, or B on A's entry: refused and no file stored.
    assert_eq!(
        upload(&s, &s.a, eid, None, pdf).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        upload(&s, &s.b, eid, Some(&s.b.csrf), pdf).await.status(),
        StatusCode::FORBIDDEN
    );
    assert!(
        app.store.evidence_file(&dpi, 1).await.is_err(),
        "nothing stored"
    );

    // Over 10 MiB: 413 page, nothing stored.
    let big = vec![b'x'; 10 * 1024 * 1024 + 1];
    let refused = upload(&s, &s.a, eid, Some(&s.a.csrf), &big).await;
    assert_eq!(refused.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(refused.body().contains("<html"), "a page");
    assert!(
        app.store.evidence_file(&dpi, 1).await.is_err(),
        "nothing stored"
    );
    assert_eq!(entry(&s, eid).await, first);

    let done = upload(&s, &s.a, eid, Some(&s.a.csrf), pdf).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let fid = entry(&s, eid).await.row.evidence_file_id.expect("attached");
    let (_, html) = app.get(&format!("/reports/{rid}"), Some(&s.a)).await;
    assert!(html.contains(&format!("href=\"/evidence/{fid}\"")));

    let download = |who: Option<&Browser>| {
        let mut request = Request::get(format!("/evidence/{fid}"));
        if let Some(b) = who {
            request = request.header(header::COOKIE, &b.cookie);
        }
        app.send_full(request.body(Body::empty()).expect("request"))
    };
    let got = download(Some(&s.a)).await;
    assert_eq!(got.status(), StatusCode::OK);
    assert_eq!(got.body().as_bytes(), pdf);
    let disposition = got.headers()[header::CONTENT_DISPOSITION]
        .to_str()
        .expect("ascii");
    assert!(disposition.starts_with("attachment; filename=\""));
    assert!(disposition.contains("filename*=UTF-8''Quy%E1%BA%BFt"));
    assert_eq!(got.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(got.headers()[header::CONTENT_TYPE], "application/pdf");
    assert_eq!(download(Some(&s.leader)).await.status(), StatusCode::OK);
    assert_eq!(download(Some(&s.dpi)).await.status(), StatusCode::OK);
    assert_eq!(download(Some(&s.b)).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(download(None).await.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn coordinating_agencies_write_contributions_the_lead_reads() {
    let s = scene().await;
    let app = &s.app;
    let health = app
        .store
        .find_agency("Sở Y tế")
        .await
        .expect("find")
        .expect("syt");
    let plan = app.store.plans(false).await.expect("plans")[0].id;
    let mut coordinated: Vec<i64> = app
        .store
        .agency_tasks(health)
        .await
        .expect("tasks")
        .into_iter()
        .filter(|t| t.role == "coordinating" && t.plan_id == plan)
        .map(|t| t.task_id)
        .collect();
    coordinated.dedup();
    assert!(!coordinated.is_empty());
    let path = format!("/periods/{}/contributions", s.period);
    let (status, html) = app.get(&path, Some(&s.a)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        html.matches("<section class=\"entry\"").count(),
        coordinated.len()
    );
    let (status, _) = app.get(&path, Some(&s.leader)).await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "a leader coordinates nothing"
    );
    let (status, _) = app.get(&path, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let task = coordinated[0];
    let post = format!("/periods/{}/contributions/{task}", s.period);
    let refused = app
        .post_form(
            &post,
            Some(&s.a.cookie),
            &[("version", ""), ("text", "x"), ("action", "save")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN, "no token");
    let a = principal(app, "syt").await;
    assert!(app
        .store
        .contributions_for(&a, s.period, task)
        .await
        .expect("read")
        .is_empty());

    let sent = app
        .post_form(
            &post,
            Some(&s.a.cookie),
            &[
                ("csrf", &s.a.csrf),
                ("version", ""),
                ("text", "Sở Y tế đã phối hợp <i>tốt</i>"),
                ("action", "submit"),
            ],
        )
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let mine = app
        .store
        .contributions_for(&a, s.period, task)
        .await
        .expect("read");
    assert_eq!(mine.len(), 1);
    assert!(mine[0].submitted_at.is_some());
    // A second tab writing "the first one" again: the conflict page shows both.
    let stale = app
        .post_form(
            &post,
            Some(&s.a.cookie),
            &[
                ("csrf", &s.a.csrf),
                ("version", ""),
                ("text", "bản khác"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    assert!(stale.body().contains("bản khác"));
    assert!(stale
        .body()
        .contains("Sở Y tế đã phối hợp &#60;i&#62;tốt&#60;/i&#62;"));
    assert!(stale
        .body()
        .contains(&format!("name=\"version\" value=\"{}\"", mine[0].version)));
    // B does not coordinate this task for A's agency: refused, nothing stored.
    let refused = app
        .post_form(
            &post,
            Some(&s.b.cookie),
            &[
                ("csrf", &s.b.csrf),
                ("version", ""),
                ("text", "B"),
                ("action", "save"),
            ],
        )
        .await;
    assert!(refused.status().is_client_error());
    assert_eq!(
        app.store
            .contributions_for(&a, s.period, task)
            .await
            .expect("read"),
        mine
    );

    // The lead agency's report shows it beside the task's entry (read by DPI).
    let dpi = principal(app, "dpi").await;
    let mut lead = None;
    for agency in app.store.agencies().await.expect("agencies") {
        let leads = app.store.agency_tasks(agency.id).await.expect("tasks");
        if leads.iter().any(|t| t.task_id == task && t.role == "lead") {
            lead = Some(agency.id);
            break;
        }
    }
    let lead = lead.expect("the task has a lead agency");
    let report = app
        .store
        .report_for(&dpi, s.period, lead)
        .await
        .expect("the lead's report");
    let (status, html) = app
        .get(&format!("/reports/{}", report.row.id), Some(&s.dpi))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Sở Y tế đã phối hợp &#60;i&#62;tốt&#60;/i&#62;"));
    assert!(html.contains("<strong>Sở Y tế</strong> · Đã gửi"));
}
