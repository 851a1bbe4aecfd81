//! What a single cell is: a row marker in the STT column, a goal or target
//! heading, or an agency cell. Content decides, since position cannot: a
//! merged cell leaves no trace in the flattened text.

use std::sync::OnceLock;

use regex::Regex;

use crate::head_re::HeadRe;

use crate::agency::Registry;
use crate::code::{normalize_target_code, TargetCode};

/// A cell of the STT column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Marker {
    /// "I".."XVII": a goal row.
    Roman(u32),
    /// "1", "2"…: a target row.
    Number(u32),
    /// "-": a task row.
    Bullet,
    /// An empty cell (a line holding only a no-break space).
    Empty,
}

pub(super) fn marker(text: &str) -> Option<Marker> {
    if text.is_empty() {
        return Some(Marker::Empty);
    }
    if matches!(text, "-" | "–" | "+" | "•") {
        return Some(Marker::Bullet);
    }
    if text.len() <= 3 && text.chars().all(|c| c.is_ascii_digit()) {
        return text.parse().ok().map(Marker::Number);
    }
    roman_value(text).map(Marker::Roman)
}

/// "XVII" → 17; only plain upper-case numerals up to 39.
fn roman_value(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 7 {
        return None;
    }
    let digits: Vec<u32> = text
        .chars()
        .map(|c| match c {
            'I' => Some(1),
            'V' => Some(5),
            'X' => Some(10),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let mut total = 0;
    for (i, &d) in digits.iter().enumerate() {
        match digits.get(i + 1) {
            Some(&next) if next > d => total -= d as i64,
            _ => total += d as i64,
        }
    }
    u32::try_from(total).ok().filter(|&v| (1..40).contains(&v))
}

/// "Mục tiêu 1: Chấm dứt…" (also with the dropped letter: "Mc tiêu 8:").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct GoalHeading {
    pub number: String,
    pub title: String,
}

pub(super) fn goal_heading(text: &str) -> Option<GoalHeading> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^m\S{0,3}c\s*ti\S{0,2}u\s*(\d{1,2})\s*[:.]\s*(.*)$")
            .unwrap_or_else(|e| panic!("bad regex: {e}"))
    });
    let caps = re.captures(text)?;
    Some(GoalHeading {
        number: caps.get(1)?.as_str().trim_start_matches('0').to_string(),
        title: caps.get(2).map_or("", |m| m.as_str()).trim().to_string(),
    })
}

/// "MTCT 1.1: Đến năm 2020…" (also "MTCT11.1:").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TargetHeading {
    pub code: TargetCode,
    pub statement: String,
}

pub(super) fn target_heading(text: &str) -> Option<TargetHeading> {
    static RE: OnceLock<HeadRe> = OnceLock::new();
    let re = RE.get_or_init(|| {
        HeadRe::new(r"^MTCT\s*(\d{1,2}\s*\.\s*\d{1,2}(?:\s*\.?\s*[a-z]\b)?)\s*[:.]?\s*")
    });
    // The regex is anchored on "MTCT": most lines fail this test at once.
    if !text.starts_with("MTCT") {
        return None;
    }
    let (caps, rest) = re.captures(text)?;
    Some(TargetHeading {
        code: normalize_target_code(caps.get(1)?.as_str())?,
        statement: rest.trim().to_string(),
    })
}

/// First words of agency names that the registry may not know ("Sở GTVT
/// các tỉnh trong vùng", "Thanh tra giao thông"…), in lower case with their
/// diacritics: folded, "Sở" would match "Số hóa…" and "Đài" "Đại hội…".
/// Task texts start with verbs, so none of these begins one; "Ban hành" is
/// why a bare "ban" is not in the list.
const AGENCY_HEADS: &[&str] = &[
    "sở",
    "s",
    "các sở",
    "các s",
    "các ngành",
    "các đơn vị",
    "các tổ chức",
    "ubnd",
    "ủy ban",
    "uỷ ban",
    "ubmttq",
    "ubmttqvn",
    "công an",
    "mặt trận",
    "bcđ",
    "bch",
    "thanh tra",
    "văn phòng",
    "vp",
    "nhnn",
    "ngân hàng",
    "nh chính sách",
    "liên hiệp",
    "hội liên hiệp",
    "hội lhpn",
    "hiệp hội",
    "đài",
    "báo đồng",
    "đoàn thể",
    "đoàn th",
    "đoàn thchính",
    "tỉnh đoàn",
    "cục",
    "tòa án",
    "viện kiểm sát",
    "vksnd",
    "bhxh",
    "ban chỉ đạo",
    "ban điều phối",
    "ban quản lý",
];

/// The most words the first name of an agency cell has; task texts are longer.
const MAX_NAME_WORDS: usize = 10;

/// Whether a cell lists agencies rather than continuing a text: its first
/// name is known to the registry, or is short and starts like an agency.
pub(super) fn is_agency_cell(registry: &Registry, text: &str) -> bool {
    let first = text
        .split([';', ',', ':'])
        .next()
        .unwrap_or_default()
        .trim();
    if first.is_empty() || first.split_whitespace().count() > MAX_NAME_WORDS {
        return false;
    }
    if registry.lookup(first).is_some() || glued_so(first) {
        return true;
    }
    let lower = first.to_lowercase();
    AGENCY_HEADS.iter().any(|head| {
        lower
            .strip_prefix(head)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '.']))
    })
}

/// "SNN&PTNT", "SY tế", "STài chính": the "S" of "Sở" glued to the name.
fn glued_so(first: &str) -> bool {
    let mut chars = first.chars();
    chars.next() == Some('S') && chars.next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        assert_eq!(marker("XVII"), Some(Marker::Roman(17)));
        assert_eq!(marker("IV"), Some(Marker::Roman(4)));
        assert_eq!(marker("12"), Some(Marker::Number(12)));
        assert_eq!(marker("-"), Some(Marker::Bullet));
        assert_eq!(marker(""), Some(Marker::Empty));
        assert_eq!(marker("Sở Y tế"), None);
        assert_eq!(marker("VIVID"), None);
    }

    #[test]
    fn headings() {
        let g = goal_heading("Mc tiêu 8: Tăng trưởng").expect("goal");
        assert_eq!((g.number.as_str(), g.title.as_str()), ("8", "Tăng trưởng"));
        let t = target_heading("MTCT11.5: Đến năm 2030").expect("target");
        assert_eq!(t.code.code, "11.5");
        assert_eq!(t.statement, "Đến năm 2030");
        assert!(target_heading("Chương trình MTCT quốc gia").is_none());
    }

    #[test]
    fn agency_cells_are_told_from_texts() {
        let r = Registry::builtin();
        for cell in [
            "SNN&PTNT; Sở TNMT; BCĐ ứng phó với BĐKH",
            "Sở GTVT các tnh trong vùng",
            "Thanh tra giao thông, Cnh sát giao thông",
            "Các S, ban, ngành; UBND các huyện, thành phố",
        ] {
            assert!(is_agency_cell(r, cell), "{cell}");
        }
        for cell in [
            "Ban hành Quy chế phối hợp liên ngành",
            "Bảo đảm công khai, minh bạch",
            "Số hóa dữ liệu",
            "Đại hội",
            "Kéo giảm tình trạng thừa cân béo phì; xây dựng chế độ dinh dưỡng",
        ] {
            assert!(!is_agency_cell(r, cell), "{cell}");
        }
    }
}
