//! Words of a line, with their byte offsets, as the syllable checker and the
//! repairer see them.

use crate::syllable::{classify, Verdict};

/// One word: a run of letters, digits and joiners (& . _ @ + '), with dots at
/// its ends trimmed. Only words made of letters alone are judged as syllables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    /// Byte offset of `text` in the line.
    pub start: usize,
    pub letters_only: bool,
    /// Only spacing separates it from the previous word (or the line start):
    /// "tỉnh huyện" is a word pair, "tỉnh, huyện" is not.
    pub after_space: bool,
}

impl Word<'_> {
    pub fn verdict(&self) -> Verdict {
        if self.letters_only {
            classify(self.text)
        } else {
            Verdict::NotChecked
        }
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '&' | '.' | '_' | '@' | '+' | '\'' | '’')
}

fn is_word_char(c: char) -> bool {
    is_letter(c) || c.is_ascii_digit() || is_joiner(c) || (!c.is_ascii() && c.is_numeric())
}

/// `char::is_alphabetic`, answered without the Unicode tables for the Latin
/// blocks Vietnamese is written in (the tables are slow, and every character
/// of a document passes here).
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        _ if c.is_ascii() => false,
        '\u{C0}'..='\u{24F}' => c != '×' && c != '÷',
        '\u{1E00}'..='\u{1EFF}' => true,
        _ => c.is_alphabetic(),
    }
}

/// `char::is_uppercase`, answered without the Unicode tables for the Latin
/// letters Vietnamese uses (where capitals and small letters alternate).
pub fn is_uppercase(c: char) -> bool {
    let odd = u32::from(c) % 2 == 1;
    match c {
        'A'..='Z' => true,
        _ if c.is_ascii() => false,
        '\u{C0}'..='\u{DE}' => c != '×',
        '\u{DF}'..='\u{FF}' => false,
        '\u{100}'..='\u{137}' | '\u{14A}'..='\u{177}' | '\u{1A0}'..='\u{1A1}' => !odd,
        '\u{1AF}'..='\u{1B0}' => odd,
        '\u{1EA0}'..='\u{1EFF}' => !odd,
        _ => c.is_uppercase(),
    }
}

/// The words of `line`, in order. HTML tags that portals leave in the text
/// ("<ul style=...>") are not words.
pub fn words(line: &str) -> Words<'_> {
    Words {
        line,
        pos: 0,
        gap_is_space: true,
    }
}

/// Iterator over the words of a line. It scans bytes and decodes only
/// non-ASCII characters: every character of every document passes here.
pub struct Words<'a> {
    line: &'a str,
    pos: usize,
    /// Nothing but spacing seen since the previous word.
    gap_is_space: bool,
}

const fn is_joiner_byte(b: u8) -> bool {
    matches!(b, b'&' | b'.' | b'_' | b'@' | b'+' | b'\'')
}

/// What a byte is to the scanner; one table lookup per byte instead of a
/// chain of tests.
const NON_ASCII: u8 = 0;
const ASCII_LETTER: u8 = 1;
/// Digits and joiners: part of a word, but not of a syllable.
const ASCII_WORD_MARK: u8 = 2;
const ASCII_SPACE: u8 = 3;
const ASCII_OTHER: u8 = 4;

static BYTE_CLASS: [u8; 256] = byte_classes();

const fn byte_classes() -> [u8; 256] {
    let mut table = [NON_ASCII; 256];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        table[i] = if b.is_ascii_alphabetic() {
            ASCII_LETTER
        } else if b.is_ascii_digit() || is_joiner_byte(b) {
            ASCII_WORD_MARK
        } else if b.is_ascii_whitespace() {
            ASCII_SPACE
        } else {
            ASCII_OTHER
        };
        i += 1;
    }
    table
}

fn class_of(b: u8) -> u8 {
    BYTE_CLASS[usize::from(b)]
}

fn starts_with_joiner(s: &str) -> bool {
    s.as_bytes().first().is_some_and(|b| is_joiner_byte(*b)) || s.starts_with('’')
}

fn ends_with_joiner(s: &str) -> bool {
    s.as_bytes().last().is_some_and(|b| is_joiner_byte(*b)) || s.ends_with('’')
}

/// Byte length of the character at `at` when its first bytes alone show it
/// is a letter of the Latin blocks Vietnamese uses (U+00C0–U+024F but × and
/// ÷, U+1E00–U+1EFF): almost every non-ASCII character of a document, told
/// without decoding. `None` means "decode and ask `is_letter`". `at` must be
/// a character boundary.
#[inline]
fn latin_letter_len(bytes: &[u8], at: usize) -> Option<usize> {
    let lead = *bytes.get(at)?;
    let next = *bytes.get(at + 1)?;
    match lead {
        0xC3 => (next != 0x97 && next != 0xB7).then_some(2),
        0xC4..=0xC8 => Some(2),
        0xC9 if next <= 0x8F => Some(2),
        0xE1 if (0xB8..=0xBB).contains(&next) => Some(3),
        _ => None,
    }
}

