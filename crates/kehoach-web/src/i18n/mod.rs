//! The interface language: Vietnamese first, English on request (a cookie
//! set by the language switch; else the browser's Accept-Language).

mod catalog;

use std::collections::HashMap;
use std::sync::OnceLock;

pub use kehoach_vi::Lang;

use catalog::CATALOG;

pub const LANG_COOKIE: &str = "kh_lang";

/// Translations for one request's language; cheap to copy into templates.
#[derive(Debug, Clone, Copy)]
pub struct Tr {
    pub lang: Lang,
}

fn index() -> &'static HashMap<&'static str, (&'static str, &'static str)> {
    static INDEX: OnceLock<HashMap<&'static str, (&'static str, &'static str)>> = OnceLock::new();
    INDEX.get_or_init(|| CATALOG.iter().map(|(k, vi, en)| (*k, (*vi, *en))).collect())
}

impl Tr {
    pub fn new(lang: Lang) -> Tr {
        Tr { lang }
    }

    /// The text for `key`; a missing key shows itself (and fails the catalog test).
    pub fn t(&self, key: &str) -> &'static str {
        match index().get(key) {
            Some((vi, en)) => match self.lang {
                Lang::Vi => vi,
                Lang::En => en,
            },
            None => {
                tracing::warn!(key, "missing translation");
                "?"
            }
        }
    }

    pub fn code(&self) -> &'static str {
        match self.lang {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The other language, for the switch.
    pub fn other_code(&self) -> &'static str {
        match self.lang {
            Lang::Vi => "en",
            Lang::En => "vi",
        }
    }

    pub fn number(&self, value: f64) -> String {
        kehoach_vi::format_number(value, 2, self.lang)
    }

    /// Templates pass values by reference.
    pub fn integer(&self, value: &i64) -> String {
        kehoach_vi::format_integer(*value, self.lang)
    }

    pub fn date(&self, iso: &str) -> String {
        kehoach_vi::format_date(iso, self.lang)
    }

    /// A date from a stored Unix time.
    pub fn date_of(&self, unix: &i64) -> String {
        self.date(&kehoach_store::clock::date_of(*unix))
    }
}

/// The language of a request: the cookie wins, then Accept-Language.
pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>) -> Lang {
    match cookie {
        Some("en") => return Lang::En,
        Some("vi") => return Lang::Vi,
        _ => {}
    }
    let Some(accept) = accept_language else {
        return Lang::Vi;
    };
    // The first listed language that kehoach speaks.
    for part in accept.split(',') {
        let tag = part
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if tag.starts_with("vi") {
            return Lang::Vi;
        }
        if tag.starts_with("en") {
            return Lang::En;
        }
    }
    Lang::Vi
}

pub fn has_key(key: &str) -> bool {
    index().contains_key(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_translated() {
        let mut seen = std::collections::HashSet::new();
        for (key, vi, en) in CATALOG {
            assert!(seen.insert(key), "duplicate key {key}");
            assert!(
                !vi.is_empty() && !en.is_empty(),
                "{key} lacks a translation"
            );
        }
    }

    #[test]
    fn templates_and_code_use_only_catalog_keys() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for dir in ["templates", "src"] {
            collect(&root.join(dir), &mut files);
        }
        let mut missing = Vec::new();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            for (i, _) in text.match_indices(".t(\"") {
                let rest = &text[i + 4..];
                if let Some(end) = rest.find('"') {
                    let key = &rest[..end];
                    if !has_key(key) {
                        missing.push(format!("{}: {key}", file.display()));
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "keys missing from the catalog: {missing:?}"
        );
    }

    fn collect(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                collect(&path, out);
            } else if path.extension().is_some_and(|e| e == "html" || e == "rs") {
                out.push(path);
            }
        }
    }

    #[test]
    fn language_negotiation() {
        assert_eq!(negotiate(Some("en"), Some("vi")), Lang::En);
        assert_eq!(negotiate(None, Some("en-US,en;q=0.9")), Lang::En);
        assert_eq!(negotiate(None, Some("fr, vi;q=0.5, en;q=0.3")), Lang::Vi);
        assert_eq!(negotiate(None, None), Lang::Vi);
        assert_eq!(Tr::new(Lang::En).t("nav.plans"), "Plans");
        assert_eq!(Tr::new(Lang::Vi).t("nav.plans"), "Kế hoạch");
    }
}
