//! The top of the first page: a borderless two-column table with the
//! issuing body over its number on the left and the national motto over
//! the place and date on the right (Appendix I, Part I, IV: boxes 1–4),
//! then the document's kind and title (box 5a).

use docx_rs::{AlignmentType, LineSpacing, Paragraph, Table, TableCell, TableRow, WidthType};

use super::format::{para, portrait_width, rule, text_width, Look, BODY_PT, HEADING_PT, MOTTO_PT};
use super::ReportHeading;

pub const MOTTO_COUNTRY: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
/// The kind of document (box 5a): a report.
pub const KIND: &str = "BÁO CÁO";

/// The left column takes about two fifths of the width: the decree's model
/// gives the motto the wider right half.
fn columns() -> (usize, usize) {
    let width = portrait_width();
    let left = width * 2 / 5;
    (left, width - left)
}

pub(crate) fn heading_table(h: &ReportHeading) -> Table {
    let (left, right) = columns();
    let top = TableRow::new(vec![
        cell(issuing_body(h, left), left),
        cell(motto(right), right),
    ]);
    let bottom = TableRow::new(vec![
        cell(vec![number(h)], left),
        cell(vec![place_and_date(h)], right),
    ]);
    Table::without_borders(vec![top, bottom])
        .set_grid(vec![left, right])
        .width(left + right, WidthType::Dxa)
}

fn cell(paragraphs: Vec<Paragraph>, width: usize) -> TableCell {
    paragraphs
        .into_iter()
        .fold(TableCell::new().width(width, WidthType::Dxa), |c, p| {
            c.add_paragraph(p)
        })
}

/// Box 2: the parent body upright in capitals, the issuing body bold below
/// it, with a rule a third to a half as long as the name under it.
fn issuing_body(h: &ReportHeading, column: usize) -> Vec<Paragraph> {
    let mut lines = Vec::new();
    let parent = h.parent_body.trim();
    if !parent.is_empty() {
        lines.push(para(parent, Look::plain(HEADING_PT), AlignmentType::Center));
    }
    let name = h.issuing_body.trim();
    let look = Look::bold(HEADING_PT);
    lines.push(para(name, look, AlignmentType::Center));
    let longest = name.lines().map(|l| text_width(l, look)).max().unwrap_or(0);
    lines.push(rule(column, longest * 2 / 5));
    lines
}

/// Box 1: the country's name in bold capitals (12–13 pt), the motto bold
/// (13–14 pt) with a rule as long as itself.
fn motto(column: usize) -> Vec<Paragraph> {
    let motto = Look::bold(MOTTO_PT);
    vec![
        para(MOTTO_COUNTRY, Look::bold(HEADING_PT), AlignmentType::Center),
        para(MOTTO, motto, AlignmentType::Center),
        rule(column, text_width(MOTTO, motto)),
    ]
}

/// Box 3: "Số: 12/BC-STC", upright, 13 pt.
fn number(h: &ReportHeading) -> Paragraph {
    para(
        &format!("Số: {}", h.number.trim()),
        Look::plain(MOTTO_PT),
        AlignmentType::Center,
    )
}

/// Box 4: "Bến Tre, ngày 05 tháng 02 năm 2027", italic, 13–14 pt.
fn place_and_date(h: &ReportHeading) -> Paragraph {
    para(
        &format!("{}, {}", h.place.trim(), written_date(&h.date)),
        Look::italic(BODY_PT),
        AlignmentType::Center,
    )
}

/// A date as the decree writes it (item II.4): days below 10 and the
/// months January and February take a leading zero. A date that is not
/// `YYYY-MM-DD` leaves its parts blank for the clerk to fill in.
pub(crate) fn written_date(iso: &str) -> String {
    match parse_iso(iso) {
        Some((year, month, day)) => {
            let month = if month <= 2 {
                format!("{month:02}")
            } else {
                month.to_string()
            };
            format!("ngày {day:02} tháng {month} năm {year}")
        }
        None => "ngày … tháng … năm …".to_owned(),
    }
}

fn parse_iso(iso: &str) -> Option<(u32, u32, u32)> {
    let mut parts = iso.trim().splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((year, month, day))
}

/// Box 5a: the kind in bold capitals, the title in bold below it, and a
/// short rule under the title.
pub(crate) fn title(h: &ReportHeading) -> Vec<Paragraph> {
    let look = Look::bold(BODY_PT);
    let width = portrait_width();
    let kind = para(KIND, look, AlignmentType::Center)
        .line_spacing(LineSpacing::new().before(480).after(0));
    let mut out = vec![kind];
    out.extend(
        h.title
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|line| para(line, look, AlignmentType::Center)),
    );
    out.push(rule(width, width / 4));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_take_the_decree_zeros() {
        assert_eq!(written_date("2027-02-05"), "ngày 05 tháng 02 năm 2027");
        assert_eq!(written_date("2026-12-10"), "ngày 10 tháng 12 năm 2026");
        assert_eq!(written_date("2026-03-09"), "ngày 09 tháng 3 năm 2026");
        assert_eq!(written_date("mai"), "ngày … tháng … năm …");
        assert_eq!(written_date("2026-13-01"), "ngày … tháng … năm …");
    }
}
