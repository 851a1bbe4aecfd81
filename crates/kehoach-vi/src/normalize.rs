//! Normalisation of text as it comes from legal portals.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// NFC: portals mix precomposed and combining forms of the same letter.
/// Most text already is NFC; the quick checks spare rebuilding it.
pub fn nfc(s: &str) -> String {
    nfc_cow(s).into_owned()
}

/// [`nfc`] without copying text that already is NFC (a whole document, as
/// a rule).
pub fn nfc_cow(s: &str) -> Cow<'_, str> {
    if is_nfc_stable(s) {
        return Cow::Borrowed(s);
    }
    match unicode_normalization::is_nfc_quick(s.chars()) {
        unicode_normalization::IsNormalized::Yes => Cow::Borrowed(s),
        _ => Cow::Owned(s.nfc().collect()),
    }
}

/// True when every character is one NFC never changes and that never
/// combines with what precedes it: below U+0300 (ASCII, precomposed Latin),
/// U+1E00–U+1EFF (every Vietnamese letter with a tone mark), and
/// U+2010–U+205E (quotes, dashes). Read on the UTF-8 bytes, because this
/// runs over every document; anything else goes to the general check.
fn is_nfc_stable(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut i = 0;
    // Checked byte by byte up to here (a block that needs a closer look).
    let mut scalar_until = 0;
    while i < bytes.len() {
        if i >= scalar_until {
            match bytes
                .get(i..i + NFC_BLOCK)
                .and_then(|b| <&[u8; NFC_BLOCK]>::try_from(b).ok())
            {
                Some(block) if block_is_plain(block) => {
                    i += NFC_BLOCK;
                    continue;
                }
                _ => scalar_until = i + NFC_BLOCK,
            }
        }
        let b = bytes[i];
        let len = match b {
            0x00..=0xBF => 1, // ASCII, or a continuation byte skipped below
            0xC0..=0xCB => 2, // U+0000–U+02FF
            0xE1 if matches!(bytes.get(i + 1), Some(0xB8..=0xBB)) => 3, // U+1E00–U+1EFF
            0xE2 if matches!(
                (bytes.get(i + 1), bytes.get(i + 2)),
                (Some(0x80), Some(0x90..=0xA7))
                    | (Some(0x80), Some(0xB0..=0xBF))
                    | (Some(0x81), Some(0x80..=0x9E))
            ) =>
            {
                3
            } // U+2010–U+2027, U+2030–U+205E
            _ => return false,
        };
        i += len;
    }
    true
}

/// Bytes per block of [`block_is_plain`].
const NFC_BLOCK: usize = 32;

/// Whether every character starting in `block` is one [`is_nfc_stable`]
/// accepts: bytes below 0xCC (ASCII, continuation bytes, leads of
/// U+0000–U+02FF), or 0xE1 followed by 0xB8–0xBB (U+1E00–U+1EFF). Blocks
/// may start inside a character: its continuation bytes pass, its lead was
/// judged in the block before. A block ending in 0xE1 is not plain (its
/// follower is out of sight). A fold without branches, so that it compiles
/// to vector code: the byte-by-byte loop mispredicts on Vietnamese text,
/// where a third of the characters are not ASCII.
fn block_is_plain(block: &[u8; NFC_BLOCK]) -> bool {
    let leads_ok = block
        .iter()
        .fold(true, |ok, &b| ok & ((b < 0xCC) | (b == 0xE1)));
    let pairs_ok = block
        .iter()
        .zip(block.iter().skip(1))
        .fold(true, |ok, (&b, &next)| {
            ok & ((b != 0xE1) | ((0xB8..=0xBB).contains(&next)))
        });
    leads_ok & pairs_ok & (block[NFC_BLOCK - 1] != 0xE1)
}

/// A line as a reader of the printed page sees it: no-break spaces and other
/// odd spaces become plain spaces, runs of spaces collapse, ends are trimmed.
pub fn clean_line(s: &str) -> String {
    clean_line_cow(s).into_owned()
}

/// [`clean_line`] without copying a line that is already clean (most are).
pub fn clean_line_cow(s: &str) -> Cow<'_, str> {
    if is_clean(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(join_words(s))
}

