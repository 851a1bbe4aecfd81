//! The document's own words: interned once, with their verdict, how often
//! they occur where they can be judged, and the pairs they form.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::rc::Rc;

use crate::syllable::{is_foreign_word, Verdict};
use crate::words::is_uppercase;

/// A small multiplicative hasher: vocabulary keys are short words and the
/// importer must stay fast; these maps never face adversarial keys worse
/// than slow lookups.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    /// Eight bytes at a time, little-endian, the last chunk zero-padded;
    /// the tail is gathered byte by byte (a copy of variable length would
    /// call memcpy for every word).
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            if let Ok(eight) = <[u8; 8]>::try_from(chunk) {
                self.mix(u64::from_le_bytes(eight));
            }
        }
        let tail = chunks.remainder();
        if !tail.is_empty() {
            let v = tail
                .iter()
                .rev()
                .fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
            self.mix(v);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.mix(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.mix(n);
    }

    fn write_u8(&mut self, n: u8) {
        self.mix(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.mix(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl WordHasher {
    fn mix(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// A word as printed, hashed by its bytes in a few whole loads (no byte
/// loop, no terminator): every word of a document is looked up by it.
#[derive(Clone, Copy)]
pub struct Spelling<'a>(pub &'a str);

/// Compared by the same whole loads as hashed (a call to memcmp per word
/// costs more than the comparison): the loads cover every byte.
impl PartialEq for Spelling<'_> {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (self.0.as_bytes(), other.0.as_bytes());
        let n = a.len();
        if n != b.len() {
            return false;
        }
        if n >= 8 {
            let mut at = 0;
            while at + 8 < n {
                if load8(a, at) != load8(b, at) {
                    return false;
                }
                at += 8;
            }
            load8(a, n - 8) == load8(b, n - 8)
        } else if n >= 4 {
            load4(a, 0) == load4(b, 0) && load4(a, n - 4) == load4(b, n - 4)
        } else {
            a == b
        }
    }
}

impl Eq for Spelling<'_> {}

impl Hash for Spelling<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(spelling_hash(self.0.as_bytes()));
    }
}

fn load8(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at + 8)
        .and_then(|b| <[u8; 8]>::try_from(b).ok())
        .map_or(0, u64::from_le_bytes)
}

fn load4(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at + 4)
        .and_then(|b| <[u8; 4]>::try_from(b).ok())
        .map_or(0, |b| u64::from(u32::from_le_bytes(b)))
}

/// A spelling of at most 16 bytes held in the key itself, zero-padded
/// (words are letters, never NUL, so the padding is unambiguous). Looking a
/// word up then compares two integers in the table's own memory instead of
/// following a pointer back into the document for every word of it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct ShortSpelling(u64, u64);

impl ShortSpelling {
    /// None for words longer than 16 bytes.
    pub fn of(word: &str) -> Option<ShortSpelling> {
        let bytes = word.as_bytes();
        let n = bytes.len();
        let key = match n {
            0 => ShortSpelling(0, 0),
            1..=3 => {
                let v = bytes
                    .iter()
                    .rev()
                    .fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
                ShortSpelling(v, 0)
            }
            // The second load ends at the word's end; shifting drops the
            // bytes it shares with the first.
            4..=7 => ShortSpelling(
                load4(bytes, 0) | ((load4(bytes, n - 4) >> (8 * (8 - n))) << 32),
                0,
            ),
            8 => ShortSpelling(load8(bytes, 0), 0),
            9..=16 => ShortSpelling(load8(bytes, 0), load8(bytes, n - 8) >> (8 * (16 - n))),
            _ => return None,
        };
        Some(key)
    }
}

impl Hash for ShortSpelling {
    fn hash<H: Hasher>(&self, state: &mut H) {
        const K: u64 = 0x9e37_79b9_7f4a_7c15;
        let h = (self.0.wrapping_mul(K).rotate_left(29) ^ self.1).wrapping_mul(K);
        state.write_u64(h ^ (h >> 31));
    }
}

/// Overlapping loads cover short words whole; longer ones are read eight
/// bytes at a time, the last load ending at the word's end.
fn spelling_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let n = bytes.len();
    let mut h = (n as u64).wrapping_mul(K);
    let mix = |h: u64, v: u64| (h.rotate_left(23) ^ v).wrapping_mul(K);
    if n >= 8 {
        let mut at = 0;
        while at + 8 < n {
            h = mix(h, load8(bytes, at));
            at += 8;
        }
        h = mix(h, load8(bytes, n - 8));
    } else if n >= 4 {
        h = mix(h, load4(bytes, 0) | (load4(bytes, n - 4) << 32));
    } else if n > 0 {
        let first = bytes.first().copied().map_or(0, u64::from);
        let middle = bytes.get(n / 2).copied().map_or(0, u64::from);
        let last = bytes.last().copied().map_or(0, u64::from);
        h = mix(h, first | (middle << 8) | (last << 16));
    }
    h ^ (h >> 29)
}

/// How a word is capitalised: only lowercase and capitalised words are judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Lower,
    Capitalised,
    Other,
}

