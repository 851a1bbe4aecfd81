//! Who may do what on the reporting chain, through the routes people and
//! programs use, as one table: every page and action of the chain × the
//! public, two agencies' reporters, a leader, DPI and an administrator, on
//! SQLite and on PostgreSQL. The rows follow a report's life (draft,
//! submitted, returned, accepted, unlocked), so each action is tried where
//! it could succeed. The JSON API's rows carry the session as a bearer
//! token, as programs do. A refused request must leave the audit log as it
//! was: every write is audited, so nothing was written.

mod common;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use common::{app_on, App, Backend, Browser};
use kehoach_store::reporting::Principal;
use kehoach_store::{Actor, NewUser, Role};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Public,
    /// Reporter of Sở Y tế, whose report the rows are about.
    A,
    /// Reporter of another agency.
    B,
    Leader,
    Dpi,
    Admin,
}

use Who::{Admin, Dpi, Leader, Public, A, B};

const EVERYONE: [Who; 6] = [Public, A, B, Leader, Dpi, Admin];
const SIGNED_IN: &[Who] = &[A, B, Leader, Dpi, Admin];
const READS_ALL: &[Who] = &[Leader, Dpi, Admin];
const REVIEWERS: &[Who] = &[Dpi, Admin];

struct Row {
    what: &'static str,
    method: Method,
    path: String,
    /// Form fields beside the CSRF token (POST only).
    form: Vec<(String, String)>,
    /// A JSON API request: bearer token, this body.
    json: Option<String>,
    /// Who may. A GET is tried by all of them; a POST changes something, so
    /// only by the last of them (after everyone else was refused).
    allowed: &'static [Who],
}

fn get(what: &'static str, path: String, allowed: &'static [Who]) -> Row {
    Row {
        what,
        method: Method::GET,
        path,
        form: Vec::new(),
        json: None,
        allowed,
    }
}

/// A JSON API request (GET when `body` is None and `method` is GET).
fn api(
    what: &'static str,
    method: Method,
    path: String,
    body: Option<serde_json::Value>,
    allowed: &'static [Who],
) -> Row {
    Row {
        what,
        method,
        path,
        form: Vec::new(),
        json: Some(body.map_or_else(String::new, |b| b.to_string())),
        allowed,
    }
}

fn post(what: &'static str, path: String, form: &[(&str, &str)], allowed: &'static [Who]) -> Row {
    Row {
        what,
        method: Method::POST,
        path,
        form: form
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        json: None,
        allowed,
    }
}

struct Scene {
    app: App,
    browsers: Vec<(Who, Browser)>,
    plan: i64,
    period: i64,
    agency_a: i64,
    agency_b: i64,
}

impl Scene {
    fn browser(&self, who: Who) -> Option<&Browser> {
        self.browsers
            .iter()
            .find(|(w, _)| *w == who)
            .map(|(_, b)| b)
    }

    async fn audit_head(&self) -> i64 {
        self.app
            .store
            .audit_log(1)
            .await
            .expect("audit log")
            .first()
            .map_or(0, |e| e.id)
    }

    async fn send(&self, row: &Row, who: Who) -> StatusCode {
        let browser = self.browser(who);
        let mut request = Request::builder().method(row.method.clone()).uri(&row.path);
        if let Some(json) = &row.json {
            if let Some(token) = browser.and_then(|b| b.cookie.strip_prefix("kh_session=")) {
                request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
            }
            let body = if json.is_empty() {
                Body::empty()
            } else {
                request = request.header(header::CONTENT_TYPE, "application/json");
                Body::from(json.clone())
            };
            return self.app.send(request.body(body).expect("request")).await.0;
        }
        if let Some(b) = browser {
            request = request.header(header::COOKIE, &b.cookie);
        }
        let body = if row.method == Method::POST {
            let mut pairs = vec![(
                "csrf".to_string(),
                browser.map(|b| b.csrf.clone()).unwrap_or_default(),
            )];
            pairs.extend(row.form.iter().cloned());
            request = request.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
            Body::from(serde_urlencoded::to_string(&pairs).expect("form"))
        } else {
            Body::empty()
        };
        self.app.send(request.body(body).expect("request")).await.0
    }

