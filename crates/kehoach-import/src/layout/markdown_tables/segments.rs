//! The pieces of a task table's cells, in reading order: goal and target
//! headings, sub-target letters, task text and assignments. A task table
//! mixes them freely (a heading at the end of the previous target's task
//! cell, tasks in the responsibility column, several "Chủ trì:" blocks in
//! one cell), so a row is read as a sequence of pieces, not by column.

use std::sync::OnceLock;

use regex::Regex;

use super::headings::{
    find_target_heading, parse_goal_heading, parse_target_heading, TargetHeading,
};

#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Goal {
        code: String,
        title: String,
    },
    Target(TargetHeading),
    /// "a.", "b.", "c" starting a sub-target's tasks.
    Letter(String),
    /// Task text (one paragraph).
    Text(String),
    /// A quantified target statement ("Chỉ tiêu: …") inside the task column.
    IndicatorNote(String),
    /// "Chủ trì: X Phối hợp: Y" (or only "Phối hợp: Y"). `nth` of `of` in its cell.
    Assign {
        lead: Option<String>,
        coordinating: Option<String>,
        nth: usize,
        of: usize,
    },
    /// Agency names in the responsibility column with no label.
    Agencies(String),
}

fn lead_label() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)ch[ủu]\s*tr[ìi]\s*:").unwrap_or_else(|e| panic!("bad regex: {e}"))
    })
}

fn coord_label() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)ph[ốo]i\s*h[ợo]p\s*:").unwrap_or_else(|e| panic!("bad regex: {e}"))
    })
}

/// The pieces of one cell. `responsibility` marks the assignment column,
/// where unlabeled text naming known agencies (`is_agency`) is an assignment.
pub fn cell_pieces(
    cell: &str,
    responsibility: bool,
    is_agency: &dyn Fn(&str) -> bool,
) -> Vec<Piece> {
    let mut pieces = Vec::new();
    for para in unbroken_paragraphs(cell) {
        paragraph_pieces(para.trim(), responsibility, is_agency, &mut pieces);
    }
    let mut pieces = merge_split_assignments(pieces);
    let count = pieces
        .iter()
        .filter(|p| matches!(p, Piece::Assign { .. }))
        .count();
    let mut nth = 0;
    for p in &mut pieces {
        if let Piece::Assign { nth: n, of, .. } = p {
            *n = nth;
            *of = count;
            nth += 1;
        }
    }
    pieces
}

/// A paragraph break right after a separator ("Sở Lao động -", "Sở Y tế,")
/// cuts one list, not two paragraphs: such paragraphs are joined back.
fn unbroken_paragraphs(cell: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for para in cell.split('\n') {
        match out.last_mut() {
            Some(prev) if prev.ends_with(['-', ',', ';']) || prev.ends_with(" và") => {
                prev.push(' ');
                prev.push_str(para.trim());
            }
            _ => out.push(para.trim().to_string()),
        }
    }
    out
}

/// "Chủ trì: X" and "Phối hợp: Y" printed as two paragraphs are one assignment.
fn merge_split_assignments(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        if let (
            Some(Piece::Assign {
                lead: Some(_),
                coordinating: slot @ None,
                ..
            }),
            Piece::Assign {
                lead: None,
                coordinating: Some(c),
                ..
            },
        ) = (out.last_mut(), &piece)
        {
            *slot = Some(c.clone());
            continue;
        }
        out.push(piece);
    }
    out
}

fn paragraph_pieces(
    para: &str,
    responsibility: bool,
    is_agency: &dyn Fn(&str) -> bool,
    out: &mut Vec<Piece>,
) {
    if para.is_empty() {
        return;
    }
    let first_lead = lead_label().find(para).map(|m| m.start());
    let content = &para[..first_lead.unwrap_or(para.len())];
    content_pieces(content.trim(), responsibility, is_agency, out);
    if let Some(start) = first_lead {
        assignment_pieces(&para[start..], out);
    }
}

/// Text before any "Chủ trì:": headings, a letter, task text, a
/// coordinating-only block.
fn content_pieces(
    text: &str,
    responsibility: bool,
    is_agency: &dyn Fn(&str) -> bool,
    out: &mut Vec<Piece>,
) {
    if text.is_empty() {
        return;
    }
    if let Some(m) = coord_label().find(text).filter(|m| m.start() == 0) {
        out.push(Piece::Assign {
            lead: None,
            coordinating: Some(text[m.end()..].trim().to_string()),
            nth: 0,
            of: 0,
        });
        return;
    }
    if let Some((code, title)) = parse_goal_heading(text) {
        out.push(Piece::Goal { code, title });
        return;
    }
    if let Some(pos) = find_target_heading(text).filter(|p| *p > 0) {
        content_pieces(text[..pos].trim(), responsibility, is_agency, out);
        content_pieces(&text[pos..], responsibility, is_agency, out);
        return;
    }
    if let Some(h) = parse_target_heading(text) {
        out.push(Piece::Target(h));
        return;
    }
    if let Some((letter, rest)) = letter_label(text) {
        out.push(Piece::Letter(letter));
        content_pieces(rest, responsibility, is_agency, out);
        return;
    }
    if kehoach_vi::fold_starts_with(text, "chi tieu") {
        out.push(Piece::IndicatorNote(text.to_string()));
    } else if responsibility && is_agency(text) {
        out.push(Piece::Agencies(text.to_string()));
    } else {
        out.push(Piece::Text(text.to_string()));
    }
}

