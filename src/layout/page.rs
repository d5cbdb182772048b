//! What the layout produces: pages of text runs, lines, fills and links
//! placed in points, and the paper they are placed on.

use super::RunTag;
use super::fonts::{self, Face};
use crate::model::Location;
use std::collections::BTreeSet;

/// Paper and margins, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageSettings {
    /// Portrait width and height (A4 by default).
    pub width: f32,
    pub height: f32,
    /// The body's margins on every side.
    pub margin: f32,
    /// Extra room at the top and bottom for the running header and footer.
    pub furniture_band: f32,
    /// The body text size; everything else is sized from it.
    pub body_size: f32,
}

impl Default for PageSettings {
    fn default() -> Self {
        PageSettings {
            width: 595.28,
            height: 841.89,
            margin: 56.7,
            furniture_band: 22.0,
            body_size: 11.0,
        }
    }
}

impl PageSettings {
    /// The page's size in the given orientation.
    pub fn size(&self, orientation: Orientation) -> (f32, f32) {
        match orientation {
            Orientation::Portrait => (self.width, self.height),
            Orientation::Landscape => (self.height, self.width),
        }
    }

    /// Where the body may print: inside the margins, below the header band
    /// and above the footer band.
    pub fn body_box(&self, orientation: Orientation) -> Rect {
        let (width, height) = self.size(orientation);
        Rect {
            x: self.margin,
            y: self.margin + self.furniture_band,
            width: width - 2.0 * self.margin,
            height: height - 2.0 * (self.margin + self.furniture_band),
        }
    }

    /// The band above the body that holds the running header.
    pub fn header_box(&self, orientation: Orientation) -> Rect {
        let (width, _) = self.size(orientation);
        Rect {
            x: self.margin,
            y: self.margin - self.furniture_band * 0.5,
            width: width - 2.0 * self.margin,
            height: self.furniture_band,
        }
    }

    /// The band below the body that holds the footer.
    pub fn footer_box(&self, orientation: Orientation) -> Rect {
        let (width, height) = self.size(orientation);
        Rect {
            x: self.margin,
            y: height - self.margin - self.furniture_band * 0.5,
            width: width - 2.0 * self.margin,
            height: self.furniture_band,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Orientation {
    #[default]
    Portrait,
    Landscape,
}

/// A rectangle in points, `y` measured down from the top of the page.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

impl Rect {
    pub fn right(&self) -> f32 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f32 {
        self.y + self.height
    }

    /// True when `other` lies inside this rectangle (allowing rounding).
    pub fn contains(&self, other: &Rect) -> bool {
        const SLACK: f32 = 0.01;
        other.x >= self.x - SLACK
            && other.y >= self.y - SLACK
            && other.right() <= self.right() + SLACK
            && other.bottom() <= self.bottom() + SLACK
    }

    /// True when the two rectangles share some area (touching is not overlapping).
    pub fn overlaps(&self, other: &Rect) -> bool {
        const SLACK: f32 = 0.01;
        self.x < other.right() - SLACK
            && other.x < self.right() - SLACK
            && self.y < other.bottom() - SLACK
            && other.y < self.bottom() - SLACK
    }
}

/// An sRGB colour, each channel 0–1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Colour {
    pub r: f32,
    pub g: f32,
    pub b: f32,
}

impl Colour {
    pub const BLACK: Colour = Colour::grey(0.0);
    /// Headings and rules: a dark council blue.
    pub const ACCENT: Colour = Colour::rgb(0x1f, 0x3a, 0x5f);
    pub const MUTED: Colour = Colour::grey(0.35);
    pub const GRID: Colour = Colour::grey(0.6);
    pub const HEADER_FILL: Colour = Colour::rgb(0xdc, 0xe4, 0xee);
    pub const GROUP_FILL: Colour = Colour::grey(0.92);
    /// A sub-group: lighter than its group.
    pub const SUBGROUP_FILL: Colour = Colour::grey(0.96);
    pub const WATERMARK: Colour = Colour::grey(0.88);
    pub const LINK: Colour = Colour::rgb(0x1a, 0x4f, 0x9c);

    pub const fn grey(level: f32) -> Colour {
        Colour {
            r: level,
            g: level,
            b: level,
        }
    }

    pub const fn rgb(r: u8, g: u8, b: u8) -> Colour {
        Colour {
            r: r as f32 / 255.0,
            g: g as f32 / 255.0,
            b: b as f32 / 255.0,
        }
    }

    /// Reads `#rrggbb`.
    pub fn from_hex(hex: &str) -> Option<Colour> {
        let digits = hex.trim().strip_prefix('#')?;
        if digits.len() != 6 || !digits.is_ascii() {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(&digits[i..i + 2], 16).ok();
        Some(Colour::rgb(channel(0)?, channel(2)?, channel(4)?))
    }
}

/// What a piece of text is for. Only `Content` comes from the plan's own
/// words; everything else is furniture the print engine adds, so tests can
/// tell them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// The plan's own words.
    Content,
    /// Labels the print engine adds (`Director:`, `Status:`).
    Label,
    /// List markers and rating dots the engine generates (`•`, `2.`, `●●●`).
    Marker,
    /// A contents line generated from a heading (the heading's words again).
    ContentsEntry,
    /// The page number on a contents line.
    ContentsPage,
    /// A table's header rows again, on a page the table continues onto.
    RepeatedHeader,
    RunningHeader,
    Footer,
    Watermark,
}

/// A run of text in one face, size and colour, on one baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    pub text: String,
    pub x: f32,
    /// The baseline, measured down from the top of the page.
    pub baseline: f32,
    pub face: Face,
    pub size: f32,
    pub colour: Colour,
    pub role: Role,
    pub underline: bool,
    /// A line through the glyphs (deleted words in a list of changes).
    pub strike: bool,
    /// Degrees anticlockwise about the run's start (only the watermark turns).
    pub rotation: f32,
    /// The next run continues this one's word with no space between
    /// (a word broken across lines or spans).
    pub joins_next: bool,
    /// The measured width.
    pub width: f32,
    /// The table column whose cell holds the run, counted from the row's
    /// first cell: the tagged PDF's TH/TD.
    pub cell: Option<u16>,
    /// The part of the plan it prints, by index in its page's `placed`
    /// (none for furniture, the cover and the contents).
    pub placed: Option<usize>,
    /// What the run is to a screen reader where its part does not say.
    pub tag: RunTag,
}

impl TextRun {
    /// Where the underline is drawn, down the page.
    pub fn underline_y(&self) -> f32 {
        self.baseline + self.size * 0.12
    }

