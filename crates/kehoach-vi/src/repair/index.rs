//! Where a damaged word's candidates come from: the document's valid words
//! indexed by the forms their damage takes, so that finding them is a few
//! lookups, never a scan of the vocabulary. Keys are hashes of those forms
//! (no string is built per key); every hit is checked against the damaged
//! word, so a hash collision can never offer a wrong candidate.

use super::vocab::Vocab;
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

/// Key → word ids, bucketed by the key's top bits in one array (a counting
/// sort, no comparisons). A bucket keeps its entries in the order they were
/// pushed, so a key's ids come out in ascending order, as they are pushed.
#[derive(Default)]
struct Keyed {
    pending: Vec<(u64, u32)>,
    /// Where each bucket begins in `entries`, and where the last one ends.
    starts: Vec<u32>,
    entries: Vec<(u64, u32)>,
    shift: u32,
}

impl Keyed {
    fn push(&mut self, key: u64, id: u32) {
        self.pending.push((key, id));
    }

    fn bucket(&self, key: u64) -> usize {
        (key >> self.shift) as usize
    }

    fn finish(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        // At least as many buckets as entries: a bucket holds about one.
        let bits = pending.len().max(2).next_power_of_two().trailing_zeros();
        self.shift = 64 - bits;
        let mut starts = vec![0u32; (1usize << bits) + 1];
        for &(key, _) in &pending {
            if let Some(count) = starts.get_mut(self.bucket(key) + 1) {
                *count += 1;
            }
        }
        for i in 1..starts.len() {
            let before = starts.get(i - 1).copied().unwrap_or(0);
            if let Some(start) = starts.get_mut(i) {
                *start += before;
            }
        }
        let mut fill = starts.clone();
        let mut entries = vec![(0u64, 0u32); pending.len()];
        for entry in pending {
            let Some(at) = fill.get_mut(self.bucket(entry.0)) else {
                continue;
            };
            if let Some(slot) = entries.get_mut(*at as usize) {
                *slot = entry;
            }
            *at += 1;
        }
        self.starts = starts;
        self.entries = entries;
    }

    fn get(&self, key: u64) -> impl Iterator<Item = u32> + '_ {
        let bucket = self.bucket(key);
        let from = self.starts.get(bucket).copied().unwrap_or(0) as usize;
        let to = bucket
            .checked_add(1)
            .and_then(|next| self.starts.get(next))
            .copied()
            .unwrap_or(0) as usize;
        self.entries
            .get(from..to)
            .unwrap_or_default()
            .iter()
            .filter(move |e| e.0 == key)
            .map(|e| e.1)
    }
}

const DROPPED: u64 = 1;
const DIACRITIC: u64 = 2;
const TONE_MOVED: u64 = 3;

/// Polynomial hashes of a word's letters: the hash of the word with any one
/// letter dropped or replaced is then had in constant time, not by hashing
/// the changed word again.
#[derive(Default)]
struct Poly {
    /// Powers of the base, up to the word's length.
    pow: Vec<u64>,
    /// Hash of each prefix (`pre[i]`: letters before `i`).
    pre: Vec<u64>,
    /// Hash contribution of each suffix at its place in the word.
    suf: Vec<u64>,
}

const BASE: u64 = 0x0000_0100_0000_01b3;

impl Poly {
    fn load(&mut self, chars: &[char]) {
        let n = chars.len();
        self.pow.clear();
        self.pre.clear();
        self.suf.clear();
        let mut power = 1u64;
        let mut prefix = 0u64;
        self.pow.push(power);
        self.pre.push(prefix);
        for c in chars {
            power = power.wrapping_mul(BASE);
            prefix = prefix.wrapping_mul(BASE).wrapping_add(u64::from(*c));
            self.pow.push(power);
            self.pre.push(prefix);
        }
        self.suf.resize(n + 1, 0);
        for (i, c) in chars.iter().enumerate().rev() {
            let after = self.suf.get(i + 1).copied().unwrap_or(0);
            let term = u64::from(*c).wrapping_mul(self.power(n - 1 - i));
            if let Some(slot) = self.suf.get_mut(i) {
                *slot = term.wrapping_add(after);
            }
        }
    }

