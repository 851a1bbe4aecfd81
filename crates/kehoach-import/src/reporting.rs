//! Reporting rules stated in the text: who reports to whom, how often, by when.
//!
//! A rule is a sentence that mentions a report ("báo cáo") and a deadline
//! ("chậm nhất ngày 30/11 hàng năm", "trước ngày 15 tháng 12 hằng năm",
//! "trước ngày 15 tháng cuối quý"). Sentences are matched on their folded
//! form (no diacritics), so damaged diacritics do not hide a deadline.
//!
//! Two yearly deadlines for the same report (same kind of reporter, same
//! recipient) are a `conflicting-deadline`: the plan owner must choose.

use std::rc::Rc;
use std::sync::OnceLock;

use kehoach_model::{Due, Recurrence, ReportingRule};
use regex::Regex;

use crate::{Ctx, Line};

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).unwrap_or_else(|e| panic!("bad regex {pattern}: {e}")))
}

fn due_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(
        &RE,
        r"(?:cham nhat|truoc)\s+(?:vao\s+)?ngay\s+(\d{1,2})(?:\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?|\s+thang\s+(\d{1,2})(?:\s+nam\s+(\d{4}))?|\s+(?:cua\s+)?thang\s+(cuoi quy))",
    )
}

fn verb_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, r"\b(?:gui(?: ve)?|trinh|bao cao|ve|qua)\s+")
}

/// Bodies that receive reports, by folded spelling, with their canonical names.
fn body_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(
        &RE,
        r"^(?:(so ke hoach va dau tu|so kh ?(?:&|va) ?dt|so khdt)|(bo ke hoach va dau tu|bo kh ?(?:&|va) ?dt)|(?:chu tich )?(?:uy ban nhan dan|ubnd) (tinh|thanh pho)|(thu tuong chinh phu)|(chinh phu)|(cuc thong ke)|(van phong ubnd tinh|van phong uy ban nhan dan tinh))",
    )
}

fn body_name(caps: &regex::Captures) -> Option<&'static str> {
    if caps.get(1).is_some() {
        Some("Sở Kế hoạch và Đầu tư")
    } else if caps.get(2).is_some() {
        Some("Bộ Kế hoạch và Đầu tư")
    } else if let Some(level) = caps.get(3) {
        Some(if level.as_str() == "tinh" {
            "Ủy ban nhân dân tỉnh"
        } else {
            "Ủy ban nhân dân thành phố"
        })
    } else if caps.get(4).is_some() {
        Some("Thủ tướng Chính phủ")
    } else if caps.get(5).is_some() {
        Some("Chính phủ")
    } else if caps.get(6).is_some() {
        Some("Cục Thống kê tỉnh")
    } else if caps.get(7).is_some() {
        Some("Văn phòng Ủy ban nhân dân tỉnh")
    } else {
        None
    }
}

/// A sentence with the line each of its characters came from.
struct Sentence {
    text: String,
    folded: String,
    first_line: usize,
    /// The heading of the list the sentence's paragraph belongs to, if any.
    heading: Option<String>,
}

pub fn read_reporting_rules(ctx: &mut Ctx) -> Vec<ReportingRule> {
    let mut rules = Vec::new();
    for sentence in sentences(&ctx.src.lines) {
        if !sentence.folded.contains("bao cao") {
            continue;
        }
        for caps in due_re().captures_iter(&sentence.folded) {
            if let Some(rule) = rule_from(&sentence, &caps) {
                rules.push(rule);
            }
        }
    }
    flag_conflicts(ctx, &rules);
    rules
}

fn rule_from(sentence: &Sentence, caps: &regex::Captures) -> Option<ReportingRule> {
    let whole = caps.get(0)?;
    let day: u8 = caps.get(1)?.as_str().parse().ok()?;
    let month: Option<u8> = caps
        .get(2)
        .or_else(|| caps.get(4))
        .and_then(|m| m.as_str().parse().ok());
    let year: Option<i32> = caps
        .get(3)
        .or_else(|| caps.get(5))
        .and_then(|m| m.as_str().parse().ok());
    let relative = caps.get(6).map(|_| "last-month-of-period".to_string());
    if !(1..=31).contains(&day) || month.is_some_and(|m| !(1..=12).contains(&m)) {
        return None;
    }
    let f = sentence.folded.as_str();
    let recurrence = if year.is_some() {
        Recurrence::Once
    } else if relative.is_some() || f.contains("hang quy") || f.contains("hang quy") {
        Recurrence::Quarterly
    } else if f.contains("6 thang") && !f.contains("hang nam") {
        Recurrence::HalfYearly
    } else {
        Recurrence::Yearly
    };
    let (recipient, verb_at) = recipient(f, whole.start(), whole.end())?;
    let reporter = reporter(sentence, verb_at, whole.start(), whole.end());
    Some(ReportingRule {
        reporter,
        recipient: recipient.to_string(),
        recurrence,
        due: Some(Due {
            day,
            month,
            relative,
        }),
        year,
        line: sentence.first_line,
        text: sentence.text.clone(),
    })
}

