//! Quantified targets read from every target statement of the corpus plans:
//! coverage per plan, the spread of unit kinds, unclear and ambiguous
//! readings by reason, hand-checked examples, and the agreement with the
//! Kiên Giang 2018 Appendix 2 indicator table.

mod common;

use std::collections::BTreeMap;

use kehoach_import::quantity::{
    plan_quantities, Comparator, Direction, Reading, TargetQuantity, UnitKind,
};
use kehoach_model::Plan;

const PLANS: [&str; 5] = [
    common::BEN_TRE_2018,
    common::BEN_TRE_2023,
    common::HAI_PHONG,
    common::KIEN_GIANG,
    common::QUANG_NINH,
];

/// (targets, statements with a read quantity, statements with any number
/// read or unclear, quantities, unclear quantities).
fn coverage(plan: &Plan, qs: &[TargetQuantity]) -> (usize, usize, usize, usize, usize) {
    let targets = plan.targets().count();
    let mut read = std::collections::BTreeSet::new();
    let mut any = std::collections::BTreeSet::new();
    for tq in qs {
        any.insert((tq.target.as_str(), tq.line));
        if !tq.quantity.is_unclear() {
            read.insert((tq.target.as_str(), tq.line));
        }
    }
    let unclear = qs.iter().filter(|tq| tq.quantity.is_unclear()).count();
    (targets, read.len(), any.len(), qs.len(), unclear)
}

fn kind_name(k: UnitKind) -> &'static str {
    match k {
        UnitKind::Percent => "percent",
        UnitKind::PerHundredThousand => "per-100000",
        UnitKind::PerThousand => "per-1000",
        UnitKind::TimesBase => "times-base",
        UnitKind::PercentPerYear => "percent-per-year",
        UnitKind::Count => "count",
        UnitKind::Currency => "currency",
        UnitKind::Other => "other",
    }
}

fn imported(name: &str) -> (Plan, Vec<TargetQuantity>) {
    let imp = common::import_corpus(name);
    let qs = plan_quantities(&imp.plan);
    (imp.plan, qs)
}

#[test]
fn coverage_per_plan() {
    // (targets, statements with a read quantity, statements with any number
    // returned, quantities, unclear quantities)
    let expected = [
        (common::BEN_TRE_2018, (108, 13, 13, 19, 1)),
        // A socio-economic plan: key indicators, no target statements.
        (common::BEN_TRE_2023, (0, 0, 0, 0, 0)),
        (common::HAI_PHONG, (142, 19, 19, 30, 0)),
        (common::KIEN_GIANG, (110, 10, 10, 12, 0)),
        // Its target texts carry their task paragraphs, rich in figures.
        (common::QUANG_NINH, (130, 34, 34, 113, 0)),
    ];
    for (name, want) in expected {
        let (plan, qs) = imported(name);
        assert_eq!(coverage(&plan, &qs), want, "{name}");
    }
}

#[test]
fn unit_kinds_and_reasons_over_the_corpus() {
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
    for name in PLANS {
        let (_, qs) = imported(name);
        for tq in &qs {
            let q = &tq.quantity;
            match q.reading {
                Reading::Clear => *kinds.entry(kind_name(q.unit_kind)).or_default() += 1,
                Reading::Ambiguous { reason } => {
                    *kinds.entry(kind_name(q.unit_kind)).or_default() += 1;
                    *reasons.entry(format!("ambiguous {reason}")).or_default() += 1;
                }
                Reading::Unclear { reason } => {
                    *reasons.entry(format!("unclear {reason}")).or_default() += 1
                }
            }
        }
    }
    let kinds: Vec<_> = kinds.into_iter().collect();
    assert_eq!(
        kinds,
        vec![
            ("count", 18),
            ("currency", 6),
            ("other", 6),
            ("per-1000", 10),
            ("per-100000", 5),
            ("percent", 109),
            ("percent-per-year", 10),
            ("times-base", 9),
        ]
    );
    let reasons: Vec<_> = reasons.iter().map(|(r, n)| (r.as_str(), *n)).collect();
    assert_eq!(
        reasons,
        vec![
            ("ambiguous change-without-direction", 1),
            ("ambiguous comparative-qualifier", 3),
            ("ambiguous percent-or-points", 6),
            ("ambiguous period-reversed", 1),
            ("unclear unknown-unit", 1),
        ]
    );
}

type Row = (
    Option<f64>,
    Option<f64>,
    Comparator,
    UnitKind,
    Option<i32>,
    Option<Direction>,
    bool,
);

