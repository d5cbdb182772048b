//! The plan editor's widgets: a pure UI library over the model (no window,
//! no files). Each editor draws one part of the plan in place and reports
//! what it changed, so the shell can keep undo history and findings.

pub mod comments;
pub mod cover;
pub mod date;
pub mod findings;
pub mod fonts;
pub mod list;
pub mod orgchart;
pub mod paragraph;
pub mod preview;
pub mod rich;
pub mod section;
mod spelling;
pub mod table;
mod table_cell;
mod table_layout;
mod table_widths;
pub mod tree;
pub mod units;

pub use fonts::install_fonts;

pub use crate::edit::{Page, block_name, move_item, section_label};

use crate::edit::Edit;
use crate::edit::rich::Restyle;
use crate::model::check::{Finding, Severity};
use crate::model::{Location, RatingBand, Unit};
use crate::template::Template;
use egui::{Color32, Id, Response, RichText, Ui};

/// What a widget asks the shell for. Widgets never change the plan's
/// structure or the window themselves: they return intents, and the
/// shell applies them in one place at the end of the frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Intent {
    Edit(Edit),
    /// Show a page, scrolled to a place on it if given, which takes the
    /// keyboard (a finding to fix).
    Open(Page, Option<Location>),
    /// Show a place without taking the keyboard from where it is (a find
    /// result: the find box keeps it).
    Reveal(Location),
    /// Start a review comment on this place (the comments panel asks
    /// for its text).
    NewComment(Location),
    /// Show the comments panel.
    ShowComments,
}

/// Everything the editors need besides the part of the plan they edit.
pub struct EditContext<'a> {
    /// The change an editor made in place this frame (typing, a picker).
    pub change: Option<Edit>,
    /// Structural edits and navigation, for the shell to apply.
    pub intents: Vec<Intent>,
    /// The plan's findings, to show next to the cells they are about.
    pub findings: &'a [Finding],
    pub rating_scale: &'a [RatingBand],
    /// The plan's own dictionary, for the spelling marks.
    pub dictionary: &'a [String],
    /// The plan's units, for the unit pickers of sections and tables.
    pub units: &'a [Unit],
    /// The plan's template, for the default shapes of new tables.
    pub template: Option<&'a Template>,
    /// A place to scroll to and focus this frame (from the findings). The
    /// shell sets it for a few frames while the page settles.
    pub jump: Option<Location>,
    /// Whether the jump target takes the keyboard.
    pub jump_focus: bool,
    /// A style the author asked for (toolbar, menu) and the styled field
    /// that last had the keyboard, which applies it.
    pub style_request: Option<(Id, std::ops::Range<usize>, Restyle)>,
    /// Move the keyboard to the page's first field (F6 into the editor).
    pub focus_first: bool,
    /// Set by a styled field when it has the keyboard.
    pub rich_focus: Option<(Id, std::ops::Range<usize>)>,
    /// The visible label of the block being drawn; a block that is one
    /// field (a paragraph) is named by it.
    pub block_label: Option<Id>,
    /// The block holding the field with the keyboard, for the print
    /// preview to follow.
    pub editing: Option<Location>,
    /// Where the plan's open review comments are, for their markers.
    pub open_comments: Vec<Location>,
}

impl<'a> EditContext<'a> {
    pub fn new(findings: &'a [Finding], rating_scale: &'a [RatingBand]) -> Self {
        EditContext {
            change: None,
            intents: Vec::new(),
            findings,
            rating_scale,
            dictionary: &[],
            units: &[],
            template: None,
            jump: None,
            jump_focus: false,
            style_request: None,
            focus_first: false,
            rich_focus: None,
            block_label: None,
            editing: None,
            open_comments: Vec::new(),
        }
    }

    pub fn typed(&mut self, id: Id) {
        // A structural step in the same frame wins: it must stay separate.
        if self.change != Some(Edit::Changed) {
            self.change = Some(Edit::Typed { field: id.value() });
        }
    }

    pub fn step(&mut self) {
        self.change = Some(Edit::Changed);
    }

    /// Asks the shell for a structural edit, applied after drawing.
    pub fn edit(&mut self, edit: Edit) {
        self.intents.push(Intent::Edit(edit));
    }

    pub fn open(&mut self, page: Page) {
        self.intents.push(Intent::Open(page, None));
    }

    /// Gives `response` the keyboard if the page is to take it (F6): the
    /// first field drawn that asks gets it.
    pub fn take_focus(&mut self, response: &Response) {
        if std::mem::take(&mut self.focus_first) {
            response.request_focus();
        }
    }

    /// Everything asked for this frame, the in-place change first.
    pub fn into_intents(self) -> Vec<Intent> {
        let mut out: Vec<Intent> = self.change.into_iter().map(Intent::Edit).collect();
        out.extend(self.intents);
        out
    }

