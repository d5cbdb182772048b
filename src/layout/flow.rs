//! Pagination: the body arrives as a stream of chunks (a heading, a line of
//! a paragraph, a table row) and leaves as pages. Keeps headings with what
//! follows, repeats table headers, splits rows taller than a page, and
//! turns pages to landscape for the tables that need it.

use super::boxes::{AnchorMark, Chunk, ChunkKind};
use super::rowsplit::RowSplitter;
use super::text::Warnings;
use super::{Bookmark, Item, Orientation, Page, PageKind, PageSettings, Place, Placed, Rect, Role};

/// Lines a paragraph or a split row leaves at a page foot or carries over
/// at least.
const MIN_LINES: usize = 2;

/// A body page less full than this looks abandoned.
const LOW_FILL: f32 = 0.4;

/// How much of a chunk must share a page with what it is kept with: all
/// of it, but only the first lines of a table row that can go on over
/// the page.
fn kept_part(chunk: &Chunk) -> f32 {
    match chunk.kind {
        ChunkKind::TableRow { .. } => {
            let first = RowSplitter::new(chunk).first_lines_height(MIN_LINES);
            chunk.height.min(first)
        }
        _ => chunk.height,
    }
}

/// Where a section landed, for the outline and the contents.
#[derive(Clone, Debug)]
pub struct Anchor {
    pub mark: AnchorMark,
    /// 0-based index among the pages laid out together.
    pub page: usize,
    pub y: f32,
}

impl Anchor {
    pub fn bookmark(&self) -> Bookmark {
        Bookmark {
            title: self.mark.title.clone(),
            page: self.page,
            level: self.mark.level,
            y: self.y,
        }
    }
}

/// The laid-out body pages and the sections' places on them.
#[derive(Default)]
pub struct Paginated {
    pub pages: Vec<Page>,
    pub anchors: Vec<Anchor>,
}

struct Paginator<'a> {
    settings: &'a PageSettings,
    pages: Vec<Page>,
    anchors: Vec<Anchor>,
    /// Distance down the current page's body box.
    y: f32,
    /// The header of the table being laid out, to repeat on new pages.
    table_header: Option<(usize, Chunk)>,
    /// Sections whose first chunk is still to be placed.
    pending_anchors: Vec<AnchorMark>,
    warnings: &'a mut Warnings,
}

