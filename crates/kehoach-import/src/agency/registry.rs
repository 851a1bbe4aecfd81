//! Looking names up in the registry's data ([`ENTRIES`]): keys that ignore
//! spelling noise, names with a dropped character, province names and level
//! words, and a memo of every answer.

pub use super::entries::{Entry, ENTRIES};

use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, OnceLock};

use super::alias_key;

/// Every piece and join of every agency cell is looked up: SipHash was a
/// visible share of the import. The memo is bounded (MEMO_LIMIT), which caps
/// what colliding keys from a hostile document could cost.
type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// The registry indexed by alias key, with the vocabulary of its keys for
/// repairing names with a dropped character ("Công an tnh", "Sở Xây dng").
#[derive(Debug)]
pub struct Registry {
    by_key: HashMap<String, &'static Entry>,
    /// A key word with one character deleted → the key words it came from.
    by_deletion: HashMap<String, Vec<String>>,
    vocabulary: HashSet<String>,
    /// Lookups are pure and documents repeat names endlessly: answers are
    /// remembered, up to MEMO_LIMIT names.
    memo: Mutex<FastMap<String, Option<&'static Entry>>>,
    /// [`Registry::may_start_longer_name`] answers, remembered likewise
    /// (each needs a key built from the piece).
    heads_memo: Mutex<FastMap<String, bool>>,
    /// Keys of the first comma-separated part of every name that has commas
    /// ("ubnd cac huyen" of "UBND các huyện, thị xã, thành phố").
    join_heads: HashSet<String>,
}

/// Names remembered by one registry at most (bounded for hostile input).
const MEMO_LIMIT: usize = 100_000;

/// Words a cell may add after a name that do not change which agency it is.
const LEVEL_SUFFIXES: &[&str] = &[" tinh", " thanh pho", " cac cap", " chi nhanh"];

/// How many spellings of a damaged name are tried before giving up.
const MAX_REPAIR_CANDIDATES: usize = 64;

impl Registry {
    pub fn builtin() -> &'static Registry {
        static REGISTRY: OnceLock<Registry> = OnceLock::new();
        REGISTRY.get_or_init(|| Registry::from_entries(ENTRIES))
    }

    pub fn from_entries(entries: &'static [Entry]) -> Registry {
        let mut by_key = HashMap::new();
        let mut vocabulary = HashSet::new();
        for entry in entries {
            for name in std::iter::once(&entry.name).chain(entry.aliases.iter()) {
                let key = alias_key(name);
                vocabulary.extend(key.split(' ').map(str::to_string));
                by_key.insert(key, entry);
            }
        }
        for word in ["so", "tinh", "thanh", "pho"] {
            vocabulary.insert(word.to_string());
        }
        let mut by_deletion: HashMap<String, Vec<String>> = HashMap::new();
        for word in &vocabulary {
            for deleted in deletions(word) {
                let list = by_deletion.entry(deleted).or_default();
                if !list.contains(word) {
                    list.push(word.clone());
                }
            }
        }
        let mut join_heads = HashSet::new();
        for entry in entries {
            let names = std::iter::once(&entry.name).chain(entry.aliases.iter());
            for head in names
                .filter_map(|n| n.split_once(','))
                .map(|(h, _)| alias_key(h))
            {
                if let Some(bare) = head.strip_prefix("so ") {
                    join_heads.insert(bare.to_string());
                }
                join_heads.insert(format!("so {head}"));
                join_heads.insert(head);
            }
        }
        Registry {
            by_key,
            by_deletion,
            vocabulary,
            memo: Mutex::new(FastMap::default()),
            heads_memo: Mutex::new(FastMap::default()),
            join_heads,
        }
    }

    /// The entry a single name (not a list) refers to, if known.
    pub fn lookup(&self, name: &str) -> Option<&'static Entry> {
        if let Some(known) = self.memo.lock().ok().and_then(|m| m.get(name).copied()) {
            return known;
        }
        let found = self.lookup_uncached(name);
        if let Ok(mut memo) = self.memo.lock() {
            if memo.len() < MEMO_LIMIT {
                memo.insert(name.to_string(), found);
            }
        }
        found
    }

    /// Whether `piece` may be the first comma-separated part of a longer
    /// known name, so that joining it with what follows is worth trying.
    pub fn may_start_longer_name(&self, piece: &str) -> bool {
        if let Some(known) = self
            .heads_memo
            .lock()
            .ok()
            .and_then(|m| m.get(piece).copied())
        {
            return known;
        }
        let found = self.may_start_longer_name_uncached(piece);
        if let Ok(mut memo) = self.heads_memo.lock() {
            if memo.len() < MEMO_LIMIT {
                memo.insert(piece.to_string(), found);
            }
        }
        found
    }

    fn may_start_longer_name_uncached(&self, piece: &str) -> bool {
        // A damaged piece ("… thiên tai tnh") is known through repair but is
        // no exact head: then the agency it names decides.
        self.join_heads.contains(&alias_key(piece))
            || self.lookup(piece).is_some_and(|e| {
                std::iter::once(&e.name)
                    .chain(e.aliases.iter())
                    .any(|n| n.contains(','))
            })
    }

    fn lookup_uncached(&self, name: &str) -> Option<&'static Entry> {
        let key = alias_key(name);
        if key.is_empty() {
            return None;
        }
        self.lookup_variants(name, &key)
            .or_else(|| self.lookup_repaired(name, &key))
    }

    fn lookup_variants(&self, name: &str, key: &str) -> Option<&'static Entry> {
        self.lookup_key(key).or_else(|| {
            // "STN&MT", "SY tế": the "S" of "Sở" glued to the name.
            let glued = name
                .trim_start()
                .strip_prefix('S')
                .filter(|rest| rest.starts_with(|c: char| c.is_uppercase()));
            glued
                .and_then(|rest| self.lookup_key(&format!("so {}", alias_key(rest))))
                .or_else(|| {
                    key.strip_prefix("s ")
                        .and_then(|rest| self.lookup_key(&format!("so {rest}")))
                })
        })
    }

    /// Words of the key the registry does not know are replaced by known
    /// words that differ by one inserted character; the repair counts only
    /// if every way of doing it names the same agency.
    fn lookup_repaired(&self, name: &str, key: &str) -> Option<&'static Entry> {
        let mut candidates: Vec<String> = vec![String::new()];
        for word in key.split(' ') {
            let options: Vec<String> = if word == "s" {
                // "Các S, ban, ngành": the lone S is "Sở" with its vowel dropped.
                vec!["so".to_string()]
            } else if word.len() < 2 || self.vocabulary.contains(word) {
                vec![word.to_string()]
            } else {
                match self.by_deletion.get(word) {
                    Some(found) => found.clone(),
                    None => vec![word.to_string()],
                }
            };
            let mut next = Vec::new();
            for prefix in &candidates {
                for option in &options {
                    let joined = if prefix.is_empty() {
                        option.clone()
                    } else {
                        format!("{prefix} {option}")
                    };
                    next.push(joined);
                }
            }
            if next.len() > MAX_REPAIR_CANDIDATES {
                return None;
            }
            candidates = next;
        }
        let mut found: Option<&'static Entry> = None;
        for candidate in candidates.iter().filter(|c| c.as_str() != key) {
            if let Some(entry) = self.lookup_variants(name, candidate) {
                match found {
                    Some(prev) if !std::ptr::eq(prev, entry) => return None,
                    _ => found = Some(entry),
                }
            }
        }
        found
    }

    fn lookup_key(&self, key: &str) -> Option<&'static Entry> {
        let bare = key.strip_prefix("so ").map(str::to_string);
        let with_so = format!("so {key}");
        [Some(key.to_string()), bare, Some(with_so)]
            .into_iter()
            .flatten()
            .chain(place_stripped(key))
            .find_map(|k| self.by_key.get(&k).copied())
    }
}