/// The words of `s` (runs of anything but [`is_space`]) joined by single
/// spaces. Read on the bytes: spacing characters are told by their
/// encodings ([`space_len_at`]), and a word is copied as one slice.
fn join_words(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut word_start = 0;
    let mut i = 0;
    // Only bytes that may start (or, 0x9A, sit inside) a spacing character
    // stop the search; the rest of a word passes in a tight loop.
    while let Some(found) = b
        .get(i..)
        .and_then(|rest| rest.iter().position(|&c| may_mark_space(c)))
    {
        let at = i + found;
        // U+1680 (E1 9A 80) is spotted by its middle byte: 0xE1 leads every
        // letter with a tone mark and would stop the search all the time.
        let start = if b[at] == 0x9A && at > 0 && b[at - 1] == 0xE1 {
            at - 1
        } else {
            at
        };
        let space = space_len_at(b, start);
        if space == 0 {
            i = at + 1;
            continue;
        }
        push_word(&mut out, s.get(word_start..start).unwrap_or_default());
        i = start + space;
        word_start = i;
    }
    push_word(&mut out, s.get(word_start..).unwrap_or_default());
    out
}

fn push_word(out: &mut String, word: &str) {
    if word.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
}

/// Whether `c` may be part of a spacing character: ASCII spacing and
/// controls, the lead bytes in [`space_len_at`] but 0xE1, and 0x9A.
fn may_mark_space(c: u8) -> bool {
    c <= b' ' || matches!(c, 0xC2 | 0x9A | 0xE2 | 0xE3 | 0xEF)
}

/// Byte length of the [`is_space`] character starting at `i`, or 0 when
/// none does (U+0085, U+00A0, U+1680, U+2000–U+200B, U+2028, U+2029,
/// U+202F, U+205F, U+3000, U+FEFF and the ASCII spacing).
fn space_len_at(b: &[u8], i: usize) -> usize {
    match b.get(i..).unwrap_or_default() {
        [b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r', ..] => 1,
        [0xC2, 0x85 | 0xA0, ..] => 2,
        [0xE1, 0x9A, 0x80, ..]
        | [0xE2, 0x80, 0x80..=0x8B | 0xA8 | 0xA9 | 0xAF, ..]
        | [0xE2, 0x81, 0x9F, ..]
        | [0xE3, 0x80, 0x80, ..]
        | [0xEF, 0xBB, 0xBF, ..] => 3,
        _ => 0,
    }
}

/// Spacing a reader sees as a space: Unicode white space (tabs, no-break
/// space, the U+2000 family…) and the invisible zero-width space and BOM.
/// The byte readers ([`is_clean`], [`space_len_at`]) implement this rule;
/// the tests hold them to it.
#[cfg(test)]
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}')
}

/// Already as clean_line would make it: no space at either end, no double
/// space, no spacing other than the plain space. Read on the UTF-8 bytes
/// (every line of every document passes here): the spacing characters
/// beyond ASCII are few and their encodings known.
fn is_clean(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    if !may_hold_odd_spacing(b) {
        return true;
    }
    if s.contains("  ") {
        return false;
    }
    // Only a few byte values can mark odd spacing, and the lead bytes of
    // Vietnamese letters are not among them: U+1680 (E1 9A 80) is spotted
    // by its middle byte, since E1 leads every letter with a tone mark.
    b.iter()
        .enumerate()
        .filter(|(_, byte)| SPACING_MARK[usize::from(**byte)])
        .all(|(i, _)| !is_odd_space_at(b, i))
}

/// False when no byte is one of [`SPACING_MARK`] and no two spaces are
/// adjacent: the line is clean without a closer look. Tested with
/// comparisons rather than the table, and without branches, so that it
/// compiles to vector code (every line of every document passes here).
fn may_hold_odd_spacing(b: &[u8]) -> bool {
    let marks = b.iter().fold(false, |any, &c| {
        any | (c < 0x20) | (c == 0xC2) | (c == 0x9A) | (c == 0xE2) | (c == 0xE3) | (c == 0xEF)
    });
    let double_space = b
        .iter()
        .zip(b.iter().skip(1))
        .fold(false, |any, (&c, &next)| {
            any | ((c == b' ') & (next == b' '))
        });
    marks | double_space
}

