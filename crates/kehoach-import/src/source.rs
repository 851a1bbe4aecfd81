use std::borrow::Cow;

/// One line of the source, numbered as in the file as given (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub no: usize,
    /// What a reader sees: odd spaces folded, runs collapsed, ends trimmed.
    pub text: String,
    /// The line as in the file, kept only when it differs from `text`: most
    /// lines are already clean, and one string for them spares an
    /// allocation per line of every document. Read it through [`Line::raw`].
    raw_if_different: Option<Box<str>>,
}

impl Line {
    pub fn new(no: usize, raw: String) -> Line {
        match kehoach_vi::normalize::clean_line_cow(&raw) {
            Cow::Borrowed(_) => Line::clean(no, raw),
            Cow::Owned(text) => Line::cleaned(no, raw.into_boxed_str(), text),
        }
    }

    /// [`Line::new`] from a borrowed line: a clean line is copied once.
    pub fn from_text(no: usize, raw: &str) -> Line {
        match kehoach_vi::normalize::clean_line_cow(raw) {
            Cow::Borrowed(_) => Line::clean(no, raw.to_string()),
            Cow::Owned(text) => Line::cleaned(no, raw.into(), text),
        }
    }

    fn clean(no: usize, text: String) -> Line {
        Line {
            no,
            text,
            raw_if_different: None,
        }
    }

    fn cleaned(no: usize, raw: Box<str>, text: String) -> Line {
        Line {
            no,
            text,
            raw_if_different: Some(raw),
        }
    }

    /// NFC text exactly as in the file (no-break spaces kept: an empty table
    /// cell is often a line holding one U+00A0).
    pub fn raw(&self) -> &str {
        self.raw_if_different.as_deref().unwrap_or(&self.text)
    }

    /// A line that is nothing but spacing with at least one no-break space:
    /// the trace of an empty table cell, as opposed to a blank separator line.
    pub fn is_empty_cell(&self) -> bool {
        self.text.is_empty() && self.raw().contains('\u{00A0}')
    }

    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// A document as numbered lines. Readers of `.docx`/`.xlsx` render paragraphs
/// and table rows to lines, so that every layout parser reads one shape.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceText {
    pub lines: Vec<Line>,
    /// The legacy encoding the text was converted from, if it was not UTF-8
    /// (or was UTF-8 typed in a legacy font): said to the user, since a
    /// conversion can misread a rare character.
    pub converted_from: Option<&'static str>,
}

impl SourceText {
    pub fn from_text(text: &str) -> SourceText {
        let lines = text
            .split('\n')
            .enumerate()
            .map(|(i, l)| Line::from_text(i + 1, l.strip_suffix('\r').unwrap_or(l)))
            .collect::<Vec<_>>();
        let mut src = SourceText {
            lines,
            converted_from: None,
        };
        // A final newline does not start a line of its own.
        if src.lines.last().is_some_and(|l| l.raw().is_empty()) && text.ends_with('\n') {
            src.lines.pop();
        }
        src
    }

    /// The line with 1-based number `no`.
    pub fn line(&self, no: usize) -> Option<&Line> {
        no.checked_sub(1).and_then(|i| self.lines.get(i))
    }

    /// Lines that are not blank, in order.
    pub fn non_blank(&self) -> impl Iterator<Item = &Line> {
        self.lines.iter().filter(|l| !l.is_blank())
    }
}