/// "a.", "b. Tăng cường…", "c" alone → ("a", rest).
fn letter_label(text: &str) -> Option<(String, &str)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^([a-hk-nđ])(?:[.)]\s*|$)").unwrap_or_else(|e| panic!("bad regex: {e}"))
    });
    let m = re.captures(text)?;
    let end = m.get(0)?.end();
    Some((m.get(1)?.as_str().to_string(), text[end..].trim()))
}

/// "Chủ trì: X Phối hợp: Y Chủ trì: Z …" → one piece per "Chủ trì:".
fn assignment_pieces(text: &str, out: &mut Vec<Piece>) {
    let starts: Vec<(usize, usize)> = lead_label()
        .find_iter(text)
        .map(|m| (m.start(), m.end()))
        .collect();
    for (i, (_, body_start)) in starts.iter().enumerate() {
        let body_end = starts.get(i + 1).map_or(text.len(), |s| s.0);
        let body = &text[*body_start..body_end];
        let (lead, coordinating) = match coord_label().find(body) {
            Some(m) => (&body[..m.start()], Some(body[m.end()..].trim().to_string())),
            None => (body, None),
        };
        out.push(Piece::Assign {
            lead: Some(lead.trim().to_string()).filter(|s| !s.is_empty()),
            coordinating: coordinating.filter(|s| !s.is_empty()),
            nth: 0,
            of: 0,
        });
    }
}

/// Task text as lines: a paragraph printing several dash bullets in a row
/// ("- Làm A. - Làm B") gets one line per bullet.
pub fn bullet_lines(para: &str) -> Vec<String> {
    // A bullet is a " - " inside the paragraph: without one (most
    // paragraphs) the paragraph is one line, with no need to walk it.
    if !para.contains(" - ") {
        let line = para.trim();
        return if line.is_empty() {
            Vec::new()
        } else {
            vec![line.to_string()]
        };
    }
    let mut lines = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = para.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let ch = chars[i];
        let is_bullet = ch == '-'
            && i > 0
            && chars[i - 1] == ' '
            && chars.get(i + 1) == Some(&' ')
            && chars.get(i + 2).is_some_and(|c| c.is_uppercase())
            && current.trim_end().ends_with(['.', ';', ':']);
        if is_bullet && !current.trim().is_empty() {
            lines.push(current.trim().to_string());
            current.clear();
        }
        current.push(ch);
        i += 1;
    }
    if !current.trim().is_empty() {
        lines.push(current.trim().to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_agency(_: &str) -> bool {
        false
    }

    #[test]
    fn a_cell_in_pieces() {
        let cell = "a.\n- Làm A. - Làm B. (22) Mục tiêu 4.5 (MTKK): Đảm bảo\nChủ trì: Sở Y tế Phối hợp: Sở Tài chính Chủ trì: Sở Xây dựng";
        let p = cell_pieces(cell, false, &no_agency);
        assert_eq!(p[0], Piece::Letter("a".into()));
        assert_eq!(p[1], Piece::Text("- Làm A. - Làm B.".into()));
        assert!(matches!(&p[2], Piece::Target(h) if h.code == "4.5"));
        assert_eq!(
            p[3],
            Piece::Assign {
                lead: Some("Sở Y tế".into()),
                coordinating: Some("Sở Tài chính".into()),
                nth: 0,
                of: 2
            }
        );
        assert!(matches!(
            &p[4],
            Piece::Assign {
                nth: 1,
                of: 2,
                coordinating: None,
                ..
            }
        ));
        let p = cell_pieces("Chủ trì: Sở Y tế\nPhối hợp: Sở Tài chính", true, &no_agency);
        assert_eq!(p.len(), 1, "{p:?}");
        let p = cell_pieces(
            "Chủ trì: Sở Y tế Phối hợp: Sở Lao động -\nThương binh và Xã hội",
            true,
            &no_agency,
        );
        assert!(
            matches!(&p[..], [Piece::Assign { coordinating: Some(c), .. }] if c.ends_with("- Thương binh và Xã hội")),
            "{p:?}"
        );
    }

    #[test]
    fn bullets_split_at_sentence_ends_only() {
        assert_eq!(
            bullet_lines("- Làm kinh tế - xã hội. - Tăng cường"),
            vec!["- Làm kinh tế - xã hội.", "- Tăng cường"]
        );
    }
}
