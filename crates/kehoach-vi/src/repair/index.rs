//! Where a damaged word's candidates come from: the document's valid words
//! indexed by the forms their damage takes, so that finding them is a few
//! lookups, never a scan of the vocabulary. Keys are hashes of those forms
//! (no string is built per key); every hit is checked against the damaged
//! word, so a hash collision can never offer a wrong candidate.

use std::hash::Hasher;

use super::vocab::{Vocab, WordHasher};
use crate::syllable::{split_tone, Tone};

#[derive(Default)]
pub struct Index {
    /// A valid word with one letter dropped → the words.
    dropped: Keyed,
    /// A valid word with one vowel stripped of its marks → the words.
    diacritic: Keyed,
    /// A valid word's toneless letters and its tone → the words.
    tone_moved: Keyed,
}

/// Key → word ids as one sorted list: built with a single sort instead of
/// one small vector per key.
#[derive(Default)]
struct Keyed {
    entries: Vec<(u64, u32)>,
}

impl Keyed {
    fn push(&mut self, key: u64, id: u32) {
        self.entries.push((key, id));
    }

    fn finish(&mut self) {
        self.entries.sort_unstable();
    }

    fn get(&self, key: u64) -> impl Iterator<Item = u32> + '_ {
        let from = self.entries.partition_point(|e| e.0 < key);
        self.entries
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(move |e| e.0 == key)
            .map(|e| e.1)
    }
}

const DROPPED: u32 = 1;
const DIACRITIC: u32 = 2;
const TONE_MOVED: u32 = 3;

fn hash_chars(kind: u32, chars: impl Iterator<Item = char>) -> u64 {
    let mut hasher = WordHasher::default();
    hasher.write_u32(kind);
    for c in chars {
        hasher.write_u32(u32::from(c));
    }
    hasher.finish()
}

fn dropped_key(chars: &[char], skip: Option<usize>) -> u64 {
    let kept = chars
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != skip)
        .map(|(_, c)| *c);
    hash_chars(DROPPED, kept)
}

/// The word with the vowel at `at` replaced by its bare form (and a marker
/// of the position): words that differ only in that vowel's marks share it.
fn diacritic_key(chars: &[char], at: usize) -> Option<u64> {
    let bare = bare_vowel(*chars.get(at)?)?;
    let letters = chars
        .iter()
        .enumerate()
        .map(|(i, c)| if i == at { bare } else { *c });
    Some(hash_chars(DIACRITIC + ((at as u32) << 4), letters))
}

/// The word's toneless letters and its tone: words that differ only in
/// which vowel carries the tone share it. `None` for words without a tone.
fn tone_key(chars: &[char]) -> Option<u64> {
    let (letters, tone) = toneless(chars)?;
    let tone = tone?;
    let tone_code = Tone::ALL.iter().position(|t| *t == tone)? as u32;
    Some(hash_chars(
        TONE_MOVED + (tone_code << 4),
        letters.into_iter(),
    ))
}

fn toneless(chars: &[char]) -> Option<(Vec<char>, Option<Tone>)> {
    let mut letters = Vec::with_capacity(chars.len());
    let mut tone = None;
    for c in chars {
        let (base, t) = split_tone(*c)?;
        letters.push(base);
        if t != Tone::Level {
            tone = Some(t);
        }
    }
    Some((letters, tone))
}

impl Index {
    pub fn build(vocab: &Vocab) -> Index {
        let mut index = Index::default();
        let mut chars = Vec::new();
        for (id, entry) in vocab.entries.iter().enumerate() {
            if !entry.is_candidate() {
                continue;
            }
            let id = id as u32;
            chars.clear();
            chars.extend(entry.word.chars());
            if let Some(key) = tone_key(&chars) {
                index.tone_moved.push(key, id);
            }
            for i in 0..chars.len() {
                index.dropped.push(dropped_key(&chars, Some(i)), id);
                if let Some(key) = diacritic_key(&chars, i) {
                    index.diacritic.push(key, id);
                }
            }
        }
        index.dropped.finish();
        index.diacritic.finish();
        index.tone_moved.finish();
        index
    }

    /// Valid words that `damaged` (lowercase) may stand for: one letter
    /// dropped, one vowel's marks wrong, one letter typed twice, or the
    /// tone mark on the wrong vowel ("qủa").
    pub fn candidates(&self, vocab: &Vocab, damaged: &str) -> Vec<u32> {
        let chars: Vec<char> = damaged.chars().collect();
        let mut found = self.dropped_from(vocab, damaged);
        for i in 0..chars.len() {
            if let Some(key) = diacritic_key(&chars, i) {
                found.extend(
                    self.diacritic
                        .get(key)
                        .filter(|id| differs_in_marks_at(&chars, vocab.word(*id), i)),
                );
            }
            let doubled = i > 0 && chars.get(i - 1) == chars.get(i);
            if doubled {
                let single: String = chars
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != i)
                    .map(|(_, c)| *c)
                    .collect();
                found.extend(vocab.candidate_id(&single));
            }
        }
        if let Some(key) = tone_key(&chars) {
            found.extend(
                self.tone_moved
                    .get(key)
                    .filter(|id| same_but_tone_place(&chars, vocab.word(*id))),
            );
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Valid words that lose one letter to become `damaged`.
    pub fn dropped_from(&self, vocab: &Vocab, damaged: &str) -> Vec<u32> {
        let chars: Vec<char> = damaged.chars().collect();
        self.dropped
            .get(dropped_key(&chars, None))
            .filter(|id| is_one_letter_longer(vocab.word(*id), &chars))
            .collect()
    }
}

fn is_one_letter_longer(word: &str, shorter: &[char]) -> bool {
    let chars: Vec<char> = word.chars().collect();
    chars.len() == shorter.len() + 1
        && (0..chars.len()).any(|skip| {
            chars
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, c)| c)
                .eq(shorter.iter())
        })
}

fn differs_in_marks_at(damaged: &[char], word: &str, at: usize) -> bool {
    let chars: Vec<char> = word.chars().collect();
    chars.len() == damaged.len()
        && chars.iter().zip(damaged).enumerate().all(|(i, (a, b))| {
            if i == at {
                bare_vowel(*a).is_some() && bare_vowel(*a) == bare_vowel(*b)
            } else {
                a == b
            }
        })
}

fn same_but_tone_place(damaged: &[char], word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    match (toneless(damaged), toneless(&chars)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
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

/// An "l" read for an "i" ("lnternet"): a look-alike so specific that a
/// single intact occurrence of the word is evidence enough.
pub fn lookalike(vocab: &Vocab, damaged: &str) -> Option<u32> {
    let at = damaged.find('l')?;
    let mut fixed = damaged.to_string();
    fixed.replace_range(at..at + 1, "i");
    vocab.candidate_id(&fixed)
}
