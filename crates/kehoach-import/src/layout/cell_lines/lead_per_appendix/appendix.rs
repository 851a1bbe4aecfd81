//! Cutting the document into its appendices: each one names its lead agency
//! in a "CƠ QUAN CHỦ TRÌ THỰC HIỆN:" line, lists the targets it covers in an
//! intro sentence, and holds one table.

use std::sync::OnceLock;

use regex::Regex;

use super::lines::{is_row_number, starts_with_folded};
use crate::code::normalize_target_code;
use crate::diagnostics::Diagnostics;
use crate::{Line, SourceText};

/// How many non-blank lines after "PHỤ LỤC NN" the lead line may come.
const LEAD_LOOKAHEAD: usize = 3;

const LEAD_PREFIX: &str = "co quan chu tri thuc hien";

#[derive(Debug)]
pub struct Appendix<'a> {
    /// "01", as printed.
    pub number: String,
    /// The lead agency as printed in the header, without its final stop.
    pub lead_raw: Option<String>,
    pub lead_line: usize,
    /// Target codes of the intro sentence, normalised, in order.
    pub intro_codes: Vec<String>,
    pub intro_line: Option<usize>,
    /// Non-blank lines of the table body (after the header row).
    pub body: Vec<&'a Line>,
}

fn heading_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^phu luc\s+(\d{1,3})$").unwrap_or_else(|e| panic!("bad regex: {e}"))
    })
}

/// Indices (into `src.lines`) of "PHỤ LỤC NN" headings followed by a lead line.
/// The index table's "Phụ lục" column header and mentions in the body carry
/// no number or no lead line, so they are not appendices.
pub fn appendix_starts(src: &SourceText) -> Vec<usize> {
    src.lines
        .iter()
        .enumerate()
        .filter(|(i, line)| {
            may_be_heading(&line.text)
                && heading_re().is_match(&kehoach_vi::fold(&line.text))
                && lead_line_after(src, *i).is_some()
        })
        .map(|(i, _)| i)
        .collect()
}

/// A cheap test before folding every line of the document: "PHỤ LỤC NN" is short and starts with P.
fn may_be_heading(text: &str) -> bool {
    text.len() <= MAX_HEADING_BYTES && text.starts_with(['P', 'p'])
}

/// "PHỤ LỤC 20" in any spelling fits well within this.
const MAX_HEADING_BYTES: usize = 32;

fn lead_line_after(src: &SourceText, start: usize) -> Option<&Line> {
    src.lines
        .get(start + 1..)?
        .iter()
        .filter(|l| !l.is_blank())
        .take(LEAD_LOOKAHEAD)
        .find(|l| starts_with_folded(&l.text, LEAD_PREFIX))
}

pub fn split<'a>(src: &'a SourceText, diags: &mut Diagnostics) -> Vec<Appendix<'a>> {
    let starts = appendix_starts(src);
    let mut out = Vec::new();
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(src.lines.len());
        let is_last = k + 1 == starts.len();
        if let Some(app) = read_appendix(src, start, end, is_last, diags) {
            out.push(app);
        }
    }
    out
}

fn read_appendix<'a>(
    src: &'a SourceText,
    start: usize,
    end: usize,
    is_last: bool,
    diags: &mut Diagnostics,
) -> Option<Appendix<'a>> {
    let heading = src.lines.get(start)?;
    let region: Vec<&Line> = src.lines.get(start + 1..end)?.iter().collect();
    let number = heading
        .text
        .rsplit(' ')
        .next()
        .unwrap_or_default()
        .to_string();
    let lead = lead_line_after(src, start)?;
    let lead_raw = lead_name(&lead.text);
    let intro = region.iter().find(|l| intro_codes(&l.text).is_some());
    let header_end = region
        .iter()
        .position(|l| kehoach_vi::fold_eq(&l.text, "giai doan thuc hien"));
    let body = match header_end {
        Some(pos) => table_body(&region[pos + 1..], is_last, &number, diags),
        None => {
            diags.warning(
                "missing-table-header",
                format!("appendix {number} has no \"Giai đoạn thực hiện\" header row: its table is not read"),
                Some(heading.no),
            );
            Vec::new()
        }
    };
    Some(Appendix {
        number,
        lead_raw,
        lead_line: lead.no,
        intro_codes: intro.and_then(|l| intro_codes(&l.text)).unwrap_or_default(),
        intro_line: intro.map(|l| l.no),
        body,
    })
}

/// "CƠ QUAN CHỦ TRÌ THỰC HIỆN: SỞ Y TẾ." → "SỞ Y TẾ".
fn lead_name(text: &str) -> Option<String> {
    let (_, name) = text.split_once(':')?;
    let name = name.trim().trim_end_matches('.').trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// The codes of "… chủ trì thực hiện các mục tiêu: 3.5.c, 10.6, 16.1 trong …".
fn intro_codes(text: &str) -> Option<Vec<String>> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)chủ trì\s.*?mục\s+tiêu\s*:\s*([\d.,\sa-z]+?)\s*(?:trong\b|$)")
            .unwrap_or_else(|e| panic!("bad regex: {e}"))
    });
    let list = re.captures(text)?.get(1)?.as_str();
    let codes: Vec<String> = list
        .split(',')
        .filter_map(|c| normalize_target_code(c.trim().trim_end_matches('.')))
        .map(|c| c.code)
        .collect();
    (!codes.is_empty()).then_some(codes)
}

/// The table's lines up to the empty-cell line that closes every appendix
/// table; after the last appendix, that line also separates the table from
/// the web page's footer.
fn table_body<'a>(
    lines: &[&'a Line],
    is_last: bool,
    number: &str,
    diags: &mut Diagnostics,
) -> Vec<&'a Line> {
    let body: Vec<&Line> = lines
        .iter()
        .copied()
        .filter(|l| !l.is_blank() || l.is_empty_cell())
        .collect();
    let Some(close) = body.iter().rposition(|l| l.is_empty_cell()) else {
        return body;
    };
    let dropped = &body[close + 1..];
    if !is_last {
        if let Some(first) = dropped.iter().find(|l| is_row_number(&l.text)) {
            diags.warning(
                "text-after-table",
                format!("appendix {number}: numbered lines after the table's closing empty cell are not read"),
                Some(first.no),
            );
        }
    }
    body[..close].to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intro_lists_codes() {
        let codes =
            intro_codes("Sở X chủ trì thực hiện các mục tiêu: 3.5.c, 10.6, 16.2.b trong Kế hoạch");
        assert_eq!(
            codes,
            Some(vec!["3.5.c".into(), "10.6".into(), "16.2.b".into()])
        );
        let ended = intro_codes("Sở X chủ trì các mục tiêu: 1.1, 16.2.a. trong Kế hoạch");
        assert_eq!(ended, Some(vec!["1.1".into(), "16.2.a".into()]));
        assert_eq!(
            lead_name("CƠ QUAN CHỦ TRÌ THỰC HIỆN: SỞ Y TẾ.").as_deref(),
            Some("SỞ Y TẾ")
        );
    }
}
