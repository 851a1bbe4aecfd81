//! Bến Tre 2023 (370/KH-UBND): agency-prose layout. 21 key indicators in
//! section I.1, 110 tasks in 26 agency blocks in section II.

mod common;

use kehoach_import::Imported;
use kehoach_model::{Comparator, Indicator, InheritedField, Task};

fn imported() -> Imported {
    common::import_corpus(common::BEN_TRE_2023)
}

fn indicator<'a>(imp: &'a Imported, code: &str) -> &'a Indicator {
    imp.plan
        .indicators
        .iter()
        .find(|i| i.code.as_deref() == Some(code))
        .unwrap_or_else(|| panic!("indicator {code} missing"))
}

fn task_at(imp: &Imported, line: usize) -> &Task {
    imp.plan
        .tasks
        .iter()
        .find(|t| t.line == line)
        .unwrap_or_else(|| panic!("no task at line {line}"))
}

/// (value, max, comparator) of one indicator value.
fn v(i: &Indicator, k: usize) -> (Option<f64>, Option<f64>, Option<Comparator>) {
    let x = &i.values[k];
    (x.value, x.max, x.comparator)
}

#[test]
fn layout_is_agency_prose() {
    assert_eq!(imported().source.layout, "agency-prose");
}

#[test]
fn twenty_one_key_indicators_in_order() {
    let imp = imported();
    let codes: Vec<&str> = imp
        .plan
        .indicators
        .iter()
        .filter_map(|i| i.code.as_deref())
        .collect();
    let expected: Vec<String> = (1..=21).map(|n| n.to_string()).collect();
    assert_eq!(codes, expected);
    let lines: Vec<usize> = imp.plan.indicators.iter().map(|i| i.line).collect();
    assert_eq!(
        lines,
        vec![33, 37, 39, 41, 43, 45, 50, 51, 53, 56, 58, 60, 62, 64, 67, 70, 72, 75, 78, 81, 84]
    );
    // Every value is for the plan's year.
    for i in &imp.plan.indicators {
        for value in i
            .values
            .iter()
            .chain(i.components.iter().flat_map(|c| c.values.iter()))
        {
            assert_eq!(value.year, Some(2023), "indicator {:?}", i.code);
        }
    }
}

#[test]
fn growth_with_sector_components() {
    let imp = imported();
    let grdp = indicator(&imp, "1");
    assert_eq!(grdp.name, "Tốc độ tăng trưởng kinh tế (GRDP)");
    assert_eq!(grdp.unit.as_deref(), Some("%"));
    assert_eq!(v(grdp, 0), (Some(9.3), None, Some(Comparator::AtLeast)));
    assert_eq!(grdp.values[0].text, "từ 9,3% (trở lên)");
    let sectors: Vec<(Option<f64>, Option<Comparator>)> = grdp
        .components
        .iter()
        .map(|c| (c.values[0].value, c.values[0].comparator))
        .collect();
    assert_eq!(
        sectors,
        vec![
            (Some(3.9), Some(Comparator::Eq)),
            (Some(19.46), Some(Comparator::Eq)),
            (Some(8.5), Some(Comparator::Eq)),
            (Some(12.5), Some(Comparator::AtLeast)),
        ]
    );
    assert_eq!(grdp.components[3].name, "thuế sản phẩm");

    let structure = indicator(&imp, "2");
    assert_eq!(structure.name, "Cơ cấu kinh tế");
    assert!(structure.values.is_empty());
    let shares: Vec<f64> = structure
        .components
        .iter()
        .filter_map(|c| c.values[0].value)
        .collect();
    assert_eq!(shares, vec![33.0, 22.3, 41.24, 3.46]);
    assert_eq!(structure.components[0].name, "Khu vực I");
}

