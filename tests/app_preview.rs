//! The print preview in the window, used as an author would: turned on
//! from the View menu, following the section shown, clicked to go to a
//! row, updated after a pause in typing, marking page-flow problems.

mod common;

use common::Fixture;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use planwright::app::PlanwrightApp;
use planwright::layout::{Part, Place};
use planwright::ui::Page;
use std::path::PathBuf;
use std::process::Command;

fn seeds() -> Vec<PathBuf> {
    let mut seeds: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    seeds.sort();
    seeds
}

fn seed(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).join(name)
}

/// Steps frames (the worker runs in real time) until the preview shows
/// pages of the plan as it is now.
fn wait_for_pages(harness: &mut Harness<'_, PlanwrightApp>) {
    for _ in 0..1000 {
        harness.step();
        let app = harness.state();
        if app
            .preview_pages()
            .is_some_and(|(revision, _)| revision == app.document().revision())
        {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the preview never showed the plan's pages");
}

/// The app on `plan` with View › Print preview turned on.
fn with_preview(fixture: &Fixture, plan: PathBuf) -> Harness<'static, PlanwrightApp> {
    let mut harness = fixture.app(Some(plan));
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Print preview").click();
    harness.run();
    // Close the menu.
    harness.key_press(egui::Key::Escape);
    wait_for_pages(&mut harness);
    harness
}

fn label(node: &egui_kittest::Node<'_>) -> Option<String> {
    egui_kittest::kittest::NodeT::accesskit_node(node).label()
}

/// `planwright render`'s page count for `plan`.
fn rendered_pages(plan: &PathBuf, dir: &std::path::Path) -> usize {
    let out = Command::new(env!("CARGO_BIN_EXE_planwright"))
        .args(["render"])
        .arg(plan)
        .arg("-o")
        .arg(dir.join("out.pdf"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let (_, after) = stdout
        .rsplit_once(": ")
        .expect("render says how many pages");
    after.split(' ').next().unwrap().parse().unwrap()
}

#[test]
fn the_preview_shows_as_many_pages_as_render_prints() {
    for plan in seeds() {
        let fixture = Fixture::new();
        let expected = rendered_pages(&plan, fixture.dir.path());
        let harness = with_preview(&fixture, plan.clone());
        for page in 1..=expected {
            let label = format!("Page {page} of {expected}");
            assert!(
                harness.query_all_by_label(&label).next().is_some(),
                "{}: {label}",
                plan.display()
            );
        }
        // Every page is in the pane, none more.
        let shown: std::collections::BTreeSet<String> = harness
            .query_all_by_label_contains(" of ")
            .filter_map(|n| label(&n))
            .filter(|l| l.starts_with("Page "))
            .collect();
        assert_eq!(shown.len(), expected, "{}", plan.display());
        assert!(harness.query_by_label("Go to page 1").is_some());
        let go_last = format!("Go to page {expected}");
        assert!(harness.query_by_label(&go_last).is_some());
    }
}

#[test]
fn the_preview_remembers_it_is_shown() {
    let fixture = Fixture::new();
    let harness = with_preview(&fixture, seed("2008-09-strategy-policy-performance.ron"));
    assert!(harness.state().prefs().show_preview);
}

#[test]
fn selecting_a_section_scrolls_the_preview_to_its_page() {
    let fixture = Fixture::new();
    let mut harness = with_preview(&fixture, seed("2008-09-childrens-social-services.ron"));
    let (_, document) = harness.state().preview_pages().unwrap();
    // A section a long way into the plan.
    let (path, page) = harness
        .state()
        .plan()
        .walk_sections()
        .into_iter()
        .filter_map(|(path, _)| {
            let location = planwright::model::Location::section(&path);
            Some((path, document.page_of(&Place::Body(location))?))
        })
        .find(|(_, page)| *page > 20)
        .expect("a section on page 21 or later");
    assert_ne!(harness.state().preview_page(), page);
    harness.state_mut().show_page(Page::Section(path));
    for _ in 0..5 {
        harness.step();
    }
    harness.run();
    assert_eq!(harness.state().preview_page(), page);
    let label = format!("Page {} of {}", page + 1, document.pages.len());
    assert!(
        harness.get_all_by_label(&label).count() >= 2,
        "page shown and named above"
    );
}

/// Clicks at `pos` on the screen.
fn click_at(harness: &mut Harness<'_, PlanwrightApp>, pos: egui::Pos2) {
    harness.hover_at(pos);
    harness.step();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        harness.step();
    }
    harness.run();
}

#[test]
fn a_click_on_a_table_row_in_the_preview_selects_that_row() {
    let fixture = Fixture::new();
    let mut harness = with_preview(&fixture, seed("2008-09-childrens-social-services.ron"));
    let (_, document) = harness.state().preview_pages().unwrap();
    let count = document.pages.len();
    // The third row of a table, on some page.
    let (page, placed) = (document.pages.iter().enumerate())
        .flat_map(|(i, p)| p.placed.iter().map(move |placed| (i, placed)))
        .find(|(_, p)| p.part == Part::Row && p.place.row == Some(2))
        .expect("a table with three rows");
    let go = format!("Go to page {}", page + 1);
    harness.get_by_label(&go).scroll_to_me();
    harness.run();
    harness.get_by_label(&go).click();
    for _ in 0..5 {
        harness.step();
    }
    harness.run();
    let on_screen = harness
        .get_all_by_label(&format!("Page {} of {count}", page + 1))
        .map(|n| n.rect())
        .max_by(|a, b| a.height().total_cmp(&b.height()))
        .unwrap();
    let scale = on_screen.width() / document.pages[page].width;
    let target = on_screen.min
        + egui::vec2(
            placed.rect.x + placed.rect.width / 2.0,
            placed.rect.y + placed.rect.height / 2.0,
        ) * scale;
    click_at(&mut harness, target);
    let path = placed.place.sections.clone();
    assert_eq!(harness.state().page(), &Page::Section(path));
    let focused: Vec<String> = harness
        .query_all_by_label_contains(" row 3 ")
        .filter(|n| n.is_focused())
        .filter_map(|n| label(&n))
        .collect();
    assert_eq!(focused.len(), 1, "the row's first cell has the keyboard");
}

#[test]
fn a_word_typed_into_a_paragraph_reaches_the_preview_after_the_pause() {
    let fixture = Fixture::new();
    let mut harness = with_preview(&fixture, seed("2008-09-strategy-policy-performance.ron"));
    let word = "Quokkaworthy";
    let printed = |app: &PlanwrightApp| {
        let (_, document) = app.preview_pages().unwrap();
        document
            .pages
            .iter()
            .any(|p| p.text_runs().any(|r| r.text.contains(word)))
    };
    let before = harness.state().document().revision();
    let field = harness
        .get_all_by_role(egui::accesskit::Role::MultilineTextInput)
        .next();
    let field = field.expect("a paragraph on the first section");
    field.focus();
    harness.step();
    field_type(&mut harness, &format!(" {word}"));
    assert_ne!(harness.state().document().revision(), before, "typed");
    // One frame later the old pages are still shown: layout waits for a pause.
    harness.step();
    assert!(!printed(harness.state()));
    wait_for_pages(&mut harness);
    assert!(
        printed(harness.state()),
        "the word is on the preview's pages"
    );
}

fn field_type(harness: &mut Harness<'_, PlanwrightApp>, text: &str) {
    harness.key_press(egui::Key::End);
    harness.step();
    harness.event(egui::Event::Text(text.to_owned()));
    harness.step();
}

#[test]
fn a_page_flow_warning_shows_on_its_page_and_with_the_findings() {
    let fixture = Fixture::new();
    // Find a seed with a page-flow problem.
    let found = seeds().into_iter().find_map(|plan| {
        let loaded = planwright::model::file::load(&plan).unwrap();
        let settings = planwright::layout::PageSettings::default();
        let document = planwright::layout::layout(&loaded, &settings);
        let flow = planwright::layout::page_flow(&document, &settings);
        flow.into_iter().next().map(|w| (plan, w))
    });
    let (plan, warning) = found.expect("a seed with a page-flow problem");
    let mut harness = with_preview(&fixture, plan);
    harness
        .get_by_label(&format!("Go to page {}", warning.page + 1))
        .scroll_to_me();
    harness.run();
    harness
        .get_by_label(&format!("Go to page {}", warning.page + 1))
        .click();
    for _ in 0..5 {
        harness.step();
    }
    harness.run();
    let marked = format!("Warning: {}", warning.warning.message);
    assert!(harness.query_by_label(&marked).is_some(), "{marked}");
    let listed = format!("page {}: {}", warning.page + 1, warning.warning.message);
    assert!(harness.query_by_label(&listed).is_some(), "{listed}");
}

#[test]
fn moving_into_a_block_scrolls_the_preview_to_its_page() {
    let fixture = Fixture::new();
    let mut harness = with_preview(&fixture, seed("2008-09-childrens-social-services.ron"));
    let (_, document) = harness.state().preview_pages().unwrap();
    // A paragraph printed on a later page than its section's heading.
    let plan = harness.state().plan().clone();
    let page_of = |location: planwright::model::Location| {
        document.page_of(&Place::Body(location)).unwrap_or(0)
    };
    let (path, name, page) = plan
        .walk_sections()
        .into_iter()
        .find_map(|(path, section)| {
            let heading = page_of(planwright::model::Location::section(&path));
            section.blocks.iter().enumerate().find_map(|(b, block)| {
                let page = page_of(planwright::model::Location::block(&path, b));
                let paragraph = matches!(block, planwright::model::Block::Paragraph(_));
                (paragraph && page > heading)
                    .then(|| (path.clone(), planwright::ui::block_name(block, b), page))
            })
        })
        .expect("a paragraph on a later page than its heading");
    harness.state_mut().show_page(Page::Section(path));
    harness.run();
    assert_ne!(harness.state().preview_page(), page);
    let field = harness
        .get_all_by_role(egui::accesskit::Role::MultilineTextInput)
        .find(|n| label(n).is_some_and(|l| l == name))
        .expect("the paragraph's field");
    field.focus();
    for _ in 0..4 {
        harness.step();
    }
    harness.run();
    assert_eq!(harness.state().preview_page(), page, "{name}");
}

#[test]
fn opening_another_plan_shows_its_pages_not_the_last_plans() {
    let fixture = Fixture::new();
    let mut harness = with_preview(&fixture, seed("2008-09-childrens-social-services.ron"));
    let (_, before) = harness.state().preview_pages().unwrap();
    let other = seed("2008-09-strategy-policy-performance.ron");
    harness
        .state_mut()
        .command(planwright::app::commands::Command::OpenPath(other.clone()));
    harness.run();
    assert_eq!(harness.state().path(), Some(other.as_path()));
    wait_for_pages(&mut harness);
    let (_, after) = harness.state().preview_pages().unwrap();
    let plan = planwright::model::file::load(&other).unwrap();
    let expected = planwright::layout::layout(&plan, &Default::default());
    assert_ne!(before.pages.len(), after.pages.len());
    assert_eq!(*after, expected, "the opened plan's pages");
}

#[test]
fn export_pdf_writes_the_pages_the_preview_shows() {
    let fixture = Fixture::new();
    let mut harness = with_preview(&fixture, seed("2008-09-strategy-policy-performance.ron"));
    let (_, shown) = harness.state().preview_pages().unwrap();
    let pdf = fixture.path("plan.pdf");
    fixture.answers.queue(&pdf);
    harness
        .state_mut()
        .command(planwright::app::commands::Command::ExportPdf);
    for _ in 0..500 {
        harness.step();
        if !fixture.answers.shown.borrow().is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert_eq!(*fixture.answers.shown.borrow(), vec![pdf.clone()]);
    let written = lopdf::Document::load(&pdf).unwrap();
    assert_eq!(written.get_pages().len(), shown.pages.len());
}
