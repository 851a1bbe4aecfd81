//! A goal/target/task table with lead and coordinating columns, flattened
//! to one cell per line (Bến Tre 2018, QĐ 2699/QĐ-UBND).
//!
//! Rows are rebuilt from the STT cells ([`rows`]); merged assignment cells
//! are shared down their rows column by column and never past a goal or
//! target row ([`merged`]); the tree is built in [`tree`].

mod cell_kind;
mod merged;
mod rows;
mod table;
mod tree;

use crate::layout::Body;
use crate::Ctx;

pub fn parse(ctx: &mut Ctx) -> Body {
    let Some(table) = table::find_table(ctx.src) else {
        ctx.diags.warning(
            "no-assignment-table",
            "no table header with an STT, a target/task and a lead-agency column was found",
            None,
        );
        return Body::default();
    };
    if !table.columns.contains(&table::Column::Coordinating) {
        ctx.diags.info(
            "no-coordinating-column",
            "the table header names no coordinating-agency column",
            Some(table.header_line),
        );
    }
    let mut tree = tree::Tree::new(table.columns.clone());
    for row in rows::group_rows(&table.cells) {
        tree.add_row(ctx, &row);
    }
    Body {
        goals: tree.into_goals(),
        ..Body::default()
    }
}

#[cfg(test)]
mod tests {
    use kehoach_model::InheritedField;

    use super::parse;

    use crate::layout::Body;

    fn run(cells: &[&str]) -> (Body, Vec<(String, Option<usize>)>) {
        let (body, diags) = crate::layout::testing::run(&cells.join("\n\n"), parse);
        let found = diags
            .into_vec()
            .into_iter()
            .filter(|d| d.code != "unknown-agency")
            .map(|d| (d.code, d.line))
            .collect();
        (body, found)
    }

    const HEADER: [&str; 4] = [
        "STT",
        "MỤC TIÊU, NHIỆM VỤ",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
    ];

    #[test]
    fn merged_cells_stop_at_target_rows() {
        let mut cells = HEADER.to_vec();
        cells.extend([
            "I",
            "Mục tiêu 1: A",
            "1",
            "MTCT 1.1: B",
            "-",
            "Làm C",
            "Sở Y tế",
            "Sở Tài chính",
            "-",
            "Làm D",
            "2",
            "MTCT 1.2: E",
            "-",
            "Làm F",
        ]);
        let (body, diags) = run(&cells);
        let targets = &body.goals[0].targets;
        let second = &targets[0].tasks[1];
        assert_eq!(second.lead, vec!["Sở Y tế"]);
        assert_eq!(
            second.inherited,
            vec![InheritedField::Lead, InheritedField::Coordinating]
        );
        let across = &targets[1].tasks[0];
        assert!(across.lead.is_empty() && across.inherited.is_empty());
        assert!(diags.contains(&("merge-stops-at-target".to_string(), Some(35))));
    }

    #[test]
    fn target_row_cells_reach_its_tasks() {
        let mut cells = HEADER.to_vec();
        cells.extend([
            "I",
            "Mục tiêu 1: A",
            "1",
            "MTCT 1.1: B",
            "Sở Y tế",
            "-",
            "Làm C",
        ]);
        let (body, _) = run(&cells);
        let target = &body.goals[0].targets[0];
        assert_eq!(target.lead, vec!["Sở Y tế"]);
        assert_eq!(target.tasks[0].lead, vec!["Sở Y tế"]);
        assert_eq!(target.tasks[0].inherited, vec![InheritedField::Lead]);
    }

    #[test]
    fn malformed_rows_are_reported_not_dropped_silently() {
        let mut cells = HEADER.to_vec();
        cells.extend([
            "-",
            "Làm trước mục tiêu",
            "MTCT 2.1: lạc",
            "II",
            "Mục tiêu 3: X",
            "7",
            "-",
            "Sở Y tế",
            "\u{a0}",
            "XVII",
        ]);
        let (body, diags) = run(&cells);
        let codes: Vec<&str> = diags.iter().map(|(c, _)| c.as_str()).collect();
        for code in [
            "unplaced-row",
            "goal-number-mismatch",
            "empty-row",
            "stray-empty-cell",
        ] {
            assert!(codes.contains(&code), "{code} in {codes:?}");
        }
        assert_eq!(body.goals.len(), 1);
    }

    #[test]
    fn no_header_no_body() {
        let (body, diags) = run(&["-", "Làm A", "Sở Y tế"]);
        assert!(body.is_empty());
        assert_eq!(diags, vec![("no-assignment-table".to_string(), None)]);
    }
}
