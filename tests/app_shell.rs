//! What a new user trips over, by accessible labels: file dialogs that
//! cannot open, deleting with ✕, F6, a colleague's save, rich text.

use common::{Fixture, type_into};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use planwright::app::PlanwrightApp;
use planwright::model::{Block, Rich};

mod common;

fn paragraph(app: &PlanwrightApp) -> Rich {
    match &app.plan().sections[0].blocks[0] {
        Block::Paragraph(p) => p.clone(),
        other => panic!("a {}", other.kind_name()),
    }
}

/// On a desktop with no file dialog, Save on a new plan asks for a path
/// in a field instead of quietly giving up.
#[test]
fn with_no_file_dialog_a_new_plan_is_saved_to_a_typed_path() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_on_template();
    *fixture.answers.unavailable.borrow_mut() = true;
    type_into(&mut harness, "Paragraph 1", "We protect children.");
    harness.get_by_label("Save").click();
    harness.run();
    harness.get_by_label("No file dialog is available");
    let path = fixture.path("typed.ron");
    let field = harness.get_by_label("File path");
    field.focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness
        .get_by_label("File path")
        .type_text(&path.display().to_string());
    harness.run();
    harness.get_by_label("Save to this file").click();
    harness.run();
    assert_eq!(harness.state().path(), Some(path.as_path()));
    assert!(!harness.state().is_dirty());
    let saved = planwright::model::file::load(&path).unwrap();
    assert_eq!(&saved, harness.state().plan());

    // Export PDF and Open take the same way round; Enter accepts the path
    // proposed (it did nothing in the real window).
    harness.get_by_label("Export PDF").click();
    harness.run();
    harness.get_by_label("No file dialog is available");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label("No file dialog is available")
            .is_none()
    );
    let pdf = fixture.path("typed.pdf");
    for _ in 0..200 {
        if fixture.answers.shown.borrow().contains(&pdf) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.step();
    }
    assert!(pdf.exists(), "the PDF is written where the field said");
    harness.get_by_label("Open").click();
    harness.run();
    harness.get_by_label("No file dialog is available");
}

#[test]
fn a_cancelled_save_says_so() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_on_template();
    type_into(&mut harness, "Paragraph 1", "x");
    harness.get_by_label("Save").click();
    harness.run();
    harness.get_by_label("Not saved");
    assert!(harness.state().is_dirty());
}

#[test]
fn a_deleted_block_comes_back_from_the_status_bar() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_on_template();
    type_into(&mut harness, "Paragraph 1", "Keep me");
    let before = harness.state().plan().clone();
    harness.get_by_label("Remove Paragraph 1").click();
    harness.run();
    assert_ne!(harness.state().plan(), &before);
    harness.get_by_label("Deleted Paragraph 1 —");
    harness.get_by_label("Undo deleting Paragraph 1").click();
    harness.run();
    assert_eq!(harness.state().plan(), &before);
    assert!(harness.query_by_label("Deleted Paragraph 1 —").is_none());
}

#[test]
fn f6_moves_between_the_tree_the_editor_and_the_findings() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_on_template();
    let focused = |h: &Harness<'_, PlanwrightApp>, label: &str| h.get_by_label(label).is_focused();
    // From the editor (where the app starts) F6 goes to the findings, then
    // the tree, then back to the editor's first field.
    harness.key_press(egui::Key::F6);
    harness.run();
    let first_finding = planwright::ui::findings::describe(
        harness.state().plan(),
        &harness.state().findings()[0].location,
    );
    let message = &harness.state().findings()[0].message;
    assert!(focused(&harness, &format!("{first_finding}: {message}")));
    harness.key_press(egui::Key::F6);
    harness.run();
    assert!(
        focused(&harness, "PURPOSE OF THE SERVICE"),
        "the tree's selection"
    );
    // Arrow down and Enter open the next section.
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().page(),
        &planwright::ui::Page::Section(vec![1])
    );
    harness.key_press(egui::Key::F6);
    harness.run();
    assert!(
        focused(&harness, "Heading number"),
        "the editor's first field"
    );
    // Shift+F6 goes back to the tree.
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::F6);
    harness.run();
    assert!(focused(&harness, "PLANNING CONTEXT AND PRIORITIES"));
}

fn set_window_focus(harness: &mut Harness<'_, PlanwrightApp>, focused: bool) {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .focused = Some(focused);
    harness.run();
}

