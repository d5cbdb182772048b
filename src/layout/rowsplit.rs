//! A table row taller than the room left is placed a page at a time, each
//! column breaking at a line boundary of its own, so no column leaves a
//! blank stretch at the page foot because another column's lines fall
//! differently. Every line is placed once, in order.

use super::boxes::Chunk;
use super::{Item, Rect};

/// Lines a split row leaves at a page foot, or carries over, at least.
pub const MIN_LINES: usize = 2;

/// One line of a cell: the items (by index in the row) whose extents
/// overlap vertically.
struct CellLine {
    top: f32,
    bottom: f32,
    items: Vec<usize>,
}

/// A piece of a row for one page: its items, placed from the piece's top,
/// and its height.
pub struct RowPiece {
    pub items: Vec<Item>,
    pub height: f32,
}

/// The lines of a row still to place, column by column.
pub struct RowSplitter<'c> {
    chunk: &'c Chunk,
    columns: Vec<Vec<CellLine>>,
    /// The first line of each column not yet placed.
    next: Vec<usize>,
    /// Above the first line and below the last one: the cell padding and
    /// half the leading, as the row was set.
    head: f32,
    tail: f32,
    started: bool,
}

impl<'c> RowSplitter<'c> {
    pub fn new(chunk: &'c Chunk) -> RowSplitter<'c> {
        let edges = chunk.frame().map(|f| f.edges.clone()).unwrap_or_default();
        let column_of = |item: &Item| {
            let x = item.bounds().x;
            edges.iter().rposition(|&e| e <= x + 0.01).unwrap_or(0)
        };
        let mut columns: Vec<Vec<(usize, Rect)>> = vec![Vec::new(); edges.len().max(1)];
        for (i, item) in chunk.items.iter().enumerate() {
            columns[column_of(item)].push((i, item.bounds()));
        }
        let columns: Vec<Vec<CellLine>> = columns.into_iter().map(cell_lines).collect();
        let lines = || columns.iter().flatten();
        let head = lines().map(|l| l.top).fold(chunk.height, f32::min).max(0.0);
        let bottom = lines().map(|l| l.bottom).fold(0.0, f32::max);
        RowSplitter {
            chunk,
            next: vec![0; columns.len()],
            columns,
            head,
            tail: (chunk.height - bottom).max(0.0),
            started: false,
        }
    }

    pub fn is_done(&self) -> bool {
        self.columns
            .iter()
            .zip(&self.next)
            .all(|(lines, &next)| next >= lines.len())
    }

    /// Where column `c`'s next line goes, down from a piece's top.
    fn offset(&self, c: usize) -> f32 {
        match (self.started, self.columns[c].get(self.next[c])) {
            (true, Some(line)) => self.head - line.top,
            _ => 0.0,
        }
    }

    /// How many of column `c`'s next lines go in a piece `room` tall: those
    /// that fit, less any needed so that none or at least two go on.
    fn fitting(&self, c: usize, room: f32) -> usize {
        let offset = self.offset(c);
        let rest = &self.columns[c][self.next[c]..];
        let fit = (rest.iter())
            .take_while(|line| line.bottom + offset + self.tail <= room + 0.01)
            .count();
        match rest.len() - fit {
            0 => fit,
            after if after < MIN_LINES => fit.min(rest.len().saturating_sub(MIN_LINES)),
            _ => fit,
        }
    }

    /// The most lines any column has left.
    pub fn most_lines(&self) -> usize {
        (self.columns.iter().zip(&self.next))
            .map(|(lines, &next)| lines.len() - next)
            .max()
            .unwrap_or(0)
    }

    /// The height a piece needs to hold the next `lines` lines of every
    /// column (or all a column has left).
    pub fn first_lines_height(&self, lines: usize) -> f32 {
        let bottom = (0..self.columns.len())
            .filter_map(|c| {
                let rest = &self.columns[c][self.next[c]..];
                let line = rest.get(lines.min(rest.len()).checked_sub(1)?)?;
                Some(line.bottom + self.offset(c))
            })
            .fold(self.head, f32::max);
        bottom + self.tail
    }

    /// Of the column with the most lines left, how many would fit in
    /// `room` and how many would go on.
    pub fn lines_here_and_after(&self, room: f32) -> (usize, usize) {
        (0..self.columns.len())
            .map(|c| {
                let left = self.columns[c].len() - self.next[c];
                let here = self.fitting(c, room);
                (left, here, left - here)
            })
            .max()
            .map_or((0, 0), |(_, here, after)| (here, after))
    }

    /// The next piece, `room` tall at most: each column's lines that fit.
    /// `None` if no column has a line that fits, unless `force` (an empty
    /// page), when each column places its next line even so.
    pub fn piece(&mut self, room: f32, force: bool) -> Option<RowPiece> {
        let counts: Vec<usize> = (0..self.columns.len())
            .map(|c| self.fitting(c, room))
            .collect();
        let nothing = counts.iter().all(|&n| n == 0);
        if nothing && !force {
            return None;
        }
        let mut items = Vec::new();
        let mut bottom: f32 = 0.0;
        for (c, &count) in counts.iter().enumerate() {
            let left = self.columns[c].len() - self.next[c];
            let count = if nothing { left.min(1) } else { count };
            let offset = self.offset(c);
            for line in &self.columns[c][self.next[c]..self.next[c] + count] {
                bottom = bottom.max(line.bottom + offset);
                items.extend(line.items.iter().map(|&i| {
                    let mut item = self.chunk.items[i].clone();
                    item.shift(0.0, offset);
                    item
                }));
            }
            self.next[c] += count;
        }
        self.started = true;
        let height = if self.is_done() {
            (bottom + self.tail).min(room.max(bottom))
        } else {
            // The row goes on over the page: its frame reaches the foot.
            room.max(bottom)
        };
        Some(RowPiece { items, height })
    }
}

/// A column's items grouped into lines (items whose extents overlap), top
/// to bottom.
fn cell_lines(mut items: Vec<(usize, Rect)>) -> Vec<CellLine> {
    items.sort_by(|a, b| a.1.y.total_cmp(&b.1.y));
    let mut lines: Vec<CellLine> = Vec::new();
    for (index, bounds) in items {
        match lines.last_mut() {
            Some(line) if bounds.y < line.bottom - 0.01 => {
                line.bottom = line.bottom.max(bounds.bottom());
                line.items.push(index);
            }
            _ => lines.push(CellLine {
                top: bounds.y,
                bottom: bounds.bottom(),
                items: vec![index],
            }),
        }
    }
    lines
}
