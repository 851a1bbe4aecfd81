//! What one line of an appendix table is: a row number, a "Mục tiêu" label,
//! a line of a period cell.

use std::sync::OnceLock;

use regex::Regex;

use crate::head_re::HeadRe;

/// A "Mục tiêu 16.2.b: …" label: the code as printed and the statement after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub code: String,
    pub text: String,
}

fn label_re() -> &'static HeadRe {
    static RE: OnceLock<HeadRe> = OnceLock::new();
    RE.get_or_init(|| {
        HeadRe::new(
            r"(?i)^mục\s*tiêu\s+(\d{1,2}(?:\s*\.\s*\d{1,2})?(?:\s*\.?\s*[a-z]\b)?)\s*[.:]*\s*",
        )
    })
}

/// Reads a target label; `None` for any other line.
pub fn target_label(text: &str) -> Option<Label> {
    // The label starts with "mục" in any case: a cheap test spares most
    // lines the regex.
    if !text.starts_with(['m', 'M']) {
        return None;
    }
    let (caps, rest) = label_re().captures(text)?;
    let code: String = caps.get(1)?.as_str().split_whitespace().collect();
    let text = rest.trim().to_string();
    Some(Label { code, text })
}

/// A line holding only a row number ("3", "1.2", "1.1.2.1"). A lone year
/// ("2019") is a period line, not a row number.
pub fn is_row_number(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^\d{1,3}(?:\.\d{1,3}){0,4}\.?$").unwrap_or_else(|e| panic!("bad regex: {e}"))
    });
    re.is_match(text) && !is_year(text)
}

fn is_year(text: &str) -> bool {
    text.len() == 4
        && text.chars().all(|c| c.is_ascii_digit())
        && (text.starts_with("19") || text.starts_with("20"))
}

/// A line of a "Giai đoạn thực hiện" cell: "2017- 2020 và", "và 2021-2030",
/// a lone "và", a single year, "Hàng năm", "Theo lộ trình của quy hoạch".
pub fn is_period_line(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:va\s*)?(?:19|20)\d\d(?:\s*[-–—]\s*(?:19|20)\d\d)?\s*(?:va)?\s*[.;,]?$")
            .unwrap_or_else(|e| panic!("bad regex: {e}"))
    });
    let folded = kehoach_vi::fold(text);
    folded == "va"
        || folded.starts_with("hang nam")
        || folded.starts_with("theo ")
        || re.is_match(&folded)
}

/// The folded text starts with the words of `prefix` (already folded).
pub fn starts_with_folded(text: &str, prefix: &str) -> bool {
    kehoach_vi::fold_starts_with(text, prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_every_printed_form() {
        for (printed, code, text) in [
            ("Mục tiêu 1.3: Đến năm 2030", "1.3", "Đến năm 2030"),
            ("Mục tiêu 1.3.b:", "1.3.b", ""),
            ("Mục tiêu 3.5.b.:", "3.5.b", ""),
            ("Mục tiêu 6.3.b.", "6.3.b", ""),
            ("Mục tiêu 12.2a:", "12.2a", ""),
            ("Mục tiêu 12.2:Đến năm", "12.2", "Đến năm"),
            ("Mục tiêu 2: Xóa đói", "2", "Xóa đói"),
            ("Mục tiêu 16.2.b: Phòng ngừa", "16.2.b", "Phòng ngừa"),
        ] {
            let label = target_label(printed).unwrap_or_else(|| panic!("{printed}"));
            assert_eq!((label.code.as_str(), label.text.as_str()), (code, text));
        }
        assert!(target_label("Mục tiêu phát triển bền vững").is_none());
    }

    #[test]
    fn row_numbers_and_periods() {
        assert!(is_row_number("1.1.2.1") && is_row_number("12") && is_row_number("19.1"));
        assert!(!is_row_number("2019") && !is_row_number("2017-2020"));
        for p in [
            "2017- 2020 và",
            "và 2021-2030",
            "và",
            "2021 – 2030",
            "2019",
            "Hàng năm",
            "Theo tiến độ từng dự án cụ thể.",
        ] {
            assert!(is_period_line(p), "{p}");
        }
        assert!(!is_period_line("Các Sở, Ban, Ngành"));
    }
}
