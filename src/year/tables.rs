//! Tables rolled forward: their labels move on a year, and in period
//! tables each column takes the figures of the column for the period
//! after it (last year's estimate becomes this year's actual; the budget's
//! previous-year band takes the old current-year figures), so the
//! columns for the new year are left blank for the author.

use super::{Moves, Roller};
use crate::model::period::{Period, YearForm, column_periods};
use crate::model::{Cell, ColumnKind, Location, RowKind, Table, TableKind};

impl Roller {
    pub(super) fn table(&mut self, table: &mut Table, here: &Location) {
        // Periods as the old labels give them, before they move.
        let periods = column_periods(table, self.plan_year);
        self.move_figures(table, &periods, here);
        for (i, line) in table.caption.iter_mut().enumerate() {
            let what = format!("caption line {}", i + 1);
            self.rich(line, Moves::PlanYears, here, &what);
        }
        for (r, row) in table.header_rows.iter_mut().enumerate() {
            for (c, cell) in row.iter_mut().enumerate() {
                let what = format!("header row {} cell {}", r + 1, c + 1);
                self.rich(&mut cell.text, Moves::Periods, here, &what);
            }
        }
        for (c, column) in table.columns.iter_mut().enumerate() {
            let what = format!("column {} label", c + 1);
            self.rich(&mut column.label, Moves::Periods, here, &what);
        }
        for (r, row) in table.rows.iter().enumerate() {
            for (c, cell) in row.cells.iter().enumerate() {
                let column = table.columns.get(c).map(|col| col.kind);
                // Dates are checked as target dates; figures are not prose.
                if matches!(column, Some(ColumnKind::Text | ColumnKind::Lead) | None) {
                    let at = Location::cell(&here.sections, here.block.unwrap_or(0), r, Some(c));
                    for block in &cell.0 {
                        if let crate::model::CellBlock::Para(text) = block {
                            self.mention(text, &at, "cell");
                        }
                    }
                }
            }
        }
        for (i, note) in table.notes.iter().enumerate() {
            self.mention(&note.text, here, &format!("table note {}", i + 1));
        }
    }

    /// Each period column takes the figures of the column for its next
    /// period; a column with none is left blank. Totals and memo lines
    /// move with their rows; group and guidance rows stay.
    fn move_figures(&mut self, table: &mut Table, periods: &[Option<Period>], here: &Location) {
        let sources: Vec<Option<Option<usize>>> = (0..table.columns.len())
            .map(|c| {
                let period = periods[c].as_ref()?;
                moves_figures(table.kind, table.columns[c].kind).then(|| source_of(period, periods))
            })
            .collect();
        if sources.iter().all(Option::is_none) {
            return;
        }
        for row in &mut table.rows {
            if matches!(row.kind, RowKind::Group | RowKind::Hint) {
                continue;
            }
            let old = row.cells.clone();
            for (c, source) in sources.iter().enumerate() {
                let Some(source) = source else { continue };
                if c >= row.cells.len() {
                    continue;
                }
                row.cells[c] = source
                    .and_then(|s| old.get(s).cloned())
                    .unwrap_or_else(Cell::default);
            }
        }
        for (c, source) in sources.iter().enumerate() {
            let Some(source) = source else { continue };
            let new = match source {
                Some(s) => format!("those of column {} ({})", s + 1, column_title(table, *s)),
                None => "blank, for the new figures".into(),
            };
            self.change(
                here,
                &format!("column {} ({}) figures", c + 1, column_title(table, c)),
                "as written".into(),
                new,
            );
        }
    }
}

/// A column's label, with the header-row bands over it where it has
/// none of its own year (`2007-08 FTE`).
fn column_title(table: &Table, column: usize) -> String {
    let mut parts = crate::model::period::header_texts_over(table, column);
    parts.reverse();
    parts.push(table.column_name(column));
    let parts: Vec<String> = parts.into_iter().filter(|p| !p.trim().is_empty()).collect();
    parts
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Figures move in period tables, and in number columns of any table;
/// words (deliverables, activity planned) are carried as written.
fn moves_figures(table: TableKind, column: ColumnKind) -> bool {
    matches!(
        table,
        TableKind::Kpi | TableKind::Budget | TableKind::Staffing | TableKind::Activity
    ) || column.is_numeric()
        || column == ColumnKind::Rating
}

/// The column for the period after `period`: the same kind of period a
/// year on (the same day for dates); where there are several, the one
/// measuring the same thing.
fn source_of(period: &Period, periods: &[Option<Period>]) -> Option<usize> {
    let next: Vec<usize> = (periods.iter().enumerate())
        .filter_map(|(i, p)| p.as_ref().map(|p| (i, p)))
        .filter(|(_, p)| p.year == period.year + 1 && same_form(p.form, period.form))
        .map(|(i, _)| i)
        .collect();
    match next.as_slice() {
        [one] => Some(*one),
        _ => {
            let same: Vec<usize> = (next.iter().copied())
                .filter(|&i| periods[i].as_ref().is_some_and(|p| p.stem == period.stem))
                .collect();
            (same.len() == 1).then(|| same[0])
        }
    }
}

fn same_form(a: YearForm, b: YearForm) -> bool {
    match (a, b) {
        (YearForm::Date { day: d1, month: m1 }, YearForm::Date { day: d2, month: m2 }) => {
            (d1, m1) == (d2, m2)
        }
        _ => a == b,
    }
}
