//! The print engine, asserted on laid-out pages: nothing leaves its page's
//! margins or overlaps, headers repeat, rows split cleanly, pages are
//! numbered right and wide tables go landscape. (Words: `print_words.rs`.)

mod print_common;
use print_common as common;

use common::{Words, count_words, lay_out, misplaced_items, plans, rich_words};
use planwright::layout::{self, Orientation, Page, PageKind, PageSettings, Role, TextRun};
use planwright::model::{
    Block, Cell, CellBlock, Column, ColumnKind, List, ListItem, Plan, Row, RowKind, Section, Table,
    TableKind,
};
use planwright::template;

#[test]
fn nothing_leaves_its_margins_or_overlaps() {
    for (name, plan) in plans() {
        let document = lay_out(&plan);
        let misplaced = misplaced_items(&document);
        assert!(misplaced.is_empty(), "{name}: {}", misplaced.join("\n"));
        for (index, page) in document.pages.iter().enumerate() {
            let runs: Vec<&TextRun> = page
                .text_runs()
                .filter(|r| r.role != Role::Watermark)
                .collect();
            for (i, a) in runs.iter().enumerate() {
                for b in &runs[i + 1..] {
                    assert!(
                        !a.bounds().overlaps(&b.bounds()),
                        "{name} page {}: {:?} overlaps {:?}",
                        index + 1,
                        a.text,
                        b.text
                    );
                }
            }
        }
    }
}

fn footer_texts(page: &Page) -> Vec<&str> {
    page.text_runs()
        .filter(|r| r.role == Role::Footer)
        .map(|r| r.text.as_str())
        .collect()
}

#[test]
fn every_page_after_the_cover_says_page_x_of_y() {
    for (name, plan) in plans() {
        let document = lay_out(&plan);
        let total = document.pages.len();
        assert_eq!(document.pages[0].kind, PageKind::Cover, "{name}");
        assert!(
            footer_texts(&document.pages[0]).is_empty(),
            "{name}: the cover has no footer"
        );
        for (index, page) in document.pages.iter().enumerate().skip(1) {
            let wanted = format!("Page {} of {total}", index + 1);
            let footer = footer_texts(page);
            assert_eq!(
                footer.iter().filter(|t| **t == wanted).count(),
                1,
                "{name} page {}: footer {footer:?}",
                index + 1
            );
            let header = page
                .text_runs()
                .filter(|r| r.role == Role::RunningHeader)
                .count();
            assert!(
                header > 0,
                "{name} page {} has no running header",
                index + 1
            );
        }
    }
}

/// The words of a table's column labels.
fn label_words(table: &Table) -> Words {
    let mut words = Words::new();
    table
        .columns
        .iter()
        .for_each(|c| rich_words(&mut words, &c.label));
    words
}

fn words_on(pages: &[&Page]) -> Words {
    let mut words = Words::new();
    for run in pages.iter().flat_map(|p| p.text_runs()) {
        if run.role == Role::Content {
            count_words(&mut words, &run.text);
        }
    }
    words
}

fn tables(sections: &[Section]) -> Vec<&Table> {
    sections
        .iter()
        .flat_map(|s| {
            s.blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Table(t) => Some(t),
                    _ => None,
                })
                .chain(tables(&s.subsections))
        })
        .collect()
}

#[test]
fn wide_tables_print_on_landscape_pages() {
    let mut wide_tables = 0;
    // The templates' wide tables are empty and fit portrait; the seeds' are full.
    for (name, plan) in plans()
        .into_iter()
        .filter(|(name, _)| name.ends_with(".ron"))
    {
        let document = lay_out(&plan);
        let landscape: Vec<&Page> = document
            .pages
            .iter()
            .filter(|p| p.orientation == Orientation::Landscape)
            .collect();
        let on_landscape = words_on(&landscape);
        for table in tables(&plan.sections)
            .into_iter()
            .filter(|t| t.columns.len() >= 9)
        {
            wide_tables += 1;
            for (word, _) in label_words(table) {
                assert!(
                    on_landscape.contains_key(&word),
                    "{name}: {word:?} of a wide {} is not on a landscape page",
                    table.kind.name()
                );
            }
        }
        for page in &landscape {
            assert!(
                page.width > page.height,
                "{name}: a landscape page is wider than tall"
            );
        }
    }
    assert!(wide_tables > 0, "the plans have wide tables to check");
}

