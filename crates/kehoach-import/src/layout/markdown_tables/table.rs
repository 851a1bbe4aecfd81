//! Generic reading of markdown pipe tables: rows and cells, HTML fragments
//! stripped to paragraphs, page-split fragments regrouped into one logical
//! table, and rows cut by a page break joined back.
//!
//! Nothing here knows a particular document: a converted PDF prints every
//! page as its own table (the header repeated, or left empty), and the
//! `.docx`/`.xlsx` readers print one table as one run of pipe lines; both
//! come out of [`read_tables`] as the same logical tables.

use std::sync::OnceLock;

use regex::Regex;

use crate::SourceText;

/// One row: its cells as paragraphs of plain text (HTML removed, paragraph
/// and list boundaries kept as `'\n'`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The line of the row (of its first part, for a joined row).
    pub line: usize,
    pub cells: Vec<String>,
    /// The number of columns of the fragment the row was printed in.
    pub width: usize,
    /// The row is the first one printed after a repeated header (a page break).
    pub starts_fragment: bool,
    /// Lines of rows after a page break whose first paragraphs finished cells of this row.
    pub joined: Vec<usize>,
}

impl Row {
    /// "411, 415": the lines joined into this row, for messages.
    pub fn joined_lines(&self) -> String {
        self.joined
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A logical table: the header of its first fragment and every data row of
/// all its fragments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<String>,
    /// Line of the first header (or first row).
    pub line: usize,
    pub rows: Vec<Row>,
}

impl Table {
    /// The index of the first header cell whose folded text contains `needle` (folded).
    pub fn column(&self, needle: &str) -> Option<usize> {
        let needle = kehoach_vi::fold(needle);
        self.header
            .iter()
            .position(|h| kehoach_vi::fold(h).contains(&needle))
    }
}

/// One run of consecutive pipe lines.
struct Fragment {
    header: Option<(usize, Vec<String>)>,
    rows: Vec<(usize, Vec<String>)>,
    width: usize,
}

/// Reads every logical table of `src`. `continues(prev, next)` tells whether
/// a cell's text `next`, printed first after a page break, continues `prev`
/// (the cell above it); [`continues_text`] is the usual test.
pub fn read_tables(src: &SourceText, continues: &dyn Fn(&str, &str) -> bool) -> Vec<Table> {
    let mut tables: Vec<Table> = Vec::new();
    for fragment in fragments(src) {
        let width = fragment.width;
        let continuing = tables
            .last()
            .is_some_and(|t| continues_table(t, fragment.header.as_ref().map(|h| &h.1)));
        if !continuing {
            let (line, header) = match &fragment.header {
                Some((line, cells)) => (*line, cells.clone()),
                None => (fragment.rows.first().map_or(0, |r| r.0), Vec::new()),
            };
            tables.push(Table {
                header,
                line,
                rows: Vec::new(),
            });
        }
        let Some(table) = tables.last_mut() else {
            continue;
        };
        for (i, (line, cells)) in fragment.rows.into_iter().enumerate() {
            let row = Row {
                line,
                cells,
                width,
                starts_fragment: continuing && i == 0,
                joined: Vec::new(),
            };
            push_row(table, row, continues);
        }
    }
    tables
}

/// A fragment continues the table above when its header repeats that
/// table's header or is empty (later pages often print a blank header row).
fn continues_table(table: &Table, header: Option<&Vec<String>>) -> bool {
    match header {
        None => true,
        Some(cells) if cells.iter().all(|c| c.is_empty()) => true,
        Some(cells) => same_header(&table.header, cells),
    }
}

fn same_header(a: &[String], b: &[String]) -> bool {
    let key = |cells: &[String]| {
        cells
            .iter()
            .map(|c| kehoach_vi::fold(c))
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>()
    };
    key(a) == key(b)
}

/// The first row after a page break may finish paragraphs the page cut:
/// the first paragraph of each continuing cell goes onto the cell above;
/// what remains of the row (later paragraphs, other cells) stays a row of
/// its own, since it may start new content (a heading, a new record).
fn push_row(table: &mut Table, mut row: Row, continues: &dyn Fn(&str, &str) -> bool) {
    if row.cells.iter().all(|c| c.is_empty()) {
        return;
    }
    let Some(prev) = table.rows.last_mut().filter(|_| row.starts_fragment) else {
        table.rows.push(row);
        return;
    };
    // A page printed with fewer columns lost its leading ones (a merged
    // first column): its cells sit under the right-hand cells above.
    let offset = prev.width.saturating_sub(row.width);
    let mut joined = false;
    for (i, next) in row.cells.iter_mut().enumerate() {
        let Some(above) = prev.cells.get_mut(i + offset) else {
            continue;
        };
        let first = next.split('\n').next().unwrap_or("");
        if next.is_empty() || above.is_empty() || !continues(above, first) {
            continue;
        }
        above.push(' ');
        above.push_str(first);
        let rest = next.split_once('\n').map_or("", |(_, r)| r).to_string();
        *next = rest;
        joined = true;
    }
    if joined {
        prev.joined.push(row.line);
    }
    if row.cells.iter().any(|c| !c.is_empty()) {
        table.rows.push(row);
    }
}

/// Text shorter than this is a value ("Người", "%"), not prose a page can cut.
const MIN_CUT_TEXT: usize = 20;

/// The usual continuation test: the text below starts in lower case (a word
/// or a name cut by the page) under prose, or the text above stops on a
/// separator that announces more (a comma, a semicolon, a hyphen, "và").
pub fn continues_text(prev: &str, next: &str) -> bool {
    let prev = prev.trim_end();
    let last_para = prev.rsplit('\n').next().unwrap_or(prev);
    let starts_lower = next
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_lowercase())
        && last_para.chars().count() >= MIN_CUT_TEXT;
    let open_end = prev.ends_with([',', ';', '-', '–', '(']) || prev.ends_with(" và");
    starts_lower || open_end
}

