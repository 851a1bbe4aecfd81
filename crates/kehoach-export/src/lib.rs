//! Exports of the reporting chain. The consolidated workbook of a period
//! ("bảng biểu theo đầu việc", issue 4 item 6): one row per task and
//! accepted entry, then the agencies still owing a report.

mod by_task;
mod labels;
mod outstanding;
mod style;

use std::collections::HashMap;

use kehoach_store::reporting::consolidation::Consolidation;
use kehoach_vi::Lang;
use rust_xlsxwriter::{Workbook, XlsxError};

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("writing the workbook: {0}")]
    Xlsx(#[from] XlsxError),
}

/// The consolidated report of a period as `.xlsx` bytes. `agency_names`
/// names the coordinating agencies of the contributions (the consolidation
/// carries only their ids); an unnamed one is shown by its id.
pub fn consolidation_xlsx(
    c: &Consolidation,
    agency_names: &HashMap<i64, String>,
    lang: Lang,
) -> Result<Vec<u8>, ExportError> {
    consolidation_xlsx_titled(c, agency_names, &HashMap::new(), lang)
}

/// The goal's title and the target's text of a task, written after their
/// codes in the goal and target columns.
#[derive(Debug, Clone, Default)]
pub struct TaskTitles {
    pub goal: String,
    pub target: String,
}

/// `consolidation_xlsx`, with the goal and target texts by task id.
pub fn consolidation_xlsx_titled(
    c: &Consolidation,
    agency_names: &HashMap<i64, String>,
    titles: &HashMap<i64, TaskTitles>,
    lang: Lang,
) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    let styles = style::Styles::new();
    let sheet = workbook.add_worksheet();
    by_task::write(sheet, c, agency_names, titles, lang, &styles)?;
    outstanding::write(workbook.add_worksheet(), c, lang, &styles)?;
    Ok(workbook.save_to_buffer()?)
}
