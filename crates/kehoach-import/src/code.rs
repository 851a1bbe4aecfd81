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
    // Printed codes are ASCII almost always: read by hand, which gives the
    // regex's answer for ASCII text at a tenth of the cost of its capturing
    // matcher (codes are read on every table row). Other text (Unicode
    // digits or spaces) goes to the regex.
    let (goal, num, letter) = if printed.is_ascii() {
        read_ascii_code(printed)?
    } else {
        let caps = re.captures(printed)?;
        (
            caps.get(1)?.as_str(),
            caps.get(2)?.as_str(),
            caps.get(3).map(|m| m.as_str()),
        )
    };
    let goal = goal.trim_start_matches('0').to_string();
    let base = format!("{goal}.{num}");
    Some(match letter {
        Some(letter) => TargetCode {
            code: format!("{base}.{}", letter.to_lowercase()),
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

/// The three groups of the code regex, `^\s*(\d{1,2})\s*\.\s*(\d{1,2})`
/// `(?:\s*\.?\s*([a-zA-Z]))?\s*\.?\s*$`, on ASCII text. The regex has one
/// way to match: each number is a whole run of digits (a longer run leaves
/// a digit that nothing after it accepts), and after the second number the
/// optional dot and a letter are taken when present, the line then having
/// to end (a letter left over fails both branches of the optional group).
fn read_ascii_code(printed: &str) -> Option<(&str, &str, Option<&str>)> {
    let mut rest = skip_spaces(printed);
    let goal;
    (goal, rest) = digit_run(rest)?;
    rest = skip_spaces(rest).strip_prefix('.')?;
    let num;
    (num, rest) = digit_run(skip_spaces(rest))?;
    rest = skip_dot_and_spaces(rest);
    let letter = rest
        .get(..1)
        .filter(|l| l.bytes().all(|b| b.is_ascii_alphabetic()));
    if let Some(l) = letter {
        rest = skip_dot_and_spaces(rest.get(l.len()..)?);
    }
    rest.is_empty().then_some((goal, num, letter))
}

/// `\s*` on ASCII text: the regex's Unicode spaces there are exactly
/// `char::is_whitespace` (which, unlike `u8::is_ascii_whitespace`, counts
/// the vertical tab).
fn skip_spaces(text: &str) -> &str {
    text.trim_start_matches(char::is_whitespace)
}

/// `\s*\.?\s*`.
fn skip_dot_and_spaces(text: &str) -> &str {
    let text = skip_spaces(text);
    skip_spaces(text.strip_prefix('.').unwrap_or(text))
}

/// `(\d{1,2})` where it can match at all: one or two ASCII digits that are
/// not followed by a third.
fn digit_run(text: &str) -> Option<(&str, &str)> {
    let len = text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&len) {
        return None;
    }
    Some((text.get(..len)?, text.get(len..)?))
}

#[cfg(test)]
mod tests {
    use super::normalize_target_code;

    /// The hand reading agrees with the regex on every short string over
    /// the characters a code is made of (and some it is not).
    #[test]
    fn ascii_reading_agrees_with_the_regex() {
        let re =
            regex::Regex::new(r"^\s*(\d{1,2})\s*\.\s*(\d{1,2})(?:\s*\.?\s*([a-zA-Z]))?\s*\.?\s*$")
                .unwrap_or_else(|e| panic!("{e}"));
        let alphabet = ['1', '0', '.', ' ', '\u{b}', 'a', 'B', ')'];
        // Every string of up to six of those characters, level by level.
        let mut level = vec![String::new()];
        let mut texts = level.clone();
        for _ in 0..6 {
            level = level
                .iter()
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(level.iter().cloned());
        }
        for text in &texts {
            let expected = re.captures(text).map(|c| {
                (
                    c.get(1).map(|m| m.as_str()),
                    c.get(2).map(|m| m.as_str()),
                    c.get(3).map(|m| m.as_str()),
                )
            });
            let found = super::read_ascii_code(text).map(|(g, n, l)| (Some(g), Some(n), l));
            assert_eq!(found, expected, "{text:?}");
        }
    }

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
