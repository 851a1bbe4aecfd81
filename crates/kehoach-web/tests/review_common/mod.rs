//! What the review tests share: Bến Tre 2018 with its 2026 yearly period
//! open, Sở Y tế's report started, one entry saved and submitted; a
//! reporter (with an e-mail address) for Sở Lao động - Thương binh và Xã
//! hội, which has not reported; and an SMTP sink behind the app's mailer.
#![allow(dead_code)]

use std::net::{SocketAddr, TcpListener};
use std::sync::{Arc, Mutex};

use axum::extract::connect_info::MockConnectInfo;
use kehoach_store::reporting::entries::EntryFields;
use kehoach_store::reporting::periods::GenerationOptions;
use kehoach_store::reporting::{EntryStatus, Principal};
use kehoach_store::{Actor, NewUser, Role, Store};
use mailin_embedded::{response, Handler, Response, Server, SslConfig};

use crate::common::{app_with, App, PASSWORD};

pub const HEALTH: &str = "Sở Y tế";
pub const LABOUR: &str = "Sở Lao động - Thương binh và Xã hội";
pub const LABOUR_MAIL: &str = "ldtbxh@bentre.example.vn";
/// Written in Sở Y tế's first entry, to be found on the review pages.
pub const RESULT_MARK: &str = "Đã khám sàng lọc cho 1.234 người (dấu kiểm thử R-77)";

pub struct Scene {
    pub app: App,
    pub plan: i64,
    pub period: i64,
    pub health: i64,
    pub labour: i64,
    pub report: i64,
    pub entry: i64,
    pub dpi: Principal,
    pub syt: Principal,
    pub mail: MailSink,
}

pub async fn principal(store: &Store, login: &str) -> Principal {
    let user = store
        .user_by_login(login)
        .await
        .expect("user")
        .expect("exists");
    Principal::from(&user)
}

pub async fn scene() -> Scene {
    let mut app = app_with(&["ben-tre-2018"]).await;
    let store = app.store.clone();
    let plan = store.plans(false).await.expect("plans")[0].id;
    let health = store
        .find_agency(HEALTH)
        .await
        .expect("find")
        .expect("health");
    let labour = store
        .find_agency(LABOUR)
        .await
        .expect("find")
        .expect("labour");
    store
        .create_user(
            NewUser {
                login: "ldtbxh",
                display_name: "ldtbxh",
                role: Role::Reporter,
                agency_id: Some(labour),
                password: PASSWORD,
            },
            &Actor::command_line(),
        )
        .await
        .expect("reporter");
    store
        .set_email("ldtbxh", Some(LABOUR_MAIL), &Actor::command_line())
        .await
        .expect("email");
    let dpi = principal(&store, "dpi").await;
    let syt = principal(&store, "syt").await;
    let generated = store
        .generate_periods(&dpi, plan, 2026, &GenerationOptions::default())
        .await
        .expect("generate");
    let period = generated.periods[0].id;
    store.open_period(&dpi, period).await.expect("open");
    let report = store
        .report_for(&syt, period, health)
        .await
        .expect("report");
    let first = report.entries[0].clone();
    store
        .save_entry(
            &syt,
            first.row.id,
            first.row.version,
            &EntryFields {
                status: Some(EntryStatus::Done),
                results: RESULT_MARK.into(),
                ..EntryFields::default()
            },
        )
        .await
        .expect("save");
    store
        .submit_report(&syt, report.row.id)
        .await
        .expect("submit");

    let mail = MailSink::start();
    let mailer = kehoach_notify::Mailer::new(
        &format!("smtp://127.0.0.1:{}", mail.port),
        "kehoach <kehoach@localhost>",
    )
    .expect("mailer");
    let addr: SocketAddr = "127.0.0.1:40000".parse().expect("addr");
    app.router =
        kehoach_web::router(kehoach_web::AppState::new(store.clone()).with_mailer(Some(mailer)))
            .layer(MockConnectInfo(addr));
    Scene {
        app,
        plan,
        period,
        health,
        labour,
        report: report.row.id,
        entry: first.row.id,
        dpi,
        syt,
        mail,
    }
}

/// One accepted message: its recipients and its raw text.
pub type Mail = (Vec<String>, String);

/// A real SMTP server on loopback that keeps what it accepts.
#[derive(Clone, Default)]
pub struct MailSink {
    pub port: u16,
    received: Arc<Mutex<Vec<Mail>>>,
    current: Arc<Mutex<(Vec<String>, Vec<u8>)>>,
}

impl MailSink {
    fn start() -> MailSink {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let sink = MailSink {
            port: listener.local_addr().expect("addr").port(),
            ..MailSink::default()
        };
        let mut server = Server::new(sink.clone());
        server
            .with_name("sink.test")
            .with_ssl(SslConfig::None)
            .expect("plain SMTP")
            .with_tcp_listener(listener);
        std::thread::spawn(move || {
            let _ = server.serve();
        });
        sink
    }

    pub fn received(&self) -> Vec<Mail> {
        self.received.lock().map(|r| r.clone()).unwrap_or_default()
    }
}

impl Handler for MailSink {
    fn data_start(&mut self, _domain: &str, _from: &str, _is8bit: bool, to: &[String]) -> Response {
        if let Ok(mut current) = self.current.lock() {
            *current = (to.to_vec(), Vec::new());
        }
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        if let Ok(mut current) = self.current.lock() {
            current.1.extend_from_slice(buf);
        }
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        if let (Ok(current), Ok(mut received)) = (self.current.lock(), self.received.lock()) {
            received.push((
                current.0.clone(),
                String::from_utf8_lossy(&current.1).into_owned(),
            ));
        }
        response::OK
    }
}
