//! A reminder goes through a real SMTP server: mailin-embedded listening on
//! loopback, started by the test, records what it receives.

mod common;

use std::net::TcpListener;

use common::start_sink;
use kehoach_notify::{reminder_mail, Mailer, Reminder, ReminderTiming};

#[tokio::test]
async fn a_reminder_reaches_the_smtp_server() {
    let (sink, port) = start_sink();
    let mailer = Mailer::new(
        &format!("smtp://127.0.0.1:{port}"),
        "kehoach <kehoach@so-tai-chinh.example.vn>",
    )
    .expect("mailer");
    let mail = reminder_mail(&Reminder {
        agency: "Sở Y tế",
        plan: "Kế hoạch hành động phát triển bền vững",
        period: "Năm 2026",
        due_on: "2026-11-30",
        timing: ReminderTiming::After(2),
        link: "http://127.0.0.1:8080/reports/7",
        to: vec![
            "syt@example.vn".into(),
            "Đầu mối <dau.moi@example.vn>".into(),
        ],
    });
    mailer.send(&mail).await.expect("sent");
    let received = sink.received.lock().expect("lock").clone();
    assert_eq!(received.len(), 1);
    let message = &received[0];
    assert_eq!(message.from, "kehoach@so-tai-chinh.example.vn");
    assert_eq!(message.to, ["syt@example.vn", "dau.moi@example.vn"]);
    let data = String::from_utf8_lossy(&message.data);
    assert!(data.contains("Subject: [kehoach] =?utf-8?"), "{data}");
    assert!(
        data.contains("Content-Transfer-Encoding: quoted-printable"),
        "{data}"
    );
    // The body, decoded as a mail client would: Vietnamese first, then English.
    let body = data.split_once("\r\n\r\n").map_or("", |(_, body)| body);
    let body = quoted_printable::decode(body, quoted_printable::ParseMode::Robust)
        .expect("quoted-printable");
    let body = String::from_utf8(body).expect("utf-8");
    assert!(body.starts_with("Kính gửi: Sở Y tế"), "{body}");
    assert!(
        body.contains("hạn gửi ngày 30/11/2026") && body.contains("quá hạn 2 ngày"),
        "{body}"
    );
    assert!(
        body.contains("Report online at: http://127.0.0.1:8080/reports/7"),
        "{body}"
    );
}

#[tokio::test]
async fn an_unreachable_server_is_a_clear_error() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("addr").port()
    };
    let mailer =
        Mailer::new(&format!("smtp://127.0.0.1:{port}"), "kehoach@example.vn").expect("mailer");
    let mail = kehoach_notify::Mail {
        to: vec!["syt@example.vn".into()],
        subject: "x".into(),
        text: "y".into(),
    };
    let err = mailer
        .send(&mail)
        .await
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("could not be reached"), "{err}");
}