#[test]
fn a_colleagues_save_is_noticed_when_the_window_gets_the_focus_back() {
    let fixture = Fixture::new();
    let path = fixture.path("shared.ron");
    let template = planwright::template::all()[0].new_plan();
    planwright::model::file::save(&template, &path).unwrap();
    let mut harness = fixture.app(Some(path.clone()));
    type_into(&mut harness, "Paragraph 1", "My unsaved words");
    let mine = harness.state().plan().clone();
    set_window_focus(&mut harness, false);
    let mut theirs = template.clone();
    theirs.cover.title = "Their title".into();
    planwright::model::file::save(&theirs, &path).unwrap();
    set_window_focus(&mut harness, true);
    harness.get_by_label("The file was changed by someone else");
    harness.get_by_label("Reload").click();
    harness.run();
    assert_eq!(harness.state().plan(), &theirs);
    assert!(!harness.state().is_dirty());
    // My words were kept as a recovery copy, named in the status bar.
    let kept: Vec<_> = std::fs::read_dir(fixture.path("recovery"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("unsaved-"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(planwright::model::file::load(&kept[0]).unwrap(), mine);
    // No prompt when nothing changed on disk.
    set_window_focus(&mut harness, false);
    set_window_focus(&mut harness, true);
    assert!(harness.query_by_label("Reload").is_none());
}

#[test]
fn underline_superscript_and_a_link_from_shortcuts_and_the_toolbar() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_on_template();
    type_into(&mut harness, "Paragraph 1", "1st see");
    let select = |harness: &mut Harness<'_, PlanwrightApp>, from_end: usize, len: usize| {
        harness.key_press(egui::Key::End);
        for _ in 0..from_end {
            harness.key_press(egui::Key::ArrowLeft);
        }
        for _ in 0..len {
            harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowLeft);
        }
        harness.run();
    };
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::U);
    harness.run();
    assert!(paragraph(harness.state()).0.iter().all(|s| s.underline));
    // "st" of "1st", raised from the toolbar.
    select(&mut harness, 4, 2);
    harness.get_by_label("Superscript").click();
    harness.run();
    let rich = paragraph(harness.state());
    let raised: String = rich
        .0
        .iter()
        .filter(|s| s.superscript)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(raised, "st");
    // "see" as a link, through Ctrl+K and the address field.
    harness.get_by_label("Paragraph 1").focus();
    harness.run();
    select(&mut harness, 0, 3);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run();
    harness
        .get_by_label("Link address")
        .type_text("https://www.kent.gov.uk");
    harness.run();
    harness.get_by_label("Set link").click();
    harness.run();
    let rich = paragraph(harness.state());
    let linked: Vec<&str> = rich
        .0
        .iter()
        .filter(|s| !s.link.is_empty())
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(linked, ["see"]);
    assert_eq!(rich.to_plain(), "1st see");
}

/// An error is marked ✖ and in bold, a warning ⚠: told apart by shape
/// as well as colour, in the findings panel and under the cell.
#[test]
fn errors_look_like_errors_and_warnings_like_warnings() {
    use planwright::model::{Cell, CellBlock, ColumnKind, Rating};
    let fixture = Fixture::new();
    let mut plan = planwright::template::all()[0].new_plan();
    let has_ratings = |b: &Block| matches!(b, Block::Table(t) if t.columns.iter().any(|c| c.kind == ColumnKind::Rating));
    let (path, b) = plan
        .walk_sections()
        .into_iter()
        .find_map(|(path, s)| s.blocks.iter().position(has_ratings).map(|b| (path, b)))
        .expect("a table with ratings in the template");
    let Block::Table(table) = &mut plan.section_mut(&path).unwrap().blocks[b] else {
        unreachable!()
    };
    let c = table
        .columns
        .iter()
        .position(|c| c.kind == ColumnKind::Rating)
        .unwrap();
    let mut row = table.blank_row(planwright::model::RowKind::Data);
    row.cells[c] = Cell(vec![CellBlock::Rating(Rating {
        band: 9,
        label: "Off the scale".into(),
    })]);
    table.rows.push(row);
    let path = fixture.path("bad-rating.ron");
    planwright::model::file::save(&plan, &path).unwrap();
    let mut harness = fixture.app(Some(path));
    let findings = harness.state().findings().to_vec();
    let error = findings
        .iter()
        .find(|f| f.severity == planwright::model::check::Severity::Error)
        .expect("the band is an error");
    assert!(findings.iter().any(|f| f.severity != error.severity));
    harness.get_by_label("✖ error");
    harness.get_all_by_label("⚠ warning").next().unwrap();
    // On the cell, after going there from the panel: its description.
    let place = planwright::ui::findings::describe(harness.state().plan(), &error.location);
    harness
        .get_by_label(&format!("{place}: {}", error.message))
        .click();
    harness.run();
    let marked = format!("✖ {}", error.message);
    harness.get(
        egui_kittest::kittest::by()
            .predicate(|node| node.description().is_some_and(|d| d.contains(&marked))),
    );
}
