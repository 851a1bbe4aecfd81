//! The indicator table (target | reporting unit | indicator | unit | one
//! column per year): one indicator per coded row. Empty target and reporter
//! cells repeat the row above (merged cells printed once).

use std::sync::OnceLock;

use kehoach_model::{Indicator, IndicatorValue, TargetClass};
use regex::Regex;

use super::headings::{parse_goal_heading, parse_target_heading};
use super::table::{Row, Table};
use super::tasks::short;
use crate::indicator_value::parse_value_cell;
use crate::Ctx;

/// A target as the indicator table prints it.
#[derive(Debug, Clone)]
pub struct IndicatorTarget {
    pub code: String,
    pub running: Option<u32>,
    pub text: String,
    pub class: Option<TargetClass>,
    pub line: usize,
    /// The reporting unit, resolved.
    pub reporter: Vec<String>,
}

#[derive(Debug, Default)]
pub struct IndicatorTable {
    pub targets: Vec<IndicatorTarget>,
    pub indicators: Vec<Indicator>,
}

/// Column positions, found from the header cells.
struct Columns {
    target: usize,
    reporter: Option<usize>,
    indicator: usize,
    unit: Option<usize>,
    /// (column, year), from the header or from a row of years under it.
    years: Vec<(usize, i32)>,
}

/// Is `table` an indicator table? Its header names an indicator column
/// ("Chỉ tiêu") and a unit column ("Đơn vị tính").
pub fn is_indicator_table(table: &Table) -> bool {
    table.column("chi tieu").is_some() && table.column("don vi tinh").is_some()
}

fn columns(table: &Table) -> Option<Columns> {
    let indicator = table.column("chi tieu")?;
    let mut years = year_cells(&table.header);
    if years.is_empty() {
        years = table
            .rows
            .iter()
            .take(3)
            .map(|r| year_cells(&r.cells))
            .find(|y| y.len() >= 2)?;
    }
    Some(Columns {
        target: table.column("muc tieu").unwrap_or(0),
        reporter: table
            .column("bao cao")
            .or_else(|| table.column("trach nhiem")),
        indicator,
        unit: table.column("don vi tinh"),
        years,
    })
}

fn year_cells(cells: &[String]) -> Vec<(usize, i32)> {
    cells
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let y: i32 = c.trim().parse().ok()?;
            (1990..=2100).contains(&y).then_some((i, y))
        })
        .collect()
}

fn cell(row: &Row, i: usize) -> &str {
    row.cells.get(i).map_or("", |c| c.as_str())
}

/// Reads the indicator table.
pub fn read_indicator_table(ctx: &mut Ctx, table: &Table) -> IndicatorTable {
    let mut out = IndicatorTable::default();
    let Some(cols) = columns(table) else {
        return out;
    };
    let mut target: Option<String> = None;
    let mut reporter: Vec<String> = Vec::new();
    for row in &table.rows {
        if year_cells(&row.cells).len() >= 2 {
            continue;
        }
        if !row.joined.is_empty() {
            ctx.diags.info(
                "continued-row",
                format!(
                    "row cut by a page break: the start of line(s) {} joined to the row at line {}",
                    row.joined_lines(),
                    row.line
                ),
                Some(row.line),
            );
        }
        let head = cell(row, cols.target);
        let rep = cols.reporter.map_or("", |c| cell(row, c));
        if let Some(h) = parse_target_heading(head) {
            target = Some(h.code.clone());
            reporter = resolve(ctx, rep, row.line);
            out.targets.push(IndicatorTarget {
                code: h.code,
                running: h.running,
                text: h.statement,
                class: h.class,
                line: row.line,
                reporter: reporter.clone(),
            });
        } else if parse_goal_heading(head).is_some() {
            target = None;
            reporter.clear();
            continue;
        } else if !head.is_empty() {
            unplaced(ctx, row, "the target cell is neither a heading nor empty");
            continue;
        } else if !rep.is_empty() {
            reporter = resolve(ctx, rep, row.line);
        }
        let name_cell = cell(row, cols.indicator);
        match indicator_code(name_cell) {
            Some((code, name)) => {
                let values = row_values(ctx, row, &cols);
                out.indicators.push(Indicator {
                    code: Some(code),
                    target: target.clone(),
                    name,
                    unit: cols
                        .unit
                        .map(|c| cell(row, c).to_string())
                        .filter(|u| !u.is_empty()),
                    reporter: reporter.clone(),
                    line: row.line,
                    values,
                    components: Vec::new(),
                });
            }
            None if name_cell.is_empty() => {
                if head.is_empty() && row.cells.iter().any(|c| !c.is_empty()) {
                    unplaced(ctx, row, "no target and no indicator");
                }
            }
            None => ctx.diags.info(
                "uncoded-indicator",
                format!(
                    "indicator cell without a code, not counted as an indicator: \"{}\"",
                    short(name_cell)
                ),
                Some(row.line),
            ),
        }
    }
    out
}

fn resolve(ctx: &mut Ctx, text: &str, line: usize) -> Vec<String> {
    if text.is_empty() {
        Vec::new()
    } else {
        ctx.agencies.resolve(text, line, ctx.diags)
    }
}

fn unplaced(ctx: &mut Ctx, row: &Row, why: &str) {
    let text: Vec<&str> = row
        .cells
        .iter()
        .map(String::as_str)
        .filter(|c| !c.is_empty())
        .collect();
    ctx.diags.warning(
        "unplaced-row",
        format!(
            "indicator table row not placed ({why}): \"{}\"",
            short(&text.join(" | "))
        ),
        Some(row.line),
    );
}

