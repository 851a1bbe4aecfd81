//! The official report's appendix as a workbook, for whoever re-sorts or
//! sums it: the same rows as the `.docx` appendix (one per accepted entry)
//! with difficulties, recommendations and the funds by source, under the
//! appendix's own heading; the header row frozen, amounts in a grouped
//! number format that Vietnamese settings show as 1.500,5.

use kehoach_store::reporting::FundSource;
use kehoach_vi::Lang;
use rust_xlsxwriter::{ColNum, Format, FormatAlign, FormatBorder, RowNum, Workbook, Worksheet};

use super::appendix::{APPENDIX, APPENDIX_TITLE};
use super::heading::written_date;
use super::outline::{appendix_rows, task_code, AppendixRow};
use super::OfficialReport;
use crate::labels::status;
use crate::ExportError;

/// Row of the column labels; the rows above hold the appendix heading.
pub(crate) const HEADER_ROW: RowNum = 4;
/// One decimal, thousands grouped: "1.500,5" with Vietnamese settings.
pub(crate) const AMOUNT_FORMAT: &str = "#,##0.0";

const TEXT_COLUMNS: [(&str, f64); 8] = [
    ("STT", 5.0),
    ("Mã", 7.0),
    ("Nhiệm vụ", 45.0),
    ("Cơ quan chủ trì", 24.0),
    ("Tình trạng", 14.0),
    ("Kết quả", 45.0),
    ("Khó khăn, vướng mắc", 30.0),
    ("Kiến nghị, đề xuất", 30.0),
];

struct Formats {
    title: Format,
    note: Format,
    header: Format,
    text: Format,
    amount: Format,
}

fn formats() -> Formats {
    let cell = Format::new()
        .set_font_name("Times New Roman")
        .set_font_size(12)
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    Formats {
        title: Format::new()
            .set_font_name("Times New Roman")
            .set_font_size(14)
            .set_bold()
            .set_align(FormatAlign::Center),
        note: Format::new()
            .set_font_name("Times New Roman")
            .set_font_size(14)
            .set_italic()
            .set_align(FormatAlign::Center),
        header: cell
            .clone()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter),
        amount: cell.clone().set_num_format(AMOUNT_FORMAT),
        text: cell,
    }
}

/// The appendix workbook's bytes.
pub fn official_appendix_xlsx(r: &OfficialReport<'_>) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    let f = formats();
    let sheet = workbook.add_worksheet();
    sheet.set_name(APPENDIX)?;
    let last = last_column();
    let attached = format!(
        "(Kèm theo Báo cáo số {} {})",
        r.heading.number.trim(),
        written_date(&r.heading.date)
    );
    sheet.merge_range(0, 0, 0, last, APPENDIX, &f.title)?;
    sheet.merge_range(1, 0, 1, last, APPENDIX_TITLE, &f.title)?;
    sheet.merge_range(2, 0, 2, last, &attached, &f.note)?;
    write_header(sheet, &f)?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    for (row, r) in (HEADER_ROW + 1..).zip(appendix_rows(r.consolidation)) {
        write_row(sheet, row, &r, &f)?;
    }
    Ok(workbook.save_to_buffer()?)
}

fn first_fund_column() -> ColNum {
    ColNum::try_from(TEXT_COLUMNS.len()).unwrap_or(ColNum::MAX)
}

fn last_column() -> ColNum {
    first_fund_column() + ColNum::try_from(FundSource::ALL.len()).unwrap_or(0)
}

fn write_header(sheet: &mut Worksheet, f: &Formats) -> Result<(), ExportError> {
    for (col, (label, width)) in (0..).zip(TEXT_COLUMNS) {
        sheet.write_string_with_format(HEADER_ROW, col, label, &f.header)?;
        sheet.set_column_width(col, width)?;
    }
    for (col, source) in (first_fund_column()..).zip(FundSource::ALL) {
        let label = format!("Kinh phí ({})", source.label(Lang::Vi));
        sheet.write_string_with_format(HEADER_ROW, col, &label, &f.header)?;
        sheet.set_column_width(col, 14.0)?;
    }
    let total = last_column();
    sheet.write_string_with_format(HEADER_ROW, total, "Tổng kinh phí", &f.header)?;
    sheet.set_column_width(total, 14.0)?;
    Ok(())
}

fn write_row(
    sheet: &mut Worksheet,
    row: RowNum,
    r: &AppendixRow<'_>,
    f: &Formats,
) -> Result<(), ExportError> {
    let e = &r.entry.entry;
    let number = u32::try_from(r.number).unwrap_or(u32::MAX);
    sheet.write_number_with_format(row, 0, number, &f.text)?;
    let texts = [
        task_code(r.task),
        r.task.text.trim().to_owned(),
        r.entry.agency_name.clone(),
        e.status
            .as_deref()
            .map(|s| status(s, Lang::Vi))
            .unwrap_or_default(),
        e.results.trim().to_owned(),
        e.difficulties.trim().to_owned(),
        e.recommendations.trim().to_owned(),
    ];
    for (col, text) in (1..).zip(texts.iter()) {
        sheet.write_string_with_format(row, col, text, &f.text)?;
    }
    let mut total = 0.0;
    let mut any = false;
    for (col, source) in (first_fund_column()..).zip(FundSource::ALL) {
        let amounts: Vec<f64> = r
            .entry
            .funds
            .iter()
            .filter(|(name, _)| name == source.as_str())
            .map(|&(_, amount)| amount)
            .collect();
        if amounts.is_empty() {
            sheet.write_blank(row, col, &f.amount)?;
        } else {
            let sum: f64 = amounts.iter().sum();
            total += sum;
            any = true;
            sheet.write_number_with_format(row, col, sum, &f.amount)?;
        }
    }
    if any {
        sheet.write_number_with_format(row, last_column(), total, &f.amount)?;
    } else {
        sheet.write_blank(row, last_column(), &f.amount)?;
    }
    Ok(())
}
