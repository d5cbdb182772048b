//! The page-flow rules, asserted on the laid-out pages of every seed and
//! template and on plans built for each rule: closing groups keep rows
//! above them, continued tables repeat their caption, tall rows split
//! column by column, colon lead-ins stay with what follows, no body page
//! is left under 40 % full without reason, every section prints a heading
//! and the contents is in printed order. Pages are found by what they
//! hold (`Page::placed`), never by number: fonts and widths move pages.

mod print_common;
use print_common as common;

use common::flow::*;
use common::{lay_out, plans};
use planwright::layout::{Page, PageKind, Place, Role};
use planwright::model::{
    Block, Cell, CellBlock, Column, ColumnKind, ContentsEntry, List, ListItem, Location, Plan,
    Rich, Row, RowKind, Section, Table, TableKind,
};
use planwright::template;

#[test]
fn every_seed_and_template_keeps_the_page_flow_rules() {
    let (mut closing, mut pieces, mut colons) = (0, 0, 0);
    for (name, plan) in plans() {
        let document = lay_out(&plan);
        closing += assert_closing_groups_keep_two_rows(&name, &plan, &document);
        assert_continued_tables_repeat_their_caption(&name, &plan, &document);
        assert_headers_have_rows_under_them(&name, &document);
        pieces += assert_split_rows_fill_their_pages(&name, &document);
        colons += assert_colons_stay_with_what_follows(&name, &plan, &document);
        let low = low_pages(&plan, &document);
        assert!(low.is_empty(), "{name}: pages under 40 % full: {low:?}");
        assert_every_section_prints_a_heading(&name, &plan, &document);
        assert_contents_in_printed_order(&name, &document);
    }
    // The seeds exercise the rules (the counts are not the point).
    assert!(
        closing > 0 && pieces > 0 && colons > 0,
        "{closing} {pieces} {colons}"
    );
}

// Plans built for one rule each, over a range of sizes so that some of
// them meet the page foot at the worst place.

fn text_row(kind: RowKind, cells: &[&str]) -> Row {
    Row::new(kind, cells.iter().map(|c| Cell::text(*c)).collect())
}

fn plan_with(blocks: Vec<Block>) -> Plan {
    let mut plan = template::all()[0].new_plan();
    let mut section = Section::new("Purpose-built");
    section.blocks = blocks;
    plan.sections = vec![section];
    plan.contents.entries.clear();
    plan
}

fn filler(lines: usize) -> Vec<Block> {
    (0..lines)
        .map(|i| Block::Paragraph(Rich::plain(format!("Filler paragraph {i}."))))
        .collect()
}

fn budget(data_rows: usize) -> Table {
    let mut table = Table::new(
        TableKind::Budget,
        vec![
            Column::new("Activity", ColumnKind::Text),
            Column::new("Cost", ColumnKind::Money),
        ],
    );
    table.caption = vec![Rich::plain("Unit budget")];
    for i in 0..data_rows {
        table
            .rows
            .push(text_row(RowKind::Data, &[&format!("Activity {i}"), "1.0"]));
    }
    table
        .rows
        .push(text_row(RowKind::Subtotal, &["Controllable Totals", "9.0"]));
    // A label among the closing rows belongs to them.
    table
        .rows
        .push(text_row(RowKind::Group, &["Memorandum Items"]));
    for memo in [
        "Central Overheads",
        "Directorate Overheads",
        "Capital Charges",
    ] {
        table.rows.push(text_row(RowKind::Memo, &[memo, "1.0"]));
    }
    table
        .rows
        .push(text_row(RowKind::Total, &["Total Cost of Unit", "12.0"]));
    table
}

#[test]
fn a_closing_group_never_stands_alone_and_continued_tables_repeat_their_caption() {
    let mut continued = 0;
    for rows in (30..80).step_by(3) {
        let plan = plan_with(vec![Block::Table(budget(rows))]);
        let document = lay_out(&plan);
        let name = format!("{rows} rows");
        assert_eq!(
            assert_closing_groups_keep_two_rows(&name, &plan, &document),
            1
        );
        assert_continued_tables_repeat_their_caption(&name, &plan, &document);
        continued += usize::from(
            document
                .pages
                .iter()
                .any(|p| page_text(p).contains("(continued)")),
        );
    }
    assert!(continued > 0, "some of the tables go on over a page");
}

fn list_cell(prefix: &str, lines: usize) -> Cell {
    let items = (0..lines)
        .map(|i| ListItem::new(format!("{prefix} {i} is here.").as_str()))
        .collect();
    Cell(vec![CellBlock::List(List {
        style: Default::default(),
        items,
    })])
}

