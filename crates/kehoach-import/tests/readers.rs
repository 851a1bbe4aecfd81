//! The .docx and .xlsx readers: documents built here, read back as lines.

mod common;

use common::{is_pipe, is_separator};

use std::io::Cursor;

use docx_rs::{BreakType, Docx, Paragraph, Run, Table, TableCell, TableRow, VMergeType};
use kehoach_import::read::read_document;
use rust_xlsxwriter::{Format, Workbook};

fn lines_of(name: &str, bytes: &[u8]) -> Vec<String> {
    let src = read_document(name, bytes).unwrap_or_else(|e| panic!("read {name}: {e}"));
    src.lines.into_iter().map(|l| l.raw().to_string()).collect()
}

fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

fn cell(text: &str) -> TableCell {
    TableCell::new().add_paragraph(para(text))
}

fn pack(docx: Docx) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut out)
        .unwrap_or_else(|e| panic!("pack: {e}"));
    out.into_inner()
}

#[test]
fn docx_paragraphs_and_merged_table() {
    let table = Table::new(vec![
        TableRow::new(vec![cell("Mục tiêu").grid_span(2), cell("Chủ trì")]),
        TableRow::new(vec![
            cell("1.1").vertical_merge(VMergeType::Restart),
            cell("x|y"),
            cell("Sở Y tế"),
        ]),
        TableRow::new(vec![
            TableCell::new()
                .add_paragraph(Paragraph::new())
                .vertical_merge(VMergeType::Continue),
            cell("b1").add_paragraph(para("b2")),
            cell("Sở Tài chính"),
        ]),
    ]);
    let docx = Docx::new()
        // Decomposed on purpose: the reader must give NFC text.
        .add_paragraph(para("Kê\u{0301} hoạch"))
        .add_paragraph(
            Paragraph::new().add_run(
                Run::new()
                    .add_text("A")
                    .add_tab()
                    .add_text("B")
                    .add_break(BreakType::TextWrapping)
                    .add_text("C"),
            ),
        )
        .add_table(table)
        .add_paragraph(para("Hết"));
    let lines = lines_of("plan.docx", &pack(docx));
    assert_eq!(
        lines,
        [
            "Kế hoạch",
            "A B",
            "C",
            "| Mục tiêu | Mục tiêu | Chủ trì |",
            "|---|---|---|",
            "| 1.1 | x\\|y | Sở Y tế |",
            "| 1.1 | b1<br>b2 | Sở Tài chính |",
            "Hết",
        ]
    );
}

#[test]
fn xlsx_sheet_with_merged_region_and_numbers() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Chỉ tiêu").unwrap_or_else(|e| panic!("{e}"));
    let writes = [
        sheet.write_string(0, 0, "Mục tiêu").map(|_| ()),
        sheet.write_string(0, 1, "Đơn vị").map(|_| ()),
        sheet.write_string(0, 2, "2020").map(|_| ()),
        sheet
            .merge_range(1, 0, 2, 0, "1.1", &Format::new())
            .map(|_| ()),
        sheet.write_string(1, 1, "%").map(|_| ()),
        sheet.write_number(1, 2, 9.78).map(|_| ()),
        sheet.write_string(2, 1, "người").map(|_| ()),
        sheet.write_number(2, 2, 100.0).map(|_| ()),
    ];
    for w in writes {
        w.unwrap_or_else(|e| panic!("{e}"));
    }
    workbook.add_worksheet(); // empty: no lines at all
    let bytes = workbook.save_to_buffer().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        lines_of("chi-tieu.xlsx", &bytes),
        [
            "Chỉ tiêu",
            "| Mục tiêu | Đơn vị | 2020 |",
            "|---|---|---|",
            "| 1.1 | % | 9,78 |",
            "| 1.1 | người | 100 |",
        ]
    );
}

/// The Kiên Giang indicator appendix (Appendix 2): its lines as in the corpus.
const APPENDIX_FIRST: usize = 758;
const APPENDIX_LAST: usize = 968;

fn appendix_lines() -> Vec<String> {
    common::corpus_lines(common::KIEN_GIANG, APPENDIX_FIRST, Some(APPENDIX_LAST))
}

/// Cells of a pipe row, normalised: HTML tags dropped, NFC, spacing collapsed,
/// trailing empty cells dropped (a padded row says the same).
fn cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
    let mut cells: Vec<String> = inner
        .split('|')
        .map(|c| normalise(&strip_html(c)))
        .collect();
    while cells.last().is_some_and(String::is_empty) {
        cells.pop();
    }
    cells
}

fn strip_html(text: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn normalise(text: &str) -> String {
    kehoach_vi::nfc(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Consecutive pipe lines as tables of rows (separator lines left out).
fn pipe_tables(lines: &[String]) -> Vec<Vec<Vec<String>>> {
    let mut tables: Vec<Vec<Vec<String>>> = Vec::new();
    let mut in_table = false;
    for line in lines {
        if !is_pipe(line) {
            in_table = false;
            continue;
        }
        if !in_table {
            tables.push(Vec::new());
            in_table = true;
        }
        if !is_separator(line) {
            if let Some(t) = tables.last_mut() {
                t.push(cells(line));
            }
        }
    }
    tables
}

#[test]
fn kien_giang_appendix_as_word_tables() {
    let source = appendix_lines();
    let mut docx = Docx::new();
    let expected = pipe_tables(&source);
    let mut table_index = 0;
    let mut in_table = false;
    for line in &source {
        if is_pipe(line) {
            if !in_table {
                let rows = expected[table_index]
                    .iter()
                    .map(|row| TableRow::new(row.iter().map(|c| cell(c)).collect()))
                    .collect();
                docx = docx.add_table(Table::new(rows));
                table_index += 1;
            }
            in_table = true;
            continue;
        }
        in_table = false;
        docx = docx.add_paragraph(para(line));
    }
    let rendered = lines_of("phu-luc-2.docx", &pack(docx));
    let got = pipe_tables(&rendered);
    assert_eq!(expected.len(), 18, "tables in the appendix");
    assert_eq!(
        expected.iter().map(Vec::len).sum::<usize>(),
        166,
        "rows in the appendix"
    );
    assert_eq!(got, expected);
    // Every line between the tables is still there, in order.
    let prose = |lines: &[String]| -> Vec<String> {
        lines
            .iter()
            .filter(|l| !is_pipe(l))
            .map(|l| normalise(l))
            .collect()
    };
    assert_eq!(prose(&rendered), prose(&source));
}

#[test]
fn kien_giang_appendix_as_xlsx_sheets() {
    let expected = pipe_tables(&appendix_lines());
    let mut workbook = Workbook::new();
    for (t, table) in expected.iter().enumerate() {
        let sheet = workbook.add_worksheet();
        sheet
            .set_name(format!("Bảng {}", t + 1))
            .unwrap_or_else(|e| panic!("{e}"));
        for (r, row) in table.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                if !text.is_empty() {
                    sheet
                        .write_string(r as u32, c as u16, text)
                        .unwrap_or_else(|e| panic!("{e}"));
                }
            }
        }
    }
    let bytes = workbook.save_to_buffer().unwrap_or_else(|e| panic!("{e}"));
    let rendered = lines_of("phu-luc-2.xlsx", &bytes);
    let got = pipe_tables(&rendered);
    // A blank first row (a continued table's empty header) is kept as a blank header.
    assert_eq!(got, expected);
    let names: Vec<&String> = rendered.iter().filter(|l| l.starts_with("Bảng ")).collect();
    assert_eq!(names.len(), 18);
}
