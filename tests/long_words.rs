//! Words wider than their column (a pasted URL, a long reference number)
//! break inside the word, in time linear in their length, and every
//! character still prints.

use planwright::layout::{self, Document, Page, PageSettings, TextRun};
use planwright::model::{Block, Cell, Plan, TableKind, file};
use std::path::Path;

/// The children's social services plan with `word` in the last cell of
/// its projects table's first row: six columns, a number column first.
/// Before the fix this hung `render` and ate gigabytes.
fn projects_plan(word: &str) -> Plan {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/2008-09-childrens-social-services.ron");
    let mut plan = file::load(&path).unwrap();
    let table = plan
        .sections
        .iter_mut()
        .flat_map(|s| s.blocks.iter_mut())
        .find_map(|b| match b {
            Block::Table(t) if t.kind == TableKind::Projects => Some(t),
            _ => None,
        })
        .expect("the seed has a projects table");
    let last = table.columns.len() - 1;
    table.rows[0].cells[last] = Cell::text(word);
    plan
}

fn lay_out(plan: &Plan) -> Document {
    layout::layout(plan, &PageSettings::default())
}

#[test]
fn a_long_word_in_a_table_cell_breaks_across_lines_and_prints_whole() {
    let word = "W".repeat(900);
    let document = lay_out(&projects_plan(&word));
    let runs: Vec<&TextRun> = document
        .pages
        .iter()
        .flat_map(Page::text_runs)
        .filter(|r| !r.text.is_empty() && r.text.chars().all(|c| c == 'W'))
        .collect();
    assert!(
        runs.len() > 1,
        "the word was not broken: {} runs",
        runs.len()
    );
    let printed: usize = runs.iter().map(|r| r.text.len()).sum();
    assert_eq!(printed, 900, "every character prints once");
    let (last, broken) = runs.split_last().unwrap();
    assert!(broken.iter().all(|r| r.joins_next) && !last.joins_next);
}

/// Thousands of lines in one cell, split over many pages, and a heading
/// of thousands of lines (kept together line by line): each page looks at
/// its own lines only, so this stays fast.
#[test]
fn a_huge_cell_and_a_huge_heading_lay_out_on_many_pages() {
    let word = "reference/".repeat(10_000);
    let mut plan = projects_plan(&word);
    plan.sections[0].heading = "Heading words ".repeat(5_000).into();
    let document = lay_out(&plan);
    let printed: usize = document
        .pages
        .iter()
        .flat_map(Page::text_runs)
        .filter(|r| r.text.starts_with("reference/"))
        .map(|r| r.text.matches("reference/").count())
        .sum();
    assert_eq!(printed, 10_000);
    assert!(document.pages.len() > 100, "{} pages", document.pages.len());
}