#[test]
fn units_and_comparators() {
    let imp = imported();
    let exports = indicator(&imp, "3");
    assert_eq!(exports.unit.as_deref(), Some("triệu USD"));
    assert_eq!(
        v(exports, 0),
        (Some(1700.0), None, Some(Comparator::AtLeast))
    );
    let investment = indicator(&imp, "4");
    assert_eq!(investment.unit.as_deref(), Some("tỷ đồng"));
    assert_eq!(
        v(investment, 0),
        (Some(28000.0), None, Some(Comparator::AtLeast))
    );
    let per_capita = indicator(&imp, "5");
    assert_eq!(per_capita.unit.as_deref(), Some("triệu đồng/người"));
    assert_eq!(v(per_capita, 0).0, Some(53.9));
    let urban = indicator(&imp, "7");
    assert_eq!(urban.name, "Tỷ lệ đô thị hóa");
    assert_eq!(v(urban, 0), (Some(24.0), None, Some(Comparator::About)));
    let poverty = indicator(&imp, "11");
    assert_eq!(poverty.name, "Tỷ lệ hộ nghèo");
    assert_eq!(v(poverty, 0), (Some(2.5), None, Some(Comparator::AtMost)));
    let water = indicator(&imp, "16");
    assert_eq!(v(water, 0), (Some(82.7), None, Some(Comparator::Eq)));
    let jobs = indicator(&imp, "17");
    assert_eq!(jobs.unit.as_deref(), Some("lao động"));
    assert_eq!(v(jobs, 0), (Some(20000.0), None, Some(Comparator::AtLeast)));
    assert_eq!(jobs.components.len(), 1);
    assert_eq!(jobs.components[0].unit.as_deref(), Some("người"));
    assert_eq!(jobs.components[0].values[0].value, Some(2000.0));
}

#[test]
fn budget_revenue_has_two_levels_and_breakdown() {
    let imp = imported();
    let revenue = indicator(&imp, "6");
    assert_eq!(revenue.unit.as_deref(), Some("tỷ đồng"));
    let levels: Vec<Option<f64>> = revenue.values.iter().map(|x| x.value).collect();
    assert_eq!(levels, vec![Some(5388.0), Some(5558.0)]);
    assert_eq!(revenue.components.len(), 2);
    let domestic: Vec<Option<f64>> = revenue.components[0]
        .values
        .iter()
        .map(|x| x.value)
        .collect();
    assert_eq!(revenue.components[0].name, "thu nội địa");
    assert_eq!(domestic, vec![Some(5258.0), Some(5428.0)]);
}

#[test]
fn counted_and_compound_items() {
    let imp = imported();
    let cooperatives = indicator(&imp, "8");
    assert_eq!(cooperatives.name, "Thành lập mới");
    let counts: Vec<(Option<f64>, Option<&str>)> = cooperatives
        .components
        .iter()
        .map(|c| (c.values[0].value, c.unit.as_deref()))
        .collect();
    assert_eq!(
        counts,
        vec![
            (Some(50.0), Some("tổ hợp tác")),
            (Some(15.0), Some("hợp tác xã")),
            (Some(1.0), Some("Liên hiệp Hợp tác xã")),
        ]
    );
    assert_eq!(
        cooperatives.components[0].values[0].comparator,
        Some(Comparator::AtLeast)
    );

    let rural = indicator(&imp, "9");
    assert_eq!(
        rural.components.len(),
        4,
        "3 counts and the district's qualitative target"
    );
    assert_eq!(rural.components[3].values[0].value, None);

    let health = indicator(&imp, "13");
    let units: Vec<Option<&str>> = health
        .components
        .iter()
        .map(|c| c.unit.as_deref())
        .collect();
    assert_eq!(
        units,
        vec![Some("giường bệnh/vạn dân"), Some("bác sĩ/vạn dân")]
    );
    assert_eq!(health.components[1].values[0].value, Some(10.05));

    let insurance = indicator(&imp, "14");
    let rates: Vec<Option<f64>> = insurance
        .components
        .iter()
        .map(|c| c.values[0].value)
        .collect();
    assert_eq!(rates, vec![Some(95.01), Some(16.0), Some(13.28)]);

    let defence = indicator(&imp, "18");
    assert_eq!(defence.components.len(), 4);
    assert_eq!(
        (
            defence.components[3].values[0].value,
            defence.components[3].values[0].comparator
        ),
        (Some(80.0), Some(Comparator::AtLeast))
    );

    let exercises = indicator(&imp, "19");
    assert_eq!(exercises.components[0].unit.as_deref(), Some("huyện"));
    assert_eq!(exercises.components[0].values[0].value, Some(3.0));
    assert_eq!(exercises.components[1].values[0].value, Some(25.0));

    let crime = indicator(&imp, "20");
    assert_eq!(crime.values.len(), 1);
    assert_eq!(
        crime.values[0].value, None,
        "qualitative: '03 tiêu chí' is not a target"
    );

    let cases = indicator(&imp, "21");
    let solved: Vec<(Option<f64>, Option<Comparator>)> = cases
        .components
        .iter()
        .map(|c| (c.values[0].value, c.values[0].comparator))
        .collect();
    assert_eq!(
        solved,
        vec![
            (Some(80.0), Some(Comparator::AtLeast)),
            (Some(90.0), Some(Comparator::AtLeast))
        ]
    );
}

