//! Tables as printed: figures on their decimal points with footnote
//! markers hung outside, words in figure columns from the left, ratings as
//! a fixed row of slots with the key printed once, header words whole and
//! no empty shaded header rows.

// Only part of the shared helpers is used here.
mod print_common;
use print_common as common;

use common::{lay_out, plans};
use planwright::layout::{Colour, Document, Face, Item, Page, Rect, Role, TextRun};
use planwright::model::{
    Block, Cell, CellBlock, Column, ColumnKind, Plan, Rating, Rich, Row, RowKind, Section, Table,
    TableKind,
};
use planwright::template;

fn plan_with_table(table: Table) -> Plan {
    let mut plan = template::find("operating-plan-2008").unwrap().new_plan();
    plan.sections = vec![Section {
        heading: "Figures".into(),
        blocks: vec![Block::Table(table)],
        ..Section::default()
    }];
    plan
}

/// The plan's own words as printed.
fn runs(document: &Document) -> Vec<&TextRun> {
    document
        .pages
        .iter()
        .flat_map(Page::text_runs)
        .filter(|r| r.role == Role::Content)
        .collect()
}

fn run<'d>(document: &'d Document, text: &str) -> &'d TextRun {
    runs(document)
        .into_iter()
        .find(|r| r.text == text)
        .unwrap_or_else(|| panic!("no run {text:?}"))
}

#[test]
fn figures_align_on_the_decimal_point_with_markers_hung_outside() {
    let values = [
        "6.5", "64.1", "70.6", "3", "295 *", "43.2**", "20%", "1,024.8", "n/a",
    ];
    let mut table = Table::new(
        TableKind::Generic,
        vec![
            Column::new("Measure", ColumnKind::Text),
            Column::new("Value", ColumnKind::Figure),
        ],
    );
    table.rows = values
        .iter()
        .map(|v| Row::new(RowKind::Data, vec![Cell::text("a measure"), Cell::text(*v)]))
        .collect();
    let document = lay_out(&plan_with_table(table));
    // Where each figure's decimal point is (or would be).
    let point = |text: &str, whole: &str| {
        let run = run(&document, text);
        run.x + Face::Regular.width(whole, run.size)
    };
    let expected = point("64.1", "64");
    for (text, whole) in [
        ("6.5", "6"),
        ("70.6", "70"),
        ("3", "3"),
        ("295 *", "295"),
        ("43.2**", "43"),
        ("20%", "20"),
        ("1,024.8", "1,024"),
    ] {
        let at = point(text, whole);
        assert!(
            (at - expected).abs() < 0.01,
            "{text}: {at} against {expected}"
        );
    }
    // The markers hang to the right of every figure's end.
    let plain_end = run(&document, "64.1").x + run(&document, "64.1").width;
    assert!(run(&document, "43.2**").x + run(&document, "43.2**").width > plain_end);
    // Words in a column of figures start at its left, before every figure.
    let words = run(&document, "n/a");
    for text in values.iter().filter(|v| **v != "n/a") {
        assert!(words.x <= run(&document, text).x + 0.01, "{text}");
    }
}

/// Runs of rating slots that touch on one line, joined: one per rating.
fn slot_groups(page: &Page) -> Vec<(f32, f32, String)> {
    let mut groups: Vec<(f32, f32, f32, String)> = Vec::new();
    for run in page.text_runs() {
        if run.text.is_empty() || !run.text.chars().all(|c| c == '●' || c == '○') {
            continue;
        }
        match groups
            .iter_mut()
            .find(|g| g.1 == run.baseline && (g.2 - run.x).abs() < 0.01)
        {
            Some(group) => {
                group.2 = run.x + run.width;
                group.3.push_str(&run.text);
            }
            None => groups.push((run.x, run.baseline, run.x + run.width, run.text.clone())),
        }
    }
    groups
        .into_iter()
        .map(|(x, y, _, text)| (x, y, text))
        .collect()
}

fn rated_seeds() -> Vec<(String, Plan)> {
    plans()
        .into_iter()
        .filter(|(_, plan)| format!("{plan:?}").contains("Rating(Rating"))
        .collect()
}

#[test]
fn every_rating_has_one_slot_per_band_of_the_scale_in_an_aligned_sub_column() {
    let rated = rated_seeds();
    assert!(rated.len() >= 2, "the seeds have ratings");
    for (name, plan) in rated {
        let scale = plan
            .rating_scale
            .iter()
            .map(|b| usize::from(b.band))
            .max()
            .unwrap();
        let document = lay_out(&plan);
        let mut ratings = 0;
        for (index, page) in document.pages.iter().enumerate() {
            let groups = slot_groups(page);
            for (_, _, slots) in &groups {
                assert_eq!(slots.chars().count(), scale, "{name} page {}", index + 1);
            }
            // Table ratings line up: a few columns, not one x per rating.
            let key_line = page
                .text_runs()
                .find(|r| r.text == "Rating key:")
                .map(|r| r.baseline);
            let mut xs: Vec<i32> = groups
                .iter()
                .filter(|(_, y, _)| Some(*y) != key_line)
                .map(|(x, _, _)| (x * 10.0).round() as i32)
                .collect();
            xs.sort_unstable();
            xs.dedup();
            assert!(xs.len() <= 5, "{name} page {}: slots at {xs:?}", index + 1);
            ratings += groups.len();
        }
        assert!(ratings > 5, "{name}");
    }
}

