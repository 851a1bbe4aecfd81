//! Normalisation of text as it comes from legal portals.

use unicode_normalization::UnicodeNormalization;

/// NFC: portals mix precomposed and combining forms of the same letter.
/// Most text already is NFC; the quick check spares rebuilding it.
pub fn nfc(s: &str) -> String {
    match unicode_normalization::is_nfc_quick(s.chars()) {
        unicode_normalization::IsNormalized::Yes => s.to_string(),
        _ => s.nfc().collect(),
    }
}

/// A line as a reader of the printed page sees it: no-break spaces and other
/// odd spaces become plain spaces, runs of spaces collapse, ends are trimmed.
pub fn clean_line(s: &str) -> String {
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
    }
}
