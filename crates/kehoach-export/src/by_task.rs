//! Sheet 1, "Theo đầu việc": one row per task and accepted entry in the
//! plan's order; a task nobody has reported on keeps one row with empty
//! report columns, so the sheet shows the whole plan.

use std::collections::HashMap;

use kehoach_store::reporting::consolidation::{AcceptedEntry, ConsolidatedTask, Consolidation};
use kehoach_store::reporting::FundSource;
use kehoach_vi::{format_date, Lang};
use rust_xlsxwriter::{ColNum, RowNum, Worksheet, XlsxError};

use crate::labels::{fund_source, pick, status};
use crate::style::Styles;
use crate::TaskTitles;

/// The columns before the fund sources: (Vietnamese, English, width).
const LEADING: [(&str, &str, f64); 10] = [
    ("STT", "No.", 5.0),
    ("Mục tiêu", "Goal", 8.0),
    ("Mục tiêu cụ thể", "Target", 10.0),
    ("Nhiệm vụ", "Task", 45.0),
    ("Cơ quan chủ trì", "Lead agency", 22.0),
    ("Tình trạng", "Status", 15.0),
    ("Kết quả", "Results", 45.0),
    ("Khó khăn, vướng mắc", "Difficulties", 30.0),
    ("Kiến nghị", "Recommendations", 30.0),
    ("Văn bản minh chứng", "Evidence", 20.0),
];
const FUND_WIDTH: f64 = 14.0;
const CONTRIBUTIONS: (&str, &str, f64) = ("Ý kiến phối hợp", "Coordinating inputs", 40.0);
const HEADER_ROW: RowNum = 2;

pub(crate) fn write(
    sheet: &mut Worksheet,
    c: &Consolidation,
    agency_names: &HashMap<i64, String>,
    titles: &HashMap<i64, TaskTitles>,
    lang: Lang,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name(pick(lang, "Theo đầu việc", "By task"))?;
    let last = last_column();
    write_title(sheet, c, lang, styles, last)?;
    write_header(sheet, lang, styles)?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    let mut row = HEADER_ROW + 1;
    for (number, task) in c.tasks.iter().enumerate() {
        let contributions = contributions_text(task, agency_names);
        if task.entries.is_empty() {
            write_task(
                sheet,
                row,
                number + 1,
                task,
                titles.get(&task.task_id),
                &contributions,
                styles,
            )?;
            write_report(sheet, row, None, lang, styles)?;
            row += 1;
        }
        for entry in &task.entries {
            write_task(
                sheet,
                row,
                number + 1,
                task,
                titles.get(&task.task_id),
                &contributions,
                styles,
            )?;
            write_report(sheet, row, Some(entry), lang, styles)?;
            row += 1;
        }
    }
    Ok(())
}

fn fund_columns() -> ColNum {
    ColNum::try_from(FundSource::ALL.len()).unwrap_or(ColNum::MAX)
}

fn first_fund_column() -> ColNum {
    ColNum::try_from(LEADING.len()).unwrap_or(ColNum::MAX)
}

fn contributions_column() -> ColNum {
    first_fund_column() + fund_columns()
}

fn last_column() -> ColNum {
    contributions_column()
}

fn write_title(
    sheet: &mut Worksheet,
    c: &Consolidation,
    lang: Lang,
    styles: &Styles,
    last: ColNum,
) -> Result<(), XlsxError> {
    let p = &c.period;
    let title = format!(
        "{} — {}",
        pick(
            lang,
            "Tổng hợp kết quả thực hiện theo đầu việc",
            "Consolidated results by task"
        ),
        p.label
    );
    let dues = format!(
        "{} {}; {} {}; {} {}",
        pick(lang, "Hạn gửi ý kiến phối hợp:", "Coordinating inputs due:"),
        format_date(&p.inputs_due_on, lang),
        pick(lang, "hạn báo cáo của cơ quan:", "agency reports due:"),
        format_date(&p.agency_due_on, lang),
        pick(lang, "hạn tổng hợp:", "consolidation due:"),
        format_date(&p.consolidation_due_on, lang),
    );
    sheet.merge_range(0, 0, 0, last, &title, &styles.title)?;
    sheet.merge_range(1, 0, 1, last, &dues, &rust_xlsxwriter::Format::new())?;
    Ok(())
}

fn write_header(sheet: &mut Worksheet, lang: Lang, styles: &Styles) -> Result<(), XlsxError> {
    let mut col: ColNum = 0;
    for (vi, en, width) in LEADING {
        sheet.write_string_with_format(HEADER_ROW, col, pick(lang, vi, en), &styles.header)?;
        sheet.set_column_width(col, width)?;
        col += 1;
    }
    for &source in FundSource::ALL {
        let label = format!(
            "{} ({})",
            pick(lang, "Kinh phí", "Funds"),
            fund_source(source, lang)
        );
        sheet.write_string_with_format(HEADER_ROW, col, &label, &styles.header)?;
        sheet.set_column_width(col, FUND_WIDTH)?;
        col += 1;
    }
    let (vi, en, width) = CONTRIBUTIONS;
    sheet.write_string_with_format(HEADER_ROW, col, pick(lang, vi, en), &styles.header)?;
    sheet.set_column_width(col, width)?;
    Ok(())
}

