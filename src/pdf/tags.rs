//! The tagged PDF's logical structure, built from what the layout
//! recorded: each placed part of the plan (heading, line, caption, table
//! row) owns the items that draw it, and a table's runs know their cell.
//! Furniture (running header, footer, watermark, rules, fills, a table's
//! header rows repeated on a continuation page) is an artifact, never
//! read aloud.

use crate::layout::{Document, Item, LinkTarget, Page, PageKind, Part, Rect, Role};
use crate::model::Location;
use std::collections::HashMap;

/// What an item is to a screen reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Not part of the plan's words; `kind` is the artifact's subtype.
    Artifact(Artifact),
    /// Part of structure element `element` as marked content `mcid` on
    /// its page.
    Content { element: usize, mcid: u32 },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Artifact {
    /// Rules, fills and frames.
    Layout,
    /// Running header, footer and repeated table header rows.
    Header,
    Footer,
    Watermark,
    /// A table's caption or header rows again on a continuation page.
    Repeated,
}

/// A structure element: its standard type, its parent (none for the
/// Document element) and its kids in reading order.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    pub tag: &'static str,
    pub parent: Option<usize>,
    pub kids: Vec<Kid>,
    /// A TH that heads its row (the first cell of a table printed with
    /// no header rows) rather than its column.
    pub heads_row: bool,
    /// A table cell merged over this many rows (0 or 1: not merged).
    pub row_span: u16,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kid {
    Element(usize),
    /// Marked content `mcid` on page `page` (0-based).
    Content {
        page: usize,
        mcid: u32,
    },
    /// The `index`th link annotation on page `page`.
    Annotation {
        page: usize,
        index: usize,
    },
}

/// The whole document's structure: the elements (the first is the
/// Document) and, for every page, each item's mark and each MCID's owner.
#[derive(Debug, Default)]
pub struct Structure {
    pub elements: Vec<Element>,
    pub marks: Vec<Vec<Mark>>,
    pub owners: Vec<Vec<usize>>,
    /// For every page, what each link annotation says where it goes.
    pub links: Vec<Vec<String>>,
}

impl Structure {
    pub fn of(document: &Document) -> Structure {
        let mut builder = Builder::default();
        builder.add("Document", None);
        for (index, page) in document.pages.iter().enumerate() {
            builder.page(index, page);
        }
        builder.structure
    }
}

/// Which table a part belongs to: its section and block.
type TableKey = (Vec<usize>, Option<usize>);

#[derive(Default)]
struct Builder {
    structure: Structure,
    sections: HashMap<Vec<usize>, usize>,
    /// Each table's element and its THead and TBody once made.
    tables: HashMap<TableKey, (usize, Option<usize>, Option<usize>)>,
    /// Headings, paragraphs, captions and table rows, by what they print.
    parts: HashMap<(Location, Part), usize>,
    /// A row's cells by column.
    cells: HashMap<(usize, u16), usize>,
    /// The last header row made and the last column in it.
    header_row: Option<(usize, u16)>,
    /// Where words outside any placed part go: the last section used.
    container: usize,
    /// The contents page's TOC, once made.
    toc: Option<usize>,
}

impl Builder {
    fn add(&mut self, tag: &'static str, parent: Option<usize>) -> usize {
        let id = self.structure.elements.len();
        self.structure.elements.push(Element {
            tag,
            parent,
            kids: Vec::new(),
            heads_row: false,
            row_span: 0,
        });
        if let Some(parent) = parent {
            self.structure.elements[parent].kids.push(Kid::Element(id));
        }
        id
    }

    /// The Sect for a section path, nested as the sections nest.
    fn section(&mut self, path: &[usize]) -> usize {
        if path.is_empty() {
            return 0;
        }
        if let Some(&id) = self.sections.get(path) {
            return id;
        }
        let parent = self.section(&path[..path.len() - 1]);
        let id = self.add("Sect", Some(parent));
        self.sections.insert(path.to_vec(), id);
        id
    }

    fn table(&mut self, place: &Location) -> usize {
        let key = (place.sections.clone(), place.block);
        if let Some(&(id, ..)) = self.tables.get(&key) {
            return id;
        }
        let parent = self.section(&place.sections);
        let id = self.add("Table", Some(parent));
        self.tables.insert(key, (id, None, None));
        id
    }

