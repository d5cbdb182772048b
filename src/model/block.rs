//! The blocks a section is made of: sub-headings, paragraphs, lists,
//! notes, tables and structure charts.

use super::table::Table;
use super::text::Rich;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Block {
    /// A run-in title among the blocks (an outcome's title, a partner's
    /// name over its paragraph): printed as a heading, not a sub-section.
    Heading(Heading),
    Paragraph(Rich),
    List(List),
    /// A note or footnote, printed in smaller type (`*Final figures due March 08`).
    Note(Note),
    Table(Table),
    /// The boxes of an organisation chart, top down.
    OrgChart(OrgChart),
}

impl Block {
    /// A short name for messages and the editor's block menu.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Block::Heading(_) => "sub-heading",
            Block::Paragraph(_) => "paragraph",
            Block::List(_) => "list",
            Block::Note(_) => "note",
            Block::Table(t) => t.kind.name(),
            Block::OrgChart(_) => "structure chart",
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Block::Heading(heading) => heading.text.is_empty(),
            Block::Paragraph(text) => text.is_empty(),
            Block::List(list) => list.items.iter().all(|i| i.text.is_empty()),
            Block::Note(note) => note.text.is_empty(),
            Block::Table(table) => table.rows.iter().all(|r| r.is_empty()),
            Block::OrgChart(chart) => chart.boxes.is_empty(),
        }
    }
}

/// A sub-heading: level 3 under a section's heading, 4 under a level-3
/// sub-heading.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Heading {
    #[serde(default = "Heading::default_level")]
    pub level: u8,
    pub text: Rich,
}

impl Heading {
    /// The levels a sub-heading may take.
    pub const LEVELS: std::ops::RangeInclusive<u8> = 3..=4;

    pub fn new(level: u8, text: impl Into<Rich>) -> Self {
        Heading {
            level: level.clamp(*Self::LEVELS.start(), *Self::LEVELS.end()),
            text: text.into(),
        }
    }

    fn default_level() -> u8 {
        *Self::LEVELS.start()
    }

    /// The level as printed: out-of-range levels read from a file are
    /// printed at the nearest one.
    pub fn printed_level(&self) -> u8 {
        self.level.clamp(*Self::LEVELS.start(), *Self::LEVELS.end())
    }
}

impl Default for Heading {
    fn default() -> Self {
        Heading::new(3, Rich::default())
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ListStyle {
    /// • items.
    #[default]
    Bullet,
    /// ▪ items.
    Square,
    /// – items, as used for nested items inside table cells.
    Dash,
    /// 1. 2. 3. (or the item's own explicit marker).
    Numbered,
    /// Items with no marker at all.
    Plain,
}

impl ListStyle {
    pub const ALL: [ListStyle; 5] = [
        ListStyle::Bullet,
        ListStyle::Square,
        ListStyle::Dash,
        ListStyle::Numbered,
        ListStyle::Plain,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ListStyle::Bullet => "• Bullets",
            ListStyle::Square => "▪ Squares",
            ListStyle::Dash => "– Dashes",
            ListStyle::Numbered => "1. Numbers",
            ListStyle::Plain => "No markers",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct List {
    #[serde(default)]
    pub style: ListStyle,
    pub items: Vec<ListItem>,
}

impl List {
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The marker printed before item `index` (0-based).
    pub fn marker(&self, index: usize) -> String {
        let item = &self.items[index];
        if !item.marker.is_empty() {
            return item.marker.clone();
        }
        match self.style {
            ListStyle::Bullet => "•".into(),
            ListStyle::Square => "▪".into(),
            ListStyle::Dash => "–".into(),
            ListStyle::Numbered => format!("{}.", index + 1),
            ListStyle::Plain => String::new(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListItem {
    /// An explicit marker that overrides the list's own, e.g. the risk
    /// register's non-sequential `15)`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub marker: String,
    pub text: Rich,
    /// A nested list under this item (empty for none).
    #[serde(default, skip_serializing_if = "List::is_empty")]
    pub children: List,
}

impl ListItem {
    pub fn new(text: impl Into<Rich>) -> Self {
        ListItem {
            marker: String::new(),
            text: text.into(),
            children: List::default(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// `*`, `Note 1:`; empty when the marker is part of the text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub marker: String,
    pub text: Rich,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrgChart {
    pub boxes: Vec<OrgBox>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrgBox {
    /// The lines printed in the box: name, post.
    pub lines: Vec<String>,
    /// Depth in the chart: 0 at the top.
    #[serde(default)]
    pub level: u8,
}
