//! Reporting periods of a plan: generated from its rules, opened, closed; who may.

mod common;

use axum::http::StatusCode;
use common::app_with;

#[tokio::test]
async fn dpi_generates_and_opens_the_years_periods_with_the_deadline_conflicts_shown() {
    let app = app_with(&["kien-giang"]).await;
    let plan = app.store.plans(false).await.expect("plans")[0].clone();
    let dpi = app.sign_in("dpi").await;
    let path = format!("/plans/{}/periods", plan.id);
    let (status, empty) = app.get(&path, Some(&dpi)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(empty.contains("Chưa có kỳ báo cáo nào."));
    // Kiên Giang states two deadlines for the same report: the import's note is shown here.
    assert!(
        empty.contains("class=\"note warning\""),
        "the conflicting-deadline note"
    );

    let made = app
        .post_form(
            &path,
            Some(&dpi.cookie),
            &[("csrf", &dpi.csrf), ("year", "2026")],
        )
        .await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let (_, listed) = app.get(&path, Some(&dpi)).await;
    assert!(
        listed.contains("30/11/2026"),
        "the agencies' due date, dd/mm/yyyy"
    );
    assert!(listed.contains("Chưa mở"));
    let period = app
        .store
        .periods_of_plan(
            &kehoach_store::reporting::Principal::from(
                &app.store
                    .user_by_login("dpi")
                    .await
                    .expect("user")
                    .expect("dpi"),
            ),
            plan.id,
        )
        .await
        .expect("periods")[0]
        .clone();
    let open = format!("/periods/{}/open", period.id);
    let opened = app
        .post_form(&open, Some(&dpi.cookie), &[("csrf", &dpi.csrf)])
        .await;
    assert_eq!(opened.status(), StatusCode::SEE_OTHER);
    let (_, listed) = app.get(&path, Some(&dpi)).await;
    assert!(listed.contains("Đang mở"));

    // The consolidated table downloads as a real workbook (empty of reports yet).
    let xlsx = app
        .send_full(
            axum::http::Request::get(format!("/periods/{}/consolidation.xlsx", period.id))
                .header(axum::http::header::COOKIE, &dpi.cookie)
                .body(axum::body::Body::empty())
                .expect("request"),
        )
        .await;
    assert_eq!(xlsx.status(), StatusCode::OK);
    assert!(xlsx
        .headers()
        .get(axum::http::header::CONTENT_DISPOSITION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains(".xlsx")));
    let reporter = app.sign_in("syt").await;
    let (status, _) = app
        .get(
            &format!("/periods/{}/consolidation.xlsx", period.id),
            Some(&reporter),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "a reporter reads only its own agency's work"
    );

    // A leader reads, and may not open or close; the public sees nothing;
    // a forged token is refused.
    let leader = app.sign_in("leader").await;
    let (status, read) = app.get(&path, Some(&leader)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!read.contains("/close\""), "no buttons for a leader");
    let refused = app
        .post_form(
            &format!("/periods/{}/close", period.id),
            Some(&leader.cookie),
            &[("csrf", &leader.csrf)],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let (status, _) = app.get(&path, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let forged = app
        .post_form(&open, Some(&dpi.cookie), &[("csrf", "forged")])
        .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
}

/// The reporting entry page lists open periods with each role's links; DPI
/// moves a period's due dates (kept in order, refused to others).
#[tokio::test]
async fn open_periods_are_listed_and_dpi_moves_their_dates() {
    let app = app_with(&["ben-tre-2018"]).await;
    let plan = app.store.plans(false).await.expect("plans")[0].clone();
    let dpi = app.sign_in("dpi").await;
    let (status, none) = app.get("/reporting", Some(&dpi)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(none.contains("Chưa có kỳ báo cáo nào đang mở."));
    let generated = app
        .post_form(
            &format!("/plans/{}/periods", plan.id),
            Some(&dpi.cookie),
            &[("csrf", &dpi.csrf), ("year", "2026")],
        )
        .await;
    assert_eq!(generated.status(), StatusCode::SEE_OTHER);
    let principal = kehoach_store::reporting::Principal::system("test");
    let period = app
        .store
        .periods_of_plan(&principal, plan.id)
        .await
        .expect("periods")[0]
        .clone();
    let (_, listed) = app.get("/reporting", Some(&dpi)).await;
    assert!(
        !listed.contains(&format!("/periods/{}\"", period.id)),
        "a period not yet open is not listed"
    );
    app.store
        .open_period(&principal, period.id)
        .await
        .expect("open");

    let (_, listed) = app.get("/reporting", Some(&dpi)).await;
    assert!(listed.contains(&format!("href=\"/periods/{}\"", period.id)));
    assert!(listed.contains("30/11/2026"));
    assert!(
        !listed.contains("/my-report"),
        "DPI has no agency report of its own"
    );
    let reporter = app.sign_in("syt").await;
    let (_, mine) = app.get("/reporting", Some(&reporter)).await;
    assert!(mine.contains(&format!("/periods/{}/my-report", period.id)));
    assert!(mine.contains(&format!("/periods/{}/contributions", period.id)));
    let (status, _) = app.get("/reporting", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let dates = format!("/periods/{}/dates", period.id);
    let fields = |csrf: &str, agency: &str| {
        vec![
            ("csrf".to_string(), csrf.to_string()),
            ("inputs_due_on".to_string(), "2026-11-20".to_string()),
            ("agency_due_on".to_string(), agency.to_string()),
            ("consolidation_due_on".to_string(), "2026-12-15".to_string()),
        ]
    };
    let post = |cookie: String, form: Vec<(String, String)>| {
        let app = &app;
        let path = dates.clone();
        async move {
            let pairs: Vec<(&str, &str)> =
                form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            app.post_form(&path, Some(&cookie), &pairs).await.status()
        }
    };
    let leader = app.sign_in("leader").await;
    assert_eq!(
        post(leader.cookie.clone(), fields(&leader.csrf, "2026-12-01")).await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        post(
            reporter.cookie.clone(),
            fields(&reporter.csrf, "2026-12-01")
        )
        .await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        post(dpi.cookie.clone(), fields("forged", "2026-12-01")).await,
        StatusCode::FORBIDDEN
    );
    // Out of order: agencies due after the consolidation.
    assert_eq!(
        post(dpi.cookie.clone(), fields(&dpi.csrf, "2026-12-20")).await,
        StatusCode::BAD_REQUEST
    );
    let unchanged = app
        .store
        .period(&principal, period.id)
        .await
        .expect("period");
    assert_eq!(unchanged.agency_due_on, "2026-11-30");
    assert_eq!(
        post(dpi.cookie.clone(), fields(&dpi.csrf, "2026-12-01")).await,
        StatusCode::SEE_OTHER
    );
    let moved = app
        .store
        .period(&principal, period.id)
        .await
        .expect("period");
    assert_eq!(
        (
            moved.inputs_due_on.as_str(),
            moved.agency_due_on.as_str(),
            moved.consolidation_due_on.as_str()
        ),
        ("2026-11-20", "2026-12-01", "2026-12-15")
    );
    let (_, page) = app
        .get(&format!("/periods/{}", period.id), Some(&dpi))
        .await;
    assert!(page.contains("01/12/2026"));
    assert!(page.contains(
        "action=\"/periods/{}/dates\""
            .replace("{}", &period.id.to_string())
            .as_str()
    ));
}

/// DPI adds a nine-month period by hand; a kind that does not exist is a
/// 400 and a leader is refused, with nothing added.
#[tokio::test]
async fn dpi_adds_a_nine_month_period() {
    let app = app_with(&["ben-tre-2018"]).await;
    let plan = app.store.plans(false).await.expect("plans")[0].clone();
    let dpi = app.sign_in("dpi").await;
    let leader = app.sign_in("leader").await;
    let path = format!("/plans/{}/periods/add", plan.id);
    let form = |csrf: &str, kind: &str| {
        vec![
            ("csrf".to_string(), csrf.to_string()),
            ("kind".to_string(), kind.to_string()),
            ("year".to_string(), "2026".to_string()),
            ("part".to_string(), "0".to_string()),
            ("agency_due_on".to_string(), "2026-10-15".to_string()),
        ]
    };
    let send = |cookie: &str, fields: Vec<(String, String)>| {
        let (app, path, cookie) = (&app, path.clone(), cookie.to_string());
        async move {
            let pairs: Vec<(&str, &str)> = fields
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            app.post_form(&path, Some(&cookie), &pairs).await.status()
        }
    };
    assert_eq!(
        send(&leader.cookie, form(&leader.csrf, "nine-months")).await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        send(&dpi.cookie, form(&dpi.csrf, "fortnightly")).await,
        StatusCode::BAD_REQUEST
    );
    let (_, before) = app
        .get(&format!("/plans/{}/periods", plan.id), Some(&dpi))
        .await;
    assert!(before.contains("Chưa có kỳ báo cáo nào."));
    assert!(before.contains("action=\"/plans/") && before.contains("/periods/add\""));
    assert_eq!(
        send(&dpi.cookie, form(&dpi.csrf, "nine-months")).await,
        StatusCode::SEE_OTHER
    );
    let (_, after) = app
        .get(&format!("/plans/{}/periods", plan.id), Some(&dpi))
        .await;
    assert!(after.contains("9 tháng năm 2026"));
    assert!(after.contains("15/10/2026"));
    assert_eq!(
        send(&dpi.cookie, form(&dpi.csrf, "nine-months")).await,
        StatusCode::BAD_REQUEST,
        "the same period twice"
    );
}

/// The phase evaluation page: the plan's phases, the chosen one's tasks.
#[tokio::test]
async fn the_phase_evaluation_lists_the_phases_and_every_task() {
    let app = app_with(&["ben-tre-2018"]).await;
    let plan = app.store.plans(false).await.expect("plans")[0].id;
    let phases = app.store.plan_phases(plan).await.expect("phases");
    assert!(!phases.is_empty(), "Bến Tre 2018 states its phases");
    let (from, to) = phases[phases.len() - 1];
    let path = format!("/plans/{plan}/phase?from={from}&to={to}");
    let dpi = app.sign_in("dpi").await;
    let (status, page) = app.get(&path, Some(&dpi)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(&format!("<strong>{from}–{to}</strong>")));
    assert_eq!(
        page.matches("<tr>").count(),
        342 + 1,
        "every task and the header"
    );
    assert!(page.contains("Chưa có báo cáo được chấp nhận: <strong>342</strong>"));
    let (_, plan_page) = app.get(&format!("/plans/{plan}"), Some(&dpi)).await;
    assert!(plan_page.contains(&format!("href=\"/plans/{plan}/phase\"")));
    let leader = app.sign_in("leader").await;
    let (status, _) = app.get(&path, Some(&leader)).await;
    assert_eq!(status, StatusCode::OK);
    let reporter = app.sign_in("syt").await;
    let (status, _) = app.get(&path, Some(&reporter)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app.get(&path, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}
