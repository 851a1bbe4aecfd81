//! The report's content (box 6): what it answers to, the results by goal
//! and target drawn from the accepted entries with the agency named, the
//! coordinating agencies' inputs, and the agencies that did not report.

use std::collections::{BTreeSet, HashMap};

use docx_rs::Paragraph;
use kehoach_store::reporting::consolidation::{AcceptedEntry, ConsolidatedTask};
use kehoach_vi::{format_date, Lang};

use super::format::{body, Look, BODY_PT};
use super::outline::{GoalPart, TargetPart};
use super::OfficialReport;
use crate::labels::{standing, status};

pub const RESULTS_SECTION: &str = "I. KẾT QUẢ THỰC HIỆN THEO MỤC TIÊU";
pub const OUTSTANDING_SECTION: &str = "II. CÁC CƠ QUAN CHƯA BÁO CÁO";

pub(crate) fn paragraphs(
    r: &OfficialReport<'_>,
    goals: &[GoalPart<'_>],
    numbers: &HashMap<i64, usize>,
) -> Vec<Paragraph> {
    let mut out = introduction(r);
    out.push(body(RESULTS_SECTION, Look::bold(BODY_PT)));
    for goal in goals {
        out.push(body(&goal.heading, Look::bold(BODY_PT)).keep_next(true));
        for target in &goal.targets {
            out.extend(target_paragraphs(r, target, numbers));
        }
    }
    out.push(body(OUTSTANDING_SECTION, Look::bold(BODY_PT)));
    out.extend(outstanding(r));
    out.push(body(
        &format!(
            "Trên đây là báo cáo kết quả thực hiện {} của {}; kết quả từng nhiệm vụ \
             được tổng hợp tại Phụ lục kèm theo./.",
            r.consolidation.period.label.to_lowercase(),
            plan_name(r)
        ),
        Look::plain(BODY_PT),
    ));
    out
}

/// The plan as the report names it. A title printed in capitals is not
/// repeated in a sentence (lowering it would lose the proper nouns); a
/// number that is not a plan's own (a decision's "QĐ") is the document
/// the plan is attached to.
fn plan_name(r: &OfficialReport<'_>) -> String {
    let p = r.plan;
    let title = p.title.trim();
    let mut name = if title.chars().any(char::is_lowercase) {
        title.to_owned()
    } else {
        "Kế hoạch".to_owned()
    };
    if let Some(number) = p.number.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        if number.contains("/KH") {
            name.push_str(&format!(" số {number}"));
        } else {
            name.push_str(&format!(" ban hành kèm theo văn bản số {number}"));
        }
    }
    if let Some(date) = p.issued_on.as_deref().filter(|d| !d.trim().is_empty()) {
        name.push_str(&format!(" ngày {}", format_date(date, Lang::Vi)));
    }
    if let Some(issuer) = p.issuer.as_deref().map(str::trim).filter(|i| !i.is_empty()) {
        name.push_str(&format!(" của {issuer}"));
    }
    name
}

/// What the report answers to, and the period's figures in one sentence.
fn introduction(r: &OfficialReport<'_>) -> Vec<Paragraph> {
    let c = r.consolidation;
    let entries: usize = c.tasks.iter().map(|t| t.entries.len()).sum();
    let reported = c.tasks.iter().filter(|t| !t.entries.is_empty()).count();
    let agencies: BTreeSet<i64> = c
        .tasks
        .iter()
        .flat_map(|t| t.entries.iter().map(|e| e.agency_id))
        .collect();
    let inputs: usize = c.tasks.iter().map(|t| t.contributions.len()).sum();
    vec![
        body(
            &format!(
                "Thực hiện {}, trên cơ sở báo cáo của các cơ quan, đơn vị đã được tiếp nhận, \
                 kết quả thực hiện {} (từ ngày {} đến ngày {}) được tổng hợp như sau:",
                plan_name(r),
                c.period.label.to_lowercase(),
                format_date(&c.period.starts_on, Lang::Vi),
                format_date(&c.period.ends_on, Lang::Vi),
            ),
            Look::plain(BODY_PT),
        ),
        body(
            &format!(
                "Kế hoạch có {} nhiệm vụ; {} nhiệm vụ có báo cáo được chấp nhận ({} nội dung \
                 báo cáo của {} cơ quan chủ trì), {} ý kiến của cơ quan phối hợp; {} cơ quan \
                 chưa báo cáo hoặc có báo cáo bị trả lại (mục II).",
                c.tasks.len(),
                reported,
                entries,
                agencies.len(),
                inputs,
                c.outstanding.len(),
            ),
            Look::plain(BODY_PT),
        ),
    ]
}

