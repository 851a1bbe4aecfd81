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
