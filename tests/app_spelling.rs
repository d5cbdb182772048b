//! Spelling in the real editor: a misspelt word offers the speller's
//! suggestions on a right click, and "Add to plan's dictionary" teaches
//! the plan the word, as one step to undo.

use common::{Fixture, purpose_text, type_into};
use egui_kittest::kittest::Queryable as _;

mod common;

#[test]
fn a_misspelt_word_offers_suggestions_and_can_be_added_to_the_plans_dictionary() {
    // Loaded before the first frame, as the app's background load does
    // long before an author types.
    planwright::edit::spelling::speller();
    let fixture = Fixture::new();
    let mut harness = fixture.app_on_template();
    type_into(&mut harness, "Paragraph 1", "Our teams recieve");
    // A right click past the end of the text lands on its last word.
    harness.get_by_label("Paragraph 1").click_secondary();
    harness.run();
    harness.get_by_label("receive").click();
    harness.run();
    assert_eq!(purpose_text(harness.state()), "Our teams receive");

    type_into(&mut harness, "Paragraph 1", " Zorblatt");
    harness.get_by_label("Paragraph 1").click_secondary();
    harness.run();
    harness.get_by_label("Add to plan's dictionary").click();
    harness.run();
    assert_eq!(harness.state().plan().dictionary, ["Zorblatt"]);
    // A correct word offers no menu.
    harness.get_by_label("Paragraph 1").click_secondary();
    harness.run();
    assert!(harness.query_by_label("Add to plan's dictionary").is_none());

    harness.get_by_label("Undo").click();
    harness.run();
    assert!(harness.state().plan().dictionary.is_empty());
    assert_eq!(purpose_text(harness.state()), "Our teams receive Zorblatt");
}
