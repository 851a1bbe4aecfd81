//! One indicator cell: "9,78", "< 8,0", "65-70", "trên 90", "khoảng 5", "*".

use kehoach_model::{Comparator, IndicatorValue};

/// Qualifying words, longest first so "trở lên" wins over "trên".
const WORDS: &[(&str, Comparator)] = &[
    ("trở lên", Comparator::AtLeast),
    ("ít nhất", Comparator::AtLeast),
    ("tối thiểu", Comparator::AtLeast),
    ("không dưới", Comparator::AtLeast),
    ("không quá", Comparator::AtMost),
    ("tối đa", Comparator::AtMost),
    ("dưới", Comparator::Below),
    ("trên", Comparator::Above),
    ("khoảng", Comparator::About),
    ("đạt", Comparator::Eq),
    (">=", Comparator::AtLeast),
    ("≥", Comparator::AtLeast),
    ("<=", Comparator::AtMost),
    ("≤", Comparator::AtMost),
    (">", Comparator::Above),
    ("<", Comparator::Below),
    ("~", Comparator::About),
];

/// Reads a value cell for `year`. A cell that is not a number keeps its text
/// with `value` null; a number with no qualifier is "=".
pub fn parse_value_cell(text: &str, year: Option<i32>) -> IndicatorValue {
    let printed = kehoach_vi::clean_line(text);
    let mut rest = printed.to_lowercase();
    let mut comparator = None;
    for (word, cmp) in WORDS {
        if let Some(pos) = rest.find(word) {
            comparator = Some(*cmp);
            rest.replace_range(pos..pos + word.len(), " ");
            break;
        }
    }
    let rest = rest.trim().trim_end_matches(['%', '.']).trim().to_string();
    let (value, max) = match split_range(&rest) {
        Some((lo, hi)) => (Some(lo), Some(hi)),
        None => (kehoach_vi::parse_number(&rest), None),
    };
    IndicatorValue {
        year,
        text: printed,
        value,
        max,
        comparator: value.map(|_| comparator.unwrap_or(Comparator::Eq)),
    }
}

/// "65-70" or "20 - 25" → (65, 70).
fn split_range(s: &str) -> Option<(f64, f64)> {
    let (a, b) = s.split_once(['-', '–'])?;
    let lo = kehoach_vi::parse_number(a)?;
    let hi = kehoach_vi::parse_number(b.trim_end_matches('%'))?;
    (lo <= hi).then_some((lo, hi))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read() {
        let v = parse_value_cell("< 8,0", Some(2030));
        assert_eq!(
            (v.value, v.comparator),
            (Some(8.0), Some(Comparator::Below))
        );
        let v = parse_value_cell("65-70", Some(2020));
        assert_eq!((v.value, v.max), (Some(65.0), Some(70.0)));
        let v = parse_value_cell("9,78", Some(2015));
        assert_eq!((v.value, v.comparator), (Some(9.78), Some(Comparator::Eq)));
        let v = parse_value_cell("*", Some(2015));
        assert_eq!((v.value, v.comparator, v.text.as_str()), (None, None, "*"));
        let v = parse_value_cell("từ 35 trở lên", None);
        assert_eq!(
            v.comparator, None,
            "'từ 35' is not a plain number: kept as text"
        );
        let v = parse_value_cell("trên 90%", None);
        assert_eq!(
            (v.value, v.comparator),
            (Some(90.0), Some(Comparator::Above))
        );
    }
}