    /// Where the strike-through is drawn: through the lower-case letters.
    pub fn strike_y(&self) -> f32 {
        self.baseline - self.size * 0.28
    }

    /// How thick the underline and the strike-through are.
    pub fn rule_weight(&self) -> f32 {
        self.size * 0.06
    }

    /// The box the glyphs occupy: from the ascender to the descender.
    pub fn bounds(&self) -> Rect {
        Rect {
            x: self.x,
            y: self.baseline - fonts::ASCENT * self.size,
            width: self.width,
            height: (fonts::ASCENT + fonts::DESCENT) * self.size,
        }
    }
}

/// Where a link goes.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkTarget {
    /// A page of this document (0-based) and the height on it.
    Page {
        page: usize,
        y: f32,
    },
    Uri(String),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Text(TextRun),
    /// A straight line of `width` points.
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        colour: Colour,
    },
    /// A filled rectangle with no outline.
    Fill {
        rect: Rect,
        colour: Colour,
    },
    /// A clickable area.
    Link {
        rect: Rect,
        target: LinkTarget,
    },
}

impl Item {
    /// The area the item covers on the page.
    pub fn bounds(&self) -> Rect {
        match self {
            Item::Text(run) => run.bounds(),
            Item::Line {
                from, to, width, ..
            } => {
                let half = width / 2.0;
                let (x0, x1) = (from.0.min(to.0), from.0.max(to.0));
                let (y0, y1) = (from.1.min(to.1), from.1.max(to.1));
                Rect {
                    x: x0 - if y0 == y1 { 0.0 } else { half },
                    y: y0 - if x0 == x1 { 0.0 } else { half },
                    width: x1 - x0 + if y0 == y1 { 0.0 } else { *width },
                    height: y1 - y0 + if x0 == x1 { 0.0 } else { *width },
                }
            }
            Item::Fill { rect, .. } | Item::Link { rect, .. } => *rect,
        }
    }

    pub fn as_text(&self) -> Option<&TextRun> {
        match self {
            Item::Text(run) => Some(run),
            _ => None,
        }
    }

    /// Moves the item right by `dx` and down the page by `dy`.
    pub(super) fn shift(&mut self, dx: f32, dy: f32) {
        match self {
            Item::Text(run) => {
                run.x += dx;
                run.baseline += dy;
            }
            Item::Line { from, to, .. } => {
                from.0 += dx;
                to.0 += dx;
                from.1 += dy;
                to.1 += dy;
            }
            Item::Fill { rect, .. } | Item::Link { rect, .. } => {
                rect.x += dx;
                rect.y += dy;
            }
        }
    }
}

