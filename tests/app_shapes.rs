//! Issue 13's shapes in the one table editor, by accessible labels: a
//! deliverable added with its date, cells merged over rows and split
//! again, a group nested under another.

use common::{Fixture, type_into};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use planwright::app::PlanwrightApp;
use planwright::model::{Block, Table};

mod common;

const PROJECTS: &str = "PROJECTS, DEVELOPMENTS, KEY ACTIONS";

fn open_projects() -> (Fixture, Harness<'static, PlanwrightApp>) {
    open_projects_in(720.0)
}

fn open_projects_in(height: f32) -> (Fixture, Harness<'static, PlanwrightApp>) {
    let fixture = Fixture::new();
    let mut harness = fixture.app_sized(None, egui::vec2(1280.0, height));
    common::new_from_template(&mut harness, 0);
    harness.get_by_label(PROJECTS).click();
    harness.run();
    (fixture, harness)
}

fn projects(app: &PlanwrightApp) -> &Table {
    let (_, section) = (app.plan().walk_sections().into_iter())
        .find(|(_, s)| s.title() == PROJECTS)
        .unwrap();
    section
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .unwrap()
}

fn row_menu(harness: &mut Harness<'_, PlanwrightApp>, row: usize, item: &str) {
    harness
        .get_by_label(&format!("Row {row} actions (Projects table 2)"))
        .click();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
}

fn cell(row: usize, column: &str) -> String {
    format!("Projects table 2 row {row} {column}")
}

const PROJECT: &str = "Project/Development /Key action";
const DELIVERABLE: &str = "Deliverables or outcomes planned for 2008/09";
const DATE: &str = "Target dates";

#[test]
fn a_deliverable_is_added_with_its_date_beside_the_same_project() {
    let (_fixture, mut harness) = open_projects();
    type_into(&mut harness, &cell(2, PROJECT), "28. Direct the LCSPs");
    type_into(
        &mut harness,
        &cell(2, DELIVERABLE),
        "Consortia decommissioned",
    );
    type_into(&mut harness, &cell(2, DATE), "April 08");
    row_menu(&mut harness, 2, "Add a deliverable with its date");
    // The new line's project cell is the merged one above it.
    harness.get_by_label(&format!("(merged with the {PROJECT} above)"));
    type_into(&mut harness, &cell(3, DELIVERABLE), "Evaluation published");
    let table = projects(harness.state());
    let map = table.span_map();
    assert_eq!((map.rows(1, 0), map.rows(1, 1), map.rows(1, 2)), (2, 2, 2));
    assert_eq!(map.rows(1, 3), 1);
    assert_eq!(
        table.rows[2].cells[3].as_text().as_deref(),
        Some("Evaluation published")
    );
    // The new deliverable has no date yet, and the checks say so.
    let missing = "\"Evaluation published\" has no target date";
    assert!(
        harness
            .state()
            .findings()
            .iter()
            .any(|f| f.message == missing),
        "{:?}",
        harness.state().findings()
    );
    type_into(&mut harness, &cell(3, DATE), "May 08");
    assert!(
        harness
            .state()
            .findings()
            .iter()
            .all(|f| f.message != missing)
    );
}

#[test]
fn cells_merge_over_rows_and_split_again() {
    let (_fixture, mut harness) = open_projects();
    type_into(&mut harness, &cell(2, PROJECT), "Objective");
    harness.get_by_label("+ Add row").click();
    harness.run();
    type_into(&mut harness, &cell(3, DATE), "Dec 08");
    harness
        .get_by_label("Row 2 actions (Projects table 2)")
        .click();
    harness.run();
    harness.get_by_label("Merge cells over rows").click();
    harness.run();
    harness
        .get_by_label(&format!("Merge {PROJECT} with the row below"))
        .click();
    harness.run();
    assert_eq!(projects(harness.state()).span_map().rows(1, 0), 2);
    harness.get_by_label(&format!("(merged with the {PROJECT} above)"));
    // No "no lead" for the covered row's project: it is the merged one's.
    row_menu(&mut harness, 3, "Merge cells over rows");
    harness
        .get_by_label(&format!("Split merged {PROJECT}"))
        .click();
    harness.run();
    let table = projects(harness.state());
    assert_eq!(table.span_map().rows(1, 0), 1);
    assert_eq!(
        table.rows[1].cells[0].as_text().as_deref(),
        Some("Objective")
    );
}

#[test]
fn a_group_nests_under_the_group_above() {
    let (_fixture, mut harness) = open_projects();
    row_menu(&mut harness, 2, "Insert group row above");
    row_menu(&mut harness, 2, "Make a sub-group of the group above");
    let table = projects(harness.state());
    assert_eq!((table.rows[0].level, table.rows[1].level), (0, 1));
    row_menu(&mut harness, 2, "Make a group of its own");
    assert_eq!(projects(harness.state()).rows[1].level, 0);
}

#[test]
fn a_header_row_goes_under_the_column_labels() {
    // Tall enough to show the whole table layout fold.
    let (_fixture, mut harness) = open_projects_in(2000.0);
    harness
        .get_by_label("Table layout: caption, columns, header rows, notes")
        .click();
    harness.run();
    harness
        .get_by_label("+ Add header row below the labels")
        .click();
    harness.run();
    type_into(
        &mut harness,
        "Projects table 2 header row below the labels 1 cell 1",
        "2008/09",
    );
    let table = projects(harness.state());
    assert!(table.header_rows.is_empty());
    assert_eq!(table.header_rows_below[0][0].text.to_plain(), "2008/09");
    assert_eq!(
        usize::from(table.header_rows_below[0][0].span),
        table.columns.len()
    );
}
