//! Search as people type it: without diacritics, in any case. "ke hoach dau
//! tu" finds "Sở Kế hoạch và Đầu tư", "d" finds "đường".
//!
//! Matching runs on the folded text ([`crate::fold`]: lowercase, marks
//! stripped, đ → d), which has one character per base character of the
//! original, so every folded position maps back to a byte range of the
//! original (a base character plus the combining marks after it: NFD input
//! needs no normalising first). Spans are byte ranges of the original,
//! ready for [`highlight`].
//!
//! A term matches at the start of a word (words are runs of letters and
//! digits): "hoach" finds "hoạch" and "hoạch định", not "kehoach"; so
//! "ke hoach" does not find "kehoach" either. Every term must match.
//!
//! The web app scans a couple of thousand texts per request: a text that
//! does not match allocates nothing, and [`FoldedText`] can be refilled for
//! each text or built once per text and kept.

use std::ops::Range;

use crate::fold::{fold, fold_char, is_combining_mark};

#[cfg(test)]
mod tests;

/// Terms past this many are ignored (a bit mask tracks which matched).
pub const MAX_TERMS: usize = 32;

/// A parsed search query: folded terms, in the order typed, without repeats.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    terms: Vec<Term>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Term {
    text: String,
    chars: Vec<char>,
}

/// How well a text matched; higher is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// Some term matched only as the beginning of a word.
    Prefix = 1,
    /// Every term is a whole word of the text.
    Words = 2,
    /// Two or more terms are consecutive words, in the query's order (the
    /// last may be the beginning of a word: the user may still be typing
    /// it). Words may be separated by spaces or punctuation.
    Phrase = 3,
}

/// A text the query found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub tier: Tier,
    /// For sorting results, higher first: see [`score`]. Equal scores are
    /// best shown in Vietnamese order ([`crate::collate`]).
    pub score: u32,
    /// Byte ranges of the original text, sorted, disjoint, on char
    /// boundaries; matches separated only by whitespace are one span
    /// ("Kế hoạch", not "Kế" and "hoạch").
    pub spans: Vec<Range<usize>>,
}

/// The ranking, in one place: the tier first, then how early the match
/// starts (the word index of the phrase, or of the first word any term
/// matched), then how short the text is (in words). Each of the last two
/// counts up to 255 words; a later or longer position ranks the same.
pub fn score(tier: Tier, first_word: usize, word_count: usize) -> u32 {
    let earliness = 255 - first_word.min(255) as u32;
    let shortness = 255 - word_count.min(255) as u32;
    (tier as u32) << 16 | earliness << 8 | shortness
}

impl Query {
    /// Folds `q` and splits it into terms at every character that is not a
    /// letter or digit.
    pub fn parse(q: &str) -> Self {
        let folded = fold(q);
        let mut terms: Vec<Term> = Vec::new();
        for word in folded.split(|c: char| !c.is_alphanumeric()) {
            if terms.len() == MAX_TERMS {
                break;
            }
            if word.is_empty() || terms.iter().any(|t| t.text == word) {
                continue;
            }
            terms.push(Term {
                text: word.to_owned(),
                chars: word.chars().collect(),
            });
        }
        Self { terms }
    }

    /// No terms: the caller decides what an empty search shows.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The folded terms.
    pub fn terms(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().map(|t| t.text.as_str())
    }

    /// Folds `text` and looks for the query in it. Over many texts, prefer
    /// [`Query::find_in`] with one [`FoldedText`] refilled for each.
    pub fn find(&self, text: &str) -> Option<Match> {
        self.find_in(&FoldedText::new(text))
    }

    /// Looks for the query in a folded text; the spans are byte ranges of
    /// the text `folded` was built from.
    pub fn find_in(&self, folded: &FoldedText) -> Option<Match> {
        let scan = self.scan(&folded.chars)?;
        let spans = self.spans(folded);
        Some(Match {
            tier: scan.tier,
            score: score(scan.tier, scan.first_word, scan.word_count),
            spans,
        })
    }

    /// Whether every term matches, and how well; allocates nothing.
    fn scan(&self, chars: &[char]) -> Option<Scan> {
        if self.terms.is_empty() {
            return None;
        }
        let all = all_terms_mask(self.terms.len());
        let (mut matched, mut whole) = (0u32, 0u32);
        let mut first_word = None;
        let mut phrase_word = None;
        let mut word_count = 0;
        for (index, word) in Words::new(chars).enumerate() {
            word_count = index + 1;
            let text = &chars[word.clone()];
            for (bit, term) in self.terms.iter().enumerate() {
                if text.starts_with(&term.chars) {
                    matched |= 1 << bit;
                    if text.len() == term.chars.len() {
                        whole |= 1 << bit;
                    }
                    first_word.get_or_insert(index);
                }
            }
            // A phrase starts with the first term as a whole word.
            let may_start_phrase = self
                .terms
                .first()
                .is_some_and(|t| text == t.chars.as_slice());
            if phrase_word.is_none() && may_start_phrase && self.is_phrase_at(chars, word.start) {
                phrase_word = Some(index);
            }
        }
        if matched != all {
            return None;
        }
        let (tier, first_word) = match phrase_word {
            Some(at) => (Tier::Phrase, at),
            None if whole == all => (Tier::Words, first_word.unwrap_or(0)),
            None => (Tier::Prefix, first_word.unwrap_or(0)),
        };
        Some(Scan {
            tier,
            first_word,
            word_count,
        })
    }

