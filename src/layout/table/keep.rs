//! Which rows of a table stay on a page together.

use super::super::boxes::Chunk;
use crate::model::{Row, RowKind};

/// A short table stays in one piece; a longer one leaves at least two
/// rows under its header and carries at least two onto a new page; a
/// group's label stays with its first row; the closing group (the memo
/// lines, subtotals and totals that end a table) takes the two rows above
/// it to its page.
pub(super) fn keep_rows_together(rows: &mut [Chunk], kinds: &[Row], page_height: f32) {
    const SHORT: f32 = 1.0 / 3.0;
    const CARRIED: usize = 2;
    let count = rows.len();
    let height: f32 = rows.iter().map(|r| r.height).sum();
    let closing = closing_group(kinds);
    let carried_from = closing.saturating_sub(CARRIED);
    for (i, row) in rows.iter_mut().enumerate() {
        let last = i + 1 == count;
        let short = height <= page_height * SHORT;
        let group = kinds[i].kind == RowKind::Group;
        let ends = count > 2 && (i == 0 || i + 2 == count);
        let closes = closing < count && i >= carried_from;
        row.keep_with_next = !last && (short || ends || group || closes);
    }
}

/// Where a table's closing group starts: the memo lines, subtotals and
/// totals after its last data row, with the labels among them
/// ("Memorandum Items"); the row count if it has none.
fn closing_group(rows: &[Row]) -> usize {
    use RowKind::{Group, Memo, Subtotal, Total};
    let closes = |row: &Row| matches!(row.kind, Memo | Subtotal | Total | Group);
    let start = rows.len() - rows.iter().rev().take_while(|r| closes(r)).count();
    if start == rows.len() || start == 0 {
        rows.len()
    } else {
        start
    }
}
