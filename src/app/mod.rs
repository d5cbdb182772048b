//! The eframe shell: the window's panels, the document, its file and its
//! history. Editors live in [`crate::ui`]; this module owns everything
//! that touches files, dialogs and the window.

mod chrome;
pub mod commands;
pub mod compare;
mod document;
pub mod error;
pub mod files;
mod find_bar;
mod pack;
mod panes;
pub mod preview;
mod preview_pane;
mod prompts;
mod review;
mod saving;
mod shell;
mod timings;
pub mod undo;
mod yearly;

use crate::edit::Edit;
use crate::edit::rich::Restyle;
use crate::model::check::Finding;
use crate::model::{Location, Plan};
use crate::template::Template;
use crate::ui::{self, EditContext, Editor, Intent, Page};
use commands::Command;
pub use document::Document;
pub use error::AppError;
use files::{Dialogs, Prefs, Recovery};
use prompts::Prompt;
use std::path::{Path, PathBuf};

/// Autosave to the recovery folder at least this often while unsaved.
pub const AUTOSAVE_SECONDS: f64 = 30.0;
/// ... and when the author has stopped typing for this long.
pub const IDLE_SECONDS: f64 = 2.0;
/// How many frames a jump to a finding keeps scrolling to its place.
const JUMP_FRAMES: u8 = 3;

/// The largest real plan, bundled so a newcomer sees one at once.
const SAMPLE: &str = include_str!("../../seeds/2008-09-childrens-social-services.ron");
const SAMPLE_NAME: &str = "2008-09-childrens-social-services.ron";

/// The app's icon, for the window's title bar and task bar (the
/// installers carry their own copies, from `assets/icon`).
pub fn window_icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon/planwright-256.png"))
        .unwrap_or_else(|e| panic!("the bundled icon: {e}"))
}

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
    doc: Document,
    page: Page,
    templates: Vec<Template>,
    /// The plan's template written for the plan's year, for the shapes
    /// of new tables (a 2027/28 plan's new KPI table says Target 27/28).
    year_template: Option<Template>,
    prefs: Prefs,
    dialogs: Box<dyn Dialogs>,
    recovery: Recovery,
    /// Edits not yet in the recovery file, and when the last one was.
    recovery_stale: bool,
    last_change: f64,
    last_recovery_write: f64,
    prompt: Option<Prompt>,
    commands: Vec<Command>,
    /// A place to scroll to, for how many frames so far, and whether it
    /// takes the keyboard.
    jump: Option<(Location, u8, bool)>,
    find: find_bar::FindBar,
    status: String,
    /// What the last edit removed, offered for undo in the status bar
    /// until the next change.
    undo_offer: Option<String>,
    title: String,
    allow_close: bool,
    prefs_applied: bool,
    timings: Option<timings::Timings>,
    /// A PDF being made on a worker thread.
    export: Option<std::sync::mpsc::Receiver<Result<saving::Exported, AppError>>>,
    /// The styled field that last had the keyboard, which the style
    /// commands act on, and the style asked for.
    rich_field: Option<(egui::Id, std::ops::Range<usize>)>,
    restyle: Option<Restyle>,
    /// The pane the keyboard was last moved to, and one to move it into
    /// this frame (F6).
    pane: panes::Pane,
    focus_pane: Option<panes::Pane>,
    /// Whether the window had the focus last frame, to notice its return.
    window_focused: bool,
    /// The print preview's pages and the worker that lays them out.
    preview: preview::Preview,
    followed: preview_pane::Followed,
    /// The comment or reply being written in the comments panel.
    comments: ui::comments::PanelState,
    /// File › Compare with…: the changes since an earlier version.
    compare: compare::Compare,
    /// File › Make a pack…: the plans gathered so far.
    pack: pack::Pack,
}

impl PlanwrightApp {
    pub fn new(setup: Setup) -> Self {
        let templates = crate::template::all();
        crate::edit::spelling::load_in_background();
        let mut app = PlanwrightApp {
            doc: Document::new(sample_plan(), None, None),
            page: Page::Section(vec![0]),
            templates,
            year_template: None,
            prefs: setup.prefs,
            dialogs: setup.dialogs,
            recovery: Recovery::new(setup.recovery_dir),
            recovery_stale: false,
            last_change: 0.0,
            last_recovery_write: 0.0,
            prompt: None,
            commands: Vec::new(),
            jump: None,
            find: find_bar::FindBar::default(),
            status: "Sample plan: edit it, or open or start your own from the File menu.".into(),
            undo_offer: None,
            title: String::new(),
            allow_close: false,
            prefs_applied: false,
            timings: setup.timings.map(timings::Timings::new),
            export: None,
            rich_field: None,
            restyle: None,
            pane: panes::Pane::Editor,
            focus_pane: None,
            window_focused: true,
            preview: preview::Preview::default(),
            followed: Default::default(),
            comments: Default::default(),
            compare: Default::default(),
            pack: Default::default(),
        };
        // Unsaved work from a crash is found before the plan asked for is
        // opened, since opening a plan starts its recovery afresh.
        let pending = app.recovery.pending();
        if let Some(path) = setup.open {
            app.open_path(&path);
        }
        match pending {
            Some(Ok(recovered)) => app.prompt = Some(Prompt::Restore(Box::new(recovered))),
            Some(Err(error)) => {
                app.prompt = Some(Prompt::Error {
                    title: "Unsaved work could not be recovered".into(),
                    message: error.to_string(),
                })
            }
            None => {}
        }
        app
    }

