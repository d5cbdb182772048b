//! Pagination: the body arrives as a stream of chunks (a heading, a line of
//! a paragraph, a table row) and leaves as pages. Keeps headings with what
//! follows, repeats table headers, splits rows taller than a page, and
//! turns pages to landscape for the tables that need it.

use super::boxes::{AnchorMark, Chunk, ChunkKind};
use super::rowsplit::{MIN_LINES, RowSplitter};
use super::rules::join_rules;
use super::{
    Bookmark, Item, Orientation, Page, PageKind, PageSettings, Place, Placed, Rect, Role, Warnings,
};
use std::cell::OnceCell;
use std::collections::BTreeSet;

mod balance;

/// A body page less full than this looks abandoned.
const LOW_FILL: f32 = 0.4;

/// How much of a chunk must share a page with what it is kept with: all
/// of it, but only the first lines of a table row that can go on over
/// the page.
fn kept_part(chunk: &Chunk) -> f32 {
    match chunk.kind {
        ChunkKind::TableRow { .. } => {
            let rows = RowSplitter::new(chunk);
            // Rows with too few lines to leave two and carry two move whole.
            if rows.most_lines() < 2 * MIN_LINES {
                return chunk.height;
            }
            chunk.height.min(rows.first_lines_height(MIN_LINES))
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
    /// Chunks that start a new page, whatever the room left.
    breaks: &'a BTreeSet<usize>,
    /// Each chunk's [`kept_part`], worked out once, when first needed.
    kept_parts: &'a [OnceCell<f32>],
    /// The chunks that start on each page.
    starts: Vec<Vec<usize>>,
    /// Pages a new-page section opens.
    opened_by_break: Vec<bool>,
    /// The current page is a landscape page that portrait text goes on
    /// under a short wide table.
    shared: bool,
    /// Whether a landscape page may be shared so.
    share: bool,
    /// Only where things go is wanted, not the items (a trial pass).
    dry: bool,
    /// The rule that closes the last row placed, when it leaves a merged
    /// cell open below: drawn if the page ends under it.
    open_rule: Option<Item>,
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
        if let Some(rule) = self.open_rule.take() {
            self.page().items.push(rule);
        }
        let (width, height) = self.settings.size(orientation);
        self.pages.push(Page {
            kind: PageKind::Body,
            orientation,
            width,
            height,
            items: Vec::new(),
            placed: Vec::new(),
        });
        self.starts.push(Vec::new());
        self.shared = false;
        self.opened_by_break.push(false);
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
        let items = match self.dry {
            true => Vec::new(),
            false => chunk.items.clone(),
        };
        self.place_items(chunk, items, chunk.height);
    }

    /// Draws `items` (all of `chunk` or a piece of it, placed from the
    /// piece's top) at the cursor in a piece `height` tall, with the row
    /// frame if the chunk has one.
    fn place_items(&mut self, chunk: &Chunk, items: Vec<Item>, height: f32) {
        let body = self.settings.body_box(self.page_orientation());
        let top = body.y + self.y;
        // A row starting a page (under the repeated header) repeats the
        // merged cells it continues.
        let starts_page = match chunk.kind {
            ChunkKind::TableRow { table, .. } => {
                self.y <= self.repeated_header_height(Some(table)) + 0.01
            }
            _ => false,
        };
        self.open_rule = (chunk.frame())
            .filter(|frame| !self.dry && !frame.open_below.is_empty())
            .map(|frame| frame.closing_rule(body.x, top + height));
        let frame = (chunk.frame()).filter(|_| !self.dry).map(|frame| {
            let mut items = frame.draw(body.x, top, height, self.page_is_empty());
            if starts_page {
                // Down beside the rows under it, as far as the page goes.
                items.extend(frame.continued_at(body.x, top, self.capacity() - self.y));
            }
            items
        });
        let items: Vec<Item> = (frame.into_iter().flatten())
            .chain(items.into_iter().map(|mut item| {
                item.shift(body.x, top);
                item
            }))
            .collect();
        let index = self.page().placed.len();
        let owned = chunk.height > 0.0;
        self.page().items.extend(items.into_iter().map(|mut item| {
            if let Item::Text(run) = &mut item {
                run.placed = Some(index).filter(|_| owned);
            }
            item
        }));
        if owned {
            let placed = Placed {
                place: chunk.place.clone(),
                part: chunk.part,
                rect: Rect {
                    x: body.x,
                    y: top,
                    width: body.width,
                    height,
                },
                merged: chunk.merged.clone(),
                covered: chunk.covered.clone(),
            };
            self.page().placed.push(placed);
        }
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
        for (next, part) in chunks[i + 1..].iter().zip(&self.kept_parts[i + 1..]) {
            if !kept || height > capacity {
                break;
            }
            match next.kind {
                // Section marks take no room and break no chain.
                ChunkKind::Anchor(_) => continue,
                ChunkKind::PageBreak => break,
                _ => {}
            }
            height += next.space_before + part.get_or_init(|| kept_part(next));
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
                    if let Some(opened) = self.opened_by_break.last_mut() {
                        *opened = true;
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
            } else if chunk.orientation != self.page_orientation() && !self.shared {
                self.change_orientation(chunk.orientation);
            }
            if self.breaks.contains(&i) && !self.page_is_empty() {
                let table = match chunk.kind {
                    ChunkKind::TableRow { table, .. } => Some(table),
                    _ => None,
                };
                self.continue_on_new_page(chunk.orientation, table);
            }
            self.place_flowing(chunks, i);
        }
    }

    /// Goes on in the other orientation: turns a portrait page holding only
    /// a few lines (a heading and an introduction to a wide table look
    /// better on the table's page than alone on a page of their own),
    /// otherwise starts a new page. In the fallback pass (`share`), a page
    /// under 40 % full turns too, and portrait text may go on under a
    /// short wide table on its landscape page.
    fn change_orientation(&mut self, orientation: Orientation) {
        // A heading and an introduction take the table's page; a longer
        // tail only if moving page starts leaves the page too empty.
        const FEW_LINES: f32 = 0.2;
        let low = self.y < self.capacity() * LOW_FILL;
        let few = self.y < self.capacity() * FEW_LINES;
        match (low, orientation) {
            (true, Orientation::Landscape) if few || self.share => {
                let (width, height) = self.settings.size(orientation);
                let page = self.page();
                page.orientation = orientation;
                page.width = width;
                page.height = height;
            }
            (true, Orientation::Portrait) if self.share => self.shared = true,
            _ => self.new_page(orientation),
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
        // What the chunk before is kept with came here with it: the first
        // chunk of a keep-together chain decides where the chain goes.
        let in_chain = chunks[..i]
            .iter()
            .rev()
            .find(|c| !matches!(c.kind, ChunkKind::Anchor(_)))
            .is_some_and(|c| c.keep_with_next);
        if in_chain && chunk.height <= room {
            return;
        }
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
        if let Some(starts) = self.starts.last_mut() {
            starts.push(i);
        }
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

    /// The height the repeated header (with its continued caption) takes
    /// on a page `table` continues onto.
    fn repeated_header_height(&self, table: Option<usize>) -> f32 {
        self.repeated_header(table).map_or(0.0, |header| {
            let caption = match &header.kind {
                ChunkKind::TableHeader {
                    caption: Some(caption),
                    ..
                } => caption.height,
                _ => 0.0,
            };
            header.height + caption
        })
    }

    /// The header to repeat above `table`'s rows on a new page: not one
    /// taller than half a page (its columns squeezed by a huge table),
    /// which would leave too little room for the rows.
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
            // A fresh page (or one holding only the repeated header) always
            // takes a piece, so splitting a row always makes progress.
            let force = self.page_is_empty() || self.y <= self.repeated_header_height(table) + 0.01;
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

/// Lays the body's chunks out on pages. A page left under 40 % full
/// (not the last, not one before a section that starts on a new page) is
/// filled from the page before it: a later pass starts that page earlier,
/// at a point no keep-together rule forbids, and is kept if it leaves
/// fewer such pages.
pub fn paginate(
    chunks: &mut [Chunk],
    settings: &PageSettings,
    warnings: &mut Warnings,
) -> Paginated {
    const PASSES: usize = 12;
    turn_kept_chunks(chunks);
    let mut breaks = BTreeSet::new();
    let kept_parts: Vec<OnceCell<f32>> = chunks.iter().map(|_| OnceCell::new()).collect();
    let mut best = run(chunks, &kept_parts, settings, &breaks, false, true);
    let mut tried = BTreeSet::new();
    for _ in 0..PASSES {
        let Some(at) = best.earlier_break(chunks, settings, &tried) else {
            break;
        };
        tried.insert(at);
        breaks.insert(at);
        let attempt = run(chunks, &kept_parts, settings, &breaks, false, true);
        if attempt.low_pages(settings) < best.low_pages(settings) {
            best = attempt;
        } else {
            breaks.remove(&at);
        }
    }
    // Only if moving page starts did not do, text goes on under a wide
    // table on its landscape page.
    let mut share = false;
    if best.low_pages(settings) > 0 {
        let shared = run(chunks, &kept_parts, settings, &breaks, true, true);
        share = shared.low_pages(settings) < best.low_pages(settings);
    }
    // The trial passes placed no items: lay the pages out for real.
    let best = run(chunks, &kept_parts, settings, &breaks, share, false);
    warnings.found.extend(best.warnings.found);
    let mut pages = best.pages;
    if pages.is_empty() {
        let (width, height) = settings.size(Orientation::Portrait);
        pages.push(Page {
            kind: PageKind::Body,
            orientation: Orientation::Portrait,
            width,
            height,
            items: Vec::new(),
            placed: Vec::new(),
        });
    }
    for page in &mut pages {
        join_rules(&mut page.items);
    }
    Paginated {
        pages,
        anchors: best.anchors,
    }
}

/// One pass of pagination, with what the next pass needs to know (what
/// the passes compare: `balance.rs`).
struct Run {
    pages: Vec<Page>,
    anchors: Vec<Anchor>,
    warnings: Warnings,
    /// The chunks that start on each page.
    starts: Vec<Vec<usize>>,
    /// Pages a new-page section opens.
    opened_by_break: Vec<bool>,
}

/// Lays the chunks out once, starting a page at each of `breaks`; with
/// `share`, portrait text may go on under a short wide table.
fn run(
    chunks: &[Chunk],
    kept_parts: &[OnceCell<f32>],
    settings: &PageSettings,
    breaks: &BTreeSet<usize>,
    share: bool,
    dry: bool,
) -> Run {
    let mut warnings = Warnings::default();
    let mut paginator = Paginator {
        settings,
        pages: Vec::new(),
        anchors: Vec::new(),
        y: 0.0,
        table_header: None,
        pending_anchors: Vec::new(),
        warnings: &mut warnings,
        breaks,
        kept_parts,
        starts: Vec::new(),
        opened_by_break: Vec::new(),
        shared: false,
        share,
        dry,
        open_rule: None,
    };
    paginator.lay_out(chunks);
    let (pages, anchors, starts, opened_by_break) = (
        paginator.pages,
        paginator.anchors,
        paginator.starts,
        paginator.opened_by_break,
    );
    Run {
        pages,
        anchors,
        warnings,
        starts,
        opened_by_break,
    }
}
