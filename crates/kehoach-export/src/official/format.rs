//! Page geometry and typography of an administrative document, from Decree
//! 30/2020/NĐ-CP, Appendix I, Part I (docs/OFFICIAL-REPORT.md lists each
//! rule with its item). Every run states its font and size itself, so the
//! document reads the same in any editor whatever its default style.

use docx_rs::{
    AlignmentType, BorderType, LineSpacing, LineSpacingType, PageMargin, Paragraph,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, SpecialIndentType,
};

/// Item I.4: Times New Roman, Unicode (TCVN 6909:2001), black.
pub(crate) const FONT: &str = "Times New Roman";

/// A4 (item I.1), in twentieths of a point.
pub(crate) const A4_WIDTH: u32 = 11_906;
pub(crate) const A4_HEIGHT: u32 = 16_838;

/// Millimetres to twentieths of a point (1 inch = 25.4 mm = 1440).
pub(crate) const fn mm(millimetres: i32) -> i32 {
    (millimetres * 14_400 + 127) / 254
}

/// Item I.3: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm; the
/// narrowest allowed, which leaves the most room for the appendix table.
pub(crate) const TOP_MM: i32 = 20;
pub(crate) const BOTTOM_MM: i32 = 20;
pub(crate) const LEFT_MM: i32 = 30;
pub(crate) const RIGHT_MM: i32 = 15;

pub(crate) fn margins() -> PageMargin {
    PageMargin::new()
        .top(mm(TOP_MM))
        .bottom(mm(BOTTOM_MM))
        .left(mm(LEFT_MM))
        .right(mm(RIGHT_MM))
        // The page number sits in the top margin (item I.7).
        .header(mm(10))
        .footer(mm(10))
}

/// The writing width of a portrait page, in twentieths of a point.
pub(crate) fn portrait_width() -> usize {
    usize::try_from(A4_WIDTH as i32 - mm(LEFT_MM) - mm(RIGHT_MM)).unwrap_or(9_000)
}

/// The writing width of a landscape page (the appendix).
pub(crate) fn landscape_width() -> usize {
    usize::try_from(A4_HEIGHT as i32 - mm(LEFT_MM) - mm(RIGHT_MM)).unwrap_or(13_000)
}

/// Sizes in points; docx counts half points.
pub(crate) const BODY_PT: usize = 14;
/// The country's name and the agencies' names: 12–13 pt (items II.1a,
/// II.2); 12 keeps the country's name on one line in its column.
pub(crate) const HEADING_PT: usize = 12;
/// The motto (13–14 pt, item II.1b) and the number (13 pt, item II.3).
pub(crate) const MOTTO_PT: usize = 13;
pub(crate) const RECIPIENTS_LABEL_PT: usize = 12;
pub(crate) const RECIPIENTS_PT: usize = 11;
pub(crate) const TABLE_PT: usize = 12;

/// How a run looks: size in points, bold, italic.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Look {
    pub pt: usize,
    pub bold: bool,
    pub italic: bool,
}

impl Look {
    pub(crate) const fn plain(pt: usize) -> Look {
        Look {
            pt,
            bold: false,
            italic: false,
        }
    }

    pub(crate) const fn bold(pt: usize) -> Look {
        Look {
            pt,
            bold: true,
            italic: false,
        }
    }

    pub(crate) const fn italic(pt: usize) -> Look {
        Look {
            pt,
            bold: false,
            italic: true,
        }
    }

    pub(crate) const fn bold_italic(pt: usize) -> Look {
        Look {
            pt,
            bold: true,
            italic: true,
        }
    }
}

pub(crate) fn run(text: &str, look: Look) -> Run {
    let fonts = RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT);
    let mut run = Run::new().add_text(text).fonts(fonts).size(look.pt * 2);
    if look.bold {
        run = run.bold();
    }
    if look.italic {
        run = run.italic();
    }
    run
}

/// Single line spacing with `after` points below: the heading block and
/// tables, where the decree asks for single spacing.
pub(crate) fn tight(after_pt: u32) -> LineSpacing {
    LineSpacing::new().before(0).after(after_pt * 20).line(240)
}

/// A paragraph of one run.
pub(crate) fn para(text: &str, look: Look, align: AlignmentType) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, look))
        .align(align)
        .line_spacing(tight(0))
}

/// Body text (item II.6): justified, first line indented 1–1.27 cm, at
/// least 6 pt between paragraphs, line spacing from single to 1.5 lines.
pub(crate) fn body(text: &str, look: Look) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, look))
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(mm(10))), None, None)
        .line_spacing(LineSpacing::new().before(120).after(0).line(288))
}

/// A solid line `width` twentieths of a point long, centred in a column
/// `column` wide, just below the paragraph before it: the rules under the
/// agency's name, the motto and the title. An empty paragraph a few points
/// high carries it as its bottom border, so the text above keeps its width.
pub(crate) fn rule(column: usize, width: usize) -> Paragraph {
    let side = i32::try_from(column.saturating_sub(width) / 2).unwrap_or(0);
    let mut p = Paragraph::new()
        .indent(Some(side), None, Some(side), None)
        .line_spacing(
            LineSpacing::new()
                .before(0)
                .after(120)
                .line(100)
                .line_rule(LineSpacingType::Exact),
        )
        .size(2);
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(6)
                .space(0)
                .color("000000"),
        ),
    );
    p
}

/// The printed width of a line of text, roughly: Times New Roman averages
/// about half an em per character, capitals and bold a little more.
pub(crate) fn text_width(text: &str, look: Look) -> usize {
    let per_char = if look.bold { 11 } else { 10 };
    let capitals = text.chars().filter(|c| c.is_uppercase()).count();
    let chars = text.chars().count();
    (chars * per_char + capitals * 2) * look.pt
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn margins_are_the_decree_minimums_in_twips() {
        // 20 mm = 1134, 30 mm = 1701, 15 mm = 850 twentieths of a point.
        assert_eq!(mm(20), 1134);
        assert_eq!(mm(30), 1701);
        assert_eq!(mm(15), 850);
        assert_eq!(portrait_width(), 11_906 - 1701 - 850);
    }

    #[test]
    fn wider_text_measures_wider() {
        let motto = text_width("Độc lập - Tự do - Hạnh phúc", Look::bold(14));
        let body = text_width("SỞ TÀI CHÍNH", Look::bold(13));
        assert!(motto > body);
        // The motto fits the right column of the heading table.
        assert!(motto < portrait_width() * 3 / 5);
    }
}
