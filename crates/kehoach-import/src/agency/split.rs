//! Cutting an agency cell into the names it lists.
//!
//! Commas both separate names and sit inside them ("Sở Lao động, Thương binh
//! và Xã hội", "UBND các huyện, thị xã, thành phố"), so a cell is cut at
//! every separator and neighbouring pieces are joined back wherever the join
//! is a name the registry knows, longest join first.

use std::sync::OnceLock;

use regex::Regex;

use super::Registry;

/// The most pieces one name can be cut into ("UBND các huyện, thị xã, thành phố" is 3).
const MAX_JOIN: usize = 4;

/// The names listed in one cell, as printed (trimmed).
pub fn split_cell(registry: &Registry, cell: &str) -> Vec<String> {
    let cell = kehoach_vi::clean_line(cell);
    let mut names = Vec::new();
    for group in cell.split([';', '\n']) {
        let (prefix, rest) = shared_prefix(group);
        for name in join_known(registry, rest) {
            let name = match prefix {
                Some(p) if registry.lookup(&name).is_none() || !starts_with_word(&name, p) => {
                    format!("{p} {name}")
                }
                _ => name,
            };
            names.push(name);
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

fn starts_with_word(name: &str, word: &str) -> bool {
    kehoach_vi::fold(name).starts_with(&kehoach_vi::fold(word))
}

/// "Các Sở: NN&PTNT, KH&ĐT" → (Some("Sở"), "NN&PTNT, KH&ĐT").
fn shared_prefix(group: &str) -> (Option<&'static str>, &str) {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:các\s+)?sở\s*:\s*").unwrap_or_else(|e| panic!("bad regex: {e}"))
    });
    match re.find(group) {
        Some(m) => (Some("Sở"), &group[m.end()..]),
        None => (None, group),
    }
}

fn join_known(registry: &Registry, group: &str) -> Vec<String> {
    let pieces: Vec<&str> = group.split(',').map(str::trim).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        let longest = (2..=MAX_JOIN.min(pieces.len() - i)).rev().find_map(|n| {
            let joined = pieces[i..i + n].join(", ");
            registry.lookup(&joined).map(|_| (n, joined))
        });
        match longest {
            Some((n, joined)) => {
                out.push(joined);
                i += n;
            }
            None => {
                out.extend(split_on_and(registry, pieces[i]));
                i += 1;
            }
        }
    }
    out.into_iter().map(|s| trim_name(&s)).collect()
}

/// "Sở Tài chính và Sở Y tế" names two agencies, "Sở Kế hoạch và Đầu tư" one:
/// cut at "và" only when the whole is unknown and both sides are known.
fn split_on_and(registry: &Registry, piece: &str) -> Vec<String> {
    if registry.lookup(piece).is_some() {
        return vec![piece.to_string()];
    }
    for (idx, _) in piece.match_indices(" và ") {
        let (left, right) = (&piece[..idx], &piece[idx + " và ".len()..]);
        if registry.lookup(left).is_some() && registry.lookup(right).is_some() {
            return vec![left.to_string(), right.to_string()];
        }
    }
    vec![piece.to_string()]
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
