//! Folding for matching: "Kế hoạch và Đầu tư" and "ke hoach va dau tu" are the
//! same key. Used for search, agency aliases and heading detection.

/// Lowercase, strip diacritics, and map đ/Đ to d (đ is a letter of its own,
/// not d with a mark, so decomposition alone leaves it).
pub fn fold(s: &str) -> String {
    s.chars()
        .filter(|&c| !is_combining_mark(c))
        .map(fold_char)
        .collect()
}

/// One character folded to one: the base letter, lowercase ("Ệ" → 'e',
/// "đ" → 'd'). Positions in a string folded this way match the original's
/// character for character.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match FOLD_TABLE.get_or_init(build_table).get(c as usize) {
        Some(&folded) => folded,
        None => fold_char_slow(c),
    }
}

/// Latin letters with diacritics (Vietnamese ones up to U+1EF9) folded in
/// advance: folding runs over every line of every document.
const TABLE_END: u32 = 0x1F00;

static FOLD_TABLE: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();

fn build_table() -> Vec<char> {
    (0..TABLE_END)
        .map(|u| char::from_u32(u).map_or('\u{FFFD}', fold_char_slow))
        .collect()
}

fn fold_char_slow(c: char) -> char {
    if matches!(c, 'đ' | 'Đ') {
        return 'd';
    }
    let mut base = c;
    let mut first = true;
    unicode_normalization::char::decompose_canonical(c, |d| {
        if first {
            base = d;
            first = false;
        }
    });
    let mut lower = base.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(one), None) => one,
        _ => base,
    }
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_vietnamese() {
        assert_eq!(fold("Kế hoạch và Đầu tư"), "ke hoach va dau tu");
        assert_eq!(fold("nước sạch"), "nuoc sach");
        assert_eq!(fold("ĐỒNG"), "dong");
        let per_char: String = "Kế hoạch Đầu tư".chars().map(super::fold_char).collect();
        assert_eq!(per_char, "ke hoach dau tu");
    }
}
