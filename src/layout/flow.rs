//! Pagination: the body arrives as a stream of chunks (a heading, a line of
//! a paragraph, a table row) and leaves as pages. Keeps headings with what
//! follows, repeats table headers, splits rows taller than a page, and
//! turns pages to landscape for the tables that need it.

use super::table::RowFrame;
use super::text::Warnings;
use super::{Bookmark, Item, Orientation, Page, PageKind, PageSettings, Rect, Role};

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
}

#[derive(Clone, Debug, Default)]
pub enum ChunkKind {
    #[default]
    Plain,
    /// Starts a new page unless the page is still empty.
    PageBreak,
    /// Marks where a section starts, for the outline and the contents.
    Anchor(AnchorMark),
    /// A table's header rows, repeated above its rows on every page.
    TableHeader { table: usize, frame: RowFrame },
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

    fn frame(&self) -> Option<&RowFrame> {
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
        });
        self.y = 0.0;
    }

    /// Starts a new page, repeating the current table's header on it when
    /// continuing that table.
    fn continue_on_new_page(&mut self, orientation: Orientation, table: Option<usize>) {
        self.new_page(orientation);
        if let Some(header) = self.repeated_header(table) {
            let mut header = header.clone();
            for item in &mut header.items {
                if let Item::Text(run) = item {
                    run.role = Role::RepeatedHeader;
                }
            }
            self.place(&header);
        }
    }

    /// Draws a whole chunk at the cursor.
    fn place(&mut self, chunk: &Chunk) {
        self.place_piece(chunk, &chunk.items, 0.0, 0.0, chunk.height);
    }

    /// Draws `items`, the part of `chunk` from `start` down, at the
    /// cursor, `lead` below the piece's top, in a piece `height` tall
    /// (with the row frame, if the chunk has one).
    fn place_piece<'c>(
        &mut self,
        chunk: &Chunk,
        items: impl IntoIterator<Item = &'c Item>,
        start: f32,
        lead: f32,
        height: f32,
    ) {
        let body = self.settings.body_box(self.page_orientation());
        let top = body.y + self.y;
        let mut placed = Vec::new();
        if let Some(frame) = chunk.frame() {
            placed.extend(frame.draw(body.x, top, height, self.page_is_empty()));
        }
        for item in items {
            let mut item = item.clone();
            item.shift(body.x, top + lead - start);
            placed.push(item);
        }
        self.page().items.extend(placed);
        self.y += height;
    }

    /// The height of `chunks[i]` and everything it must stay with.
    /// Stops once past a page: callers only compare it with the room on
    /// one, and a long kept chain (a heading of a thousand lines) must
    /// not be walked again for each of its lines.
    fn kept_height(&self, chunks: &[Chunk], i: usize) -> f32 {
        let mut height = chunks[i].height;
        let mut kept = chunks[i].keep_with_next;
        let capacity = self.capacity();
        for next in &chunks[i + 1..] {
            if !kept || height > capacity {
                break;
            }
            match next.kind {
                // Section marks take no room and break no chain.
                ChunkKind::Anchor(_) => continue,
                ChunkKind::PageBreak => break,
                _ => {}
            }
            height += next.space_before + next.height;
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

    /// Goes on in the other orientation: turns the current page if it holds
    /// only a few lines (a heading and an introduction to a wide table look
    /// better on the table's page than alone on a page of their own),
    /// otherwise starts a new page.
    fn change_orientation(&mut self, orientation: Orientation) {
        const FEW_LINES: f32 = 0.2;
        let fits_turned = self.y <= self.settings.body_box(orientation).height * FEW_LINES;
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
        let tall_row = table.is_some() && chunk.height > fresh_room;
        let move_on = if tall_row {
            !self.worth_starting_here(chunk, room)
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
            self.warnings.add(format!(
                "a block {:.0} pt tall does not fit on a page and runs past the bottom margin",
                chunk.height
            ));
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
        self.repeated_header(table).map_or(0.0, |h| h.height)
    }

    /// The header to repeat above `table`'s rows on a new page: not one
    /// taller than half a page (its columns squeezed by a huge table),
    /// which would leave too little room for the rows, or none at all.
    fn repeated_header(&self, table: Option<usize>) -> Option<&Chunk> {
        match (&self.table_header, table) {
            (Some((header_table, header)), Some(table))
                if *header_table == table && header.height <= self.capacity() / 2.0 =>
            {
                Some(header)
            }
            _ => None,
        }
    }

    /// A row taller than a page starts where it is if a few lines fit.
    fn worth_starting_here(&self, chunk: &Chunk, room: f32) -> bool {
        room >= chunk.height.min(self.capacity()) * 0.25
    }

    /// Places a row taller than the room left, a page at a time, cutting
    /// only between lines of text; each continuation gets its own padding.
    /// The items are sorted by their top once, so each page looks only at
    /// its own: a cell of thousands of lines takes time in proportion.
    fn split_row(&mut self, chunk: &Chunk, table: Option<usize>) {
        let padding = chunk.frame().map_or(0.0, |f| f.padding);
        // Each item's bounds and index in the chunk, top first.
        let mut items: Vec<(Rect, usize)> = (chunk.items.iter().enumerate())
            .map(|(i, item)| (item.bounds(), i))
            .collect();
        items.sort_by(|a, b| a.0.y.total_cmp(&b.0.y));
        let mut start = 0.0;
        // `items[placed..]` are still to place.
        let mut placed = 0;
        loop {
            let lead = if start > 0.0 { padding } else { 0.0 };
            let remaining = chunk.height - start + lead;
            let room = self.capacity() - self.y;
            if remaining <= room + 0.01 {
                let rest = in_chunk_order(chunk, &items[placed..]);
                self.place_piece(chunk, rest, start, lead, remaining);
                return;
            }
            let limit = start + room - lead - padding;
            let rest = &items[placed..];
            let cut = cut_between_lines(rest, start, limit);
            let cut = match cut.or_else(|| cut_before(rest, start, limit)) {
                Some(cut) => Some(cut),
                None if self.page_is_empty() || self.y <= self.repeated_header_height(table) => {
                    // A line taller than a page (or all that is left under
                    // the header): cut, or no page ever takes it.
                    self.warnings
                        .add("a table row had a line too tall for a page; it was cut");
                    Some(limit.max(start + 1.0))
                }
                None => None,
            };
            if let Some(cut) = cut {
                let count = items[placed..].partition_point(|(b, _)| b.y < cut);
                let piece = in_chunk_order(chunk, &items[placed..placed + count]);
                self.place_piece(chunk, piece, start, lead, cut - start + lead + padding);
                placed += count;
                start = cut;
            }
            self.continue_on_new_page(chunk.orientation, table);
        }
    }
}

/// Where to cut when every line bottom above `limit` falls inside a line
/// of another cell (cells whose lines are offset by a list's spacing): at
/// the top of the first item that would reach past `limit`, so each item
/// goes whole on this page or the next. `None` if not even the first
/// item fits (a line taller than the room).
fn cut_before(rest: &[(Rect, usize)], start: f32, limit: f32) -> Option<f32> {
    let above = rest.partition_point(|(b, _)| b.y < limit);
    let first_past = (rest[..above].iter())
        .filter(|(b, _)| b.bottom() > limit + 0.01)
        .map(|(b, _)| b.y)
        .chain(rest.get(above).map(|(b, _)| b.y))
        .fold(f32::INFINITY, f32::min);
    let first = rest.first().map_or(f32::INFINITY, |(b, _)| b.y.max(start));
    (first_past > first + 0.01 && first_past.is_finite()).then_some(first_past)
}

/// `piece`'s items in the order the chunk has them (a cell's lines, then
/// the next cell's), which is the order the PDF's text reads in.
fn in_chunk_order<'c>(chunk: &'c Chunk, piece: &[(Rect, usize)]) -> Vec<&'c Item> {
    let mut indices: Vec<usize> = piece.iter().map(|&(_, i)| i).collect();
    indices.sort_unstable();
    indices.into_iter().map(|i| &chunk.items[i]).collect()
}

