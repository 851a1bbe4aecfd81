//! Is a word a well-formed Vietnamese syllable? A syllable is an initial
//! consonant, a rhyme (medial, nucleus vowel, final) and one tone mark placed
//! on the vowel the spelling rules allow; finals p, t, c, ch take only the
//! sắc and nặng tones.
//!
//! Only words that can be judged are judged ([`classify`]): single letters
//! (list markers), all-caps or mixed-case words (abbreviations such as UBND,
//! GRDP), words with f, j, w, z or from the foreign-word allowlist are
//! [`Verdict::NotChecked`].

mod letters;
mod rhyme;

pub use letters::{split_tone, with_tone, Tone};

use crate::words::is_uppercase;
use letters::is_vowel;

/// No Vietnamese syllable is longer ("nghiêng", "khuyếch").
const MAX_LETTERS: usize = 7;

/// Initial consonants beginning with `first`, longest first so that "ngh"
/// is tried before "ng" (the empty initial is tried separately).
fn initials_starting(first: char) -> &'static [&'static [char]] {
    match first {
        'n' => &[&['n', 'g', 'h'], &['n', 'g'], &['n', 'h'], &['n']],
        'c' => &[&['c', 'h'], &['c']],
        'g' => &[&['g', 'h'], &['g', 'i'], &['g']],
        'k' => &[&['k', 'h'], &['k']],
        'p' => &[&['p', 'h'], &['p']],
        't' => &[&['t', 'h'], &['t', 'r'], &['t']],
        'q' => &[&['q', 'u']],
        'b' => &[&['b']],
        'd' => &[&['d']],
        'đ' => &[&['đ']],
        'h' => &[&['h']],
        'l' => &[&['l']],
        'm' => &[&['m']],
        'r' => &[&['r']],
        's' => &[&['s']],
        'v' => &[&['v']],
        'x' => &[&['x']],
        _ => &[],
    }
}

/// Foreign words, names and loanwords spelt outside Vietnamese rules, as
/// found in plan documents (lowercase).
const FOREIGN_WORDS: [&str; 35] = [
    "alibaba",
    "axit",
    "axít",
    "belarus",
    "cacbon",
    "camera",
    "campuchia",
    "container",
    "covid",
    "email",
    "gen",
    "homestay",
    "internet",
    "interpol",
    "learning",
    "logistic",
    "logistics",
    "marketing",
    "mekong",
    "mêkông",
    "methadone",
    "nagoya",
    "nomura",
    "online",
    "paris",
    "photocopy",
    "protection",
    "ramsar",
    "smartphone",
    "startup",
    "status",
    "taxi",
    "tour",
    "tp",
    "vietgap",
];

/// For each ASCII letter, the byte lengths of the listed words beginning
/// with it (bit n: length n): most words are told unlisted by one lookup,
/// and every distinct word of a document is asked about.
static LISTED_LENGTHS: [u64; 26] = listed_lengths();

const fn listed_lengths() -> [u64; 26] {
    let mut table = [0u64; 26];
    let mut i = 0;
    while i < FOREIGN_WORDS.len() {
        let word = FOREIGN_WORDS[i].as_bytes();
        assert!(word.len() < 64 && word[0].is_ascii_lowercase());
        table[(word[0] - b'a') as usize] |= 1 << word.len();
        i += 1;
    }
    table
}

/// Whether a listed word has the length and first letter (any case) of
/// `word`; `false` rules the word out.
fn may_be_listed(word: &[u8]) -> bool {
    let Some(first) = word.first() else {
        return false;
    };
    let letter = first.to_ascii_lowercase().wrapping_sub(b'a');
    let lengths = LISTED_LENGTHS.get(usize::from(letter)).copied();
    word.len() < 64 && lengths.is_some_and(|bits| bits & (1 << word.len()) != 0)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Valid,
    Invalid,
    NotChecked,
}

/// Judges one word (letters only, any case).
pub fn classify(word: &str) -> Verdict {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return Verdict::NotChecked;
    };
    let rest_lower = chars.clone().all(|c| !is_uppercase(c));
    if chars.next().is_none() || !rest_lower || !crate::words::is_letter(first) {
        return Verdict::NotChecked;
    }
    if word
        .chars()
        .any(|c| matches!(c, 'f' | 'j' | 'w' | 'z' | 'F' | 'J' | 'W' | 'Z'))
    {
        return Verdict::NotChecked;
    }
    if is_roman_numeral(word) || (word.len() <= 16 && is_foreign_word(word)) {
        return Verdict::NotChecked;
    }
    if is_valid_syllable(word) {
        Verdict::Valid
    } else {
        Verdict::Invalid
    }
}

