//! Filling merged cells down: a row that prints no coordinating or period
//! cell shares the cell of the nearest row above it in the same target
//! group; every target row starts the columns afresh.

use super::rows::Cells;
use crate::diagnostics::Diagnostics;
use crate::Line;

/// One printed cell: its lines joined, and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub line: usize,
}

/// What a column holds at some row of a target group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Slot {
    /// No row of the group has printed this column yet.
    #[default]
    Nothing,
    /// An explicit empty cell, on the given line's row.
    Empty(usize),
    Given(Cell),
}

impl Slot {
    pub fn cell(&self) -> Option<&Cell> {
        match self {
            Slot::Given(cell) => Some(cell),
            _ => None,
        }
    }
}

/// The two merged columns as they stand while reading down one target group.
#[derive(Debug, Default)]
pub struct Carry {
    pub coordinating: Slot,
    pub period: Slot,
}

/// A row's value for one column, and whether it came from a row above.
pub struct Filled {
    pub slot: Slot,
    pub inherited: bool,
}

impl Carry {
    /// The columns as a target (or sub-target) row leaves them for its tasks.
    pub fn start(cells: &Cells, row_no: usize, diags: &mut Diagnostics) -> Carry {
        let mut carry = Carry::default();
        if let Some(cell) = coordinating_cell(&cells.coordinating, diags) {
            carry.coordinating = Slot::Given(cell);
        }
        if let Some(cell) = period_cell(&cells.period, row_no, diags) {
            carry.period = Slot::Given(cell);
        }
        carry
    }

    pub fn fill_coordinating(
        &mut self,
        cells: &Cells,
        row_no: usize,
        diags: &mut Diagnostics,
    ) -> Filled {
        let own = coordinating_cell(&cells.coordinating, diags);
        let empty = cells.coordinating_empty.then_some(row_no);
        fill(&mut self.coordinating, own, empty)
    }

    pub fn fill_period(&mut self, cells: &Cells, row_no: usize, diags: &mut Diagnostics) -> Filled {
        let own = period_cell(&cells.period, row_no, diags);
        fill(&mut self.period, own, None)
    }
}

fn fill(carried: &mut Slot, own: Option<Cell>, empty_on: Option<usize>) -> Filled {
    if let Some(cell) = own {
        *carried = Slot::Given(cell);
        return Filled {
            slot: carried.clone(),
            inherited: false,
        };
    }
    if let Some(line) = empty_on {
        *carried = Slot::Empty(line);
        return Filled {
            slot: carried.clone(),
            inherited: false,
        };
    }
    Filled {
        inherited: carried.cell().is_some(),
        slot: carried.clone(),
    }
}

/// Agency lines joined into one cell. A line printed twice in one row is a
/// conversion fault (App. 04 row 1.6 prints its cells twice): kept once.
fn coordinating_cell(lines: &[&Line], diags: &mut Diagnostics) -> Option<Cell> {
    let first = lines.first()?;
    let mut text = String::new();
    let mut seen: Vec<&str> = Vec::new();
    for line in lines {
        if seen.contains(&line.text.as_str()) {
            diags.warning(
                "repeated-cell",
                "a coordinating cell is printed twice in one row; it is kept once",
                Some(line.no),
            );
            continue;
        }
        seen.push(&line.text);
        if !text.is_empty() {
            text.push_str(if text.ends_with([';', ',']) {
                " "
            } else {
                "; "
            });
        }
        text.push_str(&line.text);
    }
    Some(Cell {
        text,
        line: first.no,
    })
}

/// Period lines joined with spaces ("2017-2020 và" + "2021-2030"). A period
/// printed twice over in one row is kept once, like a repeated agency cell.
fn period_cell(lines: &[&Line], row_no: usize, diags: &mut Diagnostics) -> Option<Cell> {
    let first = lines.first()?;
    let half = lines.len() / 2;
    let lines =
        if lines.len().is_multiple_of(2) && half > 0 && same_period(&lines[..half], &lines[half..])
        {
            diags.warning(
                "repeated-cell",
                "a period cell is printed twice in one row; it is kept once",
                lines.get(half).map(|l| l.no).or(Some(row_no)),
            );
            &lines[..half]
        } else {
            lines
        };
    let text = lines
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Some(Cell {
        text,
        line: first.no,
    })
}

fn same_period(a: &[&Line], b: &[&Line]) -> bool {
    let join = |ls: &[&Line]| {
        ls.iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    crate::period::parse_period(&join(a)) == crate::period::parse_period(&join(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn given(text: &str, line: usize) -> Slot {
        Slot::Given(Cell {
            text: text.to_string(),
            line,
        })
    }

    #[test]
    fn filling_down() {
        let mut carried = Slot::Nothing;
        let f = fill(&mut carried, None, None);
        assert_eq!((f.slot, f.inherited), (Slot::Nothing, false));
        let own = Cell {
            text: "Sở Y tế".into(),
            line: 3,
        };
        let f = fill(&mut carried, Some(own), None);
        assert_eq!((f.slot, f.inherited), (given("Sở Y tế", 3), false));
        let f = fill(&mut carried, None, None);
        assert_eq!((f.slot, f.inherited), (given("Sở Y tế", 3), true));
        let f = fill(&mut carried, None, Some(9));
        assert_eq!((f.slot, f.inherited), (Slot::Empty(9), false));
        let f = fill(&mut carried, None, None);
        assert_eq!((f.slot, f.inherited), (Slot::Empty(9), false));
    }
}
