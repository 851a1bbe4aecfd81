//! The document's own metadata: number, kind, date, place, issuer, signer,
//! title and legal bases, read from its header (national motto, "Số:",
//! "<place>, ngày … tháng … năm …", the kind in capitals, the title), its
//! signature block and its preamble ("Căn cứ …", "Thực hiện …").
//!
//! Web portals put their own summary above the document ("Số hiệu:",
//! "Người ký:"); it is used only where the document itself is silent.

use std::sync::OnceLock;

use kehoach_model::Document;
use regex::Regex;

use crate::{Ctx, Line};

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).unwrap_or_else(|e| panic!("bad regex {pattern}: {e}")))
}

/// A document number as printed in Vietnamese legal texts: "2699/QĐ-UBND",
/// "77/2015/QH13", "09-NQ/TU", "194 /KH-UBND".
pub fn document_number_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(
        &RE,
        r"\b(\d{1,5})\s*([/-])\s*((?:\d{4}/)?[A-ZĐ][A-Za-zĐđ0-9]*(?:\s?[-/]\s?[A-ZĐ][A-Za-zĐđ0-9]*)*)",
    )
}

/// Spacing normalised: "194 /KH-UBND" → "194/KH-UBND".
fn normalize_number(m: &regex::Captures) -> Option<String> {
    let num = m.get(1)?.as_str();
    let sep = m.get(2)?.as_str();
    let rest: String = m
        .get(3)?
        .as_str()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    Some(format!("{num}{sep}{rest}"))
}

/// Type codes of document numbers and the kind they mean.
const KIND_CODES: &[(&str, &str)] = &[
    ("QĐ", "Quyết định"),
    ("KH", "Kế hoạch"),
    ("NQ", "Nghị quyết"),
    ("CT", "Chỉ thị"),
    ("TB", "Thông báo"),
    ("BC", "Báo cáo"),
    ("CV", "Công văn"),
];

/// Kinds as printed in capitals on the kind line of the header.
const KIND_TITLES: &[(&str, &str)] = &[
    ("QUYẾT ĐỊNH", "Quyết định"),
    ("KẾ HOẠCH", "Kế hoạch"),
    ("NGHỊ QUYẾT", "Nghị quyết"),
    ("CHỈ THỊ", "Chỉ thị"),
    ("CHƯƠNG TRÌNH", "Chương trình"),
];

pub fn read_metadata(ctx: &mut Ctx) -> Document {
    let lines = &ctx.src.lines;
    let start = header_start(lines);
    let header_end = (start + 60).min(lines.len());
    let header = &lines[start..header_end];
    let portal = &lines[..start];

    let number = header_number(header).or_else(|| portal_field(portal, "Số hiệu:"));
    let (place, date) = place_and_date(header)
        .map(|(p, d)| (Some(p), Some(d)))
        .unwrap_or((None, None));
    let kind_line = kind_line(header);
    let kind = kind_line
        .map(|(_, kind)| kind.to_string())
        .or_else(|| number.as_deref().and_then(kind_from_number))
        .or_else(|| portal_field(portal, "Loại văn bản:"));
    let doc = Document {
        number,
        kind,
        issued_on: date.or_else(|| portal_date(portal)),
        issuer: issuer_from_header(header).or_else(|| issuer_from_text(lines)),
        place,
        signer: signer(lines).or_else(|| portal_field(portal, "Người ký:")),
        title: kind_line.and_then(|(idx, _)| title_after(header, idx)),
        legal_bases: legal_bases(&lines[start..]),
    };
    check_other_numbers(ctx, &doc);
    doc
}

/// The first line of the document proper, after any portal debris: the
/// issuer, the national motto, the number or the place-and-date line.
fn header_start(lines: &[Line]) -> usize {
    let first = lines.iter().position(|l| {
        let t = l.text.as_str();
        t.starts_with("ỦY BAN NHÂN DÂN")
            || t.starts_with("UBND")
            || t.starts_with("CỘNG HÒA")
            || t == "CỘNG"
            || t.starts_with("Số:")
            || is_place_date(t)
    });
    first.unwrap_or(0)
}

fn is_place_date(t: &str) -> bool {
    place_date_caps(t).is_some()
}

/// "Kiên Giang, ngày 5 tháng 3 năm 2021": place (1), day, month, year.
///
/// The place is at most 41 characters. A counted repetition `{1,40}` of
/// `\p{L}` would cost ~80M instructions to compile (forty copies of the
/// letter tables), so the run is matched unbounded and its length checked
/// here: the run cannot contain a comma, so it ends at the first one either
/// way and the matches are the same.
fn place_date_caps(t: &str) -> Option<regex::Captures<'_>> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let caps = re(
        &RE,
        r"^(\p{Lu}[\p{L} .]+), ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})",
    )
    .captures(t)?;
    (caps.get(1)?.as_str().chars().count() <= 41).then_some(caps)
}

