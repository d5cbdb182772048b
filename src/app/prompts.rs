//! The app's questions and messages, as modal dialogs: unsaved changes,
//! which template, restore after a crash, a file changed on disk, errors.

use super::files::{PathFor, Recovered};
use super::{Document, PlanwrightApp};
use egui::RichText;
use std::path::PathBuf;

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AfterPrompt {
    /// A new plan from template `.0` for the plan year starting in `.1`.
    New(usize, i32),
    /// Show what rolling the plan forward would change.
    RollForward,
    /// Open this file, or ask which.
    Open(Option<PathBuf>),
    Quit,
}

pub enum Prompt {
    Unsaved(AfterPrompt),
    /// Which template, and the plan year as typed.
    PickTemplate(String),
    /// The plan year for a new plan from template `.0`, as typed.
    PlanYear(usize, String),
    /// What rolling forward changes, before it is done.
    RollForward(Box<crate::year::RollForward>),
    Restore(Box<Recovered>),
    /// Someone else saved the file since it was opened; found on saving,
    /// with what was to follow the save.
    ChangedOnDisk(PathBuf, Option<AfterPrompt>),
    /// Someone else saved the file; found when the window got the focus back.
    Reload(PathBuf),
    /// No file dialog could be shown: the author types the path.
    TypePath {
        purpose: PathFor,
        why: String,
        text: String,
    },
    /// The address for a link on the selected text.
    Link(String),
    /// An edit to a signed-off plan: start this new draft version first?
    NewDraft(String),
    Error {
        title: String,
        message: String,
    },
    Info {
        title: String,
        message: String,
    },
}

pub(super) enum Answer {
    Save,
    DontSave,
    Cancel,
    Template(usize),
    Restore,
    Discard,
    Overwrite,
    SaveAs,
    Reload,
    Keep,
    Close,
    /// OK in a prompt with a text field.
    Accept,
}

