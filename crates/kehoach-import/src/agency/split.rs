//! Cutting an agency cell into the names it lists.
//!
//! Commas both separate names and sit inside them ("Sở Lao động, Thương binh
//! và Xã hội", "UBND các huyện, thị xã, thành phố"), so a cell is cut at
//! every separator and neighbouring pieces are joined back wherever the join
//! is a name the registry knows, longest join first.

use std::sync::OnceLock;

use regex::Regex;

use super::Registry;

/// The most pieces one name can be cut into ("UBND các quận, huyện, xã, phường, thị trấn" is 5).
const MAX_JOIN: usize = 6;

/// The names listed in one cell, as printed (trimmed).
pub fn split_cell(registry: &Registry, cell: &str) -> Vec<String> {
    let cell = kehoach_vi::clean_line(cell);
    let mut pieces: Vec<Piece> = Vec::new();
    let groups: Vec<&str> = cell.split([';', '\n']).collect();
    // "Các Sở; TN&MT; KH&CN": a bare "Các Sở" group heads the groups after it.
    let mut carried: Option<&'static str> = None;
    for (group_no, group) in groups.iter().enumerate() {
        if is_bare_departments(group) && group_no + 1 < groups.len() {
            carried = Some("Sở");
            continue;
        }
        let (prefix, rest) = shared_prefix(group);
        for text in rest.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            pieces.push(Piece {
                text,
                group: group_no,
                prefix: prefix.or(carried),
            });
        }
    }
    let mut names = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        // Most pieces are whole names ("Sở Tài chính"); joins are tried only
        // for pieces that are not, or that begin a longer name with commas.
        let single_known = registry.lookup(pieces[i].text).is_some();
        let try_joins = !single_known || registry.may_start_longer_name(pieces[i].text);
        let joined = try_joins
            .then(|| {
                // Every shorter join is a prefix of the longest one: built once.
                let (longest, ends) = join(&pieces[i..i + MAX_JOIN.min(pieces.len() - i)]);
                (2..=ends.len()).rev().find_map(|n| {
                    let joined = longest.get(..ends[n - 1])?;
                    resolve_piece(registry, joined).map(|names| (n, names))
                })
            })
            .flatten();
        let found = joined
            .or_else(|| single_known.then(|| (1, vec![pieces[i].text.to_string()])))
            .or_else(|| lost_separator(registry, &pieces[i..]))
            .or_else(|| resolve_piece(registry, pieces[i].text).map(|names| (1, names)));
        let (n, found) = found.unwrap_or_else(|| (1, vec![pieces[i].text.to_string()]));
        let prefix = pieces[i].prefix;
        for name in found {
            names.push(with_prefix(registry, prefix, trim_name(&name)));
        }
        i += n;
    }
    names.retain(|n| !n.is_empty());
    names
}

fn is_bare_departments(group: &str) -> bool {
    // Compared without building the folded group: most groups are long
    // names that differ at the first letters.
    let group = group.trim();
    ["cac so", "cac s", "so"]
        .iter()
        .any(|key| kehoach_vi::fold_eq(group, key))
}

/// Two names run together without a separator ("Xây dựng UBND các huyện,
/// thành phố"): the first piece's words split into a known name and the
/// start of one that may continue over the next pieces, longest first.
fn lost_separator(registry: &Registry, pieces: &[Piece]) -> Option<(usize, Vec<String>)> {
    let first = pieces.first()?.text;
    let spaces: Vec<usize> = first.match_indices(' ').map(|(i, _)| i).collect();
    if spaces.len() > MAX_WORDS_TO_SPLIT {
        return None;
    }
    for idx in spaces {
        let (left, right) = (first[..idx].trim(), first[idx..].trim());
        if registry.lookup(left).is_none() {
            continue;
        }
        for extra in (0..MAX_JOIN.min(pieces.len())).rev() {
            let mut candidate = right.to_string();
            for p in &pieces[1..=extra] {
                candidate.push_str(", ");
                candidate.push_str(p.text);
            }
            if registry.lookup(&candidate).is_some() {
                return Some((1 + extra, vec![left.to_string(), candidate]));
            }
        }
    }
    None
}

/// One comma-separated piece of a cell, with the list it belongs to.
struct Piece<'a> {
    text: &'a str,
    /// Which ';'-separated group of the cell it is in.
    group: usize,
    prefix: Option<&'static str>,
}