/// Byte length of the character at `at`, and whether it is whitespace, when
/// its first bytes alone show it is a separator common in documents that is
/// no part of a word: U+00A0 (kept in empty table cells) and the General
/// Punctuation spaces, dashes and quotes U+2000–U+203F but '’' (a joiner).
/// `None` means "decode and ask". `at` must be a character boundary.
#[inline]
fn separator_len(bytes: &[u8], at: usize) -> Option<(usize, bool)> {
    match (*bytes.get(at)?, *bytes.get(at + 1)?) {
        (0xC2, 0xA0) => Some((2, true)),
        (0xE2, 0x80) => match *bytes.get(at + 2)? {
            0x99 => None,
            0x80..=0x8A | 0xA8 | 0xA9 | 0xAF => Some((3, true)),
            0x80..=0xBF => Some((3, false)),
            _ => None,
        },
        _ => None,
    }
}

/// What a word holds beside letters, as found while scanning it.
#[derive(Default, Clone, Copy)]
struct WordMarks {
    /// A non-ASCII character that is not a letter.
    odd: bool,
    /// An ASCII digit or joiner.
    ascii_mark: bool,
}

impl<'a> Words<'a> {
    fn char_at(&self, at: usize) -> Option<char> {
        self.line.get(at..).and_then(|rest| rest.chars().next())
    }

    /// Moves to the start of the next word, noting what the gap holds.
    #[inline]
    fn skip_gap(&mut self) -> Option<usize> {
        let bytes = self.line.as_bytes();
        loop {
            let b = *bytes.get(self.pos)?;
            match class_of(b) {
                ASCII_LETTER | ASCII_WORD_MARK => return Some(self.pos),
                ASCII_SPACE => self.pos += 1,
                ASCII_OTHER => {
                    self.gap_is_space = false;
                    self.pos += 1;
                    if b == b'<' {
                        self.skip_tag();
                    }
                }
                _ => {
                    if latin_letter_len(bytes, self.pos).is_some() {
                        return Some(self.pos);
                    }
                    if let Some((len, space)) = separator_len(bytes, self.pos) {
                        self.gap_is_space &= space;
                        self.pos += len;
                        continue;
                    }
                    let c = self.char_at(self.pos)?;
                    if is_word_char(c) {
                        return Some(self.pos);
                    }
                    if !c.is_whitespace() {
                        self.gap_is_space = false;
                    }
                    self.pos += c.len_utf8();
                }
            }
        }
    }

    /// After a '<': skips an HTML tag up to its '>' (or the line end).
    fn skip_tag(&mut self) {
        let bytes = self.line.as_bytes();
        let opens_tag = bytes
            .get(self.pos)
            .is_some_and(|n| n.is_ascii_alphabetic() || *n == b'/');
        if opens_tag {
            let close = bytes
                .get(self.pos..)
                .and_then(|r| r.iter().position(|x| *x == b'>'));
            self.pos = close.map_or(bytes.len(), |k| self.pos + k + 1);
        }
    }

    /// Moves past the word starting at `start`; tells what it holds beside
    /// letters. Inlined into `next_word`: the call's saving and restoring
    /// of registers cost a third of scanning a word.
    #[inline(always)]
    fn scan_word(&mut self, start: usize) -> WordMarks {
        let bytes = self.line.as_bytes();
        let mut marks = WordMarks::default();
        let mut pos = start;
        while let Some(&b) = bytes.get(pos) {
            match class_of(b) {
                ASCII_LETTER => {
                    pos += 1;
                    continue;
                }
                ASCII_WORD_MARK => {
                    marks.ascii_mark = true;
                    pos += 1;
                    continue;
                }
                ASCII_SPACE | ASCII_OTHER => break,
                _ => {}
            }
            if let Some(len) = latin_letter_len(bytes, pos) {
                pos += len;
                continue;
            }
            if separator_len(bytes, pos).is_some() {
                break;
            }
            let Some(c) = self.char_at(pos) else {
                break;
            };
            if !is_word_char(c) {
                break;
            }
            marks.odd |= !is_letter(c);
            pos += c.len_utf8();
        }
        self.pos = pos;
        marks
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        self.next_word()
    }
}

