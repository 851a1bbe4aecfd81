//! The plan's title, horizon and phases.

use kehoach_model::{Document, PlanHeader};

use crate::Ctx;

pub fn read_plan_header(_ctx: &mut Ctx, _document: &Document) -> PlanHeader {
    PlanHeader::default()
}