impl Paginator<'_> {
    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a page is open")
    }

    fn capacity(&self) -> f32 {
        self.settings.body_box(self.page_orientation()).height
    }

    fn page_orientation(&self) -> Orientation {
        self.pages
            .last()
            .map_or(Orientation::Portrait, |p| p.orientation)
    }

    fn page_is_empty(&self) -> bool {
        self.y <= 0.0
    }

    fn new_page(&mut self, orientation: Orientation) {
        let (width, height) = self.settings.size(orientation);
        self.pages.push(Page {
            kind: PageKind::Body,
            orientation,
            width,
            height,
            items: Vec::new(),
            placed: Vec::new(),
        });
        self.y = 0.0;
    }

    /// Starts a new page, repeating the current table's header on it when
    /// continuing that table.
    fn continue_on_new_page(&mut self, orientation: Orientation, table: Option<usize>) {
        self.new_page(orientation);
        if let (Some(table), Some((header_table, header))) = (table, &self.table_header)
            && *header_table == table
        {
            let mut header = header.clone();
            for item in &mut header.items {
                if let Item::Text(run) = item {
                    run.role = Role::RepeatedHeader;
                }
            }
            if let ChunkKind::TableHeader {
                caption: Some(caption),
                ..
            } = &header.kind
            {
                self.place(caption);
            }
            self.place(&header);
        }
    }

    /// Draws a whole chunk at the cursor.
    fn place(&mut self, chunk: &Chunk) {
        self.place_items(chunk, chunk.items.clone(), chunk.height);
    }

    /// Draws `items` (all of `chunk` or a piece of it, placed from the
    /// piece's top) at the cursor in a piece `height` tall, with the row
    /// frame if the chunk has one.
    fn place_items(&mut self, chunk: &Chunk, items: Vec<Item>, height: f32) {
        let body = self.settings.body_box(self.page_orientation());
        let top = body.y + self.y;
        let frame = chunk
            .frame()
            .map(|frame| frame.draw(body.x, top, height, self.page_is_empty()));
        let items: Vec<Item> = (frame.into_iter().flatten())
            .chain(items.into_iter().map(|mut item| {
                item.shift(body.x, top);
                item
            }))
            .collect();
        self.page().items.extend(items);
        if chunk.height > 0.0 {
            let placed = Placed {
                place: chunk.place.clone(),
                part: chunk.part,
                rect: Rect {
                    x: body.x,
                    y: top,
                    width: body.width,
                    height,
                },
            };
            self.page().placed.push(placed);
        }
        self.y += height;
    }

    /// The height of `chunks[i]` and everything it must stay with.
    fn kept_height(&self, chunks: &[Chunk], i: usize) -> f32 {
        let mut height = chunks[i].height;
        let mut kept = chunks[i].keep_with_next;
        for next in &chunks[i + 1..] {
            if !kept {
                break;
            }
            match next.kind {
                // Section marks take no room and break no chain.
                ChunkKind::Anchor(_) => continue,
                ChunkKind::PageBreak => break,
                _ => {}
            }
            height += next.space_before + kept_part(next);
            kept = next.keep_with_next;
        }
        height
    }

    fn lay_out(&mut self, chunks: &[Chunk]) {
        for (i, chunk) in chunks.iter().enumerate() {
            match &chunk.kind {
                ChunkKind::PageBreak => {
                    if !self.page_is_empty() {
                        self.new_page(chunk.orientation);
                    }
                    continue;
                }
                ChunkKind::Anchor(mark) => {
                    self.pending_anchors.push(mark.clone());
                    continue;
                }
                ChunkKind::TableHeader { table, .. } => {
                    self.table_header = Some((*table, chunk.clone()));
                }
                _ => {}
            }
            if self.pages.is_empty() {
                self.new_page(chunk.orientation);
            } else if chunk.orientation != self.page_orientation() {
                self.change_orientation(chunk.orientation);
            }
            self.place_flowing(chunks, i);
        }
    }

    /// Goes on in the other orientation: turns a portrait page that is
    /// still under 40 % full (a short tail of text and an introduction to a
    /// wide table look better on the table's page than alone on a page of
    /// their own), otherwise starts a new page.
    fn change_orientation(&mut self, orientation: Orientation) {
        let fits_turned = self.y < self.capacity() * LOW_FILL;
        if fits_turned && orientation == Orientation::Landscape {
            let (width, height) = self.settings.size(orientation);
            let page = self.page();
            page.orientation = orientation;
            page.width = width;
            page.height = height;
        } else {
            self.new_page(orientation);
        }
    }

    /// Moves to a new page first if `chunks[i]` (with what it is kept with)
    /// would fit better there.
    fn break_before(&mut self, chunks: &[Chunk], i: usize, table: Option<usize>) {
        let chunk = &chunks[i];
        if self.page_is_empty() {
            return;
        }
        let room = self.capacity() - self.y - chunk.space_before;
        let kept = self.kept_height(chunks, i);
        if kept <= room {
            return;
        }
        let fresh_room = self.capacity() - self.repeated_header_height(table);
        let fits_fresh = kept <= fresh_room;
        let chunk_fits_here = chunk.height <= room;
        let move_on = if table.is_some() && !chunk_fits_here {
            !Self::worth_splitting_here(chunk, room)
        } else {
            fits_fresh || !chunk_fits_here
        };
        if move_on {
            self.continue_on_new_page(chunk.orientation, table);
        }
    }

    fn place_flowing(&mut self, chunks: &[Chunk], i: usize) {
        let chunk = &chunks[i];
        let table = match chunk.kind {
            ChunkKind::TableRow { table, .. } => Some(table),
            _ => None,
        };
        self.break_before(chunks, i, table);
        if !self.page_is_empty() {
            self.y += chunk.space_before;
        }
        self.record_anchors();
        if self.y + chunk.height <= self.capacity() + 0.01 {
            self.place(chunk);
        } else if table.is_some() {
            self.split_row(chunk, table);
        } else {
            self.warnings.add_at(
                Place::Body(chunk.place.clone()),
                format!(
                    "a block {:.0} pt tall does not fit on a page and runs past the bottom margin",
                    chunk.height
                ),
            );
            self.place(chunk);
        }
    }

    /// Sections start where their first chunk lands.
    fn record_anchors(&mut self) {
        let page = self.pages.len() - 1;
        let y = self.settings.body_box(self.page_orientation()).y + self.y;
        for mark in self.pending_anchors.drain(..) {
            self.anchors.push(Anchor { mark, page, y });
        }
    }

    fn repeated_header_height(&self, table: Option<usize>) -> f32 {
        match (&self.table_header, table) {
            (Some((header_table, header)), Some(table)) if *header_table == table => {
                let caption = match &header.kind {
                    ChunkKind::TableHeader {
                        caption: Some(caption),
                        ..
                    } => caption.height,
                    _ => 0.0,
                };
                header.height + caption
            }
            _ => 0.0,
        }
    }

    /// A row taller than the room left starts here, to go on over the
    /// page, if at least two lines of its longest column fit here and at
    /// least two go on (a row of three lines moves whole).
    fn worth_splitting_here(chunk: &Chunk, room: f32) -> bool {
        let (here, after) = RowSplitter::new(chunk).lines_here_and_after(room);
        here >= MIN_LINES && after >= MIN_LINES
    }

    /// Places a row taller than the room left, a page at a time, each
    /// column breaking between its own lines.
    fn split_row(&mut self, chunk: &Chunk, table: Option<usize>) {
        let mut rows = RowSplitter::new(chunk);
        loop {
            let room = self.capacity() - self.y;
            let force = self.page_is_empty();
            if let Some(piece) = rows.piece(room, force) {
                if force && piece.height > room + 0.01 {
                    self.warnings.add_at(
                        Place::Body(chunk.place.clone()),
                        "a table row had a line too tall for a page; it runs past the bottom margin",
                    );
                }
                self.place_items(chunk, piece.items, piece.height);
                if rows.is_done() {
                    return;
                }
            }
            self.continue_on_new_page(chunk.orientation, table);
        }
    }
}