    pub fn plan(&self) -> &Plan {
        self.doc.plan()
    }

    pub fn document(&self) -> &Document {
        &self.doc
    }

    pub fn path(&self) -> Option<&Path> {
        self.doc.path()
    }

    pub fn is_dirty(&self) -> bool {
        self.doc.is_dirty()
    }

    pub fn findings(&self) -> &[Finding] {
        self.doc.findings()
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
        self.notice_focus_return(&ctx);
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
        let mut intents = Vec::new();
        if self.prefs.show_findings {
            // At 200 % on a laptop the editor needs most of the height.
            let most = (ui.available_height() * 0.3).max(60.0);
            egui::Panel::bottom("findings")
                .resizable(true)
                .default_size(110.0_f32.min(most))
                .min_size(50.0)
                .max_size(most)
                .show(ui, |ui| intents.extend(self.findings_panel(ui)));
        }
        egui::Panel::left("sections")
            .resizable(true)
            .default_size(240.0)
            .min_size(160.0)
            .max_size(420.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        // Room for the scroll bar, which covered the marks.
                        ui.set_max_width(ui.available_width() - 10.0);
                        let focus = self.take_pane_focus(panes::Pane::Tree);
                        intents.extend(ui::tree::show(
                            ui,
                            self.doc.plan(),
                            self.doc.findings(),
                            &self.page,
                            focus,
                        ));
                    });
            });
        if self.prefs.show_comments {
            side_panel("comments", 300.0, ui.available_width())
                .show(ui, |ui| intents.extend(self.comments_panel(ui)));
        }
        if self.compare.open {
            side_panel("changes", 320.0, ui.available_width())
                .show(ui, |ui| intents.extend(self.compare_panel(ui)));
        }
        if self.prefs.show_preview {
            let (half, most) = (ui.available_width() * 0.45, ui.available_width() - 360.0);
            egui::Panel::right("preview")
                .resizable(true)
                .default_size(half)
                .min_size(240.0)
                .max_size(most.max(240.0))
                .show(ui, |ui| intents.extend(self.preview_panel(ui)));
        }
        intents.extend(
            egui::CentralPanel::default()
                .show(ui, |ui| self.editor(ui))
                .inner,
        );

        let time = ctx.input(|i| i.time);
        let edited = self.apply_intents(intents, time);
        // Ctrl+Z in a text field is the field's own undo first; when the
        // field had nothing to undo, the plan's.
        if let Some(command) = undo_key
            && !edited
        {
            self.commands.push(command);
        }
        self.poll_export(&ctx);
        self.show_prompt(&ctx);
        self.pack_window(&ctx);
        self.run_commands(&ctx);
        self.tick_preview(&ctx, time);
        self.autosave(&ctx, time);
        self.update_title(&ctx);
        self.prefs.zoom = ctx.zoom_factor();
    }

    /// Applies what the widgets asked for this frame, in order; true when
    /// the plan changed.
    fn apply_intents(&mut self, intents: Vec<Intent>, time: f64) -> bool {
        let mut edited = false;
        for intent in intents {
            match intent {
                // A signed-off plan changes only by starting a new draft.
                Intent::Edit(_) if self.is_read_only() => self.refuse_signed_off_edit(),
                Intent::Edit(edit) => edited |= self.apply(&edit, time).changed,
                Intent::Open(page, place) => self.go_to(page, place),
                Intent::Reveal(place) => {
                    self.go_to(Page::of(&place), None);
                    self.jump = Some((place, 0, false));
                }
                Intent::NewComment(place) => {
                    self.comments.draft = Some((place, String::new()));
                    self.prefs.show_comments = true;
                }
                Intent::ShowComments => self.prefs.show_comments = true,
            }
        }
        edited
    }

    /// The one way the plan changes: through the document, then what
    /// follows from it (recovery, find results, the page shown).
    fn apply(&mut self, edit: &Edit, time: f64) -> crate::edit::Applied {
        let applied = self.doc.apply(edit, time);
        if let Some(why) = applied.refused {
            self.status = why.to_owned();
        }
        if applied.changed {
            self.recovery_stale = true;
            self.last_change = time;
            self.find.invalidate();
            self.undo_offer = applied.removed.clone();
            if applied.replaced > 0 {
                self.status = match applied.replaced {
                    1 => "Replaced 1 place".to_owned(),
                    n => format!("Replaced {n} places"),
                };
            }
            if let Some(page) = applied.show.clone() {
                self.go_to(page, None);
            }
            self.settle_page();
        }
        applied
    }

    fn editor(&mut self, ui: &mut egui::Ui) -> Vec<Intent> {
        let mut intents = Vec::new();
        if self.find.open {
            intents.extend(self.find.ui(ui, self.doc.plan(), &self.page));
            ui.separator();
        }
        self.read_only_banner(ui);
        let focus_first = self.take_pane_focus(panes::Pane::Editor);
        self.refresh_year_template();
        let template = self.year_template.as_ref();
        let scale = self.doc.plan().rating_scale.clone();
        let dictionary = self.doc.plan().dictionary.clone();
        let findings = self.doc.findings().to_vec();
        let units = self.doc.plan().units.clone();
        let mut cx = EditContext::new(&findings, &scale);
        cx.dictionary = &dictionary;
        cx.units = &units;
        cx.template = template;
        cx.jump = self.jump.as_ref().map(|(l, _, _)| l.clone());
        cx.jump_focus = self.jump.as_ref().is_some_and(|(_, _, focus)| *focus);
        cx.style_request = self
            .restyle
            .take()
            .and_then(|r| self.rich_field.clone().map(|(id, range)| (id, range, r)));
        cx.focus_first = focus_first;
        cx.open_comments = (self.doc.plan().open_comments().into_iter())
            .map(|c| c.location)
            .collect();
        let page = self.page.clone();
        // A signed-off plan's editors draw a copy: what they change is
        // dropped, and the change asks for a new draft instead.
        let read_only = self.is_read_only();
        let mut copy = read_only.then(|| self.doc.plan().clone());
        let plan = match &mut copy {
            Some(copy) => copy,
            None => self.doc.plan_for_fields(),
        };
        // Each page has its own scroll position.
        egui::ScrollArea::vertical()
            .id_salt(("editor", &page))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                // Room for the scroll bar, so nothing runs under it.
                ui.set_max_width((ui.available_width() - 14.0).min(1400.0));
                match &page {
                    Page::Cover => ui::cover::CoverEditor.ui(ui, plan, &mut cx),
                    Page::Section(path) => match plan.section_mut(path) {
                        Some(section) => {
                            ui::section::SectionEditor { path }.ui(ui, section, &mut cx)
                        }
                        None => {
                            ui.label("This section no longer exists.");
                        }
                    },
                }
            });
        self.followed.editing = cx.editing.take();
        if let Some(field) = cx.rich_focus.take() {
            self.rich_field = Some(field);
        }
        intents.extend(cx.into_intents());
        if read_only && copy.as_ref() != Some(self.doc.plan()) {
            self.refuse_signed_off_edit();
        }
        // A page opened this frame is still being laid out, so its scroll
        // area cannot reach the place yet: scroll there for a few frames.
        if let Some((location, frames, focus)) = self.jump.take()
            && frames < JUMP_FRAMES
        {
            self.jump = Some((location, frames + 1, focus));
            ui.ctx().request_repaint();
        }
        intents
    }

    fn go_to(&mut self, page: Page, jump: Option<Location>) {
        self.page = page;
        self.jump = jump.map(|l| (l, 0, true));
        self.doc.seal();
    }

    /// The one place that keeps the page shown in the plan: a section
    /// that no longer exists (deleted, undone) gives way to the cover.
    fn settle_page(&mut self) {
        if let Page::Section(path) = &self.page
            && self.doc.plan().section(path).is_none()
        {
            self.page = Page::Cover;
        }
    }

    /// After undo or redo replaced the plan.
    fn after_history(&mut self, ctx: &egui::Context) {
        self.recovery_stale = self.doc.is_dirty();
        self.find.invalidate();
        self.undo_offer = None;
        self.settle_page();
        // The field's own undo history no longer matches the plan.
        if let Some(id) = ctx.memory(|m| m.focused()) {
            ctx.memory_mut(|m| m.surrender_focus(id));
        }
    }
}

/// A panel beside the editor (comments, changes): at most a third of the
/// window, so the page being edited keeps its room when zoomed to 200 %.
fn side_panel(id: &'static str, width: f32, available: f32) -> egui::Panel {
    let most = (available / 3.0).max(160.0);
    egui::Panel::right(id)
        .resizable(true)
        .default_size(width.min(most))
        .min_size(160.0)
        .max_size(most)
}

impl eframe::App for PlanwrightApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_contents(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, files::PREFS_KEY, &self.prefs);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if !self.doc.is_dirty() || self.allow_close {
            // Saved, or the author chose not to save.
            self.recovery.clear();
        } else if self.recovery_stale {
            // Closing with unsaved work (e.g. the system shutting down):
            // keep it for the next start.
            let _ = self.recovery.write(self.doc.plan(), self.doc.path());
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_bundled_icon_decodes() {
        let icon = crate::app::window_icon();
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    }
}
