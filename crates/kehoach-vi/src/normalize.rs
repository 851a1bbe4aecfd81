//! Normalisation of text as it comes from legal portals.

use unicode_normalization::UnicodeNormalization;

/// NFC: portals mix precomposed and combining forms of the same letter.
pub fn nfc(s: &str) -> String {
    if is_surely_nfc(s) {
        return s.to_string();
    }
    s.nfc().collect()
}

/// Whether the text is made only of characters that NFC leaves alone
/// whatever surrounds them, among those Vietnamese text is made of: below
/// the combining marks (U+0300), the precomposed Vietnamese letters
/// (U+1E00..U+1EFF), general punctuation (U+2010..U+205E) and the currency
/// signs (U+20A0..U+20BF). Such text is already NFC, which spares the full
/// normalisation for almost every document. Read from the UTF-8 bytes: lead
/// bytes below 0xCC encode characters below U+0300; E1 B8..BB is
/// U+1E00..U+1EFF; E2 80 90..E2 81 9E and E2 82 A0..BF the rest.
fn is_surely_nfc(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0xCC {
            i += 1;
            continue;
        }
        let second = bytes.get(i + 1).copied().unwrap_or(0);
        let third = bytes.get(i + 2).copied().unwrap_or(0);
        let stable = match (b, second) {
            (0xE1, 0xB8..=0xBB) => true,
            (0xE2, 0x80) => third >= 0x90,
            (0xE2, 0x81) => third <= 0x9E,
            (0xE2, 0x82) => third >= 0xA0,
            _ => false,
        };
        if !stable {
            return false;
        }
        i += 3;
    }
    true
}

/// The character sets [`is_surely_nfc`] accepts, for its tests.
#[cfg(test)]
fn is_stable_in_nfc(c: char) -> bool {
    matches!(c, '\0'..='\u{2FF}' | '\u{1E00}'..='\u{1EFF}' | '\u{2010}'..='\u{205E}' | '\u{20A0}'..='\u{20BF}')
}

/// A line as a reader of the printed page sees it: no-break spaces and other
/// odd spaces become plain spaces, runs of spaces collapse, ends are trimmed.
pub fn clean_line(s: &str) -> String {
    if is_clean(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for ch in s.chars() {
        let is_space = ch.is_whitespace() || matches!(ch, '\u{00A0}' | '\u{200B}' | '\u{FEFF}');
        if is_space {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(ch);
        }
    }
    out
}

/// A line with nothing for [`clean_line`] to do, told from its bytes: no
/// control bytes, no lead byte of a non-ASCII space (U+0085 and U+00A0 start
/// with 0xC2, U+1680 is E1 9A, U+2000..U+205F start with E2, U+3000 with E3,
/// U+FEFF with EF), no doubled, leading or trailing space. Vietnamese letters
/// (C3..C6, E1 BA/BB) pass.
fn is_clean(s: &str) -> bool {
    let bytes = s.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut prev = 0u8;
    for &b in bytes {
        let odd = b < 0x20
            || matches!(b, 0xC2 | 0xE2 | 0xE3 | 0xEF)
            || (prev == 0xE1 && b == 0x9A)
            || (prev == b' ' && b == b' ');
        if odd {
            return false;
        }
        prev = b;
    }
    true
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
        assert_eq!(
            clean_line("Phấn đấu\u{3000}x\u{1680}y\u{FEFF}"),
            "Phấn đấu x y"
        );
        assert_eq!(clean_line("Mục tiêu 4.4"), "Mục tiêu 4.4");
        assert_eq!(clean_line("a  b\t"), "a b");
    }

    #[test]
    fn stable_characters_are_their_own_nfc() {
        let stable: String = ('\0'..='\u{2FF}')
            .chain('\u{1E00}'..='\u{1EFF}')
            .chain('\u{2010}'..='\u{205E}')
            .chain('\u{20A0}'..='\u{20BF}')
            .collect();
        let full: String = stable.nfc().collect();
        assert_eq!(full, stable);
        assert!(is_surely_nfc(&stable));
        for c in ('\u{300}'..='\u{FFFF}').filter(|c| !is_stable_in_nfc(*c)) {
            assert!(!is_surely_nfc(&c.to_string()), "{c:?}");
        }
    }

    #[test]
    fn nfc_composes() {
        // "ệ" as e + circumflex + dot below
        assert_eq!(nfc("Vie\u{0302}\u{0323}t"), "Việt");
    }
}
