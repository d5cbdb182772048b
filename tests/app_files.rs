//! Files through the real app: save and reopen, the unsaved-changes
//! prompt, recovery, errors, a colleague's save, recent files.

use common::{Fixture, new_from_template, purpose_text, type_into};
use egui_kittest::kittest::Queryable as _;

mod common;

#[test]
fn save_reopen_and_compare() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_on_template();
    type_into(&mut harness, "Paragraph 1", "Saved words.");
    let path = fixture.path("plan.ron");
    fixture.answers.queue(&path);
    harness.get_by_label("Save").click();
    harness.run();
    assert_eq!(harness.state().path(), Some(path.as_path()));
    assert!(!harness.state().is_dirty());
    harness.get_by_label("Saved");

    let reopened = fixture.app(Some(path.clone()));
    assert_eq!(reopened.state().plan(), harness.state().plan());
    assert_eq!(purpose_text(reopened.state()), "Saved words.");
    assert_eq!(reopened.state().prefs().recent.len(), 1);
}

#[test]
fn unsaved_changes_are_asked_about() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_on_template();
    type_into(&mut harness, "Paragraph 1", "Not yet saved.");
    let other = planwright::template::all()[1].clone();
    harness.get_by_label("New").click();
    harness.run();
    harness.get_by_label(&other.name).click();
    harness.run();
    harness.get_by_label_contains("Save changes to");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(purpose_text(harness.state()), "Not yet saved.");

    // Quit asks too; Don't Save goes ahead.
    harness
        .state_mut()
        .command(planwright::app::commands::Command::Quit);
    harness.run();
    harness.get_by_label_contains("before closing");
    harness.get_by_label("Don't Save").click();
    harness.run();
    assert!(harness.query_by_label_contains("Save changes to").is_none());
}

/// Seen in the real window: `planwright plan.ron` after a crash opened
/// the plan and deleted the unsaved work before offering it back.
#[test]
fn recovery_is_offered_when_started_on_a_plan() {
    let fixture = Fixture::new();
    let path = fixture.path("plan.ron");
    planwright::model::file::save(&planwright::template::all()[0].new_plan(), &path).unwrap();
    let mut harness = fixture.app(Some(path.clone()));
    type_into(&mut harness, "Paragraph 1", "Work before the crash.");
    for _ in 0..12 {
        harness.step();
    }
    drop(harness);

    let mut restarted = fixture.app(Some(path.clone()));
    restarted.get_by_label("Restore unsaved work?");
    restarted.get_by_label("Restore").click();
    restarted.run();
    assert_eq!(purpose_text(restarted.state()), "Work before the crash.");
    assert_eq!(restarted.state().path(), Some(path.as_path()));
    assert!(restarted.state().is_dirty());
}

#[test]
fn recovery_restores_an_autosave() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_on_template();
    type_into(&mut harness, "Paragraph 1", "Work before the crash.");
    // Idle for a few seconds: the autosave runs.
    for _ in 0..12 {
        harness.step();
    }
    drop(harness); // the crash: no save, no clean exit

    let mut restarted = fixture.app(None);
    restarted.get_by_label("Restore unsaved work?");
    restarted.get_by_label("Restore").click();
    restarted.run();
    assert_eq!(purpose_text(restarted.state()), "Work before the crash.");
    assert!(
        restarted.state().is_dirty(),
        "restored work is not saved yet"
    );
}

#[test]
fn a_malformed_file_shows_its_error_and_keeps_the_open_plan() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_on_template();
    type_into(&mut harness, "Paragraph 1", "Keep me.");
    let bad = fixture.path("bad.ron");
    std::fs::write(
        &bad,
        "Plan(format_version: 1, template: \"x\", cover: Cover(directorate: ",
    )
    .unwrap();
    fixture.answers.queue(&bad);
    // Don't Save: go straight to the dialog.
    harness.get_by_label("Open").click();
    harness.run();
    harness.get_by_label("Don't Save").click();
    harness.run();
    harness.get_by_label("The plan could not be opened");
    harness.get_by_label_contains("bad.ron:1:");
    harness.get_by_label("OK").click();
    harness.run();
    assert_eq!(purpose_text(harness.state()), "Keep me.");
    assert!(harness.state().path().is_none());
}

