//! A row's agencies and what each content paragraph makes of them: inline
//! lead overrides, and the period a paragraph states for itself.

use std::sync::OnceLock;

use kehoach_model::{InheritedField, Task};
use regex::Regex;

use super::rows::Row;
use crate::period::{parse_period, Period};
use crate::{Ctx, Line};

/// The agencies one row assigns, resolved once for all its paragraphs.
#[derive(Debug, Clone, Default)]
pub struct Assignment {
    pub lead: Vec<String>,
    pub coordinating: Vec<String>,
    pub lead_raw: String,
    pub coordinating_raw: Option<String>,
}

fn regex(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).unwrap_or_else(|e| panic!("bad regex: {e}")))
}

/// Resolves a row's "Chủ trì" and "Phối hợp" labels, reporting the row's
/// oddities: a missing or empty "Phối hợp", a lead repeating "chủ trì", a
/// lead missing its "Sở", a lead listed again among its coordinators.
pub fn resolve_row(ctx: &mut Ctx, row: &Row) -> Assignment {
    let lead_line = row.lead.no;
    let lead_cell = lead_cell_text(ctx, &row.lead_text, lead_line);
    let lead = ctx.agencies.resolve(&lead_cell, lead_line, ctx.diags);
    let (mut coordinating, coordinating_raw) = match &row.coordinating {
        None => {
            ctx.diags.info(
                "missing-coordinating-label",
                "this row has a \"Chủ trì\" label but no \"Phối hợp\" label: no coordinating agencies",
                Some(lead_line),
            );
            (Vec::new(), None)
        }
        Some((line, text)) if trim_punctuation(text).is_empty() => {
            ctx.diags.warning(
                "empty-coordinating-label",
                "\"Phối hợp:\" with no agency after it",
                Some(line.no),
            );
            (Vec::new(), None)
        }
        Some((line, text)) => (
            ctx.agencies
                .resolve(trim_punctuation(text), line.no, ctx.diags),
            Some(text.clone()),
        ),
    };
    let repeated: Vec<String> = coordinating
        .iter()
        .filter(|c| lead.contains(c))
        .cloned()
        .collect();
    if !repeated.is_empty() {
        coordinating.retain(|c| !lead.contains(c));
        ctx.diags.info(
            "lead-in-coordinating",
            format!(
                "the lead is listed again among the coordinating agencies; dropped from them: {}",
                repeated.join("; ")
            ),
            row.coordinating.as_ref().map(|(l, _)| l.no),
        );
    }
    Assignment {
        lead,
        coordinating,
        lead_raw: row.lead_text.clone(),
        coordinating_raw,
    }
}

fn trim_punctuation(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ';' | ',' | ':'))
}

/// The lead label's text made resolvable: "Sở Tài chính chủ trì." loses its
/// repeated "chủ trì", "Nông nghiệp và PTNT" gets back its "Sở".
fn lead_cell_text(ctx: &mut Ctx, text: &str, line: usize) -> String {
    static CHU_TRI: OnceLock<Regex> = OnceLock::new();
    let re = regex(&CHU_TRI, r"(?i)\s+chủ trì\s*[.;,]*\s*$");
    let mut cell = trim_punctuation(text).to_string();
    if re.is_match(text) {
        cell = trim_punctuation(&re.replace(text, "")).to_string();
        ctx.diags.info(
            "redundant-label-text",
            format!("the lead cell repeats \"chủ trì\" after the name; read as \"{cell}\""),
            Some(line),
        );
    }
    let registry = ctx.agencies.registry();
    let with_so = format!("Sở {cell}");
    if !cell.is_empty() && registry.lookup(&cell).is_none() && registry.lookup(&with_so).is_some() {
        ctx.diags.warning(
            "lead-missing-prefix",
            format!("the lead \"{cell}\" lacks the word \"Sở\"; read as \"{with_so}\""),
            Some(line),
        );
        cell = with_so;
    }
    cell
}

/// One content paragraph as a task carrying its row's agencies.
///
/// The labels are printed once per row, so every paragraph takes them from
/// the row: `inherited` lists `lead` (unless the paragraph names its own lead
/// in "(… chủ trì)") and `coordinating` (when the row has any).
pub fn content_task(ctx: &mut Ctx, line: &Line, row: &Assignment) -> Task {
    let text = strip_bullet(&line.text).to_string();
    let mut task = Task {
        code: None,
        text,
        line: line.no,
        lead: row.lead.clone(),
        coordinating: row.coordinating.clone(),
        lead_raw: Some(row.lead_raw.clone()),
        coordinating_raw: row.coordinating_raw.clone(),
        period: None,
        periods: Vec::new(),
        inherited: Vec::new(),
    };
    match inline_lead(&line.text) {
        Some(own) => {
            task.lead = ctx.agencies.resolve(&own, line.no, ctx.diags);
            ctx.diags.info(
                "inline-lead-override",
                format!(
                    "the paragraph names its own lead \"({own} chủ trì)\" instead of the row's \"{}\"",
                    row.lead_raw
                ),
                Some(line.no),
            );
            task.lead_raw = Some(own);
        }
        None => task.inherited.push(InheritedField::Lead),
    }
    if task.coordinating_raw.is_some() {
        task.inherited.push(InheritedField::Coordinating);
    }
    if let Some(period) = stated_period(&task.text) {
        task.period = period.text;
        task.periods = period.ranges;
    }
    task
}

