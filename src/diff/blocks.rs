//! Changes inside a section: blocks added, removed, moved or edited; in
//! an edited block, its words, list items, chart boxes or table rows.

use super::align::{Aligned, align};
use super::words::{Word, likeness, word_diff};
use super::{Change, What, summary};
use crate::model::{Block, Cell, CellBlock, ColumnKind, List, Location, Rich, Row, Table};

/// Words this much alike (0–1) are the same text edited.
const ALIKE: f32 = 0.3;

/// Where the changes found go: the section's place and title.
struct Sink<'a> {
    path: &'a [usize],
    title: &'a str,
    out: &'a mut Vec<Change>,
}

impl Sink<'_> {
    fn push(&mut self, place: Location, what: What) {
        self.out.push(Change {
            place,
            section: self.title.to_string(),
            what,
        });
    }

    fn text(&mut self, place: Location, part: String, old: &str, new: &str) {
        let words = word_diff(old, new);
        if words.iter().any(Word::is_change) {
            self.push(place, What::Text { part, words });
        }
    }
}

pub(super) fn block_changes(
    old: &[Block],
    new: &[Block],
    path: &[usize],
    title: &str,
    out: &mut Vec<Change>,
) {
    let mut sink = Sink { path, title, out };
    let block_place = |index: usize| {
        if new.is_empty() {
            Location::section(path)
        } else {
            Location::block(path, index.min(new.len() - 1))
        }
    };
    for step in align(old, new, pairable) {
        match step {
            Aligned::Same { .. } => {}
            Aligned::Changed { old: o, new: n } => {
                let part = ordinal_name(new, n);
                edited_block(&old[o], &new[n], n, part, &mut sink);
            }
            Aligned::Added { new: n } => sink.push(
                block_place(n),
                What::BlockAdded {
                    kind: new[n].kind_name().into(),
                    summary: summary(&block_text(&new[n])),
                },
            ),
            Aligned::Removed { old: o, at } => sink.push(
                block_place(at),
                What::BlockRemoved {
                    kind: old[o].kind_name().into(),
                    summary: summary(&block_text(&old[o])),
                },
            ),
            Aligned::Moved { old: o, new: n } => sink.push(
                block_place(n),
                What::BlockMoved {
                    kind: old[o].kind_name().into(),
                    summary: summary(&block_text(&new[n])),
                },
            ),
        }
    }
}

/// Two blocks are one block edited when they are of one kind and alike.
fn pairable(a: &Block, b: &Block) -> bool {
    match (a, b) {
        (Block::Table(x), Block::Table(y)) => x.kind == y.kind,
        (Block::OrgChart(_), Block::OrgChart(_)) => true,
        (Block::Paragraph(_), Block::Paragraph(_))
        | (Block::List(_), Block::List(_))
        | (Block::Note(_), Block::Note(_)) => likeness(&block_text(a), &block_text(b)) >= ALIKE,
        _ => false,
    }
}

/// `paragraph 2`: the block's kind and its count among blocks of that kind.
fn ordinal_name(blocks: &[Block], index: usize) -> String {
    let kind = blocks[index].kind_name();
    let nth = blocks[..=index]
        .iter()
        .filter(|b| b.kind_name() == kind)
        .count();
    let of_kind = blocks.iter().filter(|b| b.kind_name() == kind).count();
    if of_kind == 1 {
        kind.to_string()
    } else {
        format!("{kind} {nth}")
    }
}

fn edited_block(old: &Block, new: &Block, index: usize, part: String, sink: &mut Sink) {
    let place = Location::block(sink.path, index);
    match (old, new) {
        (Block::Paragraph(a), Block::Paragraph(b)) => rich_change(a, b, place, part, sink),
        (Block::Note(a), Block::Note(b)) => {
            sink.text(
                place.clone(),
                format!("{part} marker"),
                &a.marker,
                &b.marker,
            );
            rich_change(&a.text, &b.text, place, part, sink);
        }
        (Block::List(a), Block::List(b)) => {
            lines_change(&list_lines(a), &list_lines(b), place, &part, "item", sink)
        }
        (Block::OrgChart(a), Block::OrgChart(b)) => {
            let lines = |c: &crate::model::OrgChart| -> Vec<String> {
                c.boxes.iter().map(|b| b.lines.join(" / ")).collect()
            };
            lines_change(&lines(a), &lines(b), place, &part, "box", sink)
        }
        (Block::Table(a), Block::Table(b)) => table_changes(a, b, index, &part, sink),
        _ => {}
    }
}