/// "ii", "iii", "xiv": numbering, not words.
fn is_roman_numeral(word: &str) -> bool {
    word.chars()
        .all(|c| matches!(c, 'i' | 'v' | 'x' | 'I' | 'V' | 'X'))
}

/// Whether `word` is on the allowlist of foreign words and names (any case).
pub fn is_foreign_word(word: &str) -> bool {
    if word.is_ascii() {
        if !may_be_listed(word.as_bytes()) {
            return false;
        }
        return FOREIGN_WORDS
            .iter()
            .any(|foreign| foreign.eq_ignore_ascii_case(word));
    }
    // Every listed word begins with an ASCII letter, and no non-ASCII
    // character lowercases to one that begins a listed word (only the
    // Kelvin sign becomes a 'k', and U+0130 becomes "i" and a combining dot).
    let Some(first) = word.as_bytes().first().filter(|b| b.is_ascii()) else {
        return false;
    };
    // A non-ASCII character lowercases to ASCII only when it is the Kelvin
    // sign: otherwise the lowercase word is not ASCII either, and the only
    // listed words that are not begin with 'a' or 'm'.
    if !matches!(first.to_ascii_lowercase(), b'a' | b'm') && !word.contains('\u{212A}') {
        return false;
    }
    // Lowercased into a small buffer, not a String: this runs for every
    // distinct word of a document. A word whose lowercase outgrows the
    // buffer is longer than any listed word.
    let mut lower = [0u8; 24];
    let mut len = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let Some(slot) = lower.get_mut(len..len + c.len_utf8()) else {
            return false;
        };
        c.encode_utf8(slot);
        len += c.len_utf8();
    }
    let lower = lower.get(..len).unwrap_or_default();
    FOREIGN_WORDS
        .iter()
        .any(|foreign| foreign.as_bytes() == lower)
}

/// A syllable as its toneless letters, its tone and the index of the letter carrying it.
struct Parsed {
    letters: [char; MAX_LETTERS],
    len: usize,
    tone: Tone,
    tone_at: Option<usize>,
}

fn parse_letters(word: &str) -> Option<Parsed> {
    let mut parsed = Parsed {
        letters: [' '; MAX_LETTERS],
        len: 0,
        tone: Tone::Level,
        tone_at: None,
    };
    for c in word.chars() {
        let lower = if is_uppercase(c) {
            c.to_lowercase().next()?
        } else {
            c
        };
        let (base, tone) = split_tone(lower)?;
        let slot = parsed.letters.get_mut(parsed.len)?;
        *slot = base;
        if tone != Tone::Level {
            if parsed.tone_at.is_some() {
                return None;
            }
            parsed.tone = tone;
            parsed.tone_at = Some(parsed.len);
        }
        parsed.len += 1;
    }
    Some(parsed)
}

/// Whether `word` (any case) is a well-formed Vietnamese syllable.
pub fn is_valid_syllable(word: &str) -> bool {
    let Some(parsed) = parse_letters(word) else {
        return false;
    };
    let letters = &parsed.letters[..parsed.len];
    let initials = letters.first().map_or(&[][..], |c| initials_starting(*c));
    initials.iter().chain([&[][..]].iter()).any(|&initial| {
        if !letters.starts_with(initial) {
            return false;
        }
        let init_len = initial.len();
        let tone_at = match parsed.tone_at {
            Some(at) if at < init_len => return false,
            Some(at) => Some(at - init_len),
            None => None,
        };
        let rhyme = &letters[init_len..];
        rhyme::is_valid_rhyme(rhyme, initial == ['g', 'i'], parsed.tone, tone_at)
            && spelling_allows(initial, rhyme)
    })
}

/// Spelling rules tying an initial to the rhyme's first letter (k/c, gh/g, ngh/ng, qu, gi).
fn spelling_allows(initial: &[char], rhyme: &[char]) -> bool {
    let Some(&first) = rhyme.first() else {
        return false;
    };
    let cluster = rhyme.iter().take_while(|c| is_vowel(**c)).count();
    let front = matches!(first, 'i' | 'e' | 'ê');
    let starts_ye = first == 'y' && rhyme.get(1) == Some(&'ê');
    if starts_ye && !matches!(initial, [] | ['q', 'u']) {
        return false;
    }
    match initial {
        ['k'] => front || first == 'y',
        ['c'] => !front && first != 'y',
        ['g', 'h'] | ['n', 'g', 'h'] => front,
        ['n', 'g'] => !front,
        ['g'] => !matches!(first, 'e' | 'ê') && (first != 'i' || cluster == 1),
        ['g', 'i'] => first != 'i',
        ['q', 'u'] => !matches!(first, 'u' | 'o'),
        _ => true,
    }
}

#[cfg(test)]
mod tests;