/// "1.1a. Tỷ lệ …" → ("1.1a", "Tỷ lệ …"); also "4.2a (UT): …", "12.4 b(UT): …",
/// "5.7.1. (KK) …", "8.10. …".
pub fn indicator_code(text: &str) -> Option<(String, String)> {
    static HEAD: OnceLock<Regex> = OnceLock::new();
    static FULL: OnceLock<Regex> = OnceLock::new();
    const HEAD_PATTERN: &str =
        r"^(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\.?\s?([a-z])?(?:\s*\((?:UT|KK)\))?\s*[.:]?\s*";
    let compile = |p: &str| Regex::new(p).unwrap_or_else(|e| panic!("bad regex: {e}"));
    let text = text.trim();
    // The name is the rest of the cell: matching only the code part and
    // slicing off the rest spares the capturing matcher a walk over the
    // whole name. Same answer: the head's greedy `\s*` leaves a rest that
    // is empty or starts with a non-space, which `(\S.*)?$` takes whole
    // unless it holds a newline (`.` stops there): then the full pattern.
    let caps = HEAD.get_or_init(|| compile(HEAD_PATTERN)).captures(text)?;
    let rest = text.get(caps.get(0)?.end()..)?;
    let (caps, name) = if rest.contains('\n') {
        let full = FULL.get_or_init(|| compile(&format!("{HEAD_PATTERN}(\\S.*)?$")));
        let caps = full.captures(text)?;
        let name = caps.get(3).map_or("", |m| m.as_str());
        (caps, name)
    } else {
        (caps, rest)
    };
    let letter = caps.get(2).map_or("", |m| m.as_str());
    let name = name.trim();
    // "1.4 các…" would read "c" as a letter; a letter is followed by punctuation or a capital.
    if !letter.is_empty() && name.starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    Some((
        format!("{}{letter}", caps.get(1)?.as_str()),
        name.to_string(),
    ))
}

/// The year cells of a row. A fragment narrower than the header prints
/// the later years as one merged cell; four numbers packed into one cell
/// are spread over the years. Both are reported.
fn row_values(ctx: &mut Ctx, row: &Row, cols: &Columns) -> Vec<IndicatorValue> {
    let present: Vec<(usize, i32, &str)> = cols
        .years
        .iter()
        .filter(|(c, _)| *c < row.width)
        .map(|&(c, y)| (c, y, cell(row, c)))
        .collect();
    let filled: Vec<&(usize, i32, &str)> = present.iter().filter(|p| !p.2.is_empty()).collect();
    if let [only] = filled.as_slice() {
        if let Some(values) = packed(only.2, &cols.years) {
            ctx.diags.warning(
                "packed-year-values",
                format!(
                    "one cell holds a value for each year, spread over the years: \"{}\"",
                    only.2
                ),
                Some(row.line),
            );
            return values;
        }
    }
    let merged = present.len() < cols.years.len();
    let last = present.last().map(|p| p.0);
    let mut values = Vec::new();
    for (c, y, text) in present.iter().filter(|p| !p.2.is_empty()) {
        if merged && Some(*c) == last {
            ctx.diags.info(
                "merged-year-columns",
                format!(
                    "the cell \"{text}\" spans the years from {y} on; read with no single year"
                ),
                Some(row.line),
            );
            values.push(parse_value_cell(text, None));
        } else {
            values.push(parse_value_cell(text, Some(*y)));
        }
    }
    values
}

fn packed(text: &str, years: &[(usize, i32)]) -> Option<Vec<IndicatorValue>> {
    let parts: Vec<&str> = text.split_whitespace().collect();
    if parts.len() != years.len() || parts.len() < 2 {
        return None;
    }
    if !parts.iter().all(|p| kehoach_vi::parse_number(p).is_some()) {
        return None;
    }
    Some(
        parts
            .iter()
            .zip(years)
            .map(|(p, (_, y))| parse_value_cell(p, Some(*y)))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::indicator_code;

    #[test]
    fn codes_in_their_spellings() {
        let code = |s: &str| indicator_code(s).map(|c| c.0);
        assert_eq!(code("1.1a. Tỷ lệ"), Some("1.1a".into()));
        // `.` does not cross a newline: no code, as with the whole pattern.
        assert_eq!(code("1.1a. Tỷ\nlệ"), None);
        assert_eq!(code("1.1a.\nTỷ lệ").as_deref(), Some("1.1a"));
        assert_eq!(code("3.1b: Tỷ suất"), Some("3.1b".into()));
        assert_eq!(code("3.9(KK). Tỷ lệ"), Some("3.9".into()));
        assert_eq!(code("4.2a (UT): Tỷ lệ"), Some("4.2a".into()));
        assert_eq!(code("12.4 b(UT): Tỷ lệ"), Some("12.4b".into()));
        assert_eq!(code("5.7.1. (KK) Tỷ lệ"), Some("5.7.1".into()));
        assert_eq!(code("8.10. Tăng"), Some("8.10".into()));
        assert_eq!(code("1.4. Số cán bộ"), Some("1.4".into()));
        assert_eq!(
            indicator_code("1.1a. Tỷ lệ").map(|c| c.1),
            Some("Tỷ lệ".into())
        );
        assert_eq!(code("Đề xuất sau"), None);
    }
}
