//! What counts as the author's content in a section: the words of its
//! blocks, less the words the template put there for the author to keep
//! or replace (a standard paragraph, fixed row labels such as `TOTAL`).

use super::{Block, CellBlock, List, RowKind};

/// Calls `f` with the text of every paragraph, note, list item, chart box
/// and table cell in `blocks`. Headings, captions and column labels are
/// the form's, not content; guidance rows are the template's.
pub fn text_of_blocks(blocks: &[Block], f: &mut dyn FnMut(&str)) {
    for block in blocks {
        match block {
            Block::Paragraph(text) => f(&text.to_plain()),
            // A sub-heading titles what follows; alone it is no content.
            Block::Heading(_) => {}
            Block::Note(note) => f(&note.text.to_plain()),
            Block::List(list) => list_text(list, f),
            Block::OrgChart(chart) => {
                for line in chart.boxes.iter().flat_map(|b| &b.lines) {
                    f(line);
                }
            }
            Block::Table(table) => {
                let rows = table.rows.iter().filter(|r| r.kind != RowKind::Hint);
                for cell in rows.flat_map(|r| &r.cells) {
                    for part in &cell.0 {
                        match part {
                            CellBlock::Para(text) => f(&text.to_plain()),
                            CellBlock::List(list) => list_text(list, f),
                            CellBlock::Rating(_) => {}
                        }
                    }
                }
            }
        }
    }
}

fn list_text(list: &List, f: &mut dyn FnMut(&str)) {
    for item in &list.items {
        f(&item.text.to_plain());
        list_text(&item.children, f);
    }
}

/// True when `blocks` hold words of the author's: any text that is not
/// blank and not one of the template's `placeholders` (compared on one
/// line, spaces collapsed).
pub fn has_own_words(blocks: &[Block], placeholders: &[String]) -> bool {
    let mut found = false;
    text_of_blocks(blocks, &mut |text| {
        let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !line.is_empty() && !placeholders.contains(&line) {
            found = true;
        }
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cell, Column, ColumnKind, Row, Table, TableKind};

    #[test]
    fn the_templates_words_are_not_content_but_the_authors_are() {
        let mut table = Table::new(TableKind::Staffing, vec![Column::new("", ColumnKind::Text)]);
        table
            .rows
            .push(Row::new(RowKind::Total, vec![Cell::text("TOTAL")]));
        let standard = "The Managing Director is  authorised.";
        let mut blocks = vec![Block::Paragraph(standard.into()), Block::Table(table)];
        let placeholders = vec![
            "The Managing Director is authorised.".into(),
            "TOTAL".into(),
        ];
        assert!(!has_own_words(&blocks, &placeholders));
        assert!(has_own_words(&blocks, &[]));
        blocks.push(Block::Paragraph("Our own plan.".into()));
        assert!(has_own_words(&blocks, &placeholders));
    }
}
