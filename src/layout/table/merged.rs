//! Cells merged over rows. A merged cell is set once, in the first row it
//! covers, its lines running on down beside the rows under it (which stay
//! on that page with it while its lines run on); the rule under each row
//! it covers is left out in its column; and a page the merged cell goes
//! on onto shows its words again at the top of its column, marked
//! "(cont.)", as furniture (the words are the plan's once).

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
                let (mut items, height) = stack(lines);
                for item in &mut items {
                    item.shift(0.0, PADDING);
                    if let Item::Text(run) = item {
                        run.cell = Some(c as u16);
                    }
                }
                // In column order, so its words are read in their place.
                let at = (rows[r].items.iter())
                    .position(|i| matches!(i, Item::Text(run) if run.cell > Some(c as u16)))
                    .unwrap_or(rows[r].items.len());
                rows[r].items.splice(at..at, items);
                rows[r].merged.push((c as u16, n as u16));
                let needed = height + 2.0 * PADDING;
                let mut bottom = 0.0;
                for (k, chunk) in rows.iter_mut().enumerate().skip(r).take(n) {
                    bottom += chunk.height;
                    // The merged cell's lines run on past this row.
                    if needed > bottom + 0.01 && k + 1 < r + n {
                        chunk.keep_with_next = true;
                    }
                }
                if needed > bottom {
                    rows[r + n - 1].height += needed - bottom;
                }
                for (k, chunk) in rows.iter_mut().enumerate().take(r + n).skip(r) {
                    let continued = match k > r {
                        true => self.continued(composer, &cell, c, chunk.height),
                        false => Vec::new(),
                    };
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