fn header_number(header: &[Line]) -> Option<String> {
    for (i, line) in header.iter().enumerate() {
        let Some(rest) = line
            .text
            .strip_prefix("Số:")
            .or_else(|| line.text.strip_prefix("Số :"))
        else {
            continue;
        };
        // "Số:" may stand alone with the number on the next line.
        let candidates = [rest.trim().to_string(), next_text(header, i)];
        for c in candidates {
            if let Some(caps) = document_number_re().captures(&c) {
                return normalize_number(&caps);
            }
        }
    }
    None
}

fn next_text(lines: &[Line], i: usize) -> String {
    lines[i + 1..]
        .iter()
        .find(|l| !l.is_blank() && l.text != "|")
        .map(|l| l.text.clone())
        .unwrap_or_default()
}

fn place_and_date(header: &[Line]) -> Option<(String, String)> {
    header.iter().find_map(|l| {
        let caps = place_date_caps(&l.text)?;
        let date = iso_date(
            caps.get(2)?.as_str(),
            caps.get(3)?.as_str(),
            caps.get(4)?.as_str(),
        )?;
        Some((caps.get(1)?.as_str().trim().to_string(), date))
    })
}

fn iso_date(day: &str, month: &str, year: &str) -> Option<String> {
    let (d, m, y): (u32, u32, u32) = (day.parse().ok()?, month.parse().ok()?, year.parse().ok()?);
    ((1..=31).contains(&d) && (1..=12).contains(&m) && (1900..=2100).contains(&y))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// A field of the portal's summary ("Số hiệu: 2699/QĐ-UBND Loại văn bản: Quyết định").
fn portal_field(portal: &[Line], label: &str) -> Option<String> {
    const LABELS: &[&str] = &[
        "Số hiệu:",
        "Loại văn bản:",
        "Nơi ban hành:",
        "Người ký:",
        "Ngày ban hành:",
        "Ngày hiệu lực:",
    ];
    portal.iter().find_map(|l| {
        let start = l.text.find(label)? + label.len();
        let rest = &l.text[start..];
        let end = LABELS
            .iter()
            .filter_map(|other| rest.find(other))
            .min()
            .unwrap_or(rest.len());
        let value = rest[..end].trim();
        (!value.is_empty()).then(|| value.to_string())
    })
}

fn portal_date(portal: &[Line]) -> Option<String> {
    let value = portal_field(portal, "Ngày ban hành:")?;
    let mut parts = value.split('/');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    iso_date(d.trim(), m.trim(), y.trim())
}

fn kind_from_number(number: &str) -> Option<String> {
    let code = number.split(['/', '-']).nth(1)?;
    KIND_CODES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, kind)| kind.to_string())
}

/// The line that names the document's kind in capitals ("QUYẾT ĐỊNH", "KẾ HOẠCH HÀNH ĐỘNG").
fn kind_line(header: &[Line]) -> Option<(usize, &'static str)> {
    header.iter().enumerate().find_map(|(i, l)| {
        let t = l.text.trim_end_matches(':');
        if l.text.ends_with(':') {
            return None; // "QUYẾT ĐỊNH:" opens the articles, it is not the title
        }
        KIND_TITLES
            .iter()
            .find(|(caps, _)| t.starts_with(caps) && t.chars().all(|c| !c.is_lowercase()))
            .map(|(_, kind)| (i, *kind))
    })
}

/// The title: the kind line's own words after the kind, then the first line
/// after it (a title may be in sentence case), then any capitalised lines,
/// across blank lines, up to the preamble.
fn title_after(header: &[Line], kind_idx: usize) -> Option<String> {
    let kind_text = header[kind_idx].text.as_str();
    let own_rest = KIND_TITLES
        .iter()
        .find_map(|(caps, _)| kind_text.strip_prefix(caps))
        .map(str::trim)
        .unwrap_or("");
    let mut parts: Vec<String> = Vec::new();
    if !own_rest.is_empty() {
        // "KẾ HOẠCH HÀNH ĐỘNG …": the kind line is itself the start of the title.
        parts.push(kind_text.to_string());
    }
    let rest = &header[kind_idx + 1..];
    let first = rest.iter().position(|l| !l.is_blank() && l.text != "|");
    if let Some(first) = first {
        let t = rest[first].text.as_str();
        let opens_preamble = t.starts_with("Căn cứ") || is_issuer_line(t);
        if !opens_preamble {
            parts.push(t.to_string());
            parts.extend(capitalised_block(&rest[first + 1..]));
        }
    }
    let title = parts.join(" ");
    (!title.is_empty()).then_some(title)
}

