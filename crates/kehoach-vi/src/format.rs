//! Numbers and dates as the app shows them: Vietnamese first ("1.700,5",
//! "23/11/2026"), English second ("1,700.5", "23 Nov 2026").
//!
//! The English date spells the month so a reader never wonders whether
//! 11/12 is November or December; ISO would also do, but reads as data.

/// The display language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// (thousands separator, decimal separator).
    fn separators(self) -> (char, char) {
        match self {
            Lang::Vi => ('.', ','),
            Lang::En => (',', '.'),
        }
    }
}

/// More decimals than an f64 holds are noise.
const MAX_DECIMALS: usize = 17;

/// `x` rounded to at most `max_decimals` decimals, trailing zeros dropped,
/// thousands grouped: 1700.5 → "1.700,5" (Vi) or "1,700.5" (En); -0.25 →
/// "-0,25". A value that rounds to zero has no sign. NaN is "NaN" and the
/// infinities "∞" and "-∞", in both languages. Every integer part is grouped,
/// so pass years and codes through `to_string` instead.
pub fn format_number(x: f64, max_decimals: usize, lang: Lang) -> String {
    if x.is_nan() {
        return "NaN".to_owned();
    }
    if x.is_infinite() {
        return if x > 0.0 { "∞" } else { "-∞" }.to_owned();
    }
    let (thousands, decimal) = lang.separators();
    let digits = format!("{:.*}", max_decimals.min(MAX_DECIMALS), x.abs());
    let (int, frac) = digits.split_once('.').unwrap_or((&digits, ""));
    let frac = frac.trim_end_matches('0');
    let is_zero = int.bytes().all(|b| b == b'0') && frac.is_empty();

    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if x < 0.0 && !is_zero {
        out.push('-');
    }
    push_grouped(&mut out, int, thousands);
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(frac);
    }
    out
}

/// A whole number with thousands grouped, exactly (no f64 rounding):
/// 1234567 → "1.234.567" (Vi).
pub fn format_integer(n: i64, lang: Lang) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    push_grouped(&mut out, &digits, lang.separators().0);
    out
}

/// Pushes ASCII `digits` with `sep` before every group of three from the right.
fn push_grouped(out: &mut String, digits: &str, sep: char) {
    let len = digits.len();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(digit);
    }
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// An ISO date "YYYY-MM-DD" for display: "23/11/2026" (Vi) or "23 Nov 2026"
/// (En). Anything else, including impossible dates such as "2026-02-30",
/// comes back as given: showing what is stored beats hiding it.
pub fn format_date(iso: &str, lang: Lang) -> String {
    let Some((year, month, day)) = parse_iso_date(iso) else {
        return iso.to_owned();
    };
    match lang {
        Lang::Vi => format!("{day:02}/{month:02}/{year:04}"),
        Lang::En => {
            let name = MONTHS_EN.get(usize::from(month) - 1).copied().unwrap_or("");
            format!("{day} {name} {year:04}")
        }
    }
}

/// (year, month, day) of a valid "YYYY-MM-DD" date.
fn parse_iso_date(iso: &str) -> Option<(u16, u8, u8)> {
    let bytes = iso.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = parse_digits(&bytes[0..4])?;
    let month = u8::try_from(parse_digits(&bytes[5..7])?).ok()?;
    let day = u8::try_from(parse_digits(&bytes[8..10])?).ok()?;
    let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
    valid.then_some((year, month, day))
}

fn parse_digits(bytes: &[u8]) -> Option<u16> {
    bytes.iter().try_fold(0u16, |acc, &b| {
        b.is_ascii_digit().then(|| acc * 10 + u16::from(b - b'0'))
    })
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::{format_date, format_integer, format_number, Lang};
    use rstest::rstest;

    #[rstest]
    #[case(1700.5, 2, "1.700,5", "1,700.5")]
    #[case(1234567.0, 2, "1.234.567", "1,234,567")]
    #[case(-0.25, 2, "-0,25", "-0.25")]
    #[case(0.0, 2, "0", "0")]
    #[case(-0.0, 2, "0", "0")]
    #[case(-0.001, 2, "0", "0")]
    #[case(999.999, 2, "1.000", "1,000")]
    #[case(12.3456, 2, "12,35", "12.35")]
    #[case(12.3456, 0, "12", "12")]
    #[case(100.0, 3, "100", "100")]
    #[case(95.10, 1, "95,1", "95.1")]
    #[case(-1234.5, 1, "-1.234,5", "-1,234.5")]
    #[case(123.0, 2, "123", "123")]
    #[case(f64::NAN, 2, "NaN", "NaN")]
    #[case(f64::INFINITY, 2, "∞", "∞")]
    #[case(f64::NEG_INFINITY, 2, "-∞", "-∞")]
    fn formats_numbers(
        #[case] x: f64,
        #[case] decimals: usize,
        #[case] vi: &str,
        #[case] en: &str,
    ) {
        assert_eq!(format_number(x, decimals, Lang::Vi), vi);
        assert_eq!(format_number(x, decimals, Lang::En), en);
    }

    #[test]
    fn extreme_numbers_do_not_panic() {
        assert_eq!(
            format_number(1e20, 2, Lang::Vi),
            "100.000.000.000.000.000.000"
        );
        assert_eq!(
            format_number(f64::MAX, usize::MAX, Lang::En).len(),
            309 + 102
        );
        assert_eq!(format_number(f64::MIN_POSITIVE, usize::MAX, Lang::Vi), "0");
    }

    #[test]
    fn formats_integers_exactly() {
        assert_eq!(format_integer(1_234_567, Lang::Vi), "1.234.567");
        assert_eq!(format_integer(-1_000, Lang::En), "-1,000");
        assert_eq!(format_integer(999, Lang::Vi), "999");
        assert_eq!(
            format_integer(i64::MIN, Lang::Vi),
            "-9.223.372.036.854.775.808"
        );
    }

    #[rstest]
    #[case("2026-11-23", "23/11/2026", "23 Nov 2026")]
    #[case("2018-12-04", "04/12/2018", "4 Dec 2018")]
    #[case("2024-02-29", "29/02/2024", "29 Feb 2024")]
    #[case("2000-02-29", "29/02/2000", "29 Feb 2000")]
    fn formats_dates(#[case] iso: &str, #[case] vi: &str, #[case] en: &str) {
        assert_eq!(format_date(iso, Lang::Vi), vi);
        assert_eq!(format_date(iso, Lang::En), en);
    }

    #[rstest]
    #[case("")]
    #[case("2026-13-01")]
    #[case("2026-00-10")]
    #[case("2026-02-29")]
    #[case("1900-02-29")]
    #[case("2026-04-31")]
    #[case("2026-11-00")]
    #[case("2026-1-23")]
    #[case("2026/11/23")]
    #[case("23/11/2026")]
    #[case("2026-11-23T10:00")]
    #[case("２０２６-11-23")]
    #[case("ngày 23")]
    fn returns_invalid_dates_as_given(#[case] input: &str) {
        assert_eq!(format_date(input, Lang::Vi), input);
        assert_eq!(format_date(input, Lang::En), input);
    }
}
