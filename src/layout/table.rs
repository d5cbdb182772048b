//! Tables: column widths from the content, header rows repeated on every
//! page, group, total and guidance rows styled, landscape pages for tables
//! too wide for portrait.

use super::blocks::{Composer, LineBox, leading, line_chunks, rule, stack};
use super::columns::{ColumnNeeds, ColumnText, PADDING, row_style};
use super::flow::{Chunk, ChunkKind};
use super::fonts::Face;
use super::text::{Align, Piece, Style, rich_pieces};
use super::{Colour, Item, Orientation, Rect};
use crate::model::{HeaderCell, Row, RowKind, Table};

/// Line width of the grid.
const GRID_WIDTH: f32 = 0.4;

/// How to draw a table row's borders and background around whatever part
/// of it lands on a page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RowFrame {
    /// Column edges, from the body's left edge.
    pub edges: Vec<f32>,
    pub fill: Option<Colour>,
    /// A heavier rule above (total rows).
    pub rule_above: bool,
    pub padding: f32,
}

impl RowFrame {
    /// The frame's lines and fill for a piece `height` tall at `top`.
    /// Rules lie inside the piece, so a row ends where its page's body
    /// ends; a row under another shares that row's bottom rule, so only
    /// a piece at the top of a page (`draw_top`) draws a rule above.
    pub fn draw(&self, x: f32, top: f32, height: f32, draw_top: bool) -> Vec<Item> {
        let (Some(&left), Some(&right)) = (self.edges.first(), self.edges.last()) else {
            return Vec::new();
        };
        let (left, right, bottom) = (x + left, x + right, top + height);
        let mut items = Vec::new();
        if let Some(colour) = self.fill {
            items.push(Item::Fill {
                rect: Rect {
                    x: left,
                    y: top,
                    width: right - left,
                    height,
                },
                colour,
            });
        }
        let half = GRID_WIDTH / 2.0;
        if draw_top {
            let over = top + half;
            items.push(rule((left, over), (right, over), GRID_WIDTH, Colour::GRID));
        }
        let under = bottom - half;
        items.push(rule(
            (left, under),
            (right, under),
            GRID_WIDTH,
            Colour::GRID,
        ));
        for &edge in &self.edges {
            let (from, to) = ((x + edge, top), (x + edge, bottom));
            items.push(rule(from, to, GRID_WIDTH, Colour::GRID));
        }
        if self.rule_above {
            const TOTAL_RULE: f32 = 1.0;
            let y = top + TOTAL_RULE / 2.0;
            items.push(rule((left, y), (right, y), TOTAL_RULE, Colour::BLACK));
        }
        items
    }
}

/// A size and orientation a table could be set in.
#[derive(Clone, Copy, Debug)]
struct Setting {
    orientation: Orientation,
    size: f32,
}

/// Picks the first setting the table fits comfortably: portrait at the
/// table size, then landscape, then landscape in smaller type.
fn choose_setting(table: &Table, composer: &Composer) -> (Setting, ColumnNeeds) {
    let size = composer.settings.body_size * 0.85;
    let candidates = [
        Setting {
            orientation: Orientation::Portrait,
            size,
        },
        Setting {
            orientation: Orientation::Landscape,
            size,
        },
        Setting {
            orientation: Orientation::Landscape,
            size: size * 0.9,
        },
        Setting {
            orientation: Orientation::Landscape,
            size: size * 0.8,
        },
    ];
    let text = ColumnText::measure(table);
    let mut last = None;
    for setting in candidates {
        let needs = text.at(setting.size);
        let room = table_room(composer, setting.orientation);
        let comfortable = match setting.orientation {
            Orientation::Portrait => needs.comfortable(setting.size) <= room,
            Orientation::Landscape => needs.total_min() <= room,
        };
        if comfortable {
            return (setting, needs);
        }
        last = Some((setting, needs));
    }
    last.expect("there are candidate settings")
}

/// The width a table may fill, leaving room for the grid's outer lines.
fn table_room(composer: &Composer, orientation: Orientation) -> f32 {
    composer.settings.body_box(orientation).width - GRID_WIDTH
}

