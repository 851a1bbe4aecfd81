//! The words around a number: its clause, comparator, direction verb and base.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::tokens::NumberToken;
use super::{Comparator, Direction};

/// The last `max_chars` characters before byte `at`, lowercased.
pub(super) fn tail_lower(text: &str, at: usize, max_chars: usize) -> String {
    let before = text.get(..at).unwrap_or_default();
    let start = before
        .char_indices()
        .rev()
        .nth(max_chars.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    before.get(start..).unwrap_or_default().to_lowercase()
}

/// A clause ends at ";", ":", a line break, a bracket, or a comma or full
/// stop followed by a space (not the decimal comma of "1,5").
fn is_delimiter(c: char, next: Option<char>) -> bool {
    match c {
        ';' | ':' | '\n' | '(' | ')' | '[' | ']' => true,
        ',' | '.' => next.is_none_or(char::is_whitespace),
        _ => false,
    }
}

/// The clause before byte `pos`: from the last delimiter to `pos`.
pub(super) fn clause_before(text: &str, pos: usize) -> Range<usize> {
    let before = text.get(..pos).unwrap_or_default();
    let mut next = text.get(pos..).and_then(|s| s.chars().next());
    for (i, c) in before.char_indices().rev() {
        if is_delimiter(c, next) {
            return i + c.len_utf8()..pos;
        }
        next = Some(c);
    }
    0..pos
}

/// Where the clause holding byte `pos` ends.
pub(super) fn clause_end(text: &str, pos: usize) -> usize {
    let rest = text.get(pos..).unwrap_or_default();
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_delimiter(c, chars.peek().map(|&(_, n)| n)) {
            return pos + i;
        }
    }
    text.len()
}

/// The comparator of a number, where its words start, and whether it is a
/// comparative ("thấp hơn") that may qualify a population instead.
pub(super) struct Cmp {
    pub comparator: Comparator,
    pub start: usize,
    pub comparative: bool,
}

/// Comparator words as they end the text before the number, longest first
/// where one ends another.
const BEFORE: &[(&str, Comparator, bool)] = &[
    ("không vượt quá", Comparator::AtMost, false),
    ("không quá", Comparator::AtMost, false),
    ("tối đa là", Comparator::AtMost, false),
    ("tối đa", Comparator::AtMost, false),
    ("<=", Comparator::AtMost, false),
    ("≤", Comparator::AtMost, false),
    ("thấp hơn", Comparator::Below, true),
    ("dưới", Comparator::Below, false),
    ("<", Comparator::Below, false),
    ("cao hơn", Comparator::Above, true),
    ("nhiều hơn", Comparator::Above, true),
    ("trên", Comparator::Above, false),
    (">=", Comparator::AtLeast, false),
    ("≥", Comparator::AtLeast, false),
    (">", Comparator::Above, false),
    ("tối thiểu là", Comparator::AtLeast, false),
    ("tối thiểu", Comparator::AtLeast, false),
    ("ít nhất là", Comparator::AtLeast, false),
    ("ít nhất", Comparator::AtLeast, false),
    ("khoảng", Comparator::About, false),
    ("xấp xỉ", Comparator::About, false),
    ("gần", Comparator::About, false),
    ("chừng", Comparator::About, false),
    ("~", Comparator::About, false),
];

/// If `before` (original case) ends with `word` (lowercase) as a whole word,
/// the byte length of that ending.
fn ends_with_word(before: &str, word: &str) -> Option<usize> {
    let n = word.chars().count();
    let start = before.char_indices().rev().nth(n.checked_sub(1)?)?.0;
    let tail = before.get(start..)?;
    if tail.to_lowercase() != word {
        return None;
    }
    let starts_word = word.starts_with(char::is_alphabetic);
    let glued = before
        .get(..start)
        .and_then(|s| s.chars().next_back())
        .is_some_and(char::is_alphanumeric);
    (!(starts_word && glued)).then_some(before.len() - start)
}

