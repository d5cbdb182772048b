//! File › Compare with…: the changes since an earlier version, listed in
//! a panel, each a jump to its place.

mod common;

use common::Fixture;
use egui_kittest::kittest::Queryable as _;
use planwright::diff::diff;
use planwright::model::{Block, Plan, file};
use planwright::ui::Page;
use std::path::Path;

const SEED: &str = "2008-09-childrens-social-services.ron";

/// The seed, and an earlier version of it that lacked one word in a
/// paragraph of a later section.
fn plan_and_earlier(fixture: &Fixture) -> (std::path::PathBuf, Plan) {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(SEED);
    let plan = file::load(&seed).unwrap();
    let mut earlier = plan.clone();
    let path = earlier
        .walk_sections()
        .into_iter()
        .map(|(p, _)| p)
        .find(|p| {
            p[0] > 0
                && earlier.section(p).unwrap().blocks.iter().any(
                    |b| matches!(b, Block::Paragraph(r) if r.is_plain() && r.to_plain().contains(' ')),
                )
        })
        .unwrap();
    let section = earlier.section_mut(&path).unwrap();
    for block in &mut section.blocks {
        if let Block::Paragraph(r) = block
            && r.is_plain()
            && r.to_plain().contains(' ')
        {
            let text = r.to_plain();
            let (_, rest) = text.split_once(' ').unwrap();
            *r = rest.into();
            break;
        }
    }
    let here = fixture.path("plan.ron");
    file::save(&plan, &here).unwrap();
    (here, earlier)
}

#[test]
fn compare_with_a_file_lists_the_changes_and_a_click_jumps_to_one() {
    let fixture = Fixture::new();
    let (here, earlier) = plan_and_earlier(&fixture);
    let old_path = fixture.path("sent-to-smt.ron");
    file::save(&earlier, &old_path).unwrap();
    let expected = diff(&earlier, &file::load(&here).unwrap());
    assert_eq!(expected.changes.len(), 1, "{expected:#?}");
    let change = &expected.changes[0];

    let mut harness = fixture.app(Some(here.clone()));
    fixture.answers.queue(&old_path);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Compare with…").click();
    harness.run();

    // The list shows the section (as the tree does) and the change.
    harness.get_by_label("Changes");
    assert_eq!(harness.query_all_by_label(&change.section).count(), 2);
    let entry = change.what.to_string();
    assert_ne!(harness.state().page(), &Page::of(&change.place));
    harness.get_by_label(&entry).click();
    harness.run();
    assert_eq!(harness.state().page(), &Page::of(&change.place));
}

#[test]
fn a_version_kept_beside_the_plan_is_offered_and_compared() {
    let fixture = Fixture::new();
    let (here, earlier) = plan_and_earlier(&fixture);
    file::save(&earlier, &fixture.path("plan.v0.1.ron")).unwrap();
    let mut harness = fixture.app(Some(here));
    // No dialog is answered: the kept version is offered instead.
    harness
        .state_mut()
        .command(planwright::app::commands::Command::CompareWith);
    harness.run();
    harness.get_by_label("plan.v0.1.ron").click();
    harness.run();
    harness.get_by_label_contains("1 change since");
    harness.get_by_label("Close").click();
    harness.run();
    assert!(harness.query_by_label("Another file…").is_none());
}