/// What a page is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageKind {
    Cover,
    Contents,
    Body,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub kind: PageKind,
    pub orientation: Orientation,
    pub width: f32,
    pub height: f32,
    /// Drawn in order: later items paint over earlier ones.
    pub items: Vec<Item>,
    /// Which parts of the plan the body holds, top to bottom.
    pub placed: Vec<Placed>,
}

/// Where a layout warning points: the cover, the contents, or a section,
/// block, row and cell of the body.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    #[default]
    Cover,
    /// The contents page, or its `entry`th written entry (0-based).
    Contents {
        entry: Option<usize>,
    },
    Body(Location),
}

impl std::fmt::Display for Place {
    /// `cover`, `contents entry 3`, `sections[12]/blocks[2]/rows[4]`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::Cover => f.write_str("cover"),
            Place::Contents { entry: None } => f.write_str("contents"),
            Place::Contents { entry: Some(i) } => write!(f, "contents entry {}", i + 1),
            Place::Body(location) if location.sections.is_empty() => f.write_str("body title"),
            Place::Body(location) => write!(f, "{location}"),
        }
    }
}

/// Something the layout could not print as written, and where.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Warning {
    pub place: Place,
    pub message: String,
}

impl std::fmt::Display for Warning {
    /// `sections[3]/blocks[1]/rows[2]/cells[4]: "…" is wider than its column …`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

/// Problems worth telling the author about, each reported once per place.
#[derive(Clone, Debug, Default)]
pub(crate) struct Warnings {
    /// Where the text being laid out comes from: set by each pass as it
    /// goes, so warnings raised deep in line breaking name their place.
    pub place: Place,
    pub found: BTreeSet<Warning>,
}

impl Warnings {
    pub(crate) fn add(&mut self, message: impl Into<String>) {
        let place = self.place.clone();
        self.add_at(place, message);
    }

    pub(crate) fn add_at(&mut self, place: Place, message: impl Into<String>) {
        self.found.insert(Warning {
            place,
            message: message.into(),
        });
    }
}

/// A part of the plan and where it landed on a page, so tests and a
/// preview can find a section, block or row on the pages.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// Section, block and row, as the checks' findings name them; no
    /// sections for the body title.
    pub place: Location,
    pub part: Part,
    /// The area it takes on the page.
    pub rect: Rect,
    /// A table row's cells merged over the rows below: each one's column
    /// and the rows it covers (its own included).
    pub merged: Vec<(u16, u16)>,
    /// Lines it holds of a merged cell starting on an earlier row: their
    /// column and that row, whose cell they belong to.
    pub covered: Vec<(u16, usize)>,
}

/// What a placed part is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Part {
    /// A line of a paragraph, list, note or note under a table, or a row of
    /// a structure chart.
    #[default]
    Line,
    /// A line of a section's part label or heading, or of the body title.
    Heading,
    /// A line of a sub-heading among a section's blocks, of level 3 or 4.
    SubHeading(u8),
    /// A line of a table's caption.
    Caption,
    /// A table's caption again, marked "(continued)", on a page the table
    /// continues onto.
    ContinuedCaption,
    /// A table's header rows (again, on a page the table continues onto).
    TableHeader,
    /// A table row, or the part of it on this page.
    Row,
}

impl Page {
    pub fn text_runs(&self) -> impl Iterator<Item = &TextRun> {
        self.items.iter().filter_map(Item::as_text)
    }
}

/// An entry in the PDF's outline.
#[derive(Clone, Debug, PartialEq)]
pub struct Bookmark {
    pub title: String,
    /// 0-based page index.
    pub page: usize,
    /// 1 for a top-level section.
    pub level: usize,
    /// Where the section starts, down the page.
    pub y: f32,
}

/// A laid-out plan, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub pages: Vec<Page>,
    pub bookmarks: Vec<Bookmark>,
    pub title: String,
    pub author: String,
    pub subject: String,
    /// Anything the layout could not print as written (missing glyphs,
    /// words broken to fit, cells dropped), each with its place, in
    /// document order.
    pub warnings: Vec<Warning>,
}

impl Document {
    /// The first page (0-based) that prints `place` or a part of it: the
    /// page a preview or a warning points the author to.
    pub fn page_of(&self, place: &Place) -> Option<usize> {
        let within = |placed: &Placed| match place {
            Place::Body(location) => {
                placed.place.sections.starts_with(&location.sections)
                    && (location.block.is_none() || placed.place.block == location.block)
                    && (location.row.is_none() || placed.place.row == location.row)
            }
            _ => false,
        };
        match place {
            Place::Cover => Some(0),
            Place::Contents { .. } => {
                (self.pages.iter()).position(|p| p.kind == PageKind::Contents)
            }
            Place::Body(_) => (self.pages.iter()).position(|p| p.placed.iter().any(within)),
        }
    }
}
