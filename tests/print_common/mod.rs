//! What the print tests share: the plans to print, where items may print,
//! and word counting.

#![allow(dead_code)] // each test file uses its own share of these

pub mod flow;

use planwright::layout::{self, Document, Item, Page, PageSettings, Role, TextRun};
use planwright::model::{Block, Cell, CellBlock, List, Plan, Rich, Section, file};
use planwright::template;
use std::collections::BTreeMap;
use std::path::Path;

/// Every seed plan in `seeds/` and a new plan from every template.
pub fn plans() -> Vec<(String, Plan)> {
    let mut plans: Vec<(String, Plan)> = template::all()
        .into_iter()
        .map(|t| (format!("template {}", t.id), t.new_plan()))
        .collect();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&seeds)
        .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|x| x == "ron"));
    paths.sort();
    for path in paths {
        let plan = file::load(&path).unwrap_or_else(|e| panic!("{e}"));
        plans.push((path.display().to_string(), plan));
    }
    plans
}

pub fn lay_out(plan: &Plan) -> Document {
    layout::layout(plan, &PageSettings::default())
}

pub type Words = BTreeMap<String, usize>;

pub fn count_words(words: &mut Words, text: &str) {
    for word in text.split_whitespace() {
        *words.entry(word.to_string()).or_default() += 1;
    }
}

pub fn rich_words(words: &mut Words, rich: &Rich) {
    count_words(words, &rich.to_plain());
}

/// Where an item of the given role may print on the page.
fn allowed_area(page: &Page, role: Option<Role>) -> Option<layout::Rect> {
    let settings = PageSettings::default();
    match role {
        Some(Role::Watermark) => None,
        Some(Role::RunningHeader) => Some(settings.header_box(page.orientation)),
        Some(Role::Footer) => Some(settings.footer_box(page.orientation)),
        _ => Some(settings.body_box(page.orientation)),
    }
}

/// Furniture rules sit on the edge of their bands; everything else must
/// be in the body.
fn is_furniture_rule(page: &Page, item: &Item) -> bool {
    let settings = PageSettings::default();
    let bounds = item.bounds();
    matches!(item, Item::Line { .. })
        && [
            settings.header_box(page.orientation),
            settings.footer_box(page.orientation),
        ]
        .iter()
        .any(|band| band.contains(&bounds))
}

/// Every item that prints outside where its role allows, described.
pub fn misplaced_items(document: &Document) -> Vec<String> {
    let mut misplaced = Vec::new();
    for (index, page) in document.pages.iter().enumerate() {
        for item in &page.items {
            let role = item.as_text().map(|r| r.role);
            if is_furniture_rule(page, item) {
                continue;
            }
            if let Some(area) = allowed_area(page, role)
                && !area.contains(&item.bounds())
            {
                misplaced.push(format!("page {}: {item:?} leaves {area:?}", index + 1));
            }
        }
    }
    misplaced
}

fn list_words(words: &mut Words, list: &List) {
    for item in &list.items {
        count_words(words, &item.marker);
        rich_words(words, &item.text);
        list_words(words, &item.children);
    }
}

fn cell_words(words: &mut Words, cell: &Cell) {
    for block in &cell.0 {
        match block {
            CellBlock::Para(rich) => rich_words(words, rich),
            CellBlock::List(list) => list_words(words, list),
            CellBlock::Rating(rating) => count_words(words, &rating.label),
        }
    }
}

fn block_words(words: &mut Words, block: &Block) {
    match block {
        Block::Paragraph(rich) => rich_words(words, rich),
        Block::Heading(heading) => rich_words(words, &heading.text),
        Block::List(list) => list_words(words, list),
        Block::Note(note) => {
            count_words(words, &note.marker);
            rich_words(words, &note.text);
        }
        Block::Table(table) => {
            table.caption.iter().for_each(|c| rich_words(words, c));
            for cell in
                (table.header_rows.iter().flatten()).chain(table.header_rows_below.iter().flatten())
            {
                rich_words(words, &cell.text);
            }
            table
                .columns
                .iter()
                .for_each(|c| rich_words(words, &c.label));
            for cell in table.rows.iter().flat_map(|r| &r.cells) {
                cell_words(words, cell);
            }
            for note in &table.notes {
                count_words(words, &note.marker);
                rich_words(words, &note.text);
            }
        }
        Block::OrgChart(chart) => {
            for line in chart.boxes.iter().flat_map(|b| &b.lines) {
                count_words(words, line);
            }
        }
    }
}