/// value, max, comparator, unit kind, year, direction, change: of every
/// quantity of target `code`, in order.
fn rows(qs: &[TargetQuantity], code: &str) -> Vec<Row> {
    qs.iter()
        .filter(|tq| tq.target == code)
        .map(|tq| {
            let q = &tq.quantity;
            (
                q.value,
                q.max,
                q.comparator,
                q.unit_kind,
                q.year,
                q.direction,
                q.change,
            )
        })
        .collect()
}

use Comparator::{About, Above, AtLeast, Below, Equal, Range};
use Direction::{Decrease, Increase, Maintain};
use UnitKind::{
    Count, Currency, Other, PerHundredThousand, PerThousand, Percent, PercentPerYear, TimesBase,
};

#[test]
fn hand_checked_kien_giang() {
    let (_, qs) = imported(common::KIEN_GIANG);
    assert_eq!(
        rows(&qs, "2.3"),
        vec![(
            Some(1.7),
            Some(1.8),
            Range,
            TimesBase,
            Some(2030),
            Some(Increase),
            true
        )]
    );
    assert_eq!(
        rows(&qs, "6.2"),
        vec![(Some(80.0), None, Equal, Percent, Some(2030), None, false)]
    );
    assert_eq!(
        rows(&qs, "7.1"),
        vec![(Some(100.0), None, Equal, Percent, Some(2025), None, false)]
    );
    assert_eq!(
        rows(&qs, "7.3"),
        vec![
            (
                Some(2.0),
                None,
                Equal,
                TimesBase,
                Some(2030),
                Some(Increase),
                true
            ),
            (
                Some(10.0),
                None,
                Equal,
                Percent,
                Some(2030),
                Some(Decrease),
                true
            ),
        ]
    );
    let base: Vec<_> = qs
        .iter()
        .filter(|t| t.target == "7.3")
        .map(|t| t.quantity.base.clone())
        .collect();
    assert_eq!(base, vec![None, Some("kịch bản cơ sở".to_string())]);
    assert_eq!(
        rows(&qs, "1.1"),
        vec![
            (
                Some(1.25),
                None,
                Below,
                Currency,
                Some(2020),
                Some(Decrease),
                false
            ),
            (
                Some(50.0),
                None,
                AtLeast,
                Percent,
                Some(2030),
                Some(Decrease),
                true
            ),
        ]
    );
    assert_eq!(
        rows(&qs, "14.5"),
        vec![(
            Some(3.0),
            Some(5.0),
            Range,
            Percent,
            Some(2030),
            Some(Maintain),
            false
        )]
    );
    let q33 = &qs.iter().find(|t| t.target == "3.3").map(|t| &t.quantity);
    assert_eq!(
        q33.map(|q| (q.value, q.max, q.change, q.reading)),
        Some((
            Some(20.0),
            Some(25.0),
            true,
            Reading::Ambiguous {
                reason: "percent-or-points"
            }
        ))
    );
}

#[test]
fn hand_checked_hai_phong_and_ben_tre() {
    let (_, hp) = imported(common::HAI_PHONG);
    assert_eq!(
        rows(&hp, "3.1"),
        vec![
            (
                Some(45.0),
                None,
                Below,
                PerHundredThousand,
                Some(2030),
                Some(Decrease),
                false
            ),
            (
                Some(10.0),
                None,
                Below,
                PerThousand,
                Some(2030),
                Some(Decrease),
                false
            ),
            (
                Some(15.0),
                None,
                Below,
                PerThousand,
                Some(2030),
                Some(Decrease),
                false
            ),
        ]
    );
    // Three periods, then "tương ứng" and three rates: paired in order.
    let years: Vec<_> = hp
        .iter()
        .filter(|t| t.target == "8.1")
        .map(|t| {
            (
                t.quantity.value,
                t.quantity.unit_kind,
                t.quantity.from_year,
                t.quantity.year,
            )
        })
        .collect();
    assert_eq!(
        years,
        vec![
            (Some(13.5), PercentPerYear, Some(2017), Some(2020)),
            (Some(13.0), PercentPerYear, Some(2021), Some(2025)),
            (Some(12.5), PercentPerYear, Some(2026), Some(2030)),
        ]
    );
    let (_, bt) = imported(common::BEN_TRE_2018);
    // "45/10 vạn" is per 100,000; the damaged "tuổi" leaves an age unclear.
    let bt31: Vec<_> = bt
        .iter()
        .filter(|t| t.target == "3.1")
        .map(|t| (t.quantity.value, t.quantity.unit_kind, t.quantity.reading))
        .collect();
    assert_eq!(
        bt31,
        vec![
            (Some(45.0), PerHundredThousand, Reading::Clear),
            (
                Some(1.0),
                Other,
                Reading::Unclear {
                    reason: "unknown-unit"
                }
            ),
            (Some(2.0), PerThousand, Reading::Clear),
            (Some(3.0), PerThousand, Reading::Clear),
        ]
    );
    assert_eq!(
        rows(&bt, "7.1"),
        vec![
            (Some(99.95), None, Equal, Percent, Some(2020), None, false),
            (Some(100.0), None, Equal, Percent, Some(2025), None, false),
        ]
    );
    assert_eq!(
        rows(&bt, "15.2"),
        vec![(
            Some(44.0),
            Some(45.0),
            Range,
            Percent,
            Some(2030),
            Some(Increase),
            false
        )]
    );
}

