//! One pass over word/document.xml with quick-xml: no tree is built, and
//! nesting is bounded, so a hostile file costs at most its (capped) size.

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::Reader;

use super::table::{Cell, Row, Table, VMerge};

/// Real documents nest a few dozen levels; far deeper is an attack.
const MAX_DEPTH: usize = 512;

#[derive(Default)]
struct Walker {
    lines: Vec<String>,
    /// Open paragraphs, innermost last (a text box puts one inside another).
    paragraphs: Vec<String>,
    /// Open tables, innermost last.
    tables: Vec<Table>,
    depth: usize,
    /// Inside w:t, whose text is the document's text.
    in_text: bool,
    runs: usize,
    /// Depth of a subtree being skipped (a fallback copy of a text box).
    skip_from: Option<usize>,
}

/// The document's lines, or why the XML cannot be read.
pub fn render_document(xml: &[u8]) -> Result<Vec<String>, String> {
    let mut reader = Reader::from_reader(xml);
    let mut walker = Walker::default();
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("bad XML at byte {} ({e})", reader.error_position()))?;
        match event {
            Event::Start(e) => walker.start(&e, false)?,
            Event::Empty(e) => walker.start(&e, true)?,
            Event::End(e) => walker.end(e.local_name().as_ref())?,
            Event::Text(t) => {
                let text = t.decode().map_err(|e| format!("bad text ({e})"))?;
                walker.text(&text);
            }
            Event::CData(t) => {
                let text = t.decode().map_err(|e| format!("bad text ({e})"))?;
                walker.text(&text);
            }
            Event::GeneralRef(r) => walker.text(&resolve_reference(&r)),
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(walker.lines)
}

fn resolve_reference(r: &BytesRef<'_>) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    let name = r.decode().unwrap_or_default();
    quick_xml::escape::resolve_predefined_entity(&name)
        .unwrap_or_default()
        .to_string()
}

impl Walker {
    fn start(&mut self, e: &BytesStart<'_>, empty: bool) -> Result<(), String> {
        if !empty {
            self.depth += 1;
            if self.depth > MAX_DEPTH {
                return Err(format!("XML nested more than {MAX_DEPTH} levels deep"));
            }
        }
        if self.skip_from.is_some() {
            return Ok(());
        }
        let name = e.local_name();
        match name.as_ref() {
            b"Fallback" if !empty => self.skip_from = Some(self.depth),
            b"p" if !empty => self.paragraphs.push(String::new()),
            b"r" if !empty => self.runs += 1,
            b"t" if !empty => self.in_text = true,
            b"tab" | b"noBreakHyphen" if self.runs > 0 => {
                let c = if name.as_ref() == b"tab" { " " } else { "-" };
                self.push_text(c);
            }
            b"br" | b"cr" if self.runs > 0 => self.push_text("\n"),
            b"tbl" if !empty => self.tables.push(Table::default()),
            b"tr" => self.start_row(empty),
            b"tc" => self.start_cell(empty),
            b"gridSpan" => {
                let span = attr_number(e).unwrap_or(1);
                if let Some(cell) = self.open_cell() {
                    cell.span = span;
                }
            }
            b"gridBefore" => {
                let before = attr_number(e).unwrap_or(0);
                if let Some(row) = self.tables.last_mut().and_then(|t| t.rows.last_mut()) {
                    row.grid_before = before;
                }
            }
            b"vMerge" => {
                let restart = attr_value(e).is_some_and(|v| v == "restart");
                if let Some(cell) = self.open_cell() {
                    cell.vmerge = if restart {
                        VMerge::Restart
                    } else {
                        VMerge::Continue
                    };
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, name: &[u8]) -> Result<(), String> {
        let skipping = self.skip_from.is_some();
        if self.skip_from == Some(self.depth) {
            self.skip_from = None;
        }
        self.depth = self.depth.saturating_sub(1);
        if skipping {
            return Ok(());
        }
        match name {
            b"p" => self.end_paragraph(),
            b"r" => self.runs = self.runs.saturating_sub(1),
            b"t" => self.in_text = false,
            b"tc" => {
                if let Some(table) = self.tables.last_mut() {
                    table.close_cell();
                }
            }
            b"tbl" => self.end_table()?,
            _ => {}
        }
        Ok(())
    }

    fn text(&mut self, text: &str) {
        if self.in_text && self.skip_from.is_none() {
            self.push_text(text);
        }
    }

    fn push_text(&mut self, text: &str) {
        if let Some(paragraph) = self.paragraphs.last_mut() {
            paragraph.push_str(text);
        }
    }

    fn start_row(&mut self, empty: bool) {
        if let Some(table) = self.tables.last_mut() {
            table.close_cell();
            table.rows.push(Row::default());
            if empty {
                table.close_cell();
            }
        }
    }

    fn start_cell(&mut self, empty: bool) {
        if let Some(table) = self.tables.last_mut() {
            table.close_cell();
            table.open_cell = Some(Cell {
                span: 1,
                ..Cell::default()
            });
            if empty {
                table.close_cell();
            }
        }
    }

    fn open_cell(&mut self) -> Option<&mut Cell> {
        self.tables.last_mut().and_then(|t| t.open_cell.as_mut())
    }

    /// A paragraph goes to the paragraph around it (a text box), else to
    /// the open table cell, else it is a line of the document.
    fn end_paragraph(&mut self) {
        let Some(text) = self.paragraphs.pop() else {
            return;
        };
        if let Some(outer) = self.paragraphs.last_mut() {
            if !text.trim().is_empty() {
                outer.push(' ');
                outer.push_str(&text);
            }
            return;
        }
        if let Some(cell) = self.open_cell() {
            cell.paragraphs.push(text);
            return;
        }
        self.lines.extend(text.split('\n').map(str::to_string));
    }

    fn end_table(&mut self) -> Result<(), String> {
        let Some(mut table) = self.tables.pop() else {
            return Ok(());
        };
        table.close_cell();
        if let Some(cell) = self.open_cell() {
            cell.paragraphs.push(table.plain_text());
            return Ok(());
        }
        if self.lines.last().is_some_and(|l| l.starts_with('|')) {
            self.lines.push(String::new());
        }
        self.lines.extend(table.render()?);
        Ok(())
    }
}

fn attr_value(e: &BytesStart<'_>) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == b"val")
            .then(|| String::from_utf8_lossy(&a.value).into_owned())
    })
}

fn attr_number(e: &BytesStart<'_>) -> Option<usize> {
    attr_value(e).and_then(|v| v.trim().parse().ok())
}
