//! Tricky phrases, written for these tests (not taken from the corpus).

use super::*;

fn one(text: &str) -> Quantity {
    let qs = quantities(text);
    assert_eq!(qs.len(), 1, "{text}: {qs:#?}");
    qs.into_iter().next().unwrap_or_else(|| unreachable!())
}

#[test]
fn level_below_per_hundred_thousand_written_as_ten_van() {
    let q = one("Phấn đấu đến năm 2030 tỷ số tử vong mẹ không quá 30/10 vạn trẻ đẻ sống");
    assert_eq!(q.value, Some(30.0));
    assert_eq!(q.comparator, Comparator::AtMost);
    assert_eq!(q.unit_kind, UnitKind::PerHundredThousand);
    assert_eq!(q.unit, "/10 vạn trẻ đẻ sống");
    assert_eq!(q.year, Some(2030));
    assert_eq!(q.direction, Some(Direction::Decrease));
    assert!(!q.change);
    assert_eq!(q.reading, Reading::Clear);
}

#[test]
fn two_years_two_levels_in_one_statement() {
    let qs =
        quantities("Đến năm 2025, giảm tỷ lệ hộ nghèo xuống dưới 2,5%; đến năm 2030 còn dưới 1,5%");
    let got: Vec<_> = qs
        .iter()
        .map(|q| (q.value, q.comparator, q.year, q.direction, q.change))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                Some(2.5),
                Comparator::Below,
                Some(2025),
                Some(Direction::Decrease),
                false
            ),
            (
                Some(1.5),
                Comparator::Below,
                Some(2030),
                Some(Direction::Decrease),
                false
            ),
        ]
    );
    // The span points at the phrase in the statement.
    let text = "Đến năm 2025, giảm tỷ lệ hộ nghèo xuống dưới 2,5%; đến năm 2030 còn dưới 1,5%";
    assert_eq!(&text[qs[1].span.clone()], "còn dưới 1,5%");
}

#[test]
fn age_is_a_qualifier_and_per_thousand_written_with_tren() {
    let q = one("tỷ suất tử vong trẻ dưới 5 tuổi còn 12 ca trên 1.000 trẻ đẻ sống vào năm 2028");
    assert_eq!(q.value, Some(12.0));
    assert_eq!(q.comparator, Comparator::Equal);
    assert_eq!(q.unit_kind, UnitKind::PerThousand);
    assert_eq!(q.year, Some(2028));
    assert_eq!(q.direction, Some(Direction::Decrease));
}

#[test]
fn percent_per_year_over_a_period() {
    let q = one("Giai đoạn 2021-2025, thu ngân sách tăng bình quân 9,5%/năm");
    assert_eq!(q.value, Some(9.5));
    assert_eq!(q.unit_kind, UnitKind::PercentPerYear);
    assert_eq!((q.from_year, q.year), (Some(2021), Some(2025)));
    assert_eq!(q.direction, Some(Direction::Increase));
    assert!(q.change);
}

#[test]
fn times_the_base_year() {
    let q = one("Đến năm 2030, năng suất lao động tăng gấp 1,8 lần so với năm 2020");
    assert_eq!(q.value, Some(1.8));
    assert_eq!(q.unit_kind, UnitKind::TimesBase);
    assert_eq!(q.base_year, Some(2020));
    assert_eq!(q.year, Some(2030));
    assert!(q.change);
    assert_eq!(q.phrase, "tăng gấp 1,8 lần so với năm 2020");
}

#[test]
fn twice_in_words_without_a_verb_is_an_increase() {
    let q = one("đến năm 2027 số doanh nghiệp gấp đôi");
    assert_eq!((q.value, q.unit_kind), (Some(2.0), UnitKind::TimesBase));
    assert_eq!(q.direction, Some(Direction::Increase));
}

#[test]
fn price_base_year_is_not_the_target_year() {
    let q =
        one("Đến năm 2025, thu nhập bình quân đầu người đạt khoảng 5.500 USD (giá hiện hành 2020)");
    assert_eq!(q.value, Some(5500.0));
    assert_eq!(q.comparator, Comparator::About);
    assert_eq!(q.unit_kind, UnitKind::Currency);
    assert_eq!(q.year, Some(2025));
    assert_eq!(q.direction, None);
}

#[test]
fn references_dates_and_target_numbers_are_not_quantities() {
    let q = one(
        "Theo Quyết định số 1234/QĐ-UBND ngày 05/6/2019 và Mục tiêu 3.2, đạt 100% xã có trạm y tế theo ISO 9001 từ tháng 7",
    );
    assert_eq!((q.value, q.unit_kind), (Some(100.0), UnitKind::Percent));
    assert_eq!(q.year, None);
}

