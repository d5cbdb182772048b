//! File › Compare with…: what changed since another version of the plan
//! (a file the author picks, or a version kept beside the plan such as
//! `PLAN.v1.0.ron`), listed in a panel by section; a click jumps to the
//! change.

use super::PlanwrightApp;
use super::files::{PathFor, Picked};
use crate::diff::{Diff, diff};
use crate::model::file;
use crate::ui::Intent;
use egui::{RichText, Ui};
use std::path::{Path, PathBuf};

/// The compare panel: shown or not, and what it compares with.
#[derive(Default)]
pub struct Compare {
    pub open: bool,
    /// The earlier version and the changes since it.
    base: Option<(PathBuf, Diff)>,
    error: Option<String>,
}

/// Versions kept beside `plan`: `PLAN.v*.ron` in its folder, in name order.
pub fn versions_beside(plan: &Path) -> Vec<PathBuf> {
    let Some(stem) = plan.file_stem().and_then(|s| s.to_str()) else {
        return Vec::new();
    };
    // A plan opened by a bare name (`planwright plan.ron`) is in this folder.
    let dir = match plan.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let prefix = format!("{stem}.v");
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.extension().is_some_and(|x| x == "ron")
                        && p.file_name()
                            .and_then(|n| n.to_str())
                            .is_some_and(|n| n.starts_with(&prefix))
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

impl PlanwrightApp {
    /// Opens the panel; with no version beside the plan, asks for a file.
    pub(super) fn compare_with(&mut self) {
        self.compare.open = true;
        let kept = self.doc.path().map(versions_beside).unwrap_or_default();
        if kept.is_empty() && self.compare.base.is_none() {
            self.pick_compare_file();
        }
    }

    fn pick_compare_file(&mut self) {
        match self.dialogs.open_plan() {
            Picked::Path(path) => self.compare_against(&path),
            Picked::Cancelled => {}
            Picked::Unavailable(why) => self.ask_path(PathFor::Compare, why),
        }
    }

    /// Loads the earlier version and lists what changed since it.
    pub(super) fn compare_against(&mut self, path: &Path) {
        match file::load(path) {
            Ok(old) => {
                let changes = diff(&old, self.doc.plan());
                self.status = format!(
                    "{} change{} since {}",
                    changes.changes.len(),
                    if changes.changes.len() == 1 { "" } else { "s" },
                    path.display()
                );
                self.compare.base = Some((path.to_owned(), changes));
                self.compare.error = None;
            }
            Err(e) => self.compare.error = Some(e.to_string()),
        }
        self.compare.open = true;
    }

    /// The panel: where to compare from, then the changes by section.
    pub(super) fn compare_panel(&mut self, ui: &mut Ui) -> Vec<Intent> {
        let mut intents = Vec::new();
        ui.horizontal(|ui| {
            ui.heading("Changes");
            if ui
                .button("Close")
                .on_hover_text("Close the list of changes")
                .clicked()
            {
                self.compare.open = false;
            }
        });
        let kept = self.doc.path().map(versions_beside).unwrap_or_default();
        let mut pick = None;
        ui.horizontal_wrapped(|ui| {
            ui.label("Compare with:");
            for version in &kept {
                let name = version.file_name().unwrap_or_default().to_string_lossy();
                if ui.button(name.as_ref()).clicked() {
                    pick = Some(Some(version.clone()));
                }
            }
            if ui.button("Another file…").clicked() {
                pick = Some(None);
            }
        });
        match pick {
            Some(Some(path)) => self.compare_against(&path),
            Some(None) => self.pick_compare_file(),
            None => {}
        }
        if let Some(error) = &self.compare.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        let Some((base, changes)) = &self.compare.base else {
            ui.label(RichText::new("Pick the earlier version to compare with.").weak());
            return intents;
        };
        ui.label(format!("Since {}", base.display()));
        if ui
            .button("Refresh")
            .on_hover_text("Compare again with the plan as it is now")
            .clicked()
        {
            let base = base.clone();
            self.compare_against(&base);
            return intents;
        }
        if changes.is_empty() {
            ui.label("No changes.");
            return intents;
        }
        egui::ScrollArea::vertical()
            .id_salt("changes")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let mut section: Option<&str> = None;
                for change in &changes.changes {
                    if section != Some(change.section.as_str()) {
                        section = Some(&change.section);
                        let title = if change.section.is_empty() {
                            "Cover and status"
                        } else {
                            &change.section
                        };
                        ui.add_space(4.0);
                        ui.strong(title);
                    }
                    let text = change.what.to_string();
                    if ui.link(&text).on_hover_text("Go to this change").clicked() {
                        intents.push(Intent::Reveal(change.place.clone()));
                    }
                }
            });
        intents
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_beside_a_plan_are_found_by_name_even_from_a_bare_name() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "plan.ron",
            "plan.v0.2.ron",
            "plan.v1.0.ron",
            "other.v1.0.ron",
            "plan.v1.0.pdf",
        ] {
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        let found = versions_beside(&dir.path().join("plan.ron"));
        let names: Vec<_> = found
            .iter()
            .map(|p| p.file_name().unwrap().to_owned())
            .collect();
        assert_eq!(names, ["plan.v0.2.ron", "plan.v1.0.ron"]);
        // A bare name is looked for in the current folder, not nowhere.
        assert!(versions_beside(Path::new("no-such-plan-here.ron")).is_empty());
    }
}