/// The bodies listed right after a verb at `from`: ("gửi Sở KH&ĐT, Cục Thống kê, …").
fn bodies_after(f: &str, from: usize) -> Vec<(&'static str, usize)> {
    let mut out = Vec::new();
    let mut at = from;
    while let Some(rest) = f.get(at..) {
        let Some(caps) = body_re().captures(rest) else {
            break;
        };
        let (Some(m), Some(name)) = (caps.get(0), body_name(&caps)) else {
            break;
        };
        at += m.end();
        out.push((name, at));
        let sep = f[at..]
            .chars()
            .take_while(|c| *c == ',' || *c == ' ')
            .map(char::len_utf8)
            .sum::<usize>();
        let after_sep = &f[at + sep..];
        at += sep + if after_sep.starts_with("va ") { 3 } else { 0 };
        if sep == 0 {
            break;
        }
    }
    out
}

/// Whom the report goes to: the list right before the deadline ("gửi Sở KH&ĐT
/// trước ngày …"), else the first recipient after it, else the last before it.
fn recipient(f: &str, due_start: usize, due_end: usize) -> Option<(&'static str, usize)> {
    let verbs: Vec<(usize, usize)> = verb_re()
        .find_iter(f)
        .map(|m| (m.start(), m.end()))
        .collect();
    let before: Vec<_> = verbs.iter().filter(|(_, e)| *e <= due_start).collect();
    if let Some(&&(vs, ve)) = before.last() {
        let bodies = bodies_after(f, ve);
        if let (Some(first), Some(last)) = (bodies.first(), bodies.last()) {
            if f[last.1..due_start].trim().is_empty() {
                return Some((first.0, vs));
            }
        }
    }
    let after = verbs
        .iter()
        .filter(|(s, _)| *s >= due_end)
        .find_map(|&(vs, ve)| bodies_after(f, ve).first().map(|b| (b.0, vs)));
    after.or_else(|| {
        before
            .iter()
            .rev()
            .find_map(|&&(vs, ve)| bodies_after(f, ve).first().map(|b| (b.0, vs)))
    })
}

/// Who reports: the department of planning when it consolidates ("để tổng
/// hợp báo cáo UBND tỉnh"), else the subject after a leading deadline
/// ("Chậm nhất ngày 30/11 hàng năm, các sở, …, UBND cấp huyện xây dựng báo
/// cáo"), else the heading of a bullet's list, else the sentence's subject.
fn reporter(sentence: &Sentence, verb_at: usize, due_start: usize, due_end: usize) -> String {
    let f = sentence.folded.as_str();
    let marker = list_marker_len(f)
        .or_else(|| (f.starts_with("- ") || f.starts_with("+ ")).then_some(2))
        .unwrap_or(0);
    let before_verb = &f[..verb_at];
    if before_verb.contains("tong hop") && before_verb.contains("ke hoach va dau tu") {
        return DPI.to_string();
    }
    if f[marker..].starts_with("so ke hoach va dau tu") {
        return DPI.to_string();
    }
    let lead_in = f[marker..due_start].trim_end();
    if lead_in.is_empty() || lead_in.ends_with([':', '.']) {
        if let Some((s, e)) = subject_span(f, due_end) {
            return original_slice(sentence, s, e);
        }
    }
    if f.starts_with("- ") || f.starts_with("+ ") {
        if let Some(h) = &sentence.heading {
            return h.clone();
        }
    }
    match subject_span(f, marker) {
        Some((s, e)) => original_slice(sentence, s, e),
        None => original_slice(sentence, marker, f.len())
            .split_whitespace()
            .take(12)
            .collect::<Vec<_>>()
            .join(" "),
    }
}

const DPI: &str = "Sở Kế hoạch và Đầu tư";