#[test]
fn maintain_and_at_least() {
    let q = one("độ che phủ rừng duy trì ổn định ở mức 45%");
    assert_eq!(q.direction, Some(Direction::Maintain));
    assert!(!q.change);
    let q = one("tỷ lệ trường đạt chuẩn từ 70% trở lên");
    assert_eq!(q.comparator, Comparator::AtLeast);
    assert_eq!(q.direction, Some(Direction::Increase));
}

#[test]
fn relative_change_with_a_base_year_is_clear_but_of_a_rate_is_ambiguous() {
    let q = one("giảm 15% số vụ tai nạn giao thông so với năm 2020");
    assert!(q.change);
    assert_eq!(q.base_year, Some(2020));
    assert_eq!(q.reading, Reading::Clear);
    let q = one("giảm 2% tỷ lệ trẻ suy dinh dưỡng");
    assert_eq!(
        q.reading,
        Reading::Ambiguous {
            reason: "percent-or-points"
        }
    );
}

#[test]
fn respectively_pairs_years_in_order() {
    let qs = quantities("Tỷ lệ che phủ các năm 2023, 2024 và 2025 đạt tương ứng 40%, 45% và 50%.");
    let got: Vec<_> = qs.iter().map(|q| (q.value, q.year)).collect();
    assert_eq!(
        got,
        vec![
            (Some(40.0), Some(2023)),
            (Some(45.0), Some(2024)),
            (Some(50.0), Some(2025))
        ]
    );
    let qs = quantities("Đến năm 2025 hai tỷ lệ tương ứng là 60% và 70%");
    assert!(qs.iter().all(|q| q.reading
        == Reading::Ambiguous {
            reason: "respectively-mismatch"
        }));
}

#[test]
fn population_group_duration_and_phase_numbers_are_skipped() {
    let q = one("trong 5 năm, thu nhập của nhóm 20% dân số nghèo nhất (Chương trình 135 giai đoạn 2) tăng 10%");
    assert_eq!(q.value, Some(10.0));
    assert!(q.change);
    assert_eq!(q.direction, Some(Direction::Increase));
}

#[test]
fn counts_fractions_and_ranges() {
    let q = one("có 6/13 huyện đạt chuẩn");
    assert_eq!((q.value, q.out_of), (Some(6.0), Some(13.0)));
    assert_eq!((q.unit_kind, q.unit.as_str()), (UnitKind::Count, "huyện"));
    let q = one("sản lượng từ 1,5 đến 2 triệu tấn");
    assert_eq!((q.value, q.max), (Some(1.5), Some(2.0)));
    assert_eq!(q.comparator, Comparator::Range);
    assert_eq!(
        (q.unit_kind, q.unit.as_str()),
        (UnitKind::Other, "triệu tấn")
    );
}

#[test]
fn comparative_is_flagged_as_a_possible_qualifier() {
    let q = one("người có thu nhập thấp hơn 2 USD/ngày");
    assert_eq!(q.comparator, Comparator::Below);
    assert_eq!(
        q.reading,
        Reading::Ambiguous {
            reason: "comparative-qualifier"
        }
    );
}

#[test]
fn unclear_numbers_are_returned_with_the_reason() {
    let qs = quantities("hoàn thành 3 nhiệm vụ; đạt 75; mức ٣");
    let reasons: Vec<_> = qs.iter().map(|q| q.reading).collect();
    assert_eq!(
        reasons,
        vec![
            Reading::Unclear {
                reason: "unknown-unit"
            },
            Reading::Unclear { reason: "no-unit" },
            Reading::Unclear {
                reason: "unreadable-number"
            },
        ]
    );
    assert_eq!(qs[0].unit, "nhiệm");
}

#[test]
fn reversed_period_is_flagged() {
    let q = one("Giai đoạn 2026-2025 đạt trên 95%");
    assert_eq!(
        q.reading,
        Reading::Ambiguous {
            reason: "period-reversed"
        }
    );
}

#[test]
fn never_panics_on_odd_input() {
    for text in [
        "",
        "%",
        "/",
        "2030-",
        "1,2,3%",
        "gấp",
        "một nửa",
        "tương ứng",
        "so với",
        "45/",
        "10 vạn",
        "trên 1.000",
        "đến năm",
        "ổn",
        "Đ",
        "😀 12 😀",
        "12\u{a0}%",
        "(((3",
    ] {
        let _ = quantities(text);
    }
}
