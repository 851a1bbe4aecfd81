use std::sync::Arc;

use kehoach_notify::Mailer;
use kehoach_store::reporting::grouped_saves::EntryWriter;
use kehoach_store::Store;

use crate::auth::limiter::LoginLimiter;
use crate::pages::import::previews::Previews;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub limiter: Arc<LoginLimiter>,
    /// Cookies get the Secure flag when the app is served over HTTPS (behind a proxy).
    pub secure_cookies: bool,
    /// Parsed uploads waiting for their uploader to commit or discard them.
    pub previews: Arc<Previews>,
    /// Reminders also go out by e-mail when an SMTP server is configured.
    pub mailer: Option<Arc<Mailer>>,
    /// Entry saves of the JSON API, committed in groups (one fsync for many).
    pub entry_writer: EntryWriter,
}

impl AppState {
    pub fn new(store: Store) -> AppState {
        AppState {
            store: store.clone(),
            limiter: Arc::new(LoginLimiter::default()),
            secure_cookies: std::env::var("KEHOACH_SECURE_COOKIES").as_deref() == Ok("1"),
            previews: Arc::new(Previews::default()),
            mailer: None,
            entry_writer: EntryWriter::new(store.clone()),
        }
    }

    pub fn with_mailer(mut self, mailer: Option<Mailer>) -> AppState {
        self.mailer = mailer.map(Arc::new);
        self
    }
}