#[test]
fn save_asks_when_the_file_changed_on_disk() {
    let fixture = Fixture::new();
    let path = fixture.path("shared.ron");
    planwright::model::file::save(&planwright::template::all()[0].new_plan(), &path).unwrap();
    let mut harness = fixture.app(Some(path.clone()));
    type_into(&mut harness, "Paragraph 1", "Mine.");
    // A colleague saves over it on the shared drive.
    let mut theirs = planwright::model::file::load(&path).unwrap();
    theirs.cover.unit = "Their unit".into();
    planwright::model::file::save(&theirs, &path).unwrap();

    harness.get_by_label("Save").click();
    harness.run();
    harness.get_by_label("The file was changed by someone else");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(
        planwright::model::file::load(&path).unwrap(),
        theirs,
        "nothing was overwritten"
    );
    assert!(harness.state().is_dirty());

    // Save As keeps both.
    let copy = fixture.path("mine.ron");
    fixture.answers.queue(&copy);
    harness.get_by_label("Save").click();
    harness.run();
    harness.get_by_label("Save As…").click();
    harness.run();
    assert_eq!(planwright::model::file::load(&path).unwrap(), theirs);
    assert_eq!(
        planwright::model::file::load(&copy).unwrap(),
        *harness.state().plan()
    );
    assert_eq!(harness.state().path(), Some(copy.as_path()));
}

#[test]
fn a_recent_plan_opens_from_the_file_menu() {
    let fixture = Fixture::new();
    let path = fixture.path("recent.ron");
    let mut plan = planwright::template::all()[1].new_plan();
    plan.cover.unit = "Recent unit".into();
    planwright::model::file::save(&plan, &path).unwrap();
    let mut harness = fixture.app(Some(path.clone()));
    new_from_template(&mut harness, 0);
    assert_ne!(harness.state().plan(), &plan);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open recent").click();
    harness.run();
    let shown = std::fs::canonicalize(&path).unwrap().display().to_string();
    harness.get_by_label(&shown).click();
    harness.run();
    assert_eq!(harness.state().plan(), &plan);
}

#[test]
fn a_failed_save_shows_why_and_keeps_the_work() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_on_template();
    type_into(&mut harness, "Paragraph 1", "Unsaved work.");
    // A folder that is not there, as a disconnected shared drive would be.
    let nowhere = fixture.path("gone").join("plan.ron");
    fixture.answers.queue(&nowhere);
    harness.get_by_label("Save").click();
    harness.run();
    harness.get_by_label("The plan could not be saved");
    harness.get_by_label_contains("gone");
    harness.get_by_label("OK").click();
    harness.run();
    assert!(harness.state().is_dirty());
    assert!(harness.state().path().is_none());
    assert_eq!(purpose_text(harness.state()), "Unsaved work.");
}

#[test]
fn save_in_the_prompt_saves_then_goes_on() {
    let fixture = Fixture::new();
    let path = fixture.path("mine.ron");
    planwright::model::file::save(&planwright::template::all()[0].new_plan(), &path).unwrap();
    let mut harness = fixture.app(Some(path.clone()));
    type_into(&mut harness, "Paragraph 1", "Keep this.");
    harness.get_by_label("New").click();
    harness.run();
    harness
        .get_by_label(&planwright::template::all()[1].name)
        .click();
    harness.run();
    click_prompt_save(&mut harness);
    let saved = planwright::model::file::load(&path).unwrap();
    match &saved.sections[0].blocks[0] {
        planwright::model::Block::Paragraph(p) => assert_eq!(p.to_plain(), "Keep this."),
        other => panic!("{other:?}"),
    }
    // For the plan year the dialog offers: the coming April's.
    let year = planwright::template::default_year();
    assert_eq!(
        harness.state().plan(),
        &planwright::template::all()[1].new_plan_for(year)
    );
    assert!(harness.state().path().is_none());

    // Save As cancelled in the prompt: nothing happens, the work stays.
    type_into(&mut harness, "Paragraph 1", "Unsaved.");
    harness.get_by_label("New").click();
    harness.run();
    harness
        .get_by_label(&planwright::template::all()[0].name)
        .click();
    harness.run();
    click_prompt_save(&mut harness); // no path queued: the dialog is cancelled
    assert!(harness.state().is_dirty());
    assert_eq!(
        harness.state().plan().template,
        planwright::template::all()[1].id
    );
}

