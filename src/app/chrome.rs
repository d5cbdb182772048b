//! The window's chrome: menu bar, toolbar, status bar, findings panel,
//! find bar and keyboard shortcuts, all dispatching [`Command`]s.

use super::PlanwrightApp;
use super::commands::Command;
use crate::model::{Location, Plan};
use crate::ui::find::{Match, find};
use crate::ui::rich::Style;
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
        for command in Command::WITH_SHORTCUTS {
            for shortcut in command.shortcuts() {
                let is_history = matches!(command, Command::Undo | Command::Redo);
                if is_history && text_focused {
                    let pressed = ctx.input(|i| {
                        i.modifiers.matches_logically(shortcut.modifiers)
                            && (i.modifiers.shift == shortcut.modifiers.shift)
                            && i.key_pressed(shortcut.logical_key)
                    });
                    if pressed {
                        deferred = Some(command.clone());
                    }
                } else if ctx.input_mut(|i| i.consume_shortcut(shortcut)) && !modal_open {
                    self.commands.push(command.clone());
                }
            }
        }
        deferred
    }

    fn command_button(&mut self, ui: &mut Ui, command: Command, enabled: bool) {
        let shortcut = command.shortcut_text(ui.ctx());
        let button = egui::Button::new(command.label()).shortcut_text(shortcut);
        if ui.add_enabled(enabled, button).clicked() {
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
                ui.separator();
                self.command_button(ui, Command::Quit, true);
            });
            ui.menu_button("Edit", |ui| {
                let (can_undo, can_redo) = (self.history.can_undo(), self.history.can_redo());
                self.command_button(ui, Command::Undo, can_undo);
                self.command_button(ui, Command::Redo, can_redo);
                ui.separator();
                self.command_button(ui, Command::Find, true);
                ui.separator();
                if ui.button("Bold").clicked() {
                    crate::ui::paragraph::request_style(ui.ctx(), Style::Bold);
                }
                if ui.button("Italic").clicked() {
                    crate::ui::paragraph::request_style(ui.ctx(), Style::Italic);
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
            });
        });
    }

    pub(super) fn toolbar(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            for (command, text, enabled) in [
                (Command::New, "New", true),
                (Command::Open, "Open", true),
                (Command::Save, "Save", true),
                (Command::ExportPdf, "Export PDF", true),
                (Command::Undo, "Undo", self.history.can_undo()),
                (Command::Redo, "Redo", self.history.can_redo()),
                (Command::Find, "Find", true),
            ] {
                let tip = format!("{} ({})", command.label(), command.shortcut_text(ui.ctx()));
                if ui
                    .add_enabled(enabled, egui::Button::new(text))
                    .on_hover_text(tip)
                    .clicked()
                {
                    self.commands.push(command);
                }
            }
            ui.separator();
            crate::ui::paragraph::style_buttons(ui);
        });
    }

    pub(super) fn status_bar(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            let path = self
                .path
                .as_ref()
                .map_or_else(|| "Not saved yet".to_owned(), |p| p.display().to_string());
            ui.label(path);
            ui.separator();
            if self.dirty {
                ui.label(RichText::new("Unsaved changes").color(ui.visuals().warn_fg_color));
            } else if self.path.is_some() {
                ui.label("Saved");
            } else {
                ui.label("No changes");
            }
            ui.separator();
            let n = self.findings.len();
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
            ui.add(egui::Label::new(RichText::new(&self.status).weak()).truncate());
        });
    }

    pub(super) fn findings_panel(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.label(RichText::new("Findings").strong());
            ui.label(RichText::new("click one to go to its place").weak());
        });
        if let Some(location) = crate::ui::findings::show(ui, &self.plan, &self.findings) {
            let page = if location.is_cover() {
                crate::ui::Page::Cover
            } else {
                crate::ui::Page::Section(location.sections.clone())
            };
            self.go_to(page, Some(location));
        }
    }
}

/// The find bar above the editor.
#[derive(Default)]
pub(super) struct FindBar {
    pub open: bool,
    query: String,
    /// The query the results are for; `None` after the plan changed.
    searched: Option<String>,
    results: Vec<Match>,
    current: usize,
    focus: bool,
}

impl FindBar {
    /// The plan changed: search again before showing results.
    pub fn invalidate(&mut self) {
        self.searched = None;
    }

    pub fn show(&mut self) {
        self.open = true;
        self.focus = true;
    }

    /// Draws the bar; returns a place to go to.
    pub fn ui(&mut self, ui: &mut Ui, plan: &Plan) -> Option<Location> {
        let mut go = None;
        ui.horizontal(|ui| {
            let label = ui.label("Find text");
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut self.query)
                        .desired_width(260.0)
                        .hint_text("Text to find"),
                )
                .labelled_by(label.id);
            if std::mem::take(&mut self.focus) {
                response.request_focus();
            }
            if self.searched.as_ref() != Some(&self.query) {
                self.results = find(plan, &self.query);
                self.searched = Some(self.query.clone());
                self.current = 0;
            }
            let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let n = self.results.len();
            let next =
                ui.add_enabled(n > 0, egui::Button::new("Next")).clicked() || (enter && n > 0);
            if next {
                go = Some(self.results[self.current % n].location.clone());
                self.current = (self.current + 1) % n;
                if enter {
                    response.request_focus();
                }
            }
            ui.label(match (self.query.trim().is_empty(), n) {
                (true, _) => String::new(),
                (false, 0) => "Not found".to_owned(),
                (false, 1) => "1 place".to_owned(),
                (false, n) => format!("{n} places"),
            });
            if ui
                .button("Close")
                .on_hover_text("Close the find bar (Esc)")
                .clicked()
                || ui.input(|i| i.key_pressed(egui::Key::Escape))
            {
                self.open = false;
            }
        });
        if !self.results.is_empty() {
            egui::ScrollArea::vertical()
                .id_salt("find-results")
                .max_height(110.0)
                .show(ui, |ui| {
                    for (i, m) in self.results.iter().enumerate().take(200) {
                        if ui.link(&m.snippet).clicked() {
                            go = Some(m.location.clone());
                            self.current = (i + 1) % self.results.len();
                        }
                    }
                });
        }
        go
    }
}
