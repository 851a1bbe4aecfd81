//! Tables flattened to one cell per line, one appendix per lead agency
//! (Hải Phòng 2017). Each appendix names its lead in its header
//! ("CƠ QUAN CHỦ TRÌ THỰC HIỆN: SỞ Y TẾ."), lists the targets it covers, and
//! holds a table TT / Nhiệm vụ / Đơn vị phối hợp / Giai đoạn thực hiện.
//!
//! - A target row is a bare number and a "Mục tiêu N.M: …" label; a
//!   sub-target ("Mục tiêu N.M.x:") follows on its own row, inside the first
//!   task's cell, or serves as the target row's label. Tasks go under the
//!   sub-target where there is one. A sub-target label without a statement
//!   of its own takes its parent target's statement. Each appendix's lead is
//!   a lead of the targets its tasks are filed under.
//! - A task row is a number "k.n" (or deeper, "1.1.2.1"), its text, then
//!   the coordinating and period cells if the row prints them: merged cells
//!   are printed on their first row only, so missing cells are filled down
//!   within the target group (see [`cells`]).
//! - Targets of one goal are gathered from all appendices, in order of first
//!   appearance; a target printed in two appendices is one target holding
//!   the tasks of both (reported as `target-shared-by-leads`).

mod appendix;
mod cells;
mod lines;
mod rows;
mod table;
mod targets;

use crate::layout::Body;
use crate::{Ctx, SourceText};

/// At least two appendices, each naming its lead agency in its header.
pub fn applies(src: &SourceText) -> bool {
    appendix::appendix_starts(src).len() >= 2
}

pub fn parse(ctx: &mut Ctx) -> Body {
    let appendices = appendix::split(ctx.src, ctx.diags);
    let mut book = targets::TargetBook::default();
    let mut free = Vec::new();
    for app in &appendices {
        table::read_table(ctx, app, &mut book, &mut free);
    }
    book.report_shared(ctx.diags);
    Body {
        goals: book.into_goals(),
        tasks: free,
        indicators: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::applies;
    use crate::SourceText;

    fn corpus_source(name: &str) -> SourceText {
        let dir = crate::corpus::corpus_dir_from(Path::new(env!("CARGO_MANIFEST_DIR")))
            .unwrap_or_else(|| panic!("corpus not found"));
        let text =
            std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("read {name}: {e}"));
        SourceText::from_text(&text)
    }

    #[test]
    fn applies_to_hai_phong_only() {
        assert!(applies(&corpus_source(
            "hai-phong-2017-sdg-2894-qd-ubnd.txt"
        )));
        assert!(!applies(&corpus_source(
            "ben-tre-2018-sdg-2699-qd-ubnd.txt"
        )));
    }

    #[test]
    fn one_appendix_is_not_enough() {
        let src = SourceText::from_text("PHỤ LỤC 01\n\nCƠ QUAN CHỦ TRÌ THỰC HIỆN: SỞ Y TẾ.\n");
        assert!(!applies(&src));
    }

    fn parse_text(text: &str) -> (crate::layout::Body, usize) {
        let src = SourceText::from_text(text);
        let mut agencies = crate::agency::AgencyBook::new(crate::agency::Registry::builtin());
        let mut diags = crate::diagnostics::Diagnostics::default();
        let mut ctx = crate::Ctx {
            src: &src,
            agencies: &mut agencies,
            diags: &mut diags,
        };
        let body = super::parse(&mut ctx);
        (body, diags.len())
    }

    #[test]
    fn small_and_broken_tables() {
        let head = "PHỤ LỤC 01\nCƠ QUAN CHỦ TRÌ THỰC HIỆN: SỞ Y TẾ.\nTT\nNhiệm vụ\nĐơn vị phối hợp\nGiai đoạn thực hiện\n";
        let text = format!(
            "{head}1\nMục tiêu 3.1: Giảm\n1.1\nViệc một\nSở Tài chính\n2017-2020\n1.2\nViệc hai\n\u{a0}\n{head}1.1\n\u{a0}\n2\n"
        );
        let (body, diags) = parse_text(&text);
        assert_eq!(body.goals.len(), 1);
        let tasks = &body.goals[0].targets[0].tasks;
        assert_eq!(tasks.len(), 2);
        assert_eq!(tasks[1].period.as_deref(), Some("2017-2020"));
        // The second appendix's task has no target row above it.
        assert_eq!(body.tasks.len(), 1);
        assert!(diags > 0);
        for cut in [0, 1, 12, 40, 77] {
            let end = text.char_indices().nth(cut).map_or(text.len(), |(i, _)| i);
            let _ = parse_text(&text[..end]);
        }
    }
}
