//! Target codes: "1.3a", "1.3.a", "1.3 a", "1.3.a." and "1.3.A" are one code, "1.3.a".

use std::sync::OnceLock;

use regex::Regex;

/// A normalised target code and its parent ("1.3" for "1.3.a").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetCode {
    pub code: String,
    pub parent: Option<String>,
    /// The goal number, "1" for "1.3.a".
    pub goal: String,
}

/// Normalises a printed target code; `None` if it is not one.
pub fn normalize_target_code(printed: &str) -> Option<TargetCode> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^\s*(\d{1,2})\s*\.\s*(\d{1,2})(?:\s*\.?\s*([a-zA-Z]))?\s*\.?\s*$")
            .unwrap_or_else(|e| panic!("bad regex: {e}"))
    });
    let caps = re.captures(printed)?;
    let goal = caps.get(1)?.as_str().trim_start_matches('0').to_string();
    let num = caps.get(2)?.as_str();
    let base = format!("{goal}.{num}");
    Some(match caps.get(3) {
        Some(letter) => TargetCode {
            code: format!("{base}.{}", letter.as_str().to_lowercase()),
            parent: Some(base),
            goal,
        },
        None => TargetCode {
            code: base,
            parent: None,
            goal,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::normalize_target_code;

    #[test]
    fn spellings_normalise() {
        for s in ["1.3a", "1.3.a", "1.3 a", "1.3.a.", "1.3.A"] {
            let c = normalize_target_code(s).expect(s);
            assert_eq!(c.code, "1.3.a", "{s}");
            assert_eq!(c.parent.as_deref(), Some("1.3"));
        }
        let plain = normalize_target_code("17.19").expect("plain");
        assert_eq!((plain.code.as_str(), plain.parent), ("17.19", None));
        assert!(normalize_target_code("Mục tiêu").is_none());
    }
}