pub(super) fn comparator(
    text: &str,
    clause: Range<usize>,
    n: &NumberToken,
    unit_end: usize,
) -> Cmp {
    let before = text.get(clause.start..n.span.start).unwrap_or_default();
    let trimmed = before.trim_end();
    let found = BEFORE.iter().find_map(|&(word, cmp, comparative)| {
        ends_with_word(trimmed, word)
            .map(|len| (cmp, clause.start + trimmed.len() - len, comparative))
    });
    let after = text
        .get(unit_end..)
        .unwrap_or_default()
        .trim_start()
        .to_lowercase();
    let (mut comparator, start, comparative) =
        found.unwrap_or((Comparator::Equal, n.span.start, false));
    if n.max.is_some() {
        comparator = Comparator::Range;
    } else if after.starts_with("trở lên") {
        comparator = Comparator::AtLeast;
    } else if after.starts_with("trở xuống") {
        comparator = Comparator::AtMost;
    }
    Cmp {
        comparator,
        start,
        comparative,
    }
}

/// A direction word found in the clause before the number.
pub(super) struct Verb {
    pub direction: Direction,
    /// "giảm 10%" states a change; "xuống 10%", "còn 10%" a level.
    pub is_change_verb: bool,
    pub start: usize,
    pub end: usize,
}

/// Words of `text[range]` with their byte spans, punctuation trimmed.
fn words(text: &str, range: Range<usize>) -> Vec<(Range<usize>, String)> {
    let slice = text.get(range.clone()).unwrap_or_default();
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in slice
        .char_indices()
        .chain(std::iter::once((slice.len(), ' ')))
    {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let w = slice.get(s..i).unwrap_or_default().to_lowercase();
                out.push((range.start + s..range.start + i, w));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// "tăng cường" (strengthen), "tăng trưởng" (growth), "giá trị tăng thêm"
/// (value added) hold "tăng" but ask for no increase.
const NOT_INCREASE_AFTER_TANG: &[&str] = &["cường", "trưởng", "thêm", "tốc", "trường"];

fn verb_at(ws: &[(Range<usize>, String)], i: usize) -> Option<(Direction, bool, usize)> {
    let w = ws.get(i)?.1.as_str();
    let next = ws.get(i + 1).map(|(_, n)| n.as_str());
    let previous = i
        .checked_sub(1)
        .and_then(|p| ws.get(p))
        .map(|(_, w)| w.as_str());
    // "từ loại II trở lên": a bound on something else, no direction.
    if previous == Some("trở") {
        return None;
    }
    match (w, next) {
        ("giảm" | "hạ", _) => Some((Direction::Decrease, true, 1)),
        ("xuống" | "còn", _) => Some((Direction::Decrease, false, 1)),
        ("tăng", Some(n)) if NOT_INCREASE_AFTER_TANG.contains(&n) => None,
        // "tăng gấp đôi": the phrase starts at "tăng".
        ("gấp", _) if previous == Some("tăng") => None,
        ("tăng" | "nâng" | "gấp", _) => Some((Direction::Increase, true, 1)),
        ("lên", _) => Some((Direction::Increase, false, 1)),
        ("duy", Some("trì")) | ("ổn", Some("định")) | ("giữ", Some("vững")) => {
            Some((Direction::Maintain, false, 2))
        }
        ("giữ", _) => Some((Direction::Maintain, false, 1)),
        _ => None,
    }
}

/// The direction word nearest before the number in its clause.
pub(super) fn direction_verb(text: &str, clause: Range<usize>) -> Option<Verb> {
    let ws = words(text, clause);
    (0..ws.len()).rev().find_map(|i| {
        let (direction, is_change_verb, len) = verb_at(&ws, i)?;
        let start = ws.get(i)?.0.start;
        let end = ws.get(i + len - 1)?.0.end;
        Some(Verb {
            direction,
            is_change_verb,
            start,
            end,
        })
    })
}

/// Without a verb, "dưới 1%" asks to stay low and "trên 90%" to stay high.
pub(super) fn direction_of(cmp: Comparator) -> Option<Direction> {
    match cmp {
        Comparator::Below | Comparator::AtMost => Some(Direction::Decrease),
        Comparator::Above | Comparator::AtLeast => Some(Direction::Increase),
        _ => None,
    }
}

/// "nhóm 40% dân số": the percentage names a population group.
pub(super) fn names_a_group(text: &str, clause: Range<usize>, n: &NumberToken) -> bool {
    let before = text.get(clause.start..n.span.start).unwrap_or_default();
    ends_with_word(before.trim_end(), "nhóm").is_some()
}

/// The sentence around byte `pos`: between ";", a line break or a full stop.
pub(super) fn sentence_around(text: &str, pos: usize) -> Range<usize> {
    let stop = |c: char, next: Option<char>| {
        matches!(c, ';' | '\n') || (c == '.' && next.is_none_or(char::is_whitespace))
    };
    let before = text.get(..pos).unwrap_or_default();
    let mut start = 0;
    let mut next = text.get(pos..).and_then(|s| s.chars().next());
    for (i, c) in before.char_indices().rev() {
        if stop(c, next) {
            start = i + c.len_utf8();
            break;
        }
        next = Some(c);
    }
    let rest = text.get(pos..).unwrap_or_default();
    let mut chars = rest.char_indices().peekable();
    let mut end = text.len();
    while let Some((i, c)) = chars.next() {
        if stop(c, chars.peek().map(|&(_, n)| n)) {
            end = pos + i;
            break;
        }
    }
    start..end
}

/// Words that turn "giảm … 10%" into a level: "giảm … xuống 10%", "đạt 10%".
const LEVEL_MARKERS: &[&str] = &[
    "đạt", "mức", "là", "có", "ở", "bằng", "còn", "xuống", "lên", "tới", "đến",
];

pub(super) fn no_level_marker(text: &str, range: Range<usize>) -> bool {
    if range.start >= range.end {
        return true;
    }
    !words(text, range)
        .iter()
        .any(|(_, w)| LEVEL_MARKERS.contains(&w.as_str()))
}

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).unwrap_or_else(|e| panic!("bad regex {pattern}: {e}")))
}