/// Words changed, or (with the same words) the formatting.
fn rich_change(old: &Rich, new: &Rich, place: Location, part: String, sink: &mut Sink) {
    let (a, b) = (old.to_plain(), new.to_plain());
    if a.split_whitespace().ne(b.split_whitespace()) {
        sink.text(place, part, &a, &b);
    } else if old.clone().normalized() != new.clone().normalized() {
        let words = word_diff(&a, &b);
        sink.push(
            place,
            What::Text {
                part: format!("{part}, formatting"),
                words,
            },
        );
    }
}

/// A list's items, nested ones indented by their depth in the text.
fn list_lines(list: &List) -> Vec<String> {
    fn walk(list: &List, depth: usize, out: &mut Vec<String>) {
        for (i, item) in list.items.iter().enumerate() {
            let marker = list.marker(i);
            let text = item.text.to_plain();
            out.push(format!("{}{marker} {text}", "  ".repeat(depth)));
            walk(&item.children, depth + 1, out);
        }
    }
    let mut out = Vec::new();
    walk(list, 0, &mut out);
    out
}

/// Lines of a list or chart: each edited, added or removed line as words.
fn lines_change(
    old: &[String],
    new: &[String],
    place: Location,
    part: &str,
    noun: &str,
    sink: &mut Sink,
) {
    let alike = |a: &String, b: &String| likeness(a, b) >= ALIKE;
    for step in align(old, new, alike) {
        let (old_text, new_text, at) = match step {
            Aligned::Same { .. } => continue,
            Aligned::Changed { old: a, new: b } | Aligned::Moved { old: a, new: b } => {
                (old[a].as_str(), new[b].as_str(), b)
            }
            Aligned::Added { new: b } => ("", new[b].as_str(), b),
            Aligned::Removed { old: a, at } => (old[a].as_str(), "", at),
        };
        let label = format!("{part}, {noun} {}", at + 1);
        let words = word_diff(old_text, new_text);
        let words = if words.iter().any(Word::is_change) {
            words
        } else {
            // Moved unchanged: show it as taken out and put back.
            word_diff(old_text, "")
                .into_iter()
                .chain(word_diff("", new_text))
                .collect()
        };
        sink.push(place.clone(), What::Text { part: label, words });
    }
}

fn block_text(block: &Block) -> String {
    match block {
        Block::Paragraph(r) => r.to_plain(),
        Block::Heading(h) => h.text.to_plain(),
        Block::Note(n) => format!("{} {}", n.marker, n.text.to_plain()),
        Block::List(l) => list_lines(l).join(" "),
        Block::OrgChart(c) => c
            .boxes
            .iter()
            .map(|b| b.lines.join(" "))
            .collect::<Vec<_>>()
            .join(" "),
        Block::Table(t) => {
            let caption: Vec<String> = t.caption.iter().map(Rich::to_plain).collect();
            let first = t.rows.first().map(row_text).unwrap_or_default();
            format!("{} {first}", caption.join(" "))
        }
    }
}

/// A cell's words: paragraphs, list items and rating labels.
pub(super) fn cell_text(cell: &Cell) -> String {
    let mut parts: Vec<String> = Vec::new();
    for block in &cell.0 {
        match block {
            CellBlock::Para(r) => parts.push(r.to_plain()),
            CellBlock::List(l) => parts.extend(list_lines(l)),
            CellBlock::Rating(r) => parts.push(format!("({}) {}", r.band, r.label)),
        }
    }
    parts.join(" ")
}

