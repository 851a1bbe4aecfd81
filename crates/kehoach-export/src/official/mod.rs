//! The official consolidated report of a reporting period as a `.docx`, in
//! the layout Decree 30/2020/NĐ-CP sets for administrative documents
//! (docs/OFFICIAL-REPORT.md): the heading table, the title, the results by
//! goal and target from the accepted entries, the agencies that did not
//! report, the recipients and the signature block; then the appendix table
//! of accepted entries on landscape pages. Written with docx-rs.

mod appendix;
mod body;
mod closing;
mod format;
mod heading;
mod outline;
mod xlsx;

use std::collections::HashMap;
use std::io::Cursor;

use docx_rs::{
    AlignmentType, Docx, FieldCharType, Header, InstrPAGE, InstrText, PageOrientationType,
    Paragraph, Section,
};
use kehoach_store::plans::read::PlanSummary;
use kehoach_store::reporting::consolidation::Consolidation;
use kehoach_store::reporting::review_queries::TaskText;

use crate::ExportError;
use format::{Look, A4_HEIGHT, A4_WIDTH, MOTTO_PT};

pub use appendix::{APPENDIX, APPENDIX_TITLE};
pub use body::{OUTSTANDING_SECTION, RESULTS_SECTION};
pub use heading::{KIND, MOTTO, MOTTO_COUNTRY};
pub use outline::goal_heading;
pub use xlsx::official_appendix_xlsx;

/// What the report's first and last lines say, given by whoever issues it.
#[derive(Debug, Clone, Default)]
pub struct ReportHeading {
    /// The body the issuer answers to, in capitals: "UBND TỈNH BẾN TRE".
    pub parent_body: String,
    /// The issuing body, in capitals: "SỞ TÀI CHÍNH".
    pub issuing_body: String,
    /// Number and symbol after "Số:", e.g. "125/BC-STC" (blank number
    /// before registration: "   /BC-STC").
    pub number: String,
    /// Where it is issued: "Bến Tre".
    pub place: String,
    /// When, as `YYYY-MM-DD` ("ngày … tháng … năm …" when blank).
    pub date: String,
    /// The title under "BÁO CÁO": "Kết quả thực hiện Kế hoạch … năm 2026".
    pub title: String,
    /// "Nơi nhận", one a line; the last is usually "Lưu: VT, KHTH".
    pub recipients: Vec<String>,
    /// The signer's title, one line per part: "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC".
    pub signer_title: String,
    pub signer_name: String,
}

/// Everything the report is drawn from.
pub struct OfficialReport<'a> {
    pub heading: &'a ReportHeading,
    pub plan: &'a PlanSummary,
    pub consolidation: &'a Consolidation,
    /// Goal and target texts by task id (`Store::period_task_texts`).
    pub texts: &'a HashMap<i64, TaskText>,
    /// Agency names by id, for the coordinating agencies' inputs.
    pub agency_names: &'a HashMap<i64, String>,
}

/// The report as `.docx` bytes.
pub fn official_report_docx(r: &OfficialReport<'_>) -> Result<Vec<u8>, ExportError> {
    let goals = outline::goals(r.consolidation, r.texts);
    let rows = outline::appendix_rows(r.consolidation);
    let numbers = outline::numbers(&rows);

    let mut report = Section::new()
        .page_size(docx_rs::PageSize::new().size(A4_WIDTH, A4_HEIGHT))
        .page_margin(format::margins())
        .page_orient(PageOrientationType::Portrait)
        .header(page_number_header())
        // The first page shows no number (item I.7).
        .first_header(Header::new())
        .title_pg()
        .add_table(heading::heading_table(r.heading));
    for p in heading::title(r.heading) {
        report = report.add_paragraph(p);
    }
    for p in body::paragraphs(r, &goals, &numbers) {
        report = report.add_paragraph(p);
    }
    report = report.add_table(closing::closing_table(r.heading));

    let mut doc = Docx::new()
        .add_section(report)
        .page_size(A4_HEIGHT, A4_WIDTH)
        .page_orient(PageOrientationType::Landscape)
        .page_margin(format::margins());
    for p in appendix::heading(r.heading) {
        doc = doc.add_paragraph(p);
    }
    doc = doc.add_table(appendix::table(&rows));

    let mut bytes = Cursor::new(Vec::new());
    doc.build()
        .pack(&mut bytes)
        .map_err(|e| ExportError::Docx(e.to_string()))?;
    Ok(bytes.into_inner())
}

/// The page number, centred in the top margin, 13 pt upright.
fn page_number_header() -> Header {
    let number = format::run("", Look::plain(MOTTO_PT))
        .add_field_char(FieldCharType::Begin, false)
        .add_instr_text(InstrText::PAGE(InstrPAGE {}))
        .add_field_char(FieldCharType::Separate, false)
        .add_text("1")
        .add_field_char(FieldCharType::End, false);
    Header::new().add_paragraph(
        Paragraph::new()
            .add_run(number)
            .align(AlignmentType::Center),
    )
}

#[cfg(test)]
mod tests {
    use kehoach_store::reporting::consolidation::ConsolidatedTask;
    use kehoach_store::reporting::setup::Period;

    use super::*;

    fn plan() -> PlanSummary {
        PlanSummary {
            id: 1,
            title: "Kế hoạch thử".into(),
            published: 0,
            version_id: 1,
            version: 1,
            document_id: 1,
            kind: None,
            number: None,
            issued_on: None,
            issuer: None,
            file_name: "thu.txt".into(),
            goals: 0,
            targets: 0,
            tasks: 0,
            indicators: 0,
        }
    }

    fn period() -> Period {
        Period {
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
        }
    }

    /// Blank headings, a task without goal or target, no reports at all:
    /// both files are still written.
    #[test]
    fn an_empty_period_and_blank_heading_still_make_both_files() {
        let c = Consolidation {
            period: period(),
            tasks: vec![ConsolidatedTask {
                task_id: 7,
                goal_code: None,
                target_code: None,
                code: None,
                text: "Rà soát".into(),
                line: 10,
                entries: Vec::new(),
                contributions: Vec::new(),
            }],
            outstanding: Vec::new(),
        };
        let (heading, plan, texts, names) = (
            ReportHeading::default(),
            plan(),
            HashMap::new(),
            HashMap::new(),
        );
        let r = OfficialReport {
            heading: &heading,
            plan: &plan,
            consolidation: &c,
            texts: &texts,
            agency_names: &names,
        };
        let docx = official_report_docx(&r).expect("docx");
        let xlsx = official_appendix_xlsx(&r).expect("xlsx");
        assert_eq!(&docx[..2], b"PK");
        assert_eq!(&xlsx[..2], b"PK");
    }
}
