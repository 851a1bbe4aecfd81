//! Prose organised by responsible agency (Bến Tre 2023): a yearly plan whose
//! section I lists numbered key indicators "1)"…"21)" and whose task section
//! ("II. NHIỆM VỤ, GIẢI PHÁP…") is a run of numbered agency headings, each
//! followed by "- " task bullets or one unbulleted paragraph. Lines are hard
//! wrapped with no blank lines, so paragraphs are found by their markers.

mod agency_blocks;
mod coordinating;
mod heading;
mod key_indicators;
mod mentions;
mod sections;

use std::sync::OnceLock;

use regex::Regex;

use super::Body;
use crate::{Ctx, SourceText};

pub fn parse(ctx: &mut Ctx) -> Body {
    let end = sections::body_end(ctx.src);
    let all = sections::roman_sections(ctx.src, end);
    let year = plan_year(ctx.src, all.first().map_or(end, |s| s.start));
    let task_section = all.iter().position(|s| is_task_section(&s.title));

    let indicator_range = match task_section {
        Some(i) => 0..all.get(i).map_or(end, |s| s.start),
        None => 0..end,
    };
    let indicators = key_indicators::parse(ctx, indicator_range, year);

    let tasks = match task_section.and_then(|i| all.get(i)) {
        Some(section) => agency_blocks::parse(ctx, section.start + 1..section.end),
        None => {
            ctx.diags.warning(
                "task-section-not-found",
                "no section titled \"NHIỆM VỤ, GIẢI PHÁP\" was found: no agency blocks read",
                None,
            );
            Vec::new()
        }
    };
    Body {
        goals: Vec::new(),
        tasks,
        indicators,
    }
}

/// "II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU" and its variants.
fn is_task_section(title: &str) -> bool {
    let folded = kehoach_vi::fold(title);
    let after_numeral = folded.split_once('.').map_or(folded.as_str(), |(_, t)| t);
    after_numeral.trim_start().starts_with("nhiem vu")
}

/// The plan's year: "… NĂM 2023" at the end of the capitalised title, else
/// the year of the signing date, both before the first section.
fn plan_year(src: &SourceText, before: usize) -> Option<i32> {
    static TITLE: OnceLock<Regex> = OnceLock::new();
    static DATE: OnceLock<Regex> = OnceLock::new();
    let title = TITLE
        .get_or_init(|| Regex::new(r"NĂM (\d{4})\b").unwrap_or_else(|e| panic!("bad regex: {e}")));
    let date = DATE.get_or_init(|| {
        Regex::new(r"ngày \d{1,2} tháng \d{1,2} năm (\d{4})")
            .unwrap_or_else(|e| panic!("bad regex: {e}"))
    });
    let head = &src.lines[..before.min(src.lines.len())];
    let find = |re: &Regex| {
        head.iter().find_map(|l| {
            re.captures(&l.text)
                .and_then(|c| c.get(1))
                .and_then(|m| m.as_str().parse().ok())
        })
    };
    find(title).or_else(|| find(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Body {
        crate::layout::testing::run(text, parse).0
    }

    #[test]
    fn small_plan() {
        let body = run("KẾ HOẠCH NĂM 2024\nI. CHỈ TIÊU\n1) Tỷ lệ X đạt\ntrên 90%;\n2) Y khoảng 6,5-7%.\nII. NHIỆM VỤ, GIẢI PHÁP\n1. Sở Y tế\n- Làm A,\nphối hợp với các sở, ngành trong việc B.\n- Làm C.\n2. Cục Thống kê\nTheo dõi số liệu thống kê\ntrên địa bàn.\nIII. TỔ CHỨC THỰC HIỆN\n- Không phải nhiệm vụ.\n");
        assert_eq!(body.indicators.len(), 2);
        let x = &body.indicators[0].values[0];
        assert_eq!(
            (x.year, x.value, x.comparator),
            (
                Some(2024),
                Some(90.0),
                Some(kehoach_model::Comparator::Above)
            )
        );
        let y = &body.indicators[1].values[0];
        assert_eq!((y.value, y.max), (Some(6.5), Some(7.0)));
        let lines: Vec<usize> = body.tasks.iter().map(|t| t.line).collect();
        assert_eq!(lines, vec![8, 10, 12]);
        assert_eq!(
            body.tasks[0].text,
            "Làm A, phối hợp với các sở, ngành trong việc B."
        );
        assert_eq!(body.tasks[0].coordinating, vec!["Các sở, ban, ngành"]);
        assert_eq!(body.tasks[2].lead, vec!["Cục Thống kê tỉnh"]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "1) ((( 5,\n2) )9%- ;(trở lên)\n3) từ\nII. NHIỆM VỤ\n1.\n1. Các Ban: ;\n- \n2. Ngân hàng chỉ đạo\nNơi nhận:\n- x",
            "II. NHIỆM VỤ\n1. Sở\n- phối hợp\n- phối hợp với các\n2. Đạt 1.000.000,5 - 2% (trong đó, a 1; b ,2))",
            "1) Đạt 5 ; trong đó ; trong đó 3 xã (trở lên) và 4%/năm, 7 người,",
        ] {
            let _ = run(text);
        }
    }
}
