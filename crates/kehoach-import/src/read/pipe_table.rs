//! Tables rendered as markdown pipe lines, the shape the markdown-table
//! layout parser reads: a header row, a separator, then one line per row.

/// Wider tables are not plan tables; the cap keeps hostile files bounded.
pub const MAX_COLUMNS: usize = 256;
/// Rows × columns past this are refused rather than padded out in memory.
pub const MAX_CELLS: usize = 4_000_000;

/// Renders rows (already expanded for merged cells) as pipe lines. Every row
/// is padded to the widest row, so each line has the same number of cells.
pub fn render(rows: &[Vec<String>]) -> Vec<String> {
    let width = rows
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0)
        .min(MAX_COLUMNS);
    if width == 0 {
        return Vec::new();
    }
    let mut lines = Vec::with_capacity(rows.len() + 1);
    for (i, row) in rows.iter().enumerate() {
        lines.push(render_row(row, width));
        if i == 0 {
            lines.push(separator(width));
        }
    }
    lines
}

fn render_row(row: &[String], width: usize) -> String {
    let mut line = String::from("|");
    for col in 0..width {
        let cell = row.get(col).map(|c| escape_cell(c)).unwrap_or_default();
        if cell.is_empty() {
            line.push_str(" |");
        } else {
            line.push(' ');
            line.push_str(&cell);
            line.push_str(" |");
        }
    }
    line
}

fn separator(width: usize) -> String {
    let mut line = String::from("|");
    for _ in 0..width {
        line.push_str("---|");
    }
    line
}

/// One cell on one line. Paragraphs inside the cell (line breaks) are kept
/// as "<br>", the convention of tables on legal portals, so that a parser
/// sees a cell's paragraphs as it would in their web text; other runs of
/// whitespace become one space, and a "|" is escaped so it does not split
/// the cell.
pub fn escape_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for paragraph in text.split('\n') {
        let mut words = paragraph.split_whitespace().peekable();
        if words.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("<br>");
        }
        let mut first = true;
        for word in words {
            if !first {
                out.push(' ');
            }
            first = false;
            out.push_str(&word.replace('|', "\\|"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn pads_short_rows_and_escapes_pipes() {
        let lines = render(&[row(&["A", "B"]), row(&["x|y"])]);
        assert_eq!(lines, ["| A | B |", "|---|---|", "| x\\|y | |"]);
    }

    #[test]
    fn no_columns_no_lines() {
        assert!(render(&[Vec::new()]).is_empty());
    }
}
