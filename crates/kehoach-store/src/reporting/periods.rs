//! Which reporting periods a plan's rules give for a year, and their due
//! dates. Pure: the store saves what this computes.
//!
//! - agency due date: the rule whose reporter is the agencies ("các sở, ban,
//!   ngành…"), preferring one addressed to DPI, first in the document;
//! - consolidation due date: the rule where DPI reports to the People's
//!   Committee, else the agency due date plus `consolidation_days`;
//! - inputs due date (coordinating agencies to the lead): agency due date
//!   minus `inputs_offset_days`.

use kehoach_model::{Recurrence, ReportingRule};
use kehoach_vi::fold;
use time::{Date, Duration, Month};

use super::PeriodKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenerationOptions {
    pub inputs_offset_days: i64,
    pub consolidation_days: i64,
}

impl Default for GenerationOptions {
    fn default() -> Self {
        GenerationOptions {
            inputs_offset_days: 5,
            consolidation_days: 10,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodSpec {
    pub kind: PeriodKind,
    pub year: i32,
    /// Quarter or half number; 0 for a year.
    pub part: i32,
    pub label: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub inputs_due_on: Date,
    pub agency_due_on: Date,
    pub consolidation_due_on: Date,
    /// The line of the rule that set the agency due date.
    pub rule_line: usize,
}

/// DPI writes the consolidated report; everybody else reports to it.
fn is_dpi(name: &str) -> bool {
    fold(name).starts_with("so ke hoach va dau tu")
}

fn is_peoples_committee(name: &str) -> bool {
    fold(name).starts_with("uy ban nhan dan")
}

fn applies_in(rule: &ReportingRule, year: i32, recurrence: Recurrence) -> bool {
    match rule.recurrence {
        Recurrence::Once => recurrence == Recurrence::Yearly && rule.year == Some(year),
        r => r == recurrence,
    }
}

/// The agencies' rule for one recurrence: addressed to DPI first, then document order.
fn agency_rule(
    rules: &[ReportingRule],
    year: i32,
    recurrence: Recurrence,
) -> Option<&ReportingRule> {
    rules
        .iter()
        .filter(|r| r.due.is_some() && !is_dpi(&r.reporter) && applies_in(r, year, recurrence))
        .min_by_key(|r| (!is_dpi(&r.recipient), r.line))
}

fn consolidation_rule(
    rules: &[ReportingRule],
    year: i32,
    recurrence: Recurrence,
) -> Option<&ReportingRule> {
    rules
        .iter()
        .filter(|r| {
            r.due.is_some()
                && is_dpi(&r.reporter)
                && is_peoples_committee(&r.recipient)
                && applies_in(r, year, recurrence)
        })
        .min_by_key(|r| r.line)
}

/// Every period of `year` the rules call for, in calendar order.
pub fn periods_for_year(
    rules: &[ReportingRule],
    year: i32,
    options: &GenerationOptions,
) -> Vec<PeriodSpec> {
    let mut out = Vec::new();
    for (recurrence, kind, parts) in [
        (Recurrence::Quarterly, PeriodKind::Quarterly, 1..=4),
        (Recurrence::HalfYearly, PeriodKind::HalfYearly, 1..=2),
        (Recurrence::Yearly, PeriodKind::Yearly, 0..=0),
    ] {
        let Some(rule) = agency_rule(rules, year, recurrence) else {
            continue;
        };
        let consolidation = consolidation_rule(rules, year, recurrence);
        for part in parts {
            if let Some(spec) = period(kind, year, part, rule, consolidation, options) {
                out.push(spec);
            }
        }
    }
    out.sort_by_key(|p| (p.ends_on, p.kind != PeriodKind::Yearly));
    out
}

fn period(
    kind: PeriodKind,
    year: i32,
    part: i32,
    rule: &ReportingRule,
    consolidation: Option<&ReportingRule>,
    options: &GenerationOptions,
) -> Option<PeriodSpec> {
    let (first_month, last_month) = months(kind, part)?;
    let starts_on = Date::from_calendar_date(year, first_month, 1).ok()?;
    let ends_on = last_day(year, last_month)?;
    let agency_due_on = due_date(rule, year, last_month)?;
    let consolidation_due_on = consolidation
        .and_then(|r| due_date(r, year, last_month))
        .unwrap_or_else(|| agency_due_on + Duration::days(options.consolidation_days));
    Some(PeriodSpec {
        kind,
        year,
        part,
        label: label(kind, year, part),
        starts_on,
        ends_on,
        inputs_due_on: agency_due_on - Duration::days(options.inputs_offset_days),
        agency_due_on,
        consolidation_due_on,
        rule_line: rule.line,
    })
}

/// A period DPI sets up by hand, for a report the plan's rules do not
/// state (a nine-month review, a quarter the plan forgot), due from the
/// agencies on `agency_due_on`; the other dates follow from the options.
/// None when the part does not exist for the kind (a fifth quarter).
pub fn manual_period(
    kind: PeriodKind,
    year: i32,
    part: i32,
    agency_due_on: Date,
    options: &GenerationOptions,
) -> Option<PeriodSpec> {
    let part = match kind {
        PeriodKind::Yearly | PeriodKind::NineMonths => 0,
        _ => part,
    };
    let (first_month, last_month) = months(kind, part)?;
    Some(PeriodSpec {
        kind,
        year,
        part,
        label: label(kind, year, part),
        starts_on: Date::from_calendar_date(year, first_month, 1).ok()?,
        ends_on: last_day(year, last_month)?,
        inputs_due_on: agency_due_on - Duration::days(options.inputs_offset_days),
        agency_due_on,
        consolidation_due_on: agency_due_on + Duration::days(options.consolidation_days),
        rule_line: 0,
    })
}

/// First and last month of a period.
fn months(kind: PeriodKind, part: i32) -> Option<(Month, Month)> {
    let (first, last) = match (kind, part) {
        (PeriodKind::Yearly, _) => (1, 12),
        (PeriodKind::Quarterly, 1..=4) => (part * 3 - 2, part * 3),
        (PeriodKind::HalfYearly, 1..=2) => (part * 6 - 5, part * 6),
        (PeriodKind::NineMonths, _) => (1, 9),
        _ => return None,
    };
    let month = |m: i32| u8::try_from(m).ok().and_then(|m| Month::try_from(m).ok());
    Some((month(first)?, month(last)?))
}

fn last_day(year: i32, month: Month) -> Option<Date> {
    Date::from_calendar_date(year, month, month.length(year)).ok()
}

/// The rule's day in its month, or (a rule relative to the period, "before
/// the 15th of the quarter's last month") in the period's last month. A day
/// past the month's end falls on its last day.
fn due_date(rule: &ReportingRule, year: i32, period_last_month: Month) -> Option<Date> {
    let due = rule.due.as_ref()?;
    let month = match (due.month, due.relative.is_some()) {
        (Some(m), false) => Month::try_from(m).ok()?,
        _ => period_last_month,
    };
    let day = due.day.clamp(1, month.length(year));
    Date::from_calendar_date(year, month, day).ok()
}

fn roman(n: i32) -> &'static str {
    match n {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        _ => "?",
    }
}

pub fn label(kind: PeriodKind, year: i32, part: i32) -> String {
    match kind {
        PeriodKind::Yearly => format!("Năm {year}"),
        PeriodKind::Quarterly => format!("Quý {}/{year}", roman(part)),
        PeriodKind::HalfYearly if part == 1 => format!("6 tháng đầu năm {year}"),
        PeriodKind::HalfYearly => format!("6 tháng cuối năm {year}"),
        PeriodKind::NineMonths => format!("9 tháng năm {year}"),
    }
}

/// YYYY-MM-DD, as dates are stored.
pub fn iso(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

pub fn parse_iso(s: &str) -> Option<Date> {
    Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus_rules(stem: &str) -> (Vec<ReportingRule>, Vec<Option<usize>>) {
        let dir = kehoach_import::corpus::corpus_dir().unwrap_or_else(|| panic!("no corpus"));
        let path = kehoach_import::corpus::corpus_documents(&dir)
            .unwrap_or_else(|e| panic!("{e}"))
            .into_iter()
            .find(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(stem))
            })
            .unwrap_or_else(|| panic!("no {stem}"));
        let imported =
            kehoach_import::import_path(&path, &kehoach_import::ImportOptions::default())
                .unwrap_or_else(|e| panic!("{e}"));
        let conflicts = imported
            .plan
            .diagnostics
            .iter()
            .filter(|d| d.code == "conflicting-deadline")
            .map(|d| d.line)
            .collect();
        (imported.plan.reporting, conflicts)
    }

    fn dues(periods: &[PeriodSpec]) -> Vec<(String, String, String, String)> {
        periods
            .iter()
            .map(|p| {
                (
                    p.label.clone(),
                    iso(p.inputs_due_on),
                    iso(p.agency_due_on),
                    iso(p.consolidation_due_on),
                )
            })
            .collect()
    }

    fn row(
        label: &str,
        inputs: &str,
        agency: &str,
        consolidation: &str,
    ) -> (String, String, String, String) {
        (
            label.into(),
            inputs.into(),
            agency.into(),
            consolidation.into(),
        )
    }

    #[test]
    fn ben_tre_2018_yearly_by_30_november_consolidated_by_10_december() {
        let (rules, conflicts) = corpus_rules("ben-tre-2018");
        let periods = periods_for_year(&rules, 2026, &GenerationOptions::default());
        assert_eq!(
            dues(&periods),
            [row("Năm 2026", "2026-11-25", "2026-11-30", "2026-12-10")]
        );
        assert_eq!(periods[0].rule_line, 230);
        assert_eq!(
            (iso(periods[0].starts_on), iso(periods[0].ends_on)),
            ("2026-01-01".into(), "2026-12-31".into())
        );
        assert!(conflicts.is_empty());
        // 2019 also had a one-off report due the same day, stated earlier (line 154).
        let periods = periods_for_year(&rules, 2019, &GenerationOptions::default());
        assert_eq!(periods.len(), 1);
        assert_eq!(periods[0].rule_line, 154);
        assert_eq!(iso(periods[0].agency_due_on), "2019-11-30");
    }

    #[test]
    fn quang_ninh_before_1_december_consolidated_by_15_december() {
        let (rules, _) = corpus_rules("quang-ninh");
        let options = GenerationOptions {
            inputs_offset_days: 7,
            consolidation_days: 10,
        };
        let periods = periods_for_year(&rules, 2026, &options);
        assert_eq!(
            dues(&periods),
            [row("Năm 2026", "2026-11-24", "2026-12-01", "2026-12-15")]
        );
        assert_eq!(periods[0].rule_line, 110);
    }

    #[test]
    fn hai_phong_two_deadlines_take_the_first_and_keep_the_conflict() {
        let (rules, conflicts) = corpus_rules("hai-phong");
        let periods = periods_for_year(&rules, 2026, &GenerationOptions::default());
        // 15/11 (line 109) rather than 20/11 (line 155); no consolidation rule: +10 days.
        assert_eq!(
            dues(&periods),
            [row("Năm 2026", "2026-11-10", "2026-11-15", "2026-11-25")]
        );
        assert_eq!(conflicts, [Some(155)]);
    }

    #[test]
    fn kien_giang_30_november_first_with_two_conflicting_15_november() {
        let (rules, conflicts) = corpus_rules("kien-giang");
        let periods = periods_for_year(&rules, 2026, &GenerationOptions::default());
        assert_eq!(
            dues(&periods),
            [row("Năm 2026", "2026-11-25", "2026-11-30", "2026-12-10")]
        );
        assert_eq!(conflicts, [Some(302), Some(304)]);
    }

    #[test]
    fn ben_tre_2023_quarterly_before_the_15th_of_the_last_month() {
        let (rules, _) = corpus_rules("ben-tre-2023");
        let periods = periods_for_year(&rules, 2023, &GenerationOptions::default());
        assert_eq!(
            dues(&periods),
            [
                row("Quý I/2023", "2023-03-10", "2023-03-15", "2023-03-25"),
                row("Quý II/2023", "2023-06-10", "2023-06-15", "2023-06-25"),
                row("Quý III/2023", "2023-09-10", "2023-09-15", "2023-09-25"),
                row("Quý IV/2023", "2023-12-10", "2023-12-15", "2023-12-25"),
            ]
        );
        assert_eq!(
            periods.iter().map(|p| p.part).collect::<Vec<_>>(),
            [1, 2, 3, 4]
        );
    }

    #[test]
    fn days_past_the_month_end_fall_on_its_last_day() {
        let rule = ReportingRule {
            reporter: "các sở".into(),
            recipient: "Sở Kế hoạch và Đầu tư".into(),
            recurrence: Recurrence::HalfYearly,
            due: Some(kehoach_model::Due {
                day: 31,
                month: None,
                relative: Some("last-month-of-period".into()),
            }),
            year: None,
            line: 1,
            text: String::new(),
        };
        let periods = periods_for_year(&[rule], 2026, &GenerationOptions::default());
        assert_eq!(
            periods
                .iter()
                .map(|p| (p.label.as_str(), iso(p.agency_due_on)))
                .collect::<Vec<_>>(),
            [
                ("6 tháng đầu năm 2026", "2026-06-30".to_string()),
                ("6 tháng cuối năm 2026", "2026-12-31".to_string())
            ]
        );
    }
}
