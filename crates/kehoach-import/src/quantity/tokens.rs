//! The numbers of a statement: found, joined into ranges, and told apart from
//! years, dates and document references (which are not targets).

use std::ops::Range;
use std::sync::OnceLock;

use kehoach_vi::parse_number;
use regex::Regex;

use super::context;
use super::UnitKind;

/// A number or a range of two, or a number written in words.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct NumberToken {
    pub span: Range<usize>,
    pub value: Option<f64>,
    pub max: Option<f64>,
    /// The unit a number in words carries ("một nửa": half, "gấp đôi": twice).
    pub preset: Option<UnitKind>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YearKind {
    /// "Đến năm 2030", "giai đoạn 2021-2025", "vào năm 2020".
    Target,
    /// "so với năm 2015".
    Base,
    /// "giá so sánh 2010", "(giá 2005)": a price base, no date at all.
    Price,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct YearMark {
    span: Range<usize>,
    year: i32,
    from: Option<i32>,
    kind: YearKind,
}

/// The year a quantity is due, and the period's start when it came from one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct When {
    pub year: i32,
    pub from: Option<i32>,
}

pub(super) struct Tokens {
    pub numbers: Vec<NumberToken>,
    years: Vec<YearMark>,
}

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).unwrap_or_else(|e| panic!("bad regex {pattern}: {e}")))
}

fn number_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, r"\d+(?:[.,]\d+)*")
}

/// Spans whose digits are references, not quantities: dates, document
/// numbers ("số 24/CT-TTg", "QĐ 622"), target numbers ("Mục tiêu 11.9"),
/// ordinals and list markers.
fn masked_spans(text: &str) -> Vec<Range<usize>> {
    static DATE: OnceLock<Regex> = OnceLock::new();
    static MONTH_YEAR: OnceLock<Regex> = OnceLock::new();
    static DAY_WORD: OnceLock<Regex> = OnceLock::new();
    static STANDARD: OnceLock<Regex> = OnceLock::new();
    static PHASE: OnceLock<Regex> = OnceLock::new();
    static DOC_SYMBOL: OnceLock<Regex> = OnceLock::new();
    static NAMED_REF: OnceLock<Regex> = OnceLock::new();
    static LIST_MARK: OnceLock<Regex> = OnceLock::new();
    let patterns = [
        re(&DATE, r"\b\d{1,2}/\d{1,2}/\d{2,4}\b"),
        re(&MONTH_YEAR, r"\b\d{1,2}/(?:19|20)\d\d\b"),
        re(&DAY_WORD, r"(?i)\b(?:ngày|tháng)\s+\d{1,2}\b"),
        re(
            &STANDARD,
            r"(?i)\b(?:iso|tcvn|qcvn|haccp)\s*[:\-]?\s*\d+(?:[:.\-]\d+)*",
        ),
        re(
            &DOC_SYMBOL,
            r"\b\d+(?:/\d{4})?\s*/\s*[A-ZĐ]{2}[\p{L}]*(?:\s*-\s*[A-ZĐ][\p{L}]*)*",
        ),
        re(
            &NAMED_REF,
            r"(?i)\b(?:số|qđ|quyết định|chỉ thị|nghị quyết|nghị định|thông tư|luật|mục tiêu|chương trình|điều|khoản|thứ)\s+(?:số\s+)?\d+(?:[./]\d+)*(?:\s*(?:,|và)\s*\d+(?:[./]\d+)*)*",
        ),
        re(&PHASE, r"(?i)\b(?:giai đoạn|đợt|lần thứ)\s+\d{1,2}\b"),
        re(&LIST_MARK, r"(?m)^[\s\-+*]*\d+(?:\.\d+)*[.)]\s"),
    ];
    patterns
        .iter()
        .flat_map(|p| p.find_iter(text).map(|m| m.range()))
        .collect()
}

/// A 4-digit number from 1900 to 2100 that is not a percentage.
fn is_year(text: &str, m: &Range<usize>) -> Option<i32> {
    let digits = text.get(m.clone())?;
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = digits.parse().ok()?;
    let after = text.get(m.end..).unwrap_or_default().trim_start();
    ((1900..=2100).contains(&year) && !after.starts_with('%')).then_some(year)
}

/// "m2", "CO2", "QCVN01"; and "/13" after a number, which the unit reads.
fn glued_to_word_or_slash(text: &str, at: usize) -> bool {
    text.get(..at)
        .and_then(|s| s.chars().next_back())
        .is_some_and(|c| c.is_alphanumeric() || c == '/')
}

#[derive(Debug, Clone)]
enum Raw {
    Number(Range<usize>, Option<f64>),
    Year(Range<usize>, i32),
}

