//! The foot of the report: the recipients bottom left (box 9a) and the
//! signature block bottom right (boxes 7a–7c), side by side in a
//! borderless table as in the decree's model.

use docx_rs::{AlignmentType, LineSpacing, Paragraph, Table, TableCell, TableRow, WidthType};

use super::format::{para, portrait_width, Look, BODY_PT, RECIPIENTS_LABEL_PT, RECIPIENTS_PT};
use super::ReportHeading;

pub(crate) const RECIPIENTS_LABEL: &str = "Nơi nhận:";

pub(crate) fn closing_table(h: &ReportHeading) -> Table {
    let width = portrait_width();
    let left = width * 2 / 5;
    let right = width - left;
    let row = TableRow::new(vec![cell(recipients(h), left), cell(signature(h), right)]);
    Table::without_borders(vec![row])
        .set_grid(vec![left, right])
        .width(width, WidthType::Dxa)
}

fn cell(paragraphs: Vec<Paragraph>, width: usize) -> TableCell {
    paragraphs
        .into_iter()
        .fold(TableCell::new().width(width, WidthType::Dxa), |c, p| {
            c.add_paragraph(p)
        })
}

/// "Nơi nhận:" bold italic 12 pt, then one recipient a line, 11 pt, each
/// after a dash and ending with ";", the last (the archive) with ".".
fn recipients(h: &ReportHeading) -> Vec<Paragraph> {
    let mut out = vec![para(
        RECIPIENTS_LABEL,
        Look::bold_italic(RECIPIENTS_LABEL_PT),
        AlignmentType::Left,
    )
    .line_spacing(LineSpacing::new().before(240).after(0))];
    let names: Vec<&str> = h
        .recipients
        .iter()
        .map(|r| r.trim().trim_end_matches([';', '.']).trim())
        .filter(|r| !r.is_empty())
        .collect();
    let last = names.len().saturating_sub(1);
    out.extend(names.iter().enumerate().map(|(i, name)| {
        let end = if i == last { '.' } else { ';' };
        para(
            &format!("- {name}{end}"),
            Look::plain(RECIPIENTS_PT),
            AlignmentType::Left,
        )
    }));
    out
}

/// The signer's title in bold capitals (one line per part, "KT. GIÁM ĐỐC"
/// over "PHÓ GIÁM ĐỐC"), room for the signature and seal, the name in bold.
fn signature(h: &ReportHeading) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = h
        .signer_title
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            para(
                &line.to_uppercase(),
                Look::bold(BODY_PT),
                AlignmentType::Center,
            )
        })
        .collect();
    if let Some(first) = out.first_mut() {
        *first = first
            .clone()
            .line_spacing(LineSpacing::new().before(240).after(0));
    }
    out.push(
        para(
            h.signer_name.trim(),
            Look::bold(BODY_PT),
            AlignmentType::Center,
        )
        .line_spacing(LineSpacing::new().before(1_800).after(0)),
    );
    out
}
