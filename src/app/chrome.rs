//! The window's chrome: menu bar, toolbar, status bar, findings panel and
//! keyboard shortcuts, all dispatching [`Command`]s through their one
//! descriptor each.

use super::PlanwrightApp;
use super::commands::Command;
use crate::ui::Intent;
use egui::{RichText, Ui};

impl PlanwrightApp {
    /// Consumes the shortcuts of commands. Undo and redo in a focused text
    /// field are left to the field; they come back as the returned command
    /// and run only if the field had nothing to undo.
    pub(super) fn read_shortcuts(&mut self, ctx: &egui::Context) -> Option<Command> {
        let text_focused = ctx
            .memory(|m| m.focused())
            .is_some_and(|id| egui::text_edit::TextEditState::load(ctx, id).is_some());
        let modal_open = self.prompt.is_some();
        let mut deferred = None;
        for (command, shortcut) in Command::shortcut_table(ctx.os()) {
            let is_history = matches!(command, Command::Undo | Command::Redo);
            if is_history && text_focused {
                let pressed = ctx.input(|i| {
                    i.modifiers.matches_logically(shortcut.modifiers)
                        && (i.modifiers.shift == shortcut.modifiers.shift)
                        && i.key_pressed(shortcut.logical_key)
                });
                if pressed {
                    deferred = Some(command);
                }
            } else if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) && !modal_open {
                self.commands.push(command);
            }
        }
        deferred
    }

    /// A menu item for `command`: its text and shortcut from its descriptor.
    fn command_button(&mut self, ui: &mut Ui, command: Command, enabled: bool) {
        let shortcut = command.shortcut_text(ui.ctx());
        let button = egui::Button::new(command.label()).shortcut_text(shortcut);
        if ui
            .add_enabled(enabled, button)
            .on_hover_text(command.descriptor().tooltip)
            .clicked()
        {
            self.commands.push(command);
        }
    }

    /// A toolbar button for `command`, with `text` (short) or the
    /// command's own; its tooltip names the shortcut.
    fn tool_button(&mut self, ui: &mut Ui, command: Command, text: RichText, enabled: bool) {
        let tip = command.tooltip(ui.ctx());
        let response = ui
            .add_enabled(enabled, egui::Button::new(text))
            .on_hover_text(&tip)
            .on_disabled_hover_text(&tip);
        // Screen readers and tests know a button by what it does.
        crate::ui::set_accessible_name(
            ui,
            &response,
            command.descriptor().text.trim_end_matches('…'),
        );
        if response.clicked() {
            self.commands.push(command);
        }
    }

    pub(super) fn menu_bar(&mut self, ui: &mut Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                ui.menu_button("New from template", |ui| {
                    for (i, template) in self.templates.iter().enumerate() {
                        if ui
                            .button(&template.name)
                            .on_hover_text(&template.description)
                            .clicked()
                        {
                            self.commands.push(Command::NewFromTemplate(i));
                        }
                    }
                });
                self.command_button(ui, Command::RollForward, true);
                self.command_button(ui, Command::Open, true);
                ui.menu_button("Open recent", |ui| {
                    if self.prefs.recent.is_empty() {
                        ui.label(RichText::new("No recent plans").weak());
                    }
                    for path in self.prefs.recent.clone() {
                        if ui.button(path.display().to_string()).clicked() {
                            self.commands.push(Command::OpenPath(path));
                        }
                    }
                });
                ui.separator();
                self.command_button(ui, Command::Save, true);
                self.command_button(ui, Command::SaveAs, true);
                self.command_button(ui, Command::ExportPdf, true);
                self.command_button(ui, Command::ExportReview, true);
                self.command_button(ui, Command::ExportHtml, true);
                ui.separator();
                self.command_button(ui, Command::CompareWith, true);
                self.command_button(ui, Command::MakePack, true);
                ui.separator();
                self.command_button(ui, Command::Quit, true);
            });
            ui.menu_button("Edit", |ui| {
                let (can_undo, can_redo) = (self.doc.can_undo(), self.doc.can_redo());
                self.command_button(ui, Command::Undo, can_undo);
                self.command_button(ui, Command::Redo, can_redo);
                ui.separator();
                self.command_button(ui, Command::Find, true);
                self.command_button(ui, Command::Replace, true);
                ui.separator();
                for command in [
                    Command::Bold,
                    Command::Italic,
                    Command::Underline,
                    Command::Superscript,
                    Command::Link,
                ] {
                    self.command_button(ui, command, true);
                }
            });
            ui.menu_button("View", |ui| {
                ui.label(RichText::new("Theme").weak());
                for (theme, label) in [
                    (egui::ThemePreference::System, "Follow the system"),
                    (egui::ThemePreference::Light, "Light"),
                    (egui::ThemePreference::Dark, "Dark"),
                ] {
                    if ui.radio(self.prefs.theme == theme, label).clicked() {
                        self.prefs.theme = theme;
                        ui.ctx().set_theme(theme);
                    }
                }
                ui.separator();
                egui::gui_zoom::zoom_menu_buttons(ui);
                ui.separator();
                ui.checkbox(&mut self.prefs.show_findings, "Findings panel");
                ui.checkbox(&mut self.prefs.show_preview, "Print preview");
                self.command_button(ui, Command::Comments, true);
                ui.separator();
                self.command_button(ui, Command::NextPane, true);
                self.command_button(ui, Command::PreviousPane, true);
            });
        });
    }

    pub(super) fn toolbar(&mut self, ui: &mut Ui) {
        // Wraps onto a second line at 200 % rather than losing buttons.
        ui.horizontal_wrapped(|ui| {
            let (can_undo, can_redo) = (self.doc.can_undo(), self.doc.can_redo());
            for (command, text, enabled) in [
                (Command::New, "New", true),
                (Command::Open, "Open", true),
                (Command::Save, "Save", true),
                (Command::ExportPdf, "Export PDF", true),
                (Command::Undo, "Undo", can_undo),
                (Command::Redo, "Redo", can_redo),
                (Command::Find, "Find", true),
                (Command::Replace, "Replace", true),
            ] {
                self.tool_button(ui, command, RichText::new(text), enabled);
            }
            ui.separator();
            // The style buttons act on the styled field that last had the
            // keyboard, and show what they do as Word's do.
            for (command, text) in [
                (Command::Bold, RichText::new("B").strong()),
                (Command::Italic, RichText::new("I").italics()),
                (Command::Underline, RichText::new("U").underline()),
                (Command::Superscript, RichText::new("x²")),
                (Command::Link, RichText::new("Link").underline()),
            ] {
                self.tool_button(ui, command, text, true);
            }
        });
    }

    pub(super) fn status_bar(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            let path = self
                .doc
                .path()
                .map_or_else(|| "Not saved yet".to_owned(), |p| p.display().to_string());
            ui.label(path);
            ui.separator();
            if self.doc.is_dirty() {
                ui.label(RichText::new("Unsaved changes").color(ui.visuals().warn_fg_color));
            } else if self.doc.path().is_some() {
                ui.label("Saved");
            } else {
                ui.label("No changes");
            }
            ui.separator();
            let n = self.doc.findings().len();
            let text = match n {
                0 => "No findings".to_owned(),
                1 => "1 finding".to_owned(),
                n => format!("{n} findings"),
            };
            if ui
                .link(text)
                .on_hover_text("Show or hide the findings panel")
                .clicked()
            {
                self.prefs.show_findings = !self.prefs.show_findings;
            }
            ui.separator();
            if self.export.is_some() {
                ui.spinner();
            }
            if let Some(removed) = self.undo_offer.clone() {
                // A deletion is one click: make taking it back one click too.
                ui.label(RichText::new(format!("Deleted {removed} —")).strong());
                let undo = ui
                    .link("Undo")
                    .on_hover_text(format!("Bring back {removed}"));
                crate::ui::set_accessible_name(ui, &undo, &format!("Undo deleting {removed}"));
                if undo.clicked() {
                    self.commands.push(Command::Undo);
                }
                ui.separator();
            }
            ui.add(egui::Label::new(RichText::new(&self.status).weak()).truncate());
        });
    }

    pub(super) fn findings_panel(&mut self, ui: &mut Ui) -> Option<Intent> {
        ui.horizontal(|ui| {
            ui.label(RichText::new("Findings").strong());
            ui.label(RichText::new("click one to go to its place").weak());
        });
        let focus = self.take_pane_focus(super::panes::Pane::Findings);
        let clicked = crate::ui::findings::show(ui, self.doc.plan(), self.doc.findings(), focus);
        clicked.or_else(|| self.layout_findings(ui))
    }
}
