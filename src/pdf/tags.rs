//! The tagged PDF's logical structure, built from what the layout
//! recorded: each placed part of the plan (heading, line, caption, table
//! row) owns the items that draw it, a table's runs know their cell, and
//! a run's [`RunTag`] says what its part does not (a list item, a note, a
//! structure chart's box, a rating, a group row's label, the cover title).
//! Furniture (running header, footer, watermark, rules, fills, a table's
//! header rows repeated on a continuation page, a contents entry's leader
//! and page number) is an artifact, never read aloud.

mod lists;

use crate::layout::{
    Document, Item, LinkTarget, Page, PageKind, Part, Rect, Role, RunTag, TextRun,
};
use crate::model::Location;
use rustc_hash::FxHashMap as HashMap;

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
    /// A TH that heads its row (a group row's label, or the first cell
    /// of a table printed with no header rows) rather than its column.
    pub heads_row: bool,
    /// A table cell merged over this many rows (0 or 1: not merged).
    pub row_span: u16,
    /// A Figure's alternative text: what its boxes say.
    pub alt: Option<String>,
    /// An L's `/ListNumbering`: what its markers are (none for a list
    /// without markers, or with dashes or the author's own).
    pub numbering: Option<&'static str>,
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

    /// No tree: every item a layout artifact, for measuring what the
    /// tree costs.
    pub fn untagged(document: &Document) -> Structure {
        let marks = (document.pages.iter())
            .map(|page| vec![Mark::Artifact(Artifact::Layout); page.items.len()])
            .collect();
        Structure {
            marks,
            ..Structure::default()
        }
    }
}

/// Which table a part belongs to: its section and block.
type TableKey = (Vec<usize>, Option<usize>);

/// What decides a run's element: its placed part, cell and kind of words.
type RunKey = (Option<usize>, Option<u16>, RunTag);

#[derive(Default)]
struct Builder {
    structure: Structure,
    sections: HashMap<Vec<usize>, usize>,
    /// Each table's element and its THead and TBody once made.
    tables: HashMap<TableKey, (usize, Option<usize>, Option<usize>)>,
    /// Headings, paragraphs, notes, figures, captions and table rows, by
    /// what they print and what kind of words they are.
    parts: HashMap<(Location, Part, RunTag), usize>,
    /// Each row's cells and their columns, by the row's element: a
    /// row has a handful, found quicker by looking than by hashing.
    cells: Vec<Vec<(u16, usize)>>,
    /// The last header row made and the last column in it.
    header_row: Option<(usize, u16)>,
    /// Where words outside any placed part go: the last section used.
    container: usize,
    /// The contents page's TOC, once made.
    toc: Option<usize>,
    /// The cover's title, once made.
    title: Option<usize>,
    /// The lists being read (see `lists`).
    lists: lists::Lists,
    /// Each figure's last box, whose words its alternative text ends with.
    figure_boxes: HashMap<usize, u16>,
    /// The page's placed parts whose rows have their TR.
    rows_made: usize,
    /// The last row looked up: a row's cells come one after another,
    /// and hashing its place for each costs more than the rest.
    last_row: Option<(Location, usize)>,
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
            alt: None,
            numbering: None,
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

    /// The element a placed part's run belongs in; `cell` for a table's.
    fn element(&mut self, place: &Location, part: Part, cell: Option<u16>, tag: RunTag) -> usize {
        if part == Part::TableHeader {
            return self.header_cell(place, cell.unwrap_or(0));
        }
        if part == Part::Row {
            let cell = self.row_cell(place, cell.unwrap_or(0), tag);
            return self.in_list(cell, None, tag);
        }
        if let RunTag::List(_) = tag {
            let section = self.section(&place.sections);
            self.container = section;
            return self.in_list(section, place.block, tag);
        }
        let kind = match tag {
            RunTag::Note(_) => tag,
            RunTag::ChartBox(_) => RunTag::ChartBox(0),
            _ => RunTag::Plain,
        };
        self.part(place, part, kind, |b| {
            let parent = b.section(&place.sections);
            match part {
                Part::Caption => {
                    let table = b.table(place);
                    b.add("Caption", Some(table))
                }
                Part::Heading => {
                    let tag = match place.sections.len() {
                        0 | 1 => "H1",
                        2 => "H2",
                        _ => "H3",
                    };
                    b.add(tag, Some(parent))
                }
                Part::SubHeading(level) => {
                    b.add(if level >= 4 { "H4" } else { "H3" }, Some(parent))
                }
                _ => match kind {
                    RunTag::Note(_) => b.add("Note", Some(parent)),
                    RunTag::ChartBox(_) => b.add("Figure", Some(parent)),
                    _ => b.add("P", Some(parent)),
                },
            }
        })
    }