impl PlanwrightApp {
    pub(super) fn show_prompt(&mut self, ctx: &egui::Context) {
        let Some(mut prompt) = self.prompt.take() else {
            return;
        };
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique("planwright-prompt")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            match &mut prompt {
                Prompt::Unsaved(action) => {
                    let doing = match action {
                        AfterPrompt::New(..) => "starting a new plan",
                        AfterPrompt::RollForward => "rolling it forward to next year",
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
                Prompt::NewDraft(version) => {
                    ui.heading(format!("Start a new draft version ({version})?"));
                    ui.label(format!(
                        "This plan is signed off (version {}), so it is read-only. To change it, \
                         start draft version {version}; the signed-off version stays as it was.",
                        self.doc.plan().status.version
                    ));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Cancel").clicked() {
                            answer = Some(Answer::Cancel);
                        }
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            let start = RichText::new(format!("Start draft {version}")).strong();
                            if ui.button(start).clicked() {
                                answer = Some(Answer::Accept);
                            }
                        });
                    });
                }
                Prompt::PickTemplate(year) => {
                    ui.heading("New plan from a template");
                    super::yearly::year_field(ui, year);
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
                Prompt::ChangedOnDisk(path, _) => {
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
                Prompt::Reload(path) => {
                    ui.heading("The file was changed by someone else");
                    ui.label(format!(
                        "\"{}\" was changed on disk since you opened it, perhaps by a colleague.",
                        path.display()
                    ));
                    if self.doc.is_dirty() {
                        ui.label(
                            "Reloading keeps your unsaved changes as a recovery copy, \
                             offered the next time Planwright starts.",
                        );
                    }
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Keep mine").clicked() {
                            answer = Some(Answer::Keep);
                        }
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            if ui.button(RichText::new("Reload").strong()).clicked() {
                                answer = Some(Answer::Reload);
                            }
                        });
                    });
                }
                Prompt::TypePath { purpose, why, text } => {
                    ui.heading("No file dialog is available");
                    ui.add(egui::Label::new(why.as_str()).wrap());
                    ui.label("Type the file's full path instead:");
                    let verb = match purpose {
                        PathFor::Open => "Open this file",
                        PathFor::Compare => "Compare with this file",
                        PathFor::Save(_) => "Save to this file",
                        PathFor::ExportPdf | PathFor::ExportReview | PathFor::ExportHtml => {
                            "Export to this file"
                        }
                    };
                    answer = field_and_buttons(ui, "File path", text, "", verb, true);
                }
                Prompt::Link(url) => {
                    ui.heading("Link");
                    let hint = "https://… (empty removes the link)";
                    answer = field_and_buttons(ui, "Link address", url, hint, "Set link", false);
                }
                Prompt::PlanYear(i, year) => {
                    let name = self.templates.get(*i).map_or("", |t| t.name.as_str());
                    ui.heading(format!("New plan from \"{name}\""));
                    answer = field_and_buttons(ui, "Plan year", year, "2027/28", "Create", true);
                }
                Prompt::RollForward(roll) => answer = super::yearly::roll_forward_dialog(ui, roll),
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
        if answer.is_none() && modal.should_close() && !matches!(prompt, Prompt::Restore(_)) {
            // Restore must be answered; the rest close as Cancel.
            answer = Some(Answer::Cancel);
        }
        match answer {
            Some(answer) => self.answer(prompt, answer, ctx),
            // Still open (unless something drawn in it opened another).
            None if self.prompt.is_none() => self.prompt = Some(prompt),
            None => {}
        }
    }

    fn answer(&mut self, prompt: Prompt, answer: Answer, ctx: &egui::Context) {
        match (prompt, answer) {
            // If the save is cancelled or fails, so is what was to follow.
            (Prompt::Unsaved(action), Answer::Save) => self.save(Some(action), ctx),
            (Prompt::Unsaved(action), Answer::DontSave) => self.proceed(action, ctx),
            (Prompt::PickTemplate(year), Answer::Template(i))
            | (Prompt::PlanYear(i, year), Answer::Accept) => self.new_for_year(i, &year, ctx),
            (Prompt::RollForward(roll), Answer::Accept) => self.apply_roll_forward(*roll),
            (Prompt::Restore(recovered), Answer::Restore) => {
                let recovered = *recovered;
                let path = recovered.original.clone();
                let stamp = path.as_deref().and_then(super::files::DiskStamp::read);
                let saved = path
                    .as_deref()
                    .and_then(|p| crate::model::file::load(p).ok());
                self.replace_document(Document::recovered(recovered.plan, path, stamp, saved));
                // Keep the recovery copy until the work is saved.
                self.recovery_stale = true;
                self.status = "Restored your unsaved work: save it to keep it.".into();
            }
            (Prompt::Restore(_), Answer::Discard) => self.recovery.clear(),
            (Prompt::ChangedOnDisk(path, then), Answer::Overwrite) => {
                self.save_to(&path, then, ctx);
            }
            (Prompt::ChangedOnDisk(_, then), Answer::SaveAs) => self.save_as(then, ctx),
            (Prompt::Reload(path), Answer::Reload) => self.reload(&path),
            (Prompt::Reload(_), Answer::Keep) => {
                self.status = "Kept your version: saving will ask before overwriting theirs.".into()
            }
            (Prompt::TypePath { purpose, text, .. }, Answer::Accept) => {
                self.path_typed(purpose, &text, ctx)
            }
            (Prompt::NewDraft(_), Answer::Accept) => self.start_new_draft(ctx.input(|i| i.time)),
            (Prompt::Link(url), Answer::Accept) => {
                self.restyle = Some(crate::edit::rich::Restyle::Link(url))
            }
            _ => {}
        }
    }
}

/// A labelled text field with the keyboard, then Cancel and `ok` (also
/// Enter); `needs_text` keeps OK off while the field is empty.
fn field_and_buttons(
    ui: &mut egui::Ui,
    label: &str,
    text: &mut String,
    hint: &str,
    ok: &str,
    needs_text: bool,
) -> Option<Answer> {
    let label = ui.label(label);
    let field = ui
        .add(
            egui::TextEdit::singleline(text)
                .desired_width(480.0)
                .hint_text(hint),
        )
        .labelled_by(label.id);
    // Enter gives up the keyboard; read that before taking it back.
    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if !enter && ui.memory(|m| m.focused().is_none()) {
        field.request_focus();
    }
    let enabled = !needs_text || !text.trim().is_empty();
    let mut answer = (enter && enabled).then_some(Answer::Accept);
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button("Cancel").clicked() {
            answer = Some(Answer::Cancel);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let button = egui::Button::new(RichText::new(ok).strong());
            if ui.add_enabled(enabled, button).clicked() {
                answer = Some(Answer::Accept);
            }
        });
    });
    answer
}

fn ago(seconds: u64) -> String {
    match seconds {
        0..=89 => "a minute".to_owned(),
        90..=3599 => format!("{} minutes", seconds / 60),
        _ => format!("{} hours", seconds / 3600),
    }
}
