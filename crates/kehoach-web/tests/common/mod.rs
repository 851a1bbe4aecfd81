//! Router tests in process: the real router over a real store with corpus
//! documents imported: an SQLite file in a temporary folder, or (`app_on`)
//! a fresh database on the PostgreSQL server named by KEHOACH_TEST_POSTGRES.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::PathBuf;

use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{header, Request, Response, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use kehoach_import::ImportOptions;
use kehoach_store::{Actor, NewUser, Role, Store};
use tower::ServiceExt;

pub const PASSWORD: &str = "mật khẩu thử nghiệm";

pub struct App {
    pub store: Store,
    pub router: Router,
    dir: PathBuf,
    /// (server URL, database) of a PostgreSQL test database, dropped by `finish`.
    postgres: Option<(String, String)>,
}

impl Drop for App {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The store's URL for a new test database on `backend`; None when no
/// PostgreSQL server is configured and none is required.
async fn test_database(
    backend: Backend,
    dir: &std::path::Path,
) -> Option<(String, Option<(String, String)>)> {
    match backend {
        Backend::Sqlite => Some((format!("sqlite://{}", dir.join("t.db").display()), None)),
        Backend::Postgres => {
            use sqlx::Connection;
            let server = match std::env::var("KEHOACH_TEST_POSTGRES") {
                Ok(url) if !url.is_empty() => url,
                _ => {
                    assert!(
                        std::env::var("KEHOACH_REQUIRE_POSTGRES").as_deref() != Ok("1"),
                        "KEHOACH_REQUIRE_POSTGRES=1 but KEHOACH_TEST_POSTGRES is not set"
                    );
                    eprintln!("skipped on PostgreSQL: set KEHOACH_TEST_POSTGRES (scripts/postgres.sh prints a URL)");
                    return None;
                }
            };
            let name = format!(
                "kehoach_webtest_{}",
                &kehoach_store::accounts::random_token()[..16]
            );
            let mut admin = sqlx::postgres::PgConnection::connect(&server)
                .await
                .expect("connect to the PostgreSQL test server");
            sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .execute(&mut admin)
                .await
                .expect("create a test database");
            admin.close().await.ok();
            let (base, query) = server
                .split_once('?')
                .map_or((server.as_str(), None), |(b, q)| (b, Some(q)));
            let base = base
                .rfind('/')
                .filter(|&i| i > "postgres://".len())
                .map_or(base, |i| &base[..i]);
            let url = match query {
                Some(q) => format!("{base}/{name}?{q}"),
                None => format!("{base}/{name}"),
            };
            Some((url, Some((server.clone(), name))))
        }
    }
}

impl App {
    /// Closes the store and drops a PostgreSQL test database.
    pub async fn finish(mut self) {
        self.store.close().await;
        if let Some((server, name)) = self.postgres.take() {
            use sqlx::Connection;
            if let Ok(mut admin) = sqlx::postgres::PgConnection::connect(&server).await {
                let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                    "DROP DATABASE IF EXISTS {name}"
                )))
                .execute(&mut admin)
                .await;
            }
        }
    }
}

/// A store with the given corpus documents (file name prefixes) imported,
/// and one account per role: admin, dpi (coordinator), syt (reporter for
/// Sở Y tế, when that agency exists), leader; all with `PASSWORD`.
pub async fn app_with(documents: &[&str]) -> App {
    app_on(Backend::Sqlite, documents)
        .await
        .expect("SQLite is always there")
}

/// `app_with` on the given backend; None when PostgreSQL is not configured
/// (and not required).
pub async fn app_on(backend: Backend, documents: &[&str]) -> Option<App> {
    let dir = std::env::temp_dir().join(format!(
        "kehoach-web-test-{}",
        kehoach_store::accounts::random_token()
    ));
    let (url, postgres) = test_database(backend, &dir).await?;
    let store = Store::open(&url).await.expect("open store");
    let corpus = kehoach_import::corpus::corpus_dir().expect("corpus");
    let files = kehoach_import::corpus::corpus_documents(&corpus).expect("corpus files");
    for prefix in documents {
        let file = files
            .iter()
            .find(|f| {
                f.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(prefix))
            })
            .unwrap_or_else(|| panic!("no corpus document {prefix}"));
        store
            .import_file(file, ImportOptions::default(), &Actor::command_line())
            .await
            .expect("import");
    }
    let health = store.find_agency("Sở Y tế").await.expect("find");
    for (login, role, agency) in [
        ("admin", Role::Admin, None),
        ("dpi", Role::Coordinator, None),
        ("syt", Role::Reporter, health),
        ("leader", Role::Leader, None),
    ] {
        if role == Role::Reporter && agency.is_none() {
            continue;
        }
        store
            .create_user(
                NewUser {
                    login,
                    display_name: login,
                    role,
                    agency_id: agency,
                    password: PASSWORD,
                },
                &Actor::command_line(),
            )
            .await
            .expect("user");
    }
    let addr: SocketAddr = "127.0.0.1:40000".parse().expect("addr");
    let router =
        kehoach_web::router(kehoach_web::AppState::new(store.clone())).layer(MockConnectInfo(addr));
    Some(App {
        store,
        router,
        dir,
        postgres,
    })
}

/// A signed-in browser: its session cookie and CSRF token.
pub struct Browser {
    pub cookie: String,
    pub csrf: String,
}

impl App {
    /// Signs in as `login` through the store (the login form has tests of its own).
    pub async fn sign_in(&self, login: &str) -> Browser {
        let user = self
            .store
            .verify_login(login, PASSWORD)
            .await
            .expect("verify")
            .expect("known user");
        let session = self.store.create_session(&user).await.expect("session");
        Browser {
            cookie: format!("kh_session={}", session.token),
            csrf: session.csrf,
        }
    }

    pub async fn get(&self, path: &str, browser: Option<&Browser>) -> (StatusCode, String) {
        let mut request = Request::get(path);
        if let Some(b) = browser {
            request = request.header(header::COOKIE, &b.cookie);
        }
        self.send(request.body(Body::empty()).expect("request"))
            .await
    }

    pub async fn get_with_cookie(&self, path: &str, cookie: &str) -> (StatusCode, String) {
        let request = Request::get(path).header(header::COOKIE, cookie);
        self.send(request.body(Body::empty()).expect("request"))
            .await
    }

    /// POSTs a form (pairs are URL-encoded here).
    pub async fn post_form(
        &self,
        path: &str,
        cookie: Option<&str>,
        pairs: &[(&str, &str)],
    ) -> Response<String> {
        let body = serde_urlencoded::to_string(pairs).expect("a form body");
        let mut request =
            Request::post(path).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(c) = cookie {
            request = request.header(header::COOKIE, c);
        }
        self.send_full(request.body(Body::from(body)).expect("request"))
            .await
    }

    pub async fn send(&self, request: Request<Body>) -> (StatusCode, String) {
        let response = self.send_full(request).await;
        (response.status(), response.into_body())
    }

    pub async fn send_full(&self, request: Request<Body>) -> Response<String> {
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("infallible");
        let (parts, body) = response.into_parts();
        let bytes = body.collect().await.expect("body").to_bytes();
        Response::from_parts(parts, String::from_utf8_lossy(&bytes).into_owned())
    }
}
