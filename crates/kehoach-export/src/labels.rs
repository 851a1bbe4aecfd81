//! The workbook's words in each language; statuses and fund sources take
//! the store's own labels.

use kehoach_store::reporting::compliance::Standing;
use kehoach_store::reporting::{EntryStatus, FundSource};
use kehoach_vi::Lang;

pub(crate) fn pick(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// An entry's stored status for display; an unknown one as stored.
pub(crate) fn status(stored: &str, lang: Lang) -> String {
    let Some(status) = EntryStatus::parse(stored) else {
        return stored.to_owned();
    };
    status.label(lang).to_owned()
}

pub(crate) fn fund_source(source: FundSource, lang: Lang) -> &'static str {
    source.label(lang)
}

pub(crate) fn standing(standing: Standing, lang: Lang) -> &'static str {
    match standing {
        Standing::Missing => pick(lang, "Chưa gửi báo cáo", "Not submitted"),
        Standing::Returned => pick(
            lang,
            "Bị trả lại, chưa gửi lại",
            "Returned, not resubmitted",
        ),
        Standing::OnTime => pick(lang, "Đúng hạn", "On time"),
        Standing::Late => pick(lang, "Trễ hạn", "Late"),
    }
}
