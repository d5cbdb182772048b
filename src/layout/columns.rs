//! Column widths from the content: what each column needs (its longest
//! word, its text on one line) and how a table's width is shared out.

use super::Colour;
use super::compose::list_indent;
use super::figures::FigureColumn;
use super::fonts::Face;
use super::text::{Piece, Style, extents, rich_pieces};
use crate::model::{Cell, CellBlock, Column, List, Rich, RowKind, Table};

/// Room between a cell's edge and its text.
pub const PADDING: f32 = 3.0;
/// No column is narrower than this, padding included.
const MIN_COLUMN: f32 = 24.0;
/// A text column reads comfortably at this many ems wide (or its natural
/// width if less); a table whose columns cannot all have that on a portrait
/// page goes landscape.
const COMFORTABLE_EMS: f32 = 12.0;

/// What each column's text needs, in ems: measured once per table, since
/// text widths grow in proportion to the type size.
pub struct ColumnText {
    /// The longest word, so words need not break.
    min: Vec<f32>,
    /// Everything on one line.
    preferred: Vec<f32>,
    /// The column label on one line: given if there is room to spare.
    label: Vec<f32>,
}

/// What each column needs at one type size, padding included.
pub struct ColumnNeeds {
    min: Vec<f32>,
    preferred: Vec<f32>,
    label: Vec<f32>,
}

impl ColumnText {
    pub fn measure(table: &Table, figures: &[FigureColumn]) -> ColumnText {
        let count = table.columns.len();
        let mut min = vec![0.0_f32; count];
        let mut preferred = vec![0.0_f32; count];
        let body = Style::new(Face::Regular, 1.0);
        let bold = Style::new(Face::Bold, 1.0);
        let mut widen = |column: usize, text: &Measured, counts_fully: bool| {
            let size = extents(&text.pieces);
            let natural = text.indent + size.natural;
            let word = text.indent + size.widest_word;
            min[column] = min[column].max(word);
            preferred[column] = preferred[column].max(if counts_fully { natural } else { word });
        };
        let label = |rich: &Rich| Measured {
            pieces: rich_pieces(rich, &bold),
            indent: 0.0,
        };
        let mut label_widths = vec![0.0_f32; count];
        for (c, column) in table.columns.iter().enumerate() {
            let text = label(&column.label);
            label_widths[c] = extents(&text.pieces).natural;
            widen(c, &text, false);
        }
        // Header cells over a single column must fit it too.
        for header_row in &table.header_rows {
            let mut column = 0;
            for cell in header_row {
                if cell.span <= 1 && column < count {
                    widen(column, &label(&cell.text), false);
                }
                column += usize::from(cell.span.max(1));
            }
        }
        for row in table.rows.iter().filter(|r| r.kind != RowKind::Group) {
            let style = row_style(row.kind, &body);
            for (c, cell) in row.cells.iter().enumerate().take(count) {
                for measured in cell_pieces(cell, &style) {
                    widen(c, &measured, true);
                }
            }
        }
        // Figures aligned on their decimal points, ratings' slots and labels.
        for (c, figure) in figures.iter().enumerate() {
            min[c] = min[c].max(figure.min());
            preferred[c] = preferred[c].max(figure.preferred());
        }
        ColumnText {
            min,
            preferred,
            label: label_widths,
        }
    }

    /// The columns' needs with text `size` points high.
    pub fn at(&self, size: f32) -> ColumnNeeds {
        let padded = |ems: &Vec<f32>| -> Vec<f32> {
            ems.iter()
                .map(|&em| (em * size + 2.0 * PADDING).max(MIN_COLUMN))
                .collect()
        };
        ColumnNeeds {
            min: padded(&self.min),
            preferred: padded(&self.preferred),
            label: padded(&self.label),
        }
    }
}

impl ColumnNeeds {
    pub fn total_min(&self) -> f32 {
        self.min.iter().sum()
    }

    fn total_preferred(&self) -> f32 {
        self.preferred.iter().sum()
    }

    /// The width at which every column reads comfortably.
    pub fn comfortable(&self, size: f32) -> f32 {
        self.min
            .iter()
            .zip(&self.preferred)
            .map(|(&min, &preferred)| preferred.min(min.max(COMFORTABLE_EMS * size)))
            .sum()
    }

    /// Widths that fill `room`: preferred widths (with labels on one line
    /// if that fits too) and the slack to text columns, or fair shares.
    pub fn widths(&self, room: f32, columns: &[Column]) -> Vec<f32> {
        let preferred = self.total_preferred();
        let min = self.total_min();
        // Room to spare: first let labels sit on one line where they can.
        let with_labels: Vec<f32> = (self.preferred.iter().zip(&self.label))
            .map(|(&p, &l)| p.max(l))
            .collect();
        if with_labels.iter().sum::<f32>() <= room {
            let needs = ColumnNeeds {
                min: self.min.clone(),
                preferred: with_labels,
                label: self.label.clone(),
            };
            return needs.spread(room, columns);
        }
        // Prose first, then labels: a label may take two lines, not four,
        // if the columns' floors still fit ("Estimated / Activity in /
        // 2007-08" beside a wide sentence column).
        let floors: Vec<f32> = (self.min.iter().zip(&self.label))
            .map(|(&m, &l)| m.max((l - 2.0 * PADDING) / 2.0 + 2.0 * PADDING))
            .collect();
        if floors.iter().sum::<f32>() <= room && floors != self.min {
            let needs = ColumnNeeds {
                preferred: (self.preferred.iter().zip(&floors))
                    .map(|(&p, &f)| p.max(f))
                    .collect(),
                min: floors,
                label: self.label.clone(),
            };
            return needs.widths(room, columns);
        }
        if preferred <= room {
            return self.spread(room, columns);
        }
        if min <= room {
            return self.shared_widths(room);
        }
        capped_shares(&self.min, room)
    }

