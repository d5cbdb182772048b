//! The template's guidance in the editor of a real plan, which stores
//! none: read from the template by the section's slot.

use common::Fixture;
use egui_kittest::kittest::Queryable as _;
use std::path::PathBuf;

mod common;

#[test]
fn a_real_plan_shows_its_templates_guidance_folded_until_opened() {
    let fixture = Fixture::new();
    let seed = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("seeds/2008-09-strategy-policy-performance.ron");
    let mut harness = fixture.app(Some(seed));
    let plan = harness.state().plan().clone();
    assert!(plan.sections[0].guidance.is_empty());
    let guidance = planwright::template::guidance(&plan.template, &plan.sections[0]).to_owned();
    assert!(!guidance.is_empty());
    // The purpose is written, so its guidance is one line until opened.
    assert!(harness.query_by_label(&guidance).is_none());
    harness.get_by_label("Guidance (not printed)").click();
    harness.run();
    harness.get_by_label(&guidance);
    harness.get_by_label("Required by the template");
}
