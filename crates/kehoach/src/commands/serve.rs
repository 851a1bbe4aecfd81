//! `kehoach serve --db URL --listen ADDR`

use std::net::SocketAddr;
use std::process::ExitCode;

use anyhow::Context;
use kehoach_notify::job::{send_due_reminders, ReminderPolicy};
use kehoach_notify::Mailer;
use kehoach_store::Store;

pub async fn run(db: &str, listen: SocketAddr) -> anyhow::Result<ExitCode> {
    super::init_logging();
    let store = Store::open(db).await?;
    serve(store, listen).await
}

pub async fn serve(store: Store, listen: SocketAddr) -> anyhow::Result<ExitCode> {
    tracing::info!(%listen, backend = store.backend().name(), "serving");
    let mailer =
        kehoach_notify::Mailer::from_env().context("the mail settings (KEHOACH_SMTP_URL)")?;
    if mailer.is_none() {
        tracing::info!("no KEHOACH_SMTP_URL: reminders go out in the app only");
    }
    tokio::spawn(remind_every_hour(
        store.clone(),
        mailer,
        ReminderPolicy::from_env(),
    ));
    println!("kehoach: serving on http://{listen}/ (Ctrl-C stops)");
    kehoach_web::serve(store, listen)
        .await
        .with_context(|| format!("serving on {listen}"))?;
    Ok(ExitCode::SUCCESS)
}

/// The automatic reminders, at start and then every hour; a run that fails
/// (database busy, mail server down) is logged and tried again next hour.
async fn remind_every_hour(store: Store, mailer: Option<Mailer>, policy: ReminderPolicy) {
    let mut ticks = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        ticks.tick().await;
        let today = kehoach_store::reporting::local_date(kehoach_store::clock::now());
        match send_due_reminders(&store, mailer.as_ref(), &policy, &today).await {
            Ok(run) if run.in_app > 0 => tracing::info!(?run, "reminders sent"),
            Ok(_) => {}
            Err(err) => tracing::warn!(error = %err, "reminders not sent"),
        }
    }
}
