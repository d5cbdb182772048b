//! Sections and their blocks as chunks: headings, paragraphs, lists, notes
//! and structure charts. Also sets the content of table cells, which holds
//! the same paragraphs and lists.

use super::flow::{AnchorMark, Chunk, ChunkKind};
use super::fonts::Face;
use super::table;
use super::text::{Align, Piece, Style, Warnings, break_lines, rich_pieces, set_lines};
use super::{Colour, Item, Orientation, PageSettings, Role};
use crate::model::{Block, Cell, CellBlock, List, ListStyle, Note, OrgChart, Plan, Rich, Section};

/// One line of set text (or a line-sized piece, like a chart row), with
/// items relative to its top-left corner.
#[derive(Clone, Debug, Default)]
pub struct LineBox {
    pub items: Vec<Item>,
    pub height: f32,
    pub space_before: f32,
}

/// Turns a plan's body into chunks for the paginator.
pub struct Composer<'a> {
    pub plan: &'a Plan,
    pub settings: &'a PageSettings,
    pub warnings: Warnings,
    tables: usize,
}

/// Sizes relative to the body size.
pub fn leading(size: f32) -> f32 {
    size * 1.32
}

impl<'a> Composer<'a> {
    pub fn new(plan: &'a Plan, settings: &'a PageSettings) -> Composer<'a> {
        Composer {
            plan,
            settings,
            warnings: Warnings::default(),
            tables: 0,
        }
    }

    pub fn body_style(&self) -> Style {
        Style::new(Face::Regular, self.settings.body_size)
    }

    fn body_width(&self) -> f32 {
        self.settings.body_box(Orientation::Portrait).width
    }

    /// The chunks of `sections`, under the body title if `with_title`.
    pub fn body(&mut self, sections: &[Section], with_title: bool) -> Vec<Chunk> {
        let mut chunks = Vec::new();
        if with_title && !self.plan.body_title.trim().is_empty() {
            let style =
                Style::new(Face::Bold, self.settings.body_size * 1.7).coloured(Colour::ACCENT);
            let pieces = [Piece::new(self.plan.body_title.clone(), style.clone())];
            let lines = self.text_lines(
                &pieces,
                0.0,
                self.body_width(),
                Align::Centre,
                leading(style.size),
            );
            chunks.extend(line_chunks(lines, 0.0, true));
            if let Some(last) = chunks.last_mut() {
                last.height += self.settings.body_size;
            }
        }
        for section in sections {
            self.section(section, 1, &mut chunks);
        }
        chunks
    }

    fn section(&mut self, section: &Section, level: usize, chunks: &mut Vec<Chunk>) {
        if section.new_page {
            chunks.push(Chunk::page_break());
        }
        let slot = humanised_slot(&section.slot);
        let title = Some(section_title(section))
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| slot.clone());
        if !title.is_empty() {
            chunks.push(Chunk {
                kind: ChunkKind::Anchor(AnchorMark {
                    title,
                    aliases: vec![slot, section.slot.clone()],
                    level,
                }),
                ..Chunk::default()
            });
        }
        let size = self.settings.body_size;
        let width = self.body_width();
        let mut space = size * if level == 1 { 1.8 } else { 1.2 };
        if !section.part.trim().is_empty() {
            let style = Style::new(Face::Bold, size * 1.1).coloured(Colour::MUTED);
            let pieces = [Piece::new(section.part.clone(), style)];
            let lines = self.text_lines(&pieces, 0.0, width, Align::Left, leading(size * 1.1));
            chunks.extend(line_chunks(lines, space, true));
            space = size * 0.4;
        }
        if !section.heading.is_empty() || !section.number.trim().is_empty() {
            let heading_size = size * [1.5, 1.2, 1.05][(level - 1).min(2)];
            let style = Style::new(Face::Bold, heading_size).coloured(Colour::ACCENT);
            let mut pieces = Vec::new();
            if !section.number.trim().is_empty() {
                pieces.push(Piece::new(
                    format!("{} ", section.number.trim_end()),
                    style.clone(),
                ));
            }
            pieces.extend(rich_pieces(&section.heading, &style));
            let lines = self.text_lines(&pieces, 0.0, width, Align::Left, leading(heading_size));
            chunks.extend(line_chunks(lines, space, true));
            if let Some(last) = chunks.last_mut() {
                last.height += size * 0.35;
            }
        }
        for block in &section.blocks {
            self.block(block, chunks);
        }
        for sub in &section.subsections {
            self.section(sub, level + 1, chunks);
        }
    }

    fn block(&mut self, block: &Block, chunks: &mut Vec<Chunk>) {
        let width = self.body_width();
        let size = self.settings.body_size;
        let space = size * 0.6;
        let lines = match block {
            Block::Paragraph(rich) => {
                let pieces = rich_pieces(rich, &self.body_style());
                self.text_lines(&pieces, 0.0, width, Align::Left, leading(size))
            }
            Block::List(list) => self.list_lines(list, 0.0, width, &self.body_style()),
            Block::Note(note) => self.note_lines(note, 0.0, width),
            Block::OrgChart(chart) => self.org_chart(chart, width),
            Block::Table(t) => {
                self.tables += 1;
                let mut table_chunks = table::table_chunks(self, t, self.tables);
                if let Some(first) = table_chunks.first_mut() {
                    // A table's first chunk carries the usual gap above.
                    first.space_before = first.space_before.max(space);
                }
                chunks.extend(table_chunks);
                return;
            }
        };
        chunks.extend(line_chunks(lines, space, false));
    }

    /// Breaks `pieces` into lines, each a box of its own.
    pub fn text_lines(
        &mut self,
        pieces: &[Piece],
        x: f32,
        width: f32,
        align: Align,
        leading: f32,
    ) -> Vec<LineBox> {
        break_lines(pieces, width, &mut self.warnings)
            .iter()
            .map(|line| LineBox {
                items: set_lines(std::slice::from_ref(line), x, 0.0, width, align, leading).items,
                height: leading,
                space_before: 0.0,
            })
            .collect()
    }

    /// A list with hanging indents: markers in a gutter as wide as the
    /// widest marker, item text beside them, nested lists indented further.
    pub fn list_lines(&mut self, list: &List, x: f32, width: f32, style: &Style) -> Vec<LineBox> {
        let markers: Vec<String> = (0..list.items.len()).map(|i| list.marker(i)).collect();
        let indent = list_indent(list, style);
        let leading = leading(style.size);
        let mut out = Vec::new();
        for (item, marker) in list.items.iter().zip(&markers) {
            let pieces = rich_pieces(&item.text, style);
            let mut lines =
                self.text_lines(&pieces, x + indent, width - indent, Align::Left, leading);
            if lines.is_empty() {
                lines.push(LineBox {
                    height: leading,
                    ..LineBox::default()
                });
            }
            if !marker.is_empty() {
                let role = if item.marker.is_empty() {
                    Role::Marker
                } else {
                    Role::Content
                };
                let marker_style = style.clone().role(role);
                let mut set = self.text_lines(
                    &[Piece::new(marker.clone(), marker_style)],
                    x,
                    indent,
                    Align::Left,
                    leading,
                );
                if let Some(marker_line) = set.first_mut() {
                    lines[0].items.splice(0..0, marker_line.items.drain(..));
                }
            }
            lines[0].space_before = style.size * 0.25;
            out.extend(lines);
            if !item.children.is_empty() {
                out.extend(self.list_lines(&item.children, x + indent, width - indent, style));
            }
        }
        out
    }

    /// A note in smaller type, its marker hanging in the margin of the text.
    pub fn note_lines(&mut self, note: &Note, x: f32, width: f32) -> Vec<LineBox> {
        let size = self.settings.body_size * 0.85;
        let style = Style::new(Face::Regular, size).coloured(Colour::MUTED);
        let mut pieces = Vec::new();
        if !note.marker.is_empty() {
            pieces.push(Piece::new(format!("{} ", note.marker), style.clone()));
        }
        pieces.extend(rich_pieces(&note.text, &style));
        self.text_lines(&pieces, x, width, Align::Left, leading(size))
    }

    /// A table cell's paragraphs, lists and ratings, top to bottom.
    pub fn cell_lines(
        &mut self,
        cell: &Cell,
        x: f32,
        width: f32,
        align: Align,
        style: &Style,
    ) -> Vec<LineBox> {
        let mut out = Vec::new();
        let leading = leading(style.size);
        let blocks = &cell.0;
        let mut i = 0;
        while i < blocks.len() {
            let mut lines = match &blocks[i] {
                CellBlock::Para(rich) => {
                    let mut pieces = rich_pieces(rich, style);
                    // A rating prints on the line of the value it rates.
                    if let Some(CellBlock::Rating(rating)) = blocks.get(i + 1) {
                        pieces.extend(self.rating_pieces(rating.band, &rating.label, style));
                        i += 1;
                    }
                    self.text_lines(&pieces, x, width, align, leading)
                }
                CellBlock::Rating(rating) => {
                    let pieces = self.rating_pieces(rating.band, &rating.label, style);
                    self.text_lines(&pieces, x, width, align, leading)
                }
                CellBlock::List(list) => self.list_lines(list, x, width, style),
            };
            if let Some(first) = lines.first_mut().filter(|_| !out.is_empty()) {
                first.space_before = first.space_before.max(style.size * 0.35);
            }
            out.extend(lines);
            i += 1;
        }
        out
    }

    /// ` ●●● Acceptable`: the dots in the band's colour, then the label.
    fn rating_pieces(&mut self, band: u8, label: &str, style: &Style) -> Vec<Piece> {
        let colour = match self.plan.band_colour(band) {
            Some(hex) => Colour::from_hex(hex).unwrap_or_else(|| {
                self.warnings.add(format!(
                    "rating band {band} has colour \"{hex}\", which is not #rrggbb; printed grey"
                ));
                Colour::grey(0.5)
            }),
            None => Colour::grey(0.5),
        };
        let mut pieces = Vec::new();
        if band > 0 {
            let dots = style.clone().coloured(colour).role(Role::Marker);
            pieces.push(Piece::new(
                format!(" {}", "●".repeat(usize::from(band))),
                dots,
            ));
        }
        if !label.trim().is_empty() {
            pieces.push(Piece::new(format!(" {label}"), style.clone()));
        }
        pieces
    }

    /// A structure chart: one row of boxes per level, joined by lines.
    fn org_chart(&mut self, chart: &OrgChart, width: f32) -> Vec<LineBox> {
        const GAP: f32 = 10.0;
        const MAX_PER_ROW: usize = 5;
        let size = self.settings.body_size * 0.85;
        let style = Style::new(Face::Regular, size);
        let mut levels: Vec<u8> = chart.boxes.iter().map(|b| b.level).collect();
        levels.sort_unstable();
        levels.dedup();
        let mut rows: Vec<Vec<&crate::model::OrgBox>> = Vec::new();
        for level in levels {
            let boxes: Vec<_> = chart.boxes.iter().filter(|b| b.level == level).collect();
            rows.extend(boxes.chunks(MAX_PER_ROW).map(<[_]>::to_vec));
        }
        let mut out = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            let n = row.len() as f32;
            let box_width = ((width - GAP * (n - 1.0)) / n).min(150.0);
            let total = box_width * n + GAP * (n - 1.0);
            let left = (width - total) / 2.0;
            let connector = if r == 0 { 0.0 } else { GAP };
            let mut items = Vec::new();
            let mut height: f32 = 0.0;
            let mut boxes = Vec::new();
            for (i, org_box) in row.iter().enumerate() {
                let x = left + i as f32 * (box_width + GAP);
                let pieces: Vec<Piece> = org_box
                    .lines
                    .iter()
                    .enumerate()
                    .map(|(l, line)| {
                        let face = if l == 0 { Face::Bold } else { Face::Regular };
                        let text = if l + 1 < org_box.lines.len() {
                            format!("{line}\n")
                        } else {
                            line.clone()
                        };
                        Piece::new(
                            text,
                            Style {
                                face,
                                ..style.clone()
                            },
                        )
                    })
                    .collect();
                let lines = self.text_lines(
                    &pieces,
                    x + 4.0,
                    box_width - 8.0,
                    Align::Centre,
                    leading(size),
                );
                let (mut set, h) = stack(lines);
                for item in &mut set {
                    item.shift(0.0, connector + 4.0);
                }
                items.extend(set);
                height = height.max(h + 8.0);
                boxes.push(x);
            }
            for &x in &boxes {
                items.extend(outline(x, connector, box_width, height));
                if r > 0 {
                    let centre = x + box_width / 2.0;
                    items.push(rule(
                        (centre, 0.0),
                        (centre, connector),
                        CHART_LINE,
                        Colour::GRID,
                    ));
                }
            }
            if r > 0 {
                let first = boxes[0] + box_width / 2.0;
                let last = boxes[boxes.len() - 1] + box_width / 2.0;
                let middle = width / 2.0;
                let bar = CHART_LINE / 2.0;
                items.push(rule(
                    (first.min(middle), bar),
                    (last.max(middle), bar),
                    CHART_LINE,
                    Colour::GRID,
                ));
            }
            if r + 1 < rows.len() {
                let middle = width / 2.0;
                let bottom = connector + height;
                items.push(rule(
                    (middle, bottom),
                    (middle, bottom + GAP),
                    CHART_LINE,
                    Colour::GRID,
                ));
            }
            let extra = if r + 1 < rows.len() { GAP } else { 0.0 };
            out.push(LineBox {
                items,
                height: connector + height + extra,
                space_before: 0.0,
            });
        }
        out
    }
}

