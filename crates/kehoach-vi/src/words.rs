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

fn is_joiner_byte(b: u8) -> bool {
    matches!(b, b'&' | b'.' | b'_' | b'@' | b'+' | b'\'')
}

impl<'a> Words<'a> {
    fn char_at(&self, at: usize) -> Option<char> {
        self.line.get(at..).and_then(|rest| rest.chars().next())
    }

    /// Moves to the start of the next word, noting what the gap holds.
    fn skip_gap(&mut self) -> Option<usize> {
        let bytes = self.line.as_bytes();
        loop {
            let b = *bytes.get(self.pos)?;
            if b.is_ascii() {
                if b.is_ascii_alphanumeric() || is_joiner_byte(b) {
                    return Some(self.pos);
                }
                if !b.is_ascii_whitespace() {
                    self.gap_is_space = false;
                }
                self.pos += 1;
                let opens_tag = b == b'<'
                    && bytes
                        .get(self.pos)
                        .is_some_and(|n| n.is_ascii_alphabetic() || *n == b'/');
                if opens_tag {
                    let close = bytes
                        .get(self.pos..)
                        .and_then(|r| r.iter().position(|x| *x == b'>'));
                    self.pos = close.map_or(bytes.len(), |k| self.pos + k + 1);
                }
            } else {
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

    /// Moves past the word starting at `start`; tells whether it holds a
    /// non-ASCII character that is not a letter.
    fn scan_word(&mut self, start: usize) -> bool {
        let bytes = self.line.as_bytes();
        let mut odd = false;
        self.pos = start;
        while let Some(&b) = bytes.get(self.pos) {
            if b.is_ascii() {
                if !(b.is_ascii_alphanumeric() || is_joiner_byte(b)) {
                    break;
                }
                self.pos += 1;
                continue;
            }
            let Some(c) = self.char_at(self.pos) else {
                break;
            };
            if !is_word_char(c) {
                break;
            }
            odd |= !is_letter(c);
            self.pos += c.len_utf8();
        }
        odd
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        loop {
            let start = self.skip_gap()?;
            let odd = self.scan_word(start);
            let raw = self.line.get(start..self.pos)?;
            let (text, trimmed_start) = if raw.starts_with(is_joiner) || raw.ends_with(is_joiner) {
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
            let letters_only = if odd {
                text.chars().all(is_letter)
            } else {
                text.bytes()
                    .all(|b| !b.is_ascii() || b.is_ascii_alphabetic())
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
