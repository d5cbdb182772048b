//! The plan's year in the app: File › Roll forward to next year… shows
//! its changes before applying them and opens next year's plan unsaved;
//! a new plan is made for the plan year asked.

mod common;

use common::{Fixture, set_field};
use egui_kittest::kittest::Queryable as _;

/// File › Roll forward to next year…
fn open_roll_forward(harness: &mut egui_kittest::Harness<'_, planwright::app::PlanwrightApp>) {
    harness.get_by_label("File").click();
    harness.run();
    harness
        .get_by_label_contains("Roll forward to next year")
        .click();
    harness.run();
}

#[test]
fn roll_forward_lists_the_changes_then_opens_next_year_s_plan_unsaved() {
    let fixture = Fixture::new();
    let plan = fixture.seed_copy("2008-09-strategy-policy-performance");
    let original = std::fs::read(&plan).unwrap();
    let mut harness = fixture.app(Some(plan.clone()));
    open_roll_forward(&mut harness);

    // The list of changes, before anything is changed.
    harness.get_by_label("Roll forward to 2009/10");
    harness.get_by_label("Annual Business Plan 2008/9 → Annual Business Plan 2009/10");
    harness.get_by_label_contains("In 2007, teams within");
    assert_eq!(harness.state().plan().cover.year, "2008/9");

    harness.get_by_label("Roll forward").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.plan().cover.year, "2009/10");
    assert_eq!(app.plan().status.state, planwright::model::PlanState::Draft);
    assert_eq!(app.path(), None, "next year's plan is a new file");
    assert!(app.is_dirty(), "and unsaved");
    assert_eq!(
        std::fs::read(&plan).unwrap(),
        original,
        "last year's is untouched"
    );
}

#[test]
fn cancelling_roll_forward_changes_nothing() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_on_template();
    open_roll_forward(&mut harness);
    harness.get_by_label("Roll forward to 2009/10");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state().plan().cover.year, "2008/09");
    assert!(harness.query_by_label("Roll forward to 2009/10").is_none());
}

/// File › New, the plan year typed, the first template picked.
fn new_plan_for(year: &str) -> egui_kittest::Harness<'static, planwright::app::PlanwrightApp> {
    let fixture = Fixture::new();
    let mut harness = fixture.app(None);
    harness.get_by_label("New").click();
    harness.run();
    set_field(&mut harness, "Plan year", year);
    harness
        .get_by_label(&planwright::template::all()[0].name)
        .click();
    harness.run();
    harness
}

#[test]
fn a_new_plan_is_made_for_the_plan_year_typed() {
    let harness = new_plan_for("2027/28");
    let plan = harness.state().plan();
    assert_eq!(plan.cover.year, "2027/28");
    assert_eq!(
        plan.cover.title,
        "Annual Business Unit Operational Plan 2027/8"
    );
}

#[test]
fn a_plan_year_that_is_not_one_is_refused_with_a_message() {
    let harness = new_plan_for("next year");
    harness.get_by_label_contains("\"next year\" is not a plan year");
}

#[test]
fn a_table_added_to_a_plan_is_labelled_for_the_plan_s_year() {
    let mut harness = new_plan_for("2027/28");
    harness.get_by_label("+ Add block").click();
    harness.run();
    harness.get_by_label("Table ▸").click();
    harness.run();
    harness.get_by_label("KPI table").click();
    harness.run();
    let plan = harness.state().plan();
    let planwright::model::Block::Table(kpis) = plan.sections[0].blocks.last().unwrap() else {
        panic!("no table added");
    };
    let labels: Vec<String> = kpis.columns.iter().map(|c| c.label.to_plain()).collect();
    assert_eq!(
        labels[1..],
        [
            "Actual performance 2025/6",
            "Estimated performance 2026/7",
            "National Average",
            "Comparator group",
            "Target 2027/8"
        ]
    );
}