/// Tasks grouped by their block heading, in order: (first heading line's lead_raw, count).
fn blocks(imp: &Imported) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for t in &imp.plan.tasks {
        let raw = t.lead_raw.clone().unwrap_or_default();
        match out.last_mut() {
            Some((last, n)) if *last == raw => *n += 1,
            _ => out.push((raw, 1)),
        }
    }
    out
}

#[test]
fn one_hundred_ten_tasks_in_twenty_six_blocks() {
    let imp = imported();
    assert_eq!(imp.plan.tasks.len(), 110);
    assert!(imp.plan.goals.is_empty());
    let counts: Vec<usize> = blocks(&imp).iter().map(|(_, n)| *n).collect();
    assert_eq!(
        counts,
        vec![11, 5, 6, 1, 4, 4, 6, 3, 3, 3, 2, 5, 4, 6, 6, 5, 3, 3, 3, 3, 3, 5, 3, 4, 1, 8]
    );
    for t in &imp.plan.tasks {
        assert!(!t.lead.is_empty(), "task at line {} has no lead", t.line);
        assert_eq!(t.inherited, vec![InheritedField::Lead]);
        assert_eq!(t.code, None, "bullets carry no number");
        assert!(
            (149..940).contains(&t.line),
            "task at {} outside section II",
            t.line
        );
        assert!(!t.text.starts_with("- ") && !t.text.contains('\n'));
    }
}

#[test]
fn hand_checked_tasks() {
    let imp = imported();
    let first = task_at(&imp, 150);
    assert_eq!(first.lead, vec!["Sở Kế hoạch và Đầu tư"]);

    let finance = task_at(&imp, 236);
    assert_eq!(finance.lead, vec!["Sở Tài chính"]);
    assert!(finance.text.ends_with("6.000 tỷ đồng."));

    let statistics = task_at(&imp, 295);
    assert_eq!(statistics.lead, vec!["Cục Thống kê tỉnh"]);
    assert_eq!(statistics.lead_raw.as_deref(), Some("Cục Thống kê"));
    assert_eq!(statistics.coordinating, vec!["Các sở, ban, ngành"]);

    let bank = task_at(&imp, 309);
    assert!(bank
        .lead_raw
        .as_deref()
        .is_some_and(|r| r.starts_with("Ngân hàng Nhà nước Chi nhánh Bến Tre chỉ đạo")));
    assert_eq!(bank.lead, vec!["Ngân hàng Nhà nước chi nhánh tỉnh"]);

    let trade = task_at(&imp, 344);
    assert_eq!(
        trade.lead,
        vec!["Sở Công Thương"],
        "heading wrapped as 'Sở Công' / 'Thương'"
    );

    let office = task_at(&imp, 784);
    assert_eq!(office.lead, vec!["Văn phòng Ủy ban nhân dân tỉnh"]);

    let border = task_at(&imp, 860);
    assert_eq!(border.lead, vec!["Bộ Chỉ huy Bộ đội Biên phòng tỉnh"]);

    let boards = task_at(&imp, 888);
    assert_eq!(
        boards.lead.len(),
        3,
        "three project boards share one heading"
    );
    assert!(
        boards.text.contains("năm 2023. Đồng thời"),
        "'2023.' is not heading 26"
    );

    let all = task_at(&imp, 896);
    assert_eq!(
        all.lead,
        vec!["Các sở, ban, ngành", "Ủy ban nhân dân cấp huyện"]
    );

    let last = task_at(&imp, 932);
    assert_eq!(
        last.coordinating_raw.as_deref(),
        Some("các Ban Quản lý dự án đầu tư xây dựng cấp tỉnh")
    );
    assert_eq!(
        task_at(&imp, 223).coordinating_raw.as_deref(),
        Some("các cơ quan, đơn vị có liên quan")
    );
}

#[test]
fn layout_diagnostics() {
    let imp = imported();
    let has = |code: &str, line: usize| {
        imp.plan
            .diagnostics
            .iter()
            .any(|d| d.code == code && d.line == Some(line))
    };
    assert!(has("delegated-lead", 307));
    assert!(has("shared-prefix-heading", 885));
    assert!(has("qualitative-indicator", 81));
    assert!(has("indicator-several-levels", 45));
    assert!(!imp
        .plan
        .diagnostics
        .iter()
        .any(|d| d.code == "empty-agency-block"));
}
