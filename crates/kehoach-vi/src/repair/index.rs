//! Where a damaged word's candidates come from: the document's valid words
//! indexed by the forms their damage takes, so that finding them is a few
//! lookups, never a scan of the vocabulary.

use super::vocab::{FastMap, Vocab};
use crate::syllable::split_tone;

/// Marks the folded vowel in a diacritic key; never occurs in text.
const MARK: char = '\u{1}';

#[derive(Default)]
pub struct Index {
    /// A valid word with one letter dropped → the words.
    dropped: FastMap<Box<str>, Vec<u32>>,
    /// A valid word with one vowel stripped of its marks → the words.
    diacritic: FastMap<Box<str>, Vec<u32>>,
}

impl Index {
    pub fn build(vocab: &Vocab) -> Index {
        let mut index = Index::default();
        let mut chars = Vec::new();
        for (id, entry) in vocab.entries.iter().enumerate() {
            if !entry.is_candidate() {
                continue;
            }
            chars.clear();
            chars.extend(entry.word.chars());
            for i in 0..chars.len() {
                let key = without(&chars, i);
                index.dropped.entry(key.into()).or_default().push(id as u32);
                if let Some(key) = diacritic_key(&chars, i) {
                    index.diacritic.entry(key.into()).or_default().push(id as u32);
                }
            }
        }
        index
    }

    /// Valid words that `damaged` (lowercase) may stand for: one letter
    /// dropped, one vowel's marks wrong, or one letter typed twice.
    pub fn candidates(&self, vocab: &Vocab, damaged: &str) -> Vec<u32> {
        let chars: Vec<char> = damaged.chars().collect();
        let mut found: Vec<u32> = self.dropped_from(damaged).to_vec();
        for i in 0..chars.len() {
            if let Some(ids) = diacritic_key(&chars, i).and_then(|k| self.diacritic.get(k.as_str()))
            {
                found.extend(ids);
            }
            let doubled = i > 0 && chars.get(i - 1) == chars.get(i);
            if doubled {
                found.extend(vocab.candidate_id(&without(&chars, i)));
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Valid words that lose one letter to become `damaged`.
    pub fn dropped_from(&self, damaged: &str) -> &[u32] {
        self.dropped.get(damaged).map_or(&[], Vec::as_slice)
    }
}

fn without(chars: &[char], skip: usize) -> String {
    chars
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != skip)
        .map(|(_, c)| *c)
        .collect()
}

/// The word with the vowel at `at` replaced by its bare form and a mark:
/// words that differ only in that vowel's diacritics share the key.
fn diacritic_key(chars: &[char], at: usize) -> Option<String> {
    let bare = bare_vowel(*chars.get(at)?)?;
    let mut key = String::with_capacity(chars.len() * 2 + 2);
    for (i, c) in chars.iter().enumerate() {
        if i == at {
            key.push(MARK);
            key.push(bare);
        } else {
            key.push(*c);
        }
    }
    Some(key)
}

fn bare_vowel(c: char) -> Option<char> {
    let (base, _) = split_tone(c)?;
    match base {
        'a' | 'ă' | 'â' => Some('a'),
        'e' | 'ê' => Some('e'),
        'o' | 'ô' | 'ơ' => Some('o'),
        'u' | 'ư' => Some('u'),
        'i' | 'y' => Some(base),
        _ => None,
    }
}
