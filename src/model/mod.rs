//! The plan document: everything an operating plan holds, kept exactly as
//! the author wrote it. Layout, PDF and UI all read from here.

pub mod arithmetic;
mod block;
pub mod check;
pub mod comment;
mod content;
pub mod figure;
pub mod file;
pub mod migrate;
pub mod nesting;
pub mod output;
pub mod period;
mod pretty;
pub mod review;
pub mod spans;
mod table;
mod text;
mod unit;
pub mod unit_check;

pub use block::{Block, Heading, List, ListItem, ListStyle, Note, OrgBox, OrgChart};
pub use comment::{Comment, CommentId, Reply};
pub use content::{has_own_words, text_of_blocks};
pub use table::{
    Cell, CellBlock, Column, ColumnKind, HeaderCell, Rating, Row, RowKind, RowSpan, Table,
    TableKind,
};
pub use text::{Rich, Span};
pub use unit::{Unit, unit_index};

use serde::{Deserialize, Serialize};

/// The version of the file format this build writes.
pub const FORMAT_VERSION: u32 = 4;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub format_version: u32,
    /// The template the plan was started from (`operating-plan-2008`).
    pub template: String,
    pub cover: Cover,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sign_off: Vec<SignOff>,
    pub contents: Contents,
    /// The title at the top of the first body page
    /// (`ANNUAL OPERATING PLAN 2008/09`); may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub body_title: String,
    /// The plan's rating scale: what each band of dots means.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rating_scale: Vec<RatingBand>,
    /// Words the spelling check accepts in this plan besides the
    /// dictionary's: the unit's names and jargon, learned once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dictionary: Vec<String>,
    /// The business units the plan covers, each with its own sections
    /// or tables (empty for a plan of one unit).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<Unit>,
    pub sections: Vec<Section>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cover {
    pub directorate: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub division: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// The full title as printed (`Annual Business Plan 2008/9`).
    pub title: String,
    /// The plan year (`2008/09`), printed only where the title lacks it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub year: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cabinet_members: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub director: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
    /// Anything else the cover shows (`kent.gov.uk`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_lines: Vec<String>,
}

impl Cover {
    /// `Cabinet Member:` or `Cabinet Members:`, by count.
    pub fn cabinet_label(&self) -> &'static str {
        if self.cabinet_members.len() > 1 {
            "Cabinet Members:"
        } else {
            "Cabinet Member:"
        }
    }

    /// The unit's name for running headers: the unit, else the division,
    /// else the directorate.
    pub fn owner(&self) -> &str {
        [&self.unit, &self.division, &self.directorate]
            .into_iter()
            .find(|s| !s.trim().is_empty())
            .map(String::as_str)
            .unwrap_or("")
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PlanState {
    #[default]
    Draft,
    ForSmtReview,
    SignedOff,
}

impl PlanState {
    pub const ALL: [PlanState; 3] = [
        PlanState::Draft,
        PlanState::ForSmtReview,
        PlanState::SignedOff,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PlanState::Draft => "Draft",
            PlanState::ForSmtReview => "For SMT review",
            PlanState::SignedOff => "Signed off",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Status {
    pub state: PlanState,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub version: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
}

/// Who signed the plan off, in what role, when.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignOff {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
}

/// The contents page: generated from the section headings, or stored as
/// the author wrote it (the real plans word it differently from their own
/// headings).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contents {
    /// `CONTENTS`, `Contents`, or empty for no heading.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Empty: generate from the headings. Otherwise printed as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<ContentsEntry>,
    /// How many top-level sections come before the contents page (a
    /// foreword); usually none.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub after_sections: usize,
    /// A generated contents lists the plan-wide sections, then each
    /// unit's sections and tables under the unit's name.
    #[serde(default, skip_serializing_if = "is_false")]
    pub by_unit: bool,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContentsEntry {
    pub text: String,
    /// The section this entry stands for: its template slot (`budget`) or
    /// its heading as printed. Empty: found by the entry's wording, which
    /// suits entries worded like their heading. Real plans word their
    /// contents differently from their headings, so the seeds name slots.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub section: String,
    /// 1 for a top-level entry, 2 for a sub-entry.
    #[serde(default = "level_one")]
    pub level: u8,
}

fn level_one() -> u8 {
    1
}

/// One band of the rating scale: its dots' count, colour and the labels
/// the plan uses for it (`2`: `Inadequate`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatingBand {
    pub band: u8,
    pub labels: Vec<String>,
    /// `#rrggbb`, the colour the dots are printed in.
    pub colour: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The template's slot this section fills (`purpose`, `budget`), if any.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub slot: String,
    /// A part label printed above the heading
    /// (`SECTION 2: PRIORITIES AND OBJECTIVES`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub part: String,
    /// The heading's own numbering (`1.`, `APPENDIX 1 –`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub number: String,
    /// The heading as printed; empty for a section printed without one.
    pub heading: Rich,
    /// Guidance the author wrote over the template's; empty: the guidance
    /// of the template's slot is shown ([`crate::template::guidance`]).
    /// Shown in the forms, never printed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub guidance: String,
    /// This section must be filled in, besides the sections the template's
    /// slots require ([`crate::template::is_required`]).
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    /// Start this section on a new page.
    #[serde(default, skip_serializing_if = "is_false")]
    pub new_page: bool,
    /// The unit this section and its sub-sections belong to, by a name
    /// [`Plan::unit`] resolves; empty for the whole plan's.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocks: Vec<Block>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subsections: Vec<Section>,
    /// Review comments on the section and its blocks (see [`comment`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Comment>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Section {
    pub fn new(heading: impl Into<Rich>) -> Self {
        Section {
            heading: heading.into(),
            ..Section::default()
        }
    }

    /// The heading with its number, as plain text (for trees, bookmarks
    /// and the contents). Raised marks at its end (a footnote's, or a
    /// review comment's `[1]`) are left out: a bookmark or contents line
    /// cannot raise them, and would run them into the last word.
    pub fn title(&self) -> String {
        let spans = &self.heading.0;
        let end = spans.len()
            - (spans.iter().rev())
                .take_while(|span| span.superscript || span.text.trim().is_empty())
                .count();
        let heading: String = spans[..end].iter().map(|span| span.text.as_str()).collect();
        match (self.number.is_empty(), heading.trim().is_empty()) {
            (true, _) => heading,
            (false, true) => self.number.clone(),
            (false, false) => format!("{} {}", self.number, heading),
        }
    }

    /// True when neither the section nor any sub-section has content.
    pub fn is_empty(&self) -> bool {
        self.blocks.iter().all(Block::is_empty) && self.subsections.iter().all(Section::is_empty)
    }
}

/// Where something is in a plan: section indices down the tree, then
/// optionally a block, a row and a column.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Location {
    pub sections: Vec<usize>,
    pub block: Option<usize>,
    pub row: Option<usize>,
    pub column: Option<usize>,
}