/// Pieces of one group are joined with ", " as printed; across a stray ';'
/// ("Đài Phát thanh truyền; hình tỉnh") with a space. Also returns where
/// the join of the first `n` pieces ends, for every `n` (at `n - 1`).
fn join(pieces: &[Piece]) -> (String, Vec<usize>) {
    let mut out = String::new();
    let mut ends = Vec::with_capacity(pieces.len());
    for (k, p) in pieces.iter().enumerate() {
        if k > 0 {
            out.push_str(if pieces[k - 1].group == p.group {
                ", "
            } else {
                " "
            });
        }
        out.push_str(p.text);
        ends.push(out.len());
    }
    (out, ends)
}

/// The names a piece (or a join of pieces) stands for, if it is known whole
/// or as two known names joined by "và".
fn resolve_piece(registry: &Registry, piece: &str) -> Option<Vec<String>> {
    if registry.lookup(piece).is_some() {
        return Some(vec![piece.to_string()]);
    }
    for (idx, _) in piece.match_indices(" và ") {
        let (left, right) = (&piece[..idx], &piece[idx + " và ".len()..]);
        if registry.lookup(left).is_some() && registry.lookup(right).is_some() {
            return Some(vec![left.to_string(), right.to_string()]);
        }
    }
    None
}

/// Longer pieces are sentences, not names run together.
const MAX_WORDS_TO_SPLIT: usize = 12;

fn starts_with_word(name: &str, word: &str) -> bool {
    kehoach_vi::fold_starts_with(name, &kehoach_vi::fold(word))
}

/// A member of a "Các Sở: …" list is named with "Sở" when that names a
/// department ("Tài chính" → "Sở Tài chính"); other members stay as printed.
fn with_prefix(registry: &Registry, prefix: Option<&'static str>, name: String) -> String {
    let Some(p) = prefix else { return name };
    if starts_with_word(&name, p) {
        return name;
    }
    let prefixed = format!("{p} {name}");
    let is_department = registry
        .lookup(&prefixed)
        .is_some_and(|e| starts_with_word(e.name, p));
    if is_department || registry.lookup(&name).is_none() {
        prefixed
    } else {
        name
    }
}

/// "Các Sở: NN&PTNT, KH&ĐT", "Các S. NN&PTNT", "Các sở, ngành: Tư pháp"
/// → (Some("Sở"), the members).
fn shared_prefix(group: &str) -> (Option<&'static str>, &str) {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:các\s+)?(?:sở|s)\s*(?:,\s*(?:ban\s*,\s*)?ngành)?\s*[:.]\s*")
            .unwrap_or_else(|e| panic!("bad regex: {e}"))
    });
    match re.find(group) {
        Some(m) if m.end() < group.len() => (Some("Sở"), &group[m.end()..]),
        _ => (None, group),
    }
}

fn trim_name(s: &str) -> String {
    s.trim()
        .trim_end_matches(['.', ',', ';', ':'])
        .trim_start_matches(['-', '+', '•'])
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<String> {
        split_cell(Registry::builtin(), s)
    }

    #[test]
    fn commas_inside_names_are_kept() {
        assert_eq!(
            split("Sở Lao động, Thương binh và Xã hội, Sở Tài chính; UBND các huyện, thị xã, thành phố"),
            vec![
                "Sở Lao động, Thương binh và Xã hội",
                "Sở Tài chính",
                "UBND các huyện, thị xã, thành phố"
            ]
        );
    }

    #[test]
    fn shared_prefix_applies_to_each_member() {
        assert_eq!(
            split("Các Sở: NN&PTNT, KH&ĐT, Tài chính"),
            vec!["Sở NN&PTNT", "Sở KH&ĐT", "Sở Tài chính"]
        );
    }

    #[test]
    fn damaged_lists() {
        assert_eq!(
            split("Các S: KH&ĐT, Tài chính"),
            vec!["Sở KH&ĐT", "Sở Tài chính"]
        );
        assert_eq!(
            split("Các sở, ngành: Tư pháp, Nội vụ"),
            vec!["Sở Tư pháp", "Sở Nội vụ"]
        );
        assert_eq!(
            split("Đài Phát thanh truyền; hình tỉnh"),
            vec!["Đài Phát thanh truyền hình tỉnh"]
        );
        assert_eq!(
            split("Xây dựng UBND các huyện"),
            vec!["Xây dựng", "UBND các huyện"]
        );
        assert_eq!(
            split("UBND các huyện, thành phố và các đơn vị có liên quan"),
            vec!["UBND các huyện, thành phố", "các đơn vị có liên quan"]
        );
    }

    #[test]
    fn and_splits_only_between_known_names() {
        assert_eq!(
            split("Sở Kế hoạch và Đầu tư"),
            vec!["Sở Kế hoạch và Đầu tư"]
        );
        assert_eq!(
            split("Sở Tài chính và Sở Y tế"),
            vec!["Sở Tài chính", "Sở Y tế"]
        );
    }
}
