//! Reporting rules stated in the text: who reports to whom, how often, by when.

use kehoach_model::ReportingRule;

use crate::Ctx;

pub fn read_reporting_rules(_ctx: &mut Ctx) -> Vec<ReportingRule> {
    Vec::new()
}
