//! Merged (row-spanning) assignment cells, column by column.
//!
//! A merged cell is printed once, on its first row; a later row that prints
//! no cell in that column shares it. Goal and target rows span the
//! assignment columns with their own text, so no merged cell of a task
//! group reaches past them: each resets every column (a target row that
//! prints its own assignment cells opens them for the tasks below).

use super::table::Column;
use crate::agency::alias_key;

/// An assignment cell as printed, with the agencies it names (resolved once).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Printed {
    pub line: usize,
    pub raw: String,
    /// Canonical agency names; empty for the period column.
    pub names: Vec<String>,
}

/// One column's value for one row, and whether it came from a row above.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Value {
    pub column: Column,
    pub printed: Option<Printed>,
    pub inherited: bool,
    /// The row printed its own cell, identical to the one it would have
    /// shared: a merge the document spelled out twice.
    pub repeated: bool,
}

#[derive(Debug, Clone)]
pub(super) struct MergedCells {
    columns: Vec<Column>,
    open: Vec<Option<Printed>>,
}

impl MergedCells {
    pub fn new(columns: Vec<Column>) -> MergedCells {
        let open = vec![None; columns.len()];
        MergedCells { columns, open }
    }

    /// A goal row, or a target row: the cells above end here. `own` holds
    /// the target row's own cells (all `None` for a goal row).
    pub fn restart(&mut self, own: Vec<Option<Printed>>) {
        self.open = own;
        self.open.resize(self.columns.len(), None);
    }

    /// Whether any column had a cell open before this row.
    pub fn column_open(&self, column: Column) -> bool {
        self.index(column)
            .is_some_and(|i| self.open.get(i).is_some_and(Option::is_some))
    }

    /// The values of a task row: its own cells where it prints them, else
    /// the cell merged from above. Own cells open new merges.
    pub fn task_row(&mut self, own: Vec<Option<Printed>>) -> Vec<Value> {
        let mut values = Vec::with_capacity(self.columns.len());
        for (i, &column) in self.columns.iter().enumerate() {
            let mine = own.get(i).cloned().flatten();
            let above = self.open.get(i).cloned().flatten();
            let value = match mine {
                Some(printed) => {
                    let repeated = above.as_ref().is_some_and(|a| same_cell(a, &printed));
                    if let Some(slot) = self.open.get_mut(i) {
                        *slot = Some(printed.clone());
                    }
                    Value {
                        column,
                        printed: Some(printed),
                        inherited: false,
                        repeated,
                    }
                }
                None => Value {
                    column,
                    inherited: above.is_some(),
                    printed: above,
                    repeated: false,
                },
            };
            values.push(value);
        }
        values
    }

    fn index(&self, column: Column) -> Option<usize> {
        self.columns.iter().position(|&c| c == column)
    }
}

/// Two cells name the same thing: same agencies, or the same spelling.
fn same_cell(a: &Printed, b: &Printed) -> bool {
    if a.names.is_empty() && b.names.is_empty() {
        alias_key(&a.raw) == alias_key(&b.raw)
    } else {
        a.names == b.names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn printed(line: usize, raw: &str) -> Printed {
        Printed {
            line,
            raw: raw.to_string(),
            names: vec![raw.to_string()],
        }
    }

    #[test]
    fn cells_are_shared_down_until_a_restart() {
        let mut m = MergedCells::new(vec![Column::Lead, Column::Coordinating]);
        let first = m.task_row(vec![Some(printed(3, "A")), Some(printed(5, "B"))]);
        assert!(first.iter().all(|v| !v.inherited));
        let second = m.task_row(vec![Some(printed(9, "C")), None]);
        assert_eq!(second[0].printed.as_ref().map(|p| p.line), Some(9));
        assert!(!second[0].inherited);
        assert_eq!(second[1].printed.as_ref().map(|p| p.line), Some(5));
        assert!(second[1].inherited);
        m.restart(vec![]);
        let third = m.task_row(vec![None, None]);
        assert!(third.iter().all(|v| v.printed.is_none() && !v.inherited));
    }

    #[test]
    fn a_cell_printed_twice_is_flagged() {
        let mut m = MergedCells::new(vec![Column::Lead]);
        m.task_row(vec![Some(printed(3, "Sở Tài chính"))]);
        let again = m.task_row(vec![Some(printed(7, "Sở Tài chính"))]);
        assert!(again[0].repeated);
    }
}
