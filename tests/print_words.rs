//! Every word of a plan is printed exactly as often as the plan holds it
//! (and its guidance never), checked on the laid-out pages.

mod print_common;
use print_common as common;

use common::printed_words;
use common::{differences, lay_out, misplaced_items, model_words, plans};
use planwright::layout::Page;
use planwright::model::{
    Block, Cell, CellBlock, Column, ColumnKind, HeaderCell, List, ListItem, Plan, Row, RowKind,
    Section, Table, TableKind,
};
use planwright::template;
use proptest::prelude::*;

#[test]
fn every_word_of_every_plan_is_printed_as_often_as_the_plan_has_it() {
    for (name, plan) in plans() {
        let document = lay_out(&plan);
        let diff = differences(&model_words(&plan), &printed_words(&document));
        assert!(diff.is_empty(), "{name}:\n{}", diff.join("\n"));
    }
}

#[test]
fn guidance_is_never_printed() {
    let mut plan = template::all()[0].new_plan();
    plan.sections[0].guidance = "Zanzibarish guidance text".into();
    let document = lay_out(&plan);
    let all: String = document
        .pages
        .iter()
        .flat_map(Page::text_runs)
        .map(|r| r.text.as_str())
        .collect();
    assert!(!all.contains("Zanzibarish"));
}

/// A word: mostly short, sometimes hundreds of characters with or
/// without the `/`, `.` and `-` a long word may break after.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[a-zA-Z0-9é£]{1,10}",
        1 => "[a-zA-Z0-9/.-]{11,400}",
        1 => "W{50,900}",
    ]
}

fn text(max_words: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 0..=max_words).prop_map(|words| words.join(" "))
}

fn list(depth: u32) -> impl Strategy<Value = List> {
    let leaf = text(6).prop_map(ListItem::new);
    let item = leaf.prop_recursive(depth, 12, 3, |inner| {
        (text(6), prop::collection::vec(inner, 0..3)).prop_map(|(text, children)| {
            let mut item = ListItem::new(text);
            item.children = List {
                items: children,
                ..List::default()
            };
            item
        })
    });
    prop::collection::vec(item, 1..4).prop_map(|items| List {
        items,
        ..List::default()
    })
}

fn cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        4 => text(8).prop_map(Cell::text),
        1 => list(2).prop_map(|l| Cell(vec![CellBlock::List(l)])),
    ]
}

/// A table of any column count and shape: labels, spanning header
/// cells, data, group and total rows, every row as wide as the table.
fn table() -> impl Strategy<Value = Table> {
    let kind = prop_oneof![
        Just(ColumnKind::Text),
        Just(ColumnKind::Money),
        Just(ColumnKind::Number),
    ];
    prop::collection::vec((text(4), kind), 1..=9).prop_flat_map(|columns| {
        let count = columns.len();
        let header = prop::collection::vec((text(3), 1..=count as u16), 0..=count);
        let row = prop_oneof![
            4 => prop::collection::vec(cell(), count).prop_map(|c| Row::new(RowKind::Data, c)),
            1 => text(4).prop_map(|t| Row::new(RowKind::Group, vec![Cell::text(t)])),
            1 => prop::collection::vec(cell(), count).prop_map(|c| Row::new(RowKind::Total, c)),
        ];
        // Some cells merged over the rows below them.
        let merges = prop::collection::vec((0..6usize, 0..count, 2..4usize), 0..3);
        (header, prop::collection::vec(row, 0..6), merges).prop_map(
            move |(header, rows, merges)| {
                let columns = columns
                    .iter()
                    .map(|(label, kind)| Column::new(label.as_str(), *kind))
                    .collect();
                let mut table = Table::new(TableKind::Generic, columns);
                // Spans that fit: a header cell never lies past the last column.
                let mut used = 0;
                let mut cells = Vec::new();
                for (text, span) in header {
                    let span = span.min((count - used) as u16);
                    if span == 0 {
                        break;
                    }
                    used += usize::from(span);
                    cells.push(HeaderCell {
                        text: text.into(),
                        span,
                    });
                }
                if !cells.is_empty() {
                    // Above the labels, or below them.
                    match count % 2 {
                        0 => table.header_rows.push(cells),
                        _ => table.header_rows_below.push(cells),
                    }
                }
                table.rows = rows;
                for (row, column, span) in merges {
                    table.merge_down(row, column, span);
                }
                table
            },
        )
    })
}

fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        2 => text(60).prop_map(|t| Block::Paragraph(t.into())),
        1 => list(3).prop_map(Block::List),
        2 => table().prop_map(Block::Table),
    ]
}

fn section() -> impl Strategy<Value = Section> {
    let leaf = (text(8), prop::collection::vec(block(), 0..4)).prop_map(|(heading, blocks)| {
        let mut section = Section::new(heading);
        section.blocks = blocks;
        section
    });
    leaf.prop_recursive(2, 6, 2, |inner| {
        (
            text(8),
            prop::collection::vec(block(), 0..3),
            prop::collection::vec(inner, 0..3),
        )
            .prop_map(|(heading, blocks, subsections)| {
                let mut section = Section::new(heading);
                section.blocks = blocks;
                section.subsections = subsections;
                section
            })
    })
}

fn generated_plan() -> impl Strategy<Value = Plan> {
    prop::collection::vec(section(), 1..4).prop_map(|sections| {
        let mut plan = template::all()[0].new_plan();
        plan.sections = sections;
        plan
    })
}

proptest! {
    // Modest: each case lays out a whole plan in a debug build.
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any plan lays out without panicking, inside its pages' margins,
    /// with every word printed as often as the plan has it.
    #[test]
    fn generated_plans_print_every_word_inside_the_margins(plan in generated_plan()) {
        let document = lay_out(&plan);
        let misplaced = misplaced_items(&document);
        prop_assert!(misplaced.is_empty(), "{}", misplaced.join("\n"));
        let diff = differences(&model_words(&plan), &printed_words(&document));
        prop_assert!(diff.is_empty(), "{}", diff.join("\n"));
    }
}
