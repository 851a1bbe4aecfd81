//! Goal and target headings as SDG plans print them in table cells:
//! "Mục tiêu 2: …" and "(5) Mục tiêu 2.1 (MTUT): …", with the class also
//! spelled out ("(mục tiêu ưu tiên (MTUT))") or placed after the colon.

use std::sync::OnceLock;

use kehoach_model::TargetClass;
use regex::Regex;

/// A target heading: "(21) Mục tiêu 4.4 (MTKK): Đến năm 2030, …".
#[derive(Debug, Clone, PartialEq)]
pub struct TargetHeading {
    /// The running number "(21)", if printed.
    pub running: Option<u32>,
    /// "4.4".
    pub code: String,
    pub class: Option<TargetClass>,
    /// The target's statement (what follows the code and class).
    pub statement: String,
}

fn target_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)^(?:\((\d{1,3})\)\s*)?m[ụu]c\s+ti[êe]u\s+(\d{1,2}\.\d{1,2})\b\s*:?\s*(\((?:[^()]|\([^()]*\))*\))?\s*[:.]?\s*",
        )
        .unwrap_or_else(|e| panic!("bad regex: {e}"))
    })
}

/// Where a target heading starts in `text` (it may follow the end of the
/// previous target's tasks in the same paragraph).
pub fn find_target_heading(text: &str) -> Option<usize> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)\(\d{1,3}\)\s*m[ụu]c\s+ti[êe]u\s+\d{1,2}\.\d{1,2}\b")
            .unwrap_or_else(|e| panic!("bad regex: {e}"))
    });
    re.find(text).map(|m| m.start())
}

/// Reads a target heading at the start of `text`. Without a running number
/// the heading needs its class in parentheses, so that prose like
/// "Mục tiêu 1.2 của Kế hoạch" is not taken for one.
pub fn parse_target_heading(text: &str) -> Option<TargetHeading> {
    // The heading opens with "(" or "mục" in any case: a cheap test spares
    // most cells the regex.
    if !text.starts_with(['(', 'm', 'M']) {
        return None;
    }
    // After "(21)" and spacing the heading goes on with "mục": other
    // parenthesised cells ("(1) Tăng cường…") are spared the regex too.
    // The first ")" closes the running number, digits holding none.
    if let Some(after_open) = text.strip_prefix('(') {
        let after_number = after_open.split_once(')').map_or("", |(_, rest)| rest);
        if !after_number.trim_start().starts_with(['m', 'M']) {
            return None;
        }
    }
    let caps = target_re().captures(text)?;
    let running = caps.get(1).and_then(|m| m.as_str().parse().ok());
    let class_text = caps.get(3).map(|m| m.as_str());
    if running.is_none() && class_text.is_none() {
        return None;
    }
    let end = caps.get(0)?.end();
    Some(TargetHeading {
        running,
        code: caps.get(2)?.as_str().to_string(),
        class: class_text.and_then(target_class),
        statement: text.get(end..).unwrap_or("").trim().to_string(),
    })
}

/// "MTUT" / "ưu tiên" → priority; "MTKK" (also mistyped "MTKJ", "MTKQ") /
/// "khuyến khích" → encouraged.
pub fn target_class(text: &str) -> Option<TargetClass> {
    let folded = kehoach_vi::fold(text);
    if folded.contains("mtut") || folded.contains("uu tien") {
        Some(TargetClass::Priority)
    } else if folded.contains("mtk") || folded.contains("khuyen khich") {
        Some(TargetClass::Encouraged)
    } else {
        None
    }
}

/// "Mục tiêu 2: Xóa đói, …" or "Mục tiêu 1. Chấm dứt …" → ("2", title).
pub fn parse_goal_heading(text: &str) -> Option<(String, String)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^m[ụu]c\s+ti[êe]u\s+(\d{1,2})\s*[:.]\s*(\S.*)$")
            .unwrap_or_else(|e| panic!("bad regex: {e}"))
    });
    let caps = re.captures(text.trim())?;
    let title = caps.get(2)?.as_str().trim();
    // "Mục tiêu 1.1" is a target; the title of a goal starts with a letter.
    if title.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((caps.get(1)?.as_str().to_string(), title.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_headings_in_their_spellings() {
        let h =
            parse_target_heading("(1) Mục tiêu 1.1 (mục tiêu ưu tiên (MTUT)): Đến năm 2020, xóa")
                .expect("heading");
        assert_eq!(
            (h.running, h.code.as_str(), h.class, h.statement.as_str()),
            (
                Some(1),
                "1.1",
                Some(TargetClass::Priority),
                "Đến năm 2020, xóa"
            )
        );
        let h = parse_target_heading("(28) Mục tiêu 5.3: (MTUT) Hạn chế").expect("heading");
        assert_eq!(
            (h.code.as_str(), h.class),
            ("5.3", Some(TargetClass::Priority))
        );
        assert_eq!(h.statement, "Hạn chế");
        let h = parse_target_heading("(61) Mục tiêu 10.3 (MTKJ): Đảm bảo").expect("heading");
        assert_eq!(h.class, Some(TargetClass::Encouraged));
        assert!(parse_target_heading("Mục tiêu 1.2 của kế hoạch").is_none());
        assert_eq!(
            find_target_heading("xong. (22) Mục tiêu 4.5 (MTKK): X"),
            Some(6)
        );
    }

    #[test]
    fn goal_headings() {
        assert_eq!(
            parse_goal_heading("Mục tiêu 2: Xóa đói"),
            Some(("2".to_string(), "Xóa đói".to_string()))
        );
        assert_eq!(
            parse_goal_heading("Mục tiêu 1. Chấm dứt nghèo").map(|g| g.0),
            Some("1".to_string())
        );
        assert!(parse_goal_heading("Mục tiêu 1.1 (MTUT): X").is_none());
    }
}
