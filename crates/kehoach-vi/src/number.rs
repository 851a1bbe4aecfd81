//! Numbers as Vietnamese documents print them: "1.700,5" (dot groups
//! thousands, comma is the decimal mark), but also "3.5" in places where a
//! dot is clearly a decimal point.

/// Reads one number written the Vietnamese way. Returns `None` for anything
/// that is not a plain number.
///
/// A dot followed by exactly three digits groups thousands ("35.000",
/// "1.700,5"); any other dot is read as a decimal point ("3.5"), which is how
/// OCR and careless typing render the decimal comma.
pub fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim();
    let (negative, body) = match s.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, s),
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    if !body.starts_with(|c: char| c.is_ascii_digit())
        || !body.ends_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let mut canonical = String::with_capacity(body.len());
    let commas = body.matches(',').count();
    if commas > 1 {
        return None;
    }
    let (int_part, frac_part) = match body.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let groups: Vec<&str> = int_part.split('.').collect();
    let thousands = groups.len() > 1
        && groups[1..].iter().all(|g| g.len() == 3)
        && !groups[0].is_empty()
        && groups[0].len() <= 3;
    if thousands || groups.len() == 1 {
        canonical.push_str(&groups.concat());
    } else if groups.len() == 2 && frac_part.is_none() {
        canonical.push_str(groups[0]);
        canonical.push('.');
        canonical.push_str(groups[1]);
    } else {
        return None;
    }
    if let Some(frac) = frac_part {
        if frac.contains('.') || frac.is_empty() {
            return None;
        }
        canonical.push('.');
        canonical.push_str(frac);
    }
    let v: f64 = canonical.parse().ok()?;
    Some(if negative { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::parse_number;

    #[test]
    fn reads_vietnamese_numbers() {
        assert_eq!(parse_number("1.700,5"), Some(1700.5));
        assert_eq!(parse_number("35.000"), Some(35000.0));
        assert_eq!(parse_number("9,78"), Some(9.78));
        assert_eq!(parse_number("100"), Some(100.0));
        assert_eq!(parse_number("3.5"), Some(3.5));
        assert_eq!(parse_number("-2,5"), Some(-2.5));
        assert_eq!(parse_number("1.234.567"), Some(1234567.0));
        assert_eq!(parse_number("*"), None);
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("1,2,3"), None);
    }
}
