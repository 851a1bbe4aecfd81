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
