//! What one paragraph of the appendix is: a goal or target heading, an
//! assignment label, an empty cell, or plain text.

use std::sync::OnceLock;

use regex::Regex;

use crate::head_re::HeadRe;

use crate::{Line, SourceText};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Para {
    /// "Mục tiêu 3. …", "Mục tiêu số 10: …"
    Goal {
        code: String,
        title: String,
    },
    /// "Mục tiêu 1.3a. …", "Nhiệm vụ 16.6: …"; `printed` is the code as printed.
    Target {
        printed: String,
        statement: String,
        nhiem_vu: bool,
    },
    /// "Chủ trì: …", "- Chủ trì: …", "Cơ quan chủ trì: …": the text after the colon.
    Lead(String),
    /// "Phối hợp: …", "* Cơ quan phối hợp: …": the text after the colon.
    Coordinating(String),
    /// A line holding only a no-break space: an empty table cell.
    EmptyCell,
    Text,
}

fn regex(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).unwrap_or_else(|e| panic!("bad regex: {e}")))
}

fn goal_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    regex(&RE, r"^Mục tiêu\s+(?:số\s+)?(\d{1,2})\s*[.:]\s*(\D.*)?$")
}

fn target_re() -> &'static HeadRe {
    static RE: OnceLock<HeadRe> = OnceLock::new();
    // The letter must stand alone ("13.1a Tăng", "5.7 c:"), so that the first
    // word of a statement ("3.2 Tăng") is not read as a suffix.
    RE.get_or_init(|| {
        HeadRe::new(
            r"^(Mục tiêu|Nhiệm vụ)\s+(?:số\s+)?(\d{1,2}\s*\.\s*\d{1,2}(?:\s*\.?\s*[a-z])?)(?:\s*[.:)]|\s|$)\s*",
        )
    })
}

fn label_re() -> &'static HeadRe {
    static RE: OnceLock<HeadRe> = OnceLock::new();
    // The colon is required: content paragraphs also open with "Phối hợp với…".
    RE.get_or_init(|| HeadRe::new(r"(?i)^(?:[-*]\s*)?(?:cơ quan\s+)?(chủ trì|phối hợp)\s*:\s*"))
}

/// Classifies one line of the appendix.
pub fn classify(line: &Line) -> Para {
    if line.is_empty_cell() {
        return Para::EmptyCell;
    }
    let t = line.text.as_str();
    // Cheap tests first (this runs on every line): a label needs a colon,
    // targets and goals start with "Mục tiêu" or "Nhiệm vụ".
    if t.contains(':') {
        if let Some(para) = label(t) {
            return para;
        }
    }
    if !t.starts_with("Mục tiêu") && !t.starts_with("Nhiệm vụ") {
        return Para::Text;
    }
    if let Some((c, rest)) = target_re().captures(t) {
        return Para::Target {
            printed: c.get(2).map_or("", |m| m.as_str()).to_string(),
            statement: rest.trim().to_string(),
            nhiem_vu: c.get(1).is_some_and(|m| m.as_str() == "Nhiệm vụ"),
        };
    }
    if let Some(c) = goal_re().captures(t) {
        return Para::Goal {
            code: c.get(1).map_or("", |m| m.as_str()).to_string(),
            title: c.get(2).map_or("", |m| m.as_str()).trim().to_string(),
        };
    }
    Para::Text
}

/// "Chủ trì: …" or "Phối hợp: …" and their variants.
fn label(t: &str) -> Option<Para> {
    if !may_be_label(t) {
        return None;
    }
    let (c, rest) = label_re().captures(t)?;
    let rest = rest.trim().to_string();
    let is_lead = c
        .get(1)
        .is_some_and(|m| kehoach_vi::fold_eq(m.as_str(), "chu tri"));
    Some(if is_lead {
        Para::Lead(rest)
    } else {
        Para::Coordinating(rest)
    })
}

/// What the label regex needs at the start of a line, told without running
/// it (its capturing matcher costs thousands of instructions per line, and
/// many lines hold a colon): after an optional "-" or "*" and spacing, "cơ
/// quan", "chủ trì" or "phối hợp" begin with c or p, in either case (no
/// other character folds to them).
fn may_be_label(t: &str) -> bool {
    let t = t.strip_prefix(['-', '*']).map_or(t, str::trim_start);
    t.starts_with(['c', 'C', 'p', 'P'])
}

/// "b) …", "b. …", "b.Tăng…": a lettered sub-item of the Nhiệm vụ column.
pub fn is_sub_item(text: &str) -> bool {
    let mut chars = text.chars();
    let letter = chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == 'đ');
    let next = chars.find(|c| !c.is_whitespace());
    letter && matches!(next, Some(')') | Some('.'))
}

