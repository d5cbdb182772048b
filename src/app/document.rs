//! The document's life: opening, saving (asking first when someone else
//! saved the file), autosaving to the recovery folder, and exporting.

use super::PlanwrightApp;
use super::files::{self, DiskStamp};
use super::prompts::Prompt;
use super::undo::History;
use super::{AUTOSAVE_SECONDS, IDLE_SECONDS};
use crate::model::Plan;
use crate::model::check::validate;
use crate::ui::Page;
use std::path::{Path, PathBuf};
use std::time::Duration;

impl PlanwrightApp {
    /// Starts over with `plan` from `path` (or a new, unsaved plan).
    pub(super) fn replace_document(
        &mut self,
        plan: Plan,
        path: Option<PathBuf>,
        stamp: Option<DiskStamp>,
    ) {
        self.history = History::new(&plan);
        self.findings = validate(&plan);
        self.saved = plan.clone();
        self.plan = plan;
        self.path = path;
        self.stamp = stamp;
        self.dirty = false;
        self.recovery_stale = false;
        self.recovery.clear();
        self.page = if self.plan.sections.is_empty() {
            Page::Cover
        } else {
            Page::Section(vec![0])
        };
        self.jump = None;
        self.find.invalidate();
    }

    pub(super) fn open_path(&mut self, path: &Path) {
        match files::load(path) {
            Ok((plan, stamp)) => {
                self.replace_document(plan, Some(path.to_owned()), stamp);
                self.prefs.add_recent(path);
                self.status = format!("Opened {}", path.display());
            }
            Err(error) => {
                self.prompt = Some(Prompt::Error {
                    title: "The plan could not be opened".into(),
                    message: format!("{error}\n\nThe plan you had open is unchanged."),
                });
            }
        }
    }

    /// Saves to `path`; true on success.
    pub(super) fn save_to(&mut self, path: &Path) -> bool {
        match files::save(&self.plan, path) {
            Ok(stamp) => {
                self.path = Some(path.to_owned());
                self.stamp = stamp;
                self.saved = self.plan.clone();
                self.dirty = false;
                self.recovery_stale = false;
                self.recovery.clear();
                self.prefs.add_recent(path);
                self.status = format!("Saved {}", path.display());
                true
            }
            Err(error) => {
                // Whatever was to follow the save (closing, another plan) must not.
                self.after_save = None;
                self.prompt = Some(Prompt::Error {
                    title: "The plan could not be saved".into(),
                    message: format!(
                        "{error}\n\nYour changes are still open here: try Save As to another folder."
                    ),
                });
                false
            }
        }
    }

    pub(super) fn save(&mut self) -> bool {
        let Some(path) = self.path.clone() else {
            return self.save_as();
        };
        let on_disk = DiskStamp::read(&path);
        if self.stamp.is_some() && on_disk.is_some() && on_disk != self.stamp {
            self.prompt = Some(Prompt::ChangedOnDisk(path));
            return false;
        }
        self.save_to(&path)
    }

    pub(super) fn save_as(&mut self) -> bool {
        let suggested = self.suggested_name("ron");
        match self.dialogs.save_plan(&suggested) {
            Some(path) => self.save_to(&path),
            None => false,
        }
    }

    pub(super) fn suggested_name(&self, ext: &str) -> String {
        if let Some(stem) = self.path.as_ref().and_then(|p| p.file_stem()) {
            return format!("{}.{ext}", stem.to_string_lossy());
        }
        let owner = self.plan.cover.owner();
        let base: String = owner
            .chars()
            .map(|c| {
                if c.is_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        let base = base.trim_matches('-').to_owned();
        format!("{}.{ext}", if base.is_empty() { "plan" } else { &base })
    }

    pub(super) fn display_name(&self) -> String {
        self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || "Untitled plan".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    pub(super) fn export_pdf(&mut self) {
        self.prompt = Some(Prompt::Info {
            title: "Export PDF is not yet available".into(),
            message: "The print engine is not part of this build yet, so plans cannot be exported to PDF. \
                      Your plan is unaffected; save it and export it with a later version."
                .into(),
        });
    }

    /// Keeps unsaved work in the recovery folder every 30 s and when the
    /// author pauses, so a crash loses nothing.
    pub(super) fn autosave(&mut self, ctx: &egui::Context, time: f64) {
        if !self.recovery_stale {
            return;
        }
        let idle = time - self.last_change >= IDLE_SECONDS;
        let due = time - self.last_recovery_write >= AUTOSAVE_SECONDS;
        if idle || due {
            self.write_recovery(time);
        } else {
            ctx.request_repaint_after(Duration::from_secs_f64(IDLE_SECONDS));
        }
    }

    pub(super) fn write_recovery(&mut self, time: f64) {
        self.last_recovery_write = time;
        match self.recovery.write(&self.plan, self.path.as_deref()) {
            Ok(()) => self.recovery_stale = false,
            Err(e) => self.status = format!("Could not keep a recovery copy: {e}"),
        }
    }
}