    /// The table's THead (`head`) or TBody.
    fn table_part(&mut self, place: &Location, head: bool) -> usize {
        let table = self.table(place);
        let key = (place.sections.clone(), place.block);
        let (_, thead, tbody) = self.tables[&key];
        if let Some(id) = if head { thead } else { tbody } {
            return id;
        }
        let id = self.add(if head { "THead" } else { "TBody" }, Some(table));
        let entry = self.tables.get_mut(&key).expect("made above");
        if head {
            entry.1 = Some(id)
        } else {
            entry.2 = Some(id)
        }
        id
    }

    /// The element a placed part's text belongs in; `cell` for a table's.
    fn element(&mut self, place: &Location, part: Part, cell: Option<u16>) -> usize {
        match part {
            Part::TableHeader => return self.header_cell(place, cell.unwrap_or(0)),
            Part::Row => {
                let row = self.part(place, part, |b| {
                    let body = b.table_part(place, false);
                    b.add("TR", Some(body))
                });
                // A table printed without header rows is headed by its
                // first column, so each cell still says what it is.
                let column = cell.unwrap_or(0);
                if column == 0 && !self.has_head(place) {
                    let id = self.cell(row, column, "TH");
                    self.structure.elements[id].heads_row = true;
                    return id;
                }
                return self.cell(row, column, "TD");
            }
            _ => {}
        }
        self.part(place, part, |b| match part {
            Part::Caption => {
                let table = b.table(place);
                b.add("Caption", Some(table))
            }
            Part::Heading => {
                let parent = b.section(&place.sections);
                let tag = match place.sections.len() {
                    0 | 1 => "H1",
                    2 => "H2",
                    _ => "H3",
                };
                b.add(tag, Some(parent))
            }
            Part::SubHeading(level) => {
                let parent = b.section(&place.sections);
                b.add(if level >= 4 { "H4" } else { "H3" }, Some(parent))
            }
            _ => {
                let parent = b.section(&place.sections);
                b.add("P", Some(parent))
            }
        })
    }

    fn part(
        &mut self,
        place: &Location,
        part: Part,
        make: impl FnOnce(&mut Self) -> usize,
    ) -> usize {
        let key = (place.clone(), part);
        if let Some(&id) = self.parts.get(&key) {
            return id;
        }
        let id = make(self);
        self.container = self.section(&place.sections);
        self.parts.insert(key, id);
        id
    }

    fn cell(&mut self, row: usize, column: u16, tag: &'static str) -> usize {
        if let Some(&id) = self.cells.get(&(row, column)) {
            return id;
        }
        let id = self.add(tag, Some(row));
        self.cells.insert((row, column), id);
        id
    }

    /// A header row's cells come column by column; a column no later
    /// than the last one starts the next header row.
    fn header_cell(&mut self, place: &Location, column: u16) -> usize {
        let row = match self.header_row {
            Some((row, last)) if column >= last && self.is_under(row, place) => row,
            _ => {
                let head = self.table_part(place, true);
                self.add("TR", Some(head))
            }
        };
        self.header_row = Some((row, column));
        self.cell(row, column, "TH")
    }

    fn has_head(&self, place: &Location) -> bool {
        let key = (place.sections.clone(), place.block);
        self.tables.get(&key).is_some_and(|t| t.1.is_some())
    }

    /// True when `row` is in `place`'s table's THead.
    fn is_under(&self, row: usize, place: &Location) -> bool {
        let key = (place.sections.clone(), place.block);
        let thead = self.tables.get(&key).and_then(|t| t.1);
        thead.is_some() && self.structure.elements[row].parent == thead
    }

    /// A line outside the plan's parts: an entry of the contents (a
    /// TOCI in the TOC) or a paragraph of the cover or contents page.
    fn loose_line(&mut self, entry: bool) -> usize {
        if !entry {
            let parent = self.container;
            return self.add("P", Some(parent));
        }
        let toc = match self.toc {
            Some(toc) => toc,
            None => {
                let parent = self.container;
                let toc = self.add("TOC", Some(parent));
                self.toc = Some(toc);
                toc
            }
        };
        self.add("TOCI", Some(toc))
    }