/// The prompt's Save, not the toolbar's: the prompt is drawn last.
fn click_prompt_save(harness: &mut egui_kittest::Harness<'_, planwright::app::PlanwrightApp>) {
    let saves: Vec<_> = harness.get_all_by_label("Save").collect();
    assert_eq!(saves.len(), 2, "the toolbar's and the prompt's");
    saves[1].click();
    harness.run();
}

#[test]
fn export_pdf_writes_the_plan_and_opens_it() {
    let fixture = Fixture::new();
    let mut harness = fixture.app(None);
    let pdf = fixture.path("plan.pdf");
    fixture.answers.queue(&pdf);
    harness.get_by_label("Export PDF").click();
    // The print engine works on a worker thread; the window keeps drawing
    // (a spinner in the status bar) until the PDF is written.
    harness.run_steps(2);
    let started = std::time::Instant::now();
    while fixture.answers.shown.borrow().is_empty() && started.elapsed().as_secs() < 120 {
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.step();
    }
    assert_eq!(
        *fixture.answers.shown.borrow(),
        vec![pdf.clone()],
        "opened in the viewer"
    );
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"), "a PDF");
    assert!(
        bytes.len() > 10_000,
        "with the plan in it: {} bytes",
        bytes.len()
    );
    assert!(!harness.state().is_dirty(), "exporting is not an edit");
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_on_template();
    type_into(&mut harness, "Paragraph 1", "Not saved.");
    // The window's close button, as the system reports it.
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
    harness.get_by_label_contains("before closing?");
    assert!(
        harness
            .output()
            .viewport_output
            .get(&egui::ViewportId::ROOT)
            .is_none_or(|v| !v.commands.contains(&egui::ViewportCommand::Close)),
        "the window stays open"
    );
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(purpose_text(harness.state()), "Not saved.");
}

#[test]
fn export_pdf_refuses_the_plans_own_path() {
    let fixture = Fixture::new();
    let plan = fixture.seed_copy("2008-09-strategy-policy-performance");
    let original = std::fs::read(&plan).unwrap();
    let mut harness = fixture.app(Some(plan.clone()));
    fixture.answers.queue(&plan);
    harness.get_by_label("Export PDF").click();
    harness.run();
    harness.get_by_label("The PDF was not exported");
    harness.get_by_label_contains("is the plan itself");
    harness.get_by_label("OK").click();
    harness.run();
    assert_eq!(
        std::fs::read(&plan).unwrap(),
        original,
        "the plan is untouched"
    );
    assert!(fixture.answers.shown.borrow().is_empty());
}

#[test]
fn export_html_from_the_file_menu_writes_the_page_and_opens_it() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_on_template();
    type_into(&mut harness, "Paragraph 1", "We publish <our> plan & more.");
    let page = fixture.path("plan.html");
    fixture.answers.queue(&page);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Export HTML").click();
    harness.run();
    let html = std::fs::read_to_string(&page).unwrap();
    assert_eq!(html, planwright::html::render(harness.state().plan()));
    assert!(html.contains("We publish &lt;our&gt; plan &amp; more."));
    assert_eq!(*fixture.answers.shown.borrow(), vec![page.clone()]);
    assert!(harness.state().is_dirty(), "exporting is not saving");

    // With no file dialog the path is typed; a file that is not a page is
    // left alone, and the author told why.
    *fixture.answers.unavailable.borrow_mut() = true;
    let notes = fixture.path("notes.txt");
    std::fs::write(&notes, "my notes").unwrap();
    harness
        .state_mut()
        .command(planwright::app::commands::Command::ExportHtml);
    harness.run();
    harness.get_by_label("No file dialog is available");
    harness.get_by_label("File path").focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness
        .get_by_label("File path")
        .type_text(&notes.display().to_string());
    harness.run();
    harness.get_by_label("Export to this file").click();
    harness.run();
    harness.get_by_label("The HTML was not exported");
    harness.get_by_label_contains("is not an HTML page");
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "my notes");
}
