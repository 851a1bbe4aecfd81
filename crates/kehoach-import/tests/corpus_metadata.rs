//! Document metadata, plan header and reporting rules of every corpus document,
//! checked by hand against the documents' headers, signatures and provisions.

mod common;

use common::*;
use kehoach_model::{Recurrence, ReportingRule, YearRange};

fn deadlines(rules: &[ReportingRule]) -> Vec<(usize, Recurrence, u8, Option<u8>, &str)> {
    rules
        .iter()
        .filter_map(|r| {
            let due = r.due.as_ref()?;
            Some((
                r.line,
                r.recurrence,
                due.day,
                due.month,
                r.recipient.as_str(),
            ))
        })
        .collect()
}

fn diagnostic_lines(imp: &kehoach_import::Imported, code: &str) -> Vec<Option<usize>> {
    imp.plan
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| d.line)
        .collect()
}

const DPI: &str = "Sở Kế hoạch và Đầu tư";

#[test]
fn ben_tre_2018_decision() {
    let imp = import_corpus(BEN_TRE_2018);
    let doc = &imp.plan.document;
    assert_eq!(doc.number.as_deref(), Some("2699/QĐ-UBND"));
    assert_eq!(doc.kind.as_deref(), Some("Quyết định"));
    assert_eq!(doc.issued_on.as_deref(), Some("2018-12-14"));
    assert_eq!(doc.issuer.as_deref(), Some("Ủy ban nhân dân tỉnh Bến Tre"));
    assert_eq!(doc.place.as_deref(), Some("Bến Tre"));
    assert_eq!(doc.signer.as_deref(), Some("Cao Văn Trọng"));
    assert_eq!(doc.legal_bases, vec!["622/QĐ-TTg"]);
    let header = &imp.plan.plan;
    assert_eq!(
        header.horizon,
        Some(YearRange {
            from: 2018,
            to: 2030
        })
    );
    assert_eq!(
        header.phases,
        vec![
            YearRange {
                from: 2018,
                to: 2020
            },
            YearRange {
                from: 2021,
                to: 2030
            }
        ]
    );
    assert_eq!(
        deadlines(&imp.plan.reporting),
        vec![
            (154, Recurrence::Once, 30, Some(11), DPI),
            (
                228,
                Recurrence::Yearly,
                10,
                Some(12),
                "Ủy ban nhân dân tỉnh"
            ),
            (230, Recurrence::Yearly, 30, Some(11), DPI),
        ]
    );
    assert_eq!(imp.plan.reporting[0].year, Some(2019));
    assert_eq!(imp.plan.reporting[1].reporter, DPI);
    assert!(diagnostic_lines(&imp, "conflicting-deadline").is_empty());
}

#[test]
fn ben_tre_2023_plan() {
    let imp = import_corpus(BEN_TRE_2023);
    let doc = &imp.plan.document;
    assert_eq!(doc.number.as_deref(), Some("370/KH-UBND"));
    assert_eq!(doc.kind.as_deref(), Some("Kế hoạch"));
    assert_eq!(doc.issued_on.as_deref(), Some("2023-01-19"));
    assert_eq!(doc.issuer.as_deref(), Some("Ủy ban nhân dân tỉnh Bến Tre"));
    assert_eq!(doc.signer.as_deref(), Some("Trần Ngọc Tam"));
    assert_eq!(
        doc.legal_bases,
        vec!["01/NQ-CP", "09-NQ/TU", "31/2022/NQ-HĐND"]
    );
    assert_eq!(
        imp.plan.plan.horizon,
        Some(YearRange {
            from: 2023,
            to: 2023
        })
    );
    let rules = &imp.plan.reporting;
    assert_eq!(rules.len(), 1);
    assert_eq!(rules[0].recurrence, Recurrence::Quarterly);
    assert_eq!(rules[0].recipient, DPI);
    let due = rules[0].due.clone().expect("due");
    assert_eq!((due.day, due.month), (15, None));
    assert_eq!(due.relative.as_deref(), Some("last-month-of-period"));
}

#[test]
fn hai_phong_decision_with_conflicting_deadlines() {
    let imp = import_corpus(HAI_PHONG);
    let doc = &imp.plan.document;
    assert_eq!(doc.number.as_deref(), Some("2894/QĐ-UBND"));
    assert_eq!(doc.issued_on.as_deref(), Some("2017-10-30"));
    assert_eq!(
        doc.issuer.as_deref(),
        Some("Ủy ban nhân dân thành phố Hải Phòng")
    );
    assert_eq!(doc.signer.as_deref(), Some("Nguyễn Văn Thành"));
    assert_eq!(doc.legal_bases, vec!["77/2015/QH13", "622/QĐ-TTg"]);
    assert_eq!(
        deadlines(&imp.plan.reporting),
        vec![
            (109, Recurrence::Yearly, 15, Some(11), DPI),
            (155, Recurrence::Yearly, 20, Some(11), DPI),
        ]
    );
    assert_eq!(
        diagnostic_lines(&imp, "conflicting-deadline"),
        vec![Some(155)]
    );
    assert!(diagnostic_lines(&imp, "conflicting-number").is_empty());
}

#[test]
fn kien_giang_plan_without_number() {
    let imp = import_corpus(KIEN_GIANG);
    let doc = &imp.plan.document;
    assert_eq!(doc.number, None, "the header prints no number");
    assert_eq!(doc.kind.as_deref(), Some("Kế hoạch"));
    assert_eq!(doc.issued_on.as_deref(), Some("2018-07-25"));
    assert_eq!(
        doc.issuer.as_deref(),
        Some("Ủy ban nhân dân tỉnh Kiên Giang")
    );
    assert_eq!(doc.signer.as_deref(), Some("Phạm Vũ Hồng"));
    assert_eq!(doc.legal_bases, vec!["622/QĐ-TTg"]);
    // 194 over Appendix I, 144 over Appendix 2.
    assert_eq!(
        diagnostic_lines(&imp, "conflicting-number"),
        vec![Some(387)]
    );
    let d = deadlines(&imp.plan.reporting);
    assert_eq!(
        d,
        vec![
            (162, Recurrence::Yearly, 30, Some(11), DPI),
            (302, Recurrence::Yearly, 15, Some(11), DPI),
            (304, Recurrence::Yearly, 15, Some(11), DPI),
        ]
    );
    assert_eq!(
        diagnostic_lines(&imp, "conflicting-deadline"),
        vec![Some(302), Some(304)]
    );
}

#[test]
fn quang_ninh_plan() {
    let imp = import_corpus(QUANG_NINH);
    let doc = &imp.plan.document;
    assert_eq!(doc.number.as_deref(), Some("86/KH-UBND"));
    assert_eq!(doc.issued_on.as_deref(), Some("2018-05-29"));
    assert_eq!(
        doc.issuer.as_deref(),
        Some("Ủy ban nhân dân tỉnh Quảng Ninh")
    );
    assert_eq!(doc.signer.as_deref(), Some("Nguyễn Đức Long"));
    assert!(doc
        .title
        .as_deref()
        .is_some_and(|t| t.starts_with("KẾ HOẠCH HÀNH ĐỘNG")));
    let d = deadlines(&imp.plan.reporting);
    assert_eq!(
        d,
        vec![
            (110, Recurrence::Yearly, 1, Some(12), DPI),
            (
                110,
                Recurrence::Yearly,
                15,
                Some(12),
                "Ủy ban nhân dân tỉnh"
            ),
            (156, Recurrence::Yearly, 1, Some(12), "Ủy ban nhân dân tỉnh"),
        ]
    );
    assert_eq!(imp.plan.reporting[1].reporter, DPI);
}