    /// The terms (two or more) are the words starting at `start`, the last
    /// possibly unfinished.
    fn is_phrase_at(&self, chars: &[char], start: usize) -> bool {
        if self.terms.len() < 2 {
            return false;
        }
        let mut words = Words { chars, pos: start };
        let last = self.terms.len() - 1;
        self.terms.iter().enumerate().all(|(i, term)| {
            let Some(word) = words.next() else {
                return false;
            };
            let text = &chars[word];
            if i == last {
                text.starts_with(&term.chars)
            } else {
                text == term.chars.as_slice()
            }
        })
    }

    /// Every term's match at every word start, merged, in original bytes.
    fn spans(&self, folded: &FoldedText) -> Vec<Range<usize>> {
        let chars = folded.chars.as_slice();
        let mut found: Vec<Range<usize>> = Vec::new();
        for word in Words::new(chars) {
            let text = &chars[word.clone()];
            let longest = self
                .terms
                .iter()
                .filter(|term| text.starts_with(&term.chars))
                .map(|term| term.chars.len())
                .max();
            if let Some(len) = longest {
                found.push(word.start..word.start + len);
            }
        }
        merge_across_whitespace(&mut found, chars);
        found.iter().map(|r| folded.byte_range(r)).collect()
    }
}

struct Scan {
    tier: Tier,
    first_word: usize,
    word_count: usize,
}

fn all_terms_mask(count: usize) -> u32 {
    if count >= 32 {
        u32::MAX
    } else {
        (1u32 << count) - 1
    }
}

/// Joins ranges (sorted by start, as found) that touch, overlap or are
/// separated by whitespace only.
fn merge_across_whitespace(ranges: &mut Vec<Range<usize>>, chars: &[char]) {
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges.drain(..) {
        if let Some(last) = merged.last_mut() {
            let gap = chars.get(last.end..range.start).unwrap_or(&[]);
            if range.start <= last.end || gap.iter().all(|c| c.is_whitespace()) {
                last.end = last.end.max(range.end);
                continue;
            }
        }
        merged.push(range);
    }
    *ranges = merged;
}

/// Ranges of letters-and-digits runs in folded characters.
struct Words<'a> {
    chars: &'a [char],
    pos: usize,
}

impl<'a> Words<'a> {
    fn new(chars: &'a [char]) -> Self {
        Self { chars, pos: 0 }
    }
}

impl Iterator for Words<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let rest = self.chars.get(self.pos..)?;
        let start = self.pos + rest.iter().position(|c| c.is_alphanumeric())?;
        let len = self.chars[start..]
            .iter()
            .position(|c| !c.is_alphanumeric())
            .unwrap_or(self.chars.len() - start);
        self.pos = start + len;
        Some(start..start + len)
    }
}

/// A text folded for matching, with the byte offset in the original of
/// every folded character. Reuse one with [`FoldedText::refill`] to scan
/// many texts without allocating, or keep one per text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FoldedText {
    chars: Vec<char>,
    starts: Vec<usize>,
    len: usize,
}

impl FoldedText {
    pub fn new(text: &str) -> Self {
        let mut folded = Self::default();
        folded.refill(text);
        folded
    }

    /// Replaces the content with `text` folded, keeping the buffers.
    pub fn refill(&mut self, text: &str) {
        self.chars.clear();
        self.starts.clear();
        for (at, c) in text.char_indices() {
            // A mark belongs to the character before it: its bytes fall in
            // that character's range (up to the next kept start).
            if !is_combining_mark(c) {
                self.chars.push(fold_char(c));
                self.starts.push(at);
            }
        }
        self.len = text.len();
    }

    /// The folded text as a string (for display and tests).
    pub fn as_string(&self) -> String {
        self.chars.iter().collect()
    }

    /// Byte range in the original of folded characters `range`, including
    /// the marks that follow the last one.
    fn byte_range(&self, range: &Range<usize>) -> Range<usize> {
        let start = self.starts.get(range.start).copied().unwrap_or(self.len);
        let end = self.starts.get(range.end).copied().unwrap_or(self.len);
        start..end
    }
}

/// `text` with every span wrapped in `open`…`close`, the pieces between
/// and inside passed through `escape` (which appends to the output). Spans
/// that are out of order, overlap an earlier one, are empty or not on char
/// boundaries are skipped, so a stale span cannot make this panic.
pub fn highlight(
    text: &str,
    spans: &[Range<usize>],
    open: &str,
    close: &str,
    mut escape: impl FnMut(&str, &mut String),
) -> String {
    let mut out = String::with_capacity(text.len() + spans.len() * (open.len() + close.len()));
    let mut pos = 0;
    for span in spans {
        if span.start < pos || span.start >= span.end {
            continue;
        }
        let (Some(before), Some(marked)) = (text.get(pos..span.start), text.get(span.clone()))
        else {
            continue;
        };
        escape(before, &mut out);
        out.push_str(open);
        escape(marked, &mut out);
        out.push_str(close);
        pos = span.end;
    }
    escape(text.get(pos..).unwrap_or(""), &mut out);
    out
}

/// `text` as HTML, spans in `<mark>`.
pub fn highlight_html(text: &str, spans: &[Range<usize>]) -> String {
    highlight(text, spans, "<mark>", "</mark>", push_html_escaped)
}

/// Appends `s` with `& < > " '` escaped, safe in element content and in
/// quoted attributes.
pub fn push_html_escaped(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}
