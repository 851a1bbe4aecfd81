//! The closed vocabularies of reporting, stored as kebab-case text.

use serde::Serialize;

macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal / $label:literal),* $(,)? }) => {
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

            pub fn parse(s: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s)
            }
        }
    };
}

vocabulary!(
    /// How long a reporting period runs.
    PeriodKind {
        Yearly = "yearly" / "Năm",
        Quarterly = "quarterly" / "Quý",
        HalfYearly = "half-yearly" / "6 tháng",
        NineMonths = "nine-months" / "9 tháng",
    }
);

vocabulary!(
    /// A period is prepared (draft), takes reports (open), then is closed.
    PeriodState {
        Draft = "draft" / "Dự thảo",
        Open = "open" / "Đang nhận báo cáo",
        Closed = "closed" / "Đã đóng",
    }
);

vocabulary!(
    ReportState {
        Draft = "draft" / "Đang soạn",
        Submitted = "submitted" / "Đã gửi",
        Returned = "returned" / "Trả lại",
        Accepted = "accepted" / "Đã chấp nhận",
    }
);

vocabulary!(
    /// How far a task has got, as the plans' report forms say it.
    EntryStatus {
        NotStarted = "not-started" / "Chưa triển khai",
        InProgress = "in-progress" / "Đang triển khai",
        Done = "done" / "Hoàn thành",
        PartlyDone = "partly-done" / "Hoàn thành một phần",
        Late = "late" / "Chậm tiến độ",
        NotDone = "not-done" / "Không thực hiện",
    }
);

vocabulary!(
    /// Where the money spent on a task came from.
    FundSource {
        StateBudget = "state-budget" / "Ngân sách nhà nước",
        Oda = "oda" / "ODA",
        Ngo = "ngo" / "Tổ chức phi chính phủ",
        Fdi = "fdi" / "FDI",
        Enterprise = "enterprise" / "Doanh nghiệp, tư nhân",
        Other = "other" / "Khác",
    }
);

vocabulary!(
    IndicatorStatus {
        Estimate = "estimate" / "Ước tính",
        Preliminary = "preliminary" / "Sơ bộ",
        Official = "official" / "Chính thức",
    }
);

vocabulary!(
    ReminderKind {
        Manual = "manual" / "Nhắc thủ công",
        BeforeDue = "before-due" / "Nhắc trước hạn",
        AfterDue = "after-due" / "Nhắc quá hạn",
    }
);

vocabulary!(
    Channel {
        App = "app" / "Trong ứng dụng",
        Email = "email" / "Thư điện tử",
    }
);