fn fragments(src: &SourceText) -> Vec<Fragment> {
    let mut out = Vec::new();
    let mut run: Vec<(usize, &str)> = Vec::new();
    for line in &src.lines {
        let t = line.text.as_str();
        if t.starts_with('|') {
            run.push((line.no, t));
        } else if !run.is_empty() {
            out.push(fragment(&run));
            run.clear();
        }
    }
    if !run.is_empty() {
        out.push(fragment(&run));
    }
    out
}

fn fragment(lines: &[(usize, &str)]) -> Fragment {
    let has_header = lines.get(1).is_some_and(|(_, t)| is_separator(t));
    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    let mut header = None;
    let mut width = 0;
    for (i, (no, text)) in lines.iter().enumerate() {
        if has_header && i == 1 {
            width = width.max(split_cells(text).len());
            continue;
        }
        let cells = plain_cells(text);
        width = width.max(cells.len());
        if has_header && i == 0 {
            header = Some((*no, cells));
        } else {
            rows.push((*no, cells));
        }
    }
    Fragment {
        header,
        rows,
        width,
    }
}

/// "|---|:--:|" and its shorter or longer forms.
pub fn is_separator(text: &str) -> bool {
    let is_rule = |c: &str| {
        let c = c.trim();
        !c.is_empty() && c.contains('-') && c.chars().all(|ch| matches!(ch, '-' | ':'))
    };
    let inner = cells_inner(text);
    if inner.contains("\\|") {
        return split_cells(text).iter().all(|c| is_rule(c));
    }
    inner.split('|').all(is_rule)
}

/// The cells of one pipe line as plain paragraphs ([`strip_html`] of each
/// of [`split_cells`]), without an intermediate copy of each cell when no
/// bar is escaped (the common case).
fn plain_cells(text: &str) -> Vec<String> {
    let inner = cells_inner(text);
    if inner.contains("\\|") {
        return split_cells(text).iter().map(|c| strip_html(c)).collect();
    }
    inner.split('|').map(|c| strip_html(c.trim())).collect()
}

/// A pipe line without its outer spacing and outer bars.
fn cells_inner(text: &str) -> &str {
    let inner = text.trim();
    let inner = inner.strip_prefix('|').unwrap_or(inner);
    inner.strip_suffix('|').unwrap_or(inner)
}

/// The raw cells of one pipe line; "\|" is a literal bar.
pub fn split_cells(text: &str) -> Vec<String> {
    let inner = cells_inner(text);
    // Escaped bars are rare: without one, the bars simply split.
    if !inner.contains("\\|") {
        return inner.split('|').map(|c| c.trim().to_string()).collect();
    }
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' if chars.peek() == Some(&'|') => {
                cell.push('|');
                chars.next();
            }
            '|' => cells.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    cells.push(cell);
    cells.into_iter().map(|c| c.trim().to_string()).collect()
}

