//! Vietnamese alphabetical order for lists shown to people (agencies,
//! plans, indicators).
//!
//! Byte order puts "Đ" after "Z" and "Ủy" after everything Latin; the CLDR
//! Vietnamese tailoring (ICU4X, compiled data) follows the Vietnamese
//! alphabet instead: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
//! ă, â, đ, ê, ô, ơ, ư are letters of their own (a primary difference: "ăn"
//! comes after "az"); tone marks only break ties between otherwise equal
//! words (a secondary difference), in the order ngang, huyền, hỏi, ngã,
//! sắc, nặng ("ma" < "mà" < "mả" < "mã" < "má" < "mạ"); case comes last.

use std::cmp::Ordering;
use std::sync::OnceLock;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale_core::locale;

/// A Vietnamese collator. Building one loads the tailoring, so build it once:
/// [`vietnamese`] gives a shared one (the collator is `Send + Sync`).
pub struct VietnameseOrder {
    collator: CollatorBorrowed<'static>,
}

impl VietnameseOrder {
    /// The collator for locale `vi` from ICU4X's compiled data. Fails only if
    /// the compiled data lacks the root collation, which the tests rule out.
    pub fn try_new() -> Result<Self, icu_provider::DataError> {
        let collator = Collator::try_new(locale!("vi").into(), CollatorOptions::default())?;
        Ok(Self { collator })
    }

    /// Vietnamese order; strings the collator holds equal (NFC and NFD
    /// spellings of one word) fall back to byte order, so sorting is
    /// deterministic.
    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        self.collator.compare(a, b).then_with(|| a.cmp(b))
    }

    /// Sorts `items` by the string `key` gives, in Vietnamese order (stable).
    pub fn sort_by_key<T>(&self, items: &mut [T], key: impl Fn(&T) -> &str) {
        items.sort_by(|a, b| self.compare(key(a), key(b)));
    }
}

/// The shared Vietnamese collator, built on first use.
pub fn vietnamese() -> &'static VietnameseOrder {
    static ORDER: OnceLock<VietnameseOrder> = OnceLock::new();
    ORDER.get_or_init(|| {
        VietnameseOrder::try_new()
            .unwrap_or_else(|e| panic!("ICU4X compiled collation data for vi: {e}"))
    })
}

/// Sorts `items` by `key` in Vietnamese order with the shared collator.
pub fn sort_vietnamese<T>(items: &mut [T], key: impl Fn(&T) -> &str) {
    vietnamese().sort_by_key(items, key);
}

#[cfg(test)]
mod tests {
    use super::{sort_vietnamese, vietnamese};
    use std::cmp::Ordering;

    fn sorted(words: &[&'static str]) -> Vec<&'static str> {
        let mut v = words.to_vec();
        // Reverse first so the test shows the sort did the work.
        v.reverse();
        sort_vietnamese(&mut v, |s| s);
        v
    }

    #[test]
    fn follows_the_vietnamese_alphabet() {
        let alphabet = [
            "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n", "o",
            "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y",
        ];
        assert_eq!(sorted(&alphabet), alphabet);
    }

    #[test]
    fn modified_letters_are_letters_of_their_own() {
        // Under the root collation ă would be a with a mark, so "ăn" < "az".
        assert_eq!(sorted(&["az", "ăn", "âm"]), ["az", "ăn", "âm"]);
        assert_eq!(sorted(&["dz", "đa"]), ["dz", "đa"]);
        assert_eq!(sorted(&["oz", "ôa", "ơa"]), ["oz", "ôa", "ơa"]);
        assert_eq!(sorted(&["uz", "ưa"]), ["uz", "ưa"]);
    }

    #[test]
    fn orders_agency_names() {
        let names = [
            "Sở Du lịch",
            "Sở Đào tạo",
            "Sở Nội vụ",
            "Sở Tài chính",
            "Sở Xây dựng",
            "Sở Y tế",
            "UBND huyện",
            "Ủy ban nhân dân tỉnh",
            "Ưu tiên",
        ];
        assert_eq!(sorted(&names), names);
    }

    #[test]
    fn tones_only_break_ties() {
        assert_eq!(
            sorted(&["ma", "mà", "mả", "mã", "má", "mạ"]),
            ["ma", "mà", "mả", "mã", "má", "mạ"]
        );
        // A later letter outweighs any tone on an earlier one.
        assert_eq!(sorted(&["mạ", "mac"]), ["mạ", "mac"]);
        assert_eq!(
            sorted(&["Sở Y tế", "Sở Xây dựng"]),
            ["Sở Xây dựng", "Sở Y tế"]
        );
    }

    #[test]
    fn case_comes_last_and_order_is_total() {
        assert_eq!(sorted(&["Đà", "đà", "Đa"]), ["Đa", "đà", "Đà"]);
        let order = vietnamese();
        // "Ủy" (NFC) and its NFD spelling: equal to the collator, so byte order decides.
        let nfd = "U\u{309}y";
        assert_ne!(order.compare("Ủy", nfd), Ordering::Equal);
        assert_eq!(order.compare("Ủy", "Ủy"), Ordering::Equal);
        assert_eq!(order.compare("", "a"), Ordering::Less);
    }

    #[test]
    fn sorts_records_by_a_key() {
        struct Agency {
            name: &'static str,
        }
        let mut agencies = vec![
            Agency {
                name: "Sở Y tế"
            },
            Agency {
                name: "Công an tỉnh",
            },
            Agency {
                name: "Bộ chỉ huy Quân sự tỉnh",
            },
        ];
        sort_vietnamese(&mut agencies, |a| a.name);
        let names: Vec<_> = agencies.iter().map(|a| a.name).collect();
        assert_eq!(
            names,
            ["Bộ chỉ huy Quân sự tỉnh", "Công an tỉnh", "Sở Y tế"]
        );
    }
}
