//! Partners a task names inline: "phối hợp [chặt chẽ] [với] các sở, ngành…".
//! The partner phrase has no closing mark, so it ends at a known agency name
//! that is not continued as a list, after "liên quan", or before the verb
//! that follows it.

use std::sync::OnceLock;

use regex::Regex;

use crate::agency::Registry;

/// Words that start the action after the partner phrase. Matched with case,
/// so "Ban Quản lý" inside a name does not stop at "quản lý".
const STOP_WORDS: &[&str] = &[
    "tham mưu",
    "tiếp cận",
    "trong",
    "đẩy",
    "hoàn tất",
    "tiếp tục",
    "quản lý",
    "thực hiện",
    "triển khai",
    "tổ chức",
    "để",
    "nhằm",
    "giải quyết",
    "cung cấp",
];

/// Longest partner phrase considered, in words.
const MAX_WORDS: usize = 16;

/// The partner phrases of one task text, as printed, in order.
pub fn partner_phrases(registry: &Registry, text: &str) -> Vec<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)\bphối hợp\b").unwrap_or_else(|e| panic!("bad regex: {e}"))
    });
    let mut out: Vec<String> = Vec::new();
    for m in re.find_iter(text) {
        let rest = text[m.end()..].trim_start();
        let rest = rest.strip_prefix("chặt chẽ").map_or(rest, str::trim_start);
        let rest = rest.strip_prefix("với").map_or(rest, str::trim_start);
        if let Some(phrase) = partner_phrase(registry, rest) {
            if !out.contains(&phrase) {
                out.push(phrase);
            }
        }
    }
    out
}

fn partner_phrase(registry: &Registry, rest: &str) -> Option<String> {
    let words: Vec<&str> = rest.split_whitespace().take(MAX_WORDS).collect();
    if let Some(n) = known_prefix(registry, &words) {
        return Some(clean(&words[..n].join(" ")));
    }
    if !words.first().is_some_and(|w| *w == "các" || *w == "Các") {
        return None;
    }
    let n = phrase_end(&words)?;
    Some(clean(&words[..n].join(" ")))
}

/// The longest prefix that is a known agency and is not followed by more
/// list members (a trailing comma).
fn known_prefix(registry: &Registry, words: &[&str]) -> Option<usize> {
    (1..=words.len()).rev().find(|&n| {
        let phrase = words[..n].join(" ");
        !phrase.ends_with(',') && registry.lookup(&phrase).is_some() && !ends_clause(&phrase)
    })
}

fn ends_clause(phrase: &str) -> bool {
    phrase.ends_with([';', '.', ':'])
}

/// Where the partner phrase ends: after "liên quan", at punctuation closing
/// a clause, or before a stop word.
fn phrase_end(words: &[&str]) -> Option<usize> {
    for i in 0..words.len() {
        if ends_clause(words[i]) {
            return Some(i + 1);
        }
        if i > 0 && words[i - 1] == "liên" && words[i].trim_end_matches(',') == "quan" {
            return Some(i + 1);
        }
        if i > 1 && STOP_WORDS.iter().any(|s| starts_with_words(&words[i..], s)) {
            return Some(i);
        }
    }
    None
}

fn starts_with_words(words: &[&str], stop: &str) -> bool {
    let stop_words: Vec<&str> = stop.split(' ').collect();
    words.len() >= stop_words.len()
        && words
            .iter()
            .zip(&stop_words)
            .all(|(w, s)| w.trim_end_matches([',', ';', '.']) == *s)
}

fn clean(phrase: &str) -> String {
    phrase
        .trim_end_matches([',', ';', '.', ':'])
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(text: &str) -> Vec<String> {
        partner_phrases(Registry::builtin(), text)
    }

    #[test]
    fn generic_partners() {
        assert_eq!(
            phrases("Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan tham mưu sơ kết"),
            vec!["các cơ quan, đơn vị có liên quan"]
        );
        assert_eq!(
            phrases("Phối hợp các sở, ngành, địa phương tiếp cận doanh nghiệp"),
            vec!["các sở, ngành, địa phương"]
        );
        assert_eq!(
            phrases("phối hợp với các Ban Quản lý dự án đầu tư xây dựng cấp tỉnh thực hiện tốt"),
            vec!["các Ban Quản lý dự án đầu tư xây dựng cấp tỉnh"]
        );
        assert_eq!(
            phrases("phối hợp các ngành đầu tư xây dựng"),
            vec!["các ngành"]
        );
        assert!(phrases("Phối hợp, hỗ trợ các doanh nghiệp").is_empty());
        assert!(phrases("phối hợp triển khai Dự án").is_empty());
    }
}
