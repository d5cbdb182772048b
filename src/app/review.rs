//! The review round in the shell: the comments panel, the read-only
//! signed-off plan (an edit attempt offers a new draft version first),
//! and the copy of each version sent to SMT or signed off, kept beside
//! the plan when it is saved.

use super::PlanwrightApp;
use super::prompts::Prompt;
use crate::edit::status::{keeps_a_copy, next_draft_version, version_copy_path};
use crate::edit::{Edit, dates::Date};
use crate::ui::{self, Intent};
use std::path::Path;

impl PlanwrightApp {
    /// The comments panel's intents this frame.
    pub(super) fn comments_panel(&mut self, ui: &mut egui::Ui) -> Vec<Intent> {
        let today = Date::today().format();
        let out = ui::comments::panel(
            ui,
            self.doc.plan(),
            &mut self.comments,
            &self.prefs.reviewer,
            &today,
        );
        if let Some(name) = out.reviewer {
            self.prefs.reviewer = name;
        }
        if out.close {
            self.prefs.show_comments = false;
            self.comments = Default::default();
        }
        out.intents
    }

    /// A signed-off plan is read-only: true when the editors draw a copy
    /// whose changes are dropped. One marked signed off with nobody named
    /// is not signed off yet, and stays editable to add who signed it.
    pub(super) fn is_read_only(&self) -> bool {
        self.doc.plan().is_signed_off()
    }

    /// Says, above the editor, that a signed-off plan is read-only and
    /// how to change it.
    pub(super) fn read_only_banner(&mut self, ui: &mut egui::Ui) {
        if !self.is_read_only() {
            return;
        }
        ui.horizontal_wrapped(|ui| {
            let version = &self.doc.plan().status.version;
            ui.label(
                egui::RichText::new(format!("Signed off (version {version}): read-only.")).strong(),
            );
            let next = next_draft_version(self.doc.plan());
            if ui.button(format!("Start draft {next}…")).clicked() {
                self.refuse_signed_off_edit();
            }
        });
        ui.separator();
    }

    /// The editors tried to change a signed-off plan: nothing changed,
    /// and the author is asked whether to start a new draft version.
    pub(super) fn refuse_signed_off_edit(&mut self) {
        if self.prompt.is_none() {
            self.prompt = Some(Prompt::NewDraft(next_draft_version(self.doc.plan())));
        }
    }

    /// The author agreed to a new draft: the plan becomes editable at its
    /// next minor version, one undoable step.
    pub(super) fn start_new_draft(&mut self, time: f64) {
        let applied = self.apply(&Edit::NewDraft, time);
        if applied.changed {
            self.status = format!(
                "Started draft version {}: the signed-off version is kept as it was",
                self.doc.plan().status.version
            );
        }
    }

    /// After a save to `path`: a plan sent to SMT or signed off keeps a
    /// copy of this version beside it (`PLAN.v0.2.ron`), written once, so
    /// "what changed since SMT saw it" always has a base.
    pub(super) fn keep_version_copy(&mut self, path: &Path) {
        let plan = self.doc.plan();
        if !keeps_a_copy(plan) {
            return;
        }
        let Some(copy) = version_copy_path(path, &plan.status.version) else {
            return;
        };
        if copy.exists() {
            return;
        }
        match crate::model::file::save(plan, &copy) {
            Ok(()) => {
                self.status = format!(
                    "{}; kept version {} as {}",
                    self.status,
                    plan.status.version,
                    copy.file_name().unwrap_or_default().to_string_lossy()
                )
            }
            Err(e) => {
                self.prompt = Some(Prompt::Error {
                    title: "The version copy was not kept".into(),
                    message: format!(
                        "The plan was saved, but its copy of version {} could not be: {e}",
                        plan.status.version
                    ),
                })
            }
        }
    }
}