/// Writes `word` in lowercase to `buf` and tells its case.
pub fn lowercase_into(word: &str, buf: &mut String) -> Case {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        let mut upper = word.bytes().map(|b| b.is_ascii_uppercase());
        let case = match (upper.next(), upper.any(|u| u)) {
            (_, true) => Case::Other,
            (Some(true), false) => Case::Capitalised,
            _ => Case::Lower,
        };
        buf.make_ascii_lowercase();
        return case;
    }
    // Most words hold no capital: copied whole rather than char by char.
    if !word.chars().any(is_uppercase) {
        buf.push_str(word);
        return Case::Lower;
    }
    let mut case = Case::Lower;
    for (i, c) in word.chars().enumerate() {
        if is_uppercase(c) {
            case = match (i, case) {
                (0, _) => Case::Capitalised,
                _ => Case::Other,
            };
            buf.extend(c.to_lowercase());
        } else {
            buf.push(c);
        }
    }
    case
}

pub struct Entry {
    /// Shared with the vocabulary's map: one allocation per word.
    pub word: Rc<str>,
    /// Verdict of the word in lowercase (which is also that of its
    /// capitalised form); judged when it is first seen in a judged form, so
    /// `NotChecked` while `count` is 0.
    pub verdict: Verdict,
    /// Occurrences in lowercase or capitalised form.
    pub count: u32,
}

impl Entry {
    /// A word that can stand in for a damaged one: valid (or a known foreign
    /// word) and seen in lowercase or capitalised form.
    pub fn is_candidate(&self) -> bool {
        // An invalid verdict already tells the word is not on the foreign
        // list (listed words are not judged).
        self.count > 0
            && match self.verdict {
                Verdict::Valid => true,
                Verdict::Invalid => false,
                Verdict::NotChecked => is_foreign_word(&self.word),
            }
    }
}

#[derive(Default)]
pub struct Vocab {
    ids: FastMap<Rc<str>, u32>,
    pub entries: Vec<Entry>,
}

impl Vocab {
    pub fn id(&self, lower: &str) -> Option<u32> {
        self.ids.get(lower).copied()
    }

    pub fn entry(&self, id: u32) -> Option<&Entry> {
        self.entries.get(id as usize)
    }

    pub fn intern(&mut self, lower: &str) -> u32 {
        if let Some(id) = self.id(lower) {
            return id;
        }
        let id = self.entries.len() as u32;
        let word: Rc<str> = Rc::from(lower);
        self.entries.push(Entry {
            word: Rc::clone(&word),
            verdict: Verdict::NotChecked,
            count: 0,
        });
        self.ids.insert(word, id);
        id
    }

    /// The id of a word that can stand in for a damaged one.
    pub fn candidate_id(&self, lower: &str) -> Option<u32> {
        self.id(lower)
            .filter(|id| self.entry(*id).is_some_and(Entry::is_candidate))
    }

    pub fn word(&self, id: u32) -> &str {
        self.entry(id).map_or("", |e| &e.word)
    }

    pub fn count(&self, id: u32) -> u32 {
        self.entry(id).map_or(0, |e| e.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hash of the original chunked form: each 8-byte chunk, the last
    /// one zero-padded, read little-endian.
    fn reference(bytes: &[u8]) -> u64 {
        let mut hasher = WordHasher::default();
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            hasher.mix(u64::from_le_bytes(buf));
        }
        hasher.finish()
    }

    #[test]
    fn spellings_equal_exactly_when_their_text_is() {
        let words = [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abce",
            "tỉnh",
            "tỉnk",
            "nghiêng",
            "nghiênh",
            "khuyếch",
            "khuyếcH",
            "abcdefghijklmnopq",
            "abcdefghijklmnopr",
        ];
        for a in words {
            for b in words {
                assert_eq!(Spelling(a) == Spelling(b), a == b, "{a} {b}");
            }
        }
    }

    #[test]
    fn short_spellings_are_the_zero_padded_bytes() {
        let words = [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abce",
            "tỉnh",
            "tỉnk",
            "nghiêng",
            "nghiênh",
            "khuyếch",
            "khuyếcH",
            "abcdefgh",
            "abcdefghi",
            "abcdefghijklmnop",
            "ngườingười",
            "trườnghợpx",
        ];
        for a in words {
            let key = ShortSpelling::of(a).expect("at most 16 bytes");
            let mut padded = [0u8; 16];
            padded[..a.len()].copy_from_slice(a.as_bytes());
            let lo = u64::from_le_bytes(padded[..8].try_into().expect("8"));
            let hi = u64::from_le_bytes(padded[8..].try_into().expect("8"));
            assert!(key == ShortSpelling(lo, hi), "{a}");
            for b in words {
                assert_eq!(
                    key == ShortSpelling::of(b).expect("short"),
                    a == b,
                    "{a} {b}"
                );
            }
        }
        assert!(ShortSpelling::of("abcdefghijklmnopq").is_none());
    }

    #[test]
    fn hashes_bytes_in_zero_padded_chunks() {
        let text = "nghiêng khuyếch tỉnh Kiên Giang 2030";
        for end in 0..=text.len() {
            let bytes = &text.as_bytes()[..end];
            let mut hasher = WordHasher::default();
            hasher.write(bytes);
            assert_eq!(hasher.finish(), reference(bytes), "{end}");
        }
    }
}
