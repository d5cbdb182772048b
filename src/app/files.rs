//! Files: the native dialogs (behind a trait, so tests can answer them),
//! recent files, crash recovery, and noticing a colleague's save.

use super::error::AppError;
use crate::model::Plan;
use crate::model::file::{self, LoadError, SaveError};
use serde::{Deserialize, Serialize};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What a file dialog answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    Path(PathBuf),
    Cancelled,
    /// No dialog could be shown; why, for the author.
    Unavailable(String),
}

/// What a path typed by hand is for, when no file dialog can be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathFor {
    Open,
    /// An earlier version to compare the plan with.
    Compare,
    /// Saving the plan, then doing what was waiting for the save.
    Save(Option<super::prompts::AfterPrompt>),
    ExportPdf,
    /// The review copy's PDF, with the open comments printed.
    ExportReview,
    ExportHtml,
}

/// The questions the app asks through the system's file dialogs.
pub trait Dialogs {
    fn open_plan(&mut self) -> Picked;
    fn save_plan(&mut self, suggested_name: &str) -> Picked;
    fn save_pdf(&mut self, suggested_name: &str) -> Picked;
    fn save_html(&mut self, suggested_name: &str) -> Picked;
    /// Opens a file in the system's viewer for its type.
    fn show_file(&mut self, path: &Path) -> Result<(), AppError>;
}

/// The real dialogs, through rfd.
pub struct NativeDialogs;

/// A dialog that closes faster than a person can cancel it was never
/// shown: on Linux rfd returns "no file" both when the author cancels and
/// when neither the desktop portal nor zenity is there.
const FASTEST_CANCEL: std::time::Duration = std::time::Duration::from_millis(250);

fn ask(dialog: impl FnOnce() -> Option<PathBuf>) -> Picked {
    let started = std::time::Instant::now();
    match dialog() {
        Some(path) => Picked::Path(path),
        None if cfg!(target_os = "linux") && started.elapsed() < FASTEST_CANCEL => {
            Picked::Unavailable(
                "The system's file dialog could not be shown (on Linux it needs the \
                 desktop portal, xdg-desktop-portal, or zenity)."
                    .to_owned(),
            )
        }
        None => Picked::Cancelled,
    }
}

impl Dialogs for NativeDialogs {
    fn open_plan(&mut self) -> Picked {
        ask(|| {
            rfd::FileDialog::new()
                .set_title("Open plan")
                .add_filter("Planwright plan", &["ron"])
                .add_filter("All files", &["*"])
                .pick_file()
        })
    }

    fn save_plan(&mut self, suggested_name: &str) -> Picked {
        ask(|| {
            rfd::FileDialog::new()
                .set_title("Save plan as")
                .add_filter("Planwright plan", &["ron"])
                .set_file_name(suggested_name)
                .save_file()
                .map(|p| with_extension(p, "ron"))
        })
    }

    fn save_pdf(&mut self, suggested_name: &str) -> Picked {
        ask(|| {
            rfd::FileDialog::new()
                .set_title("Export PDF")
                .add_filter("PDF", &["pdf"])
                .set_file_name(suggested_name)
                .save_file()
                .map(|p| with_extension(p, "pdf"))
        })
    }

    fn save_html(&mut self, suggested_name: &str) -> Picked {
        ask(|| {
            rfd::FileDialog::new()
                .set_title("Export HTML")
                .add_filter("Web page", &["html", "htm"])
                .set_file_name(suggested_name)
                .save_file()
                .map(|p| with_extension(p, "html"))
        })
    }

    fn show_file(&mut self, path: &Path) -> Result<(), AppError> {
        let mut command = if cfg!(target_os = "windows") {
            let mut c = std::process::Command::new("cmd");
            c.args(["/C", "start", ""]);
            c
        } else if cfg!(target_os = "macos") {
            std::process::Command::new("open")
        } else {
            std::process::Command::new("xdg-open")
        };
        command
            .arg(path)
            .spawn()
            .map(|_| ())
            .map_err(|source| AppError::ShowFile {
                path: path.to_owned(),
                source,
            })
    }
}

pub fn with_extension(path: PathBuf, ext: &str) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(ext)
    }
}

/// What the file looked like when we last read or wrote it, to notice a
/// save by someone else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    hash: u64,
    len: u64,
}

impl DiskStamp {
    pub fn read(path: &Path) -> Option<DiskStamp> {
        let bytes = std::fs::read(path).ok()?;
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut hasher);
        Some(DiskStamp {
            hash: hasher.finish(),
            len: bytes.len() as u64,
        })
    }
}

/// A plan loaded from disk, with the stamp of the bytes it came from.
pub fn load(path: &Path) -> Result<(Plan, Option<DiskStamp>), LoadError> {
    let plan = file::load(path)?;
    Ok((plan, DiskStamp::read(path)))
}

/// Saves through the model's atomic save; returns the new stamp.
pub fn save(plan: &Plan, path: &Path) -> Result<Option<DiskStamp>, SaveError> {
    file::save(plan, path)?;
    Ok(DiskStamp::read(path))
}

