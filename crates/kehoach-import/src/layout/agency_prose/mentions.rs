//! Values stated inside a sentence: "phấn đấu tăng từ 9,3% (trở lên)",
//! "khoảng 24%", "ít nhất 50 tổ hợp tác", "còn không quá 2,5%". Each number
//! becomes a [`Mention`]: the words naming it before, its unit and the
//! phrase after it, and its value read by the shared cell reader.

use std::ops::Range;
use std::sync::OnceLock;

use kehoach_model::IndicatorValue;
use regex::Regex;

use crate::indicator_value::parse_value_cell;

/// Units printed right after a number, longest first within a prefix.
const UNITS: &[&str] = &[
    "%/năm",
    "%",
    "triệu đồng/người",
    "triệu đồng",
    "triệu USD",
    "tỷ đồng",
    "giường bệnh/vạn dân",
    "bác sĩ/vạn dân",
    "tổ hợp tác",
    "Liên hiệp Hợp tác xã",
    "hợp tác xã",
    "doanh nghiệp",
    "lao động",
    "người",
    "huyện",
    "xã",
    "ha",
    "MW",
];

/// Units that count things: the counted phrase names the value.
pub fn is_count_unit(unit: &str) -> bool {
    !unit.starts_with('%')
        && !unit.contains("đồng")
        && !unit.contains("USD")
        && unit != "ha"
        && unit != "MW"
}

/// Comparator words as printed before a number, closest to the number
/// first when several are stripped. "từ" alone means "from … upward".
const BEFORE_COMPARATORS: &[&str] = &[
    "không quá",
    "không dưới",
    "ít nhất",
    "tối thiểu",
    "tối đa",
    "khoảng",
    "trên",
    "dưới",
    "từ",
];

/// Verbs and fillers between a name and its value.
const FILLERS: &[&str] = &[
    "phấn đấu",
    "đạt",
    "tăng",
    "giảm",
    "là",
    "còn",
    "trong đó",
    "và",
];

#[derive(Debug, Clone)]
pub struct Mention {
    /// Byte range of the number (range included) in the sentence.
    pub number: Range<usize>,
    /// The words before the value that name it, fillers removed.
    pub name_before: String,
    /// The unit and the phrase after it, up to the next clause.
    pub after: String,
    pub unit: Option<String>,
    pub value: IndicatorValue,
    /// Where the printed name-and-value starts (for a value's full text).
    pub segment_start: usize,
    /// Inside a parenthesised "(trong đó, …)" breakdown.
    pub in_breakdown: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum ParenKind {
    Breakdown,
    AtLeast,
    Other,
}

#[derive(Debug, Clone)]
struct Paren {
    span: Range<usize>,
    kind: ParenKind,
}

fn number_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let n = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?";
        Regex::new(&format!(r"({n})(?:\s*%?\s*[-–]\s*({n}))?"))
            .unwrap_or_else(|e| panic!("bad regex: {e}"))
    })
}

