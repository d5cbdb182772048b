//! Review comments: a reviewer's remark on a section, a block, a table row
//! or a cell, with a thread of replies, kept in the plan file so a
//! reviewer's copy comes back with its comments in it.
//!
//! Where a comment is kept is what anchors it, so it survives edits
//! elsewhere without ids to keep unique:
//! - comments on a row or one of its cells are kept in the row itself
//!   (`Row::comments`), so inserting, moving or deleting other rows, or
//!   sorting the table, takes them along; a comment on a cell names its
//!   column, which the column operations keep up to date;
//! - comments on a section or one of its blocks are kept in the section
//!   (`Section::comments`), so moving the section takes them along; a
//!   comment on a block names its index, which the block operations (the
//!   only way blocks move) keep up to date. A comment on a block that is
//!   removed stays on its section: the reviewer's words are never lost.

use super::{Block, Location, Plan, Section};
use serde::{Deserialize, Serialize};

/// A reviewer's comment and the replies to it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    pub author: String,
    /// As written (`1 Dec 2026`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub resolved: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replies: Vec<Reply>,
    /// In a section's comments: the block it concerns (none: the section).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block: Option<usize>,
    /// In a row's comments: the column of the cell it concerns (none: the row).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

/// One reply in a comment's thread.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reply {
    pub author: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    pub text: String,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Comment {
    pub fn new(author: &str, date: &str, text: &str) -> Self {
        Comment {
            author: author.into(),
            date: date.into(),
            text: text.into(),
            ..Comment::default()
        }
    }

    pub fn is_open(&self) -> bool {
        !self.resolved
    }
}

/// Which comment: the section (and row) that keeps it and its index there.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CommentId {
    pub section: Vec<usize>,
    /// The block and row, for a comment kept in a table row.
    pub row: Option<(usize, usize)>,
    pub index: usize,
}

/// A comment with where it is and what it concerns.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed<'a> {
    pub id: CommentId,
    /// What the comment concerns, for jumps and findings.
    pub location: Location,
    pub comment: &'a Comment,
}

impl Plan {
    /// Every comment in document order: a section's own comments (on the
    /// section, then on its blocks in order, rows within their block),
    /// then its sub-sections'.
    pub fn comments(&self) -> Vec<Placed<'_>> {
        let mut out = Vec::new();
        for (path, section) in self.walk_sections() {
            section_comments(&path, section, &mut out);
        }
        out
    }

    /// The open comments, in document order.
    pub fn open_comments(&self) -> Vec<Placed<'_>> {
        let mut open = self.comments();
        open.retain(|c| c.comment.is_open());
        open
    }

    pub fn comment(&self, id: &CommentId) -> Option<&Comment> {
        let section = self.section(&id.section)?;
        match id.row {
            None => section.comments.get(id.index),
            Some((b, r)) => match section.blocks.get(b)? {
                Block::Table(t) => t.rows.get(r)?.comments.get(id.index),
                _ => None,
            },
        }
    }

    pub fn comment_mut(&mut self, id: &CommentId) -> Option<&mut Comment> {
        let section = self.section_mut(&id.section)?;
        match id.row {
            None => section.comments.get_mut(id.index),
            Some((b, r)) => match section.blocks.get_mut(b)? {
                Block::Table(t) => t.rows.get_mut(r)?.comments.get_mut(id.index),
                _ => None,
            },
        }
    }

    /// Attaches `comment` to what `at` names: a row or cell (kept in the
    /// row), else a block or the section (kept in the section). Returns its
    /// id, or `None` when `at` names nothing in the plan (or the cover).
    pub fn add_comment(&mut self, at: &Location, mut comment: Comment) -> Option<CommentId> {
        let section = self.section_mut(&at.sections)?;
        match (at.block, at.row) {
            (Some(b), Some(r)) => {
                let Block::Table(table) = section.blocks.get_mut(b)? else {
                    return None;
                };
                let row = table.rows.get_mut(r)?;
                comment.block = None;
                comment.column = at.column;
                row.comments.push(comment);
                Some(CommentId {
                    section: at.sections.clone(),
                    row: Some((b, r)),
                    index: row.comments.len() - 1,
                })
            }
            (block, _) => {
                if block.is_some_and(|b| b >= section.blocks.len()) {
                    return None;
                }
                comment.block = block;
                comment.column = None;
                section.comments.push(comment);
                Some(CommentId {
                    section: at.sections.clone(),
                    row: None,
                    index: section.comments.len() - 1,
                })
            }
        }
    }
}

