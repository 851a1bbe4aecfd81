//! Where a damaged word's candidates come from: the document's valid words
//! indexed by the forms their damage takes, so that finding them is a few
//! lookups, never a scan of the vocabulary.

use super::vocab::{FastMap, Vocab};
use crate::syllable::{split_tone, with_tone, Tone};

/// Marks the folded vowel in a diacritic key; never occurs in text.
const MARK: char = '\u{1}';

#[derive(Default)]
pub struct Index {
    /// A valid word with one letter dropped → the words.
    dropped: FastMap<Box<str>, Vec<u32>>,
    /// A valid word with one vowel stripped of its marks → the words.
    diacritic: FastMap<Box<str>, Vec<u32>>,
    /// A valid word's toneless letters and its tone → the words.
    tone_moved: FastMap<Box<str>, Vec<u32>>,
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
            if let Some(key) = tone_key(&chars) {
                index
                    .tone_moved
                    .entry(key.into())
                    .or_default()
                    .push(id as u32);
            }
            for i in 0..chars.len() {
                let key = without(&chars, i);
                index.dropped.entry(key.into()).or_default().push(id as u32);
                if let Some(key) = diacritic_key(&chars, i) {
                    index
                        .diacritic
                        .entry(key.into())
                        .or_default()
                        .push(id as u32);
                }
            }
        }
        index
    }

    /// Valid words that `damaged` (lowercase) may stand for: one letter
    /// dropped, one vowel's marks wrong, one letter typed twice, or the
    /// tone mark on the wrong vowel ("qủa").
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
        if let Some(ids) = tone_key(&chars).and_then(|k| self.tone_moved.get(k.as_str())) {
            found.extend(ids);
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

/// An "l" read for an "i" ("lnternet"): a look-alike so specific that a
/// single intact occurrence of the word is evidence enough.
pub fn lookalike(vocab: &Vocab, damaged: &str) -> Option<u32> {
    let chars: Vec<char> = damaged.chars().collect();
    let at = chars.iter().position(|c| *c == 'l')?;
    vocab.candidate_id(&replaced(&chars, at, 'i'))
}

/// The word's letters without their tone, then the tone: words that differ
/// only in which vowel carries the tone share the key. `None` for words
/// without a tone.
fn tone_key(chars: &[char]) -> Option<String> {
    let mut key = String::with_capacity(chars.len() * 2 + 2);
    let mut tone = None;
    for c in chars {
        let (base, t) = split_tone(*c)?;
        key.push(base);
        if t != Tone::Level {
            tone = Some(t);
        }
    }
    key.push(MARK);
    key.push(with_tone('a', tone?)?);
    Some(key)
}

fn replaced(chars: &[char], at: usize, by: char) -> String {
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| if i == at { by } else { *c })
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