/// Top-level parenthesised groups, classified.
fn parens(s: &str) -> Vec<Paren> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '(' => {
                if depth == 0 {
                    open = Some(i);
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    if let Some(o) = open.take() {
                        let inner = kehoach_vi::fold(&s[o + 1..i]);
                        let kind = if inner.trim_start().starts_with("trong do") {
                            ParenKind::Breakdown
                        } else if inner.trim() == "tro len" {
                            ParenKind::AtLeast
                        } else {
                            ParenKind::Other
                        };
                        out.push(Paren {
                            span: o..i + 1,
                            kind,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn paren_at(parens: &[Paren], pos: usize) -> Option<&Paren> {
    parens.iter().find(|p| p.span.contains(&pos))
}

/// Every value the sentence states, in order. `year` is the plan's year.
pub fn mentions(s: &str, year: Option<i32>) -> Vec<Mention> {
    let groups = parens(s);
    let numbers: Vec<regex::Captures> = number_re()
        .captures_iter(s)
        .filter(|c| {
            c.get(0)
                .is_some_and(|m| is_value_number(s, m.start(), &groups))
        })
        .collect();
    let mut out: Vec<Mention> = Vec::new();
    let mut boundary = 0;
    for caps in &numbers {
        let Some(whole) = caps.get(0) else { continue };
        let breakdown = paren_at(&groups, whole.start()).filter(|p| p.kind == ParenKind::Breakdown);
        let seg_start = match breakdown {
            Some(p) if boundary <= p.span.start => p.span.start + 1,
            _ => boundary,
        };
        let seg_start = seg_start.min(whole.start());
        let (name_before, cmp_word, value_start) = split_before(s, seg_start, whole.start());
        let after = read_after(s, whole.end(), &groups);
        let printed = s
            .get(value_start..after.value_end.max(whole.end()))
            .unwrap_or("")
            .trim();
        let cell = value_cell(cmp_word.as_deref(), caps, after.at_least);
        let mut value = parse_value_cell(&cell, year);
        value.text = printed.to_string();
        out.push(Mention {
            number: whole.start()..whole.end(),
            name_before,
            after: after.phrase,
            unit: after.unit,
            value,
            segment_start: seg_start,
            in_breakdown: breakdown.is_some(),
        });
        boundary = after.phrase_end.max(whole.end());
    }
    out
}

/// A number that is a value: not inside an aside "(giảm 1%/năm)", not part
/// of a word or code, not a year, not "cả 03 tiêu chí" (all three criteria).
fn is_value_number(s: &str, start: usize, groups: &[Paren]) -> bool {
    if paren_at(groups, start).is_some_and(|p| p.kind == ParenKind::Other) {
        return false;
    }
    let before = &s[..start];
    if before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '.' | ','))
    {
        return false;
    }
    let last_word = before.split_whitespace().next_back().unwrap_or("");
    !matches!(last_word.to_lowercase().as_str(), "cả" | "năm" | "số")
}

/// The name before a number, the comparator word right before it, and where
/// the printed value starts.
fn split_before(s: &str, seg_start: usize, num_start: usize) -> (String, Option<String>, usize) {
    let mut name = s.get(seg_start..num_start).unwrap_or("").trim_end();
    let mut cmp: Option<String> = None;
    let mut value_start = num_start;
    loop {
        let lower = name.to_lowercase();
        let hit = BEFORE_COMPARATORS
            .iter()
            .chain(FILLERS)
            .find(|w| ends_with_word(&lower, w));
        let Some(word) = hit else { break };
        let cut = name.len().saturating_sub(word.len());
        let Some(head) = name.get(..cut) else { break };
        if BEFORE_COMPARATORS.contains(word) && cmp.is_none() && value_start == num_start {
            cmp = Some((*word).to_string());
            value_start = seg_start + cut;
        }
        name = head.trim_end();
    }
    (clean_name(name), cmp, value_start)
}

/// `lower` ends with `word` as whole words.
fn ends_with_word(lower: &str, word: &str) -> bool {
    lower.ends_with(word)
        && lower[..lower.len() - word.len()]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// Leading clause marks and conjunctions off, trailing colons off.
pub fn clean_name(name: &str) -> String {
    let mut n = name.trim();
    loop {
        let before = n;
        n = n.trim_start_matches([';', ',', ')', ':', '.', ' ']);
        for lead in ["trong đó,", "trong đó", "và "] {
            if let Some(rest) = n.strip_prefix(lead) {
                n = rest;
            }
        }
        if n == before {
            break;
        }
    }
    n.trim_end_matches([':', ',', ';', ' ']).trim().to_string()
}

/// What follows a number: its unit, the phrase after it (unit included,
/// up to the next clause), where the printed value ends, where the phrase
/// ends, and whether "trở lên" follows.
struct After {
    unit: Option<String>,
    phrase: String,
    value_end: usize,
    phrase_end: usize,
    at_least: bool,
}

fn read_after(s: &str, num_end: usize, groups: &[Paren]) -> After {
    let rest = s.get(num_end..).unwrap_or("");
    let trimmed = rest.trim_start();
    let unit = UNITS
        .iter()
        .find(|u| {
            trimmed.starts_with(**u)
                && trimmed[u.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
        .map(|u| (*u).to_string());
    let mut value_end =
        num_end + (rest.len() - trimmed.len()) + unit.as_ref().map_or(0, String::len);
    let phrase_len = after_phrase_len(rest);
    let mut phrase_end = num_end + phrase_len;
    let phrase = rest[..phrase_len].trim().to_string();
    let mut at_least = false;
    let after_unit = s.get(value_end..).unwrap_or("");
    if let Some(tail) = after_unit.trim_start().strip_prefix("trở lên") {
        at_least = true;
        value_end = s.len() - tail.len();
    }
    // "(trở lên)" right after the phrase belongs to this value.
    let paren = groups.iter().find(|p| {
        p.kind == ParenKind::AtLeast
            && s.get(phrase_end..p.span.start)
                .is_some_and(|t| t.trim().is_empty())
    });
    if let Some(p) = paren {
        at_least = true;
        value_end = p.span.end;
        phrase_end = p.span.end;
    }
    After {
        unit,
        phrase,
        value_end: value_end.min(s.len()),
        phrase_end,
        at_least,
    }
}

/// The phrase after a number ends at ";", "(", ")", " và ", the end, or a
/// comma whose clause holds the next number.
fn after_phrase_len(rest: &str) -> usize {
    let mut i = 0;
    while i < rest.len() {
        let tail = &rest[i..];
        if tail.starts_with([';', '(', ')']) || tail.starts_with(" và ") {
            return i;
        }
        if let Some(clause) = tail.strip_prefix(',') {
            let clause = clause
                .find([';', ',', '('])
                .map_or(clause, |p| &clause[..p]);
            if clause.chars().any(|c| c.is_ascii_digit()) {
                return i;
            }
        }
        i += tail.chars().next().map_or(1, char::len_utf8);
    }
    rest.trim_end_matches(['.', ' ']).len()
}

/// The cell handed to the shared reader: comparator word, number, range.
fn value_cell(cmp_word: Option<&str>, caps: &regex::Captures, at_least: bool) -> String {
    let number = caps.get(1).map_or("", |m| m.as_str());
    let max = caps.get(2).map(|m| m.as_str());
    let mut cell = String::new();
    match cmp_word {
        Some("từ") => {}
        Some(w) => {
            cell.push_str(w);
            cell.push(' ');
        }
        None => {}
    }
    cell.push_str(number);
    if let Some(max) = max {
        cell.push('-');
        cell.push_str(max);
    }
    let from_upward = cmp_word == Some("từ") && max.is_none();
    if at_least || from_upward {
        cell.push_str(" trở lên");
    }
    cell
}

#[cfg(test)]
mod tests {
    use super::*;
    use kehoach_model::Comparator;

    #[test]
    fn reads_comparators_and_units() {
        let m = mentions("Tốc độ tăng trưởng phấn đấu tăng từ 9,3% (trở lên); trong đó, khu vực dịch vụ tăng 8,5%;", Some(2023));
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].name_before, "Tốc độ tăng trưởng");
        assert_eq!(
            (m[0].value.value, m[0].value.comparator),
            (Some(9.3), Some(Comparator::AtLeast))
        );
        assert_eq!(m[0].value.text, "từ 9,3% (trở lên)");
        assert_eq!(m[1].name_before, "khu vực dịch vụ");
        assert_eq!(m[1].unit.as_deref(), Some("%"));
        let m = mentions("Tỷ lệ hộ nghèo còn không quá 2,5% (giảm 1%/năm);", None);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].value.comparator, Some(Comparator::AtMost));
        let m = mentions("Tỷ lệ X khoảng 6,5-7%", None);
        assert_eq!(
            (m[0].value.value, m[0].value.max, m[0].value.comparator),
            (Some(6.5), Some(7.0), Some(Comparator::About))
        );
    }
}
