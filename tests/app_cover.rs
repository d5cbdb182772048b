//! The cover and status form, by accessible labels: sign-off, dates and
//! the rating colours.

use common::{Fixture, type_into};
use egui_kittest::kittest::Queryable as _;
use planwright::model::{PlanState, SignOff};

mod common;

/// The button is low on the cover page: scrolled to first, since a click
/// where it would be if the page were taller lands on the findings.
fn add_sign_off(harness: &mut egui_kittest::Harness<'_, planwright::app::PlanwrightApp>) {
    harness.get_by_label("+ Add sign-off").scroll_to_me();
    harness.run();
    harness.get_by_label("+ Add sign-off").click();
    harness.run();
    harness.get_by_label("+ Add sign-off").scroll_to_me();
    harness.run();
}

#[test]
fn signed_off_needs_somebody_in_the_sign_off_list() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_on_template();
    harness.get_by_label("Cover and sign-off").click();
    harness.run();
    assert!(harness.state().plan().sign_off.is_empty());
    harness.get_by_label("State").click();
    harness.run();
    // Refused: the option is there but cannot be chosen.
    harness.get_by_label("Signed off").click();
    harness.run();
    assert_eq!(harness.state().plan().status.state, PlanState::Draft);

    // A plan written elsewhere as signed off with nobody is flagged.
    let mut plan = planwright::template::all()[0].new_plan();
    plan.status.state = PlanState::SignedOff;
    let path = fixture.path("signed.ron");
    planwright::model::file::save(&plan, &path).unwrap();
    let mut harness = fixture.app(Some(path));
    harness.get_by_label("Cover and sign-off").click();
    harness.run();
    let flag = "✖ Signed off, but nobody is in the sign-off list below: add who signed it off.";
    harness.get_by_label(flag);
    add_sign_off(&mut harness);
    type_into(&mut harness, "Sign-off 1 name", "J Smith");
    assert!(harness.query_by_label(flag).is_none());
    assert_eq!(
        harness.state().plan().sign_off,
        [SignOff {
            name: "J Smith".into(),
            ..SignOff::default()
        }]
    );
}

#[test]
fn dates_are_typed_as_the_plans_write_them_or_picked() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_on_template();
    harness.get_by_label("Cover and sign-off").click();
    harness.run();
    type_into(&mut harness, "Status date", "April 2008");
    assert_eq!(harness.state().plan().status.date, "April 2008");
    // The calendar opens on the month written, and picks a day...
    harness.get_by_label("Pick Status date").click();
    harness.run();
    harness.get_by_label("15 April 2008").click();
    harness.run();
    assert_eq!(harness.state().plan().status.date, "15 April 2008");
    // ... or, a month on, the whole month.
    harness.get_by_label("Pick Status date").click();
    harness.run();
    harness.get_by_label("Next month").click();
    harness.run();
    harness.get_by_label("May 2008").click();
    harness.run();
    assert_eq!(harness.state().plan().status.date, "May 2008");
    // Sign-off dates have the same calendar.
    add_sign_off(&mut harness);
    harness.get_by_label("Pick Sign-off 1 date");
}

#[test]
fn rating_colours_are_picked_not_typed() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_on_template();
    harness.get_by_label("Cover and sign-off").click();
    harness.run();
    let hex = harness.state().plan().rating_scale[2].colour.clone();
    harness.get_by_label("Band 3 colour");
    harness.get_by_label(&hex);
    assert!(
        harness.query_by_label_contains("#rrggbb").is_none(),
        "no hex to type"
    );
}
