//! The page-flow rules, asserted on the laid-out pages of every seed and
//! template and on plans built for each rule: closing groups keep rows
//! above them, continued tables repeat their caption, tall rows split
//! column by column, colon lead-ins stay with what follows, no body page
//! is left under 40 % full without reason, every section prints a heading
//! and the contents is in printed order. Pages are found by what they
//! hold (`Page::placed`), never by number: fonts and widths move pages.

#[allow(dead_code)]
mod print_common;
use print_common as common;

use common::{lay_out, plans};
use planwright::layout::{
    Document, Item, LinkTarget, Page, PageKind, PageSettings, Part, Place, Placed, Role,
};
use planwright::model::{
    Block, Cell, CellBlock, Column, ColumnKind, ContentsEntry, List, ListItem, Location, Plan,
    Rich, Row, RowKind, Section, Table, TableKind,
};
use planwright::template;

/// Every table of a plan with its section path and block index.
fn tables(plan: &Plan) -> Vec<(Vec<usize>, usize, &Table)> {
    let mut out = Vec::new();
    for (path, section) in plan.walk_sections() {
        for (b, block) in section.blocks.iter().enumerate() {
            if let Block::Table(table) = block {
                out.push((path.clone(), b, table));
            }
        }
    }
    out
}

/// What `place` names, on each page that holds it: (page index, mark).
fn marks(document: &Document, matches: impl Fn(&Placed) -> bool) -> Vec<(usize, &Placed)> {
    (document.pages.iter().enumerate())
        .flat_map(|(i, page)| page.placed.iter().map(move |m| (i, m)))
        .filter(|(_, m)| matches(m))
        .collect()
}

fn row_of(mark: &Placed, path: &[usize], block: usize) -> Option<usize> {
    (mark.part == Part::Row && mark.place.sections == path && mark.place.block == Some(block))
        .then_some(mark.place.row)
        .flatten()
}

/// Where a table's closing group (memo lines, subtotals, totals after the
/// last data row, with the labels among them) starts, if it has one and
/// rows above it.
fn closing_group(table: &Table) -> Option<usize> {
    use RowKind::{Group, Memo, Subtotal, Total};
    let closes = |r: &Row| matches!(r.kind, Memo | Subtotal | Total | Group);
    let start = table.rows.len() - table.rows.iter().rev().take_while(|r| closes(r)).count();
    (start > 0 && start < table.rows.len()).then_some(start)
}

fn assert_closing_groups_keep_two_rows(name: &str, plan: &Plan, document: &Document) -> usize {
    let mut checked = 0;
    for (path, b, table) in tables(plan) {
        let Some(start) = closing_group(table) else {
            continue;
        };
        let rows = marks(document, |m| row_of(m, &path, b).is_some());
        let Some(&(page, _)) = rows
            .iter()
            .find(|(_, m)| row_of(m, &path, b) == Some(start))
        else {
            panic!("{name}: the closing row {start} of table {path:?}/{b} is not printed");
        };
        let above = (rows.iter())
            .filter(|(p, m)| *p == page && row_of(m, &path, b).is_some_and(|r| r < start))
            .count();
        assert!(
            above >= start.min(2),
            "{name} page {}: the closing group of table {path:?}/{b} has {above} rows above it",
            page + 1
        );
        checked += 1;
    }
    checked
}

/// A table's header never ends a page: a row of its table follows it.
fn assert_headers_have_rows_under_them(name: &str, document: &Document) {
    for (i, page) in document.pages.iter().enumerate() {
        for header in page.placed.iter().filter(|m| m.part == Part::TableHeader) {
            let row = (page.placed.iter()).any(|m| {
                m.part == Part::Row
                    && m.place.sections == header.place.sections
                    && m.place.block == header.place.block
            });
            assert!(
                row,
                "{name} page {}: table {} header with no row under it",
                i + 1,
                header.place
            );
        }
    }
}

