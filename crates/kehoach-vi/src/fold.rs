//! Folding for matching: "Kế hoạch và Đầu tư" and "ke hoach va dau tu" are the
//! same key. Used for search, agency aliases and heading detection.

use unicode_normalization::UnicodeNormalization;

/// Lowercase, strip diacritics, and map đ/Đ to d (đ is a letter of its own,
/// not d with a mark, so decomposition alone leaves it).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.nfd() {
        match ch {
            'đ' | 'Đ' => out.push('d'),
            c if is_combining_mark(c) => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
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
    }
}
