//! The closed vocabularies of reporting, stored as kebab-case text, each
//! term with its label in Vietnamese and English (one place for both, used
//! by the pages and the exports alike).

use kehoach_vi::Lang;
use serde::Serialize;

macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal / $label:literal / $english:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),* }
            }

            /// The Vietnamese label shown in forms and exports.
            pub fn label_vi(self) -> &'static str {
                match self { $($name::$variant => $label),* }
            }

            pub fn label_en(self) -> &'static str {
                match self { $($name::$variant => $english),* }
            }

            pub fn label(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::Vi => self.label_vi(),
                    Lang::En => self.label_en(),
                }
            }

            pub fn parse(s: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s)
            }
        }
    };
}

vocabulary!(
    /// How long a reporting period runs.
    PeriodKind {
        Yearly = "yearly" / "Năm" / "Year",
        Quarterly = "quarterly" / "Quý" / "Quarter",
        HalfYearly = "half-yearly" / "6 tháng" / "Six months",
        NineMonths = "nine-months" / "9 tháng" / "Nine months",
    }
);

vocabulary!(
    /// A period is prepared (draft), takes reports (open), then is closed.
    PeriodState {
        Draft = "draft" / "Dự thảo" / "Draft",
        Open = "open" / "Đang nhận báo cáo" / "Open for reports",
        Closed = "closed" / "Đã đóng" / "Closed",
    }
);

vocabulary!(
    ReportState {
        Draft = "draft" / "Đang soạn" / "Draft",
        Submitted = "submitted" / "Đã gửi" / "Submitted",
        Returned = "returned" / "Trả lại" / "Returned",
        Accepted = "accepted" / "Đã chấp nhận" / "Accepted",
    }
);

vocabulary!(
    /// How far a task has got, as the plans' report forms say it.
    EntryStatus {
        NotStarted = "not-started" / "Chưa triển khai" / "Not started",
        InProgress = "in-progress" / "Đang triển khai" / "In progress",
        Done = "done" / "Hoàn thành" / "Done",
        PartlyDone = "partly-done" / "Hoàn thành một phần" / "Partly done",
        Late = "late" / "Chậm tiến độ" / "Behind schedule",
        NotDone = "not-done" / "Không thực hiện" / "Not done",
    }
);

vocabulary!(
    /// Where the money spent on a task came from.
    FundSource {
        StateBudget = "state-budget" / "Ngân sách nhà nước" / "State budget",
        Oda = "oda" / "ODA" / "ODA",
        Ngo = "ngo" / "Tổ chức phi chính phủ" / "NGOs",
        Fdi = "fdi" / "FDI" / "FDI",
        Enterprise = "enterprise" / "Doanh nghiệp, tư nhân" / "Enterprises and private",
        Other = "other" / "Khác" / "Other",
    }
);

vocabulary!(
    IndicatorStatus {
        Estimate = "estimate" / "Ước tính" / "Estimate",
        Preliminary = "preliminary" / "Sơ bộ" / "Preliminary",
        Official = "official" / "Chính thức" / "Official",
    }
);

vocabulary!(
    ReminderKind {
        Manual = "manual" / "Nhắc thủ công" / "Manual reminder",
        BeforeDue = "before-due" / "Nhắc trước hạn" / "Reminder before the due date",
        AfterDue = "after-due" / "Nhắc quá hạn" / "Reminder of a late report",
    }
);

vocabulary!(
    Channel {
        App = "app" / "Trong ứng dụng" / "In the app",
        Email = "email" / "Thư điện tử" / "E-mail",
    }
);
