//! Cells merged over rows. A merged cell is set once, its lines shared
//! out down the rows it covers (each row holds the lines beside it, so a
//! page may break between any two rows); the rule under each row it
//! covers is left out in its column; and a page the merged cell goes on
//! onto with none of its lines left shows its words again at the top of
//! its column, marked "(cont.)", as furniture (the words are the plan's
//! once).

use super::super::boxes::{Chunk, ChunkKind, LineBox, stack};
use super::super::columns::{PADDING, row_style};
use super::super::compose::Composer;
use super::super::fonts::Face;
use super::super::text::{Align, Style};
use super::super::{Colour, Item, Role};
use super::TableLayout;
use crate::model::{Cell, CellBlock, Rich};

/// Marks a merged cell's words repeated on a page it continues onto.
pub const CONTINUED: &str = "(cont.)";

impl TableLayout<'_> {
    /// Sets each merged cell into the rows it covers (`rows`, one chunk
    /// per table row).
    pub(super) fn merged_cells(&self, composer: &mut Composer, rows: &mut [Chunk]) {
        for (r, row) in self.table.rows.iter().enumerate() {
            for c in 0..self.column_count() {
                let n = self.spans.rows(r, c);
                if n < 2 || r + n > rows.len() {
                    continue;
                }
                let cell = row.cell(c).cloned().unwrap_or_default();
                let style = row_style(row.kind, &Style::new(Face::Regular, self.size));
                let (x, width) = self.inner(c, c);
                let lines = composer.cell_lines(&cell, x, width, Align::Left, &style);
                let shares = share_lines(lines, rows[r..r + n].iter().map(|c| c.height));
                // The room a mark may take: the covered rows to the end.
                let rest: Vec<f32> = (0..n)
                    .map(|i| shares[i..].iter().map(|s| s.1).sum::<f32>())
                    .collect();
                rows[r].merged.push((c as u16, n as u16));
                for (i, (mut items, height)) in shares.into_iter().enumerate() {
                    let k = r + i;
                    for item in &mut items {
                        if let Item::Text(run) = item {
                            run.cell = Some(c as u16);
                        }
                    }
                    // A row with none of the lines repeats them, marked, if
                    // it starts a page.
                    let continued = match (k > r, items.is_empty()) {
                        (true, true) => self.continued(composer, &cell, c, rest[i]),
                        _ => Vec::new(),
                    };
                    if k > r && !items.is_empty() {
                        rows[k].covered.push((c as u16, r));
                    }
                    // In column order, so its words are read in their place.
                    let chunk = &mut rows[k];
                    let at = (chunk.items.iter())
                        .position(|i| matches!(i, Item::Text(run) if run.cell > Some(c as u16)))
                        .unwrap_or(chunk.items.len());
                    chunk.items.splice(at..at, items);
                    chunk.height = chunk.height.max(height);
                    if let ChunkKind::TableRow { frame, .. } = &mut chunk.kind {
                        if k + 1 < r + n {
                            frame.open_below.push(c);
                        }
                        frame.continued.extend(continued);
                    }
                }
            }
        }
    }

    /// The merged cell's words again, marked as continued, as many lines
    /// as fit in a row `room` tall (at least the first).
    fn continued(&self, composer: &mut Composer, cell: &Cell, c: usize, room: f32) -> Vec<Item> {
        let style = Style::new(Face::Italic, self.size).coloured(Colour::MUTED);
        let words = format!("{CONTINUED} {}", cell.to_plain());
        let mark = Cell(vec![CellBlock::Para(Rich::plain(words))]);
        let (x, width) = self.inner(c, c);
        let mut lines: Vec<LineBox> = composer.cell_lines(&mark, x, width, Align::Left, &style);
        let mut used = 0.0;
        let fits = lines
            .iter()
            .take_while(|line| {
                used += line.space_before + line.height;
                used <= room - 2.0 * PADDING + 0.01
            })
            .count();
        lines.truncate(fits.max(1));
        let (mut items, _) = stack(lines);
        for item in &mut items {
            item.shift(0.0, PADDING);
            if let Item::Text(run) = item {
                run.role = Role::RepeatedHeader;
                run.cell = Some(c as u16);
            }
        }
        items
    }
}

/// Shares a merged cell's lines among the rows it covers (their heights
/// given): each row takes the lines that fit in it under the ones before,
/// so a page can break between any two of the rows; the last row grows to
/// take what is left. Returns each row's items (relative to its top) and
/// its height.
fn share_lines(lines: Vec<LineBox>, heights: impl Iterator<Item = f32>) -> Vec<(Vec<Item>, f32)> {
    let mut shares: Vec<(Vec<Item>, f32)> = heights.map(|h| (Vec::new(), h)).collect();
    let last = shares.len() - 1;
    let (mut k, mut row_top, mut y) = (0, 0.0, PADDING);
    let mut first_in_row = true;
    for line in lines {
        let gap = if first_in_row { 0.0 } else { line.space_before };
        // A line may sit in a row's bottom padding: the rule under it is
        // open, so the lines read on with no gap but what is left over.
        while k < last && y + gap + line.height > row_top + shares[k].1 + 0.01 {
            row_top += shares[k].1;
            k += 1;
            y = y.max(row_top);
            first_in_row = true;
        }
        y += if first_in_row { 0.0 } else { line.space_before };
        for mut item in line.items {
            item.shift(0.0, y - row_top);
            shares[k].0.push(item);
        }
        y += line.height;
        first_in_row = false;
        shares[k].1 = shares[k].1.max(y - row_top + PADDING);
    }
    shares
}