/// The task's own columns: number, goal, target, task, contributions.
fn write_task(
    sheet: &mut Worksheet,
    row: RowNum,
    number: usize,
    task: &ConsolidatedTask,
    titles: Option<&TaskTitles>,
    contributions: &str,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let number = u32::try_from(number).unwrap_or(u32::MAX);
    sheet.write_number_with_format(row, 0, number, &styles.text)?;
    let cells = [
        task_label(
            task.goal_code.as_deref(),
            titles.map_or("", |t| t.goal.as_str()),
        ),
        task_label(
            task.target_code.as_deref(),
            titles.map_or("", |t| t.target.as_str()),
        ),
        task_label(task.code.as_deref(), &task.text),
    ];
    for (col, text) in (1..).zip(cells.iter()) {
        sheet.write_string_with_format(row, col, text, &styles.text)?;
    }
    sheet.write_string_with_format(row, contributions_column(), contributions, &styles.text)?;
    Ok(())
}

/// "code text" when the plan numbers its tasks, else the text alone (and
/// the code alone when there is no text).
fn task_label(code: Option<&str>, text: &str) -> String {
    match code.map(str::trim) {
        Some(code) if !code.is_empty() && !text.is_empty() => format!("{code} {text}"),
        Some(code) if !code.is_empty() => code.to_owned(),
        _ => text.to_owned(),
    }
}

/// The accepted entry's columns, blank (but bordered) without one.
fn write_report(
    sheet: &mut Worksheet,
    row: RowNum,
    entry: Option<&AcceptedEntry>,
    lang: Lang,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let texts = entry.map_or_else(Vec::new, |e| report_texts(e, lang));
    for col in 4..first_fund_column() {
        let text = texts.get(usize::from(col - 4)).map_or("", String::as_str);
        sheet.write_string_with_format(row, col, text, &styles.text)?;
    }
    for (col, &source) in (first_fund_column()..).zip(FundSource::ALL) {
        match entry.and_then(|e| fund(e, source)) {
            Some(amount) => sheet.write_number_with_format(row, col, amount, &styles.money)?,
            None => sheet.write_blank(row, col, &styles.money)?,
        };
    }
    Ok(())
}

/// Lead agency, status, results, difficulties, recommendations, evidence.
fn report_texts(e: &AcceptedEntry, lang: Lang) -> Vec<String> {
    let row = &e.entry;
    vec![
        e.agency_name.clone(),
        row.status
            .as_deref()
            .map(|s| status(s, lang))
            .unwrap_or_default(),
        row.results.clone(),
        row.difficulties.clone(),
        row.recommendations.clone(),
        evidence(&row.evidence_number, row.evidence_date.as_deref(), lang),
    ]
}

fn evidence(number: &str, date: Option<&str>, lang: Lang) -> String {
    let number = number.trim();
    match date.map(|d| format_date(d, lang)) {
        Some(date) if number.is_empty() => date,
        Some(date) => format!("{number}, {} {date}", pick(lang, "ngày", "dated")),
        None => number.to_owned(),
    }
}

/// The entry's amount from one source; None when it gave none.
fn fund(e: &AcceptedEntry, source: FundSource) -> Option<f64> {
    let amounts: Vec<f64> = e
        .funds
        .iter()
        .filter(|(name, _)| name == source.as_str())
        .map(|&(_, amount)| amount)
        .collect();
    (!amounts.is_empty()).then(|| amounts.iter().sum())
}

/// "agency: text", one contribution per line.
fn contributions_text(task: &ConsolidatedTask, agency_names: &HashMap<i64, String>) -> String {
    task.contributions
        .iter()
        .filter(|c| !c.text.trim().is_empty())
        .map(|c| {
            let agency = agency_names
                .get(&c.agency_id)
                .cloned()
                .unwrap_or_else(|| format!("#{}", c.agency_id));
            format!("{agency}: {}", c.text.trim())
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_labels_lead_with_the_code_when_there_is_one() {
        assert_eq!(task_label(Some("3.2.1"), "Rà soát"), "3.2.1 Rà soát");
        assert_eq!(task_label(Some(" "), "Rà soát"), "Rà soát");
        assert_eq!(task_label(None, "Rà soát"), "Rà soát");
        // Goal and target columns: the code alone when no title is known.
        assert_eq!(task_label(Some("MT 3"), ""), "MT 3");
    }

    #[test]
    fn evidence_joins_number_and_date() {
        let date = Some("2026-03-05");
        assert_eq!(
            evidence("Số 7/KH", date, Lang::Vi),
            "Số 7/KH, ngày 05/03/2026"
        );
        assert_eq!(
            evidence("Số 7/KH", date, Lang::En),
            "Số 7/KH, dated 5 Mar 2026"
        );
        assert_eq!(evidence("", date, Lang::Vi), "05/03/2026");
        assert_eq!(evidence("Số 7/KH", None, Lang::Vi), "Số 7/KH");
    }
}
