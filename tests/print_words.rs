//! Every word of a plan is printed exactly as often as the plan holds it
//! (and its guidance never), checked on the laid-out pages.

mod print_common;
use print_common as common;

use common::{Words, count_words, lay_out, plans, rich_words};
use planwright::layout::{Document, Page, Role};
use planwright::model::{Block, Cell, CellBlock, List, Plan, Section};
use planwright::template;

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
        Block::List(list) => list_words(words, list),
        Block::Note(note) => {
            count_words(words, &note.marker);
            rich_words(words, &note.text);
        }
        Block::Table(table) => {
            table.caption.iter().for_each(|c| rich_words(words, c));
            for cell in table.header_rows.iter().flatten() {
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
fn model_words(plan: &Plan) -> Words {
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
fn printed_words(document: &Document) -> Words {
    let mut text = String::new();
    for run in document.pages.iter().flat_map(Page::text_runs) {
        if run.role == Role::Content {
            text.push_str(&run.text);
            if !run.joins_next {
                text.push(' ');
            }
        }
    }
    let mut words = Words::new();
    count_words(&mut words, &text);
    words
}

fn differences(expected: &Words, actual: &Words) -> Vec<String> {
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