fn page_text(page: &Page) -> String {
    page.text_runs()
        .map(|r| r.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn assert_continued_tables_repeat_their_caption(name: &str, plan: &Plan, document: &Document) {
    for (path, b, table) in tables(plan).into_iter().filter(|t| !t.2.caption.is_empty()) {
        let pages: Vec<usize> = marks(document, |m| row_of(m, &path, b).is_some())
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        let Some(&first) = pages.first() else {
            continue;
        };
        let caption = (table.caption.last().unwrap().to_plain())
            .split_whitespace()
            .last()
            .unwrap_or_default()
            .to_string();
        for &p in pages.iter().filter(|&&p| p != first) {
            let page = &document.pages[p];
            let repeated = page.placed.iter().any(|m| {
                m.part == Part::ContinuedCaption
                    && m.place.sections == path
                    && m.place.block == Some(b)
            });
            assert!(
                repeated && page_text(page).contains(&format!("{caption} (continued)")),
                "{name} page {}: table {path:?}/{b} goes on without its caption",
                p + 1
            );
        }
    }
}

/// Column edges of a piece of a row: the grid's vertical lines across it.
fn column_edges(page: &Page, mark: &Placed) -> Vec<f32> {
    let middle = mark.rect.y + mark.rect.height / 2.0;
    let mut edges: Vec<f32> = (page.items.iter())
        .filter_map(|item| match item {
            Item::Line { from, to, .. }
                if from.0 == to.0 && from.1.min(to.1) <= middle && from.1.max(to.1) >= middle =>
            {
                Some(from.0)
            }
            _ => None,
        })
        .collect();
    edges.sort_by(f32::total_cmp);
    edges.dedup_by(|a, b| (*a - *b).abs() < 0.5);
    edges
}

/// The lowest text bottom in `column` of a row's piece, if any.
fn lowest_text(page: &Page, mark: &Placed, column: (f32, f32)) -> Option<(f32, f32)> {
    (page.text_runs())
        .filter(|r| r.x >= column.0 && r.x < column.1)
        .map(|r| (r.bounds(), r.size))
        .filter(|(b, _)| b.y >= mark.rect.y - 0.5 && b.bottom() <= mark.rect.bottom() + 0.5)
        .map(|(b, size)| (b.bottom(), size))
        .max_by(|a, b| a.0.total_cmp(&b.0))
}

/// The highest text top in `column` of a row's piece, if any.
fn highest_text(page: &Page, mark: &Placed, column: (f32, f32)) -> Option<(f32, f32)> {
    (page.text_runs())
        .filter(|r| r.x >= column.0 && r.x < column.1)
        .map(|r| (r.bounds(), r.size))
        .filter(|(b, _)| b.y >= mark.rect.y - 0.5 && b.bottom() <= mark.rect.bottom() + 0.5)
        .map(|(b, size)| (b.y, size))
        .min_by(|a, b| a.0.total_cmp(&b.0))
}

/// A row that goes on over a page fills the page to its foot, and none of
/// its columns that goes on leaves more than a line's room blank.
fn assert_split_rows_fill_their_pages(name: &str, document: &Document) -> usize {
    let settings = PageSettings::default();
    let mut pieces = 0;
    let all = marks(document, |m| m.part == Part::Row);
    for (i, (p, mark)) in all.iter().enumerate() {
        let Some((next_page, next)) = all[i + 1..].iter().find(|(_, m)| m.place == mark.place)
        else {
            continue;
        };
        pieces += 1;
        let page = &document.pages[*p];
        let body = settings.body_box(page.orientation);
        assert!(
            (mark.rect.bottom() - body.bottom()).abs() < 0.5,
            "{name} page {}: row {} goes on over the page but stops short of its foot",
            p + 1,
            mark.place
        );
        let edges = column_edges(page, mark);
        let next_page = &document.pages[*next_page];
        for column in column_edges(next_page, next)
            .windows(2)
            .map(|w| (w[0], w[1]))
        {
            if let Some((top, size)) = highest_text(next_page, next, column) {
                let blank = top - next.rect.y;
                assert!(
                    blank < 1.32 * size + 6.0,
                    "{name}: row {} goes on {blank:.0} pt below its piece's top",
                    mark.place
                );
            }
        }
        for column in edges.windows(2).map(|w| (w[0], w[1])) {
            let goes_on = lowest_text(next_page, next, column).is_some();
            if let (true, Some((bottom, size))) = (goes_on, lowest_text(page, mark, column)) {
                let blank = mark.rect.bottom() - bottom;
                assert!(
                    blank < 2.0 * 1.32 * size + 6.0,
                    "{name} page {}: row {} leaves {blank:.0} pt blank in a column that goes on",
                    p + 1,
                    mark.place
                );
            }
        }
    }
    pieces
}

fn assert_colons_stay_with_what_follows(name: &str, plan: &Plan, document: &Document) -> usize {
    let mut checked = 0;
    for (path, section) in plan.walk_sections() {
        for (b, pair) in section.blocks.windows(2).enumerate() {
            let Block::Paragraph(rich) = &pair[0] else {
                continue;
            };
            if !rich.to_plain().trim_end().ends_with(':') {
                continue;
            }
            let of = |block: usize| {
                let path = path.clone();
                move |m: &Placed| m.place.sections == path && m.place.block == Some(block)
            };
            let last = marks(document, of(b)).last().map(|(p, _)| *p);
            let next = marks(document, of(b + 1)).first().map(|(p, _)| *p);
            assert_eq!(
                last,
                next,
                "{name}: the lead-in {:?} is not on the page of what follows",
                rich.to_plain()
            );
            checked += 1;
        }
    }
    checked
}

/// How full a body page is: the lowest placed part, as a share of the body.
fn fill(page: &Page) -> f32 {
    let body = PageSettings::default().body_box(page.orientation);
    let bottom = (page.placed.iter())
        .map(|m| m.rect.bottom())
        .fold(body.y, f32::max);
    (bottom - body.y) / body.height
}

/// Whether a page starts a section (or its parent) the plan starts on a
/// new page.
fn opens_new_page_section(plan: &Plan, page: &Page) -> bool {
    let Some(first) = page.placed.first() else {
        return false;
    };
    (1..=first.place.sections.len()).any(|n| {
        plan.section(&first.place.sections[..n])
            .is_some_and(|s| s.new_page)
    })
}

/// Whether a page holds nothing but the end of a row from the page before
/// (under the table's repeated header).
fn only_goes_on(document: &Document, i: usize) -> bool {
    let before = &document.pages[i.saturating_sub(1)].placed;
    (document.pages[i].placed.iter()).all(|m| match m.part {
        Part::TableHeader | Part::ContinuedCaption => true,
        Part::Row => before
            .iter()
            .any(|b| b.part == Part::Row && b.place == m.place),
        _ => false,
    })
}

/// Body pages under 40 % full that neither end the plan (or its foreword)
/// nor come before a section that starts on a new page (unless all they
/// hold is the end of a row).
fn low_pages(plan: &Plan, document: &Document) -> Vec<(usize, f32)> {
    let pages = &document.pages;
    (0..pages.len().saturating_sub(1))
        .filter(|&i| pages[i].kind == PageKind::Body && pages[i + 1].kind == PageKind::Body)
        .filter(|&i| !opens_new_page_section(plan, &pages[i + 1]) || only_goes_on(document, i))
        .map(|i| (i, fill(&pages[i])))
        .filter(|&(_, fill)| fill < 0.4)
        .collect()
}

fn assert_every_section_prints_a_heading(name: &str, plan: &Plan, document: &Document) {
    for (path, section) in plan.walk_sections() {
        if section.slot.is_empty() && section.title().trim().is_empty() {
            continue;
        }
        let heading = marks(document, |m| {
            m.part == Part::Heading && m.place == Location::section(&path)
        });
        assert!(
            !heading.is_empty(),
            "{name}: section {path:?} ({}) prints no heading",
            section.slot
        );
    }
}

/// Contents numbers never go down, every entry has one, and every
/// top-level section after the contents is listed.
fn assert_contents_in_printed_order(name: &str, document: &Document) {
    let contents: Vec<(usize, &Page)> = (document.pages.iter().enumerate())
        .filter(|(_, p)| p.kind == PageKind::Contents)
        .collect();
    let numbers: Vec<usize> = (contents.iter())
        .flat_map(|(_, p)| p.text_runs())
        .filter(|r| r.role == Role::ContentsPage)
        .map(|r| r.text.parse().unwrap())
        .collect();
    assert!(
        numbers.windows(2).all(|w| w[0] <= w[1]),
        "{name}: contents numbers go down: {numbers:?}"
    );
    let links: Vec<(usize, &planwright::layout::Rect, &LinkTarget)> = (contents.iter())
        .flat_map(|(i, p)| {
            p.items.iter().filter_map(move |item| match item {
                Item::Link { rect, target } => Some((*i, rect, target)),
                _ => None,
            })
        })
        .filter(|(_, _, t)| matches!(t, LinkTarget::Page { .. }))
        .collect();
    for (i, page) in &contents {
        for run in page.text_runs().filter(|r| {
            matches!(r.role, Role::Content | Role::ContentsEntry)
                && r.size <= PageSettings::default().body_size
        }) {
            assert!(
                (links.iter()).any(|(p, rect, _)| p == i && rect.contains(&run.bounds())),
                "{name}: contents entry {:?} has no page number",
                run.text
            );
        }
    }
    let first_contents = contents.first().map_or(0, |(i, _)| *i);
    for bookmark in (document.bookmarks.iter()).filter(|b| b.level == 1 && b.page > first_contents)
    {
        let listed = (links.iter()).any(|(_, _, t)| {
            matches!(t, LinkTarget::Page { page, y } if *page == bookmark.page && *y == bookmark.y)
        });
        assert!(
            listed,
            "{name}: {:?} is not in the contents",
            bookmark.title
        );
    }
}

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
