//! File › Make a pack…: the open plan and another, as one PDF.

mod common;

use common::Fixture;
use egui_kittest::kittest::Queryable as _;
use planwright::app::commands::Command;
use std::path::Path;

fn seed(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(name)
}

#[test]
fn a_pack_of_the_open_plan_and_another_is_written() {
    let fixture = Fixture::new();
    let here = fixture.path("social.ron");
    std::fs::copy(seed("2008-09-childrens-social-services.ron"), &here).unwrap();
    let mut harness = fixture.app(Some(here));
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Make a pack…").click();
    harness.run();
    harness.get_by_label("social.ron");

    fixture
        .answers
        .queue(&seed("2008-09-strategy-policy-performance.ron"));
    harness.get_by_label("Add plan…").click();
    harness.run();
    harness.get_by_label("2008-09-strategy-policy-performance.ron");

    let output = fixture.path("pack.pdf");
    fixture.answers.queue(&output);
    harness.get_by_label("Make the pack…").click();
    harness.run();
    assert!(std::fs::read(&output).unwrap().starts_with(b"%PDF-"));
    harness.get_by_label_contains("Made a pack of 2 plans");
    assert_eq!(fixture.answers.shown.borrow().as_slice(), [output]);
}

#[test]
fn a_plan_that_does_not_load_is_named_and_no_pack_is_made() {
    let fixture = Fixture::new();
    let broken = fixture.path("broken.ron");
    std::fs::write(&broken, "(format_version: 1,").unwrap();
    let mut harness = fixture.app(None);
    harness.state_mut().command(Command::MakePack);
    harness.run();
    fixture.answers.queue(&broken);
    harness.get_by_label("Add plan…").click();
    harness.run();
    let output = fixture.path("pack.pdf");
    fixture.answers.queue(&output);
    harness.get_by_label("Make the pack…").click();
    harness.run();
    // The message names the file (and so does the list of plans).
    harness.get_by_label_contains("No pack was made");
    assert_eq!(harness.query_all_by_label_contains("broken.ron").count(), 2);
    assert!(!output.exists());
}
