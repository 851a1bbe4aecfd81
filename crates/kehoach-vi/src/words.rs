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
pub fn words(line: &str) -> impl Iterator<Item = Word<'_>> + '_ {
    let mut rest = line.char_indices().peekable();
    std::iter::from_fn(move || loop {
        let (start, first) = rest.by_ref().find(|(_, c)| is_word_char(*c) || *c == '<')?;
        if first == '<' {
            if rest
                .peek()
                .is_some_and(|(_, c)| c.is_ascii_alphabetic() || *c == '/')
            {
                rest.by_ref().find(|(_, c)| *c == '>');
            }
            continue;
        }
        let mut end = line.len();
        while let Some(&(i, c)) = rest.peek() {
            if !is_word_char(c) {
                end = i;
                break;
            }
            rest.next();
        }
        let Some(raw) = line.get(start..end) else {
            continue;
        };
        let trimmed_start = raw.len() - raw.trim_start_matches(is_joiner).len();
        let text = raw.trim_matches(is_joiner);
        if text.is_empty() {
            continue;
        }
        return Some(Word {
            text,
            start: start + trimmed_start,
            letters_only: text.chars().all(is_letter),
        });
    })
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
