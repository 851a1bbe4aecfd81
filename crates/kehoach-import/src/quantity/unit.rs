//! The unit printed after a number, and what kind of measure it is.

use std::ops::Range;
use std::sync::OnceLock;

use kehoach_vi::parse_number;
use regex::Regex;

use super::UnitKind;

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Unit {
    pub printed: String,
    /// `None`: no unit or one not known (the quantity is unclear).
    pub kind: Option<UnitKind>,
    pub out_of: Option<f64>,
    /// Where the unit ends in the statement.
    pub end: usize,
}

pub(super) enum UnitRead {
    /// An age ("dưới 5 tuổi") or a duration ("10 năm"): it says who or how
    /// long, not how much, so it is no quantity.
    Skip,
    Unit(Unit),
}

impl UnitRead {
    /// A number in words carries its own unit ("một nửa", "gấp đôi").
    pub fn preset(text: &str, kind: UnitKind, span: Range<usize>) -> UnitRead {
        UnitRead::Unit(Unit {
            printed: text.get(span.clone()).unwrap_or_default().to_string(),
            kind: Some(kind),
            out_of: None,
            end: span.end,
        })
    }
}

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).unwrap_or_else(|e| panic!("bad regex {pattern}: {e}")))
}

const LIVE_BIRTHS: &str =
    r"(?:\s+(?:trẻ đẻ sống|trẻ sinh sống|trẻ đẻ ra sống|ca sinh sống|dân|người|phụ nữ))?";

/// The unit patterns, tried in order on the text right after the number.
fn unit_patterns() -> &'static [(Regex, UnitKind)] {
    static PATTERNS: OnceLock<Vec<(Regex, UnitKind)>> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let compile = |p: String| Regex::new(&p).unwrap_or_else(|e| panic!("bad regex {p}: {e}"));
        vec![
            (
                compile(r"(?i)^\s*%\s*(?:/\s*năm|(?:hàng|mỗi|một)\s+năm)\b".into()),
                UnitKind::PercentPerYear,
            ),
            (compile(r"^\s*%".into()), UnitKind::Percent),
            (
                compile(format!(
                    r"(?i)^\s*(?:ca\s*)?(?:/|trên)\s*(?:100[.]?000|10\s*vạn){LIVE_BIRTHS}"
                )),
                UnitKind::PerHundredThousand,
            ),
            (
                compile(format!(r"(?i)^\s*(?:ca\s*)?(?:/|trên)\s*1[.]?000\b{LIVE_BIRTHS}")),
                UnitKind::PerThousand,
            ),
            (compile(r"(?i)^\s*lần\b".into()), UnitKind::TimesBase),
            (
                compile(
                    r"(?i)^\s*(?:(?:nghìn|ngàn|triệu|tỷ)\s+)?(?:đồng|usd|đô la mỹ|đô la|vnđ|vnd)\b"
                        .into(),
                ),
                UnitKind::Currency,
            ),
            (
                compile(
                    r"(?i)^\s*(?:(?:nghìn|ngàn|triệu|tỷ)\s+)?(?:ha|km2|km|m2|m3|tấn\.km|tấn|kwh|mw|lít|cv|m)\b"
                        .into(),
                ),
                UnitKind::Other,
            ),
            (
                compile(
                    r"(?i)^\s*(?:(?:nghìn|ngàn|triệu)\s+)?(?:hợp tác xã|xã|phường|thị trấn|huyện|tỉnh|thôn|khu|người|ca|vụ|hộ|cơ sở|doanh nghiệp|đơn vị|vườn|trường|đảo|dự án|sản phẩm|làng|cụm|mô hình|lượt|lao động|học sinh|bệnh viện|trạm|công trình|thành viên|căn|nhà|chợ|cơ quan|tuyến|giường|loại|nhãn hiệu|đối tượng|sáng chế)\b"
                        .into(),
                ),
                UnitKind::Count,
            ),
        ]
    })
}

/// The first [`unit_patterns`] are rates and percentages.
const RATE_PATTERNS: usize = 4;

fn first_match(
    patterns: &[(Regex, UnitKind)],
    rest: &str,
    start: usize,
    out_of: Option<f64>,
) -> Option<Unit> {
    patterns.iter().find_map(|(pattern, kind)| {
        pattern.find(rest).map(|m| Unit {
            printed: m.as_str().trim().to_string(),
            kind: Some(*kind),
            out_of,
            end: start + m.end(),
        })
    })
}

fn skips(rest: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, r"(?i)^\s*(?:tuổi|năm|tháng|ngày|giờ)\b").is_match(rest)
}

/// "111/111 xã": the denominator and where it ends.
fn fraction(rest: &str) -> Option<(f64, usize)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let caps = re(&RE, r"^\s*/\s*(\d+(?:[.,]\d+)*)").captures(rest)?;
    let whole = caps.get(0)?;
    let value = parse_number(caps.get(1)?.as_str())?;
    Some((value, whole.end()))
}

fn first_word(rest: &str) -> Option<&str> {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, r"^\s*(\p{L}+)")
        .captures(rest)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
}

/// The unit after the number ending at `end`.
pub(super) fn read_unit(text: &str, end: usize) -> UnitRead {
    let rest = text.get(end..).unwrap_or_default();
    if skips(rest) {
        return UnitRead::Skip;
    }
    // Rates first: "45/100.000" is a rate, not a fraction.
    let (rates, others) = unit_patterns().split_at(RATE_PATTERNS);
    if let Some(unit) = first_match(rates, rest, end, None) {
        return UnitRead::Unit(unit);
    }
    let (out_of, offset) = match fraction(rest) {
        Some((v, len)) => (Some(v), len),
        None => (None, 0),
    };
    let rest = rest.get(offset..).unwrap_or_default();
    let start = end + offset;
    if let Some(unit) = first_match(others, rest, start, out_of) {
        return UnitRead::Unit(unit);
    }
    UnitRead::Unit(Unit {
        printed: first_word(rest).unwrap_or_default().to_string(),
        kind: None,
        out_of,
        end: start,
    })
}
