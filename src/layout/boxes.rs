//! What every pass builds with: the type sizes and spacing (one
//! [`Typography`]), line boxes and how they stack, the chunks the body is
//! paginated in, and the frame drawn around a table row. Below every pass;
//! imports none of them.

use super::{Colour, Item, Orientation, Part, Rect};
use crate::model::Location;

/// Type sizes and vertical spacing, in points, all derived from the body
/// size, so one setting scales the whole document.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Typography {
    /// Body text.
    pub body: f32,
    /// Tables, notes and structure charts: smaller than the body.
    pub small: f32,
    /// The plan's body title, centred above the first section.
    pub title: f32,
    /// Section headings by level (1, 2, 3 and deeper).
    pub headings: [f32; 3],
    /// The grey part label above a section's heading.
    pub part: f32,
    /// The contents page's title.
    pub contents_title: f32,
    /// Space above a top-level section, and above a sub-section.
    pub section_gap: f32,
    pub subsection_gap: f32,
    /// Between a part label and its heading.
    pub part_gap: f32,
    /// Below a heading, before its first block.
    pub after_heading: f32,
    /// Between blocks.
    pub block_gap: f32,
}

/// Baseline to baseline, as a multiple of the type size.
const LEADING: f32 = 1.32;

impl Typography {
    pub fn new(body: f32) -> Typography {
        Typography {
            body,
            small: body * 0.82,
            title: body * 1.7,
            headings: [body * 1.5, body * 1.2, body * 1.05],
            part: body * 1.1,
            contents_title: body * 1.5,
            section_gap: body * 1.8,
            subsection_gap: body * 1.2,
            part_gap: body * 0.4,
            after_heading: body * 0.35,
            block_gap: body * 0.6,
        }
    }

    /// The heading size of a section `level` deep (1 for top level).
    pub fn heading(&self, level: usize) -> f32 {
        self.headings[level.clamp(1, 3) - 1]
    }

    /// Space above a list item, in text of `size`.
    pub fn list_item_gap(size: f32) -> f32 {
        size * 0.25
    }

    /// Space between the paragraphs and lists of one table cell.
    pub fn cell_block_gap(size: f32) -> f32 {
        size * 0.35
    }
}

/// Baseline to baseline for text of `size`.
pub fn leading(size: f32) -> f32 {
    size * LEADING
}

/// One line of set text (or a line-sized piece, like a chart row), with
/// items relative to its top-left corner.
#[derive(Clone, Debug, Default)]
pub struct LineBox {
    pub items: Vec<Item>,
    pub height: f32,
    pub space_before: f32,
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

/// A straight line.
pub fn rule(from: (f32, f32), to: (f32, f32), width: f32, colour: Colour) -> Item {
    Item::Line {
        from,
        to,
        width,
        colour,
    }
}

/// A vertical piece of the body that moves as one. Items are placed
/// relative to the chunk: `x` from the body's left edge, `y` from its top.
#[derive(Clone, Debug, Default)]
pub struct Chunk {
    pub items: Vec<Item>,
    pub height: f32,
    /// Space above, dropped at the top of a page.
    pub space_before: f32,
    /// Must share a page with the next chunk (headings, captions, first lines).
    pub keep_with_next: bool,
    pub orientation: Orientation,
    pub kind: ChunkKind,
    /// The part of the plan it prints.
    pub place: Location,
    pub part: Part,
    /// A table row's cells merged over the rows below (column, rows).
    pub merged: Vec<(u16, u16)>,
    /// Lines of a merged cell from an earlier row (column, that row).
    pub covered: Vec<(u16, usize)>,
}

#[derive(Clone, Debug, Default)]
pub enum ChunkKind {
    #[default]
    Plain,
    /// Starts a new page unless the page is still empty.
    PageBreak,
    /// Marks where a section starts, for the outline and the contents.
    Anchor(AnchorMark),
    /// A table's header rows, repeated above its rows on every page
    /// (under its caption marked "(continued)", if it has a caption).
    TableHeader {
        table: usize,
        frame: RowFrame,
        caption: Option<Box<Chunk>>,
    },
    /// A table row: drawn with its frame, split across pages if taller than one.
    TableRow { table: usize, frame: RowFrame },
}

impl Chunk {
    pub fn page_break() -> Chunk {
        Chunk {
            kind: ChunkKind::PageBreak,
            ..Chunk::default()
        }
    }

    pub fn frame(&self) -> Option<&RowFrame> {
        match &self.kind {
            ChunkKind::TableHeader { frame, .. } | ChunkKind::TableRow { frame, .. } => Some(frame),
            _ => None,
        }
    }
}

/// A section's names, carried through the flow to where it starts.
#[derive(Clone, Debug, Default)]
pub struct AnchorMark {
    /// The title for the outline and a generated contents.
    pub title: String,
    /// Other names a written contents entry may use (the template slot).
    pub aliases: Vec<String>,
    pub level: usize,
    /// A sub-heading among a section's blocks: in the outline, never a
    /// contents entry.
    pub sub_heading: bool,
    /// The unit the section (or table) belongs to.
    pub unit: Option<usize>,
    /// A unit's table in a plan-wide section: an entry of a contents
    /// grouped by unit, not in the outline.
    pub contents_only: bool,
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

/// Line width of a table's grid.
pub const GRID_WIDTH: f32 = 0.4;

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
    /// Columns whose rule under this row is left out: a cell merged over
    /// rows goes on below.
    pub open_below: Vec<usize>,
    /// A merged cell's words again, marked "(cont.)", for a piece of the
    /// row that starts a page the merged cell continues onto.
    pub continued: Vec<Item>,
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
        for (from, to) in self.closed_stretches() {
            items.push(rule(
                (x + from, under),
                (x + to, under),
                GRID_WIDTH,
                Colour::GRID,
            ));
        }
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

    /// Where the rule under the row is drawn: from edge to edge, leaving
    /// out the open columns.
    fn closed_stretches(&self) -> Vec<(f32, f32)> {
        let mut out: Vec<(f32, f32)> = Vec::new();
        for (c, pair) in self.edges.windows(2).enumerate() {
            if self.open_below.contains(&c) {
                continue;
            }
            match out.last_mut() {
                Some(last) if last.1 == pair[0] => last.1 = pair[1],
                _ => out.push((pair[0], pair[1])),
            }
        }
        out
    }

    /// The rule under the whole row, for a page that ends under it while
    /// a merged cell goes on.
    pub fn closing_rule(&self, x: f32, bottom: f32) -> Item {
        let (left, right) = match (self.edges.first(), self.edges.last()) {
            (Some(&left), Some(&right)) => (left, right),
            _ => (0.0, 0.0),
        };
        let y = bottom - GRID_WIDTH / 2.0;
        rule((x + left, y), (x + right, y), GRID_WIDTH, Colour::GRID)
    }

    /// The merged cell's words again, for a piece at `top` starting a
    /// page with `height` left under it: the lines that fit there.
    pub fn continued_at(&self, x: f32, top: f32, height: f32) -> Vec<Item> {
        let fits = |item: &Item| {
            let bounds = item.bounds();
            bounds.y + bounds.height <= height - self.padding + 0.01
        };
        let mut items: Vec<Item> = self.continued.iter().filter(|i| fits(i)).cloned().collect();
        items.iter_mut().for_each(|item| item.shift(x, top));
        items
    }
}
