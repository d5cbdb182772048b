//! Cells merged over rows, and items that pair up line by line.
//!
//! One model serves both: a data row's cell may reach down over the data
//! rows under it ([`RowSpan`]), the covered cells staying empty. A project
//! with three deliverables, each with its own date, is three rows whose
//! project, lead and links cells span all three: each deliverable shares a
//! row (and so a baseline) with its date, a deliverable without a date is
//! a row with an empty date cell, and the project is still written once.
//! The same spans merge an objective over its tasks or one lead officer
//! over a block of actions.

use super::block::ListStyle;
use super::table::{Cell, CellBlock, Row, RowKind, RowSpan, Table};

/// Where each body cell of a table is drawn from: itself, or the merged
/// cell above it. Spans that would run past the table's end, onto a row
/// that is not a data row, over a cell with words in it or over another
/// merged cell stop short there.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SpanMap {
    /// For each row and column, the row of the merged cell covering it
    /// (`None` for a cell that is its own).
    covered_by: Vec<Vec<Option<usize>>>,
    /// For each row and column, the number of rows the cell reaches over
    /// (1 for a cell that is not merged, 0 for a covered one).
    rows: Vec<Vec<usize>>,
}

impl SpanMap {
    pub fn of(table: &Table) -> SpanMap {
        let columns = table.columns.len();
        let count = table.rows.len();
        let mut covered_by = vec![vec![None; columns]; count];
        let mut rows = vec![vec![1; columns]; count];
        for (r, row) in table.rows.iter().enumerate() {
            if row.kind != RowKind::Data {
                continue;
            }
            for span in &row.spans {
                let c = usize::from(span.column);
                if c >= columns || covered_by[r][c].is_some() {
                    continue;
                }
                let mut reach = 1;
                // A cell with words of its own is never covered: they
                // would not print.
                let coverable = |below: &Row| {
                    below.kind == RowKind::Data && below.cell(c).is_none_or(Cell::is_empty)
                };
                while reach < usize::from(span.rows)
                    && r + reach < count
                    && coverable(&table.rows[r + reach])
                    && covered_by[r + reach][c].is_none()
                {
                    covered_by[r + reach][c] = Some(r);
                    rows[r + reach][c] = 0;
                    reach += 1;
                }
                rows[r][c] = reach;
            }
        }
        SpanMap { covered_by, rows }
    }

    /// The row of the merged cell covering `(row, column)`, when another
    /// row's cell covers it.
    pub fn covered_by(&self, row: usize, column: usize) -> Option<usize> {
        self.covered_by.get(row)?.get(column).copied().flatten()
    }

    pub fn is_covered(&self, row: usize, column: usize) -> bool {
        self.covered_by(row, column).is_some()
    }

    /// How many rows the cell at `(row, column)` reaches over: 1 for an
    /// ordinary cell, 0 for a covered one.
    pub fn rows(&self, row: usize, column: usize) -> usize {
        (self.rows.get(row))
            .and_then(|r| r.get(column))
            .copied()
            .unwrap_or(1)
    }

    /// The first and last rows of the group of rows that merged cells
    /// bind together with `row` (just `row` when none does).
    pub fn group(&self, row: usize) -> (usize, usize) {
        let columns = self.rows.first().map_or(0, Vec::len);
        let mut first = row;
        while (0..columns).any(|c| self.is_covered(first, c)) {
            first -= 1;
        }
        let mut last = row;
        loop {
            let reach = (0..columns)
                .flat_map(|c| (first..=last).map(move |r| (r, c)))
                .map(|(r, c)| r + self.rows(r, c).max(1) - 1)
                .max()
                .unwrap_or(last);
            if reach <= last {
                return (first, last);
            }
            last = reach;
        }
    }

    /// True when any cell of the table is merged over rows.
    pub fn any(&self) -> bool {
        self.rows.iter().flatten().any(|&n| n > 1)
    }
}

impl Table {
    pub fn span_map(&self) -> SpanMap {
        SpanMap::of(self)
    }

    /// Merges the cell at `(row, column)` with the `rows - 1` cells under
    /// it, as Word merges cells: the words of the cells merged in move to
    /// the end of the merged cell, so nothing typed is lost. Returns false
    /// (and changes nothing) where the rows below are not data rows.
    pub fn merge_down(&mut self, row: usize, column: usize, rows: usize) -> bool {
        let map = self.span_map();
        let reach = row + rows;
        let fits = column < self.columns.len()
            && rows >= 2
            && reach <= self.rows.len()
            && !map.is_covered(row, column)
            && self.rows[row..reach]
                .iter()
                .all(|r| r.kind == RowKind::Data);
        if !fits {
            return false;
        }
        // Merged cells already inside the new span are folded into it.
        let mut moved = Vec::new();
        for r in row + 1..reach {
            let below = &mut self.rows[r];
            below.spans.retain(|s| usize::from(s.column) != column);
            if let Some(cell) = below.cells.get_mut(column) {
                moved.extend(std::mem::take(&mut cell.0));
            }
        }
        let first = &mut self.rows[row];
        first
            .cells
            .resize(first.cells.len().max(column + 1), Cell::default());
        first.cells[column].0.extend(moved);
        first.spans.retain(|s| usize::from(s.column) != column);
        first.spans.push(RowSpan {
            column: column as u16,
            rows: rows as u16,
        });
        first.spans.sort_by_key(|s| s.column);
        true
    }

