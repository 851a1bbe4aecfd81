//! Parsed uploads kept in memory between the preview and the commit. Bounded
//! in number and age: an abandoned preview costs memory only for a while.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use kehoach_store::plans::document::Parsed;

/// Previews older than this are gone.
pub const PREVIEW_TTL: Duration = Duration::from_secs(30 * 60);
/// At most this many previews at once; the oldest gives way.
pub const MAX_PREVIEWS: usize = 16;

/// One upload, parsed, waiting for its uploader.
pub struct Preview {
    /// The user who uploaded it: nobody else can see or commit it.
    pub owner: i64,
    pub file_name: String,
    pub parsed: Arc<Parsed>,
    created: Instant,
}

#[derive(Default)]
pub struct Previews {
    entries: Mutex<HashMap<String, Preview>>,
}

impl Previews {
    /// Keeps a parsed upload; returns the token that names it.
    pub fn insert(&self, owner: i64, file_name: String, parsed: Parsed) -> String {
        let token = kehoach_store::accounts::random_token();
        let now = Instant::now();
        let mut entries = self.lock();
        entries.retain(|_, p| now.duration_since(p.created) < PREVIEW_TTL);
        while entries.len() >= MAX_PREVIEWS {
            let oldest = entries
                .iter()
                .min_by_key(|(_, p)| p.created)
                .map(|(k, _)| k.clone());
            match oldest {
                Some(key) => entries.remove(&key),
                None => break,
            };
        }
        entries.insert(
            token.clone(),
            Preview {
                owner,
                file_name,
                parsed: Arc::new(parsed),
                created: now,
            },
        );
        token
    }

    /// The preview behind `token` if `user` uploaded it and it has not expired.
    pub fn get(&self, token: &str, user: i64) -> Option<(String, Arc<Parsed>)> {
        let entries = self.lock();
        entries
            .get(token)
            .filter(|p| p.owner == user && p.created.elapsed() < PREVIEW_TTL)
            .map(|p| (p.file_name.clone(), Arc::clone(&p.parsed)))
    }

    /// Forgets a preview (after commit or discard); only its owner may.
    pub fn remove(&self, token: &str, user: i64) -> bool {
        let mut entries = self.lock();
        if entries.get(token).is_some_and(|p| p.owner == user) {
            entries.remove(token);
            true
        } else {
            false
        }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<String, Preview>> {
        // A panic while holding the lock leaves plain data behind: keep using it.
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed() -> Parsed {
        let imported = kehoach_import::import_bytes(
            "a.txt",
            "KẾ HOẠCH\nThực hiện".as_bytes(),
            &kehoach_import::ImportOptions::default(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        Parsed {
            imported,
            source_text: String::new(),
        }
    }

    #[test]
    fn previews_belong_to_their_uploader_and_are_bounded() {
        let previews = Previews::default();
        let token = previews.insert(1, "a.txt".into(), parsed());
        assert!(previews.get(&token, 1).is_some());
        assert!(previews.get(&token, 2).is_none());
        assert!(!previews.remove(&token, 2));
        for _ in 0..MAX_PREVIEWS {
            previews.insert(1, "b.txt".into(), parsed());
        }
        assert!(previews.get(&token, 1).is_none(), "the oldest gave way");
        assert_eq!(previews.lock().len(), MAX_PREVIEWS);
    }
}