/// Bytes that may mark a spacing character other than the plain space:
/// ASCII controls, the lead bytes of the encodings `is_odd_space_at` knows,
/// and 0x9A, the middle byte of U+1680.
const SPACING_MARK: [bool; 256] = {
    let mut table = [false; 256];
    let marks = [
        b'\t', b'\n', 0x0B, 0x0C, b'\r', 0xC2, 0x9A, 0xE2, 0xE3, 0xEF,
    ];
    let mut i = 0;
    while i < marks.len() {
        table[marks[i] as usize] = true;
        i += 1;
    }
    table
};

/// Whether the byte at `i`, one of [`SPACING_MARK`], is part of odd spacing.
fn is_odd_space_at(b: &[u8], i: usize) -> bool {
    if b[i] == 0x9A {
        return i > 0 && b[i - 1] == 0xE1 && b.get(i + 1) == Some(&0x80);
    }
    matches!(
        &b[i..],
        [b'\t' | b'\n' | 0x0B | 0x0C | b'\r', ..]
            | [0xC2, 0x85 | 0xA0, ..]
            | [0xE2, 0x80, 0x80..=0x8B | 0xA8 | 0xA9 | 0xAF, ..]
            | [0xE2, 0x81, 0x9F, ..]
            | [0xE3, 0x80, 0x80, ..]
            | [0xEF, 0xBB, 0xBF, ..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nbsp_and_runs_collapse() {
        assert_eq!(
            clean_line("\u{00A0}Mục\u{00A0}tiêu  4.4:\u{00A0} "),
            "Mục tiêu 4.4:"
        );
        assert_eq!(clean_line("\u{00A0}"), "");
    }

    #[test]
    fn the_byte_check_agrees_with_the_character_rule() {
        let samples: Vec<String> = (0u32..0x3100)
            .chain([0xFEFF, 0x1680])
            .filter_map(char::from_u32)
            .map(|c| format!("a{c}b"))
            .collect();
        for s in samples {
            let by_chars = !s.chars().any(|c| c != ' ' && is_space(c)) && !s.contains("  ");
            assert_eq!(is_clean(&s), by_chars, "{s:?}");
        }
    }

    #[test]
    fn the_byte_cleaner_agrees_with_the_character_rule() {
        let by_chars = |s: &str| {
            s.split(is_space)
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let samples: Vec<String> = (0u32..0x3100)
            .chain([0xFEFF, 0x1680, 0x1E00, 0x1EA0])
            .filter_map(char::from_u32)
            .flat_map(|c| {
                [
                    format!("a{c}b"),
                    format!("{c}{c}ệ {c}"),
                    format!(" x{c} "),
                    format!("ệ{c}ệ"),
                ]
            })
            .collect();
        for s in samples {
            assert_eq!(join_words(&s), by_chars(&s), "{s:?}");
        }
    }

    #[test]
    fn more_spacing_collapses() {
        assert_eq!(
            clean_line("Phấn đấu\u{3000}x\u{1680}y\u{FEFF}"),
            "Phấn đấu x y"
        );
        assert_eq!(clean_line("Mục tiêu 4.4"), "Mục tiêu 4.4");
        assert_eq!(clean_line("a  b\t"), "a b");
    }

    #[test]
    fn the_byte_check_accepts_only_characters_nfc_keeps() {
        let stable: String = ('\0'..='\u{2FF}')
            .chain('\u{1E00}'..='\u{1EFF}')
            .chain('\u{2010}'..='\u{2027}')
            .chain('\u{2030}'..='\u{205E}')
            .collect();
        assert!(is_nfc_stable(&stable));
        assert_eq!(stable.nfc().collect::<String>(), stable);
        for c in ('\u{300}'..='\u{FFFF}')
            .filter(|c| !matches!(*c as u32, 0x1E00..=0x1EFF | 0x2010..=0x2027 | 0x2030..=0x205E))
        {
            assert!(!is_nfc_stable(&c.to_string()), "{c:?}");
        }
    }

    #[test]
    fn nfc_composes() {
        // "ệ" as e + circumflex + dot below
        assert_eq!(nfc("Vie\u{0302}\u{0323}t"), "Việt");
        assert_eq!(nfc("“Việt” – Nam"), "“Việt” – Nam");
        // U+2000 EN QUAD is a singleton: NFC maps it to U+2002.
        assert_eq!(nfc("a\u{2000}b"), "a\u{2002}b");
    }
}