/// The section's title for the outline and the contents: its heading with
/// number, else its part label.
pub fn section_title(section: &Section) -> String {
    let title = section.title();
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.is_empty() {
        section
            .part
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        title
    }
}

/// How far a list's text is indented: the widest marker and a gap, so the
/// markers hang in a gutter of their own.
pub fn list_indent(list: &List, style: &Style) -> f32 {
    let widest = (0..list.items.len())
        .map(|i| style.face.width(&list.marker(i), style.size))
        .fold(0.0, f32::max);
    if widest == 0.0 && list.style == ListStyle::Plain {
        0.0
    } else {
        (widest + style.size * 0.6).max(style.size * 1.3)
    }
}

/// `structure-chart` as `Structure chart`.
fn humanised_slot(slot: &str) -> String {
    let words = slot.replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A straight line.
pub fn rule(from: (f32, f32), to: (f32, f32), width: f32, colour: Colour) -> Item {
    Item::Line {
        from,
        to,
        width,
        colour,
    }
}

/// The width of a structure chart's lines.
const CHART_LINE: f32 = 0.6;

/// The four sides of a box.
fn outline(x: f32, y: f32, width: f32, height: f32) -> Vec<Item> {
    // Inset by half the line, so the box stays inside its bounds.
    const HALF: f32 = CHART_LINE / 2.0;
    let (x, y, r, b) = (x + HALF, y + HALF, x + width - HALF, y + height - HALF);
    [
        ((x, y), (r, y)),
        ((r, y), (r, b)),
        ((r, b), (x, b)),
        ((x, b), (x, y)),
    ]
    .into_iter()
    .map(|(from, to)| rule(from, to, CHART_LINE, Colour::ACCENT))
    .collect()
}

/// Stacks line boxes top to bottom: the items and the total height.
pub fn stack(lines: Vec<LineBox>) -> (Vec<Item>, f32) {
    let mut items = Vec::new();
    let mut y = 0.0;
    for (i, mut line) in lines.into_iter().enumerate() {
        if i > 0 {
            y += line.space_before;
        }
        for item in &mut line.items {
            item.shift(0.0, y);
        }
        items.extend(line.items);
        y += line.height;
    }
    (items, y)
}

/// One chunk per line, the first `space_before` below what precedes it.
/// `keep_all` keeps every line with the next (headings, captions);
/// otherwise a block's first two and last two lines stay together.
pub fn line_chunks(lines: Vec<LineBox>, space_before: f32, keep_all: bool) -> Vec<Chunk> {
    let count = lines.len();
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| Chunk {
            items: line.items,
            height: line.height,
            space_before: if i == 0 {
                space_before
            } else {
                line.space_before
            },
            keep_with_next: keep_all || (count > 1 && (i == 0 || i + 2 == count)),
            ..Chunk::default()
        })
        .collect()
}

/// Plain text in a style, as pieces.
pub fn plain_pieces(text: &str, style: &Style) -> Vec<Piece> {
    rich_pieces(&Rich::plain(text), style)
}