#[test]
fn the_rating_key_prints_once_with_every_band() {
    for (name, plan) in plans() {
        let document = lay_out(&plan);
        let keys: Vec<(usize, &TextRun)> = document
            .pages
            .iter()
            .enumerate()
            .flat_map(|(i, page)| page.text_runs().map(move |r| (i, r)))
            .filter(|(_, r)| r.text == "Rating key:")
            .collect();
        let rated = format!("{plan:?}").contains("Rating(Rating");
        assert_eq!(keys.len(), usize::from(rated), "{name}");
        if let Some((page, key)) = keys.first() {
            let line: String = document.pages[*page]
                .text_runs()
                .filter(|r| r.baseline == key.baseline)
                .map(|r| r.text.as_str())
                .collect();
            for band in &plan.rating_scale {
                for label in &band.labels {
                    assert!(line.contains(label.as_str()), "{name}: {label} in {line}");
                }
            }
            // Under its table: ratings above it on its own page.
            let rated_above = slot_groups(&document.pages[*page])
                .iter()
                .any(|(_, y, _)| *y < key.baseline);
            assert!(rated_above, "{name}: the key is apart from its table");
        }
    }
}

#[test]
fn a_long_label_does_not_widen_its_column_past_its_longest_word() {
    let mut columns = vec![Column::new("Indicator", ColumnKind::Text)];
    columns.extend((0..5).map(|i| Column::new(format!("Year {i}"), ColumnKind::Rating)));
    let mut table = Table::new(TableKind::Kpi, columns);
    let rated = |value: &str, band: u8, label: &str| {
        Cell(vec![
            CellBlock::Para(Rich::plain(value)),
            CellBlock::Rating(Rating {
                band,
                label: label.into(),
            }),
        ])
    };
    let prose = "A long description of an indicator that needs the room of a whole line and more";
    let row = |value: &str, band: u8, label: &str| {
        let mut cells = vec![Cell::text(prose)];
        cells.extend((0..5).map(|_| rated(value, band, label)));
        Row::new(RowKind::Data, cells)
    };
    let mut unrated = row("22", 1, "Significantly Below Average");
    unrated.cells[1] = Cell::text("13.5");
    table.rows = vec![
        row("122", 1, "Significantly Below Average"),
        row("84.4", 5, "V Good"),
        unrated,
    ];
    let document = lay_out(&plan_with_table(table));
    let label = runs(&document)
        .into_iter()
        .find(|r| r.text.starts_with("Significantly"))
        .unwrap();
    let below = runs(&document)
        .into_iter()
        .find(|r| r.text.starts_with("Below"))
        .expect("the long label wraps");
    assert!(below.baseline > label.baseline);
    assert!(
        (below.x - label.x).abs() < 0.01,
        "the label wraps in its sub-column"
    );
    // An unrated value lines up with the rated ones on its decimal point.
    let point = |text: &str, whole: &str| {
        let run = run(&document, text);
        run.x + Face::Regular.width(whole, run.size)
    };
    assert!((point("13.5", "13") - point("84.4", "84")).abs() < 0.01);
}

/// Text runs inside the shaded header bands of tables.
fn header_runs(page: &Page) -> (Vec<Rect>, Vec<&TextRun>) {
    let bands: Vec<Rect> = page
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Fill { rect, colour } if *colour == Colour::HEADER_FILL => Some(*rect),
            _ => None,
        })
        .collect();
    let texts = page
        .text_runs()
        .filter(|r| r.role != Role::Watermark && bands.iter().any(|b| b.contains(&r.bounds())))
        .collect();
    (bands, texts)
}

#[test]
fn header_words_are_never_broken_and_no_header_band_is_empty() {
    for (name, plan) in plans() {
        let document = lay_out(&plan);
        for (index, page) in document.pages.iter().enumerate() {
            let (bands, texts) = header_runs(page);
            for (i, run) in texts.iter().enumerate() {
                // A word continued on the next run must go on on the same line.
                if run.joins_next {
                    let next = texts.get(i + 1).expect("a continuation");
                    assert_eq!(
                        next.baseline,
                        run.baseline,
                        "{name} page {}: {:?} broken",
                        index + 1,
                        run.text
                    );
                }
            }
            for band in bands {
                assert!(
                    texts.iter().any(|r| band.contains(&r.bounds())),
                    "{name} page {}: an empty shaded header band at {band:?}",
                    index + 1
                );
            }
        }
    }
}

#[test]
fn an_ampersand_never_stands_alone_on_a_line() {
    for (name, plan) in plans() {
        let document = lay_out(&plan);
        for run in document.pages.iter().flat_map(Page::text_runs) {
            assert_ne!(run.text.trim(), "&", "{name}");
            assert!(!run.text.ends_with(" &"), "{name}: {:?}", run.text);
        }
    }
}

#[test]
fn a_figure_column_of_words_has_its_label_and_words_at_the_left() {
    let mut table = Table::new(
        TableKind::Generic,
        vec![
            Column::new("Activity area", ColumnKind::Text),
            Column::new("Planned activity", ColumnKind::Figure),
        ],
    );
    table.rows = vec![Row::new(
        RowKind::Data,
        vec![
            Cell::text("Referral criteria"),
            Cell::text("Broaden the range of referral groups"),
        ],
    )];
    let document = lay_out(&plan_with_table(table));
    let label = run(&document, "Planned activity");
    let words = run(&document, "Broaden the range of referral groups");
    assert!(
        (label.x - words.x).abs() < 0.01,
        "{} against {}",
        label.x,
        words.x
    );
}