/// "- ", "+ ", "* ", "- - " before a paragraph: list formatting, not text.
fn strip_bullet(text: &str) -> &str {
    text.trim_start_matches(|c: char| matches!(c, '-' | '+' | '*' | '•') || c.is_whitespace())
}

/// The agencies of every "(X chủ trì)" in a paragraph, joined with "; ".
fn inline_lead(text: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = regex(&RE, r"(?i)\(([^()]+?)\s+chủ trì\)");
    let names: Vec<&str> = re
        .captures_iter(text)
        .filter_map(|c| c.get(1).map(|m| m.as_str().trim()))
        .filter(|n| !n.is_empty())
        .collect();
    (!names.is_empty()).then(|| names.join("; "))
}

/// The period a paragraph states at its start: "Giai đoạn 2016-2020: …;
/// Giai đoạn 2021-2030: …", "Từ năm 2020 đến 2030 …", "Đến năm 2020, …",
/// "Hàng năm …". Periods of cited programmes inside the text are not the
/// task's own and are left alone.
pub fn stated_period(text: &str) -> Option<Period> {
    static PHASES: OnceLock<Regex> = OnceLock::new();
    static FROM_TO: OnceLock<Regex> = OnceLock::new();
    static BY_YEAR: OnceLock<Regex> = OnceLock::new();
    static YEARLY: OnceLock<Regex> = OnceLock::new();
    let phases = regex(
        &PHASES,
        r"(?i)giai đoạn\s*((?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d)",
    );
    let from_to = regex(
        &FROM_TO,
        r"(?i)^từ\s+(?:năm\s+)?((?:19|20)\d\d)\s*(?:[-–]|đến\s+(?:năm\s+)?)\s*((?:19|20)\d\d)",
    );
    let by_year = regex(&BY_YEAR, r"(?i)^(đến năm\s+(?:19|20)\d\d)\b");
    let yearly = regex(&YEARLY, r"(?i)^(hàng năm|hằng năm)\b");
    if phases.find(text).is_some_and(|m| m.start() == 0) {
        let ranges: Vec<&str> = phases
            .captures_iter(text)
            .filter_map(|c| c.get(1).map(|m| m.as_str()))
            .collect();
        return Some(parse_period(&ranges.join(" và ")));
    }
    if let Some(c) = from_to.captures(text) {
        let (from, to) = (c.get(1)?.as_str(), c.get(2)?.as_str());
        return Some(parse_period(&format!("{from}-{to}")));
    }
    if let Some(m) = by_year.captures(text).and_then(|c| c.get(1)) {
        return Some(parse_period(m.as_str()));
    }
    yearly
        .captures(text)
        .and_then(|c| c.get(1))
        .map(|m| parse_period(m.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_stated_at_the_start() {
        let p = stated_period("Giai đoạn 2016-2020: bố trí 30/70%; Giai đoạn 2021-2030: 40/60%")
            .expect("phases");
        assert_eq!(p.text.as_deref(), Some("2016-2020; 2021-2030"));
        let p = stated_period("Từ năm 2020 đến 2030 duy trì").expect("from-to");
        assert_eq!(p.text.as_deref(), Some("2020-2030"));
        let p = stated_period("Đến năm 2020, hoàn thành").expect("by year");
        assert_eq!(p.text.as_deref(), Some("đến năm 2020"));
        assert!(stated_period("Thực hiện Chương trình giai đoạn 2016 - 2020").is_none());
    }

    #[test]
    fn inline_leads() {
        assert_eq!(
            inline_lead("Tổ chức hội thi (Tỉnh Đoàn chủ trì)").as_deref(),
            Some("Tỉnh Đoàn")
        );
        assert_eq!(
            inline_lead("x (Sở A chủ trì); y (Sở B chủ trì)").as_deref(),
            Some("Sở A; Sở B")
        );
        assert_eq!(inline_lead("không có"), None);
    }

    #[test]
    fn bullets_stripped() {
        assert_eq!(strip_bullet("- - Sản lượng"), "Sản lượng");
        assert_eq!(strip_bullet("+ Đến năm 2020"), "Đến năm 2020");
        assert_eq!(strip_bullet("- (1). Quyết định"), "(1). Quyết định");
    }
}
