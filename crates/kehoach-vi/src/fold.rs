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

/// The folded characters of `s`, lazily: lets a caller compare with a
/// folded key without building the folded string (headings are looked for
/// on every line of a document).
pub fn folded_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|&c| !is_combining_mark(c)).map(fold_char)
}

/// `fold(s) == folded`, without allocating; stops at the first difference.
pub fn fold_eq(s: &str, folded: &str) -> bool {
    folded_chars(s).eq(folded.chars())
}

/// `fold(s).starts_with(prefix)`, without allocating.
pub fn fold_starts_with(s: &str, prefix: &str) -> bool {
    let mut chars = folded_chars(s);
    prefix.chars().all(|p| chars.next() == Some(p))
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

pub(crate) fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

#[cfg(test)]
mod tests {
    use super::{fold, fold_eq, fold_starts_with};

    #[test]
    fn folds_vietnamese() {
        assert_eq!(fold("Kế hoạch và Đầu tư"), "ke hoach va dau tu");
        assert_eq!(fold("nước sạch"), "nuoc sach");
        assert_eq!(fold("ĐỒNG"), "dong");
        let per_char: String = "Kế hoạch Đầu tư".chars().map(super::fold_char).collect();
        assert_eq!(per_char, "ke hoach dau tu");
    }

    #[test]
    fn comparisons_agree_with_fold() {
        assert!(fold_eq("PHỤ LỤC", "phu luc"));
        assert!(fold_eq("Phu\u{0323} lu\u{0323}c", "phu luc"));
        assert!(!fold_eq("PHỤ LỤC I", "phu luc"));
        assert!(!fold_eq("PHỤ", "phu luc"));
        assert!(fold_starts_with("Nơi nhận:", "noi nhan"));
        assert!(fold_starts_with("Nơi nhận", "noi nhan"));
        assert!(!fold_starts_with("Nơi", "noi nhan"));
        assert!(fold_starts_with("", ""));
    }
}
