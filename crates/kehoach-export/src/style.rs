//! The workbook's few cell formats.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder};

pub(crate) struct Styles {
    pub title: Format,
    pub header: Format,
    pub text: Format,
    pub money: Format,
}

impl Styles {
    pub(crate) fn new() -> Styles {
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::Top);
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            header: cell
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color("#DDEBF7"),
            // Excel shows "#,##0" with the reader's separators: 1.500 in Vietnamese.
            money: cell.clone().set_num_format("#,##0"),
            text: cell,
        }
    }
}