fn raw_tokens(text: &str) -> Vec<Raw> {
    let masks = masked_spans(text);
    number_re()
        .find_iter(text)
        .map(|m| m.range())
        .filter(|r| !glued_to_word_or_slash(text, r.start))
        .filter(|r| !masks.iter().any(|k| k.start <= r.start && r.end <= k.end))
        .map(|r| match is_year(text, &r) {
            Some(y) => Raw::Year(r, y),
            None => {
                let v = text.get(r.clone()).and_then(parse_number);
                Raw::Number(r, v)
            }
        })
        .collect()
}

/// "20 - 25%", "90% - 95%", "từ 1,5 đến 2,0".
fn joins_range(gap: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, r"^\s*%?\s*(?:[-–—]|đến)\s*$").is_match(gap)
}

/// "2021-2025", "từ năm 2021 đến năm 2030".
fn joins_period(gap: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, r"^\s*(?:[-–—]|đến(?:\s+năm)?)\s*$").is_match(gap)
}

fn year_kind(text: &str, at: usize) -> YearKind {
    static PRICE: OnceLock<Regex> = OnceLock::new();
    let before = context::tail_lower(text, at, 40);
    let before = before.trim_end();
    if before.ends_with("so với năm") || before.ends_with("so với") {
        YearKind::Base
    } else if re(
        &PRICE,
        r"giá(?:\s+(?:cố định|so sánh|hiện hành|thực tế))?(?:\s+năm)?$",
    )
    .is_match(before)
    {
        YearKind::Price
    } else {
        YearKind::Target
    }
}

/// Numbers in words: "một nửa" (half), "gấp đôi" (twice).
fn word_numbers(text: &str) -> Vec<NumberToken> {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, r"(?i)\b(?:một nửa|gấp (?:đôi|hai|ba|bốn))\b")
        .find_iter(text)
        .map(|m| {
            let word = m.as_str().to_lowercase();
            let (value, kind) = match word.rsplit(' ').next().unwrap_or_default() {
                "nửa" => (50.0, UnitKind::Percent),
                "ba" => (3.0, UnitKind::TimesBase),
                "bốn" => (4.0, UnitKind::TimesBase),
                _ => (2.0, UnitKind::TimesBase),
            };
            NumberToken {
                span: m.range(),
                value: Some(value),
                max: None,
                preset: Some(kind),
            }
        })
        .collect()
}

impl Tokens {
    pub fn scan(text: &str) -> Tokens {
        let raw = raw_tokens(text);
        let mut numbers = word_numbers(text);
        let mut years = Vec::new();
        let mut i = 0;
        while i < raw.len() {
            let next = raw.get(i + 1);
            match (&raw[i], next) {
                (Raw::Number(a, va), Some(Raw::Number(b, vb)))
                    if joins_range(text.get(a.end..b.start).unwrap_or("x")) =>
                {
                    numbers.push(NumberToken {
                        span: a.start..b.end,
                        value: *va,
                        max: *vb,
                        preset: None,
                    });
                    i += 2;
                }
                (Raw::Year(a, ya), Some(Raw::Year(b, yb)))
                    if joins_period(text.get(a.end..b.start).unwrap_or("x")) =>
                {
                    years.push(YearMark {
                        span: a.start..b.end,
                        year: *yb,
                        from: Some(*ya),
                        kind: year_kind(text, a.start),
                    });
                    i += 2;
                }
                (Raw::Number(a, v), _) => {
                    numbers.push(NumberToken {
                        span: a.clone(),
                        value: *v,
                        max: None,
                        preset: None,
                    });
                    i += 1;
                }
                (Raw::Year(a, y), _) => {
                    years.push(YearMark {
                        span: a.clone(),
                        year: *y,
                        from: None,
                        kind: year_kind(text, a.start),
                    });
                    i += 1;
                }
            }
        }
        numbers.sort_by_key(|n| n.span.start);
        Tokens { numbers, years }
    }

    /// The due years named in `range`, in order ("giai đoạn 2017 - 2020,
    /// 2021 - 2025 và 2026 - 2030").
    pub fn years_in(&self, range: Range<usize>) -> Vec<When> {
        self.years
            .iter()
            .filter(|y| y.kind == YearKind::Target)
            .filter(|y| range.start <= y.span.start && y.span.end <= range.end)
            .map(|y| When {
                year: y.year,
                from: y.from,
            })
            .collect()
    }

    /// The year of the number at `index`: a year named right after it in its
    /// clause ("đạt 31% vào năm 2020"), else the last year named before it
    /// in the statement ("Đến năm 2030, …").
    pub fn year_for(&self, span: Range<usize>, after: Range<usize>) -> Option<When> {
        let next_number = self
            .numbers
            .iter()
            .map(|n| n.span.start)
            .find(|&s| s >= after.start)
            .unwrap_or(usize::MAX);
        let targets = || self.years.iter().filter(|y| y.kind == YearKind::Target);
        let following = targets().find(|y| {
            y.span.start >= after.start && y.span.end <= after.end && y.span.start < next_number
        });
        let preceding = || targets().rfind(|y| y.span.end <= span.start);
        following.or_else(preceding).map(|y| When {
            year: y.year,
            from: y.from,
        })
    }
}
