//! Exports of the reporting chain. The consolidated workbook of a period
//! ("bảng biểu theo đầu việc", issue 4 item 6): one row per task and
//! accepted entry, then the agencies still owing a report. The official
//! report of a period (`official`): a .docx in the layout of Decree
//! 30/2020/NĐ-CP and its appendix as a workbook.

mod by_task;
mod labels;
pub mod official;
pub mod open_data;
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
    #[error("writing the document: {0}")]
    Docx(String),
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

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
    use kehoach_store::reporting::consolidation::ConsolidatedTask;
    use kehoach_store::reporting::setup::Period;

    use super::*;

    fn one_task() -> Consolidation {
        Consolidation {
            period: Period {
                id: 1,
                plan_id: 1,
                kind: "yearly".into(),
                year: 2026,
                part: 1,
                label: "Năm 2026".into(),
                starts_on: "2026-01-01".into(),
                ends_on: "2026-12-31".into(),
                inputs_due_on: "2026-11-25".into(),
                agency_due_on: "2026-11-30".into(),
                consolidation_due_on: "2026-12-10".into(),
                state: "open".into(),
                rule_line: None,
            },
            tasks: vec![ConsolidatedTask {
                task_id: 7,
                goal_code: Some("MT 3".into()),
                target_code: Some("3.2".into()),
                code: None,
                text: "Rà soát".into(),
                line: 10,
                entries: Vec::new(),
                contributions: Vec::new(),
            }],
            outstanding: Vec::new(),
        }
    }

    fn first_task_row(bytes: Vec<u8>) -> Vec<String> {
        let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("an xlsx");
        let range = book.worksheet_range("Theo đầu việc").expect("the sheet");
        let rows: Vec<Vec<Data>> = range.rows().map(<[Data]>::to_vec).collect();
        rows[3][1..4].iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn goal_and_target_columns_carry_their_text_when_given() {
        let c = one_task();
        let names = HashMap::new();
        let plain = consolidation_xlsx(&c, &names, Lang::Vi).expect("export");
        assert_eq!(first_task_row(plain), ["MT 3", "3.2", "Rà soát"]);
        let titles = HashMap::from([(
            7,
            TaskTitles {
                goal: "Bảo đảm sức khỏe".into(),
                target: "Giảm tỷ lệ tử vong".into(),
            },
        )]);
        let titled = consolidation_xlsx_titled(&c, &names, &titles, Lang::Vi).expect("export");
        assert_eq!(
            first_task_row(titled),
            ["MT 3 Bảo đảm sức khỏe", "3.2 Giảm tỷ lệ tử vong", "Rà soát"]
        );
    }
}