    fn power(&self, k: usize) -> u64 {
        self.pow.get(k).copied().unwrap_or(0)
    }

    fn len(&self) -> usize {
        self.pre.len().saturating_sub(1)
    }

    fn full(&self) -> u64 {
        self.pre.last().copied().unwrap_or(0)
    }

    /// The hash of the word without its letter at `i`.
    fn without(&self, i: usize) -> u64 {
        let before = self.pre.get(i).copied().unwrap_or(0);
        let after = self.suf.get(i + 1).copied().unwrap_or(0);
        before
            .wrapping_mul(self.power(self.len().saturating_sub(i + 1)))
            .wrapping_add(after)
    }

    /// The hash of the word with its letter `old` at `i` replaced by `new`.
    fn replaced(&self, i: usize, old: char, new: char) -> u64 {
        let delta = u64::from(new).wrapping_sub(u64::from(old));
        self.full()
            .wrapping_add(delta.wrapping_mul(self.power(self.len().saturating_sub(i + 1))))
    }
}

/// The polynomial hash of `chars` (as `Poly::full`).
fn letters_hash(chars: &[char]) -> u64 {
    chars.iter().fold(0u64, |hash, c| {
        hash.wrapping_mul(BASE).wrapping_add(u64::from(*c))
    })
}

/// A letters hash made a key of one kind, its bits spread (buckets are
/// chosen by the top bits).
fn key(kind: u64, hash: u64) -> u64 {
    let mut h = hash ^ kind.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h = (h ^ (h >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    h = (h ^ (h >> 33)).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The word with the vowel at `at` replaced by its bare form (and a marker
/// of the position): words that differ only in that vowel's marks share it.
fn diacritic_key(poly: &Poly, chars: &[char], at: usize) -> Option<u64> {
    let c = *chars.get(at)?;
    let bare = bare_vowel(c)?;
    Some(key(
        DIACRITIC + ((at as u64) << 4),
        poly.replaced(at, c, bare),
    ))
}

/// The word's toneless letters and its tone: words that differ only in
/// which vowel carries the tone share it. `None` for words without a tone.
fn tone_key(chars: &[char]) -> Option<u64> {
    let mut hash = 0u64;
    let mut tone = None;
    for c in chars {
        let (base, t) = split_tone(*c)?;
        hash = hash.wrapping_mul(BASE).wrapping_add(u64::from(base));
        if t != Tone::Level {
            tone = Some(t);
        }
    }
    let tone = tone?;
    let tone_code = Tone::ALL.iter().position(|t| *t == tone)? as u64;
    Some(key(TONE_MOVED + (tone_code << 4), hash))
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
        let mut poly = Poly::default();
        for (id, entry) in vocab.entries.iter().enumerate() {
            if !entry.is_candidate() {
                continue;
            }
            let id = id as u32;
            chars.clear();
            chars.extend(entry.word.chars());
            poly.load(&chars);
            if let Some(key) = tone_key(&chars) {
                index.tone_moved.push(key, id);
            }
            for i in 0..chars.len() {
                index.dropped.push(key(DROPPED, poly.without(i)), id);
                if let Some(key) = diacritic_key(&poly, &chars, i) {
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
        let mut poly = Poly::default();
        poly.load(&chars);
        let mut found: Vec<u32> = self
            .dropped
            .get(key(DROPPED, poly.full()))
            .filter(|id| is_one_letter_longer(vocab.word(*id), &chars))
            .collect();
        for i in 0..chars.len() {
            if let Some(key) = diacritic_key(&poly, &chars, i) {
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
            .get(key(DROPPED, letters_hash(&chars)))
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
