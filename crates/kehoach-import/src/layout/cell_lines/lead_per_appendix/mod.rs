//! Tables flattened to one cell per line, one appendix per lead agency
//! (Hải Phòng 2017). Each appendix names its lead in its header
//! ("CƠ QUAN CHỦ TRÌ THỰC HIỆN: SỞ Y TẾ."), lists the targets it covers, and
//! holds a table TT / Nhiệm vụ / Đơn vị phối hợp / Giai đoạn thực hiện.
//!
//! - A target row is a bare number and a "Mục tiêu N.M: …" label; a
//!   sub-target ("Mục tiêu N.M.x:") follows on its own row, inside the first
//!   task's cell, or serves as the target row's label. Tasks go under the
//!   sub-target where there is one. A bare sub-target label takes the
//!   statement of the target row above it as its text.
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