/// "+ …": a sub-bullet, which hangs from the paragraph above it.
pub fn is_plus_bullet(text: &str) -> bool {
    text.starts_with('+')
}

/// The lines of the appendix table: from its first goal row after the
/// "PHỤ LỤC" title up to the website footer ("HIỆU LỰC VĂN BẢN"), as a
/// range of indices into `src.lines`. `None` without a "PHỤ LỤC" title.
pub fn appendix_range(src: &SourceText) -> Option<std::ops::Range<usize>> {
    let title = src
        .lines
        .iter()
        .position(|l| kehoach_vi::fold_eq(&l.text, "phu luc"))?;
    let first_goal =
        (title..src.lines.len()).find(|&i| matches!(classify(&src.lines[i]), Para::Goal { .. }))?;
    let end = (first_goal..src.lines.len())
        .find(|&i| is_footer(&src.lines[i].text))
        .unwrap_or(src.lines.len());
    Some(first_goal..end)
}

fn is_footer(text: &str) -> bool {
    kehoach_vi::fold_eq(text, "hieu luc van ban")
        || kehoach_vi::fold_eq(text, "tai van ban")
        || text.starts_with('•')
}

/// The goal list of the plan's body ("- Mục tiêu 3: …"), as (code, title, line).
pub fn body_goal_titles(src: &SourceText, before: usize) -> Vec<(String, String, usize)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = regex(&RE, r"^-\s*Mục tiêu\s+(?:số\s+)?(\d{1,2})\s*[.:]\s*(.+)$");
    src.lines
        .iter()
        .take(before)
        .filter_map(|l| {
            let c = re.captures(&l.text)?;
            Some((
                c.get(1)?.as_str().to_string(),
                c.get(2)?.as_str().trim().to_string(),
                l.no,
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(t: &str) -> Para {
        classify(&Line::new(1, t.to_string()))
    }

    /// The cheap test lets through every line the label regex reads.
    #[test]
    fn label_pre_check_keeps_every_label() {
        for t in [
            "Chủ trì: Sở Y tế",
            "chủ trì : Sở Y tế",
            "- Phối hợp: các sở",
            "*  Cơ quan chủ trì: Sở Tài chính",
            "-\u{a0}cơ quan phối hợp:",
            "CHỦ TRÌ: UBND",
        ] {
            assert!(label_re().captures(t).is_some(), "{t}");
            assert!(may_be_label(t), "{t}");
        }
        assert!(!may_be_label("Mục tiêu 1.2: Tăng"));
        assert!(!may_be_label("- Tăng cường: 2025"));
    }

    #[test]
    fn headings() {
        assert_eq!(
            para("Mục tiêu số 10: Giảm bất bình đẳng"),
            Para::Goal {
                code: "10".into(),
                title: "Giảm bất bình đẳng".into()
            }
        );
        for (t, code, stmt) in [
            ("Mục tiêu 1.3a. Rà soát", "1.3a", "Rà soát"),
            ("Mục tiêu 5.7 c: Tăng", "5.7 c", "Tăng"),
            ("Mục tiêu 3.2 Tăng cường", "3.2", "Tăng cường"),
            ("Mục tiêu 13.1a Tăng", "13.1a", "Tăng"),
            ("Mục tiêu 15.5.", "15.5", ""),
            ("Nhiệm vụ 3.8.b: Tăng", "3.8.b", "Tăng"),
        ] {
            match para(t) {
                Para::Target {
                    printed, statement, ..
                } => assert_eq!((printed.as_str(), statement.as_str()), (code, stmt), "{t}"),
                other => panic!("{t}: {other:?}"),
            }
        }
    }

    #[test]
    fn labels_need_a_colon() {
        assert_eq!(para("- Chủ trì: Sở Y tế"), Para::Lead("Sở Y tế".into()));
        assert_eq!(
            para("* Cơ quan phối hợp: Các sở"),
            Para::Coordinating("Các sở".into())
        );
        assert_eq!(para("Phối hợp với các Sở triển khai"), Para::Text);
        assert_eq!(para("Phối hợp:"), Para::Coordinating(String::new()));
    }

    #[test]
    fn sub_items() {
        assert!(is_sub_item("b.Tăng cường"));
        assert!(is_sub_item("a) Đến năm 2030"));
        assert!(!is_sub_item("Đến năm 2030"));
        assert!(!is_sub_item("- b) x"));
    }
}
