//! The reminder an agency receives before and after its report's due date:
//! Vietnamese first, then English, plain text that reads well in any client.

use crate::Mail;

/// When the reminder is sent relative to the due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderTiming {
    /// `n` days before the due date (0: due today).
    Before(u32),
    /// `n` days after the due date: the report is late.
    After(u32),
    /// Sent by hand by the coordinator.
    Manual,
}

#[derive(Debug, Clone)]
pub struct Reminder<'a> {
    pub agency: &'a str,
    pub plan: &'a str,
    /// e.g. "Năm 2026".
    pub period: &'a str,
    /// YYYY-MM-DD.
    pub due_on: &'a str,
    pub timing: ReminderTiming,
    /// Where the report is filled in.
    pub link: &'a str,
    pub to: Vec<String>,
}

pub fn reminder_mail(r: &Reminder<'_>) -> Mail {
    use kehoach_vi::Lang;
    let due_vi = kehoach_vi::format_date(r.due_on, Lang::Vi);
    let due_en = kehoach_vi::format_date(r.due_on, Lang::En);
    let (subject, when_vi, when_en) = match r.timing {
        ReminderTiming::Before(0) => (
            format!(
                "[kehoach] Hôm nay là hạn báo cáo {} / Report due today",
                r.period
            ),
            "Hôm nay là hạn gửi báo cáo.".to_string(),
            "The report is due today.".to_string(),
        ),
        ReminderTiming::Before(n) => (
            format!(
                "[kehoach] Còn {n} ngày đến hạn báo cáo {} / Report due in {n} days",
                r.period
            ),
            format!("Còn {n} ngày đến hạn gửi báo cáo."),
            format!("The report is due in {n} days."),
        ),
        ReminderTiming::After(n) => (
            format!(
                "[kehoach] Báo cáo {} đã quá hạn {n} ngày / Report {n} days late",
                r.period
            ),
            format!("Báo cáo đã quá hạn {n} ngày và chưa được gửi."),
            format!("The report is {n} days late and has not been submitted."),
        ),
        ReminderTiming::Manual => (
            format!(
                "[kehoach] Nhắc gửi báo cáo {} / Reminder: report for {}",
                r.period, r.period
            ),
            "Cơ quan đầu mối tổng hợp nhắc quý cơ quan gửi báo cáo.".to_string(),
            "The coordinating department reminds you to submit the report.".to_string(),
        ),
    };
    let text = format!(
        "Kính gửi: {agency}\n\n\
         Kế hoạch: {plan}\n\
         Kỳ báo cáo: {period}, hạn gửi ngày {due_vi}.\n\
         {when_vi}\n\
         Báo cáo trực tuyến tại: {link}\n\n\
         ---\n\
         To: {agency}\n\n\
         Plan: {plan}\n\
         Reporting period: {period}, due {due_en}.\n\
         {when_en}\n\
         Report online at: {link}\n",
        agency = r.agency,
        plan = r.plan,
        period = r.period,
        link = r.link,
    );
    Mail {
        to: r.to.clone(),
        subject,
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reminder(timing: ReminderTiming) -> Mail {
        reminder_mail(&Reminder {
            agency: "Sở Y tế",
            plan: "Kế hoạch hành động",
            period: "Năm 2026",
            due_on: "2026-11-30",
            timing,
            link: "https://kehoach.example/reports/1",
            to: vec!["syt@example.vn".into()],
        })
    }

    #[test]
    fn wording_follows_the_timing() {
        let before = reminder(ReminderTiming::Before(3));
        assert!(before.subject.contains("Còn 3 ngày") && before.subject.contains("in 3 days"));
        assert!(before.text.contains("30/11/2026") && before.text.contains("30 Nov 2026"));
        assert!(reminder(ReminderTiming::Before(0))
            .subject
            .contains("Hôm nay"));
        let late = reminder(ReminderTiming::After(2));
        assert!(late.subject.contains("quá hạn 2 ngày") && late.text.contains("2 days late"));
        assert!(reminder(ReminderTiming::Manual)
            .text
            .contains("Kính gửi: Sở Y tế"));
    }
}
