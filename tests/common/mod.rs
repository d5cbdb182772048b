//! What the app tests share: a fixture with its own folders and dialogs
//! that answer with queued paths, and the author's usual moves.

#![allow(dead_code)] // each test file uses its own share of these

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use planwright::app::AppError;
use planwright::app::files::{Dialogs, Picked, Prefs};
use planwright::app::{PlanwrightApp, Setup};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// Dialogs that answer with paths queued by the test (none queued:
/// cancelled), or are unavailable, as on a Linux desktop with no portal.
#[derive(Clone, Default)]
pub struct Answers {
    paths: Rc<RefCell<VecDeque<PathBuf>>>,
    pub unavailable: Rc<RefCell<bool>>,
    /// The files the app asked the system to show.
    pub shown: Rc<RefCell<Vec<PathBuf>>>,
}

impl Answers {
    pub fn queue(&self, path: &Path) {
        self.paths.borrow_mut().push_back(path.to_owned());
    }
}

impl Answers {
    fn answer(&self) -> Picked {
        if *self.unavailable.borrow() {
            return Picked::Unavailable("No file dialog here (a test).".into());
        }
        match self.paths.borrow_mut().pop_front() {
            Some(path) => Picked::Path(path),
            None => Picked::Cancelled,
        }
    }
}

impl Dialogs for Answers {
    fn open_plan(&mut self) -> Picked {
        self.answer()
    }
    fn save_plan(&mut self, _: &str) -> Picked {
        self.answer()
    }
    fn save_pdf(&mut self, _: &str) -> Picked {
        self.answer()
    }
    fn save_html(&mut self, _: &str) -> Picked {
        self.answer()
    }
    fn show_file(&mut self, path: &Path) -> Result<(), AppError> {
        self.shown.borrow_mut().push(path.to_owned());
        Ok(())
    }
}

pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub answers: Answers,
}

impl Fixture {
    pub fn new() -> Self {
        Fixture {
            dir: tempfile::tempdir().unwrap(),
            answers: Answers::default(),
        }
    }

    pub fn app(&self, open: Option<PathBuf>) -> Harness<'static, PlanwrightApp> {
        self.app_sized(open, egui::vec2(1366.0, 768.0))
    }

    /// The app in a window of `size` points.
    pub fn app_sized(
        &self,
        open: Option<PathBuf>,
        size: egui::Vec2,
    ) -> Harness<'static, PlanwrightApp> {
        let app = PlanwrightApp::new(Setup {
            dialogs: Box::new(self.answers.clone()),
            recovery_dir: self.dir.path().join("recovery"),
            prefs: Prefs::default(),
            open,
            timings: None,
        });
        let mut harness = Harness::builder()
            .with_size(size)
            .with_step_dt(0.25)
            .with_max_steps(16)
            .with_context_setup(planwright::ui::install_fonts)
            .build_ui_state(|ui, app: &mut PlanwrightApp| app.ui_contents(ui), app);
        harness.run();
        harness
    }

    /// The app, on a new plan from the 2008 operating plan template.
    pub fn app_on_template(&self) -> Harness<'static, PlanwrightApp> {
        let mut harness = self.app(None);
        new_from_template(&mut harness, 0);
        harness
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A copy of the seed `name` (`2008-09-strategy-policy-performance`)
    /// in the fixture's folder as `plan.ron`, to open and change.
    pub fn seed_copy(&self, name: &str) -> PathBuf {
        let plan = self.path("plan.ron");
        let seed = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("seeds")
            .join(format!("{name}.ron"));
        std::fs::copy(seed, &plan).unwrap();
        plan
    }
}

/// File › New, as the author does it: the toolbar, then a template, for
/// the 2008/09 plan year (so the tests do not depend on today's date).
pub fn new_from_template(harness: &mut Harness<'_, PlanwrightApp>, index: usize) {
    harness.get_by_label("New").click();
    harness.run();
    set_field(harness, "Plan year", "2008/09");
    harness
        .get_by_label(&planwright::template::all()[index].name)
        .click();
    harness.run();
}

/// Replaces what a text field holds.
pub fn set_field(harness: &mut Harness<'_, PlanwrightApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

pub fn type_into(harness: &mut Harness<'_, PlanwrightApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

pub fn purpose_text(app: &PlanwrightApp) -> String {
    match &app.plan().sections[0].blocks[0] {
        planwright::model::Block::Paragraph(p) => p.to_plain(),
        other => panic!("the purpose starts with a {}", other.kind_name()),
    }
}

/// Picks a rating band from a cell's band picker (`… rating band`).
pub fn pick_band(harness: &mut Harness<'_, PlanwrightApp>, cell: &str, band: &str) {
    harness.get_by_label(&format!("{cell} rating band")).click();
    harness.run();
    harness.get_by_label(band).click();
    harness.run();
}
