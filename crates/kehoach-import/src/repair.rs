//! Repair of damaged words before parsing (see kehoach_vi::repair for the rules).

use crate::diagnostics::Diagnostics;
use crate::{RepairStats, SourceText};

pub fn repair_source(
    _src: &mut SourceText,
    _enabled: bool,
    _diags: &mut Diagnostics,
) -> RepairStats {
    RepairStats::default()
}
