//! Tables flattened to one cell per line. Two tables of this family are
//! known: with a lead-agency column (Bến Tre 2018) and with one appendix
//! per lead agency whose table has no lead column (Hải Phòng).

mod lead_column;
mod lead_per_appendix;

use super::Body;
use crate::Ctx;

pub fn parse(ctx: &mut Ctx) -> Body {
    if lead_per_appendix::applies(ctx.src) {
        lead_per_appendix::parse(ctx)
    } else {
        lead_column::parse(ctx)
    }
}