    /// Preferred widths, the slack going to text columns.
    fn spread(&self, room: f32, columns: &[Column]) -> Vec<f32> {
        let preferred = self.total_preferred();
        let text_columns: f32 = columns
            .iter()
            .zip(&self.preferred)
            .filter(|(c, _)| !c.kind.is_numeric())
            .map(|(_, w)| w)
            .sum();
        let slack = room - preferred;
        columns
            .iter()
            .zip(&self.preferred)
            .map(|(c, &w)| match (text_columns > 0.0, c.kind.is_numeric()) {
                (true, false) => w + slack * w / text_columns,
                (true, true) => w,
                (false, _) => w + slack * w / preferred,
            })
            .collect()
    }
}

impl ColumnNeeds {
    /// Widths for a table that cannot have all it would like: columns
    /// that want little (below a common cap, found by halving) get it all;
    /// the long ones share the rest by how much more than their minimum
    /// they would like, so the longest text gets the most room.
    fn shared_widths(&self, room: f32) -> Vec<f32> {
        let capped_total = |cap: f32| -> f32 {
            self.min
                .iter()
                .zip(&self.preferred)
                .map(|(&lo, &hi)| hi.min(lo.max(cap)))
                .sum()
        };
        let (mut low, mut high) = (0.0, room);
        for _ in 0..40 {
            let cap = (low + high) / 2.0;
            if capped_total(cap) <= room {
                low = cap;
            } else {
                high = cap;
            }
        }
        let satisfied = |hi: f32| hi <= low;
        let pairs = || self.min.iter().copied().zip(self.preferred.iter().copied());
        let taken: f32 = pairs()
            .filter(|&(_, hi)| satisfied(hi))
            .map(|(_, hi)| hi)
            .sum();
        let (long_min, long_wish) = pairs()
            .filter(|&(_, hi)| !satisfied(hi))
            .fold((0.0, 0.0), |(m, w), (lo, hi)| (m + lo, w + hi - lo));
        let spare = room - taken - long_min;
        pairs()
            .map(|(lo, hi)| {
                if satisfied(hi) {
                    hi
                } else {
                    lo + spare * (hi - lo) / long_wish.max(f32::EPSILON)
                }
            })
            .collect()
    }
}

/// Widths for columns whose minimums do not fit `room`: each column gets
/// its minimum up to a common cap, the cap chosen so the widths fill the
/// room. Columns of short words keep them whole; only the columns holding
/// the longest words (a pasted URL, a reference number) are narrowed, and
/// break them. Scaling every column instead would let one 900-character
/// word squeeze the others to nothing.
fn capped_shares(needs: &[f32], room: f32) -> Vec<f32> {
    let mut sorted = needs.to_vec();
    sorted.sort_by(f32::total_cmp);
    let mut left = room;
    let mut cap = 0.0;
    for (i, &need) in sorted.iter().enumerate() {
        let share = left / (sorted.len() - i) as f32;
        cap = share;
        if need > share {
            break;
        }
        left -= need;
        cap = need;
    }
    needs.iter().map(|&need| need.min(cap)).collect()
}

/// A paragraph of a cell, for measuring.
struct Measured {
    pieces: Vec<Piece>,
    indent: f32,
}

/// The paragraphs a cell would print, for measuring.
fn cell_pieces(cell: &Cell, style: &Style) -> Vec<Measured> {
    let mut out = Vec::new();
    let paragraph = |pieces| Measured {
        pieces,
        indent: 0.0,
    };
    for block in &cell.0 {
        match block {
            CellBlock::Para(rich) => out.push(paragraph(rich_pieces(rich, style))),
            // Measured with the column's figures (`FigureColumn`).
            CellBlock::Rating(_) => {}
            CellBlock::List(list) => list_pieces(list, style, 0.0, &mut out),
        }
    }
    out
}

fn list_pieces(list: &List, style: &Style, indent: f32, out: &mut Vec<Measured>) {
    let indent = indent + list_indent(list, style);
    for item in &list.items {
        out.push(Measured {
            pieces: rich_pieces(&item.text, style),
            indent,
        });
        list_pieces(&item.children, style, indent, out);
    }
}

pub fn row_style(kind: RowKind, base: &Style) -> Style {
    match kind {
        RowKind::Group | RowKind::Subtotal | RowKind::Total => Style {
            face: Face::Bold,
            ..base.clone()
        },
        // A rate or average: set apart from the totals it is not one of.
        RowKind::Rate => Style {
            face: Face::BoldItalic,
            ..base.clone()
        },
        RowKind::Hint => Style {
            face: Face::Italic,
            ..base.clone()
        }
        .coloured(Colour::MUTED),
        RowKind::Data | RowKind::Memo => base.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_huge_column_is_capped_and_the_others_keep_their_minimum() {
        let widths = capped_shares(&[30.0, 50.0, 7000.0, 40.0], 700.0);
        assert_eq!(widths[..2], [30.0, 50.0]);
        assert_eq!(widths[3], 40.0);
        assert!(
            (widths.iter().sum::<f32>() - 700.0).abs() < 1e-3,
            "{widths:?}"
        );
    }

    #[test]
    fn columns_all_too_wide_share_the_room_equally() {
        let widths = capped_shares(&[400.0, 500.0, 600.0], 300.0);
        assert_eq!(widths, [100.0, 100.0, 100.0]);
    }
}