/// Lays out a table: caption, header (repeated on each page it spans),
/// rows, notes.
pub fn table_chunks(composer: &mut Composer, table: &Table, id: usize) -> Vec<Chunk> {
    if table.columns.is_empty() {
        composer
            .warnings
            .add("a table with no columns was left out");
        return Vec::new();
    }
    let (setting, needs) = choose_setting(table, composer);
    let room = table_room(composer, setting.orientation);
    let widths = needs.widths(room, &table.columns);
    if needs.total_min() > room {
        composer.warnings.add(format!(
            "a {} with {} columns is too wide even for a landscape page; long words in it are broken",
            table.kind.name(),
            table.columns.len()
        ));
    }
    let mut edges = vec![GRID_WIDTH / 2.0];
    for w in &widths {
        edges.push(edges.last().copied().unwrap_or(0.0) + w);
    }
    let layout = TableLayout {
        table,
        edges,
        size: setting.size,
    };
    let mut chunks = Vec::new();
    let caption_style = Style::new(Face::Bold, composer.settings.body_size);
    let body_width = composer.settings.body_box(setting.orientation).width;
    for line in &table.caption {
        let pieces = rich_pieces(line, &caption_style);
        let lines = composer.text_lines(
            &pieces,
            0.0,
            body_width,
            Align::Left,
            leading(caption_style.size),
        );
        chunks.extend(line_chunks(lines, 0.0, true));
    }
    if let Some(last) = chunks.last_mut() {
        last.height += 3.0;
    }
    let page_height = composer.settings.body_box(setting.orientation).height;
    chunks.extend(layout.header(composer, id, page_height));
    let mut rows: Vec<Chunk> = (table.rows.iter().enumerate())
        .map(|(r, row)| layout.row(composer, row, r, id))
        .collect();
    keep_rows_together(&mut rows, &table.rows, page_height);
    chunks.extend(rows);
    for note in &table.notes {
        let lines = composer.note_lines(note, 0.0, body_width);
        chunks.extend(line_chunks(lines, 3.0, false));
    }
    for chunk in &mut chunks {
        chunk.orientation = setting.orientation;
    }
    chunks
}

/// One header row: the columns each cell covers and its set text.
struct HeaderBand {
    spans: Vec<(usize, usize)>,
    cells: Vec<Vec<LineBox>>,
}

/// A short table stays in one piece; a longer one leaves at least two
/// rows under its header and carries at least two onto a new page; a
/// group's label stays with its first row.
fn keep_rows_together(rows: &mut [Chunk], kinds: &[Row], page_height: f32) {
    const SHORT: f32 = 1.0 / 3.0;
    let count = rows.len();
    let height: f32 = rows.iter().map(|r| r.height).sum();
    for (i, row) in rows.iter_mut().enumerate() {
        let last = i + 1 == count;
        let short = height <= page_height * SHORT;
        let group = kinds[i].kind == RowKind::Group;
        let ends = count > 2 && (i == 0 || i + 2 == count);
        row.keep_with_next = !last && (short || ends || group);
    }
}

struct TableLayout<'t> {
    table: &'t Table,
    edges: Vec<f32>,
    size: f32,
}

