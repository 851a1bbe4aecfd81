//! `kehoach serve --db URL --listen ADDR`

use std::net::SocketAddr;
use std::process::ExitCode;

use anyhow::Context;
use kehoach_store::Store;

pub async fn run(db: &str, listen: SocketAddr) -> anyhow::Result<ExitCode> {
    super::init_logging();
    let store = Store::open(db).await?;
    serve(store, listen).await
}

pub async fn serve(store: Store, listen: SocketAddr) -> anyhow::Result<ExitCode> {
    tracing::info!(%listen, backend = store.backend().name(), "serving");
    println!("kehoach: serving on http://{listen}/ (Ctrl-C stops)");
    kehoach_web::serve(store, listen)
        .await
        .with_context(|| format!("serving on {listen}"))?;
    Ok(ExitCode::SUCCESS)
}