    /// A table row's cell for a run in `column`: a TH when it heads its
    /// row (a group row's label; the first column of a table printed
    /// without header rows, so each cell still says what it is).
    fn row_cell(&mut self, place: &Location, column: u16, tag: RunTag) -> usize {
        let row = self.row(place);
        let heads_row = tag == RunTag::RowHeader || (column == 0 && !self.has_head(place));
        let id = self.cell(row, column, if heads_row { "TH" } else { "TD" });
        self.structure.elements[id].heads_row |= heads_row;
        id
    }

    fn row(&mut self, place: &Location) -> usize {
        if let Some((last, id)) = &self.last_row
            && last == place
        {
            return *id;
        }
        let id = self.part(place, Part::Row, RunTag::Plain, |b| {
            let body = b.table_part(place, false);
            b.add("TR", Some(body))
        });
        self.last_row = Some((place.clone(), id));
        id
    }

    /// Adds a structure chart box's words to its figure's alternative
    /// text: the boxes in order, each one's lines, "; " between boxes.
    fn describe_figure(&mut self, figure: usize, tag: RunTag, text: &str) {
        let RunTag::ChartBox(number) = tag else {
            return;
        };
        let text = text.trim();
        let last = self.figure_boxes.insert(figure, number);
        let alt = self.structure.elements[figure]
            .alt
            .get_or_insert_with(|| "Structure chart: ".to_string());
        match last {
            None => {}
            Some(last) if last == number => alt.push(' '),
            Some(_) => alt.push_str("; "),
        }
        alt.push_str(text);
    }

    /// Makes a TR for each row of the page placed before `upto` that
    /// has none yet: a row whose cells are all empty prints no words,
    /// but is still a row of its table.
    fn rows_before(&mut self, page: &Page, upto: usize) {
        while self.rows_made < upto.min(page.placed.len()) {
            let placed = &page.placed[self.rows_made];
            if placed.part == Part::Row {
                self.row(&placed.place.clone());
            }
            self.rows_made += 1;
        }
    }

    fn part(
        &mut self,
        place: &Location,
        part: Part,
        kind: RunTag,
        make: impl FnOnce(&mut Self) -> usize,
    ) -> usize {
        let key = (place.clone(), part, kind);
        if let Some(&id) = self.parts.get(&key) {
            return id;
        }
        let id = make(self);
        self.container = self.section(&place.sections);
        self.parts.insert(key, id);
        id
    }

