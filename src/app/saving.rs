//! The document's life: opening, saving (asking first when someone else
//! saved the file), autosaving to the recovery folder, and exporting.
//! Where no file dialog can be shown, the author types a path instead.

use super::error::AppError;
use super::files::{self, DiskStamp, PathFor, Picked};
use super::prompts::{AfterPrompt, Prompt};
use super::{AUTOSAVE_SECONDS, Document, IDLE_SECONDS, PlanwrightApp};
use crate::model::Plan;
use crate::model::output::{self, Export};
use crate::ui::Page;
use std::path::{Path, PathBuf};
use std::time::Duration;

impl PlanwrightApp {
    /// Starts over with another document.
    pub(super) fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        // Its revisions count afresh: pages of the last plan must go.
        self.preview.forget();
        self.followed = Default::default();
        self.recovery_stale = false;
        // Not while the author is yet to say whether to restore it.
        if !matches!(self.prompt, Some(Prompt::Restore(_))) {
            self.recovery.clear();
        }
        self.page = if self.doc.plan().sections.is_empty() {
            Page::Cover
        } else {
            Page::Section(vec![0])
        };
        self.jump = None;
        self.undo_offer = None;
        self.find.invalidate();
    }

    pub(super) fn open_path(&mut self, path: &Path) {
        match files::load(path) {
            Ok((plan, stamp)) => {
                self.replace_document(Document::new(plan, Some(path.to_owned()), stamp));
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

    /// Saves to `path`, then does `then`; true on success.
    pub(super) fn save_to(
        &mut self,
        path: &Path,
        then: Option<AfterPrompt>,
        ctx: &egui::Context,
    ) -> bool {
        match files::save(self.doc.plan(), path) {
            Ok(stamp) => {
                self.doc.saved_as(path, stamp);
                self.recovery_stale = false;
                self.recovery.clear();
                self.prefs.add_recent(path);
                self.status = format!("Saved {}", path.display());
                self.keep_version_copy(path);
                if let Some(action) = then {
                    self.proceed(action, ctx);
                }
                true
            }
            Err(error) => {
                // Whatever was to follow the save (closing, another plan) must not.
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

    /// Saves where the plan came from (asking where if it is new, and
    /// first if someone else saved the file since), then does `then`.
    pub(super) fn save(&mut self, then: Option<AfterPrompt>, ctx: &egui::Context) {
        let Some(path) = self.doc.path().map(Path::to_owned) else {
            return self.save_as(then, ctx);
        };
        let on_disk = DiskStamp::read(&path);
        if self.doc.stamp().is_some() && on_disk.is_some() && on_disk != self.doc.stamp() {
            self.prompt = Some(Prompt::ChangedOnDisk(path, then));
            return;
        }
        self.save_to(&path, then, ctx);
    }

    pub(super) fn save_as(&mut self, then: Option<AfterPrompt>, ctx: &egui::Context) {
        let suggested = self.suggested_name("ron");
        match self.dialogs.save_plan(&suggested) {
            Picked::Path(path) => {
                self.save_to(&path, then, ctx);
            }
            Picked::Cancelled => self.status = "Not saved".into(),
            Picked::Unavailable(why) => self.ask_path(PathFor::Save(then), why),
        }
    }

    /// No file dialog could be shown: ask for the path in a field instead.
    pub(super) fn ask_path(&mut self, purpose: PathFor, why: String) {
        let folder = self
            .doc
            .path()
            .and_then(Path::parent)
            .map(Path::to_owned)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        let ext = match purpose {
            PathFor::ExportPdf | PathFor::ExportReview => "pdf",
            PathFor::ExportHtml => "html",
            PathFor::Open | PathFor::Compare | PathFor::Save(_) => "ron",
        };
        let text = match purpose {
            PathFor::Open | PathFor::Compare => {
                format!("{}{}", folder.display(), std::path::MAIN_SEPARATOR)
            }
            _ => folder.join(self.suggested_name(ext)).display().to_string(),
        };
        self.prompt = Some(Prompt::TypePath { purpose, why, text });
    }

    /// The author typed a path in place of a file dialog.
    pub(super) fn path_typed(&mut self, purpose: PathFor, text: &str, ctx: &egui::Context) {
        let path = PathBuf::from(text.trim());
        match purpose {
            PathFor::Open => self.open_path(&path),
            PathFor::Compare => self.compare_against(&path),
            PathFor::Save(then) => {
                let path = files::with_extension(path, "ron");
                self.save_to(&path, then, ctx);
            }
            PathFor::ExportPdf => self.start_export(files::with_extension(path, "pdf"), false),
            PathFor::ExportReview => self.start_export(files::with_extension(path, "pdf"), true),
            PathFor::ExportHtml => self.write_html(files::with_extension(path, "html")),
        }
    }

    pub(super) fn suggested_name(&self, ext: &str) -> String {
        if let Some(stem) = self.doc.path().and_then(|p| p.file_stem()) {
            return format!("{}.{ext}", stem.to_string_lossy());
        }
        let owner = self.doc.plan().cover.owner();
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
        self.doc.path().and_then(|p| p.file_name()).map_or_else(
            || "Untitled plan".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// Asks where, then lays out and prints the plan (or its `review`
    /// copy, with the open comments) on a worker thread so the window
    /// stays responsive; [`Self::poll_export`] finishes it.
    pub(super) fn export_pdf(&mut self, review: bool) {
        if self.export.is_some() {
            self.status = "Already exporting a PDF…".into();
            return;
        }
        // Never the plan's own name, even for a plan saved as `x.pdf`.
        let mut suggested = match self.doc.path() {
            Some(plan) => output::name_for(Export::Pdf, plan),
            None => self.suggested_name("pdf"),
        };
        if review && let Some(stem) = suggested.strip_suffix(".pdf") {
            suggested = format!("{stem}-review.pdf");
        }
        match self.dialogs.save_pdf(&suggested) {
            Picked::Path(path) => self.start_export(path, review),
            Picked::Cancelled => {}
            Picked::Unavailable(why) => match review {
                true => self.ask_path(PathFor::ExportReview, why),
                false => self.ask_path(PathFor::ExportPdf, why),
            },
        }
    }

    /// Asks where, then writes the plan as a web page (quick enough to do
    /// at once) and opens it in the browser.
    pub(super) fn export_html(&mut self) {
        let suggested = match self.doc.path() {
            Some(plan) => output::name_for(Export::Html, plan),
            None => self.suggested_name("html"),
        };
        match self.dialogs.save_html(&suggested) {
            Picked::Path(path) => self.write_html(path),
            Picked::Cancelled => {}
            Picked::Unavailable(why) => self.ask_path(PathFor::ExportHtml, why),
        }
    }

    fn write_html(&mut self, path: PathBuf) {
        let page = output::check_output(Export::Html, self.doc.path(), &path, false)
            .map_err(|e| e.to_string())
            .map(|()| crate::html::render(self.doc.plan()))
            .and_then(|page| {
                let previous = crate::model::file::Previous::Replace;
                crate::model::file::write_atomic(&path, page.as_bytes(), previous, &mut |_| Ok(()))
                    .map_err(|e| e.to_string())
            });
        if let Err(why) = page {
            self.prompt = Some(Prompt::Error {
                title: "The HTML was not exported".into(),
                message: format!("{why}.\n\nYour plan is unaffected."),
            });
            return;
        }
        self.status = format!("Exported HTML to {}", path.display());
        if let Err(e) = self.dialogs.show_file(&path) {
            self.status = format!("{}; {e}", self.status);
        }
    }

    fn start_export(&mut self, path: PathBuf, review: bool) {
        if let Err(e) = output::check_output(Export::Pdf, self.doc.path(), &path, false) {
            self.prompt = Some(Prompt::Error {
                title: "The PDF was not exported".into(),
                message: format!("{e}.\n\nYour plan is unaffected."),
            });
            return;
        }
        let (plan, laid) = match review {
            true => (crate::model::review::review_copy(self.doc.plan()), None),
            // The pages the preview shows, when they are of this plan as it is.
            false => (
                self.doc.plan().clone(),
                self.preview.document_for(self.doc.revision()),
            ),
        };
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = sender.send(render_pdf(&plan, laid, path));
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
            Err(std::sync::mpsc::TryRecvError::Disconnected) => Err(AppError::ExportStopped),
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
            Err(error) => {
                self.prompt = Some(Prompt::Error {
                    title: "The PDF could not be exported".into(),
                    message: format!("{error}\n\nYour plan is unaffected."),
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
        match self.recovery.write(self.doc.plan(), self.doc.path()) {
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
fn render_pdf(
    plan: &Plan,
    laid: Option<std::sync::Arc<crate::layout::Document>>,
    path: PathBuf,
) -> Result<Exported, AppError> {
    let document = laid.unwrap_or_else(|| {
        std::sync::Arc::new(crate::layout::layout(
            plan,
            &crate::layout::PageSettings::default(),
        ))
    });
    let bytes = crate::pdf::render(&document)?;
    crate::model::file::write_atomic(
        &path,
        &bytes,
        crate::model::file::Previous::Replace,
        &mut |_| Ok(()),
    )?;
    Ok(Exported {
        pages: document.pages.len(),
        warnings: document.warnings.iter().map(ToString::to_string).collect(),
        path,
    })
}

impl PlanwrightApp {
    /// When the window gets the focus back, notices a colleague's save
    /// (not only at the next save) and offers to reload.
    pub(super) fn notice_focus_return(&mut self, ctx: &egui::Context) {
        let focused = ctx.input(|i| i.viewport().focused.unwrap_or(true));
        if focused && !self.window_focused && self.prompt.is_none() {
            self.check_disk();
        }
        self.window_focused = focused;
    }

    fn check_disk(&mut self) {
        let Some(path) = self.doc.path().map(Path::to_owned) else {
            return;
        };
        let on_disk = DiskStamp::read(&path);
        if self.doc.stamp().is_some() && on_disk.is_some() && on_disk != self.doc.stamp() {
            self.prompt = Some(Prompt::Reload(path));
        }
    }

    /// Opens the file again as it is on disk; unsaved work is kept as a
    /// recovery copy first, so nothing the author typed is lost.
    pub(super) fn reload(&mut self, path: &Path) {
        let kept = if self.doc.is_dirty() {
            match self.recovery.keep_copy(self.doc.plan(), path) {
                Ok(copy) => Some(copy),
                Err(error) => {
                    self.prompt = Some(Prompt::Error {
                        title: "Not reloaded".into(),
                        message: format!(
                            "Your unsaved changes could not be kept: {error}\n\nNothing was reloaded."
                        ),
                    });
                    return;
                }
            }
        } else {
            None
        };
        self.open_path(path);
        if let Some(copy) = kept {
            self.status = format!(
                "Reloaded {}; your unsaved version is kept in {}",
                path.display(),
                copy.display()
            );
        }
    }
}
