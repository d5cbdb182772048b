//! Find and replace in the real editor, by accessible labels.

use common::Fixture;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use planwright::app::PlanwrightApp;
use planwright::edit::find::{Query, search};
use std::path::PathBuf;

mod common;

fn strategy_plan() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds/2008-09-strategy-policy-performance.ron")
}

fn open_find(harness: &mut Harness<'_, PlanwrightApp>, query: &str) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    harness.get_by_label("Find text").type_text(query);
    harness.run();
}

/// Word's habit: Enter, Enter, Enter in the find box. Each goes to the
/// next match; none types into the cell the editor scrolled to, however
/// many frames the jump takes (the race of the bug).
#[test]
fn enter_in_the_find_box_goes_to_the_next_match_and_never_edits() {
    let fixture = Fixture::new();
    let mut harness = fixture.app(Some(strategy_plan()));
    let before = harness.state().plan().clone();
    open_find(&mut harness, "Directorate Overheads");
    let found = search(
        before_plan(&harness),
        &Query::plain("Directorate Overheads"),
    );
    assert!(found.len() >= 2, "{found:?}");
    for i in 0..found.len() + 1 {
        harness.key_press(egui::Key::Enter);
        // One frame at a time: the editor's jump to the cell spans frames.
        for _ in 0..4 {
            harness.step();
        }
        harness.run();
        let expected = &found[i % found.len()];
        assert_eq!(
            harness.state().page(),
            &planwright::ui::Page::of(&expected.location)
        );
        harness.get_by_label(&format!("{} of {}", i % found.len() + 1, found.len()));
        assert!(
            harness.get_by_label("Find text").is_focused(),
            "the find box keeps the keyboard after Enter {}",
            i + 1
        );
    }
    assert_eq!(
        harness.state().plan(),
        &before,
        "Find never changes the plan"
    );
    assert!(!harness.state().is_dirty());
    // Shift+Enter goes back, from the first to the last.
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Enter);
    harness.run();
    let n = found.len();
    harness.get_by_label(&format!("{n} of {n}"));
    assert!(harness.get_by_label("Find text").is_focused());
    // The results name their section.
    let first = &found[0];
    harness.get_by_label(&format!("{}: {}", first.section, first.snippet));
}

fn before_plan<'a>(harness: &'a Harness<'_, PlanwrightApp>) -> &'a planwright::model::Plan {
    harness.state().plan()
}

#[test]
fn replace_all_is_one_undo_step_and_reaches_the_cover() {
    let fixture = Fixture::new();
    let mut harness = fixture.app(Some(strategy_plan()));
    let before = harness.state().plan().clone();
    let query = Query::plain("Directorate");
    let count = search(&before, &query).len();
    assert!(search(&before, &query).iter().any(|m| m.section == "Cover"));
    harness.get_by_label("Replace").click();
    harness.run();
    harness.get_by_label("Find text").type_text("Directorate");
    harness.run();
    harness.get_by_label("Replace with").focus();
    harness.run();
    harness.get_by_label("Replace with").type_text("Division");
    harness.run();
    harness.get_by_label("Replace all").click();
    harness.run();
    assert!(search(harness.state().plan(), &query).is_empty());
    assert!(
        harness
            .state()
            .plan()
            .cover
            .directorate
            .contains("Division")
    );
    harness.get_by_label(&format!("Replaced {count} places"));
    // One Undo takes all of it back.
    harness.get_by_label("Undo").click();
    harness.run();
    assert_eq!(harness.state().plan(), &before);
    assert!(!harness.state().is_dirty());
}

#[test]
fn replace_one_match_then_the_next_with_match_case_and_this_page_only() {
    let fixture = Fixture::new();
    let mut harness = fixture.app(Some(strategy_plan()));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::H);
    harness.run();
    harness.get_by_label("Find text").type_text("Overheads");
    harness.run();
    harness.get_by_label("Match case").click();
    harness.run();
    let mut query = Query {
        text: "Overheads".into(),
        match_case: true,
        ..Query::default()
    };
    let all = search(harness.state().plan(), &query).len();
    harness.get_by_label("Replace with").focus();
    harness.run();
    harness.get_by_label("Replace with").type_text("Costs");
    harness.run();
    // The first press goes to the first match; the second replaces it.
    harness.get_by_label("Replace match").click();
    harness.run();
    harness.get_by_label("Replace match").click();
    harness.run();
    assert_eq!(search(harness.state().plan(), &query).len(), all - 1);
    // This page only: the scope is the page the first match was on.
    harness.get_by_label("This page only").click();
    harness.run();
    query.scope = Some(harness.state().page().clone());
    let here = search(harness.state().plan(), &query).len();
    harness.get_by_label("Replace all").click();
    harness.run();
    query.scope = None;
    assert_eq!(search(harness.state().plan(), &query).len(), all - 1 - here);
}