// A plan built for the test: a long table with a tall row.

fn text_row(cells: &[&str]) -> Row {
    Row::new(
        RowKind::Data,
        cells.iter().map(|c| Cell::text(*c)).collect(),
    )
}

fn long_table_plan(rows: usize, tall_row_lines: usize) -> Plan {
    let mut plan = template::all()[0].new_plan();
    let mut table = Table::new(
        TableKind::Projects,
        vec![
            Column::new("Project", ColumnKind::Text),
            Column::new("Lead", ColumnKind::Lead),
            Column::new("Cost", ColumnKind::Money),
        ],
    );
    for i in 0..rows {
        table.rows.push(text_row(&[
            &format!("Project number {i}"),
            "A. Officer",
            "12.5",
        ]));
    }
    let tall: Vec<String> = (0..tall_row_lines)
        .map(|i| format!("Milestone {i} is reached."))
        .collect();
    let items = tall.iter().map(|t| ListItem::new(t.as_str())).collect();
    table.rows.insert(
        rows / 2,
        Row::new(
            RowKind::Data,
            vec![
                Cell(vec![CellBlock::List(List {
                    style: Default::default(),
                    items,
                })]),
                Cell::text("B. Officer"),
                Cell::text("1.0"),
            ],
        ),
    );
    table.rows.push(Row::new(
        RowKind::Total,
        vec![Cell::text("Total"), Cell::default(), Cell::text("999.0")],
    ));
    let mut section = Section::new("Projects");
    section.blocks.push(Block::Table(table));
    plan.sections = vec![section];
    plan
}

#[test]
fn table_headers_repeat_on_every_page_the_table_spans() {
    let plan = long_table_plan(120, 0);
    let document = lay_out(&plan);
    let body: Vec<&Page> = document
        .pages
        .iter()
        .filter(|p| p.kind == PageKind::Body)
        .collect();
    assert!(body.len() >= 3, "the table spans pages");
    for (i, page) in body.iter().enumerate() {
        let runs: Vec<&TextRun> = page
            .text_runs()
            .filter(|r| matches!(r.role, Role::Content | Role::RepeatedHeader))
            .collect();
        let first_row = runs
            .iter()
            .position(|r| r.text.starts_with("Project number"))
            .expect("rows on every page");
        let labels: Vec<&str> = runs[..first_row].iter().map(|r| r.text.as_str()).collect();
        for label in ["Project", "Lead", "Cost"] {
            assert!(
                labels.contains(&label),
                "body page {}: no {label:?} above the rows: {labels:?}",
                i + 1
            );
        }
    }
    let rows = body
        .iter()
        .flat_map(|p| p.text_runs())
        .filter(|r| r.text.starts_with("Project number"))
        .count();
    assert_eq!(rows, 120, "every row printed once, none split");
}

#[test]
fn a_row_taller_than_a_page_is_split_between_lines() {
    let plan = long_table_plan(10, 150);
    let document = lay_out(&plan);
    let pages_with_milestones = document
        .pages
        .iter()
        .filter(|p| p.text_runs().any(|r| r.text.starts_with("Milestone")))
        .count();
    assert!(
        pages_with_milestones >= 2,
        "the tall row continues over pages"
    );
    // Each milestone printed exactly once, whole.
    for i in 0..150 {
        let wanted = format!("Milestone {i} is reached.");
        let count = document
            .pages
            .iter()
            .flat_map(Page::text_runs)
            .filter(|r| r.text == wanted)
            .count();
        assert_eq!(count, 1, "{wanted}");
    }
}

