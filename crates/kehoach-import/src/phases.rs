//! The plan's title, horizon and phases.
//!
//! A decision ("Quyết định") issues a plan attached to it, whose own title
//! ("KẾ HOẠCH HÀNH ĐỘNG …") follows the decision's signature; a plan document
//! is its own title. Phases are the periods the plan's sections are organised
//! by ("1.1. Giai đoạn 2018 - 2020"); the horizon runs from the first phase
//! (or the year of issue) to the last year the plan aims at.

use std::sync::OnceLock;

use kehoach_model::{Document, PlanHeader, YearRange};
use regex::Regex;

use crate::Ctx;

fn phase_heading_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?:[0-9IVX]+(?:\.[0-9]+)*\.?|[a-zđ]\))\s.{0,80}[Gg]iai đoạn\s+((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\s*:?$")
            .unwrap_or_else(|e| panic!("bad regex: {e}"))
    })
}

fn year_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\b((?:19|20)\d\d)\b").unwrap_or_else(|e| panic!("bad regex: {e}"))
    })
}

pub fn read_plan_header(ctx: &mut Ctx, document: &Document) -> PlanHeader {
    let title = plan_title(ctx, document);
    let mut phases: Vec<YearRange> = Vec::new();
    for line in &ctx.src.lines {
        // Every phase heading holds "giai đoạn": a substring test spares
        // most lines the regex.
        if !line.text.contains("iai đoạn") {
            continue;
        }
        let Some(caps) = phase_heading_re().captures(&line.text) else {
            continue;
        };
        let (Some(a), Some(b)) = (caps.get(1), caps.get(2)) else {
            continue;
        };
        let (Ok(from), Ok(to)) = (a.as_str().parse::<i32>(), b.as_str().parse::<i32>()) else {
            continue;
        };
        let phase = YearRange { from, to };
        if from <= to && !phases.contains(&phase) {
            phases.push(phase);
        }
    }
    phases.sort();
    let issued = document
        .issued_on
        .as_deref()
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse::<i32>().ok());
    let title_years: Vec<i32> = title
        .iter()
        .chain(document.title.iter())
        .flat_map(|t| {
            year_re()
                .find_iter(t)
                .filter_map(|m| m.as_str().parse::<i32>().ok())
        })
        .collect();
    let to = title_years
        .iter()
        .copied()
        .chain(phases.iter().map(|p| p.to))
        .max();
    let from = phases.iter().map(|p| p.from).min().or(issued);
    let horizon = match (from, to) {
        (Some(from), Some(to)) if from <= to => Some(YearRange { from, to }),
        _ => None,
    };
    PlanHeader {
        title,
        horizon,
        phases,
    }
}

/// The attached plan's heading after the header, else the document's title.
fn plan_title(ctx: &Ctx, document: &Document) -> Option<String> {
    let lines = &ctx.src.lines;
    let is_decision = document.kind.as_deref() == Some("Quyết định");
    if is_decision {
        let start = lines.iter().position(|l| {
            l.text.starts_with("KẾ HOẠCH") && !l.text.chars().any(char::is_lowercase)
        });
        if let Some(start) = start {
            let title = crate::metadata::capitalised_block(&lines[start..]).join(" ");
            if !title.is_empty() {
                return Some(title);
            }
        }
    }
    document.title.clone()
}

#[cfg(test)]
mod tests {
    use super::phase_heading_re;

    #[test]
    fn phase_headings() {
        assert!(phase_heading_re().is_match("1.1. Giai đoạn 2018 - 2020"));
        assert!(phase_heading_re()
            .is_match("1. Các nhiệm vụ chủ yếu thực hiện trong giai đoạn 2017 - 2020"));
        assert!(!phase_heading_re()
            .is_match("Tiếp tục thực hiện chương trình giai đoạn 2016-2020; phấn đấu"));
    }
}