/// "nhnn chi nhanh ben tre" → "nhnn chi nhanh", "nhnn": the province's
/// own name and level words do not change the agency. Each shorter form in turn.
fn place_stripped(key: &str) -> Vec<String> {
    let mut forms = Vec::new();
    let mut k = key.to_string();
    loop {
        let place = super::places::PROVINCES.iter().find(|p| {
            k.len() > p.len() && k.ends_with(*p) && k[..k.len() - p.len()].ends_with(' ')
        });
        let next = match place {
            Some(p) => k[..k.len() - p.len() - 1].to_string(),
            None => match LEVEL_SUFFIXES.iter().find_map(|s| k.strip_suffix(s)) {
                Some(rest) => rest.to_string(),
                None => break,
            },
        };
        if next.is_empty() {
            break;
        }
        forms.push(next.clone());
        k = next;
    }
    forms
}

/// Every string made by deleting one character of `word`.
fn deletions(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    (0..chars.len())
        .map(|i| chars[..i].iter().chain(&chars[i + 1..]).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Registry;

    #[test]
    fn finds_common_spellings() {
        let r = Registry::builtin();
        let name = |s: &str| r.lookup(s).map(|e| e.name);
        assert_eq!(name("Sở KH&ĐT"), Some("Sở Kế hoạch và Đầu tư"));
        assert_eq!(name("STN&MT"), Some("Sở Tài nguyên và Môi trường"));
        assert_eq!(name("SY tế"), Some("Sở Y tế"));
        assert_eq!(
            name("LĐ,TB&XH"),
            Some("Sở Lao động - Thương binh và Xã hội")
        );
        assert_eq!(name("Công an tỉnh"), Some("Công an tỉnh"));
        assert_eq!(
            name("UBND các huyện, thành phố"),
            Some("Ủy ban nhân dân cấp huyện")
        );
        assert_eq!(name("Ban chỉ đạo không có thật"), None);
        // A dropped character is repaired when only one agency fits.
        assert_eq!(name("Công an tnh"), Some("Công an tỉnh"));
        assert_eq!(name("Sở Xây dng"), Some("Sở Xây dựng"));
        assert_eq!(name("UBND các huyn"), Some("Ủy ban nhân dân cấp huyện"));
        // OCR: diacritics lost are ignored by the key.
        assert_eq!(name("Công an tinh"), Some("Công an tỉnh"));
        assert_eq!(name("Sở Tu pháp"), Some("Sở Tư pháp"));
        assert_eq!(
            name("Ngân hàng Nhà nước chi nhánh Bến Tre"),
            Some("Ngân hàng Nhà nước chi nhánh tỉnh")
        );
    }
}
