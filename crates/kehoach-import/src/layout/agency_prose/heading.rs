//! Agency headings ("6. Sở Công" / "Thương"): where a wrapped heading ends,
//! and which agencies it names.
//!
//! A heading's first line is short (a first-line indent survives as an early
//! break), so the next line may continue the name or start an unbulleted
//! paragraph; both begin with a capital. A long line always wraps into the
//! next; a short continuation line ends the heading.

use crate::agency::Registry;
use crate::Line;

/// Continuation lines average ~76 characters; a line this short was broken
/// on purpose (end of a heading or paragraph), not by wrapping.
const WRAPPED_MIN_CHARS: usize = 60;

/// A heading never runs over more lines than this.
const MAX_HEADING_LINES: usize = 4;

fn char_len(s: &str) -> usize {
    s.chars().count()
}

fn is_bullet(line: &Line) -> bool {
    line.text.starts_with("- ") || line.text == "-"
}

fn starts_upper(line: &Line) -> bool {
    line.text.chars().next().is_some_and(char::is_uppercase)
}

/// How many lines of `lines` (from the heading's first line, whose text
/// after the number is `first`) belong to the heading.
pub fn heading_len(registry: &Registry, first: &str, lines: &[Line]) -> usize {
    let mut name = first.to_string();
    let mut count = 1;
    while count < MAX_HEADING_LINES {
        let Some(next) = lines.get(count) else { break };
        if is_bullet(next) {
            break;
        }
        let last = &lines[count - 1];
        let last_wrapped = char_len(&last.text) >= WRAPPED_MIN_CHARS;
        if count > 1 && !last_wrapped {
            break;
        }
        if count == 1
            && !last_wrapped
            && starts_paragraph(registry, &name, next, lines.get(count + 1))
        {
            break;
        }
        name.push(' ');
        name.push_str(&next.text);
        count += 1;
    }
    count
}

/// After a heading's short first line, `next` starts an unbulleted
/// paragraph rather than continuing the name when it is capitalised and
/// either the name is already complete or `next` is itself the short first
/// line of a paragraph that wraps on.
fn starts_paragraph(registry: &Registry, name: &str, next: &Line, after: Option<&Line>) -> bool {
    if !starts_upper(next) {
        return false;
    }
    if registry.lookup(name).is_some() {
        return true;
    }
    let short = char_len(&next.text) < WRAPPED_MIN_CHARS;
    short && after.is_some_and(|a| !is_bullet(a) && !starts_upper(a))
}

/// How a heading names its agencies.
#[derive(Debug, PartialEq)]
pub struct HeadingNames {
    /// One name per agency, as printed (a shared prefix repeated).
    pub names: Vec<String>,
    /// What follows the agency when the heading delegates ("… chỉ đạo các
    /// ngân hàng thương mại"), for a diagnostic.
    pub delegation: Option<String>,
    /// The heading lists several agencies under a shared prefix.
    pub shared_prefix: bool,
}

/// "Ngân hàng Nhà nước Chi nhánh X chỉ đạo các ngân hàng…" → the bank, with
/// the delegation kept apart; "Các Ban Quản lý dự án…: A; B; C" → three
/// boards; "Các Sở, ban, ngành tỉnh và UBND các huyện, thành phố" → the two
/// collectives.
pub fn heading_names(registry: &Registry, heading: &str) -> HeadingNames {
    let heading = heading.trim().trim_end_matches(['.', ':', ',', ';']).trim();
    let (agency, delegation) = match heading.find(" chỉ đạo ") {
        Some(pos) => (&heading[..pos], Some(heading[pos + 1..].trim().to_string())),
        None => (heading, None),
    };
    if let Some(names) = shared_prefix_list(agency) {
        return HeadingNames {
            names,
            delegation,
            shared_prefix: true,
        };
    }
    let names = split_on_known_and(registry, agency).unwrap_or_else(|| vec![agency.to_string()]);
    HeadingNames {
        names,
        delegation,
        shared_prefix: false,
    }
}

/// "Các Ban X: A; B; C" → ["Ban X A", "Ban X B", "Ban X C"].
fn shared_prefix_list(agency: &str) -> Option<Vec<String>> {
    let (prefix, list) = agency.split_once(':')?;
    let members: Vec<&str> = list
        .split(';')
        .map(str::trim)
        .filter(|m| !m.is_empty())
        .collect();
    if members.len() < 2 {
        return None;
    }
    let prefix = prefix.trim();
    let prefix = prefix
        .strip_prefix("Các ")
        .or_else(|| prefix.strip_prefix("các "))
        .map_or(prefix.to_string(), capitalise);
    Some(members.iter().map(|m| format!("{prefix} {m}")).collect())
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "A và B" where the whole is unknown but A and B are both known.
fn split_on_known_and(registry: &Registry, agency: &str) -> Option<Vec<String>> {
    if registry.lookup(agency).is_some() {
        return None;
    }
    agency.match_indices(" và ").find_map(|(idx, sep)| {
        let (left, right) = (&agency[..idx], &agency[idx + sep.len()..]);
        (registry.lookup(left).is_some() && registry.lookup(right).is_some())
            .then(|| vec![left.trim().to_string(), right.trim().to_string()])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[&str]) -> Vec<Line> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Line::new(i + 1, t.to_string()))
            .collect()
    }

    #[test]
    fn heading_ends_before_unbulleted_paragraph() {
        let r = Registry::builtin();
        let ls = lines(&[
            "Cục Thống kê",
            "Tiếp tục thực hiện Chiến lược phát",
            "triển Thống kê theo kế hoạch",
        ]);
        assert_eq!(heading_len(r, "Cục Thống kê", &ls), 1);
        let ls = lines(&["Sở Công", "Thương", "- Tiếp tục"]);
        assert_eq!(heading_len(r, "Sở Công", &ls), 2);
    }

    #[test]
    fn names_split() {
        let r = Registry::builtin();
        let h = heading_names(
            r,
            "Các Ban Quản lý dự án: Giao thông; Dân dụng và Công nghiệp",
        );
        assert_eq!(
            h.names,
            vec![
                "Ban Quản lý dự án Giao thông",
                "Ban Quản lý dự án Dân dụng và Công nghiệp"
            ]
        );
        let h = heading_names(r, "Các Sở, ban, ngành tỉnh và UBND các huyện, thành phố");
        assert_eq!(
            h.names,
            vec!["Các Sở, ban, ngành tỉnh", "UBND các huyện, thành phố"]
        );
        let h = heading_names(r, "Ngân hàng Nhà nước chi nhánh chỉ đạo các ngân hàng");
        assert_eq!(h.names, vec!["Ngân hàng Nhà nước chi nhánh"]);
        assert_eq!(h.delegation.as_deref(), Some("chỉ đạo các ngân hàng"));
    }
}