    /// Splits the merged cell covering `(row, column)` back into one cell
    /// per row; its words stay in the top one. Returns false where the
    /// cell is not merged.
    pub fn unmerge(&mut self, row: usize, column: usize) -> bool {
        let anchor = self.span_map().covered_by(row, column).unwrap_or(row);
        let spans = &mut self.rows[anchor].spans;
        let before = spans.len();
        spans.retain(|s| usize::from(s.column) != column);
        spans.len() != before
    }

    /// Adds a paired line under `row` (a deliverable with its date): a new
    /// data row whose cells the merged cells over `row` (the project, its
    /// lead) reach over too. Cells not yet merged over the row are merged
    /// first, except the `paired` columns that hold one line each.
    pub fn add_pair(&mut self, row: usize, paired: &[usize]) -> Option<usize> {
        if self.rows.get(row)?.kind != RowKind::Data {
            return None;
        }
        let map = self.span_map();
        let (first, last) = map.group(row);
        let new = last + 1;
        self.rows.insert(
            new,
            Row::new(RowKind::Data, vec![Cell::default(); self.columns.len()]),
        );
        for c in (0..self.columns.len()).filter(|c| !paired.contains(c)) {
            // A cell over the whole group reaches over the new line too.
            if !map.is_covered(first, c) && map.rows(first, c) == last + 1 - first {
                self.merge_down(first, c, new + 1 - first);
            }
        }
        Some(new)
    }

    /// Inserts `row` at `index`; a merged cell it lands inside grows over it.
    pub fn insert_row(&mut self, index: usize, row: Row) {
        let index = index.min(self.rows.len());
        for (a, above) in self.rows.iter_mut().enumerate().take(index) {
            for span in &mut above.spans {
                if a + usize::from(span.rows) > index {
                    span.rows += 1;
                }
            }
        }
        self.rows.insert(index, row);
    }

    /// Removes the row at `index`; a merged cell over it shrinks, and a
    /// merged cell starting on it passes, words and all, to the next row.
    pub fn remove_row(&mut self, index: usize) -> Option<Row> {
        if index >= self.rows.len() {
            return None;
        }
        for (a, above) in self.rows.iter_mut().enumerate().take(index) {
            for span in &mut above.spans {
                if a + usize::from(span.rows) > index {
                    span.rows -= 1;
                }
            }
            above.spans.retain(|s| s.rows > 1);
        }
        let mut row = self.rows.remove(index);
        if let Some(next) = self.rows.get_mut(index) {
            for span in row.spans.drain(..).filter(|s| s.rows >= 2) {
                let c = usize::from(span.column);
                let cell = row.cells.get_mut(c).map(std::mem::take).unwrap_or_default();
                next.cells
                    .resize(next.cells.len().max(c + 1), Cell::default());
                next.cells[c] = cell;
                if span.rows > 2 {
                    next.spans.push(RowSpan {
                        column: span.column,
                        rows: span.rows - 1,
                    });
                }
            }
        }
        Some(row)
    }

    /// Merges the first cells of a run of data rows whose first cell in
    /// `column` is empty into the row above (a plan's code shown once
    /// over its targets). Returns how many spans it made.
    pub fn merge_blank_continuations(&mut self, column: usize) -> usize {
        let mut made = 0;
        let mut r = 0;
        while r < self.rows.len() {
            let starts = self.rows[r].kind == RowKind::Data
                && self.rows[r].cell(column).is_some_and(|c| !c.is_empty());
            if !starts {
                r += 1;
                continue;
            }
            let mut end = r + 1;
            while end < self.rows.len()
                && self.rows[end].kind == RowKind::Data
                && self.rows[end].cell(column).is_none_or(Cell::is_empty)
                && !self.rows[end].is_empty()
            {
                end += 1;
            }
            if end - r >= 2 && self.merge_down(r, column, end - r) {
                made += 1;
            }
            r = end;
        }
        made
    }
}

/// A cell's lines, one per paragraph or top-level list item, each kept
/// as a cell of its own (a list item stays an item of a one-item list of
/// the same style); `None` when they cannot be told apart exactly (a
/// numbered list, whose numbers would restart, or a rating).
pub fn cell_lines(cell: &Cell) -> Option<Vec<Cell>> {
    let mut lines = Vec::new();
    for block in &cell.0 {
        match block {
            CellBlock::Para(_) => lines.push(Cell(vec![block.clone()])),
            CellBlock::List(list) if list.style != ListStyle::Numbered => {
                for item in &list.items {
                    let mut one = list.clone();
                    one.items = vec![item.clone()];
                    lines.push(Cell(vec![CellBlock::List(one)]));
                }
            }
            _ => return None,
        }
    }
    Some(lines)
}

#[cfg(test)]
pub(crate) mod tests;