impl<'a> Words<'a> {
    /// The iterator's step, inlined into the loops that read every word of
    /// a document (the call costs as much as scanning a short word).
    #[inline(always)]
    pub fn next_word(&mut self) -> Option<Word<'a>> {
        loop {
            // Most gaps are one space before a letter (ASCII or one of the
            // Latin letters told from their bytes): passed over here
            // without a call.
            let bytes = self.line.as_bytes();
            let start = match (bytes.get(self.pos), bytes.get(self.pos + 1)) {
                (Some(b' '), Some(next)) if next.is_ascii_alphabetic() => {
                    self.pos += 1;
                    self.pos
                }
                (Some(b' '), Some(next))
                    if !next.is_ascii() && latin_letter_len(bytes, self.pos + 1).is_some() =>
                {
                    self.pos += 1;
                    self.pos
                }
                _ => self.skip_gap()?,
            };
            let marks = self.scan_word(start);
            let raw = self.line.get(start..self.pos)?;
            if !marks.odd && !marks.ascii_mark && !raw.is_empty() {
                // Letters alone (every joiner is an ASCII mark or, '’', an
                // odd character): nothing to trim; by far the common case.
                let after_space = self.gap_is_space;
                self.gap_is_space = true;
                return Some(Word {
                    text: raw,
                    start,
                    letters_only: true,
                    after_space,
                });
            }
            let (text, trimmed_start) = if starts_with_joiner(raw) || ends_with_joiner(raw) {
                let text = raw.trim_matches(is_joiner);
                (text, raw.len() - raw.trim_start_matches(is_joiner).len())
            } else {
                (raw, 0)
            };
            let after_space = self.gap_is_space && trimmed_start == 0;
            self.gap_is_space = trimmed_start + text.len() == raw.len();
            if text.is_empty() {
                self.gap_is_space = false;
                continue;
            }
            let letters_only = if marks.odd {
                text.chars().all(is_letter)
            } else if marks.ascii_mark {
                text.bytes()
                    .all(|b| !b.is_ascii() || b.is_ascii_alphabetic())
            } else {
                true
            };
            return Some(Word {
                text,
                start: start + trimmed_start,
                letters_only,
                after_space,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_letter_test_agrees_with_unicode() {
        for c in ('\0'..='\u{2FFF}').filter(|c| !c.is_ascii_digit()) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn fast_uppercase_test_agrees_with_unicode() {
        for c in '\0'..='\u{FFFF}' {
            assert_eq!(is_uppercase(c), c.is_uppercase(), "{c:?}");
        }
    }

    #[test]
    fn byte_letter_test_agrees_with_is_letter() {
        for c in '\u{80}'..='\u{FFFF}' {
            let text = c.to_string();
            if let Some(len) = latin_letter_len(text.as_bytes(), 0) {
                assert!(is_letter(c), "{c:?}");
                assert_eq!(len, text.len(), "{c:?}");
            }
        }
        for c in ['à', 'Ạ', 'đ', 'ơ', 'ư', 'ỹ', 'ɏ'] {
            assert!(
                latin_letter_len(c.to_string().as_bytes(), 0).is_some(),
                "{c:?}"
            );
        }
    }

    #[test]
    fn byte_separator_test_agrees_with_decoding() {
        for c in '\u{80}'..='\u{FFFF}' {
            let text = format!("{c}a");
            if let Some((len, space)) = separator_len(text.as_bytes(), 0) {
                assert!(!is_word_char(c), "{c:?}");
                assert_eq!(len, c.len_utf8(), "{c:?}");
                assert_eq!(space, c.is_whitespace(), "{c:?}");
            }
        }
        for c in ['\u{A0}', '–', '“', '”', '…', '\u{2003}'] {
            assert!(
                separator_len(c.to_string().as_bytes(), 0).is_some(),
                "{c:?}"
            );
        }
    }

    #[test]
    fn splits_words_with_offsets() {
        let line = "Sở KH&ĐT, Công an tnh (2030). TP.HCM-x <ul style=\"a\"> < 3";
        let found: Vec<(&str, usize, bool)> = words(line)
            .map(|w| (w.text, w.start, w.letters_only))
            .collect();
        let spaced: Vec<bool> = words(line).map(|w| w.after_space).collect();
        assert_eq!(
            spaced,
            [true, true, false, true, true, false, false, false, false]
        );
        assert_eq!(
            found,
            vec![
                ("Sở", 0, true),
                ("KH&ĐT", 5, false),
                ("Công", 13, true),
                ("an", 19, true),
                ("tnh", 22, true),
                ("2030", 27, false),
                ("TP.HCM", 34, false),
                ("x", 41, true),
                ("3", 60, false),
            ]
        );
    }
}