/// The lowest point, after `start` and no lower than `limit`, where no
/// line of text still to place is cut in two. `rest` is sorted by top;
/// only the items starting above `limit` can matter.
fn cut_between_lines(rest: &[(Rect, usize)], start: f32, limit: f32) -> Option<f32> {
    let above = &rest[..rest.partition_point(|(b, _)| b.y < limit)];
    let mut cuts: Vec<f32> = above
        .iter()
        .map(|(b, _)| b.bottom())
        .filter(|&cut| cut > start && cut <= limit)
        .collect();
    cuts.sort_by(f32::total_cmp);
    // Sweep down: a cut is clear if nothing that starts above it reaches
    // past it.
    let mut best = None;
    let mut lowest_bottom = f32::NEG_INFINITY;
    let mut next = 0;
    for cut in cuts {
        while next < above.len() && above[next].0.y < cut - 0.01 {
            lowest_bottom = lowest_bottom.max(above[next].0.bottom());
            next += 1;
        }
        if lowest_bottom <= cut + 0.01 {
            best = Some(cut);
        }
    }
    best
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
                // Only ever towards landscape: a wide table's header kept
                // with the heading after it (a table with no rows) must
                // not be set on a portrait page it is too wide for.
                if chunk.keep_with_next && next_orientation == Some(Orientation::Landscape) {
                    chunk.orientation = Orientation::Landscape;
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