    fn cell(&mut self, row: usize, column: u16, tag: &'static str) -> usize {
        let found = (self.cells.get(row).into_iter().flatten())
            .find(|(c, _)| *c == column)
            .map(|&(_, id)| id);
        if let Some(id) = found {
            return id;
        }
        let id = self.add(tag, Some(row));
        if self.cells.len() <= row {
            self.cells.resize_with(row + 1, Vec::new);
        }
        self.cells[row].push((column, id));
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
        self.rows_made = 0;
        let mut marks = Vec::with_capacity(page.items.len());
        let mut owners: Vec<usize> = Vec::new();
        // The element of the open marked content (and whether it holds a
        // rating's slots, which have a sequence of their own to be read
        // as words) and the baseline of a line outside any placed part.
        let mut open: Option<(usize, bool)> = None;
        let mut loose: Option<(f32, usize)> = None;
        // The last words' element and where they are: a link drawn after
        // its words (a contents entry's) belongs with them.
        let mut last_words: Option<(usize, Rect)> = None;
        // Links seen but not yet given a parent: the element of the
        // next words (the link's own), or the last container.
        let mut links: Vec<String> = Vec::new();
        let mut unplaced: Vec<usize> = Vec::new();
        let mut last_run: Option<(RunKey, usize)> = None;
        for item in &page.items {
            if let Item::Link { rect, target } = item {
                match last_words.filter(|(_, words)| words.overlaps(rect)) {
                    Some((element, _)) => self.link(element, index, links.len()),
                    None => unplaced.push(links.len()),
                }
                links.push(describe(page, rect, target));
            }
            let Item::Text(run) = item else {
                marks.push(Mark::Artifact(Artifact::Layout));
                open = None;
                continue;
            };
            if let Some(artifact) = artifact(page, run, &entry_lines) {
                marks.push(Mark::Artifact(artifact));
                open = None;
                continue;
            }
            if let Some(p) = run.placed {
                self.rows_before(page, p);
            }
            let placed = (run.placed)
                .filter(|_| page.kind != PageKind::Contents)
                .and_then(|p| page.placed.get(p));
            // A part's runs mostly come one after another, each finding
            // the element the last one did.
            let same = (run.placed, run.cell, run.tag);
            let element = match placed {
                Some(_) if last_run.is_some_and(|(key, _)| key == same) => {
                    last_run.map_or(0, |(_, id)| id)
                }
                Some(placed) => {
                    // A merged cell's lines on a later row are its own cell's.
                    let anchor = (placed.covered.iter())
                        .find(|(c, _)| placed.part == Part::Row && Some(*c) == run.cell)
                        .map(|&(_, row)| Location {
                            row: Some(row),
                            ..placed.place.clone()
                        });
                    let place = anchor.as_ref().unwrap_or(&placed.place);
                    let id = self.element(place, placed.part, run.cell, run.tag);
                    // A merged cell is one TD reaching over its rows.
                    if let Some(&(_, rows)) = (placed.merged.iter())
                        .find(|(c, _)| placed.part == Part::Row && Some(*c) == run.cell)
                    {
                        self.structure.elements[id].row_span = rows;
                    }
                    last_run = Some((same, id));
                    id
                }
                None if run.tag == RunTag::Title => self.title(),
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
            self.describe_figure(element, run.tag, &run.text);
            self.number_list(element, run);
            for link in unplaced.drain(..) {
                self.link(element, index, link);
            }
            last_words = Some((element, run.bounds()));
            let sequence = (element, matches!(run.tag, RunTag::Rating { .. }));
            if open != Some(sequence) {
                let mcid = owners.len() as u32;
                owners.push(element);
                self.structure.elements[element]
                    .kids
                    .push(Kid::Content { page: index, mcid });
                open = Some(sequence);
            }
            let mcid = (owners.len() - 1) as u32;
            marks.push(Mark::Content { element, mcid });
        }
        self.rows_before(page, usize::MAX);
        let container = self.container;
        for link in unplaced {
            self.link(container, index, link);
        }
        self.structure.marks.push(marks);
        self.structure.owners.push(owners);
        self.structure.links.push(links);
    }

    /// The cover's title: one H1, however many lines it takes.
    fn title(&mut self) -> usize {
        match self.title {
            Some(id) => id,
            None => {
                let id = self.add("H1", Some(self.container));
                self.title = Some(id);
                id
            }
        }
    }

    /// A Link element under `parent` for the page's `index`th link.
    fn link(&mut self, parent: usize, page: usize, index: usize) {
        let id = self.add("Link", Some(parent));
        (self.structure.elements[id].kids).push(Kid::Annotation { page, index });
    }
}

/// What `run` is if not the plan's words: the running header, footer and
/// watermark, a table's header rows or caption again on a continuation
/// page, a contents entry's dot leader and page number (the entry's
/// words and its link say where it goes).
fn artifact(page: &Page, run: &TextRun, entry_lines: &[u32]) -> Option<Artifact> {
    let artifact = match run.role {
        Role::RunningHeader => Some(Artifact::Header),
        Role::Footer => Some(Artifact::Footer),
        Role::Watermark => Some(Artifact::Watermark),
        Role::RepeatedHeader => Some(Artifact::Repeated),
        Role::ContentsPage => Some(Artifact::Layout),
        Role::Label
            if page.kind == PageKind::Contents
                && entry_lines.contains(&run.baseline.to_bits())
                && run.text.trim_matches(['.', ' ']).is_empty() =>
        {
            Some(Artifact::Layout)
        }
        _ => None,
    };
    artifact.or_else(|| {
        let placed = page.placed.get(run.placed?)?;
        (placed.part == Part::ContinuedCaption && page.kind != PageKind::Contents)
            .then_some(Artifact::Repeated)
    })
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