fn is_issuer_line(t: &str) -> bool {
    t.starts_with("CHỦ TỊCH") || t.starts_with("ỦY BAN NHÂN DÂN")
}

/// Lines in capitals from the start of `lines`, across blank lines.
pub(crate) fn capitalised_block(lines: &[Line]) -> Vec<String> {
    let mut parts = Vec::new();
    for line in lines {
        let t = line.text.as_str();
        if t.is_empty() || t == "|" {
            continue;
        }
        if !is_mostly_capitals(t) || is_issuer_line(t) {
            break;
        }
        parts.push(t.to_string());
    }
    parts
}

pub(crate) fn is_mostly_capitals(t: &str) -> bool {
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty()
        && letters.iter().filter(|c| c.is_uppercase()).count() * 10 >= letters.len() * 8
}

/// "ỦY BAN NHÂN DÂN" / "TỈNH BẾN TRE" → "Ủy ban nhân dân tỉnh Bến Tre".
fn issuer_from_header(header: &[Line]) -> Option<String> {
    let idx = header.iter().position(|l| l.text == "ỦY BAN NHÂN DÂN")?;
    let next = header.get(idx + 1)?.text.as_str();
    let (level, place) = if let Some(p) = next.strip_prefix("TỈNH ") {
        ("tỉnh", p)
    } else if let Some(p) = next.strip_prefix("THÀNH PHỐ ") {
        ("thành phố", p)
    } else {
        return None;
    };
    Some(format!("Ủy ban nhân dân {level} {}", title_case(place)))
}

/// When the header lacks the issuer: "UBND tỉnh Kiên Giang ban hành …" in the text.
fn issuer_from_text(lines: &[Line]) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = re(
        &RE,
        r"(?:UBND|Ủy ban nhân dân|Ủy ban Nhân dân)\s+(tỉnh|thành phố)\s+((?:\p{Lu}\p{Ll}*\s?){1,3}?)\s+ban hành",
    );
    lines.iter().take(200).find_map(|l| {
        // The pattern's last words, a plain substring search: most lines
        // lack them and skip the regex.
        if !l.text.contains("ban hành") {
            return None;
        }
        let caps = re.captures(&l.text)?;
        Some(format!(
            "Ủy ban nhân dân {} {}",
            caps.get(1)?.as_str(),
            caps.get(2)?.as_str().trim()
        ))
    })
}

fn title_case(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// The signer: the personal name under the signature block ("CHỦ TỊCH" /
/// "PHÓ CHỦ TỊCH"), the first such block of the document.
fn signer(lines: &[Line]) -> Option<String> {
    let idx = lines.iter().position(|l| {
        let t = l.text.as_str();
        t == "CHỦ TỊCH" || t == "PHÓ CHỦ TỊCH" || t == "KT. CHỦ TỊCH"
    })?;
    lines[idx + 1..]
        .iter()
        .filter(|l| !l.is_blank())
        .take(4)
        .find(|l| is_person_name(&l.text))
        .map(|l| l.text.clone())
}

/// "Cao Văn Trọng": two to five capitalised words and nothing else.
fn is_person_name(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase)
                && cs.all(|c| c.is_lowercase())
                && w.chars().all(char::is_alphabetic)
        })
}

/// Numbers of the documents cited in the preamble as basis or implemented
/// ("Căn cứ …", "Thực hiện …"), in order, without repeats. The preamble
/// ends where the articles or the plan's first section begin.
fn legal_bases(lines: &[Line]) -> Vec<String> {
    let mut bases: Vec<String> = Vec::new();
    let mut in_basis = false;
    for line in lines.iter().take(400) {
        let t = line.text.as_str();
        if is_preamble_end(t) {
            break;
        }
        if t.starts_with("Căn cứ") || t.starts_with("Thực hiện") {
            in_basis = true;
        } else if t.starts_with("Xét đề nghị") || t.starts_with("Theo đề nghị") {
            in_basis = false; // a proposal cited, not a basis
        }
        if !in_basis {
            continue;
        }
        for caps in document_number_re().captures_iter(t) {
            if let Some(n) = normalize_number(&caps) {
                if !bases.contains(&n) {
                    bases.push(n);
                }
            }
        }
    }
    bases
}

fn is_preamble_end(t: &str) -> bool {
    t.starts_with("QUYẾT ĐỊNH:") || t.starts_with("Điều 1") || t.starts_with("I. ")
}

