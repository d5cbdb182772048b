//! Misspelt words in a text field: a red wavy line under each, and on a
//! right click the speller's suggestions and "Add to plan's dictionary".
//! Which words are misspelt is [`crate::edit::spelling`]'s to say.

use super::EditContext;
use crate::edit::Edit;
use crate::edit::spelling;
use egui::text::CCursor;
use egui::text_edit::TextEditOutput;
use egui::{Color32, Pos2, Shape, Stroke, Ui};
use std::ops::Range;

/// The right-clicked misspelt word and the speller's suggestions for it.
type Picked = Option<(Range<usize>, Vec<String>)>;

/// A correction the author picked: replace `range` of the field's text.
pub struct Fix {
    pub range: Range<usize>,
    pub with: String,
}

/// Marks the misspelt words of `text` as the field `output` shows it, and
/// offers corrections for the one right-clicked. Returns the correction
/// picked; adding a word to the plan's dictionary is an edit of its own.
pub fn mark(ui: &Ui, output: &TextEditOutput, text: &str, cx: &mut EditContext<'_>) -> Option<Fix> {
    // Until the dictionary has loaded (on a background thread), no marks.
    let speller = spelling::loaded()?;
    let wrong = speller.misspelt(text, cx.dictionary);
    let response = &output.response.response;
    let menu_id = response.id.with("spelling");
    if response.secondary_clicked() {
        // The word under the pointer and its suggestions, found once (not
        // on every frame the menu is open).
        let picked: Picked = (response.interact_pointer_pos())
            .map(|pos| output.galley.cursor_from_pos(pos - output.galley_pos))
            .map(|cursor| byte_of(text, cursor.index.0))
            .and_then(|at| wrong.iter().find(|r| r.start <= at && at <= r.end).cloned())
            .map(|range| (range.clone(), speller.suggestions(&text[range])));
        ui.data_mut(|d| d.insert_temp(menu_id, picked));
    }
    // The field's whole rect: the text's own clip ends at its last row's
    // bottom, which would cut that row's lines off.
    let painter = ui
        .painter()
        .with_clip_rect(response.rect.intersect(ui.clip_rect()));
    let colour = ui.visuals().error_fg_color;
    for range in &wrong {
        for (left, right, y) in rows_of(output, text, range) {
            painter.add(wavy(left, right, y, colour));
        }
    }
    let (picked, suggestions) = ui.data(|d| d.get_temp::<Picked>(menu_id)).flatten()?;
    let word = text.get(picked.clone())?.to_owned();
    let mut fix = None;
    response.context_menu(|ui| {
        if suggestions.is_empty() {
            ui.label(egui::RichText::new("No suggestions").weak());
        }
        for s in suggestions {
            if ui.button(&s).clicked() {
                fix = Some(Fix {
                    range: picked.clone(),
                    with: s,
                });
            }
        }
        ui.separator();
        if ui.button("Add to plan's dictionary").clicked() {
            cx.edit(Edit::AddWord(word.clone()));
        }
    });
    if !response.context_menu_opened() {
        ui.data_mut(|d| d.remove::<Picked>(menu_id));
    }
    fix
}

/// `text` with the correction made.
pub fn fixed(text: &str, fix: &Fix) -> String {
    let mut out = text.to_owned();
    out.replace_range(fix.range.clone(), &fix.with);
    out
}

fn byte_of(text: &str, char_index: usize) -> usize {
    text.char_indices()
        .nth(char_index)
        .map_or(text.len(), |(b, _)| b)
}

/// The stretches of each laid-out row that `range` covers, on screen:
/// (left, right, baseline).
fn rows_of(output: &TextEditOutput, text: &str, range: &Range<usize>) -> Vec<(f32, f32, f32)> {
    let first = text[..range.start].chars().count();
    let count = text[range.clone()].chars().count();
    let mut rows: Vec<(f32, f32, f32)> = Vec::new();
    for i in first..first + count {
        let left = output.galley.pos_from_cursor(CCursor::new(i));
        let right = output.galley.pos_from_cursor(CCursor::new(i + 1));
        let y = output.galley_pos.y + left.max.y;
        let (l, r) = (
            output.galley_pos.x + left.min.x,
            output.galley_pos.x + right.min.x,
        );
        match rows.last_mut() {
            Some(row) if (row.2 - y).abs() < 0.5 && r >= row.1 => row.1 = r,
            _ if r > l => rows.push((l, r, y)),
            _ => {}
        }
    }
    rows
}

/// A red wavy line from `left` to `right` along the row's bottom `y`.
fn wavy(left: f32, right: f32, y: f32, colour: Color32) -> Shape {
    let step = 2.0;
    let mut points = Vec::new();
    let mut x = left;
    let mut up = false;
    while x <= right {
        points.push(Pos2::new(x, y + if up { -1.0 } else { 1.0 }));
        up = !up;
        x += step;
    }
    Shape::line(points, Stroke::new(1.0, colour))
}
