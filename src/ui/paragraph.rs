//! Styled text fields: paragraphs, notes, headings, list items. The field
//! edits plain text; bold and italic are kept by [`super::rich`] and
//! toggled on the selection with Ctrl/Cmd+B and +I or the B and I buttons.

use super::rich::{self, Style};
use super::{EditContext, Editor, name_widget};
use crate::model::{Note, Rich};
use egui::text::CCursorRange;
use egui::text_edit::TextEditState;
use egui::{Id, Key, KeyboardShortcut, Modifiers, TextBuffer, Ui};
use std::sync::Arc;

pub const BOLD: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::B);
pub const ITALIC: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::I);

/// The styled field that last had the keyboard, so the B and I buttons
/// know what to style after they took the focus.
fn last_field_key() -> Id {
    Id::unique("planwright-last-rich-field")
}

fn style_request_key() -> Id {
    Id::unique("planwright-style-request")
}

/// Asks the styled field that last had the keyboard to toggle `style` on
/// its selection (done when that field is next drawn).
pub fn request_style(ctx: &egui::Context, style: Style) {
    if let Some(field) = ctx.data(|d| d.get_temp::<Id>(last_field_key())) {
        ctx.data_mut(|d| d.insert_temp(style_request_key(), (field, style)));
        ctx.request_repaint();
    }
}

/// The B and I buttons, for a toolbar.
pub fn style_buttons(ui: &mut Ui) {
    let bold = egui::RichText::new("B").strong();
    if ui
        .button(bold)
        .on_hover_text(format!("Bold ({})", ui.ctx().format_shortcut(&BOLD)))
        .clicked()
    {
        request_style(ui.ctx(), Style::Bold);
    }
    let italic = egui::RichText::new("I").italics();
    if ui
        .button(italic)
        .on_hover_text(format!("Italic ({})", ui.ctx().format_shortcut(&ITALIC)))
        .clicked()
    {
        request_style(ui.ctx(), Style::Italic);
    }
}

/// A text field over [`Rich`] text that shows and keeps its styles.
pub struct RichField<'n> {
    /// The accessible name (`Paragraph 2`, `Heading`).
    pub name: &'n str,
    pub id: Id,
    pub multiline: bool,
    pub hint: &'n str,
    pub rows: usize,
    /// A visible label that names the field.
    pub labelled_by: Option<Id>,
}

impl<'n> RichField<'n> {
    pub fn new(name: &'n str, id: Id) -> Self {
        RichField {
            name,
            id,
            multiline: true,
            hint: "",
            rows: 1,
            labelled_by: None,
        }
    }

    pub fn rows(mut self, rows: usize) -> Self {
        self.rows = rows;
        self
    }

    pub fn labelled_by(mut self, label: Option<Id>) -> Self {
        self.labelled_by = label;
        self
    }

    pub fn single_line(mut self) -> Self {
        self.multiline = false;
        self
    }

    pub fn hint(mut self, hint: &'n str) -> Self {
        self.hint = hint;
        self
    }

    fn toggle(
        &self,
        ui: &Ui,
        rich: &mut Rich,
        range: Option<CCursorRange>,
        style: Style,
        cx: &mut EditContext<'_>,
    ) {
        let Some(range) = range else { return };
        let range = range.as_sorted_char_range();
        if range.start.0 < range.end.0 {
            *rich = rich::toggle_style(rich, range.start.0..range.end.0, style);
            cx.step();
        }
        ui.memory_mut(|m| m.request_focus(self.id));
    }
}

impl Editor<Rich> for RichField<'_> {
    fn ui(&mut self, ui: &mut Ui, value: &mut Rich, cx: &mut EditContext<'_>) {
        let request = ui.data(|d| d.get_temp::<(Id, Style)>(style_request_key()));
        if let Some((field, style)) = request
            && field == self.id
        {
            ui.data_mut(|d| d.remove::<(Id, Style)>(style_request_key()));
            let range = TextEditState::load(ui.ctx(), self.id).and_then(|s| s.cursor.char_range());
            self.toggle(ui, value, range, style, cx);
        }

        let old = value.to_plain();
        let mut text = old.clone();
        // Paragraphs in the face they print in.
        let look = rich::Look::body(ui, rich::family(false, false));
        let shown: &Rich = value;
        let mut layouter =
            |ui: &Ui, buffer: &dyn TextBuffer, wrap_width: f32| -> Arc<egui::Galley> {
                let edited;
                let rich = if buffer.as_str() == old {
                    shown
                } else {
                    edited = rich::apply_text_edit(shown, &old, buffer.as_str());
                    &edited
                };
                let mut job = rich::layout_job(rich, &look);
                job.wrap.max_width = wrap_width;
                ui.fonts_mut(|f| f.layout_job(job))
            };
        let edit = if self.multiline {
            egui::TextEdit::multiline(&mut text).desired_rows(self.rows)
        } else {
            egui::TextEdit::singleline(&mut text)
        };
        let output = edit
            .id(self.id)
            .hint_text(self.hint)
            .desired_width(f32::INFINITY)
            .layouter(&mut layouter)
            .show(ui);
        match self.labelled_by {
            Some(label) => {
                output.response.response.clone().labelled_by(label);
            }
            None => name_widget(ui, &output.response, self.name),
        }
        if text != old {
            *value = rich::apply_text_edit(value, &old, &text);
            cx.typed(self.id);
        }
        if output.response.has_focus() {
            ui.data_mut(|d| d.insert_temp(last_field_key(), self.id));
            for (shortcut, style) in [(BOLD, Style::Bold), (ITALIC, Style::Italic)] {
                if ui.input_mut(|i| i.consume_shortcut(&shortcut)) {
                    self.toggle(ui, value, output.cursor_range, style, cx);
                }
            }
        }
    }
}

/// A paragraph block.
pub struct ParagraphEditor<'n> {
    pub name: &'n str,
    pub id: Id,
}

impl Editor<Rich> for ParagraphEditor<'_> {
    fn ui(&mut self, ui: &mut Ui, value: &mut Rich, cx: &mut EditContext<'_>) {
        RichField::new(self.name, self.id)
            .hint("Type the paragraph here")
            .rows(2)
            .labelled_by(cx.block_label.take())
            .ui(ui, value, cx);
    }
}

/// A note or footnote: its marker (`*`, `Note 1:`) and its text.
pub struct NoteEditor<'n> {
    pub name: &'n str,
    pub id: Id,
}

impl Editor<Note> for NoteEditor<'_> {
    fn ui(&mut self, ui: &mut Ui, value: &mut Note, cx: &mut EditContext<'_>) {
        ui.horizontal(|ui| {
            let marker_name = format!("{} marker", self.name);
            let response = ui.add(
                egui::TextEdit::singleline(&mut value.marker)
                    .id(self.id.with("marker"))
                    .desired_width(60.0)
                    .hint_text("Marker"),
            );
            name_widget(ui, &response, &marker_name);
            if response.changed() {
                cx.typed(response.id);
            }
            RichField::new(self.name, self.id)
                .hint("Type the note here")
                .labelled_by(cx.block_label.take())
                .ui(ui, &mut value.text, cx);
        });
    }
}