fn section_words(words: &mut Words, section: &Section) {
    count_words(words, &section.part);
    count_words(words, &section.number);
    rich_words(words, &section.heading);
    // The guidance is for the author only and is never printed.
    section.blocks.iter().for_each(|b| block_words(words, b));
    section
        .subsections
        .iter()
        .for_each(|s| section_words(words, s));
}

/// The words a plan prints: everything but its guidance.
pub fn model_words(plan: &Plan) -> Words {
    let mut words = Words::new();
    let cover = &plan.cover;
    for text in [
        &cover.directorate,
        &cover.division,
        &cover.unit,
        &cover.title,
    ] {
        count_words(&mut words, text);
    }
    if !cover.title.contains(cover.year.trim()) {
        count_words(&mut words, &cover.year);
    }
    for text in cover.cabinet_members.iter().chain(&cover.other_lines) {
        count_words(&mut words, text);
    }
    count_words(&mut words, &cover.director);
    count_words(&mut words, &cover.contact);
    count_words(&mut words, &plan.status.version);
    count_words(&mut words, &plan.status.date);
    for s in &plan.sign_off {
        for text in [&s.name, &s.role, &s.date] {
            count_words(&mut words, text);
        }
    }
    count_words(&mut words, &plan.contents.title);
    for entry in &plan.contents.entries {
        count_words(&mut words, &entry.text);
    }
    count_words(&mut words, &plan.body_title);
    plan.sections
        .iter()
        .for_each(|s| section_words(&mut words, s));
    words
}

/// The plan's words as printed: content runs only, with runs that continue
/// a word (a word broken across lines or styles) joined back together.
pub fn printed_words(document: &Document) -> Words {
    let runs: Vec<(usize, &TextRun)> = (document.pages.iter().enumerate())
        .flat_map(|(p, page)| page.text_runs().map(move |run| (p, run)))
        .filter(|(_, run)| run.role == Role::Content)
        .collect();
    let mut taken = vec![false; runs.len()];
    let mut text = String::new();
    for first in 0..runs.len() {
        let mut next = Some(first).filter(|&i| !taken[i]);
        while let Some(i) = next {
            taken[i] = true;
            text.push_str(&runs[i].1.text);
            next = continuation(&runs, &taken, i);
        }
        text.push(' ');
    }
    let mut words = Words::new();
    count_words(&mut words, &text);
    words
}

/// The run that continues `runs[i]`'s word, if it is broken: the next run
/// right after it on its line (another style), else the next one below it
/// in the same column (another line, maybe on the next page, after the
/// other cells of a row split there).
fn continuation(runs: &[(usize, &TextRun)], taken: &[bool], i: usize) -> Option<usize> {
    let (page, run) = runs[i];
    if !run.joins_next {
        return None;
    }
    let right = run.x + run.width;
    let follows = |&k: &usize| {
        let (next_page, next) = runs[k];
        let adjacent = next_page == page && (next.x - right).abs() < 0.5;
        let below = next_page > page || next.baseline > run.baseline + 0.5;
        let same_column = next.x < right && next.x + next.width > run.x;
        adjacent || (below && same_column)
    };
    (i + 1..runs.len()).filter(|&k| !taken[k]).find(follows)
}

pub fn differences(expected: &Words, actual: &Words) -> Vec<String> {
    let keys: std::collections::BTreeSet<_> = expected.keys().chain(actual.keys()).collect();
    keys.into_iter()
        .filter_map(|k| {
            let (e, a) = (
                expected.get(k).copied().unwrap_or(0),
                actual.get(k).copied().unwrap_or(0),
            );
            (e != a).then(|| format!("{k:?}: plan has {e}, pages have {a}"))
        })
        .collect()
}