fn row_text(row: &Row) -> String {
    row.cells
        .iter()
        .map(cell_text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A row's name: its first cell with words in it.
fn row_name(row: &Row) -> String {
    let first = row
        .cells
        .iter()
        .map(cell_text)
        .find(|t| !t.trim().is_empty())
        .unwrap_or_default();
    summary(&first)
}

fn table_changes(old: &Table, new: &Table, index: usize, part: &str, sink: &mut Sink) {
    let place = Location::block(sink.path, index);
    let joined = |lines: &[Rich]| {
        lines
            .iter()
            .map(Rich::to_plain)
            .collect::<Vec<_>>()
            .join(" ")
    };
    sink.text(
        place.clone(),
        format!("{part}, caption"),
        &joined(&old.caption),
        &joined(&new.caption),
    );
    let headers = |t: &Table| {
        let extra = t.header_rows.iter().flatten().map(|h| h.text.to_plain());
        let labels = t.columns.iter().map(|c| c.label.to_plain());
        extra.chain(labels).collect::<Vec<_>>().join(" | ")
    };
    sink.text(
        place.clone(),
        format!("{part}, column headings"),
        &headers(old),
        &headers(new),
    );
    let table_name = part.to_string();
    let path = sink.path.to_vec();
    let row_place = |r: usize| {
        if new.rows.is_empty() {
            Location::block(&path, index)
        } else {
            Location::cell(&path, index, r.min(new.rows.len() - 1), None)
        }
    };
    let alike = |a: &Row, b: &Row| {
        a.kind == b.kind
            && (a.cells.first().map(cell_text) == b.cells.first().map(cell_text)
                || likeness(&row_text(a), &row_text(b)) >= 0.5)
    };
    for step in align(&old.rows, &new.rows, alike) {
        match step {
            Aligned::Same { .. } => {}
            Aligned::Changed { old: o, new: n } => {
                cell_changes(new, &old.rows[o], &new.rows[n], &path, index, n, sink)
            }
            Aligned::Added { new: n } => sink.push(
                row_place(n),
                What::RowAdded {
                    table: table_name.clone(),
                    row: row_name(&new.rows[n]),
                },
            ),
            Aligned::Removed { old: o, at } => sink.push(
                row_place(at),
                What::RowRemoved {
                    table: table_name.clone(),
                    row: row_name(&old.rows[o]),
                },
            ),
            Aligned::Moved { new: n, .. } => sink.push(
                row_place(n),
                What::RowMoved {
                    table: table_name.clone(),
                    row: row_name(&new.rows[n]),
                },
            ),
        }
    }
    let notes = |t: &Table| {
        t.notes
            .iter()
            .map(|n| format!("{} {}", n.marker, n.text.to_plain()))
            .collect::<Vec<_>>()
            .join(" ")
    };
    sink.text(place, format!("{part}, notes"), &notes(old), &notes(new));
}

/// Cells of one row edited: figures as old → new, text word by word.
fn cell_changes(
    table: &Table,
    old: &Row,
    new: &Row,
    path: &[usize],
    block: usize,
    row: usize,
    sink: &mut Sink,
) {
    let name = row_name(new);
    let empty = Cell::default();
    for column in 0..old.cells.len().max(new.cells.len()) {
        let a = old.cells.get(column).unwrap_or(&empty);
        let b = new.cells.get(column).unwrap_or(&empty);
        if a == b {
            continue;
        }
        let (a, b) = (cell_text(a), cell_text(b));
        let place = Location::cell(path, block, row, Some(column));
        let column_name = summary(&table.column_name(column));
        let kind = table.columns.get(column).map(|c| c.kind);
        if kind.is_some_and(|k| k != ColumnKind::Text) {
            sink.push(
                place,
                What::Figure {
                    row: name.clone(),
                    column: column_name,
                    old: a,
                    new: b,
                },
            );
        } else {
            let part = format!("row \"{name}\", column \"{column_name}\"");
            sink.text(place, part, &a, &b);
        }
    }
}