/// Draws rules over fills, and joins the vertical rules that continue one
/// another (a table's column lines, drawn row by row) into one line per
/// column edge: fewer, longer lines, the same picture.
fn join_rules(items: &mut Vec<Item>) {
    let (lines, mut others): (Vec<Item>, Vec<Item>) = items
        .drain(..)
        .partition(|item| matches!(item, Item::Line { .. }));
    let is_vertical = |item: &Item| matches!(item, Item::Line { from, to, .. } if from.0 == to.0);
    let (mut verticals, horizontals): (Vec<Item>, Vec<Item>) =
        lines.into_iter().partition(is_vertical);
    let key = |item: &Item| match item {
        Item::Line {
            from, to, width, ..
        } => (from.0, *width, from.1.min(to.1)),
        _ => unreachable!("only lines here"),
    };
    verticals.sort_by(|a, b| {
        let (a, b) = (key(a), key(b));
        (a.0.total_cmp(&b.0))
            .then(a.1.total_cmp(&b.1))
            .then(a.2.total_cmp(&b.2))
    });
    let mut joined: Vec<Item> = Vec::with_capacity(verticals.len());
    for line in verticals {
        let Item::Line {
            from,
            to,
            width,
            colour,
        } = line
        else {
            continue;
        };
        let (top, bottom) = (from.1.min(to.1), from.1.max(to.1));
        if let Some(Item::Line {
            from: last_from,
            to: last_to,
            width: last_width,
            colour: last_colour,
        }) = joined.last_mut()
            && last_from.0 == from.0
            && *last_width == width
            && *last_colour == colour
            && top <= last_from.1.max(last_to.1) + 0.01
        {
            let end = last_from.1.max(last_to.1).max(bottom);
            *last_from = (from.0, last_from.1.min(last_to.1));
            *last_to = (from.0, end);
            continue;
        }
        joined.push(Item::Line {
            from: (from.0, top),
            to: (from.0, bottom),
            width,
            colour,
        });
    }
    others.extend(horizontals);
    others.extend(joined);
    *items = others;
}

/// Headings and captions kept with a landscape table go on its page.
fn turn_kept_chunks(chunks: &mut [Chunk]) {
    let mut next_orientation = None;
    for chunk in chunks.iter_mut().rev() {
        match chunk.kind {
            ChunkKind::Anchor(_) => continue,
            ChunkKind::PageBreak => next_orientation = None,
            _ => {
                if chunk.keep_with_next
                    && let Some(orientation) = next_orientation
                {
                    chunk.orientation = orientation;
                }
                next_orientation = Some(chunk.orientation);
            }
        }
    }
}

/// Lays the body's chunks out on pages.
pub fn paginate(
    chunks: &mut [Chunk],
    settings: &PageSettings,
    warnings: &mut Warnings,
) -> Paginated {
    turn_kept_chunks(chunks);
    let mut paginator = Paginator {
        settings,
        pages: Vec::new(),
        anchors: Vec::new(),
        y: 0.0,
        table_header: None,
        pending_anchors: Vec::new(),
        warnings,
    };
    paginator.lay_out(chunks);
    if paginator.pages.is_empty() {
        paginator.new_page(Orientation::Portrait);
    }
    for page in &mut paginator.pages {
        join_rules(&mut page.items);
    }
    Paginated {
        pages: paginator.pages,
        anchors: paginator.anchors,
    }
}