/// A cell's HTML reduced to plain paragraphs: block tags (`<p>`, `<ul>`,
/// `<li>`, `<br>`, closed or not) become paragraph breaks, inline tags
/// vanish, common entities are decoded. A "<" not opening a tag ("<3%") stays.
pub fn strip_html(cell: &str) -> String {
    // Plain text (most cells): nothing to strip, decode or split.
    if !cell.contains(['<', '&', '\n']) {
        return kehoach_vi::clean_line(cell);
    }
    static TAG: OnceLock<Regex> = OnceLock::new();
    let tag = TAG.get_or_init(|| {
        Regex::new(r"</?([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>")
            .unwrap_or_else(|e| panic!("bad regex: {e}"))
    });
    let mut out = String::with_capacity(cell.len());
    let mut last = 0;
    // Every tag has a '<': most cells have none and skip the regex. Matches
    // are found without captures (cheaper): the name is the run of letters
    // and digits after "<" or "</", as the pattern's group would take it.
    let tags = cell
        .contains('<')
        .then(|| tag.find_iter(cell))
        .into_iter()
        .flatten();
    for m in tags {
        out.push_str(&cell[last..m.start()]);
        let after_bracket = m.as_str().trim_start_matches('<').trim_start_matches('/');
        let name_len = after_bracket
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(after_bracket.len());
        let block = matches!(
            after_bracket[..name_len].to_ascii_lowercase().as_str(),
            "p" | "ul" | "ol" | "li" | "br" | "div" | "tr" | "td"
        );
        out.push(if block { '\n' } else { ' ' });
        last = m.end();
    }
    out.push_str(&cell[last..]);
    let decoded = if out.contains('&') {
        out.replace("&nbsp;", " ")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&")
    } else {
        out
    };
    // One paragraph (the common case): no need to split and join.
    if !decoded.contains('\n') {
        return kehoach_vi::clean_line(&decoded);
    }
    decoded
        .split('\n')
        .map(kehoach_vi::clean_line)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(text: &str) -> Vec<Table> {
        read_tables(&SourceText::from_text(text), &continues_text)
    }

    #[test]
    fn html_is_stripped_to_paragraphs() {
        assert_eq!(
            strip_html("<p>a.</p> <ul style=\"x\"> - Một <i>hai</i> ba"),
            "a.\n- Một hai ba"
        );
        assert_eq!(strip_html("nợ xấu <3% &amp; hơn"), "nợ xấu <3% & hơn");
        assert_eq!(strip_html("<p></p>"), "");
        assert_eq!(strip_html("a<BR/>b<Td2 x>c<span\tid=1>d"), "a\nb c d");
    }

    #[test]
    fn cells_split_on_bars() {
        assert_eq!(split_cells("| a | b \\| c | |"), vec!["a", "b | c", ""]);
        assert!(is_separator("|--|:---:|"));
        assert!(!is_separator("| a | - |"));
    }

    #[test]
    fn a_row_cut_by_a_page_break_is_joined() {
        let text = "\
| Việc | Ai |
|---|---|
| <p>Làm một</p> | Chủ trì: Sở Y tế Phối hợp: Sở Kế hoạch |

| Việc | Ai |
|--|--|
| <ul> - Làm hai | và Đầu tư, Sở Tài chính |
| Làm ba | Sở Tài chính |
";
        let t = tables(text);
        assert_eq!(t.len(), 1, "repeated header: one logical table");
        let rows = &t[0].rows;
        assert_eq!(rows.len(), 3);
        assert_eq!(
            rows[0].cells[1],
            "Chủ trì: Sở Y tế Phối hợp: Sở Kế hoạch và Đầu tư, Sở Tài chính"
        );
        assert_eq!(
            rows[0].cells[0], "Làm một",
            "a new bullet is not a continuation"
        );
        assert_eq!(rows[0].joined, vec![7]);
        assert_eq!(rows[1].cells, vec!["- Làm hai", ""]);
        assert!(rows[1].starts_fragment);
        assert_eq!((rows[2].line, rows[2].starts_fragment), (8, false));
    }

    #[test]
    fn only_the_cut_paragraph_is_joined() {
        let text = "\
| Việc | Ai |
|---|---|
| <p>Mục tiêu dài bị trang in</p> | |

| Việc | Ai |
|---|---|
| <i>cắt ở trang sau</i> <p>Mục tiêu mới</p> | |
";
        let rows = &tables(text)[0].rows;
        assert_eq!(rows[0].cells[0], "Mục tiêu dài bị trang in cắt ở trang sau");
        assert_eq!(rows[1].cells[0], "Mục tiêu mới");
        assert_eq!(rows[1].line, 7);
    }

    #[test]
    fn a_narrower_page_aligns_on_the_right() {
        let text = "\
| Việc | Ai | |
|---|---|---|
| Mục tiêu | Làm việc đến hết trang này và | Phối hợp: Sở Y tế, các tổ |

| Việc | Ai |
|---|---|
| sang trang sau | chức chính trị - xã hội |
";
        let rows = &tables(text)[0].rows;
        assert_eq!(rows.len(), 1);
        assert_eq!(
            rows[0].cells[1],
            "Làm việc đến hết trang này và sang trang sau"
        );
        assert_eq!(
            rows[0].cells[2],
            "Phối hợp: Sở Y tế, các tổ chức chính trị - xã hội"
        );
    }

    #[test]
    fn a_new_record_after_a_cut_stays_a_row() {
        let text = "\
| Mục tiêu | Chỉ tiêu |
|---|---|
| Mục tiêu rất dài bị trang | 1.1a. Một | Người |

| | |
|---|---|
| cắt ở trang sau | 1.1b. Hai | ca/1000 người |
";
        let t = tables(text);
        assert_eq!(t.len(), 1, "an empty header continues the table");
        let rows = &t[0].rows;
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[0].cells[0],
            "Mục tiêu rất dài bị trang cắt ở trang sau"
        );
        assert_eq!(
            rows[1].cells,
            vec!["", "1.1b. Hai", "ca/1000 người"],
            "a short value is not cut prose"
        );
        assert_eq!(rows[1].line, 7);
    }

    #[test]
    fn a_different_header_starts_a_new_table() {
        let text = "| A | B |\n|---|---|\n| 1 | 2 |\n\n| C | D |\n|---|---|\n| 3 | 4 |\n";
        let t = tables(text);
        assert_eq!(t.len(), 2);
        assert_eq!(t[1].column("d"), Some(1));
        assert!(!t[1].rows[0].starts_fragment);
    }
}
