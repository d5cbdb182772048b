//! The shell's end of the frame: the commands asked for this frame run
//! here, after a prompt for unsaved changes where work would be lost, and
//! the window's title and close button follow the document.

use super::commands::Command;
use super::files::{PathFor, Picked};
use super::prompts::{AfterPrompt, Prompt};
use super::{Document, PlanwrightApp, yearly};
use crate::edit::rich::{Restyle, Style};

impl PlanwrightApp {
    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) {
            if self.doc.is_dirty() && !self.allow_close {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.prompt = Some(Prompt::Unsaved(AfterPrompt::Quit));
            } else if !self.doc.is_dirty() {
                self.recovery.clear();
            }
        }
    }

    /// Runs what the author asked for, after the prompt for unsaved
    /// changes where work would be lost.
    pub(super) fn run_commands(&mut self, ctx: &egui::Context) {
        if !self.commands.is_empty() {
            // What a command shows (a prompt, another page) is drawn next frame.
            ctx.request_repaint();
        }
        for command in std::mem::take(&mut self.commands) {
            self.doc.seal();
            match command {
                Command::New => self.prompt = Some(Prompt::PickTemplate(yearly::default_year())),
                Command::NewFromTemplate(i) => {
                    self.prompt = Some(Prompt::PlanYear(i, yearly::default_year()));
                }
                Command::RollForward => self.guard(AfterPrompt::RollForward, ctx),
                Command::Open => self.guard(AfterPrompt::Open(None), ctx),
                Command::OpenPath(path) => self.guard(AfterPrompt::Open(Some(path)), ctx),
                Command::Save => {
                    self.save(None, ctx);
                }
                Command::SaveAs => {
                    self.save_as(None, ctx);
                }
                Command::ExportPdf => self.export_pdf(false),
                Command::ExportReview => self.export_pdf(true),
                Command::Comments => self.prefs.show_comments = !self.prefs.show_comments,
                Command::ExportHtml => self.export_html(),
                Command::CompareWith => self.compare_with(),
                Command::MakePack => self.make_pack(),
                Command::Undo => {
                    if self.doc.undo() {
                        self.after_history(ctx);
                    }
                }
                Command::Redo => {
                    if self.doc.redo() {
                        self.after_history(ctx);
                    }
                }
                Command::Find => self.find.show(false),
                Command::Replace => self.find.show(true),
                Command::Bold => self.restyle = Some(Restyle::Toggle(Style::Bold)),
                Command::Italic => self.restyle = Some(Restyle::Toggle(Style::Italic)),
                Command::Underline => self.restyle = Some(Restyle::Toggle(Style::Underline)),
                Command::Superscript => self.restyle = Some(Restyle::Toggle(Style::Superscript)),
                Command::Link => self.prompt = Some(Prompt::Link(String::new())),
                Command::NextPane => self.move_pane(1, ctx),
                Command::PreviousPane => self.move_pane(-1, ctx),
                Command::Quit => self.guard(AfterPrompt::Quit, ctx),
            }
        }
    }

    /// Does `action` now, or asks about unsaved changes first.
    pub(super) fn guard(&mut self, action: AfterPrompt, ctx: &egui::Context) {
        if self.doc.is_dirty() {
            self.prompt = Some(Prompt::Unsaved(action));
        } else {
            self.proceed(action, ctx);
        }
    }

    pub(super) fn proceed(&mut self, action: AfterPrompt, ctx: &egui::Context) {
        match action {
            AfterPrompt::New(i, year) => {
                if let Some(template) = self.templates.get(i) {
                    let (plan, name) = (template.new_plan_for(year), template.name.clone());
                    self.replace_document(Document::new(plan, None, None));
                    let year = crate::model::period::financial_label(year);
                    self.status = format!("New plan for {year} from \"{name}\"");
                }
            }
            AfterPrompt::RollForward => self.offer_roll_forward(),
            AfterPrompt::Open(Some(path)) => self.open_path(&path),
            AfterPrompt::Open(None) => match self.dialogs.open_plan() {
                Picked::Path(path) => self.open_path(&path),
                Picked::Cancelled => {}
                Picked::Unavailable(why) => self.ask_path(PathFor::Open, why),
            },
            AfterPrompt::Quit => {
                self.recovery.clear();
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    pub(super) fn update_title(&mut self, ctx: &egui::Context) {
        let title = format!(
            "{}{} — Planwright",
            self.display_name(),
            if self.doc.is_dirty() { " •" } else { "" }
        );
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}