/// Preferences kept in eframe's storage.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub recent: Vec<PathBuf>,
    pub theme: egui::ThemePreference,
    pub zoom: f32,
    pub show_findings: bool,
    /// The print preview pane beside the editor.
    pub show_preview: bool,
    /// The name comments are signed with, asked once.
    pub reviewer: String,
    /// The review comments panel beside the editor.
    pub show_comments: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            recent: Vec::new(),
            theme: egui::ThemePreference::System,
            zoom: 1.0,
            show_findings: true,
            show_preview: false,
            reviewer: String::new(),
            show_comments: false,
        }
    }
}

pub const MAX_RECENT: usize = 10;
pub const PREFS_KEY: &str = "planwright-prefs";

impl Prefs {
    pub fn add_recent(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}

/// Unsaved work kept in a recovery folder, never over the author's file.
pub struct Recovery {
    dir: PathBuf,
}

/// Work found in the recovery folder at start.
#[derive(Clone, Debug)]
pub struct Recovered {
    pub plan: Plan,
    /// The file the work belongs to, if it had been saved before.
    pub original: Option<PathBuf>,
    pub saved_at: Option<SystemTime>,
}

impl Recovery {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Recovery { dir: dir.into() }
    }

    fn plan_path(&self) -> PathBuf {
        self.dir.join("unsaved-plan.ron")
    }

    fn origin_path(&self) -> PathBuf {
        self.dir.join("unsaved-plan.origin")
    }

    /// Keeps `plan` as the unsaved work of `original`.
    pub fn write(&self, plan: &Plan, original: Option<&Path>) -> Result<(), AppError> {
        std::fs::create_dir_all(&self.dir).map_err(|source| AppError::RecoveryFolder {
            path: self.dir.clone(),
            source,
        })?;
        let origin = original
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        file::write_atomic(
            &self.origin_path(),
            origin.as_bytes(),
            file::Previous::Replace,
            &mut |_| Ok(()),
        )?;
        Ok(file::save(plan, &self.plan_path())?)
    }

    /// Keeps `plan` (unsaved work on `original`) as a copy of its own in
    /// the recovery folder, which clearing the recovery leaves alone.
    pub fn keep_copy(&self, plan: &Plan, original: &Path) -> Result<PathBuf, AppError> {
        std::fs::create_dir_all(&self.dir).map_err(|source| AppError::RecoveryFolder {
            path: self.dir.clone(),
            source,
        })?;
        let stem = original
            .file_stem()
            .map_or_else(|| "plan".into(), |s| s.to_string_lossy().into_owned());
        let seconds = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let copy = self.dir.join(format!("{stem}-unsaved-{seconds}.ron"));
        file::save(plan, &copy)?;
        Ok(copy)
    }

    /// The unsaved work left by a crash, if any.
    pub fn pending(&self) -> Option<Result<Recovered, AppError>> {
        let path = self.plan_path();
        if !path.exists() {
            return None;
        }
        let saved_at = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
        let original = std::fs::read_to_string(self.origin_path())
            .ok()
            .filter(|s| !s.trim().is_empty())
            .map(PathBuf::from);
        Some(
            file::load(&path)
                .map(|plan| Recovered {
                    plan,
                    original,
                    saved_at,
                })
                .map_err(AppError::from),
        )
    }

    /// Forgets the unsaved work (saved, discarded, or closed cleanly).
    pub fn clear(&self) {
        for path in [
            self.plan_path(),
            self.origin_path(),
            file::backup_path(&self.plan_path()),
        ] {
            let _ = std::fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_round_trips_and_clears() {
        let dir = tempfile::tempdir().unwrap();
        let recovery = Recovery::new(dir.path().join("recovery"));
        assert!(recovery.pending().is_none());
        let mut plan = crate::template::all()[0].new_plan();
        plan.cover.unit = "Recovered unit".into();
        recovery
            .write(&plan, Some(Path::new("/shared/plan.ron")))
            .unwrap();
        let found = recovery.pending().unwrap().unwrap();
        assert_eq!(found.plan, plan);
        assert_eq!(
            found.original.as_deref(),
            Some(Path::new("/shared/plan.ron"))
        );
        recovery.clear();
        assert!(recovery.pending().is_none());
    }

    #[test]
    fn recent_files_are_unique_newest_first_and_bounded() {
        let mut prefs = Prefs::default();
        for i in 0..15 {
            prefs.add_recent(Path::new(&format!("/nowhere/{i}.ron")));
        }
        prefs.add_recent(Path::new("/nowhere/14.ron"));
        assert_eq!(prefs.recent.len(), MAX_RECENT);
        assert_eq!(prefs.recent[0], PathBuf::from("/nowhere/14.ron"));
        assert_eq!(prefs.recent[1], PathBuf::from("/nowhere/13.ron"));
    }

    #[test]
    fn a_stamp_notices_a_change() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        std::fs::write(&path, "one").unwrap();
        let before = DiskStamp::read(&path);
        std::fs::write(&path, "two").unwrap();
        assert_ne!(before, DiskStamp::read(&path));
    }
}