#[test]
fn hand_checked_quang_ninh() {
    let (_, qs) = imported(common::QUANG_NINH);
    assert_eq!(
        rows(&qs, "1.1"),
        vec![
            (
                Some(1.06),
                None,
                Equal,
                Percent,
                Some(2020),
                Some(Decrease),
                false
            ),
            (
                Some(1.0),
                None,
                Below,
                Percent,
                Some(2030),
                Some(Decrease),
                false
            ),
        ]
    );
    // The years follow the values: "đạt 31% vào năm 2020 và đạt 32,3% vào năm 2030".
    assert_eq!(
        rows(&qs, "7.2"),
        vec![
            (Some(31.0), None, Equal, Percent, Some(2020), None, false),
            (Some(32.3), None, Equal, Percent, Some(2030), None, false),
        ]
    );
    assert_eq!(
        rows(&qs, "8.1"),
        vec![
            (
                Some(11.0),
                Some(12.0),
                Range,
                PercentPerYear,
                Some(2020),
                Some(Increase),
                true
            ),
            (
                Some(7000.0),
                Some(8000.0),
                Range,
                Currency,
                Some(2020),
                None,
                false
            ),
            (
                Some(6.7),
                None,
                About,
                PercentPerYear,
                Some(2030),
                Some(Increase),
                true
            ),
            (
                Some(20000.0),
                None,
                About,
                Currency,
                Some(2030),
                None,
                false
            ),
        ]
    );
    let q94 = qs
        .iter()
        .filter(|t| t.target == "9.4")
        .find(|t| t.quantity.unit_kind == TimesBase)
        .map(|t| (t.quantity.value, t.quantity.year, t.quantity.base_year));
    assert_eq!(q94, Some((Some(2.0), Some(2020), Some(2015))));
    let q182: Vec<_> = qs
        .iter()
        .filter(|t| t.target == "18.2")
        .map(|t| {
            (
                t.quantity.value,
                t.quantity.out_of,
                t.quantity.unit_kind,
                t.quantity.year,
            )
        })
        .collect();
    assert_eq!(
        q182,
        vec![
            (Some(6.0), Some(13.0), Count, Some(2020)),
            (Some(13.0), Some(13.0), Count, Some(2030)),
        ]
    );
    // The document names 2020 twice here; read as printed.
    assert_eq!(
        rows(&qs, "18.5"),
        vec![
            (Some(5000.0), None, Equal, Count, Some(2020), None, false),
            (Some(10000.0), None, Equal, Count, Some(2020), None, false),
        ]
    );
    let q152: Vec<_> = rows(&qs, "15.2")
        .into_iter()
        .map(|r| (r.0, r.3, r.4, r.5))
        .collect();
    assert_eq!(
        q152,
        vec![
            (Some(55.0), Percent, Some(2020), Some(Maintain)),
            (Some(8.0), PercentPerYear, Some(2020), None),
            (Some(360.0), Currency, Some(2020), None),
            (Some(8.3), PercentPerYear, Some(2020), None),
            (Some(64.0), Percent, Some(2030), None),
            (Some(141194.25), Other, Some(2030), Some(Increase)),
            (Some(1.5), Other, Some(2030), None),
            (Some(0.7), Other, Some(2030), None),
        ]
    );
    // "Giai đoạn 2021-2020": a reversed period is flagged, not fixed.
    let q37 = qs.iter().find(|t| t.target == "3.7").map(|t| {
        (
            t.quantity.value,
            t.quantity.comparator,
            t.quantity.direction,
            t.quantity.reading,
        )
    });
    assert_eq!(
        q37,
        Some((
            Some(95.0),
            Above,
            Some(Maintain),
            Reading::Ambiguous {
                reason: "period-reversed"
            }
        ))
    );
    assert_eq!(
        rows(&qs, "17.1"),
        vec![(
            Some(10.0),
            None,
            Above,
            PercentPerYear,
            None,
            Some(Increase),
            false
        )]
    );
}