#[test]
fn numbers_are_right_aligned_in_their_columns() {
    let plan = long_table_plan(5, 0);
    let document = lay_out(&plan);
    let right_edges: Vec<f32> = document
        .pages
        .iter()
        .flat_map(Page::text_runs)
        .filter(|r| r.text == "12.5")
        .map(|r| r.x + r.width)
        .collect();
    assert_eq!(right_edges.len(), 5);
    assert!(
        right_edges
            .iter()
            .all(|e| (e - right_edges[0]).abs() < 0.01)
    );
}

#[test]
fn headings_are_never_left_at_the_foot_of_a_page() {
    for (name, plan) in plans() {
        let document = lay_out(&plan);
        let headings: Vec<String> = plan
            .walk_sections()
            .iter()
            // A section with nothing in it has nothing to keep its heading with.
            .filter(|(_, s)| !s.is_empty())
            .map(|(_, s)| s.heading.to_plain())
            .filter(|h| !h.trim().is_empty())
            .collect();
        for (index, page) in document
            .pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind == PageKind::Body)
        {
            let last = page
                .text_runs()
                .filter(|r| r.role == Role::Content)
                .max_by(|a, b| a.baseline.total_cmp(&b.baseline));
            if let Some(last) = last {
                let is_heading = last.face == layout::Face::Bold
                    && last.size > 10.5
                    && headings.iter().any(|h| h.ends_with(last.text.trim()));
                assert!(
                    !is_heading,
                    "{name} page {} ends with the heading {:?}",
                    index + 1,
                    last.text
                );
            }
        }
    }
}

/// The page numbers printed on the contents pages, in order.
fn contents_numbers(document: &layout::Document) -> Vec<usize> {
    document
        .pages
        .iter()
        .filter(|p| p.kind == PageKind::Contents)
        .flat_map(Page::text_runs)
        .filter(|r| r.role == Role::ContentsPage)
        .map(|r| r.text.parse().expect("a page number"))
        .collect()
}

#[test]
fn contents_numbers_point_at_the_pages_their_sections_start_on() {
    for (name, plan) in plans() {
        let document = lay_out(&plan);
        for bookmark in &document.bookmarks {
            let page = &document.pages[bookmark.page];
            assert_eq!(page.kind, PageKind::Body, "{name}: {}", bookmark.title);
        }
        let numbers = contents_numbers(&document);
        let pages: Vec<usize> = document.bookmarks.iter().map(|b| b.page + 1).collect();
        for n in &numbers {
            assert!(
                pages.contains(n),
                "{name}: contents says page {n}, where no section starts"
            );
        }
        assert!(
            !numbers.is_empty() || plan.sections.is_empty(),
            "{name} has a contents with numbers"
        );
        // Every written entry finds its section: the seeds name them.
        let unmatched: Vec<&layout::Warning> = document
            .warnings
            .iter()
            .filter(|w| w.message.starts_with("contents entry"))
            .collect();
        assert!(unmatched.is_empty(), "{name}: {unmatched:?}");
    }
}

#[test]
fn a_contents_entry_goes_to_the_section_it_names_not_the_likeliest_wording() {
    let plan = planwright::model::file::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/2018-19-cype-directorate-business-plan.ron"
    )))
    .unwrap();
    let document = lay_out(&plan);
    let appendix = |slot: &str| {
        let section = plan.sections.iter().find(|s| s.slot == slot).unwrap();
        let title = format!("{} {}", section.number, section.heading.to_plain());
        document
            .bookmarks
            .iter()
            .find(|b| b.title == title)
            .unwrap()
            .page
            + 1
    };
    let numbers = contents_numbers(&document);
    // Appendix 2's entry shares more words with Appendix 1's heading than
    // with its own; the entry names its section, so it goes to its own.
    let last_two = &numbers[numbers.len() - 2..];
    assert_eq!(
        last_two,
        [appendix("commissioning"), appendix("service-activity")]
    );
    assert_ne!(last_two[0], last_two[1]);
}

