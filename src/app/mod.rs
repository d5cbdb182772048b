//! The eframe shell: the window's panels, the document, its file and its
//! history. Editors live in [`crate::ui`]; this module owns everything
//! that touches files, dialogs and the window.

mod chrome;
pub mod commands;
mod document;
pub mod files;
mod prompts;
mod timings;
pub mod undo;

use crate::model::check::{Finding, validate};
use crate::model::{Location, Plan};
use crate::template::Template;
use crate::ui::{self, EditContext, Editor, Page};
use commands::Command;
use files::{Dialogs, DiskStamp, Prefs, Recovery};
use prompts::{AfterPrompt, Prompt};
use std::path::{Path, PathBuf};
use undo::History;

/// Autosave to the recovery folder at least this often while unsaved.
pub const AUTOSAVE_SECONDS: f64 = 30.0;
/// ... and when the author has stopped typing for this long.
pub const IDLE_SECONDS: f64 = 2.0;
/// How many frames a jump to a finding keeps scrolling to its place.
const JUMP_FRAMES: u8 = 3;

/// The largest real plan, bundled so a newcomer sees one at once.
const SAMPLE: &str = include_str!("../../seeds/2008-09-childrens-social-services.ron");
const SAMPLE_NAME: &str = "2008-09-childrens-social-services.ron";

/// The plan a newcomer sees on first start: a real plan, unsaved (saving
/// asks where).
pub fn sample_plan() -> Plan {
    crate::model::file::from_ron(SAMPLE, Path::new(SAMPLE_NAME))
        .unwrap_or_else(|e| panic!("the bundled sample plan: {e}"))
}

/// What the app starts with; tests pass their own dialogs and folders.
pub struct Setup {
    pub dialogs: Box<dyn Dialogs>,
    pub recovery_dir: PathBuf,
    pub prefs: Prefs,
    /// A plan to open at start (`planwright PLAN.ron`).
    pub open: Option<PathBuf>,
    /// When the process started, to report frame times on stderr
    /// (`PLANWRIGHT_TIMINGS=1`).
    pub timings: Option<std::time::Instant>,
}

pub struct PlanwrightApp {
    plan: Plan,
    path: Option<PathBuf>,
    stamp: Option<DiskStamp>,
    /// The plan as last opened or saved, so undoing back to it is "saved".
    saved: Plan,
    dirty: bool,
    page: Page,
    history: History,
    findings: Vec<Finding>,
    templates: Vec<Template>,
    prefs: Prefs,
    dialogs: Box<dyn Dialogs>,
    recovery: Recovery,
    /// Edits not yet in the recovery file, and when the last one was.
    recovery_stale: bool,
    last_change: f64,
    last_recovery_write: f64,
    prompt: Option<Prompt>,
    /// What to do once a Save asked for by a prompt succeeds.
    after_save: Option<AfterPrompt>,
    commands: Vec<Command>,
    jump: Option<(Location, u8)>,
    find: chrome::FindBar,
    status: String,
    title: String,
    allow_close: bool,
    prefs_applied: bool,
    timings: Option<timings::Timings>,
    /// A PDF being made on a worker thread.
    export: Option<std::sync::mpsc::Receiver<Result<document::Exported, String>>>,
}

