//! A plan held in Word or Excel imports to the same plan as its web text:
//! Kiên Giang's two appendices (tasks and indicators) are rebuilt as real
//! Word tables and as Excel sheets, cell paragraphs as paragraphs, and the
//! imported goals, targets, tasks and indicators are compared with the text's.

mod common;

use common::{is_pipe, is_separator};

use std::io::Cursor;

use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow};
use kehoach_import::{import_bytes, ImportOptions, Imported};
use rust_xlsxwriter::{Format, Workbook};

/// Phụ lục I starts here and Phụ lục 2 ends at the file's last table row.
const FIRST_LINE: usize = 385;

fn appendix_lines() -> Vec<String> {
    common::corpus_lines(common::KIEN_GIANG, FIRST_LINE, None)
}

/// A cell's HTML as the paragraphs a Word user would have typed.
fn paragraphs(cell: &str) -> Vec<String> {
    let mut text = String::new();
    let mut tag = String::new();
    let mut in_tag = false;
    let mut chars = cell.chars().peekable();
    while let Some(c) = chars.next() {
        // "< 8,0" is a comparison, "<p>" a tag.
        let opens_tag = c == '<'
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == '/');
        match c {
            '<' if !in_tag && opens_tag => {
                in_tag = true;
                tag.clear();
            }
            '>' if in_tag => {
                in_tag = false;
                let name: String = tag
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                if matches!(name.as_str(), "p" | "br" | "ul" | "li" | "ol") {
                    text.push('\n');
                } else {
                    text.push(' ');
                }
            }
            _ if in_tag => tag.push(c),
            _ => text.push(c),
        }
    }
    text.split('\n')
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

fn cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').map(str::to_string).collect()
}

/// Runs of pipe lines (separators left out), and the prose between them.
enum Block {
    Prose(String),
    Table(Vec<Vec<String>>),
}

fn blocks(lines: &[String]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for line in lines {
        if !is_pipe(line) {
            out.push(Block::Prose(line.clone()));
            continue;
        }
        if is_separator(line) {
            continue;
        }
        match out.last_mut() {
            Some(Block::Table(rows)) => rows.push(cells(line)),
            _ => out.push(Block::Table(vec![cells(line)])),
        }
    }
    out
}

fn docx_bytes(lines: &[String]) -> Vec<u8> {
    let mut docx = Docx::new();
    for block in blocks(lines) {
        match block {
            Block::Prose(text) => {
                docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(text)));
            }
            Block::Table(rows) => {
                let rows = rows
                    .iter()
                    .map(|row| {
                        let cells = row
                            .iter()
                            .map(|c| {
                                paragraphs(c).iter().fold(TableCell::new(), |cell, p| {
                                    cell.add_paragraph(
                                        Paragraph::new().add_run(Run::new().add_text(p.as_str())),
                                    )
                                })
                            })
                            .collect();
                        TableRow::new(cells)
                    })
                    .collect();
                docx = docx.add_table(Table::new(rows));
            }
        }
    }
    let mut out = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut out)
        .unwrap_or_else(|e| panic!("pack: {e}"));
    out.into_inner()
}

/// One sheet per table; a cell's paragraphs are lines of the cell (Alt+Enter).
fn xlsx_bytes(lines: &[String]) -> Vec<u8> {
    let mut book = Workbook::new();
    let wrap = Format::new().set_text_wrap();
    for (n, block) in blocks(lines).into_iter().enumerate() {
        let Block::Table(rows) = block else { continue };
        let sheet = book.add_worksheet();
        sheet
            .set_name(format!("Bảng {n}"))
            .unwrap_or_else(|e| panic!("{e}"));
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let text = paragraphs(cell).join("\n");
                if !text.is_empty() {
                    sheet
                        .write_string_with_format(r as u32, c as u16, text, &wrap)
                        .unwrap_or_else(|e| panic!("{e}"));
                }
            }
        }
    }
    book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"))
}

/// The plan without positions: codes, statements, agencies, values.
fn shape(imp: &Imported) -> Vec<String> {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = Vec::new();
    for goal in &imp.plan.goals {
        out.push(format!("G {}", goal.code));
        for t in &goal.targets {
            out.push(format!(
                "T {} {:?} {}",
                t.code,
                t.class,
                common::short_hash(&norm(&t.text))
            ));
            for task in &t.tasks {
                out.push(format!(
                    "K {:?} {} lead={:?} coord={:?} inherited={:?}",
                    task.code,
                    common::short_hash(&norm(&task.text)),
                    task.lead,
                    task.coordinating,
                    task.inherited
                ));
            }
        }
    }
    for ind in &imp.plan.indicators {
        let values: Vec<_> = ind
            .values
            .iter()
            .map(|v| (v.year, v.value, v.max, v.comparator))
            .collect();
        out.push(format!(
            "I {:?} {:?} {:?} {:?} {:?}",
            ind.code, ind.target, ind.unit, ind.reporter, values
        ));
    }
    out
}

/// Equal shapes, or a panic showing where they part.
fn assert_same(got: &[String], expected: &[String], what: &str) {
    let first_diff = got.iter().zip(expected).position(|(a, b)| a != b);
    if let Some(i) = first_diff {
        let from = i.saturating_sub(2);
        panic!(
            "{what}: first difference at item {i}\n got:      {:#?}\n expected: {:#?}",
            &got[from..(i + 3).min(got.len())],
            &expected[from..(i + 3).min(expected.len())]
        );
    }
    assert_eq!(
        got.len(),
        expected.len(),
        "{what}: one is a prefix of the other"
    );
}

fn text_import() -> Imported {
    let text = appendix_lines().join("\n");
    import_bytes("phu-luc.txt", text.as_bytes(), &ImportOptions::default())
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn word_tables_import_to_the_same_plan() {
    let from_text = text_import();
    assert_eq!(from_text.plan.goals.len(), 17);
    assert_eq!(from_text.plan.indicators.len(), 120);
    let docx = docx_bytes(&appendix_lines());
    let from_word = import_bytes("phu-luc.docx", &docx, &ImportOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(from_word.source.layout, "markdown-tables");
    assert_same(&shape(&from_word), &shape(&from_text), "word");
}

#[test]
fn excel_sheets_import_to_the_same_plan() {
    let from_text = text_import();
    let xlsx = xlsx_bytes(&appendix_lines());
    let from_excel = import_bytes("phu-luc.xlsx", &xlsx, &ImportOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(from_excel.source.layout, "markdown-tables");
    assert_same(&shape(&from_excel), &shape(&from_text), "excel");
}