impl TableLayout<'_> {
    fn column_count(&self) -> usize {
        self.table.columns.len()
    }

    /// The column labels and any extra header rows above them, shaded,
    /// with their own grid: one chunk, repeated on every page. A header
    /// taller than half a page (long words in many narrow columns) would
    /// crowd out the rows, or not fit at all: it prints once instead, a
    /// row of the table per band, split across pages if it must be.
    fn header(&self, composer: &mut Composer, id: usize, page_height: f32) -> Vec<Chunk> {
        let style = Style::new(Face::Bold, self.size);
        let mut bands: Vec<HeaderBand> = Vec::new();
        for header_row in &self.table.header_rows {
            let spans = self.spans(header_row, composer);
            let cells = spans
                .iter()
                .zip(header_row)
                .map(|(&(first, last), cell)| {
                    let pieces = rich_pieces(&cell.text, &style);
                    self.cell_text(composer, &pieces, first, last, Align::Centre)
                })
                .collect();
            bands.push(HeaderBand { spans, cells });
        }
        let label_spans: Vec<_> = (0..self.column_count()).map(|c| (c, c)).collect();
        let labels = self
            .table
            .columns
            .iter()
            .enumerate()
            .map(|(c, column)| {
                let align = if column.kind.is_numeric() {
                    Align::Right
                } else {
                    Align::Left
                };
                let pieces = rich_pieces(&column.label, &style);
                self.cell_text(composer, &pieces, c, c, align)
            })
            .collect();
        bands.push(HeaderBand {
            spans: label_spans,
            cells: labels,
        });

        let rows: Vec<Chunk> = (bands.into_iter())
            .map(|HeaderBand { spans, cells }| {
                let (items, height) = self.place_cells(cells, 0.0);
                let edges: Vec<f32> = std::iter::once(self.edges[spans[0].0])
                    .chain(spans.iter().map(|&(_, last)| self.edges[last + 1]))
                    .collect();
                let frame = RowFrame {
                    edges,
                    fill: Some(Colour::HEADER_FILL),
                    rule_above: false,
                    padding: PADDING,
                };
                Chunk {
                    items,
                    height,
                    keep_with_next: true,
                    kind: ChunkKind::TableRow { table: id, frame },
                    ..Chunk::default()
                }
            })
            .collect();
        let height: f32 = rows.iter().map(|r| r.height).sum();
        if height > page_height / 2.0 {
            composer.warnings.add(format!(
                "the header of a {} is taller than half a page, so it is not repeated on the pages the table continues on",
                self.table.kind.name()
            ));
            return rows;
        }
        let mut items = Vec::new();
        let mut top = 0.0;
        for row in rows {
            let ChunkKind::TableRow { frame, .. } = &row.kind else {
                continue;
            };
            items.extend(frame.draw(0.0, top, row.height, top == 0.0));
            items.extend(row.items.into_iter().map(|mut item| {
                item.shift(0.0, top);
                item
            }));
            top += row.height;
        }
        vec![Chunk {
            items,
            height: top,
            keep_with_next: true,
            kind: ChunkKind::TableHeader {
                table: id,
                frame: RowFrame::default(),
            },
            ..Chunk::default()
        }]
    }

    /// Which columns each header cell covers; spans past the last column
    /// are cut short (and reported).
    fn spans(&self, header_row: &[HeaderCell], composer: &mut Composer) -> Vec<(usize, usize)> {
        let mut spans = Vec::new();
        let mut next = 0;
        for cell in header_row {
            if next >= self.column_count() {
                composer.warnings.add(format!(
                    "header cell \"{}\" lies past the table's last column and was dropped",
                    cell.text.to_plain()
                ));
                continue;
            }
            let last = (next + usize::from(cell.span.max(1)) - 1).min(self.column_count() - 1);
            spans.push((next, last));
            next = last + 1;
        }
        if next < self.column_count() {
            // A short header row leaves the remaining columns blank.
            spans.push((next, self.column_count() - 1));
        }
        spans
    }

    /// Sets text inside columns `first..=last`.
    fn cell_text(
        &self,
        composer: &mut Composer,
        pieces: &[Piece],
        first: usize,
        last: usize,
        align: Align,
    ) -> Vec<LineBox> {
        let (x, width) = self.inner(first, last);
        composer.text_lines(pieces, x, width, align, leading(self.size))
    }

    /// The text area of columns `first..=last`.
    fn inner(&self, first: usize, last: usize) -> (f32, f32) {
        let x = self.edges[first] + PADDING;
        (x, self.edges[last + 1] - PADDING - x)
    }

    /// Stacks each cell's lines and places them side by side in a row
    /// starting at `top`; returns the items and the row's height.
    fn place_cells(&self, cells: Vec<Vec<LineBox>>, top: f32) -> (Vec<Item>, f32) {
        let mut items = Vec::new();
        let mut height: f32 = 0.0;
        for lines in cells {
            let (mut cell_items, cell_height) = stack(lines);
            for item in &mut cell_items {
                item.shift(0.0, top + PADDING);
            }
            items.extend(cell_items);
            height = height.max(cell_height);
        }
        (items, height.max(leading(self.size)) + 2.0 * PADDING)
    }

    fn row(&self, composer: &mut Composer, row: &Row, index: usize, id: usize) -> Chunk {
        let style = row_style(row.kind, &Style::new(Face::Regular, self.size));
        let last_column = self.column_count() - 1;
        let used = if row.kind == RowKind::Group {
            1
        } else {
            self.column_count()
        };
        for (c, cell) in row.cells.iter().enumerate().skip(used) {
            if !cell.is_empty() {
                composer.warnings.add(format!(
                    "{} row {} has a cell ({}) beyond its table's columns; it was dropped",
                    self.table.kind.name(),
                    index + 1,
                    c + 1
                ));
            }
        }
        let cells: Vec<Vec<LineBox>> = if row.kind == RowKind::Group {
            let (x, width) = self.inner(0, last_column);
            let cell = row.cells.first().cloned().unwrap_or_default();
            vec![composer.cell_lines(&cell, x, width, Align::Left, &style)]
        } else {
            (0..self.column_count())
                .map(|c| {
                    let (x, width) = self.inner(c, c);
                    let align = if self.table.columns[c].kind.is_numeric() {
                        Align::Right
                    } else {
                        Align::Left
                    };
                    match row.cell(c) {
                        Some(cell) => composer.cell_lines(cell, x, width, align, &style),
                        None => Vec::new(),
                    }
                })
                .collect()
        };
        let (items, height) = self.place_cells(cells, 0.0);
        let edges = if row.kind == RowKind::Group {
            vec![self.edges[0], self.edges[last_column + 1]]
        } else {
            self.edges.clone()
        };
        let frame = RowFrame {
            edges,
            fill: (row.kind == RowKind::Group).then_some(Colour::GROUP_FILL),
            rule_above: row.kind.is_total(),
            padding: PADDING,
        };
        Chunk {
            items,
            height,
            kind: ChunkKind::TableRow { table: id, frame },
            ..Chunk::default()
        }
    }
}
