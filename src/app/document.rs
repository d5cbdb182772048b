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

    /// Asks where, then lays out and prints the plan on a worker thread so
    /// the window stays responsive; [`Self::poll_export`] finishes it.
    pub(super) fn export_pdf(&mut self) {
        if self.export.is_some() {
            self.status = "Already exporting a PDF…".into();
            return;
        }
        // Never the plan's own name, even for a plan saved as `x.pdf`.
        let suggested = match &self.path {
            Some(plan) => crate::pdf::output::pdf_name_for(plan),
            None => self.suggested_name("pdf"),
        };
        let Some(path) = self.dialogs.save_pdf(&suggested) else {
            return;
        };
        if let Err(e) = crate::pdf::output::check_output(self.path.as_deref(), &path, false) {
            self.prompt = Some(Prompt::Error {
                title: "The PDF was not exported".into(),
                message: format!("{e}.\n\nYour plan is unaffected."),
            });
            return;
        }
        let plan = self.plan.clone();
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = sender.send(render_pdf(&plan, path));
        });
        self.export = Some(receiver);
        self.status = "Exporting PDF…".into();
    }

    /// Finishes an export: opens the PDF in the system's viewer, and says
    /// what the print engine could not print as written.
    pub(super) fn poll_export(&mut self, ctx: &egui::Context) {
        let Some(receiver) = &self.export else { return };
        let result = match receiver.try_recv() {
            Ok(result) => result,
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(Duration::from_millis(100));
                return;
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                Err("the PDF could not be made: the print engine stopped unexpectedly".to_owned())
            }
        };
        self.export = None;
        match result {
            Ok(exported) => {
                self.status = format!(
                    "Exported {} pages to {}",
                    exported.pages,
                    exported.path.display()
                );
                if let Err(e) = self.dialogs.show_file(&exported.path) {
                    self.status = format!("{}; {e}", self.status);
                }
                if !exported.warnings.is_empty() {
                    self.prompt = Some(Prompt::Info {
                        title: "The PDF was made, with warnings".into(),
                        message: format!(
                            "{} was written, but not everything printed exactly as written:\n\n• {}",
                            exported.path.display(),
                            exported.warnings.join("\n• ")
                        ),
                    });
                }
            }
            Err(message) => {
                self.prompt = Some(Prompt::Error {
                    title: "The PDF could not be exported".into(),
                    message: format!("{message}\n\nYour plan is unaffected."),
                });
            }
        }
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

/// A finished export.
pub(super) struct Exported {
    path: PathBuf,
    pages: usize,
    warnings: Vec<String>,
}

/// Lays out and prints `plan`, and writes the PDF atomically to `path`.
fn render_pdf(plan: &Plan, path: PathBuf) -> Result<Exported, String> {
    let document = crate::layout::layout(plan, &crate::layout::PageSettings::default());
    let bytes = crate::pdf::render(&document).map_err(|e| e.to_string())?;
    crate::model::file::write_atomic(
        &path,
        &bytes,
        crate::model::file::Previous::Replace,
        &mut |_| Ok(()),
    )
    .map_err(|e| e.to_string())?;
    Ok(Exported {
        pages: document.pages.len(),
        warnings: document.warnings.iter().map(ToString::to_string).collect(),
        path,
    })
}
