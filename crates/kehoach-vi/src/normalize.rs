//! Normalisation of text as it comes from legal portals.

use unicode_normalization::UnicodeNormalization;

/// NFC: portals mix precomposed and combining forms of the same letter.
/// Most text already is NFC; the quick check spares rebuilding it.
pub fn nfc(s: &str) -> String {
    if s.chars().all(is_nfc_stable) {
        return s.to_string();
    }
    match unicode_normalization::is_nfc_quick(s.chars()) {
        unicode_normalization::IsNormalized::Yes => s.to_string(),
        _ => s.nfc().collect(),
    }
}

/// Characters that NFC never changes and that never combine with what
/// precedes them: ASCII, precomposed Latin (including every Vietnamese
/// letter), and punctuation such as quotes and dashes. Checking these is
/// cheaper than the general quick check, and they are nearly all a
/// Vietnamese document holds.
fn is_nfc_stable(c: char) -> bool {
    matches!(c as u32, 0..=0x2FF | 0x1E00..=0x1EFF | 0x2010..=0x2027 | 0x2030..=0x205E)
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

/// Already as clean_line would make it: no leading or trailing space, no
/// double space, and none of the bytes that start tabs, no-break or other
/// odd spaces (0xC2 for U+00A0, 0xE2 for U+2000–U+200B, 0xE3 for U+3000,
/// 0xEF for U+FEFF).
fn is_clean(s: &str) -> bool {
    let bytes = s.as_bytes();
    let edges_ok =
        bytes.first().is_none_or(|&b| b != b' ') && bytes.last().is_none_or(|&b| b != b' ');
    edges_ok
        && !bytes.windows(2).any(|w| w == b"  ")
        && !bytes.iter().any(|&b| {
            matches!(
                b,
                b'\t' | b'\r' | b'\n' | 0x0B | 0x0C | 0xC2 | 0xE2 | 0xEF | 0xE3
            )
        })
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
    fn nfc_composes() {
        // "ệ" as e + circumflex + dot below
        assert_eq!(nfc("Vie\u{0302}\u{0323}t"), "Việt");
        assert_eq!(nfc("“Việt” – Nam"), "“Việt” – Nam");
        // U+2000 EN QUAD is a singleton: NFC maps it to U+2002.
        assert_eq!(nfc("a\u{2000}b"), "a\u{2002}b");
    }
}
