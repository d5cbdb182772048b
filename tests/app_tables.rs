//! Tables at laptop width, by accessible labels: words never break inside,
//! widths hold still while typing, ratings show their labels, and budget
//! rows show what their parts make.

use common::{Fixture, new_from_template, type_into};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use planwright::app::PlanwrightApp;

mod common;

fn text_width(harness: &Harness<'_, PlanwrightApp>, text: &str) -> f32 {
    let font = egui::FontId::proportional(12.5);
    harness.ctx.fonts_mut(|f| {
        f.layout_no_wrap(text.to_owned(), font, egui::Color32::WHITE)
            .size()
            .x
    })
}

fn budget_at_1280() -> (Fixture, Harness<'static, PlanwrightApp>) {
    budget_at(1280.0)
}

/// A new plan's revenue budget in a window `width` wide.
fn budget_at(width: f32) -> (Fixture, Harness<'static, PlanwrightApp>) {
    let fixture = Fixture::new();
    let mut harness = fixture.app_sized(None, egui::vec2(width, 720.0));
    new_from_template(&mut harness, 0);
    harness.get_by_label("Revenue Budget").click();
    harness.run();
    (fixture, harness)
}

/// The widths of a few of the first row's cells.
fn row_widths(harness: &Harness<'_, PlanwrightApp>) -> Vec<f32> {
    ["Activity", "Employee Costs £000's", "Cabinet Member"]
        .iter()
        .map(|c| {
            let cell = format!("Revenue budget 1 row 1 {c}");
            harness.get_by_label(&cell).rect().width()
        })
        .collect()
}

#[test]
fn at_1280_px_no_word_breaks_and_widths_hold_while_typing() {
    let (_fixture, mut harness) = budget_at_1280();
    let activity = "Revenue budget 1 row 1 Activity";
    type_into(&mut harness, activity, "Controllable development");
    let width = harness.get_by_label(activity).rect().width();
    let longest = text_width(&harness, "Controllable");
    assert!(
        width >= longest + 8.0,
        "the Activity column ({width}) fits its longest word ({longest})"
    );
    // The subtotal's "Controllable Totals" is two lines, not three
    // ("Controllabl / e Totals" was), and a column label's words fit too.
    let one_line = harness
        .get_by_label("Revenue budget 1 row 1 Employee Costs £000's")
        .rect()
        .height();
    let totals = harness
        .get_by_label("Revenue budget 1 row 2 Activity")
        .rect()
        .height();
    assert!(totals < one_line * 2.2, "{totals} vs one line {one_line}");
    let money = harness
        .get_by_label("Revenue budget 1 row 1 Controllable Expenditure £000's (column 1)")
        .rect()
        .width();
    let word = text_width(&harness, "Expenditure");
    assert!(money >= word + 8.0, "{money} fits {word}");
    // More short words: the columns keep their widths.
    let before = row_widths(&harness);
    harness
        .get_by_label(activity)
        .type_text(" and a few more of it");
    harness.run();
    let after = row_widths(&harness);
    assert_eq!(before, after, "widths are stable while typing");
}

#[test]
fn a_budget_row_shows_its_computed_gross_and_controllable() {
    let (_fixture, mut harness) = budget_at_1280();
    for (column, figure) in [
        ("Employee Costs £000's", "10.5"),
        ("Running Costs £000's", "2"),
        ("External Income £000's", "-1.5"),
    ] {
        type_into(
            &mut harness,
            &format!("Revenue budget 1 row 1 {column}"),
            figure,
        );
    }
    // Gross = employee + running + contracts: nothing stated yet.
    harness.get_by_label("= 12.5");
    type_into(
        &mut harness,
        "Revenue budget 1 row 1 Gross Expenditure £000's",
        "13",
    );
    // Controllable = gross + incomes, from the stated gross.
    harness.get_by_label("= 11.5");
    let mismatch = "stated 13, but Employee Costs £000's + Running Costs £000's + Contracts & Projects £000's make 12.5";
    assert!(
        harness
            .state()
            .findings()
            .iter()
            .any(|f| f.message == mismatch),
        "{:?}",
        harness.state().findings()
    );
}

#[test]
fn rating_labels_are_not_cut() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_sized(None, egui::vec2(1280.0, 720.0));
    new_from_template(&mut harness, 0);
    harness
        .get_by_label("Key Performance Indicators 2008/9")
        .click();
    harness.run();
    harness.get_by_label("+ Add row").click();
    harness.run();
    let cell = "KPI table 1 row 2 Existing Performance";
    common::pick_band(&mut harness, cell, "●●● Acceptable");
    let field = harness
        .get_by_label("KPI table 1 row 2 Existing Performance rating label")
        .rect()
        .width();
    let word = text_width(&harness, "Acceptable");
    assert!(
        field >= word + 8.0,
        "the label field ({field}) shows {word}"
    );
}

/// Seen in the real window: filling a required section cleared its
/// finding and the page moved up under the pointer; and a longer word
/// that still fitted its column reshuffled all the widths.
#[test]
fn the_page_holds_still_when_a_finding_clears_and_widths_when_words_fit() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_sized(None, egui::vec2(1280.0, 720.0));
    new_from_template(&mut harness, 0);
    harness.get_by_label("Risks").click();
    harness.run();
    harness.get_by_label("⚠ required section \"Risks\" is empty");
    let button = |h: &Harness<'_, PlanwrightApp>| h.get_by_label("+ Add block").rect().min.y;
    let actions = |h: &Harness<'_, PlanwrightApp>| {
        h.get_by_label("Risk table 1 row 1 ACTIONS").rect().width()
    };
    let (y, width) = (button(&harness), actions(&harness));
    type_into(&mut harness, "Risk table 1 row 1 RISK", "Recruitment");
    assert!(
        harness
            .query_by_label_contains("required section \"Risks\" is empty")
            .is_none()
    );
    assert!((button(&harness) - y).abs() < 1.0, "the page did not move");
    assert_eq!(actions(&harness), width, "the columns did not move");
}

#[test]
fn the_label_column_stays_in_view_when_a_wide_table_scrolls_sideways() {
    let (_fixture, mut harness) = budget_at(900.0);
    let activity = "Revenue budget 1 row 1 Activity";
    let cabinet = "Revenue budget 1 row 1 Cabinet Member";
    let activity_before = harness.get_by_label(activity).rect().left();
    let cabinet_before = harness.get_by_label(cabinet).rect().left();
    harness.event(egui::Event::PointerMoved(
        harness.get_by_label(activity).rect().center(),
    ));
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(-2000.0, 0.0),
        modifiers: egui::Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
    harness.run();
    let scrolled = cabinet_before - harness.get_by_label(cabinet).rect().left();
    let activity_moved = activity_before - harness.get_by_label(activity).rect().left();
    assert!(scrolled > 100.0, "the grid scrolled sideways by {scrolled}");
    assert!(
        activity_moved < scrolled - 100.0,
        "the Activity column stays in view ({activity_moved} of {scrolled})"
    );
}
