//! The appendix after the signature, on landscape pages (item I.2 allows
//! the width for tables): its name, what it is attached to, and one table
//! row per accepted entry in the plan's order.

use docx_rs::{
    AlignmentType, Paragraph, Shading, ShdType, Table, TableCell, TableRow, VAlignType, WidthType,
};

use super::format::{landscape_width, para, Look, BODY_PT, TABLE_PT};
use super::heading::written_date;
use super::outline::{task_code, AppendixRow};
use super::ReportHeading;
use crate::labels::status;
use kehoach_vi::Lang;

pub const APPENDIX: &str = "Phụ lục";
pub const APPENDIX_TITLE: &str = "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ";
pub(crate) const COLUMNS: [&str; 6] = [
    "STT",
    "Mã",
    "Nhiệm vụ",
    "Cơ quan chủ trì",
    "Tình trạng",
    "Kết quả",
];
/// Shares of the width, in hundredths.
const SHARES: [usize; 6] = [5, 6, 33, 17, 10, 29];

pub(crate) fn heading(h: &ReportHeading) -> Vec<Paragraph> {
    let attached = format!(
        "(Kèm theo Báo cáo số {} {})",
        h.number.trim(),
        written_date(&h.date),
    );
    vec![
        para(APPENDIX, Look::bold(BODY_PT), AlignmentType::Center),
        para(APPENDIX_TITLE, Look::bold(BODY_PT), AlignmentType::Center),
        para(&attached, Look::italic(BODY_PT), AlignmentType::Center)
            .line_spacing(super::format::tight(12)),
    ]
}

pub(crate) fn table(rows: &[AppendixRow<'_>]) -> Table {
    let width = landscape_width();
    let widths: Vec<usize> = SHARES.iter().map(|s| width * s / 100).collect();
    let header = TableRow::new(
        COLUMNS
            .iter()
            .zip(&widths)
            .map(|(label, w)| header_cell(label, *w))
            .collect(),
    );
    let mut table_rows = vec![header];
    table_rows.extend(rows.iter().map(|r| row(r, &widths)));
    Table::new(table_rows)
        .set_grid(widths.clone())
        .width(width, WidthType::Dxa)
}

fn header_cell(label: &str, width: usize) -> TableCell {
    TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .shading(Shading::new().shd_type(ShdType::Clear).fill("F2F2F2"))
        .add_paragraph(para(label, Look::bold(TABLE_PT), AlignmentType::Center))
}

fn row(r: &AppendixRow<'_>, widths: &[usize]) -> TableRow {
    let e = &r.entry.entry;
    let texts = [
        r.number.to_string(),
        task_code(r.task),
        r.task.text.trim().to_owned(),
        r.entry.agency_name.clone(),
        e.status
            .as_deref()
            .map(|s| status(s, Lang::Vi))
            .unwrap_or_default(),
        e.results.trim().to_owned(),
    ];
    let aligns = [
        AlignmentType::Center,
        AlignmentType::Center,
        AlignmentType::Both,
        AlignmentType::Left,
        AlignmentType::Center,
        AlignmentType::Both,
    ];
    TableRow::new(
        texts
            .iter()
            .zip(aligns)
            .zip(widths)
            .map(|((text, align), w)| {
                TableCell::new()
                    .width(*w, WidthType::Dxa)
                    .add_paragraph(para(text, Look::plain(TABLE_PT), align))
            })
            .collect(),
    )
    .cant_split()
}