fn section_comments<'a>(path: &[usize], section: &'a Section, out: &mut Vec<Placed<'a>>) {
    let kept = |index: usize, comment: &'a Comment| Placed {
        id: CommentId {
            section: path.to_vec(),
            row: None,
            index,
        },
        location: match comment.block {
            Some(b) => Location::block(path, b),
            None => Location::section(path),
        },
        comment,
    };
    let mut own: Vec<Placed<'a>> = section
        .comments
        .iter()
        .enumerate()
        .map(|(i, c)| kept(i, c))
        .collect();
    for (b, block) in section.blocks.iter().enumerate() {
        let Block::Table(table) = block else { continue };
        for (r, row) in table.rows.iter().enumerate() {
            for (i, comment) in row.comments.iter().enumerate() {
                own.push(Placed {
                    id: CommentId {
                        section: path.to_vec(),
                        row: Some((b, r)),
                        index: i,
                    },
                    location: Location::cell(path, b, r, comment.column),
                    comment,
                });
            }
        }
    }
    // Stable: a place's comments stay in the order they were written.
    own.sort_by(|a, b| a.location.cmp(&b.location));
    out.extend(own);
}

/// How a list of blocks, rows or columns changed, for the comments that
/// name an index in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemMove {
    /// Two neighbours traded places (a move up or down).
    Swap(usize, usize),
    Remove(usize),
    /// A new item at this index.
    Insert(usize),
}

impl ItemMove {
    /// Where the item that was at `i` is now; `None` if it was removed.
    pub fn new_index(self, i: usize) -> Option<usize> {
        match self {
            ItemMove::Swap(a, b) if i == a => Some(b),
            ItemMove::Swap(a, b) if i == b => Some(a),
            ItemMove::Swap(..) => Some(i),
            ItemMove::Remove(r) if i == r => None,
            ItemMove::Remove(r) if i > r => Some(i - 1),
            ItemMove::Remove(_) => Some(i),
            ItemMove::Insert(at) if i >= at => Some(i + 1),
            ItemMove::Insert(_) => Some(i),
        }
    }
}

/// Keeps the comments on a section's blocks on their blocks when block
/// `op` has moved or removed one (call after it succeeded).
pub fn follow_block_move(section: &mut Section, op: ItemMove) {
    for comment in &mut section.comments {
        comment.block = comment.block.and_then(|b| op.new_index(b));
    }
}

/// Keeps the comments on a table's cells on their cells after a column
/// move or removal (a removed column's comments stay on their row).
pub fn follow_column_move(table: &mut super::Table, op: ItemMove) {
    for row in &mut table.rows {
        for comment in &mut row.comments {
            comment.column = comment.column.and_then(|c| op.new_index(c));
        }
    }
}

/// What a comment concerns, in words: `the section`, `Paragraph 2`,
/// `action plan, row 3`, `revenue budget, row 3, column “Lead”`.
pub fn concerns(plan: &Plan, at: &Location) -> String {
    let Some(section) = plan.section(&at.sections) else {
        return "the cover".into();
    };
    let Some(b) = at.block else {
        return "the section".into();
    };
    let Some(block) = section.blocks.get(b) else {
        return "the section".into();
    };
    let (Some(r), Block::Table(table)) = (at.row, block) else {
        return format!("{} {}", capitalised(block.kind_name()), b + 1);
    };
    let row = format!("{}, row {}", block.kind_name(), r + 1);
    match at.column {
        Some(c) => match table.column_name(c).trim() {
            "" => format!("{row}, column {}", c + 1),
            name => format!("{row}, column “{name}”"),
        },
        None => row,
    }
}

