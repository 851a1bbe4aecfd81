//! Task periods: "2017 - 2020", "2017-2020 và 2021-2030", "Hàng năm"…

use std::sync::OnceLock;

use kehoach_model::YearRange;
use regex::Regex;

/// A task's period, normalised as the contract says: year ranges as
/// "2017-2020" joined by "; ", other phrases as printed in lower case.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Period {
    pub text: Option<String>,
    pub ranges: Vec<YearRange>,
}

fn range_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)")
            .unwrap_or_else(|e| panic!("bad regex: {e}"))
    })
}

/// Reads a period cell (possibly several lines already joined with spaces).
pub fn parse_period(cell: &str) -> Period {
    let cell = kehoach_vi::clean_line(cell);
    if cell.is_empty() {
        return Period::default();
    }
    let mut ranges = Vec::new();
    // The text around the ranges, each range replaced by a space, built in
    // the same pass over the matches.
    let mut rest = String::with_capacity(cell.len());
    let mut last = 0;
    // Without a dash no range can match: most cells ("Hàng năm", "2018").
    let may_hold_range = cell.contains(['-', '–', '—']);
    // Matches found without captures (cheaper): a match begins and ends
    // with its four-digit years, which are ASCII.
    let matches = may_hold_range
        .then(|| range_re().find_iter(&cell))
        .into_iter()
        .flatten();
    for m in matches {
        rest.push_str(&cell[last..m.start()]);
        rest.push(' ');
        last = m.end();
        let years = m.as_str();
        let (a, b) = (years.get(..4), years.get(years.len().saturating_sub(4)..));
        if let (Some(a), Some(b)) = (a, b) {
            if let (Ok(from), Ok(to)) = (a.parse(), b.parse()) {
                ranges.push(YearRange { from, to });
            }
        }
    }
    rest.push_str(&cell[last..]);
    let rest_folded = kehoach_vi::fold(&rest);
    let only_connectors = rest_folded
        .split(|c: char| !c.is_alphanumeric())
        .all(|w| w.is_empty() || w == "va" || w == "giai" || w == "doan");
    if !ranges.is_empty() && only_connectors {
        let text = ranges
            .iter()
            .map(|r| format!("{}-{}", r.from, r.to))
            .collect::<Vec<_>>()
            .join("; ");
        return Period {
            text: Some(text),
            ranges,
        };
    }
    Period {
        text: Some(cell.to_lowercase()),
        ranges,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_normalise() {
        let p = parse_period("2017 - 2020 và 2021- 2030");
        assert_eq!(p.text.as_deref(), Some("2017-2020; 2021-2030"));
        assert_eq!(p.ranges.len(), 2);
        assert_eq!(
            parse_period("Giai đoạn 2017-2020").text.as_deref(),
            Some("2017-2020")
        );
        let p = parse_period("2021 – 2025");
        assert_eq!(p.text.as_deref(), Some("2021-2025"));
        assert_eq!(
            p.ranges,
            vec![YearRange {
                from: 2021,
                to: 2025
            }]
        );
    }

    #[test]
    fn phrases_lowercase() {
        let p = parse_period("Hàng năm");
        assert_eq!(p.text.as_deref(), Some("hàng năm"));
        assert!(p.ranges.is_empty());
        assert_eq!(parse_period("").text, None);
    }
}
