//! How wide a table's columns are: fixed widths for figures, dates and
//! names; text columns share the rest by how much they hold, and never
//! narrower than their longest word, so no word breaks in the middle.
//! Widths are kept while the author types, and change only when the
//! room changes or a word would no longer fit. The label column (and the
//! rows' controls) stay in view when a wide grid scrolls sideways.

use super::table::CONTROLS_WIDTH;
use crate::model::{Cell, CellBlock, Column, ColumnKind, RowKind, Table};
use egui::{Id, Rect, Ui};

/// The narrowest a text column gets, even with short words only.
pub const MIN_TEXT: f32 = 80.0;

/// Room around a cell's text: the field's margins and frame, and the
/// cursor at the end of a line.
const CELL_PADDING: f32 = 22.0;

/// The band picker left of a rating's label, with its gap.
pub const RATING_PICKER: f32 = 78.0;

/// What the widths depend on besides the words: the room and the rows.
type WidthsKey = (i32, usize);

/// The columns' widths for `table` in `available` points, kept from the
/// last frame unless the room, the shape, or a longest word changed.
pub fn stable_widths(ui: &Ui, id: Id, table: &Table, available: f32) -> Vec<f32> {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let mins: Vec<f32> = longest_words(table)
        .iter()
        .zip(&table.columns)
        .map(|(word, column)| {
            let width = ui.fonts_mut(|f| {
                f.layout_no_wrap(word.clone(), font.clone(), egui::Color32::WHITE)
                    .size()
                    .x
            });
            let picker = if column.kind == ColumnKind::Rating {
                RATING_PICKER
            } else {
                0.0
            };
            let floor = if column.kind == ColumnKind::Text {
                MIN_TEXT
            } else {
                0.0
            };
            (width + CELL_PADDING + picker).max(floor)
        })
        .collect();
    let key: WidthsKey = (available.round() as i32, table.rows.len());
    let cache = id.with("column-widths");
    // Kept while every column still fits its longest word.
    if let Some((cached_key, widths)) = ui.data(|d| d.get_temp::<(WidthsKey, Vec<f32>)>(cache))
        && cached_key == key
        && widths.len() == table.columns.len()
        && widths.iter().zip(&mins).all(|(w, m)| *w + 0.5 >= *m)
    {
        return widths;
    }
    let widths = column_widths(table, available, &mins);
    ui.data_mut(|d| d.insert_temp(cache, (key, widths.clone())));
    widths
}

/// Each column's longest word (its label's or any cell's), by characters.
pub fn longest_words(table: &Table) -> Vec<String> {
    let mut longest: Vec<String> = table
        .columns
        .iter()
        .map(|c| longest_in(&c.label.to_plain(), ""))
        .collect();
    for row in table.rows.iter().filter(|r| r.kind != RowKind::Group) {
        for (c, cell) in row.cells.iter().enumerate().take(longest.len()) {
            for text in cell_texts(cell) {
                longest[c] = longest_in(&text, &longest[c]);
            }
        }
    }
    longest
}

fn longest_in(text: &str, than: &str) -> String {
    let mut best = than;
    for word in text.split_whitespace() {
        if word.chars().count() > best.chars().count() {
            best = word;
        }
    }
    best.to_owned()
}

fn cell_texts(cell: &Cell) -> Vec<String> {
    let mut out = Vec::new();
    for block in &cell.0 {
        match block {
            CellBlock::Para(r) => out.push(r.to_plain()),
            CellBlock::List(l) => out.extend(l.items.iter().map(|i| i.text.to_plain())),
            CellBlock::Rating(r) => out.push(r.label.clone()),
        }
    }
    out
}

/// Fixed widths for figures, dates and names; text columns share the rest
/// by how much they hold, so a column of sentences gets more room than a
/// column of "Yes" and "No".
fn column_widths(table: &Table, available: f32, min_text: &[f32]) -> Vec<f32> {
    let fixed_kind = |kind: ColumnKind| match kind {
        ColumnKind::Number => Some(48.0),
        ColumnKind::Money | ColumnKind::Fte | ColumnKind::Figure | ColumnKind::Percent => {
            Some(66.0)
        }
        ColumnKind::Date => Some(96.0),
        ColumnKind::Lead => Some(120.0),
        ColumnKind::Rating => Some(150.0),
        ColumnKind::Text => None,
    };
    // A figure, date or name column is still as wide as its label's
    // longest word, and a rating column as its picker and longest label.
    let fixed = |c: usize| fixed_kind(table.columns[c].kind).map(|w: f32| w.max(min_text[c]));
    // Item spacing between cells, the row frame and the group frame around the table.
    let gaps = 8.0 * (table.columns.len() as f32 + 1.0) + 20.0;
    let fixed_sum: f32 = (0..table.columns.len()).filter_map(fixed).sum();
    let weights: Vec<f32> = (0..table.columns.len())
        .map(|c| text_weight(table, c))
        .collect();
    let room = (available - CONTROLS_WIDTH - gaps - fixed_sum).max(0.0);
    // Columns whose share is under their minimum (their longest word) get
    // the minimum; the rest share what is left, so the table still fits
    // when it can.
    let text: Vec<usize> = (0..table.columns.len())
        .filter(|&c| fixed(c).is_none())
        .collect();
    let mut narrow: Vec<usize> = Vec::new();
    loop {
        let wide_weight: f32 = text
            .iter()
            .filter(|c| !narrow.contains(c))
            .map(|&c| weights[c])
            .sum::<f32>()
            .max(1.0);
        let wide_room = room - narrow.iter().map(|&c| min_text[c]).sum::<f32>();
        let newly: Vec<usize> = text
            .iter()
            .copied()
            .filter(|c| !narrow.contains(c) && wide_room * weights[*c] / wide_weight < min_text[*c])
            .collect();
        if newly.is_empty() {
            return (0..table.columns.len())
                .map(|c| {
                    fixed(c).unwrap_or(if narrow.contains(&c) {
                        min_text[c]
                    } else {
                        (wide_room * weights[c] / wide_weight).max(min_text[c])
                    })
                })
                .collect();
        }
        narrow.extend(newly);
    }
}