/// The subject that starts at `from`: after any time phrase ("hàng năm",
/// "(từ năm 2018 trở đi)", "Định kỳ hàng quý, 6 tháng,") and "Đề nghị", up to
/// the first verb of reporting or acting.
fn subject_span(f: &str, from: usize) -> Option<(usize, usize)> {
    static TIME: OnceLock<Regex> = OnceLock::new();
    let time = re(
        &TIME,
        r"^(?:[\s,]|hang nam|hang nam|nam \d{4}|\([^)]*\)|dinh ky|hang quy|\d+ thang|va ca nam|va|de nghi)+",
    );
    static VERB: OnceLock<Regex> = OnceLock::new();
    let verb = re(
        &VERB,
        r"\b(?:xay dung|bao cao|gui|chu dong|thuc hien|can cu|tong hop|co trach nhiem)\b|;",
    );
    let rest = f.get(from..)?;
    let skip = time.find(rest).map_or(0, |m| m.end());
    let start = from + skip;
    let end = start + verb.find(&f[start..])?.start();
    let subject = f[start..end].trim_end_matches(|c: char| c == ',' || c.is_whitespace());
    let words = subject.split_whitespace().count();
    (words > 0 && words <= 30).then_some((start, start + subject.len()))
}

/// The original text of a span of the folded sentence. Folding keeps one
/// character for one, so the span is mapped by character counts.
fn original_slice(sentence: &Sentence, start: usize, end: usize) -> String {
    let char_start = sentence.folded[..start].chars().count();
    let char_len = sentence.folded[start..end].chars().count();
    sentence
        .text
        .chars()
        .skip(char_start)
        .take(char_len)
        .collect()
}

/// Paragraphs cut into sentences. A paragraph is a run of lines joined where
/// a line was wrapped mid-sentence (no closing punctuation, next line not a
/// list item).
fn sentences(lines: &[Line]) -> Vec<Sentence> {
    let mut out = Vec::new();
    // Shared: every paragraph under a heading holds it, few become sentences.
    let mut heading: Option<Rc<str>> = None;
    let mut para = String::new();
    let mut para_line = 0;
    let mut para_heading: Option<Rc<str>> = None;
    for line in lines {
        let t = line.text.as_str();
        let marker = list_marker_len(t);
        let starts_item = is_list_item(t, marker);
        let closes = para.ends_with(['.', ';', ':']) || para.ends_with("./.");
        if t.is_empty() || t == "|" || starts_item || closes || t.starts_with('|') {
            flush(&mut out, &mut para, para_line, para_heading.take());
        }
        if t.is_empty() || t == "|" || t.starts_with('|') {
            continue;
        }
        if let Some(marker) = marker.filter(|_| is_heading(t)) {
            heading = Some(heading_subject(t, marker).into());
        }
        if para.is_empty() {
            para_line = line.no;
            para_heading = heading.clone();
        } else {
            para.push(' ');
        }
        para.push_str(t);
    }
    flush(&mut out, &mut para, para_line, para_heading);
    out
}

fn flush(out: &mut Vec<Sentence>, para: &mut String, line: usize, heading: Option<Rc<str>>) {
    if para.is_empty() {
        return;
    }
    // One sentence per paragraph keeps a rule's subject and deadline together;
    // paragraphs in these documents are one provision each.
    let text = std::mem::take(para);
    // Only a paragraph with a date can state a deadline; folding every
    // paragraph of a long document would cost more than the rest.
    if !date_word_re().is_match(&text) {
        return;
    }
    let folded = fold_same_length(&text);
    out.push(Sentence {
        text,
        folded,
        first_line: line,
        heading: heading.map(|h| h.to_string()),
    });
}

/// The word "ngày" (day) as paragraphs spell it: one pass over the
/// paragraph for the three spellings, not one each.
fn date_word_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, "ngày|ngay|NGÀY")
}

/// Folds character for character (đ → d, diacritics dropped, lowercase), so
/// that positions in the folded text map back by character count.
fn fold_same_length(s: &str) -> String {
    s.chars().map(kehoach_vi::fold_char).collect()
}

/// `marker` is `list_marker_len(t)`, read once per line by the caller.
fn is_list_item(t: &str, marker: Option<usize>) -> bool {
    t.starts_with("- ") || t.starts_with("+ ") || t.starts_with("• ") || marker.is_some()
}