/// A comment in one line, for findings and lists:
/// `Ann Smith (1 Dec 2026): Who leads this?`.
pub fn summary(comment: &Comment) -> String {
    let text = comment
        .text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    match comment.date.trim() {
        "" => format!("{}: {text}", comment.author),
        date => format!("{} ({date}): {text}", comment.author),
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cell, Column, ColumnKind, Row, RowKind, Table, TableKind};

    fn plan() -> Plan {
        let mut table = Table::new(
            TableKind::Generic,
            vec![
                Column::new("Action", ColumnKind::Text),
                Column::new("Lead", ColumnKind::Lead),
            ],
        );
        for name in ["Recruit", "Train"] {
            table.rows.push(Row::new(
                RowKind::Data,
                vec![Cell::text(name), Cell::text("JB")],
            ));
        }
        let mut section = Section::new("Actions");
        section.blocks = vec![
            Block::Paragraph("Intro".into()),
            Block::Table(table),
            Block::Paragraph("Close".into()),
        ];
        let mut plan = crate::edit::test_plan();
        plan.sections = vec![section];
        plan
    }

    #[test]
    fn a_comment_on_a_row_stays_on_it_when_rows_are_inserted_above() {
        let mut p = plan();
        let id = p
            .add_comment(
                &Location::cell(&[0], 1, 1, Some(1)),
                Comment::new("Ann", "1 Dec 2026", "Who is JB?"),
            )
            .unwrap();
        assert_eq!(p.comment(&id).unwrap().column, Some(1));
        let Block::Table(t) = &mut p.sections[0].blocks[1] else {
            unreachable!()
        };
        let blank = t.blank_row(RowKind::Data);
        t.rows.insert(0, blank);
        let all = p.comments();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].location, Location::cell(&[0], 1, 2, Some(1)));
        assert_eq!(all[0].comment.text, "Who is JB?");
    }

    #[test]
    fn comments_on_blocks_follow_moves_and_outlive_removals() {
        let mut p = plan();
        p.add_comment(&Location::block(&[0], 2), Comment::new("A", "", "close"));
        p.add_comment(&Location::block(&[0], 0), Comment::new("A", "", "intro"));
        let s = &mut p.sections[0];
        s.blocks.swap(1, 2);
        follow_block_move(s, ItemMove::Swap(1, 2));
        assert_eq!(s.comments[0].block, Some(1));
        s.blocks.remove(0);
        follow_block_move(s, ItemMove::Remove(0));
        assert_eq!(s.comments[0].block, Some(0), "later blocks move up");
        assert_eq!(s.comments[1].block, None, "kept on the section");
        assert_eq!(s.comments[1].text, "intro");
    }

    #[test]
    fn comments_are_listed_in_document_order_and_open_ones_filtered() {
        let mut p = plan();
        p.add_comment(
            &Location::cell(&[0], 1, 0, None),
            Comment::new("B", "", "row"),
        );
        p.add_comment(&Location::block(&[0], 2), Comment::new("B", "", "last"));
        let heading = p
            .add_comment(&Location::section(&[0]), Comment::new("B", "", "heading"))
            .unwrap();
        let texts: Vec<&str> = p
            .comments()
            .iter()
            .map(|c| c.comment.text.as_str())
            .collect();
        assert_eq!(texts, ["heading", "row", "last"]);
        p.comment_mut(&heading).unwrap().resolved = true;
        assert_eq!(p.open_comments().len(), 2);
        assert!(
            p.add_comment(&Location::cover(), Comment::default())
                .is_none()
        );
        assert!(
            p.add_comment(&Location::block(&[0], 9), Comment::default())
                .is_none()
        );
    }

    #[test]
    fn a_removed_column_leaves_its_comments_on_the_row() {
        let mut p = plan();
        p.add_comment(
            &Location::cell(&[0], 1, 0, Some(1)),
            Comment::new("C", "", "x"),
        );
        let Block::Table(t) = &mut p.sections[0].blocks[1] else {
            unreachable!()
        };
        follow_column_move(t, ItemMove::Insert(0));
        assert_eq!(t.rows[0].comments[0].column, Some(2));
        follow_column_move(t, ItemMove::Remove(2));
        assert_eq!(t.rows[0].comments[0].column, None);
    }
}