fn target_paragraphs(
    r: &OfficialReport<'_>,
    target: &TargetPart<'_>,
    numbers: &HashMap<i64, usize>,
) -> Vec<Paragraph> {
    let mut out = Vec::new();
    if let Some(heading) = &target.heading {
        out.push(body(heading, Look::bold_italic(BODY_PT)).keep_next(true));
    }
    let entries: Vec<(&ConsolidatedTask, &AcceptedEntry)> = target
        .tasks
        .iter()
        .flat_map(|t| t.entries.iter().map(move |e| (*t, e)))
        .collect();
    if entries.is_empty() {
        out.push(body(
            "Chưa có báo cáo được chấp nhận về các nhiệm vụ của mục tiêu này.",
            Look::italic(BODY_PT),
        ));
    }
    let parts: [(&str, EntryText); 3] = [
        ("Kết quả thực hiện:", |e| e.entry.results.as_str()),
        ("Khó khăn, vướng mắc:", |e| {
            e.entry.difficulties.as_str()
        }),
        ("Kiến nghị, đề xuất:", |e| {
            e.entry.recommendations.as_str()
        }),
    ];
    for (i, (label, field)) in parts.into_iter().enumerate() {
        let lines: Vec<String> = entries
            .iter()
            // A status without results still says where the task stands.
            .filter(|(_, e)| !field(e).trim().is_empty() || (i == 0 && e.entry.status.is_some()))
            .map(|(_, e)| entry_line(e, field(e), numbers))
            .collect();
        if !lines.is_empty() {
            out.push(body(label, Look::italic(BODY_PT)).keep_next(true));
            out.extend(lines.iter().map(|l| body(l, Look::plain(BODY_PT))));
        }
    }
    let silent: Vec<usize> = entries
        .iter()
        .filter(|(_, e)| is_blank(e))
        .filter_map(|(_, e)| numbers.get(&e.entry.id).copied())
        .collect();
    if !silent.is_empty() {
        out.push(body(&silent_line(&silent), Look::italic(BODY_PT)));
    }
    out.extend(contributions(r, target));
    out
}

/// One of an entry's texts: results, difficulties or recommendations.
type EntryText = fn(&AcceptedEntry) -> &str;

/// An accepted entry its agency left empty: no status, no text.
fn is_blank(e: &AcceptedEntry) -> bool {
    let r = &e.entry;
    r.status.is_none()
        && [&r.results, &r.difficulties, &r.recommendations]
            .iter()
            .all(|t| t.trim().is_empty())
}

/// "3 nhiệm vụ chưa có nội dung báo cáo (Phụ lục, số 4, 5, 9)."
fn silent_line(numbers: &[usize]) -> String {
    let list: Vec<String> = numbers.iter().map(usize::to_string).collect();
    format!(
        "{} nhiệm vụ chưa có nội dung báo cáo (Phụ lục, số {}).",
        numbers.len(),
        list.join(", ")
    )
}

/// "- Sở X (Phụ lục, số 3; Hoàn thành): text."
fn entry_line(e: &AcceptedEntry, text: &str, numbers: &HashMap<i64, usize>) -> String {
    let mut refs = Vec::new();
    if let Some(n) = numbers.get(&e.entry.id) {
        refs.push(format!("Phụ lục, số {n}"));
    }
    if let Some(s) = e.entry.status.as_deref() {
        refs.push(status(s, Lang::Vi));
    }
    let refs = if refs.is_empty() {
        String::new()
    } else {
        format!(" ({})", refs.join("; "))
    };
    if text.trim().is_empty() {
        return format!("- {}{refs}.", e.agency_name);
    }
    format!("- {}{refs}: {}", e.agency_name, sentence(text))
}

/// The text trimmed, ending with a full stop unless it ends in punctuation.
fn sentence(text: &str) -> String {
    let text = text.trim();
    match text.chars().last() {
        Some('.' | ';' | '!' | '?' | ':') | None => text.to_owned(),
        Some(_) => format!("{text}."),
    }
}

/// The coordinating agencies' inputs on the target's tasks, one line each.
fn contributions(r: &OfficialReport<'_>, target: &TargetPart<'_>) -> Vec<Paragraph> {
    let lines: Vec<String> = target
        .tasks
        .iter()
        .flat_map(|t| t.contributions.iter())
        .filter(|c| !c.text.trim().is_empty())
        .map(|c| {
            let agency = r
                .agency_names
                .get(&c.agency_id)
                .cloned()
                .unwrap_or_else(|| format!("Cơ quan #{}", c.agency_id));
            format!("- {agency}: {}", sentence(&c.text))
        })
        .collect();
    if lines.is_empty() {
        return Vec::new();
    }
    let mut out = vec![body(
        &format!("Ý kiến của cơ quan phối hợp ({}):", lines.len()),
        Look::italic(BODY_PT),
    )
    .keep_next(true)];
    out.extend(lines.iter().map(|l| body(l, Look::plain(BODY_PT))));
    out
}

fn outstanding(r: &OfficialReport<'_>) -> Vec<Paragraph> {
    let list = &r.consolidation.outstanding;
    if list.is_empty() {
        return vec![body(
            "Tất cả các cơ quan đã gửi báo cáo.",
            Look::plain(BODY_PT),
        )];
    }
    let mut out = vec![body(
        &format!(
            "Đến ngày tổng hợp, {} cơ quan chưa gửi báo cáo hoặc có báo cáo bị trả lại \
             nhưng chưa gửi lại:",
            list.len()
        ),
        Look::plain(BODY_PT),
    )];
    out.extend(list.iter().enumerate().map(|(i, (_, name, s))| {
        body(
            &format!(
                "{}. {name} ({}).",
                i + 1,
                standing(*s, Lang::Vi).to_lowercase()
            ),
            Look::plain(BODY_PT),
        )
    }));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_with_one_stop() {
        assert_eq!(sentence(" Đã xong "), "Đã xong.");
        assert_eq!(sentence("Đã xong."), "Đã xong.");
        assert_eq!(sentence("gồm:"), "gồm:");
    }

    #[test]
    fn empty_entries_are_counted_with_their_numbers() {
        assert_eq!(
            silent_line(&[4, 5, 9]),
            "3 nhiệm vụ chưa có nội dung báo cáo (Phụ lục, số 4, 5, 9)."
        );
    }
}