impl PlanwrightApp {
    pub fn new(setup: Setup) -> Self {
        let templates = crate::template::all();
        let plan = sample_plan();
        let mut app = PlanwrightApp {
            history: History::new(&plan),
            findings: validate(&plan),
            saved: plan.clone(),
            plan,
            path: None,
            stamp: None,
            dirty: false,
            page: Page::Section(vec![0]),
            templates,
            prefs: setup.prefs,
            dialogs: setup.dialogs,
            recovery: Recovery::new(setup.recovery_dir),
            recovery_stale: false,
            last_change: 0.0,
            last_recovery_write: 0.0,
            prompt: None,
            after_save: None,
            commands: Vec::new(),
            jump: None,
            find: chrome::FindBar::default(),
            status: "Sample plan: edit it, or open or start your own from the File menu.".into(),
            title: String::new(),
            allow_close: false,
            prefs_applied: false,
            timings: setup.timings.map(timings::Timings::new),
            export: None,
        };
        if let Some(path) = setup.open {
            app.open_path(&path);
        }
        match app.recovery.pending() {
            Some(Ok(recovered)) => app.prompt = Some(Prompt::Restore(Box::new(recovered))),
            Some(Err(message)) => {
                app.prompt = Some(Prompt::Error {
                    title: "Unsaved work could not be recovered".into(),
                    message,
                })
            }
            None => {}
        }
        app
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// The page the editor shows.
    pub fn page(&self) -> &Page {
        &self.page
    }

    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// Opens a page, as a click in the tree would.
    pub fn show_page(&mut self, page: Page) {
        self.go_to(page, None);
    }

    /// Queues a command, as a menu item or shortcut would.
    pub fn command(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Draws the whole window: menus, tree, editor, findings, status.
    pub fn ui_contents(&mut self, ui: &mut egui::Ui) {
        let frame_started = std::time::Instant::now();
        self.draw(ui);
        if let Some(timings) = &mut self.timings {
            timings.frame(frame_started.elapsed());
        }
    }

    fn draw(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.prefs_applied {
            ctx.set_theme(self.prefs.theme);
            if (0.5..=3.0).contains(&self.prefs.zoom) {
                ctx.set_zoom_factor(self.prefs.zoom);
            }
            self.prefs_applied = true;
        }
        self.handle_close_request(&ctx);
        // A plan file dropped on the window opens, as from File › Open.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.commands.push(Command::OpenPath(path));
        }
        let undo_key = self.read_shortcuts(&ctx);

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
        egui::Panel::top("toolbar").show(ui, |ui| self.toolbar(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        if self.prefs.show_findings {
            // At 200 % on a laptop the editor needs most of the height.
            let most = (ui.available_height() * 0.3).max(60.0);
            egui::Panel::bottom("findings")
                .resizable(true)
                .default_size(110.0_f32.min(most))
                .min_size(50.0)
                .max_size(most)
                .show(ui, |ui| self.findings_panel(ui));
        }
        let mut tree_action = None;
        egui::Panel::left("sections")
            .resizable(true)
            .default_size(240.0)
            .min_size(160.0)
            .max_size(420.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        tree_action = ui::tree::show(ui, &self.plan, &self.findings, &self.page);
                    });
            });
        let mut change = None;
        match tree_action {
            Some(ui::tree::TreeAction::Open(page)) => self.go_to(page, None),
            Some(action) => {
                if let Some(page) = ui::tree::apply(&mut self.plan, &action) {
                    change = Some(ui::Change::Step);
                    self.go_to(page, None);
                }
            }
            None => {}
        }
        let edited = egui::CentralPanel::default()
            .show(ui, |ui| self.editor(ui))
            .inner;
        let change = edited.or(change);

        let time = ctx.input(|i| i.time);
        if let Some(change) = change {
            self.history.record(&self.plan, change, time);
            self.after_edit(time);
        }
        // Ctrl+Z in a text field is the field's own undo first; when the
        // field had nothing to undo, the plan's.
        if let Some(command) = undo_key
            && change.is_none()
        {
            self.commands.push(command);
        }
        self.poll_export(&ctx);
        self.show_prompt(&ctx);
        self.run_commands(&ctx);
        self.autosave(&ctx, time);
        self.update_title(&ctx);
        self.prefs.zoom = ctx.zoom_factor();
    }