    /// Tries the row as everyone: refusals first (nothing written), then
    /// the allowed.
    async fn check(&self, row: &Row) {
        let writes = row.method != Method::GET;
        for who in EVERYONE.iter().filter(|w| !row.allowed.contains(w)) {
            let before = self.audit_head().await;
            let status = self.send(row, *who).await;
            let expected = if *who == Public {
                [StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN]
            } else {
                [StatusCode::FORBIDDEN, StatusCode::NOT_FOUND]
            };
            assert!(
                expected.contains(&status),
                "{} ({} {}) as {who:?}: {status}, expected a refusal",
                row.what,
                row.method,
                row.path
            );
            assert_eq!(
                self.audit_head().await,
                before,
                "{} as {who:?} was refused but wrote something",
                row.what
            );
        }
        let acting: Vec<Who> = if writes {
            row.allowed.last().copied().into_iter().collect()
        } else {
            row.allowed.to_vec()
        };
        for who in acting {
            let status = self.send(row, who).await;
            assert!(
                status == StatusCode::OK
                    || status == StatusCode::SEE_OTHER
                    || status == StatusCode::NO_CONTENT,
                "{} ({} {}) as {who:?}: {status}, expected it to be allowed",
                row.what,
                row.method,
                row.path
            );
        }
    }
}

async fn scene(backend: Backend) -> Option<Scene> {
    let app = app_on(backend, &["ben-tre-2018"]).await?;
    let other = app
        .store
        .find_agency("Sở Tài nguyên và Môi trường")
        .await
        .expect("find")
        .expect("agency B");
    app.store
        .create_user(
            NewUser {
                login: "stnmt",
                display_name: "stnmt",
                role: Role::Reporter,
                agency_id: Some(other),
                password: common::PASSWORD,
            },
            &Actor::command_line(),
        )
        .await
        .expect("user B");
    let agency_a = app
        .store
        .find_agency("Sở Y tế")
        .await
        .expect("find")
        .expect("Sở Y tế");
    let plan = app.store.plans(false).await.expect("plans")[0].id;
    let system = Principal::system("test");
    let period = app
        .store
        .generate_periods(
            &system,
            plan,
            2026,
            &kehoach_store::reporting::periods::GenerationOptions::default(),
        )
        .await
        .expect("generate")
        .periods[0]
        .id;
    app.store.open_period(&system, period).await.expect("open");
    let mut browsers = Vec::new();
    for (who, login) in [
        (A, "syt"),
        (B, "stnmt"),
        (Leader, "leader"),
        (Dpi, "dpi"),
        (Admin, "admin"),
    ] {
        browsers.push((who, app.sign_in(login).await));
    }
    Some(Scene {
        app,
        browsers,
        plan,
        period,
        agency_a,
        agency_b: other,
    })
}