/// "so với năm 2015" (a base year) or "so với kịch bản cơ sở" (a base named
/// in words) after the unit, in the same clause; and where it ends.
pub(super) fn base(
    text: &str,
    range: Range<usize>,
) -> (Option<i32>, Option<String>, Option<usize>) {
    static YEAR: OnceLock<Regex> = OnceLock::new();
    static WORDS: OnceLock<Regex> = OnceLock::new();
    let slice = text.get(range.clone()).unwrap_or_default();
    let year_re = re(
        &YEAR,
        r"(?i)\bso với\s+(?:(?:cùng kỳ\s+)?năm\s+)?((?:19|20)\d\d)\b",
    );
    if let Some(c) = year_re.captures(slice) {
        let year = c.get(1).and_then(|m| m.as_str().parse().ok());
        let end = c.get(0).map(|m| range.start + m.end());
        return (year, None, end);
    }
    let words_re = re(&WORDS, r"(?i)\bso với\s+(\p{L}[\p{L}\s]*\p{L})");
    if let Some(c) = words_re.captures(slice) {
        let named = c.get(1).map(|m| m.as_str().chars().take(60).collect());
        let end = c.get(0).map(|m| range.start + m.end());
        return (None, named, end);
    }
    (None, None, None)
}

/// The clause speaks of a rate ("tỷ lệ", "tỷ suất"…), where "giảm 20%" may be
/// read as percentage points.
pub(super) fn names_a_rate(text: &str, range: Range<usize>) -> bool {
    let lower = text.get(range).unwrap_or_default().to_lowercase();
    ["tỷ lệ", "tỉ lệ", "tỷ suất", "tỷ số", "tỷ trọng"]
        .iter()
        .any(|w| lower.contains(w))
}
