//! Repair of damaged words before parsing (see kehoach_vi::repair for the rules).

use kehoach_model::{Diagnostic, Severity};
use kehoach_vi::repair::{Repair, Repairer};

use crate::diagnostics::Diagnostics;
use crate::{Line, RepairStats, SourceText};

/// Counts the invalid syllables of the document and, when `enabled`, repairs
/// the damaged words in place (line numbers kept), each repair reported as a
/// `repaired-text` diagnostic.
pub fn repair_source(src: &mut SourceText, enabled: bool, diags: &mut Diagnostics) -> RepairStats {
    let lines = src.lines.iter().map(Line::raw);
    if !enabled {
        let invalid = Repairer::count_invalid_words(lines);
        return RepairStats {
            invalid_before: invalid,
            invalid_after: invalid,
            repaired: 0,
        };
    }
    let repairer = Repairer::from_document(lines);
    let invalid_before = repairer.invalid_words();
    let mut stats = RepairStats {
        invalid_before,
        invalid_after: invalid_before,
        repaired: 0,
    };
    for (index, invalid_in_line) in repairer.invalid_words_per_line() {
        let Some(line) = src.lines.get_mut(index) else {
            continue;
        };
        let (fixed, repairs) = repairer.repair_document_line(index, line.raw());
        if repairs.is_empty() {
            continue;
        }
        // Recount only the lines touched: a repair may leave a word invalid
        // elsewhere in the line, and the figure must be exact.
        let invalid_left = repairer
            .count_invalid_after(invalid_in_line, &repairs)
            .unwrap_or_else(|| repairer.count_invalid_in(&fixed));
        stats.invalid_after = (stats.invalid_after + invalid_left).saturating_sub(invalid_in_line);
        stats.repaired += repairs.len();
        for repair in repairs {
            diags.push(repair_diagnostic(line.no, repair));
        }
        *line = Line::new(line.no, fixed);
    }
    stats
}

fn repair_diagnostic(line: usize, repair: Repair) -> Diagnostic {
    let message = format!(
        "damaged word \"{}\" repaired to \"{}\"",
        repair.before, repair.after
    );
    let mut diagnostic = Diagnostic::new(Severity::Info, "repaired-text", message, Some(line));
    diagnostic.before = Some(repair.before);
    diagnostic.after = Some(repair.after);
    diagnostic
}
