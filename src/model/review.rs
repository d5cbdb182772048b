//! The review copy: the plan with its open comments printed. Each open
//! comment gets a number, shown as a raised `[n]` at what it concerns
//! (the heading, the end of a paragraph, the cell), and is listed under
//! that number after its section's own blocks, replies beneath it.
//!
//! It is made as a plan for the ordinary layout to print, so the review
//! copy looks like the plan in every other way. The sign-off print lays
//! out the plan itself, which never prints comments.

use super::comment::{Comment, concerns};
use super::{Block, Cell, CellBlock, List, ListItem, ListStyle, Location, Plan, Rich, Span};

/// The plan as its review copy prints it.
pub fn review_copy(plan: &Plan) -> Plan {
    let numbered: Vec<(usize, Location, String, Comment)> = plan
        .open_comments()
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let about = concerns(plan, &c.location);
            (i + 1, c.location, about, c.comment.clone())
        })
        .collect();
    let mut copy = plan.clone();
    for (n, at, _, _) in &numbered {
        mark(&mut copy, at, *n);
    }
    let mut sections: Vec<&Vec<usize>> = numbered.iter().map(|(_, at, ..)| &at.sections).collect();
    sections.dedup();
    for path in sections {
        let items = numbered
            .iter()
            .filter(|(_, at, ..)| &at.sections == path)
            .map(|(n, _, about, comment)| item(*n, about, comment))
            .collect();
        if let Some(section) = copy.section_mut(path) {
            // After the section's own blocks, before its sub-sections.
            section.blocks.push(Block::Paragraph(Rich(vec![Span {
                text: "Review comments".into(),
                bold: true,
                ..Span::default()
            }])));
            section.blocks.push(Block::List(List {
                style: ListStyle::Plain,
                items,
            }));
        }
    }
    copy
}

fn number_mark(n: usize) -> Span {
    Span {
        text: format!("[{n}]"),
        superscript: true,
        bold: true,
        ..Span::default()
    }
}

/// Puts comment `n`'s mark at what `at` names.
fn mark(plan: &mut Plan, at: &Location, n: usize) {
    let Some(section) = plan.section_mut(&at.sections) else {
        return;
    };
    let Some(block) = at.block.and_then(|b| section.blocks.get_mut(b)) else {
        section.heading.0.push(number_mark(n));
        return;
    };
    match (block, at.row) {
        (Block::Table(table), Some(r)) => {
            if let Some(row) = table.rows.get_mut(r) {
                let column = at.column.unwrap_or(0);
                if row.cells.len() <= column {
                    row.cells.resize(column + 1, Cell::default());
                }
                mark_cell(&mut row.cells[column], n);
            }
        }
        (Block::Paragraph(text), _) => text.0.push(number_mark(n)),
        (Block::Heading(heading), _) => heading.text.0.push(number_mark(n)),
        (Block::Note(note), _) => note.text.0.push(number_mark(n)),
        (Block::List(list), _) => match list.items.first_mut() {
            Some(item) => item.text.0.push(number_mark(n)),
            None => list.items.push(ListItem::new(Rich(vec![number_mark(n)]))),
        },
        (Block::Table(table), None) => match table.columns.first_mut() {
            Some(column) => column.label.0.push(number_mark(n)),
            None => table.caption.push(Rich(vec![number_mark(n)])),
        },
        (Block::OrgChart(chart), _) => {
            if let Some(line) = chart.boxes.first_mut().and_then(|b| b.lines.first_mut()) {
                line.push_str(&format!(" [{n}]"));
            }
        }
    }
}

/// The mark at the end of the cell's last paragraph.
fn mark_cell(cell: &mut Cell, n: usize) {
    let last_para = cell.0.iter_mut().rev().find_map(|b| match b {
        CellBlock::Para(text) => Some(text),
        _ => None,
    });
    match last_para {
        Some(text) => text.0.push(number_mark(n)),
        None => cell.0.push(CellBlock::Para(Rich(vec![number_mark(n)]))),
    }
}

/// `[1]  Ann Smith, 1 Dec 2026, on revenue budget, row 3: Who leads?`
/// with its replies beneath.
fn item(n: usize, about: &str, comment: &Comment) -> ListItem {
    let by = |author: &str, date: &str| {
        let mut spans = vec![Span {
            text: author.to_owned(),
            bold: true,
            ..Span::default()
        }];
        if !date.trim().is_empty() {
            spans.push(Span::plain(format!(", {date}")));
        }
        spans
    };
    let mut text = by(&comment.author, &comment.date);
    text.push(Span::plain(format!(", on {about}: {}", comment.text)));
    let replies = comment
        .replies
        .iter()
        .map(|reply| {
            let mut text = by(&reply.author, &reply.date);
            text.push(Span::plain(format!(": {}", reply.text)));
            ListItem::new(Rich(text).normalized())
        })
        .collect();
    ListItem {
        marker: format!("[{n}]"),
        text: Rich(text).normalized(),
        children: List {
            style: ListStyle::Dash,
            items: replies,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Column, ColumnKind, Row, RowKind, Section, Table, TableKind};

    #[test]
    fn open_comments_are_numbered_marked_and_listed_after_their_section() {
        let mut table = Table::new(
            TableKind::Generic,
            vec![Column::new("Lead", ColumnKind::Lead)],
        );
        table
            .rows
            .push(Row::new(RowKind::Data, vec![Cell::text("JB")]));
        let mut section = Section::new("Actions");
        section.blocks = vec![Block::Paragraph("Intro".into()), Block::Table(table)];
        let mut plan = crate::edit::test_plan();
        plan.sections = vec![section];
        plan.add_comment(
            &Location::section(&[0]),
            Comment::new("Ann", "1 Dec", "Heading?"),
        );
        let mut done = Comment::new("Ann", "", "Settled");
        done.resolved = true;
        plan.add_comment(&Location::block(&[0], 0), done);
        let mut cell = Comment::new("Bo", "", "Who is JB?");
        cell.replies.push(crate::model::Reply {
            author: "Ann".into(),
            date: String::new(),
            text: "Jo Brown".into(),
        });
        plan.add_comment(&Location::cell(&[0], 1, 0, Some(0)), cell);

        let copy = review_copy(&plan);
        let s = &copy.sections[0];
        assert_eq!(s.heading.to_plain(), "Actions[1]");
        assert_eq!(
            s.blocks[0], plan.sections[0].blocks[0],
            "a resolved comment is not printed"
        );
        let Block::Table(t) = &s.blocks[1] else {
            unreachable!()
        };
        assert_eq!(t.rows[0].cells[0].as_text().unwrap(), "JB[2]");
        let Block::List(list) = &s.blocks[3] else {
            unreachable!()
        };
        assert_eq!(list.items.len(), 2);
        assert_eq!(list.items[0].marker, "[1]");
        assert_eq!(
            list.items[0].text.to_plain(),
            "Ann, 1 Dec, on the section: Heading?"
        );
        assert_eq!(
            list.items[1].text.to_plain(),
            "Bo, on table, row 1, column “Lead”: Who is JB?"
        );
        assert_eq!(
            list.items[1].children.items[0].text.to_plain(),
            "Ann: Jo Brown"
        );
    }
}
