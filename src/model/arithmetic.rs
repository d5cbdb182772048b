//! Arithmetic within a row: which columns of a budget or finance table
//! add up to which, and what they make. The checks compare these with
//! the stated figures; the editor shows them beside the stated ones.

use super::figure::{self, Decimal, Written};
use super::{RowKind, Table, TableKind};

/// `(result, parts)`: the result column is the sum of the part columns.
pub type RowRule = (usize, &'static [usize]);

/// The row rules of `table`'s kind and shape (none for most tables).
pub fn row_sum_rules(table: &Table) -> &'static [RowRule] {
    match table.kind {
        // Gross = employee + running + contracts; controllable = gross + incomes.
        TableKind::Budget if table.columns.len() == 12 => &[(7, &[4, 5, 6]), (10, &[7, 8, 9])],
        // Gross = staffing + non staffing; net = gross + income + grants.
        TableKind::Finance if table.columns.len() == 7 => &[(3, &[1, 2]), (6, &[3, 4, 5])],
        _ => &[],
    }
}

/// What one row's parts make, for a result cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowSum {
    pub row: usize,
    pub column: usize,
    pub sum: Decimal,
    pub parts: &'static [usize],
}

/// The sums of data rows and subtotals (memo lines and grand totals add
/// overheads the row's own columns do not show), where every part is a
/// figure or blank and at least one is a figure.
pub fn computed_row_sums(table: &Table) -> Vec<RowSum> {
    let rules = row_sum_rules(table);
    let mut out = Vec::new();
    for (r, row) in table.rows.iter().enumerate() {
        if !matches!(row.kind, RowKind::Data | RowKind::Subtotal) {
            continue;
        }
        for &(column, parts) in rules {
            let figures: Vec<Written> = parts
                .iter()
                .map(|&p| {
                    row.cell(p)
                        .and_then(|c| c.as_text())
                        .map_or(Written::Blank, |t| figure::read(&t))
                })
                .collect();
            if figures.contains(&Written::Words) {
                continue;
            }
            let mut any = false;
            let sum: Decimal = figures
                .iter()
                .filter_map(|w| match w {
                    Written::Figure(d) => {
                        any = true;
                        Some(*d)
                    }
                    _ => None,
                })
                .sum();
            if any {
                out.push(RowSum {
                    row: r,
                    column,
                    sum,
                    parts,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Cell;

    #[test]
    fn a_budget_row_makes_its_gross_and_controllable() {
        let plan = crate::template::find("operating-plan-2008")
            .unwrap()
            .new_plan();
        let mut table = plan
            .walk_sections()
            .into_iter()
            .flat_map(|(_, s)| s.blocks.clone())
            .find_map(|b| match b {
                crate::model::Block::Table(t) if t.kind == TableKind::Budget => Some(t),
                _ => None,
            })
            .expect("a budget");
        assert_eq!(row_sum_rules(&table).len(), 2);
        let mut row = table.blank_row(RowKind::Data);
        for (c, text) in [(4, "10.5"), (5, "2"), (6, ""), (8, "-1.5"), (9, "abc")] {
            row.cells[c] = Cell::text(text);
        }
        table.rows = vec![row];
        let sums = computed_row_sums(&table);
        assert_eq!(sums.len(), 1, "the controllable's parts include words");
        assert_eq!(
            (sums[0].column, sums[0].sum.to_string()),
            (7, "12.5".into())
        );
    }
}
