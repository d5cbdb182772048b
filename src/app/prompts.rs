//! The app's questions and messages, as modal dialogs: unsaved changes,
//! which template, restore after a crash, a file changed on disk, errors.

use super::PlanwrightApp;
use super::files::Recovered;
use egui::RichText;
use std::path::PathBuf;

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AfterPrompt {
    New(usize),
    /// Open this file, or ask which.
    Open(Option<PathBuf>),
    Quit,
}

pub enum Prompt {
    Unsaved(AfterPrompt),
    PickTemplate,
    Restore(Box<Recovered>),
    /// Someone else saved the file since it was opened.
    ChangedOnDisk(PathBuf),
    Error {
        title: String,
        message: String,
    },
    Info {
        title: String,
        message: String,
    },
}

enum Answer {
    Save,
    DontSave,
    Cancel,
    Template(usize),
    Restore,
    Discard,
    Overwrite,
    SaveAs,
    Close,
}

impl PlanwrightApp {
    pub(super) fn show_prompt(&mut self, ctx: &egui::Context) {
        let Some(prompt) = &self.prompt else { return };
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique("planwright-prompt")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            match prompt {
                Prompt::Unsaved(action) => {
                    let doing = match action {
                        AfterPrompt::New(_) => "starting a new plan",
                        AfterPrompt::Open(_) => "opening another plan",
                        AfterPrompt::Quit => "closing",
                    };
                    ui.heading(format!(
                        "Save changes to \"{}\" before {doing}?",
                        self.display_name()
                    ));
                    ui.label("If you don't save, your changes will be lost.");
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Don't Save").clicked() {
                            answer = Some(Answer::DontSave);
                        }
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            if ui.button(RichText::new("Save").strong()).clicked() {
                                answer = Some(Answer::Save);
                            }
                            if ui.button("Cancel").clicked() {
                                answer = Some(Answer::Cancel);
                            }
                        });
                    });
                }
                Prompt::PickTemplate => {
                    ui.heading("New plan from a template");
                    for (i, template) in self.templates.iter().enumerate() {
                        ui.add_space(4.0);
                        if ui.button(RichText::new(&template.name).strong()).clicked() {
                            answer = Some(Answer::Template(i));
                        }
                        ui.label(RichText::new(&template.description).weak());
                    }
                    ui.add_space(8.0);
                    if ui.button("Cancel").clicked() {
                        answer = Some(Answer::Cancel);
                    }
                }
                Prompt::Restore(recovered) => {
                    ui.heading("Restore unsaved work?");
                    let what = recovered.original.as_ref().map_or_else(
                        || "a plan that was never saved".to_owned(),
                        |p| format!("\"{}\"", p.display()),
                    );
                    let when = recovered
                        .saved_at
                        .and_then(|t| t.elapsed().ok())
                        .map_or_else(String::new, |d| format!(" about {} ago", ago(d.as_secs())));
                    ui.label(format!(
                        "Planwright closed without saving changes to {what}. They were kept{when}."
                    ));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Discard").clicked() {
                            answer = Some(Answer::Discard);
                        }
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            if ui.button(RichText::new("Restore").strong()).clicked() {
                                answer = Some(Answer::Restore);
                            }
                        });
                    });
                }
                Prompt::ChangedOnDisk(path) => {
                    ui.heading("The file was changed by someone else");
                    ui.label(format!(
                        "\"{}\" was changed on disk since you opened it, perhaps by a colleague. \
                         Saving now would overwrite their changes.",
                        path.display()
                    ));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Overwrite").clicked() {
                            answer = Some(Answer::Overwrite);
                        }
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            if ui.button(RichText::new("Save As…").strong()).clicked() {
                                answer = Some(Answer::SaveAs);
                            }
                            if ui.button("Cancel").clicked() {
                                answer = Some(Answer::Cancel);
                            }
                        });
                    });
                }
                Prompt::Error { title, message } | Prompt::Info { title, message } => {
                    ui.heading(title);
                    ui.add(egui::Label::new(message.as_str()).wrap());
                    ui.add_space(8.0);
                    if ui.button("OK").clicked() {
                        answer = Some(Answer::Close);
                    }
                }
            }
        });
        if answer.is_none() && modal.should_close() {
            answer = Some(match prompt {
                Prompt::Restore(_) => return, // must be answered
                _ => Answer::Cancel,
            });
        }
        if let Some(answer) = answer {
            self.answer(answer, ctx);
        }
    }

    fn answer(&mut self, answer: Answer, ctx: &egui::Context) {
        let Some(prompt) = self.prompt.take() else {
            return;
        };
        match (prompt, answer) {
            (Prompt::Unsaved(action), Answer::Save) => {
                self.after_save = Some(action);
                if self.save() {
                    if let Some(action) = self.after_save.take() {
                        self.proceed(action, ctx);
                    }
                } else if self.prompt.is_none() {
                    // Save As was cancelled: so is what was to follow.
                    self.after_save = None;
                }
            }
            (Prompt::Unsaved(action), Answer::DontSave) => {
                self.dirty = false;
                self.proceed(action, ctx);
            }
            (Prompt::PickTemplate, Answer::Template(i)) => {
                self.commands.push(super::Command::NewFromTemplate(i))
            }
            (Prompt::Restore(recovered), Answer::Restore) => {
                let recovered = *recovered;
                let path = recovered.original.clone();
                let stamp = path.as_deref().and_then(super::files::DiskStamp::read);
                let saved = path
                    .as_deref()
                    .and_then(|p| crate::model::file::load(p).ok());
                self.replace_document(recovered.plan, path, stamp);
                if let Some(saved) = saved {
                    self.saved = saved;
                }
                self.dirty = self.plan != self.saved || self.path.is_none();
                // Keep the recovery copy until the work is saved.
                self.recovery_stale = true;
                self.status = "Restored your unsaved work: save it to keep it.".into();
            }
            (Prompt::Restore(_), Answer::Discard) => self.recovery.clear(),
            (Prompt::ChangedOnDisk(path), Answer::Overwrite) => {
                if self.save_to(&path)
                    && let Some(action) = self.after_save.take()
                {
                    self.proceed(action, ctx);
                }
            }
            (Prompt::ChangedOnDisk(_), Answer::SaveAs) => {
                if self.save_as()
                    && let Some(action) = self.after_save.take()
                {
                    self.proceed(action, ctx);
                }
            }
            _ => self.after_save = None,
        }
    }
}

fn ago(seconds: u64) -> String {
    match seconds {
        0..=89 => "a minute".to_owned(),
        90..=3599 => format!("{} minutes", seconds / 60),
        _ => format!("{} hours", seconds / 3600),
    }
}
