//! What the table editor's row menu does to a table: rows inserted,
//! moved, deleted and retyped; groups nested; cells merged over rows and
//! split again; a deliverable added with its date. No egui here.

use crate::model::{Cell, ColumnKind, RowKind, Table};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowOp {
    InsertAbove(usize, RowKind),
    InsertBelow(usize, RowKind),
    Up(usize),
    Down(usize),
    Delete(usize),
    SetKind(usize, RowKind),
    /// A group row one level deeper (a sub-group) or back up.
    Nest(usize),
    Unnest(usize),
    /// A group row given a cell per column, for figures of its own.
    GroupFigures(usize),
    /// The cell at (row, column) merged with the cell under its bottom.
    MergeDown(usize, usize),
    /// The merged cell covering (row, column) split into one per row.
    Unmerge(usize, usize),
    /// A new line under the row's lines (a deliverable and its date),
    /// the row's other cells reaching over it.
    AddPair(usize),
    /// A review comment on the row: asked of the shell, nothing changes here.
    Comment(usize),
}

/// How deep group rows nest: a group and its sub-groups.
pub const MAX_LEVEL: u8 = 1;

/// The columns that pair up line by line: each date column and the
/// nearest column of words before it (the deliverable).
pub fn paired_columns(table: &Table) -> Vec<usize> {
    let mut paired = Vec::new();
    for (d, column) in table.columns.iter().enumerate() {
        if column.kind != ColumnKind::Date {
            continue;
        }
        paired.push(d);
        if let Some(words) = (0..d)
            .rev()
            .find(|&c| table.columns[c].kind == ColumnKind::Text)
        {
            paired.push(words);
        }
    }
    paired
}

/// Applies `op`; false when it changed nothing.
pub fn apply(table: &mut Table, op: RowOp) -> bool {
    match op {
        RowOp::InsertAbove(r, kind) => {
            let row = table.blank_row(kind);
            table.insert_row(r, row);
        }
        RowOp::InsertBelow(r, kind) => {
            let row = table.blank_row(kind);
            table.insert_row(r + 1, row);
        }
        RowOp::Up(r) if r > 0 && r < table.rows.len() => {
            let row = table.remove_row(r).expect("checked");
            table.insert_row(r - 1, row);
        }
        RowOp::Down(r) if r + 1 < table.rows.len() => {
            let row = table.remove_row(r).expect("checked");
            table.insert_row(r + 1, row);
        }
        RowOp::Delete(r) => return table.remove_row(r).is_some(),
        RowOp::SetKind(r, kind) => {
            let columns = table.columns.len();
            let Some(row) = table.rows.get_mut(r) else {
                return false;
            };
            row.kind = kind;
            if kind != RowKind::Group {
                row.level = 0;
            }
            // A group row shows one cell; keep the rest rather than lose them.
            if kind != RowKind::Group && row.cells.len() < columns {
                row.cells.resize(columns, Cell::default());
            }
        }
        RowOp::Nest(r) | RowOp::Unnest(r) => {
            let Some(row) = table
                .rows
                .get_mut(r)
                .filter(|row| row.kind == RowKind::Group)
            else {
                return false;
            };
            let level = match op {
                RowOp::Nest(_) => (row.level + 1).min(MAX_LEVEL),
                _ => row.level.saturating_sub(1),
            };
            let changed = level != row.level;
            row.level = level;
            return changed;
        }
        RowOp::GroupFigures(r) => {
            let columns = table.columns.len();
            let Some(row) = table
                .rows
                .get_mut(r)
                .filter(|row| row.cells.len() < columns)
            else {
                return false;
            };
            row.cells.resize(columns, Cell::default());
        }
        RowOp::MergeDown(r, c) => {
            let map = table.span_map();
            let anchor = map.covered_by(r, c).unwrap_or(r);
            let rows = map.rows(anchor, c).max(1) + 1;
            return table.merge_down(anchor, c, rows);
        }
        RowOp::Unmerge(r, c) => return table.unmerge(r, c),
        RowOp::AddPair(r) => {
            let paired = paired_columns(table);
            return table.add_pair(r, &paired).is_some();
        }
        RowOp::Up(_) | RowOp::Down(_) | RowOp::Comment(_) => return false,
    }
    true
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Column, Row, TableKind};

    /// Two data rows around a group row, with text and money columns.
    pub fn table() -> Table {
        let mut t = Table::new(
            TableKind::Generic,
            vec![
                Column::new("A", ColumnKind::Text),
                Column::new("B", ColumnKind::Money),
            ],
        );
        t.rows.push(Row::new(
            RowKind::Data,
            vec![Cell::text("a1"), Cell::text("1")],
        ));
        t.rows
            .push(Row::new(RowKind::Group, vec![Cell::text("Group")]));
        t.rows.push(Row::new(
            RowKind::Data,
            vec![Cell::text("a2"), Cell::text("2")],
        ));
        t
    }

    #[test]
    fn rows_insert_move_delete_and_change_kind() {
        let mut t = table();
        apply(&mut t, RowOp::InsertBelow(0, RowKind::Data));
        assert_eq!(t.rows.len(), 4);
        assert!(t.rows[1].is_empty());
        apply(&mut t, RowOp::Delete(1));
        apply(&mut t, RowOp::Down(0));
        assert_eq!(t.rows[1].cells[0], Cell::text("a1"));
        apply(&mut t, RowOp::SetKind(0, RowKind::Data));
        assert_eq!(
            t.rows[0].cells.len(),
            2,
            "a group turned into a row gets its cells"
        );
        assert_eq!(t.rows[0].cells[0], Cell::text("Group"));
    }

    #[test]
    fn a_group_nests_one_level_and_comes_back() {
        let mut t = table();
        assert!(apply(&mut t, RowOp::Nest(1)));
        assert_eq!(t.rows[1].level, 1);
        assert!(!apply(&mut t, RowOp::Nest(1)), "two levels at most");
        assert!(!apply(&mut t, RowOp::Nest(0)), "only group rows nest");
        assert!(apply(&mut t, RowOp::Unnest(1)));
        assert_eq!(t.rows[1].level, 0);
    }

    #[test]
    fn merging_down_grows_a_merged_cell_one_row_at_a_time() {
        let mut t = table();
        t.rows[1] = Row::new(RowKind::Data, vec![Cell::default(), Cell::text("x")]);
        assert!(apply(&mut t, RowOp::MergeDown(0, 0)));
        assert!(
            apply(&mut t, RowOp::MergeDown(1, 0)),
            "from the covered cell"
        );
        assert_eq!(t.span_map().rows(0, 0), 3);
        assert!(!apply(&mut t, RowOp::MergeDown(2, 0)), "no row below");
        assert!(apply(&mut t, RowOp::Unmerge(2, 0)));
        assert_eq!(t.span_map().rows(0, 0), 1);
        assert_eq!(t.rows[0].cells[0].as_text().unwrap(), "a1\na2");
    }

    #[test]
    fn a_pair_goes_under_a_projects_row_with_its_date_beside_it() {
        let mut t = crate::model::spans::tests::projects();
        assert_eq!(paired_columns(&t), [3, 2]);
        assert!(apply(&mut t, RowOp::AddPair(2)));
        assert!(apply(&mut t, RowOp::AddPair(2)));
        let map = t.span_map();
        assert_eq!((map.rows(2, 0), map.rows(2, 1)), (3, 3));
        assert_eq!((map.rows(4, 2), map.rows(4, 3)), (1, 1));
        assert!(!apply(&mut t, RowOp::AddPair(6)), "not under a total row");
    }
}
