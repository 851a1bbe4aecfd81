//! The automatic reminder job on a real SQLite store with a corpus plan and a
//! real SMTP server: the late agency's reporter gets one e-mail and one
//! in-app notification; a second run sends nothing.

mod common;

use kehoach_import::ImportOptions;
use kehoach_notify::job::{send_due_reminders, ReminderPolicy};
use kehoach_notify::Mailer;
use kehoach_store::reporting::periods::GenerationOptions;
use kehoach_store::reporting::setup::PeriodDates;
use kehoach_store::reporting::Principal;
use kehoach_store::{Actor, NewUser, Role, Store};

#[tokio::test]
async fn late_agencies_are_reminded_once_in_the_app_and_by_mail() {
    let dir = std::env::temp_dir().join(format!(
        "kehoach-notify-{}",
        kehoach_store::accounts::random_token()
    ));
    let store = Store::open(&format!("sqlite://{}", dir.join("t.db").display()))
        .await
        .expect("store");
    let actor = Actor::command_line();
    let corpus = kehoach_import::corpus::corpus_dir().expect("corpus");
    let file = kehoach_import::corpus::corpus_documents(&corpus)
        .expect("corpus files")
        .into_iter()
        .find(|f| {
            f.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("ben-tre-2018"))
        })
        .expect("Bến Tre 2018");
    let (_, outcome) = store
        .import_file(&file, ImportOptions::default(), &actor)
        .await
        .expect("import");
    let health = store
        .find_agency("Sở Y tế")
        .await
        .expect("find")
        .expect("Sở Y tế");
    for (login, role, agency) in [
        ("dpi", Role::Coordinator, None),
        ("syt", Role::Reporter, Some(health)),
    ] {
        store
            .create_user(
                NewUser {
                    login,
                    display_name: login,
                    role,
                    agency_id: agency,
                    password: "mật khẩu thử nghiệm",
                },
                &actor,
            )
            .await
            .expect("user");
    }
    store
        .set_email("syt", Some("syt@bentre.example.vn"), &actor)
        .await
        .expect("email");
    let dpi_user = store
        .user_by_login("dpi")
        .await
        .expect("user")
        .expect("dpi");
    let dpi = Principal::from(&dpi_user);
    let generated = store
        .generate_periods(&dpi, outcome.plan_id(), 2026, &GenerationOptions::default())
        .await
        .expect("periods");
    let period = generated.periods[0].clone();
    // The agencies' report was due two days before "today".
    store
        .edit_period_dates(
            &dpi,
            period.id,
            &PeriodDates {
                inputs_due_on: "2026-11-25".into(),
                agency_due_on: "2026-11-30".into(),
                consolidation_due_on: "2026-12-10".into(),
            },
        )
        .await
        .expect("dates");
    store.open_period(&dpi, period.id).await.expect("open");

    let (sink, port) = common::start_sink();
    let mailer =
        Mailer::new(&format!("smtp://127.0.0.1:{port}"), "kehoach@example.vn").expect("mailer");
    let policy = ReminderPolicy {
        days_before: 3,
        days_after: 1,
        base_url: "http://kehoach.example".into(),
    };
    let run = send_due_reminders(&store, Some(&mailer), &policy, "2026-12-02")
        .await
        .expect("run");
    // Every agency responsible for a task owes the report: all get an in-app
    // reminder; only Sở Y tế has a reporter with an address.
    assert!(run.in_app > 10, "{run:?}");
    assert_eq!((run.emailed, run.mail_failures), (1, 0), "{run:?}");
    let received = sink.received.lock().expect("lock").clone();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].to, ["syt@bentre.example.vn"]);
    let notes = store
        .notifications_for(&dpi, health)
        .await
        .expect("notifications");
    assert_eq!(notes.len(), 1);

    let again = send_due_reminders(&store, Some(&mailer), &policy, "2026-12-02")
        .await
        .expect("run");
    assert_eq!(again, Default::default(), "nothing is sent twice");
    assert_eq!(sink.received.lock().expect("lock").len(), 1);
    // Before the window opens, nothing is due.
    let early = send_due_reminders(&store, Some(&mailer), &policy, "2026-11-20")
        .await
        .expect("run");
    assert_eq!(early, Default::default());
    store.close().await;
    let _ = std::fs::remove_dir_all(dir);
}