impl Location {
    /// The cover, status and sign-off: no section.
    pub fn cover() -> Self {
        Location::default()
    }

    pub fn is_cover(&self) -> bool {
        self.sections.is_empty()
    }

    pub fn section(path: &[usize]) -> Self {
        Location {
            sections: path.to_vec(),
            ..Location::default()
        }
    }

    pub fn block(path: &[usize], block: usize) -> Self {
        Location {
            sections: path.to_vec(),
            block: Some(block),
            ..Location::default()
        }
    }

    pub fn cell(path: &[usize], block: usize, row: usize, column: Option<usize>) -> Self {
        Location {
            sections: path.to_vec(),
            block: Some(block),
            row: Some(row),
            column,
        }
    }
}

impl std::fmt::Display for Location {
    /// `sections[12]/sections[0]/blocks[2]/rows[4]/cells[7]`, or `cover`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_cover() {
            return f.write_str("cover");
        }
        let mut parts: Vec<String> = self
            .sections
            .iter()
            .map(|i| format!("sections[{i}]"))
            .collect();
        if let Some(b) = self.block {
            parts.push(format!("blocks[{b}]"));
        }
        if let Some(r) = self.row {
            parts.push(format!("rows[{r}]"));
        }
        if let Some(c) = self.column {
            parts.push(format!("cells[{c}]"));
        }
        f.write_str(&parts.join("/"))
    }
}

impl Plan {
    /// The section at `path`.
    pub fn section(&self, path: &[usize]) -> Option<&Section> {
        let (first, rest) = path.split_first()?;
        let mut section = self.sections.get(*first)?;
        for &i in rest {
            section = section.subsections.get(i)?;
        }
        Some(section)
    }

    pub fn section_mut(&mut self, path: &[usize]) -> Option<&mut Section> {
        let (first, rest) = path.split_first()?;
        let mut section = self.sections.get_mut(*first)?;
        for &i in rest {
            section = section.subsections.get_mut(i)?;
        }
        Some(section)
    }

    /// Every section, depth first, with its path.
    pub fn walk_sections(&self) -> Vec<(Vec<usize>, &Section)> {
        fn walk<'a>(
            sections: &'a [Section],
            prefix: &mut Vec<usize>,
            out: &mut Vec<(Vec<usize>, &'a Section)>,
        ) {
            for (i, s) in sections.iter().enumerate() {
                prefix.push(i);
                out.push((prefix.clone(), s));
                walk(&s.subsections, prefix, out);
                prefix.pop();
            }
        }
        let mut out = Vec::new();
        walk(&self.sections, &mut Vec::new(), &mut out);
        out
    }

    /// Signed off, and the sign-off says by whom: only then does a plan
    /// print as signed off.
    pub fn is_signed_off(&self) -> bool {
        self.status.state == PlanState::SignedOff
            && self.sign_off.iter().any(|s| !s.name.trim().is_empty())
    }

    /// The colour of a rating band on this plan's scale.
    pub fn band_colour(&self, band: u8) -> Option<&str> {
        self.rating_scale
            .iter()
            .find(|b| b.band == band)
            .map(|b| b.colour.as_str())
    }
}
