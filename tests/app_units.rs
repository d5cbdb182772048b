//! The editor's forms for units and sub-headings, driven through their
//! accessible labels with kittest.

use common::{Fixture, type_into};
use egui_kittest::kittest::Queryable as _;
use planwright::model::{Block, Heading, Rich, Unit, file};

mod common;

/// A plan from the 2008 template with three units, saved and opened.
fn plan_with_units(fixture: &Fixture) -> std::path::PathBuf {
    let mut plan = planwright::template::all()[0].new_plan();
    plan.units = vec![
        Unit {
            name: "Management Information".into(),
            short_name: "MI".into(),
            manager: "Donna Shkalla".into(),
        },
        Unit::new("Policy and Performance"),
    ];
    let path = fixture.path("division.ron");
    file::save(&plan, &path).unwrap();
    path
}

#[test]
fn a_section_is_given_a_unit_from_the_plans_units() {
    let fixture = Fixture::new();
    let path = plan_with_units(&fixture);
    let mut harness = fixture.app(Some(path));
    assert_eq!(harness.state().plan().units.len(), 2);
    harness.get_by_label("Section unit").click();
    harness.run();
    harness.get_by_label("Management Information (MI)").click();
    harness.run();
    assert_eq!(
        harness.state().plan().sections[0].unit,
        "Management Information"
    );
    assert!(harness.state().is_dirty());

    // Back to the whole plan: the unit is cleared, not left dangling.
    harness.get_by_label("Section unit").click();
    harness.run();
    harness.get_by_label("The whole plan").click();
    harness.run();
    assert_eq!(harness.state().plan().sections[0].unit, "");
}

#[test]
fn a_plan_without_units_offers_no_unit_picker() {
    let fixture = Fixture::new();
    let harness = fixture.app_on_template();
    assert!(harness.query_by_label("Section unit").is_none());
}

#[test]
fn a_sub_heading_is_added_typed_and_given_a_level() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_on_template();
    let before = harness.state().plan().sections[0].blocks.len();
    harness.get_by_label("+ Add sub-heading").click();
    harness.run();
    let blocks = &harness.state().plan().sections[0].blocks;
    assert_eq!(blocks.len(), before + 1);
    assert_eq!(blocks[before], Block::Heading(Heading::default()));

    let name = format!("Sub-heading {}", before + 1);
    type_into(&mut harness, &name, "Outcome 1: Equal services");
    harness.get_by_label(&format!("{name} level")).click();
    harness.run();
    harness.get_by_label("Level 4").click();
    harness.run();
    let Block::Heading(heading) = &harness.state().plan().sections[0].blocks[before] else {
        panic!("the new block is a sub-heading");
    };
    assert_eq!(heading.text, Rich::plain("Outcome 1: Equal services"));
    assert_eq!(heading.level, 4);

    // The tree lists it under its section; a click goes to it.
    harness.get_by_label("· Outcome 1: Equal services").click();
    harness.run();
}

#[test]
fn the_findings_panel_filters_by_unit() {
    let fixture = Fixture::new();
    let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds/2008-09-strategy-policy-performance.ron");
    let path = fixture.path("strategy.ron");
    std::fs::copy(seed, &path).unwrap();
    let mut harness = fixture.app(Some(path));
    let budget_gap = "unit \"Management Information\" has no revenue budget";
    let rounding = "stated 3,008.1, rows sum to 3,008.2";
    assert!(harness.query_by_label_contains(budget_gap).is_some());
    assert!(harness.query_by_label_contains(rounding).is_some());
    harness.get_by_label("Findings unit filter").click();
    harness.run();
    harness.get_by_label("Management Information").click();
    harness.run();
    assert!(harness.query_by_label_contains(budget_gap).is_some());
    assert!(
        harness.query_by_label_contains(rounding).is_none(),
        "another unit's finding is filtered out"
    );
}
