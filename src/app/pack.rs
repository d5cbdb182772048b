//! File › Make a pack…: the directorate's plans as one PDF. The author
//! lists the plans (the one open first, when it is saved), names the
//! pack and picks where it goes; every plan is loaded before anything is
//! drawn, and one that does not load is named and nothing is written.

use super::PlanwrightApp;
use super::files::Picked;
use crate::model::output::{self, Export};
use crate::model::{Plan, file};
use egui::Ui;
use std::path::PathBuf;

/// The pack being put together.
#[derive(Default)]
pub struct Pack {
    pub open: bool,
    pub plans: Vec<PathBuf>,
    pub title: String,
    error: Option<String>,
}

impl PlanwrightApp {
    /// Opens the window, starting from the plan open (if it is saved).
    pub(super) fn make_pack(&mut self) {
        let pack = &mut self.pack;
        pack.open = true;
        pack.error = None;
        if let Some(path) = self.doc.path()
            && !pack.plans.iter().any(|p| p == path)
        {
            pack.plans.insert(0, path.to_owned());
        }
        if pack.title.is_empty() {
            let cover = &self.doc.plan().cover;
            pack.title = format!("{} plans {}", cover.directorate, cover.year)
                .trim()
                .to_string();
        }
    }

    pub(super) fn pack_window(&mut self, ctx: &egui::Context) {
        if !self.pack.open {
            return;
        }
        let mut open = true;
        egui::Window::new("Make a pack")
            .open(&mut open)
            .collapsible(false)
            .default_width(420.0)
            .show(ctx, |ui| self.pack_contents(ui));
        self.pack.open &= open;
    }

    fn pack_contents(&mut self, ui: &mut Ui) {
        ui.label("The plans, in the order they are to appear:");
        let mut remove = None;
        for (i, path) in self.pack.plans.iter().enumerate() {
            ui.horizontal(|ui| {
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                ui.label(name.as_ref())
                    .on_hover_text(path.display().to_string());
                let button = ui.small_button("Remove");
                if button.on_hover_text(format!("Leave {name} out")).clicked() {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            self.pack.plans.remove(i);
        }
        if ui.button("Add plan…").clicked()
            && let Picked::Path(path) = self.dialogs.open_plan()
        {
            self.pack.plans.push(path);
        }
        ui.horizontal(|ui| {
            let label = ui.label("Title:");
            ui.text_edit_singleline(&mut self.pack.title)
                .labelled_by(label.id);
        });
        if let Some(error) = &self.pack.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        let ready = !self.pack.plans.is_empty() && !self.pack.title.trim().is_empty();
        if ui
            .add_enabled(ready, egui::Button::new("Make the pack…"))
            .clicked()
        {
            self.write_pack();
        }
    }

    /// Loads every plan, asks where, and writes the pack.
    fn write_pack(&mut self) {
        let mut plans: Vec<Plan> = Vec::new();
        let mut failed: Vec<String> = Vec::new();
        for path in &self.pack.plans {
            match file::load(path) {
                Ok(plan) => plans.push(plan),
                Err(e) => failed.push(e.to_string()),
            }
        }
        if !failed.is_empty() {
            self.pack.error = Some(format!("No pack was made: {}", failed.join("; ")));
            return;
        }
        let path = match self.dialogs.save_pdf("pack.pdf") {
            Picked::Path(path) => path,
            Picked::Cancelled => return,
            Picked::Unavailable(why) => {
                self.pack.error = Some(why);
                return;
            }
        };
        let refused = self
            .pack
            .plans
            .iter()
            .find_map(|plan| output::check_output(Export::Pdf, Some(plan), &path, false).err());
        if let Some(why) = refused {
            self.pack.error = Some(format!("No pack was made: {why}"));
            return;
        }
        let settings = crate::layout::PageSettings::default();
        let document = crate::layout::pack(&plans, self.pack.title.trim(), &settings);
        let written = crate::pdf::render(&document)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                let previous = file::Previous::Replace;
                file::write_atomic(&path, &bytes, previous, &mut |_| Ok(()))
                    .map_err(|e| e.to_string())
            });
        match written {
            Ok(()) => {
                self.status = format!(
                    "Made a pack of {} plans, {} pages: {}",
                    plans.len(),
                    document.pages.len(),
                    path.display()
                );
                self.pack.error = None;
                self.pack.open = false;
                if let Err(e) = self.dialogs.show_file(&path) {
                    self.status = format!("{}; {e}", self.status);
                }
            }
            Err(why) => self.pack.error = Some(format!("No pack was made: {why}")),
        }
    }
}