    fn editor(&mut self, ui: &mut egui::Ui) -> Option<ui::Change> {
        if self.find.open {
            if let Some(location) = self.find.ui(ui, &self.plan) {
                self.go_to(Page::Section(location.sections.clone()), Some(location));
            }
            ui.separator();
        }
        let template = self.templates.iter().find(|t| t.id == self.plan.template);
        let scale = self.plan.rating_scale.clone();
        let mut cx = EditContext::new(&self.findings, &scale);
        cx.template = template;
        cx.jump = self.jump.as_ref().map(|(l, _)| l.clone());
        let page = self.page.clone();
        // Each page has its own scroll position.
        egui::ScrollArea::vertical()
            .id_salt(("editor", &page))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                // Room for the scroll bar, so nothing runs under it.
                ui.set_max_width((ui.available_width() - 14.0).min(1400.0));
                match &page {
                    Page::Cover => ui::cover::CoverEditor.ui(ui, &mut self.plan, &mut cx),
                    Page::Section(path) => match self.plan.section_mut(path) {
                        Some(section) => {
                            ui::section::SectionEditor { path }.ui(ui, section, &mut cx)
                        }
                        None => {
                            ui.label("This section no longer exists.");
                        }
                    },
                }
            });
        let (change, navigate) = (cx.change, cx.navigate.take());
        // A page opened this frame is still being laid out, so its scroll
        // area cannot reach the place yet: scroll there for a few frames.
        if let Some((location, frames)) = self.jump.take()
            && frames < JUMP_FRAMES
        {
            self.jump = Some((location, frames + 1));
            ui.ctx().request_repaint();
        }
        if let Some(page) = navigate {
            self.go_to(page, None);
        }
        change
    }

    fn go_to(&mut self, page: Page, jump: Option<Location>) {
        self.page = page;
        self.jump = jump.map(|l| (l, 0));
        self.history.seal();
    }

    fn after_edit(&mut self, time: f64) {
        self.dirty = true;
        self.recovery_stale = true;
        self.last_change = time;
        self.findings = validate(&self.plan);
        self.find.invalidate();
        if let Page::Section(path) = &self.page
            && self.plan.section(path).is_none()
        {
            self.page = Page::Cover;
        }
    }

    /// Replaces the plan after undo or redo.
    fn restore(&mut self, plan: Plan, ctx: &egui::Context) {
        self.plan = plan;
        self.dirty = self.plan != self.saved;
        self.recovery_stale = self.dirty;
        self.findings = validate(&self.plan);
        self.find.invalidate();
        if let Page::Section(path) = &self.page
            && self.plan.section(path).is_none()
        {
            self.page = Page::Cover;
        }
        // The field's own undo history no longer matches the plan.
        if let Some(id) = ctx.memory(|m| m.focused()) {
            ctx.memory_mut(|m| m.surrender_focus(id));
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) {
            if self.dirty && !self.allow_close {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.prompt = Some(Prompt::Unsaved(AfterPrompt::Quit));
            } else if !self.dirty {
                self.recovery.clear();
            }
        }
    }

    /// Runs what the author asked for, after the prompt for unsaved
    /// changes where work would be lost.
    fn run_commands(&mut self, ctx: &egui::Context) {
        if !self.commands.is_empty() {
            // What a command shows (a prompt, another page) is drawn next frame.
            ctx.request_repaint();
        }
        for command in std::mem::take(&mut self.commands) {
            self.history.seal();
            match command {
                Command::New => self.prompt = Some(Prompt::PickTemplate),
                Command::NewFromTemplate(i) => self.guard(AfterPrompt::New(i), ctx),
                Command::Open => self.guard(AfterPrompt::Open(None), ctx),
                Command::OpenPath(path) => self.guard(AfterPrompt::Open(Some(path)), ctx),
                // A save asked for here is not the one an earlier prompt was waiting for.
                Command::Save => {
                    self.after_save = None;
                    self.save();
                }
                Command::SaveAs => {
                    self.after_save = None;
                    self.save_as();
                }
                Command::ExportPdf => self.export_pdf(),
                Command::Undo => {
                    if let Some(plan) = self.history.undo(&self.plan) {
                        self.restore(plan, ctx);
                    }
                }
                Command::Redo => {
                    if let Some(plan) = self.history.redo(&self.plan) {
                        self.restore(plan, ctx);
                    }
                }
                Command::Find => self.find.show(),
                Command::Quit => self.guard(AfterPrompt::Quit, ctx),
            }
        }
    }

    /// Does `action` now, or asks about unsaved changes first.
    fn guard(&mut self, action: AfterPrompt, ctx: &egui::Context) {
        if self.dirty {
            self.prompt = Some(Prompt::Unsaved(action));
        } else {
            self.proceed(action, ctx);
        }
    }

    fn proceed(&mut self, action: AfterPrompt, ctx: &egui::Context) {
        match action {
            AfterPrompt::New(i) => {
                if let Some(template) = self.templates.get(i) {
                    let (plan, name) = (template.new_plan(), template.name.clone());
                    self.replace_document(plan, None, None);
                    self.status = format!("New plan from \"{name}\"");
                }
            }
            AfterPrompt::Open(path) => {
                if let Some(path) = path.or_else(|| self.dialogs.open_plan()) {
                    self.open_path(&path);
                }
            }
            AfterPrompt::Quit => {
                self.recovery.clear();
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = format!(
            "{}{} — Planwright",
            self.display_name(),
            if self.dirty { " •" } else { "" }
        );
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

impl eframe::App for PlanwrightApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_contents(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, files::PREFS_KEY, &self.prefs);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if !self.dirty || self.allow_close {
            // Saved, or the author chose not to save.
            self.recovery.clear();
        } else if self.recovery_stale {
            // Closing with unsaved work (e.g. the system shutting down):
            // keep it for the next start.
            let _ = self.recovery.write(&self.plan, self.path.as_deref());
        }
    }
}