/// How much a column holds: the square root of its cells' average length,
/// from the first rows (enough to tell sentences from single words).
fn text_weight(table: &Table, column: usize) -> f32 {
    let sample = table
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Data)
        .take(40);
    let (mut chars, mut cells) = (0usize, 0usize);
    for row in sample {
        if let Some(cell) = row.cells.get(column) {
            chars += cell_chars(cell);
            cells += 1;
        }
    }
    let label = table.columns[column].label.to_plain().chars().count();
    let average = chars.checked_div(cells).map_or(label, |a| a.max(label / 2));
    (average as f32).sqrt().clamp(2.0, 12.0)
}

fn cell_chars(cell: &Cell) -> usize {
    cell.0
        .iter()
        .map(|block| match block {
            CellBlock::Para(r) => r.0.iter().map(|s| s.text.len()).sum(),
            CellBlock::List(l) => l
                .items
                .iter()
                .map(|i| i.text.0.iter().map(|s| s.text.len()).sum::<usize>())
                .sum(),
            CellBlock::Rating(_) => 0,
        })
        .sum()
}

/// How far the grid's sideways scroll area has scrolled: its content
/// starts that far left of what is shown.
pub(super) fn sideways_offset(ui: &Ui) -> f32 {
    (ui.clip_rect().left() - ui.max_rect().left()).max(0.0)
}

/// The column that names each row (a budget's Activity, a KPI's
/// indicator): the first text column. It stays in view when the grid
/// scrolls sideways.
pub(super) fn label_column(columns: &[Column]) -> Option<usize> {
    columns.iter().position(|c| c.kind == ColumnKind::Text)
}

/// Where column `c` starts, from the first column's left edge.
pub(super) fn column_start(widths: &[f32], c: usize, gap: f32) -> f32 {
    widths[..c].iter().map(|w| w + gap).sum()
}

/// Draws `draw` in `rect` over what is already there, on `fills` (the
/// panel's colour, then the row's), so cells scrolled beneath do not
/// show through; returns the bottom of what was drawn.
pub(super) fn overlay(
    ui: &mut Ui,
    rect: Rect,
    fills: [egui::Color32; 2],
    draw: impl FnOnce(&mut Ui),
) -> f32 {
    let under = fills.map(|_| ui.painter().add(egui::Shape::Noop));
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect)
            .layout(egui::Layout::left_to_right(egui::Align::Min)),
    );
    draw(&mut child);
    let used = child.min_rect().union(rect);
    for (shape, colour) in under.into_iter().zip(fills) {
        ui.painter().set(
            shape,
            egui::Shape::rect_filled(used.expand(2.0), 0.0, colour),
        );
    }
    used.bottom()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Column, Row};

    #[test]
    fn text_columns_share_the_room_by_what_they_hold() {
        let mut t = Table::new(
            crate::model::TableKind::Generic,
            vec![
                Column::new("Aim", ColumnKind::Text),
                Column::new("Yes/No", ColumnKind::Text),
                Column::new("£", ColumnKind::Money),
            ],
        );
        let long = "A sentence of the kind plans are full of, and then some more words";
        t.rows.push(Row::new(
            RowKind::Data,
            vec![Cell::text(long), Cell::text("No"), Cell::text("1.0")],
        ));
        let mins = [MIN_TEXT, MIN_TEXT, 0.0];
        let widths = column_widths(&t, 900.0, &mins);
        assert!(widths[0] > 2.0 * widths[1], "{widths:?}");
        assert_eq!(widths[2], 66.0);
        let gaps = 8.0 * 4.0 + 20.0;
        let total: f32 = widths.iter().sum::<f32>() + CONTROLS_WIDTH + gaps;
        assert!(
            (total - 900.0).abs() < 1.0,
            "fills the width exactly: {total}"
        );
        // Too narrow to fit: every text column keeps its minimum.
        assert!(column_widths(&t, 200.0, &mins).iter().all(|w| *w >= 66.0));
    }

    #[test]
    fn a_long_word_widens_its_column() {
        let mut t = Table::new(
            crate::model::TableKind::Generic,
            vec![
                Column::new("Activity", ColumnKind::Text),
                Column::new("Notes", ColumnKind::Text),
            ],
        );
        t.rows.push(Row::new(
            RowKind::Data,
            vec![
                Cell::text("Controllable development"),
                Cell::text("A long note with many short words in it, and more"),
            ],
        ));
        assert_eq!(longest_words(&t), ["Controllable", "Notes"]);
        let widths = column_widths(&t, 400.0, &[150.0, MIN_TEXT]);
        assert!(widths[0] >= 150.0, "{widths:?}");
    }
}
