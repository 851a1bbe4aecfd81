//! The workbook's words in each language; statuses and fund sources take
//! the store's own Vietnamese labels.

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
    let en = match status {
        EntryStatus::NotStarted => "Not started",
        EntryStatus::InProgress => "In progress",
        EntryStatus::Done => "Done",
        EntryStatus::PartlyDone => "Partly done",
        EntryStatus::Late => "Behind schedule",
        EntryStatus::NotDone => "Not done",
    };
    pick(lang, status.label_vi(), en).to_owned()
}

pub(crate) fn fund_source(source: FundSource, lang: Lang) -> &'static str {
    let en = match source {
        FundSource::StateBudget => "State budget",
        FundSource::Oda => "ODA",
        FundSource::Ngo => "NGOs",
        FundSource::Fdi => "FDI",
        FundSource::Enterprise => "Enterprises",
        FundSource::Other => "Other",
    };
    pick(lang, source.label_vi(), en)
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