    /// Findings about exactly this place (same sections, block, row, column).
    pub fn findings_at(
        &self,
        location: &Location,
    ) -> impl Iterator<Item = &'a Finding> + use<'a, '_> {
        let location = location.clone();
        self.findings.iter().filter(move |f| f.location == location)
    }

    /// True when the jump target is this place or inside it; the caller
    /// scrolls there.
    pub fn is_jump_target(&self, location: &Location) -> bool {
        self.jump.as_ref().is_some_and(|j| j == location)
    }
}

/// An editor for one part of the plan, drawn in place.
pub trait Editor<T: ?Sized> {
    fn ui(&mut self, ui: &mut Ui, value: &mut T, cx: &mut EditContext<'_>);
}

/// Gives a widget an accessible name without a visible label (table
/// cells are named by their row and column headers on screen).
pub fn name_widget(ui: &Ui, response: &Response, name: &str) {
    ui.ctx().accesskit_node_builder(response.id, |node| {
        if node.label().is_none_or(str::is_empty) {
            node.set_label(name);
        }
    });
}

/// Names a widget for screen readers and tests, replacing what its
/// visible text would say (a `3 ▾` menu is "Row 3 actions").
pub fn set_accessible_name(ui: &Ui, response: &Response, name: &str) {
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_label(name));
}

/// A single-line text field with a visible label to its left.
pub fn labelled_line(
    ui: &mut Ui,
    label: &str,
    text: &mut String,
    cx: &mut EditContext<'_>,
) -> Response {
    let label = ui.label(label);
    let response = ui
        .add(egui::TextEdit::singleline(text).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    cx.take_focus(&response);
    if response.changed() {
        cx.typed(response.id);
    }
    response
}

/// The template's guidance: muted, boxed, never printed. Open while the
/// section is still to be written; one line, to open, once it has words.
pub fn guidance_box(ui: &mut Ui, id: Id, text: &str, open: bool) {
    if text.trim().is_empty() {
        return;
    }
    egui::Frame::group(ui.style())
        .fill(ui.visuals().faint_bg_color)
        .stroke(egui::Stroke::new(
            1.0,
            ui.visuals().widgets.noninteractive.bg_stroke.color,
        ))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            egui::CollapsingHeader::new(RichText::new("Guidance (not printed)").weak())
                .id_salt(id.with("guidance"))
                .default_open(open)
                .show_unindented(ui, |ui| {
                    ui.label(RichText::new(text).color(ui.visuals().weak_text_color()));
                });
        });
}

/// Errors and warnings told apart by shape as well as colour.
pub fn severity_icon(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "✖",
        Severity::Warning => "⚠",
    }
}

pub fn severity_colour(ui: &Ui, severity: Severity) -> Color32 {
    match severity {
        Severity::Error => ui.visuals().error_fg_color,
        Severity::Warning => ui.visuals().warn_fg_color,
    }
}

/// Findings shown under the widget they are about.
pub fn show_findings(ui: &mut Ui, cx: &EditContext<'_>, location: &Location) {
    for finding in cx.findings_at(location) {
        let icon = severity_icon(finding.severity);
        let mut text = RichText::new(format!("{icon} {}", finding.message))
            .color(severity_colour(ui, finding.severity));
        if finding.severity == Severity::Error {
            text = text.strong();
        }
        ui.label(text);
    }
}

/// Findings about a table cell, marked on the cell itself (a frame in the
/// finding's colour, the message on hover and for screen readers) rather than in a line under it: a line that comes and goes
/// while the author types would move the rows below.
pub fn mark_findings(ui: &Ui, cx: &EditContext<'_>, location: &Location, response: &Response) {
    let findings: Vec<&Finding> = cx.findings_at(location).collect();
    let Some(worst) = findings.iter().map(|f| f.severity).min() else {
        return;
    };
    // An error's frame is heavier than a warning's: told apart by more
    // than colour. No icon inside: it would cover the cell's text.
    let width = if worst == Severity::Error { 2.5 } else { 1.5 };
    ui.painter().rect_stroke(
        response.rect.expand(1.0),
        2.0,
        egui::Stroke::new(width, severity_colour(ui, worst)),
        egui::StrokeKind::Outside,
    );
    let messages: Vec<String> = findings
        .iter()
        .map(|f| format!("{} {}", severity_icon(f.severity), f.message))
        .collect();
    let text = messages.join("\n");
    response.clone().on_hover_text(&text);
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_description(text));
}

/// A small button for a row or block action, named for screen readers
/// and tests by its tooltip.
pub fn icon_button(ui: &mut Ui, icon: &str, name: &str, enabled: bool) -> bool {
    let response = ui
        .add_enabled(enabled, egui::Button::new(icon))
        .on_hover_text(name)
        .on_disabled_hover_text(name);
    // A screen reader says what the button does, not "✕".
    set_accessible_name(ui, &response, name);
    response.clicked()
}
