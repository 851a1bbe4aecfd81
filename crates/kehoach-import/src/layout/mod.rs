//! Layout families: how a plan's tree is laid out in the text. Detection
//! looks at the shape of the lines; each family has its own parser.

pub mod agency_prose;
pub mod cell_lines;
pub mod labeled_cells;
pub mod markdown_tables;

use kehoach_model::{Goal, Indicator, Task};

use crate::{Ctx, SourceText};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayoutKind {
    /// One table cell per line, merged cells printed once (Bến Tre 2018, Hải Phòng).
    CellLines,
    /// "Chủ trì:" / "Phối hợp:" labels, then content paragraphs (Quảng Ninh).
    LabeledCells,
    /// Markdown tables with HTML fragments, split at page breaks (Kiên Giang).
    MarkdownTables,
    /// Prose organised by responsible agency, numbered key indicators (Bến Tre 2023).
    AgencyProse,
    /// Nothing recognisable: a header-only document, or a layout not yet known.
    Unknown,
}

impl LayoutKind {
    /// The name used in the contract's `source.layout`.
    pub fn name(self) -> &'static str {
        match self {
            LayoutKind::CellLines => "cell-lines",
            LayoutKind::LabeledCells => "labeled-cells",
            LayoutKind::MarkdownTables => "markdown-tables",
            LayoutKind::AgencyProse => "agency-prose",
            LayoutKind::Unknown => "unknown",
        }
    }
}

/// What a layout parser finds: the plan's tree, free tasks and indicators.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Body {
    pub goals: Vec<Goal>,
    pub tasks: Vec<Task>,
    pub indicators: Vec<Indicator>,
}

impl Body {
    pub fn is_empty(&self) -> bool {
        self.goals.is_empty() && self.tasks.is_empty() && self.indicators.is_empty()
    }
}

/// Picks the layout family from the shape of the lines.
pub fn detect(src: &SourceText) -> LayoutKind {
    let mut pipes = 0;
    let mut labels = 0;
    let mut bare_codes = 0;
    let mut numbered_paren = 0;
    for line in src.non_blank() {
        let t = line.text.as_str();
        if t.starts_with('|') {
            pipes += 1;
        } else if t.starts_with("Chủ trì:") || t.starts_with("Chủ trì :") {
            labels += 1;
        } else if is_bare_code(t) {
            bare_codes += 1;
        } else if starts_with_paren_number(t) {
            numbered_paren += 1;
        }
    }
    if pipes >= 20 {
        LayoutKind::MarkdownTables
    } else if labels >= 20 {
        LayoutKind::LabeledCells
    } else if bare_codes >= 30 {
        LayoutKind::CellLines
    } else if numbered_paren >= 5 {
        LayoutKind::AgencyProse
    } else {
        LayoutKind::Unknown
    }
}

/// A line holding only a row number: "12", "1.1", "1.1.2.".
fn is_bare_code(t: &str) -> bool {
    !t.is_empty()
        && t.len() <= 12
        && t.starts_with(|c: char| c.is_ascii_digit())
        && t.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// "3) Tổng vốn đầu tư…"
fn starts_with_paren_number(t: &str) -> bool {
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    (1..=2).contains(&digits) && t[digits..].starts_with(')')
}

pub fn parse(kind: LayoutKind, ctx: &mut Ctx) -> Body {
    match kind {
        LayoutKind::CellLines => cell_lines::parse(ctx),
        LayoutKind::LabeledCells => labeled_cells::parse(ctx),
        LayoutKind::MarkdownTables => markdown_tables::parse(ctx),
        LayoutKind::AgencyProse => agency_prose::parse(ctx),
        LayoutKind::Unknown => Body::default(),
    }
}

/// For parser unit tests: a layout parser run on a text of the test's own.
#[cfg(test)]
pub(crate) mod testing {
    use super::Body;
    use crate::agency::{AgencyBook, Registry};
    use crate::diagnostics::Diagnostics;
    use crate::{Ctx, SourceText};

    pub fn run(text: &str, parse: fn(&mut Ctx) -> Body) -> (Body, Diagnostics) {
        let src = SourceText::from_text(text);
        let mut agencies = AgencyBook::new(Registry::builtin());
        let mut diags = Diagnostics::default();
        let mut ctx = Ctx {
            src: &src,
            agencies: &mut agencies,
            diags: &mut diags,
        };
        let body = parse(&mut ctx);
        (body, diags)
    }
}
