//! Styled text fields: paragraphs, notes, headings, list items. The field
//! edits plain text; styles are kept by [`crate::edit::rich`] and toggled
//! on the selection by the shell's style commands (toolbar, menu,
//! Ctrl/Cmd+B, +I, +U), which reach the field that last had the keyboard
//! through [`EditContext::style_request`].

use super::rich;
use super::{EditContext, Editor, name_widget};
use crate::edit::rich::{Restyle, apply_text_edit};
use crate::model::{Heading, Note, Rich};
use egui::{Id, TextBuffer, Ui};
use std::ops::Range;
use std::sync::Arc;

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

    fn restyle(
        &self,
        ui: &Ui,
        rich: &mut Rich,
        range: Range<usize>,
        restyle: &Restyle,
        cx: &mut EditContext<'_>,
    ) {
        if range.start < range.end {
            *rich = restyle.apply(rich, range);
            cx.step();
        }
        ui.memory_mut(|m| m.request_focus(self.id));
    }
}

impl Editor<Rich> for RichField<'_> {
    fn ui(&mut self, ui: &mut Ui, value: &mut Rich, cx: &mut EditContext<'_>) {
        if cx
            .style_request
            .as_ref()
            .is_some_and(|(field, _, _)| *field == self.id)
            && let Some((_, range, restyle)) = cx.style_request.take()
        {
            self.restyle(ui, value, range, &restyle, cx);
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
                    edited = apply_text_edit(shown, &old, buffer.as_str());
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
            *value = apply_text_edit(value, &old, &text);
            cx.typed(self.id);
        }
        if let Some(fix) = super::spelling::mark(ui, &output, &text, cx) {
            *value = apply_text_edit(value, &text, &super::spelling::fixed(&text, &fix));
            cx.step();
        }
        // The selection as it is while the field has the keyboard: a click
        // on a style button collapses it before the style arrives.
        if output.response.has_focus()
            && let Some(range) = output.cursor_range
        {
            let range = range.as_sorted_char_range();
            cx.rich_focus = Some((self.id, range.start.0..range.end.0));
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

/// A sub-heading among a section's blocks: its level and its words.
pub struct HeadingEditor<'n> {
    pub name: &'n str,
    pub id: Id,
}

impl Editor<Heading> for HeadingEditor<'_> {
    fn ui(&mut self, ui: &mut Ui, value: &mut Heading, cx: &mut EditContext<'_>) {
        ui.horizontal(|ui| {
            let level_name = format!("{} level", self.name);
            let mut level = value.printed_level();
            let combo = egui::ComboBox::from_id_salt(self.id.with("level"))
                .selected_text(format!("Level {level}"))
                .show_ui(ui, |ui| {
                    for choice in Heading::LEVELS {
                        ui.selectable_value(&mut level, choice, format!("Level {choice}"));
                    }
                });
            name_widget(ui, &combo.response, &level_name);
            if level != value.level {
                value.level = level;
                cx.step();
            }
            RichField::new(self.name, self.id)
                .single_line()
                .hint("The sub-heading as printed")
                .labelled_by(cx.block_label.take())
                .ui(ui, &mut value.text, cx);
        });
    }
}
