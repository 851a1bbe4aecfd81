//! The document's skeleton: Roman-numbered sections ("I.", "II."…), the
//! Arabic-numbered headings inside them, and where the body ends.

use std::sync::OnceLock;

use regex::Regex;

use crate::{Line, SourceText};

/// A Roman-numbered section: its title (wrapped lines joined) and the index
/// range of its lines in `SourceText::lines`, heading line included.
#[derive(Debug, Clone)]
pub struct Section {
    pub title: String,
    pub start: usize,
    pub end: usize,
}

fn roman_heading_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s+\p{Lu}")
            .unwrap_or_else(|e| panic!("bad regex: {e}"))
    })
}

fn numbered_heading_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(\d{1,3})\.\s+(\S.*)$").unwrap_or_else(|e| panic!("bad regex: {e}"))
    })
}

pub fn is_roman_heading(line: &Line) -> bool {
    roman_heading_re().is_match(&line.text)
}

/// "12. Sở Y tế" → (12, "Sở Y tế"). Whether 12 is the number expected next
/// is for the caller to check: "2023. Đồng thời…" matches too.
pub fn numbered_heading(line: &Line) -> Option<(u32, &str)> {
    let caps = numbered_heading_re().captures(&line.text)?;
    let number = caps.get(1)?.as_str().parse().ok()?;
    Some((number, caps.get(2)?.as_str()))
}

/// Index of the first line after the body: the recipients list ("Nơi
/// nhận:") of the signature table, whose "- " lines look like task bullets.
pub fn body_end(src: &SourceText) -> usize {
    src.lines
        .iter()
        .position(|l| kehoach_vi::fold_starts_with(&l.text, "noi nhan"))
        .unwrap_or(src.lines.len())
}

/// The Roman-numbered sections before `end`. A title wraps onto following
/// lines while they are in capitals.
pub fn roman_sections(src: &SourceText, end: usize) -> Vec<Section> {
    let lines = &src.lines[..end.min(src.lines.len())];
    let starts: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| is_roman_heading(l))
        .map(|(i, _)| i)
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(k, &start)| {
            let section_end = starts.get(k + 1).copied().unwrap_or(lines.len());
            Section {
                title: heading_title(lines, start, section_end),
                start,
                end: section_end,
            }
        })
        .collect()
}

fn heading_title(lines: &[Line], start: usize, end: usize) -> String {
    let mut parts = vec![lines[start].text.as_str()];
    for line in lines.iter().take(end).skip(start + 1) {
        if !is_all_caps(&line.text) {
            break;
        }
        parts.push(line.text.as_str());
    }
    parts.join(" ")
}

fn is_all_caps(text: &str) -> bool {
    text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)
}

/// Lines `start..end` joined with one space: the wrap always falls between
/// syllables, so this gives back the sentence.
pub fn join_lines(lines: &[Line]) -> String {
    lines
        .iter()
        .map(|l| l.text.as_str())
        .filter(|t| !t.is_empty() && *t != "|")
        .collect::<Vec<_>>()
        .join(" ")
}