async fn rights_of_every_role_on_every_route(backend: Backend) {
    let Some(s) = scene(backend).await else {
        return;
    };
    let p = s.period;
    s.check(&get(
        "each reporter's own agency report, created as a draft",
        format!("/periods/{p}/my-report"),
        &[A, B],
    ))
    .await;
    let system = Principal::system("test");
    let report = s
        .app
        .store
        .report_for(&system, p, s.agency_a)
        .await
        .expect("A's report");
    let rid = report.row.id;
    let entry = report.entries[0].row.clone();
    let eid = entry.id;
    let version = entry.version.to_string();
    // A task A's agency coordinates and B's does not.
    let b_coordinates: Vec<i64> = s
        .app
        .store
        .coordinated_tasks(&system, p, s.agency_b)
        .await
        .expect("coordinated by B")
        .into_iter()
        .map(|t| t.task_id)
        .collect();
    let shared_task = s
        .app
        .store
        .coordinated_tasks(&system, p, s.agency_a)
        .await
        .expect("coordinated by A")
        .into_iter()
        .map(|t| t.task_id)
        .find(|t| !b_coordinates.contains(t))
        .expect("a task A coordinates without B");

    let rows = vec![
        get("the open periods", "/reporting".into(), SIGNED_IN),
        get("a period's page", format!("/periods/{p}"), SIGNED_IN),
        get(
            "a plan's periods",
            format!("/plans/{}/periods", s.plan),
            SIGNED_IN,
        ),
        get("notifications", "/notifications".into(), SIGNED_IN),
        get(
            "A's draft report",
            format!("/reports/{rid}"),
            &[A, Leader, Dpi, Admin],
        ),
        get(
            "A's compliance over the years",
            format!("/agencies/{}/compliance", s.agency_a),
            &[A, Leader, Dpi, Admin],
        ),
        post(
            "save A's entry",
            format!("/entries/{eid}"),
            &[
                ("version", &version),
                ("status", "in-progress"),
                ("results", "đã triển khai"),
            ],
            &[A],
        ),
        get(
            "(API) the open period and its compliance",
            format!("/api/periods/{p}"),
            SIGNED_IN,
        ),
        api(
            "(API) A's report",
            Method::GET,
            format!("/api/reports/{rid}"),
            None,
            &[A, Leader, Dpi, Admin],
        ),
        api(
            "(API) save A's entry",
            Method::PUT,
            format!("/api/entries/{eid}"),
            Some(serde_json::json!({
                "version": entry.version + 1,
                "status": "done",
                "results": "đã hoàn thành",
                "funds": [{"source": "state-budget", "amount": 120.5}],
            })),
            &[A],
        ),
        get(
            "the tasks A's agency coordinates",
            format!("/periods/{p}/contributions"),
            &[A, B],
        ),
        post(
            "A's contribution to a task it coordinates",
            format!("/periods/{p}/contributions/{shared_task}"),
            &[("text", "phối hợp tuyên truyền"), ("action", "submit")],
            &[A],
        ),
        post(
            "remind A",
            format!("/periods/{p}/remind"),
            &[("agency_id", &s.agency_a.to_string())],
            REVIEWERS,
        ),
        post(
            "submit A's report",
            format!("/reports/{rid}/submit"),
            &[],
            &[A],
        ),
        get(
            "the review of A's report",
            format!("/reports/{rid}/review"),
            READS_ALL,
        ),
        post(
            "return A's report",
            format!("/reports/{rid}/return"),
            &[(&format!("comment_{eid}"), "bổ sung số liệu")],
            REVIEWERS,
        ),
        api(
            "(API) submit A's report again",
            Method::POST,
            format!("/api/reports/{rid}/submit"),
            None,
            &[A],
        ),
        post(
            "accept A's report",
            format!("/reports/{rid}/accept"),
            &[],
            REVIEWERS,
        ),
        get(
            "the consolidated view",
            format!("/periods/{p}/consolidation"),
            READS_ALL,
        ),
        get(
            "the consolidated workbook",
            format!("/periods/{p}/consolidation.xlsx"),
            READS_ALL,
        ),
        get(
            "compliance of the plan over the years",
            format!("/plans/{}/compliance", s.plan),
            SIGNED_IN,
        ),
        post(
            "unlock A's report",
            format!("/reports/{rid}/unlock"),
            &[("reason", "sửa số liệu theo Cục Thống kê")],
            REVIEWERS,
        ),
        post(
            "move the period's dates",
            format!("/periods/{p}/dates"),
            &[
                ("inputs_due_on", "2026-11-20"),
                ("agency_due_on", "2026-12-01"),
                ("consolidation_due_on", "2026-12-15"),
            ],
            REVIEWERS,
        ),
        post(
            "add a nine-month period",
            format!("/plans/{}/periods/add", s.plan),
            &[
                ("kind", "nine-months"),
                ("year", "2026"),
                ("agency_due_on", "2026-10-15"),
            ],
            REVIEWERS,
        ),
        post(
            "publish the period's results",
            format!("/periods/{p}/publish"),
            &[],
            REVIEWERS,
        ),
        post(
            "withdraw the period's results",
            format!("/periods/{p}/unpublish"),
            &[],
            REVIEWERS,
        ),
        post(
            "close the period",
            format!("/periods/{p}/close"),
            &[],
            REVIEWERS,
        ),
    ];
    for row in &rows {
        s.check(row).await;
    }
    // The table's actions happened, in order, and nothing else.
    let state = s
        .app
        .store
        .report(&system, rid)
        .await
        .expect("report")
        .row
        .state;
    assert_eq!(state, "returned", "unlocked after acceptance");
    s.app.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rights_on_sqlite() {
    rights_of_every_role_on_every_route(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rights_on_postgres() {
    rights_of_every_role_on_every_route(Backend::Postgres).await;
}