#[test]
fn every_template_renders_to_a_pdf() {
    for t in template::all() {
        let document = lay_out(&t.new_plan());
        let pdf = planwright::pdf::render(&document).unwrap();
        assert!(pdf.starts_with(b"%PDF-1.7"), "{}", t.id);
        assert!(pdf.len() > 10_000, "{}: fonts are embedded", t.id);
    }
}

#[test]
fn a_foreword_prints_between_the_cover_and_the_contents() {
    let mut plan = template::all()[0].new_plan();
    plan.contents.after_sections = 1;
    let document = lay_out(&plan);
    let kinds: Vec<PageKind> = document.pages.iter().map(|p| p.kind).collect();
    let contents = kinds.iter().position(|k| *k == PageKind::Contents).unwrap();
    assert_eq!(kinds[0], PageKind::Cover);
    assert!(contents >= 2, "{kinds:?}");
    assert!(kinds[1..contents].iter().all(|k| *k == PageKind::Body));
    let first_heading = plan.sections[0].heading.to_plain();
    let first_word = first_heading.split_whitespace().next().unwrap();
    assert!(
        document.pages[1]
            .text_runs()
            .any(|r| r.text.contains(first_word))
    );
    // The foreword's bookmark points before the contents; the rest after it.
    assert!(document.bookmarks[0].page < contents);
    assert!(document.bookmarks[1..].iter().all(|b| b.page > contents));
}

#[test]
fn the_pdf_outline_nests_as_the_sections_do_in_document_order() {
    let plan = planwright::model::file::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/2008-09-strategy-policy-performance.ron"
    )))
    .unwrap();
    let document = lay_out(&plan);
    let rendered = planwright::pdf::render(&document).unwrap();
    let pdf = lopdf::Document::load_mem(&rendered).unwrap();
    let toc = pdf.get_toc().unwrap();
    assert!(toc.errors.is_empty(), "{:?}", toc.errors);
    let outline: Vec<(usize, String, usize)> = toc
        .toc
        .iter()
        .map(|e| (e.level, e.title.clone(), e.page))
        .collect();
    let expected: Vec<(usize, String, usize)> = document
        .bookmarks
        .iter()
        .map(|b| (b.level, b.title.clone(), b.page + 1))
        .collect();
    assert_eq!(outline, expected);
    // Nested: sub-sections sit under their sections.
    assert!(
        outline
            .iter()
            .any(|(level, title, _)| *level == 2 && title == "Local Context")
    );
}

#[test]
fn body_text_is_eleven_points_in_lines_of_about_eighty_characters() {
    assert_eq!(PageSettings::default().body_size, 11.0);
    for (name, plan) in common::plans()
        .into_iter()
        .filter(|(n, _)| n.contains("seeds"))
    {
        let document = lay_out(&plan);
        let mut lines: std::collections::BTreeMap<(usize, i32), String> = Default::default();
        for (index, page) in document.pages.iter().enumerate() {
            for run in page.text_runs() {
                if run.role == Role::Content && run.size == 11.0 {
                    let line = lines
                        .entry((index, run.baseline.round() as i32))
                        .or_default();
                    line.push_str(&run.text);
                    if !run.joins_next {
                        line.push(' ');
                    }
                }
            }
        }
        let mut full: Vec<usize> = lines
            .values()
            .map(|l| l.trim_end().chars().count())
            .filter(|&n| n >= 50)
            .collect();
        full.sort_unstable();
        let median = full[full.len() / 2];
        assert!(
            (72..=88).contains(&median),
            "{name}: median line {median} characters"
        );
        assert!(
            full.last().is_some_and(|&n| n <= 100),
            "{name}: {:?}",
            full.last()
        );
    }
}
