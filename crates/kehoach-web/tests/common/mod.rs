//! Router tests in process: the real router over a real SQLite store (in a
//! temporary folder) with corpus documents imported.
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
}

impl Drop for App {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A store with the given corpus documents (file name prefixes) imported,
/// and one account per role: admin, dpi (coordinator), syt (reporter for
/// Sở Y tế, when that agency exists), leader; all with `PASSWORD`.
pub async fn app_with(documents: &[&str]) -> App {
    let dir = std::env::temp_dir().join(format!(
        "kehoach-web-test-{}",
        kehoach_store::accounts::random_token()
    ));
    let store = Store::open(&format!("sqlite://{}", dir.join("t.db").display()))
        .await
        .expect("open store");
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
    App { store, router, dir }
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
