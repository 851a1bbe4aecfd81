//! Line patterns of the shape `^head(.*)$`: a heading or label, then the
//! rest of the line. Capturing `(.*)$` makes the regex engine walk the whole
//! line with its slow capturing matcher, and these run on many long lines;
//! matching only the head and slicing off the rest gives the same answer.

use regex::{Captures, Regex};

pub(crate) struct HeadRe {
    head: Regex,
    full: Regex,
}

impl HeadRe {
    /// `head` must be anchored with `^` and have no top-level alternation, so
    /// that `head(.*)$` is the pattern the caller means.
    pub(crate) fn new(head: &str) -> HeadRe {
        let compile = |p: &str| Regex::new(p).unwrap_or_else(|e| panic!("bad regex {p}: {e}"));
        HeadRe {
            head: compile(head),
            full: compile(&format!("{head}(.*)$")),
        }
    }

    /// The captures of `head(.*)$` on `text` (without the last group), and
    /// the text of that last group.
    ///
    /// Why this equals the full pattern: if the head does not match, neither
    /// does the full pattern; if it does and the rest holds no newline, the
    /// head's preferred match is also the full pattern's, since `(.*)$` then
    /// matches whatever follows. Only a newline in the rest (which `.` does
    /// not cross) needs the full pattern.
    pub(crate) fn captures<'t>(&self, text: &'t str) -> Option<(Captures<'t>, &'t str)> {
        let caps = self.head.captures(text)?;
        let rest = text.get(caps.get(0)?.end()..)?;
        if !rest.contains('\n') {
            return Some((caps, rest));
        }
        let caps = self.full.captures(text)?;
        let rest = caps.get(caps.len() - 1).map_or("", |m| m.as_str());
        Some((caps, rest))
    }
}

#[cfg(test)]
mod tests {
    use super::HeadRe;

    #[test]
    fn the_rest_is_what_the_full_pattern_captures() {
        let re = HeadRe::new(r"^MTCT\s*(\d{1,2}\.\d{1,2})\s*[:.]?\s*");
        let (caps, rest) = re.captures("MTCT 1.2: Đến năm 2030").expect("match");
        assert_eq!(&caps[1], "1.2");
        assert_eq!(rest, "Đến năm 2030");
        // `.` does not cross a newline: the full pattern decides.
        assert!(re.captures("MTCT 1.2: a\nb").is_none());
        let (_, rest) = re.captures("MTCT 1.2:\nb").expect("match");
        assert_eq!(rest, "b");
        assert!(re.captures("Chương trình MTCT").is_none());
    }
}