#[test]
fn a_tall_row_splits_in_each_column_on_its_own_and_loses_nothing() {
    for before in [0, 7, 13] {
        let mut table = Table::new(
            TableKind::Projects,
            vec![
                Column::new("Milestones", ColumnKind::Text),
                Column::new("Notes", ColumnKind::Text),
            ],
        );
        for i in 0..before {
            table
                .rows
                .push(text_row(RowKind::Data, &[&format!("Row {i}"), "x"]));
        }
        // The notes column's lines are fewer and come in bigger steps (each
        // item has two lines), so the columns' line breaks never line up.
        // The notes are one paragraph: lines closer together than the
        // milestones' list items, so the columns' line breaks rarely meet.
        let notes: Vec<String> = (0..120).map(|i| format!("note{i}")).collect();
        let notes = Cell::text(notes.join(" "));
        table.rows.push(Row::new(
            RowKind::Data,
            vec![list_cell("Milestone", 140), notes],
        ));
        let plan = plan_with(vec![Block::Table(table)]);
        let document = lay_out(&plan);
        let name = format!("{before} rows before");
        assert!(
            assert_split_rows_fill_their_pages(&name, &document) >= 2,
            "{name}"
        );
        let runs: Vec<String> = (document.pages.iter())
            .flat_map(Page::text_runs)
            .map(|r| r.text.clone())
            .collect();
        for i in 0..140 {
            let wanted = format!("Milestone {i} is here.");
            assert_eq!(
                runs.iter().filter(|t| **t == wanted).count(),
                1,
                "{name}: {wanted}"
            );
        }
        let words: Vec<&str> = runs.iter().flat_map(|t| t.split_whitespace()).collect();
        for i in 0..120 {
            let wanted = format!("note{i}");
            let count = words.iter().filter(|w| **w == wanted).count();
            assert_eq!(count, 1, "{name}: {wanted}");
        }
    }
}

#[test]
fn a_lead_in_ending_in_a_colon_stays_with_its_list() {
    for lines in 30..75 {
        let mut blocks = filler(lines);
        blocks.push(Block::Paragraph(Rich::plain(
            "The service will include the following:",
        )));
        blocks.push(Block::List(List {
            style: Default::default(),
            items: vec![
                ListItem::new("a first point"),
                ListItem::new("a second point"),
            ],
        }));
        blocks.extend(filler(5));
        let plan = plan_with(blocks);
        let document = lay_out(&plan);
        assert_eq!(
            assert_colons_stay_with_what_follows(&format!("{lines} lines"), &plan, &document),
            1
        );
    }
}

fn wide_table(rows: usize) -> Table {
    let columns = (0..11)
        .map(|i| Column::new(format!("Column heading {i}").as_str(), ColumnKind::Text))
        .collect();
    let mut table = Table::new(TableKind::Budget, columns);
    for r in 0..rows {
        let cells: Vec<String> = (0..11).map(|c| format!("cell {r} {c} words")).collect();
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        table.rows.push(text_row(RowKind::Data, &cells));
    }
    table
}

#[test]
fn no_page_is_left_under_40_percent_full_around_landscape_tables() {
    for tail in (0..70).step_by(7) {
        for rows in [8, 25, 40] {
            let mut blocks = filler(tail);
            blocks.push(Block::Table(wide_table(rows)));
            blocks.extend(filler(20));
            let plan = plan_with(blocks);
            let document = lay_out(&plan);
            let low = low_pages(&plan, &document);
            let pages: Vec<_> = (document.pages.iter())
                .map(|p| (p.orientation, fill(p), p.placed.len()))
                .collect();
            assert!(
                low.is_empty(),
                "{tail} lines, {rows} rows: {low:?} {pages:?}"
            );
        }
    }
}

#[test]
fn a_section_without_a_heading_prints_its_slot_name_as_its_bookmark_does() {
    let mut plan = template::all()[0].new_plan();
    let budget = plan
        .sections
        .iter_mut()
        .find(|s| s.slot == "budget")
        .unwrap();
    budget.heading = Rich::default();
    let document = lay_out(&plan);
    let bookmark = document
        .bookmarks
        .iter()
        .find(|b| b.title == "Revenue Budget");
    let bookmark = bookmark.expect("a bookmark named after the slot");
    let page = &document.pages[bookmark.page];
    let heading = page
        .text_runs()
        .find(|r| r.text == "Revenue Budget" && r.role == Role::Label);
    assert!(
        heading.is_some(),
        "the slot's name is printed as the heading"
    );
}

#[test]
fn a_written_contents_entry_out_of_printed_order_is_reported_and_listed_in_order() {
    let mut plan = template::all()[0].new_plan();
    plan.contents.entries = vec![
        ContentsEntry {
            text: "Risks".into(),
            section: "risks".into(),
            level: 1,
        },
        ContentsEntry {
            text: "Purpose".into(),
            section: "purpose".into(),
            level: 1,
        },
    ];
    let document = lay_out(&plan);
    let reported: Vec<_> = (document.warnings.iter())
        .filter(|w| w.place == Place::Contents { entry: Some(1) })
        .collect();
    assert_eq!(reported.len(), 1, "{:?}", document.warnings);
    assert!(reported[0].message.contains("Purpose"), "{}", reported[0]);
    assert_contents_in_printed_order("written contents", &document);
}

#[test]
fn characters_the_font_lacks_are_one_warning_at_their_place_and_print_visibly() {
    let lacking: String = ('\u{E000}'..='\u{E015}').collect();
    assert_eq!(lacking.chars().count(), 22);
    let plan = plan_with(vec![Block::Paragraph(Rich::plain(format!(
        "Code {lacking} end"
    )))]);
    let document = lay_out(&plan);
    let warnings: Vec<_> = (document.warnings.iter())
        .filter(|w| w.message.contains("no glyph"))
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let warning = warnings[0];
    assert_eq!(
        warning.place,
        Place::Body(Location::block(&[0], 0)),
        "{warning}"
    );
    assert!(warning.message.contains("22 characters") && warning.message.contains("U+E000"));
    let page = document
        .page_of(&warning.place)
        .expect("the warning's page");
    assert_eq!(document.pages[page].kind, PageKind::Body);
    let printed: String = (document.pages.iter())
        .flat_map(Page::text_runs)
        .filter(|r| r.role == Role::Content)
        .map(|r| r.text.clone())
        .collect();
    assert!(printed.contains(&"□".repeat(22)), "{printed}");
}
