//! Sheet 2, "Chưa báo cáo": the agencies whose report is missing or was
//! returned and not sent again.

use kehoach_store::reporting::consolidation::Consolidation;
use kehoach_vi::Lang;
use rust_xlsxwriter::{RowNum, Worksheet, XlsxError};

use crate::labels::{pick, standing};
use crate::style::Styles;

pub(crate) fn write(
    sheet: &mut Worksheet,
    c: &Consolidation,
    lang: Lang,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name(pick(lang, "Chưa báo cáo", "Outstanding"))?;
    let title = format!(
        "{} — {}",
        pick(
            lang,
            "Cơ quan chưa báo cáo hoặc bị trả lại",
            "Agencies with no report or a returned one"
        ),
        c.period.label
    );
    sheet.write_string_with_format(0, 0, &title, &styles.title)?;
    let headers = [
        (pick(lang, "STT", "No."), 5.0),
        (pick(lang, "Cơ quan", "Agency"), 45.0),
        (pick(lang, "Tình trạng báo cáo", "Report standing"), 28.0),
    ];
    for (col, (label, width)) in (0..).zip(headers) {
        sheet.write_string_with_format(2, col, label, &styles.header)?;
        sheet.set_column_width(col, width)?;
    }
    sheet.set_freeze_panes(3, 0)?;
    for (row, (number, (_, name, agency_standing))) in (3..).zip(c.outstanding.iter().enumerate()) {
        let row: RowNum = row;
        sheet.write_string_with_format(row, 0, (number + 1).to_string(), &styles.text)?;
        sheet.write_string_with_format(row, 1, name, &styles.text)?;
        sheet.write_string_with_format(row, 2, standing(*agency_standing, lang), &styles.text)?;
    }
    Ok(())
}