/// "a) ", "b. ", "1. ", "1.1. ", "(9). ", "II. ": the length of the marker.
fn list_marker_len(t: &str) -> Option<usize> {
    // Runs on every line: most lines cannot begin a marker, told from their
    // first character without entering the regex.
    let can_start = |c: char| {
        c == '(' || c == 'đ' || c.is_ascii_digit() || c.is_ascii_lowercase() || "IVX".contains(c)
    };
    if !t.starts_with(can_start) {
        return None;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    let m = re(
        &RE,
        r"^(?:\(?\d{1,2}\)\.?|\d{1,2}(?:\.\d{1,2})*\.|[a-zđ][\).]|[IVX]{1,4}\.)\s",
    )
    .find(t)?;
    Some(m.end())
}

/// A list heading that names who acts ("b) Các sở, ban, ngành được giao chủ
/// trì:"), given that `t` starts with a list marker.
fn is_heading(t: &str) -> bool {
    t.len() < 300 && {
        let f = kehoach_vi::fold(t);
        f.contains("so ") || f.contains("ubnd") || f.contains("uy ban") || f.contains("co quan")
    }
}

/// `marker` is the length of the list marker `t` starts with.
fn heading_subject(t: &str, marker: usize) -> String {
    let body = t.get(marker..).unwrap_or(t);
    body.trim().trim_end_matches(':').to_string()
}

fn flag_conflicts(ctx: &mut Ctx, rules: &[ReportingRule]) {
    let yearly: Vec<&ReportingRule> = rules
        .iter()
        .filter(|r| {
            r.recurrence == Recurrence::Yearly && r.due.as_ref().is_some_and(|d| d.month.is_some())
        })
        .collect();
    let consolidates = |r: &ReportingRule| r.reporter == "Sở Kế hoạch và Đầu tư";
    for (i, a) in yearly.iter().enumerate() {
        for b in &yearly[i + 1..] {
            let same_report = a.recipient == b.recipient && consolidates(a) == consolidates(b);
            if same_report && a.due != b.due {
                let date = |r: &ReportingRule| {
                    r.due
                        .as_ref()
                        .map(|d| format!("{:02}/{:02}", d.day, d.month.unwrap_or(0)))
                        .unwrap_or_default()
                };
                ctx.diags.warning(
                    "conflicting-deadline",
                    format!(
                        "two yearly deadlines for reports to {}: {} (line {}) and {} (line {})",
                        a.recipient,
                        date(a),
                        a.line,
                        date(b),
                        b.line
                    ),
                    Some(b.line),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SourceText;

    fn rules(text: &str) -> Vec<ReportingRule> {
        let src = SourceText::from_text(text);
        let mut book = crate::agency::AgencyBook::new(crate::agency::Registry::builtin());
        let mut diags = crate::diagnostics::Diagnostics::default();
        let mut ctx = Ctx {
            src: &src,
            agencies: &mut book,
            diags: &mut diags,
        };
        read_reporting_rules(&mut ctx)
    }

    #[test]
    fn leading_deadline_with_subject() {
        let r = rules("- Chậm nhất ngày 30/11 hàng năm, các sở, ban ngành tỉnh xây dựng báo cáo gửi Sở Kế hoạch và Đầu tư để tổng hợp trình UBND tỉnh.");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].recipient, "Sở Kế hoạch và Đầu tư");
        assert_eq!(r[0].reporter, "các sở, ban ngành tỉnh");
        assert_eq!(r[0].recurrence, Recurrence::Yearly);
        assert_eq!(
            r[0].due,
            Some(Due {
                day: 30,
                month: Some(11),
                relative: None
            })
        );
    }

    #[test]
    fn consolidation_deadline_at_the_end() {
        let r = rules("e) Các sở xây dựng báo cáo gửi Sở Kế hoạch và Đầu tư để tổng hợp báo cáo UBND tỉnh và Bộ Kế hoạch và Đầu tư trước ngày 15 tháng 12 hằng năm.");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].recipient, "Ủy ban nhân dân tỉnh");
        assert_eq!(r[0].reporter, "Sở Kế hoạch và Đầu tư");
    }

    #[test]
    fn quarterly_relative_deadline() {
        let r = rules("3. Định\nkỳ hàng quý, các cơ quan báo cáo gửi Sở Kế hoạch và Đầu tư, Cục Thống kê\ntrước ngày 15 tháng cuối quý.");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].recurrence, Recurrence::Quarterly);
        assert_eq!(r[0].recipient, "Sở Kế hoạch và Đầu tư");
        let due = r[0].due.clone().expect("due");
        assert_eq!(
            (due.day, due.month, due.relative.as_deref()),
            (15, None, Some("last-month-of-period"))
        );
    }
}
