//! What changed between two versions of a plan, by structure rather than by
//! lines of RON: sections are matched by their slot or heading (so a moved
//! section is a move, not a delete and an add), blocks and table rows by
//! content, text word by word. The CLI prints the list, the layout prints
//! it as a document and the app jumps to each change's place.

mod align;
mod blocks;
mod sections;
mod words;

use crate::model::{Location, Plan};
pub use words::{Word, with_context, word_diff};

/// Every change from `old` to `new`, in the new plan's order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Diff {
    pub changes: Vec<Change>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// One change, with where it is in the new plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// Where the change is in the new plan (for something removed, where
    /// it was: the place it left). The cover for cover and status changes.
    pub place: Location,
    /// The section's title in the new plan (the old one's for a removed
    /// section); empty for the cover.
    pub section: String,
    pub what: What,
}

#[derive(Clone, Debug, PartialEq)]
pub enum What {
    /// A cover line (`title`, `director`…), as plain text.
    Cover {
        field: String,
        old: String,
        new: String,
    },
    /// The plan's state, version, date or sign-off.
    Status {
        field: String,
        old: String,
        new: String,
    },
    SectionAdded,
    SectionRemoved,
    /// From its old position to its new one, both as `2.3` (1-based).
    SectionMoved {
        from: String,
        to: String,
    },
    /// Words changed in a piece of text (`heading`, `paragraph 2`,
    /// `row "Staffing", column "Notes"`).
    Text {
        part: String,
        words: Vec<Word>,
    },
    /// A figure in a table: the row and column named, written values.
    Figure {
        row: String,
        column: String,
        old: String,
        new: String,
    },
    /// A table row, named by its first words.
    RowAdded {
        table: String,
        row: String,
    },
    RowRemoved {
        table: String,
        row: String,
    },
    RowMoved {
        table: String,
        row: String,
    },
    /// A block (`paragraph`, `KPI table`…) with its first words.
    BlockAdded {
        kind: String,
        summary: String,
    },
    BlockRemoved {
        kind: String,
        summary: String,
    },
    BlockMoved {
        kind: String,
        summary: String,
    },
}

impl What {
    /// A short name for the kind of change, for lists and tests.
    pub fn kind(&self) -> &'static str {
        match self {
            What::Cover { .. } => "cover",
            What::Status { .. } => "status",
            What::SectionAdded => "section added",
            What::SectionRemoved => "section removed",
            What::SectionMoved { .. } => "section moved",
            What::Text { .. } => "text",
            What::Figure { .. } => "figure",
            What::RowAdded { .. } => "row added",
            What::RowRemoved { .. } => "row removed",
            What::RowMoved { .. } => "row moved",
            What::BlockAdded { .. } => "block added",
            What::BlockRemoved { .. } => "block removed",
            What::BlockMoved { .. } => "block moved",
        }
    }
}

impl std::fmt::Display for What {
    /// One line: `figure, row "Staffing", column "2008-09": 1.0 → 2.0`;
    /// words as `[-deleted-]` and `{+inserted+}`, with some words around.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            What::Cover { field, old, new } => write!(f, "{field}: \"{old}\" → \"{new}\""),
            What::Status { field, old, new } => write!(f, "{field}: \"{old}\" → \"{new}\""),
            What::SectionAdded => f.write_str("section added"),
            What::SectionRemoved => f.write_str("section removed"),
            What::SectionMoved { from, to } => {
                write!(f, "section moved from position {from} to {to}")
            }
            What::Text { part, words } => write!(f, "{part}: {}", words::marked(words, 4)),
            What::Figure {
                row,
                column,
                old,
                new,
            } => write!(
                f,
                "figure, row \"{row}\", column \"{column}\": {old} → {new}"
            ),
            What::RowAdded { table, row } => write!(f, "row added to {table}: \"{row}\""),
            What::RowRemoved { table, row } => write!(f, "row removed from {table}: \"{row}\""),
            What::RowMoved { table, row } => write!(f, "row moved in {table}: \"{row}\""),
            What::BlockAdded { kind, summary } => write!(f, "{kind} added: \"{summary}\""),
            What::BlockRemoved { kind, summary } => write!(f, "{kind} removed: \"{summary}\""),
            What::BlockMoved { kind, summary } => write!(f, "{kind} moved: \"{summary}\""),
        }
    }
}

/// Compares two versions of a plan.
pub fn diff(old: &Plan, new: &Plan) -> Diff {
    let mut changes = Vec::new();
    cover_changes(old, new, &mut changes);
    sections::section_changes(old, new, &mut changes);
    Diff { changes }
}

fn cover_changes(old: &Plan, new: &Plan, out: &mut Vec<Change>) {
    let (a, b) = (&old.cover, &new.cover);
    let lines = |c: &crate::model::Cover| {
        vec![
            ("directorate", c.directorate.clone()),
            ("division", c.division.clone()),
            ("unit", c.unit.clone()),
            ("title", c.title.clone()),
            ("year", c.year.clone()),
            ("cabinet members", c.cabinet_members.join("; ")),
            ("director", c.director.clone()),
            ("contact", c.contact.clone()),
            ("other lines", c.other_lines.join("; ")),
            ("body title", String::new()),
        ]
    };
    let mut old_lines = lines(a);
    let mut new_lines = lines(b);
    old_lines.last_mut().unwrap().1 = old.body_title.clone();
    new_lines.last_mut().unwrap().1 = new.body_title.clone();
    for ((field, o), (_, n)) in old_lines.into_iter().zip(new_lines) {
        if o != n {
            out.push(cover_change(What::Cover {
                field: field.into(),
                old: o,
                new: n,
            }));
        }
    }
    let sign_off = |p: &Plan| {
        p.sign_off
            .iter()
            .map(|s| {
                [s.name.as_str(), s.role.as_str(), s.date.as_str()]
                    .into_iter()
                    .filter(|x| !x.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let status = [
        (
            "status",
            old.status.state.label().to_string(),
            new.status.state.label().to_string(),
        ),
        (
            "version",
            old.status.version.clone(),
            new.status.version.clone(),
        ),
        (
            "status date",
            old.status.date.clone(),
            new.status.date.clone(),
        ),
        ("signed off by", sign_off(old), sign_off(new)),
    ];
    for (field, o, n) in status {
        if o != n {
            out.push(cover_change(What::Status {
                field: field.into(),
                old: o,
                new: n,
            }));
        }
    }
}

fn cover_change(what: What) -> Change {
    Change {
        place: Location::cover(),
        section: String::new(),
        what,
    }
}

/// The first few words of `text`, for naming a row or a block.
pub(crate) fn summary(text: &str) -> String {
    const WORDS: usize = 8;
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = words[..words.len().min(WORDS)].join(" ");
    if words.len() > WORDS {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests;
