//! Tables: column widths from the content, header rows repeated on every
//! page, group, total and guidance rows styled, landscape pages for tables
//! too wide for portrait.

use super::boxes::{
    Chunk, ChunkKind, GRID_WIDTH, LineBox, RowFrame, leading, line_chunks, rule, stack,
};
use super::columns::{PADDING, row_style};
use super::compose::Composer;
use super::compose::plain_pieces;
use super::figures::{FigureColumn, beside, cell_figure, figure_columns, rating_key, split_figure};
use super::fonts::Face;
use super::text::{Align, Piece, Style, rich_pieces};
use super::{Colour, Item, Part, Place, Role, RunTag};
use crate::model::spans::SpanMap;
use crate::model::{Cell, CellBlock, HeaderCell, Location, Row, RowKind, Table};

mod keep;
mod merged;
mod setting;

use setting::{choose_setting, table_room};

/// Between a caption and its table.
const CAPTION_GAP: f32 = 3.0;
/// Above the rating key.
const KEY_GAP: f32 = 4.0;

/// Lays out a table: caption, header (repeated on each page it spans),
/// rows, notes.
pub fn table_chunks(
    composer: &mut Composer,
    table: &Table,
    id: usize,
    place: &Location,
) -> Vec<Chunk> {
    if table.columns.is_empty() {
        composer
            .warnings
            .add("a table with no columns was left out");
        return Vec::new();
    }
    let figures = figure_columns(table, composer.plan);
    let (setting, needs) = choose_setting(table, composer, &figures);
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
        spans: table.span_map(),
        edges,
        size: setting.size,
        figures,
    };
    let mut chunks = Vec::new();
    let caption_style = Style::new(Face::Bold, composer.typography.body);
    let body_width = composer.settings.body_box(setting.orientation).width;
    let caption = |composer: &mut Composer, continued: bool| {
        let style = match continued {
            false => caption_style.clone(),
            true => caption_style.clone().role(Role::RepeatedHeader),
        };
        let mut chunks = Vec::new();
        for (i, line) in table.caption.iter().enumerate() {
            let mut pieces = rich_pieces(line, &style);
            if continued && i + 1 == table.caption.len() {
                pieces.push(Piece::new(" (continued)", style.clone()));
            }
            let lines =
                composer.text_lines(&pieces, 0.0, body_width, Align::Left, leading(style.size));
            chunks.extend(line_chunks(lines, 0.0, true));
        }
        if let Some(last) = chunks.last_mut() {
            last.height += CAPTION_GAP;
        }
        chunks
    };
    chunks.extend(caption(composer, false).into_iter().map(|chunk| Chunk {
        part: Part::Caption,
        ..chunk
    }));
    let continued = caption(composer, true);
    let page_height = composer.settings.body_box(setting.orientation).height;
    let mut headers = layout.header(composer, id, page_height);
    if let [header] = headers.as_mut_slice()
        && let ChunkKind::TableHeader { caption, .. } = &mut header.kind
        && !continued.is_empty()
    {
        let (items, height) = stack(
            continued
                .into_iter()
                .map(|c| LineBox {
                    items: c.items,
                    height: c.height,
                    space_before: 0.0,
                })
                .collect(),
        );
        *caption = Some(Box::new(Chunk {
            items,
            height,
            place: place.clone(),
            part: Part::ContinuedCaption,
            ..Chunk::default()
        }));
    }
    for header in &mut headers {
        header.part = Part::TableHeader;
    }
    chunks.extend(headers);
    let mut rows: Vec<Chunk> = (table.rows.iter().enumerate())
        .map(|(r, row)| {
            let row_place = Location::cell(&place.sections, place.block.unwrap_or(0), r, None);
            composer.warnings.place = Place::Body(row_place.clone());
            Chunk {
                place: row_place,
                part: Part::Row,
                ..layout.row(composer, row, r, id)
            }
        })
        .collect();
    composer.warnings.place = Place::Body(place.clone());
    keep::keep_rows_together(&mut rows, &table.rows, page_height);
    layout.merged_cells(composer, &mut rows);
    chunks.extend(rows);
    for (n, note) in table.notes.iter().enumerate() {
        let lines = composer.note_lines(note, 0.0, body_width, n);
        chunks.extend(line_chunks(lines, 3.0, false));
    }
    if layout.figures.iter().any(|f| f.slots > 0) && !composer.rating_key_printed {
        composer.rating_key_printed = true;
        let (mut items, height) = stack(rating_key(composer, body_width));
        match chunks
            .last_mut()
            .filter(|c| matches!(c.kind, ChunkKind::Plain))
        {
            // Under the table's last note line, in one piece with it, so
            // the key never strays onto another page.
            Some(last) => {
                let top = last.height + KEY_GAP;
                items.iter_mut().for_each(|item| item.shift(0.0, top));
                last.items.extend(items);
                last.height = top + height;
            }
            None => chunks.push(Chunk {
                items,
                height,
                space_before: KEY_GAP,
                ..Chunk::default()
            }),
        }
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

struct TableLayout<'t> {
    table: &'t Table,
    /// Which cells are merged over rows.
    spans: SpanMap,
    edges: Vec<f32>,
    size: f32,
    /// Each column's figures and ratings, in ems.
    figures: Vec<FigureColumn>,
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
        // A header row with no words in it would print as an empty shaded band.
        let worded =
            |row: &&Vec<HeaderCell>| row.iter().any(|c| !c.text.to_plain().trim().is_empty());
        let band = |composer: &mut Composer, header_row: &[HeaderCell]| {
            let spans = self.header_spans(header_row, composer);
            let cells = spans
                .iter()
                .zip(header_row)
                .map(|(&(first, last), cell)| {
                    let pieces = rich_pieces(&cell.text, &style);
                    self.cell_text(composer, &pieces, first, last, Align::Centre)
                })
                .collect();
            HeaderBand { spans, cells }
        };
        for header_row in self.table.header_rows.iter().filter(worded) {
            bands.push(band(composer, header_row));
        }
        let label_spans: Vec<_> = (0..self.column_count()).map(|c| (c, c)).collect();
        let labels = self
            .table
            .columns
            .iter()
            .enumerate()
            .map(|(c, column)| {
                // Over figures, to their right; over words, to their left.
                let align = if column.kind.is_numeric() && self.only_figures(c) {
                    Align::Right
                } else {
                    Align::Left
                };
                let pieces = rich_pieces(&column.label, &style);
                self.cell_text(composer, &pieces, c, c, align)
            })
            .collect();
        if self
            .table
            .columns
            .iter()
            .any(|c| !c.label.to_plain().trim().is_empty())
        {
            bands.push(HeaderBand {
                spans: label_spans,
                cells: labels,
            });
        }
        // A year or a source under the labels.
        for header_row in self.table.header_rows_below.iter().filter(worded) {
            bands.push(band(composer, header_row));
        }

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
                    ..RowFrame::default()
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
        if items.is_empty() {
            // No header words at all: just the grid's top rule.
            let (left, right) = (self.edges[0], self.edges[self.column_count()]);
            let y = GRID_WIDTH / 2.0;
            items.push(rule((left, y), (right, y), GRID_WIDTH, Colour::GRID));
            top = GRID_WIDTH;
        }
        vec![Chunk {
            items,
            height: top,
            keep_with_next: true,
            kind: ChunkKind::TableHeader {
                table: id,
                frame: RowFrame::default(),
                caption: None,
            },
            ..Chunk::default()
        }]
    }

    /// Which columns each header cell covers; spans past the last column
    /// are cut short (and reported).
    fn header_spans(
        &self,
        header_row: &[HeaderCell],
        composer: &mut Composer,
    ) -> Vec<(usize, usize)> {
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

    /// True when every filled cell of column `c` is a figure.
    fn only_figures(&self, c: usize) -> bool {
        (self.table.rows.iter())
            .filter(|row| row.kind != RowKind::Group)
            .filter_map(|row| row.cell(c).filter(|cell| !cell.is_empty()))
            .all(|cell| cell_figure(cell).is_some())
    }

    /// A rated value, or a figure in a column of figures.
    fn is_figure_cell(&self, cell: &Cell, c: usize) -> bool {
        let rated = cell.0.iter().any(|b| matches!(b, CellBlock::Rating(_)));
        let simple = matches!(
            cell.0.as_slice(),
            [CellBlock::Para(_)]
                | [CellBlock::Para(_), CellBlock::Rating(_)]
                | [CellBlock::Rating(_)]
        );
        // A column of figures, or of rated values (some unrated: "13.5").
        let figures = self.table.columns[c].kind.is_numeric() || self.figures[c].slots > 0;
        simple && (rated || (figures && cell_figure(cell).is_some()))
    }

    /// A figure on its column's decimal point, markers hung after it; a
    /// rating's slots in their sub-column after the values, its label
    /// beside them (wrapping there if long).
    fn figure_cell(
        &self,
        composer: &mut Composer,
        cell: &Cell,
        c: usize,
        style: &Style,
    ) -> Vec<LineBox> {
        let (x, width) = self.inner(c, c);
        let (size, lead) = (self.size, leading(self.size));
        let column = self.figures[c];
        // Figures sit at the column's right, or at its left when ratings follow.
        let block = if column.slots > 0 {
            x
        } else {
            x + width - column.figures() * size
        };
        let mut value = Vec::new();
        let mut rating = None;
        for block in &cell.0 {
            match block {
                CellBlock::Para(rich) => value.push(rich),
                CellBlock::Rating(r) => rating = Some(r),
                CellBlock::List(_) => {}
            }
        }
        let mut lines = match value.first() {
            Some(rich) => {
                let text = rich.to_plain();
                let pieces = rich_pieces(rich, style);
                match split_figure(&text) {
                    Some(figure) => {
                        let start =
                            block + column.whole * size - style.face.width(figure.whole, size);
                        composer.text_lines(&pieces, start, x + width - start, Align::Left, lead)
                    }
                    None => composer.text_lines(&pieces, x, width, Align::Left, lead),
                }
            }
            None => Vec::new(),
        };
        let Some(rating) = rating else {
            return lines;
        };
        let slots_x = x + column.slots_at() * size;
        let slot_pieces = composer.slot_pieces(rating.band, style);
        let slots_line = composer.text_lines(
            &slot_pieces,
            slots_x,
            x + width - slots_x,
            Align::Left,
            lead,
        );
        let label_x = x + column.label_at() * size;
        let label = composer.text_lines(
            &plain_pieces(rating.label.trim(), style),
            label_x,
            (x + width - label_x).max(size),
            Align::Left,
            lead,
        );
        let rated = beside(slots_line, label);
        // A value in words takes its own lines; the rating goes under it.
        if value
            .first()
            .is_some_and(|rich| split_figure(&rich.to_plain()).is_none())
        {
            lines.extend(rated);
            lines
        } else {
            beside(lines, rated)
        }
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
        for (cell, lines) in cells.into_iter().enumerate() {
            let (mut cell_items, cell_height) = stack(lines);
            for item in &mut cell_items {
                item.shift(0.0, top + PADDING);
                if let Item::Text(run) = item {
                    run.cell = Some(cell as u16);
                }
            }
            items.extend(cell_items);
            height = height.max(cell_height);
        }
        (items, height.max(leading(self.size)) + 2.0 * PADDING)
    }

    fn row(&self, composer: &mut Composer, row: &Row, index: usize, id: usize) -> Chunk {
        let style = group_style(
            row,
            &row_style(row.kind, &Style::new(Face::Regular, self.size)),
        );
        let last_column = self.column_count() - 1;
        // A group row with figures of its own (an indicator heading its
        // breakdown) is set column by column, as a data row.
        let label_only = row.kind == RowKind::Group && row.cells.iter().skip(1).all(Cell::is_empty);
        let used = if label_only { 1 } else { self.column_count() };
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
        // Sub-groups sit in from their group.
        let indent = f32::from(row.level.min(3)) * self.size;
        let cells: Vec<Vec<LineBox>> = if label_only {
            let (x, width) = self.inner(0, last_column);
            let cell = row.cells.first().cloned().unwrap_or_default();
            let style = style.clone().tagged(RunTag::RowHeader);
            vec![composer.cell_lines(&cell, x + indent, width - indent, Align::Left, &style)]
        } else {
            (0..self.column_count())
                .map(|c| {
                    let (mut x, mut width) = self.inner(c, c);
                    if c == 0 {
                        (x, width) = (x + indent, (width - indent).max(self.size));
                    }
                    match row.cell(c) {
                        // Merged over rows: set by `merged_cells`.
                        _ if self.spans.rows(index, c) != 1 => Vec::new(),
                        Some(cell) if self.is_figure_cell(cell, c) => {
                            self.figure_cell(composer, cell, c, &style)
                        }
                        // Words in a column of figures read from the left.
                        Some(cell) => composer.cell_lines(cell, x, width, Align::Left, &style),
                        None => Vec::new(),
                    }
                })
                .collect()
        };
        let (items, height) = self.place_cells(cells, 0.0);
        let edges = if label_only {
            vec![self.edges[0], self.edges[last_column + 1]]
        } else {
            self.edges.clone()
        };
        let fill = match (row.kind, row.level) {
            (RowKind::Group, 0) => Some(Colour::GROUP_FILL),
            (RowKind::Group, _) => Some(Colour::SUBGROUP_FILL),
            _ => None,
        };
        let frame = RowFrame {
            edges,
            fill,
            rule_above: row.kind.is_summary(),
            padding: PADDING,
            ..RowFrame::default()
        };
        Chunk {
            items,
            height,
            kind: ChunkKind::TableRow { table: id, frame },
            ..Chunk::default()
        }
    }
}

/// A group in bold; a sub-group in bold italic, so the two levels read
/// apart even where the shading does not print.
fn group_style(row: &Row, style: &Style) -> Style {
    match (row.kind, row.level) {
        (RowKind::Group, 1..) => Style {
            face: Face::BoldItalic,
            ..style.clone()
        },
        _ => style.clone(),
    }
}