/// "(ban hành kèm theo Kế hoạch số ", any letter case.
///
/// The case-insensitive form `(?i)` took ~14M instructions to compile over
/// Unicode; each letter's case variants are spelled out instead (with the
/// Kelvin sign and long s that Unicode folds to k and s): same matches.
fn self_reference_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(
        &RE,
        concat!(
            r"\((?:[bB][aA][nN] [hH][àÀ][nN][hH] )?",
            r"[kKK][èÈ][mM] [tT][hH][eE][oO] ",
            r"(?:[qQ][uU][yY][ếẾ][tT] [đĐ][ịỊ][nN][hH]|[kKK][ếẾ] [hH][oO][ạẠ][cC][hH]",
            r"|[qQ][đĐ]|[kKK][hH]) (?:[sSſ][ốỐ] )?",
        ),
    )
}

/// A plan that names itself by another number in the attachment notes of
/// its parts ("(ban hành kèm theo Kế hoạch số 194/KH-UBND …)" over one
/// appendix, "số 144/KH-UBND" over the other) is reported, never guessed.
/// References to other plans "ban hành kèm theo" other decisions have no
/// opening parenthesis and are not self-references.
fn check_other_numbers(ctx: &mut Ctx, doc: &Document) {
    let self_ref = self_reference_re();
    let mut seen: Vec<(String, usize)> = Vec::new();
    for line in &ctx.src.lines {
        let Some(m) = self_ref.find(&line.text) else {
            continue;
        };
        let Some(caps) = document_number_re().captures(&line.text[m.end()..]) else {
            continue;
        };
        // Only a number right after "kèm theo Kế hoạch số" names this document.
        if caps.get(0).is_none_or(|n| n.start() > 0) {
            continue;
        }
        let Some(n) = normalize_number(&caps) else {
            continue;
        };
        if !seen.iter().any(|(s, _)| *s == n) {
            seen.push((n, line.no));
        }
    }
    if let Some(own) = &doc.number {
        for (n, line) in &seen {
            if n != own {
                ctx.diags.warning(
                    "conflicting-number",
                    format!("the document is numbered {own} but refers to itself as {n}"),
                    Some(*line),
                );
            }
        }
    } else if seen.len() > 1 {
        let all: Vec<String> = seen
            .iter()
            .map(|(n, l)| format!("{n} (line {l})"))
            .collect();
        ctx.diags.warning(
            "conflicting-number",
            format!(
                "the document has no number in its header and refers to itself by {} different numbers: {}",
                seen.len(),
                all.join(", ")
            ),
            seen.first().map(|(_, l)| *l),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_of_a_date_is_at_most_41_characters() {
        let date = ", ngày 5 tháng 3 năm 2021";
        let place = |n: usize| format!("Đ{}", "à".repeat(n - 1));
        assert!(is_place_date(&format!("{}{date}", place(41))));
        assert!(!is_place_date(&format!("{}{date}", place(42))));
        assert!(!is_place_date(&format!("Kiên Giang, Phú Quốc{date}")));
    }

    #[test]
    fn self_reference_matches_as_case_insensitive() {
        let folded =
            Regex::new(r"(?i)\((?:ban hành )?kèm theo (?:Quyết định|Kế hoạch|QĐ|KH) (?:số )?")
                .expect("regex");
        for text in [
            "(ban hành kèm theo Kế hoạch số 194/KH-UBND)",
            "(BAN HÀNH KÈM THEO KẾ HOẠCH SỐ 1)",
            "(Kèm theo Quyết định số 2)",
            "(kèm theo QĐ 3)",
            "(kèm theo qđ số 3)",
            "(Kèm Theo kh ſố 4)",
            "(kèm theo Kế hoạch)",
            "ban hành kèm theo Quyết định số 5",
            "(kem theo Ke hoach so 6)",
        ] {
            let ours = self_reference_re().find(text).map(|m| m.range());
            assert_eq!(ours, folded.find(text).map(|m| m.range()), "{text}");
        }
    }

    #[test]
    fn numbers_normalise() {
        let caps = document_number_re()
            .captures("Kế hoạch số 194 /KH-UBND ngày")
            .expect("number");
        assert_eq!(normalize_number(&caps).as_deref(), Some("194/KH-UBND"));
        let caps = document_number_re()
            .captures("Nghị quyết số 09-NQ/TU ngày")
            .expect("number");
        assert_eq!(normalize_number(&caps).as_deref(), Some("09-NQ/TU"));
        let caps = document_number_re()
            .captures("Luật số 77/2015/QH13 ngày")
            .expect("number");
        assert_eq!(normalize_number(&caps).as_deref(), Some("77/2015/QH13"));
    }

    #[test]
    fn names_and_kinds() {
        assert!(is_person_name("Cao Văn Trọng"));
        assert!(!is_person_name("CHỦ TỊCH"));
        assert!(!is_person_name("Lưu VT."));
        assert_eq!(kind_from_number("370/KH-UBND").as_deref(), Some("Kế hoạch"));
        assert_eq!(title_case("BẾN TRE"), "Bến Tre");
    }
}