    fn page(&mut self, index: usize, page: &Page) {
        // The baselines of contents entries: their words are the
        // headings', their leaders and page numbers the engine's.
        let entry_lines: Vec<u32> = (page.text_runs())
            .filter(|run| matches!(run.role, Role::ContentsEntry | Role::ContentsPage))
            .map(|run| run.baseline.to_bits())
            .collect();
        let mut marks = Vec::with_capacity(page.items.len());
        let mut owners: Vec<usize> = Vec::new();
        // The element of the open marked content and the baseline of a
        // line outside any placed part.
        let mut open: Option<usize> = None;
        let mut loose: Option<(f32, usize)> = None;
        // Links seen but not yet given a parent: the element of the
        // next words (the link's own), or the last container.
        let mut links: Vec<String> = Vec::new();
        let mut unplaced: Vec<usize> = Vec::new();
        for item in &page.items {
            if let Item::Link { rect, target } = item {
                unplaced.push(links.len());
                links.push(describe(page, rect, target));
            }
            let Item::Text(run) = item else {
                marks.push(Mark::Artifact(Artifact::Layout));
                open = None;
                continue;
            };
            let artifact = match run.role {
                Role::RunningHeader => Some(Artifact::Header),
                Role::Footer => Some(Artifact::Footer),
                Role::Watermark => Some(Artifact::Watermark),
                Role::RepeatedHeader => Some(Artifact::Repeated),
                _ => None,
            };
            let placed = (run.placed)
                .filter(|_| page.kind != PageKind::Contents)
                .and_then(|p| page.placed.get(p));
            let artifact = artifact.or_else(|| {
                placed
                    .filter(|placed| placed.part == Part::ContinuedCaption)
                    .map(|_| Artifact::Repeated)
            });
            if let Some(artifact) = artifact {
                marks.push(Mark::Artifact(artifact));
                open = None;
                continue;
            }
            let element = match placed {
                Some(placed) => {
                    // A merged cell's lines on a later row are its own cell's.
                    let anchor = (placed.covered.iter())
                        .find(|(c, _)| placed.part == Part::Row && Some(*c) == run.cell)
                        .map(|&(_, row)| Location {
                            row: Some(row),
                            ..placed.place.clone()
                        });
                    let place = anchor.as_ref().unwrap_or(&placed.place);
                    let id = self.element(place, placed.part, run.cell);
                    // A merged cell is one TD reaching over its rows.
                    if let Some(&(_, rows)) = (placed.merged.iter())
                        .find(|(c, _)| placed.part == Part::Row && Some(*c) == run.cell)
                    {
                        self.structure.elements[id].row_span = rows;
                    }
                    id
                }
                // Cover and contents lines: an element per baseline.
                None => match loose {
                    Some((baseline, id)) if baseline == run.baseline => id,
                    _ => {
                        let entry = entry_lines.contains(&run.baseline.to_bits());
                        let id = self.loose_line(entry);
                        loose = Some((run.baseline, id));
                        id
                    }
                },
            };
            for link in unplaced.drain(..) {
                self.link(element, index, link);
            }
            if open != Some(element) {
                let mcid = owners.len() as u32;
                owners.push(element);
                self.structure.elements[element]
                    .kids
                    .push(Kid::Content { page: index, mcid });
                open = Some(element);
            }
            let mcid = (owners.len() - 1) as u32;
            marks.push(Mark::Content { element, mcid });
        }
        let container = self.container;
        for link in unplaced {
            self.link(container, index, link);
        }
        self.structure.marks.push(marks);
        self.structure.owners.push(owners);
        self.structure.links.push(links);
    }

    /// A Link element under `parent` for the page's `index`th link.
    fn link(&mut self, parent: usize, page: usize, index: usize) {
        let id = self.add("Link", Some(parent));
        (self.structure.elements[id].kids).push(Kid::Annotation { page, index });
    }
}

/// What a link says to a screen reader: the words it covers (a contents
/// line's heading) and where it goes.
fn describe(page: &Page, rect: &Rect, target: &LinkTarget) -> String {
    let words: Vec<&str> = (page.text_runs())
        .filter(|run| matches!(run.role, Role::Content | Role::ContentsEntry))
        .filter(|run| run.bounds().overlaps(rect))
        .map(|run| run.text.trim_end_matches(['.', ' ']).trim())
        .filter(|text| !text.is_empty())
        .collect();
    let words = words.join(" ");
    match target {
        LinkTarget::Page { page, .. } if words.is_empty() => format!("Go to page {}", page + 1),
        LinkTarget::Page { page, .. } => format!("{words}, page {}", page + 1),
        LinkTarget::Uri(uri) => format!("{words} ({uri})"),
    }
}
