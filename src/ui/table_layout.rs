//! A table's layout, folded away under the grid: caption lines, columns
//! and their kinds, extra header rows with spans, and notes.

use super::paragraph::{NoteEditor, RichField};
use super::{EditContext, Editor, icon_button, name_widget};
use crate::model::comment::{self, ItemMove};
use crate::model::{Cell, Column, ColumnKind, HeaderCell, Note, Rich, RowKind, Table};
use egui::vec2;
use egui::{Id, RichText, Ui};

/// A list of items, each with a remove button before its editor, and an
/// add button under them: the caption lines and the notes.
fn removable_list<T: Default>(
    ui: &mut Ui,
    items: &mut Vec<T>,
    what: &str,
    table_name: &str,
    cx: &mut EditContext<'_>,
    mut edit: impl FnMut(&mut Ui, &mut T, usize, &mut EditContext<'_>),
) {
    let mut remove = None;
    for (i, item) in items.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            if remove_button(ui, &format!("Remove {what} {} of {table_name}", i + 1)) {
                remove = Some(i);
            }
            edit(ui, item, i, cx);
        });
    }
    if let Some(i) = remove {
        items.remove(i);
        cx.step();
    }
    if ui.button(format!("+ Add {what}")).clicked() {
        items.push(T::default());
        cx.step();
    }
}

pub fn layout_ui(ui: &mut Ui, table: &mut Table, name: &str, id: Id, cx: &mut EditContext<'_>) {
    ui.label(RichText::new("Caption lines (printed above the table)").strong());
    removable_list(
        ui,
        &mut table.caption,
        "caption line",
        name,
        cx,
        |ui, line, i, cx| {
            let label = format!("{name} caption line {}", i + 1);
            rich_line(ui, line, &label, id.with(("caption", i)), cx);
        },
    );

    ui.separator();
    columns(ui, table, name, id, cx);
    ui.separator();
    let columns = table.columns.len();
    ui.label(RichText::new("Header rows above and below the column labels").strong());
    let above = HeaderPlace {
        title: "Above the labels",
        row_name: format!("{name} header row"),
        add: "+ Add header row",
        id: id.with("header"),
    };
    header_rows(ui, &mut table.header_rows, &above, cx);
    let below = HeaderPlace {
        title: "Below the labels (a year or a source under them)",
        row_name: format!("{name} header row below the labels"),
        add: "+ Add header row below the labels",
        id: id.with("header below"),
    };
    header_rows(ui, &mut table.header_rows_below, &below, cx);
    ui.horizontal(|ui| {
        for (place, rows) in [
            (&above, &mut table.header_rows),
            (&below, &mut table.header_rows_below),
        ] {
            if ui.button(place.add).clicked() {
                let span = columns.max(1) as u16;
                rows.push(vec![HeaderCell {
                    text: Rich::default(),
                    span,
                }]);
                cx.step();
            }
        }
    });
    ui.separator();

    ui.label(RichText::new("Notes (printed under the table)").strong());
    removable_list(ui, &mut table.notes, "note", name, cx, |ui, note, i, cx| {
        let label = format!("{name} note {}", i + 1);
        note_editor(ui, note, &label, id.with(("note", i)), cx);
    });
}

fn columns(ui: &mut Ui, table: &mut Table, name: &str, id: Id, cx: &mut EditContext<'_>) {
    ui.label(RichText::new("Columns").strong());
    let count = table.columns.len();
    let mut action: Option<(usize, isize)> = None; // (column, -1 up, 1 down, 0 remove)
    for (c, column) in table.columns.iter_mut().enumerate() {
        let column_name = format!("{name} column {}", c + 1);
        ui.horizontal(|ui| {
            if icon_button(ui, "↑", &format!("Move {column_name} left"), c > 0) {
                action = Some((c, -1));
            }
            if icon_button(ui, "↓", &format!("Move {column_name} right"), c + 1 < count) {
                action = Some((c, 1));
            }
            if remove_button(ui, &format!("Remove {column_name} and its cells")) {
                action = Some((c, 0));
            }
            let before = column.kind;
            let response = egui::ComboBox::from_id_salt(id.with(("kind", c)))
                .width(110.0)
                .selected_text(column.kind.label())
                .show_ui(ui, |ui| {
                    for kind in ColumnKind::ALL {
                        ui.selectable_value(&mut column.kind, kind, kind.label());
                    }
                })
                .response;
            name_field(ui, &response, &format!("{column_name} kind"));
            if column.kind != before {
                cx.step();
            }
            rich_line(
                ui,
                &mut column.label,
                &format!("{column_name} label"),
                id.with(("label", c)),
                cx,
            );
        });
    }
    match action {
        Some((c, 0)) => {
            remove_column(table, c);
            cx.step();
        }
        Some((c, delta)) => {
            move_column(table, c, delta);
            cx.step();
        }
        None => {}
    }
    if ui.button("+ Add column").clicked() {
        let at = table.columns.len();
        add_column(table, at, Column::new("", ColumnKind::Text));
        cx.step();
    }
}

/// Where a set of extra header rows goes, and what its controls say.
struct HeaderPlace {
    title: &'static str,
    row_name: String,
    add: &'static str,
    id: Id,
}

fn header_rows(
    ui: &mut Ui,
    rows: &mut Vec<Vec<HeaderCell>>,
    place: &HeaderPlace,
    cx: &mut EditContext<'_>,
) {
    // A side's title only once it has rows.
    if !rows.is_empty() {
        ui.label(RichText::new(place.title).weak());
    }
    let mut remove_row = None;
    for (h, header_row) in rows.iter_mut().enumerate() {
        let row_name = format!("{} {}", place.row_name, h + 1);
        ui.horizontal_wrapped(|ui| {
            if remove_button(ui, &format!("Remove {row_name}")) {
                remove_row = Some(h);
            }
            let mut remove_cell = None;
            for (i, cell) in header_row.iter_mut().enumerate() {
                header_cell(
                    ui,
                    cell,
                    &format!("{row_name} cell {}", i + 1),
                    place.id.with((h, i)),
                    cx,
                );
                if remove_button(ui, &format!("Remove {row_name} cell {}", i + 1)) {
                    remove_cell = Some(i);
                }
            }
            if let Some(i) = remove_cell {
                header_row.remove(i);
                cx.step();
            }
            if ui
                .button("+ Cell")
                .on_hover_text(format!("Add a cell to {row_name}"))
                .clicked()
            {
                header_row.push(HeaderCell {
                    text: Rich::default(),
                    span: 1,
                });
                cx.step();
            }
        });
    }
    if let Some(h) = remove_row {
        rows.remove(h);
        cx.step();
    }
}

/// Adds, removes and moves columns with their cells in every row.
pub fn add_column(table: &mut Table, at: usize, column: Column) {
    let at = at.min(table.columns.len());
    table.columns.insert(at, column);
    comment::follow_column_move(table, ItemMove::Insert(at));
    for row in &mut table.rows {
        if row.kind != RowKind::Group && row.cells.len() >= at {
            row.cells.insert(at, Cell::default());
        }
    }
}

pub fn remove_column(table: &mut Table, at: usize) {
    if at >= table.columns.len() {
        return;
    }
    table.columns.remove(at);
    comment::follow_column_move(table, ItemMove::Remove(at));
    for row in &mut table.rows {
        if row.kind != RowKind::Group && at < row.cells.len() {
            row.cells.remove(at);
        }
    }
}

pub fn move_column(table: &mut Table, at: usize, delta: isize) {
    let to = at as isize + delta;
    if to < 0 || to as usize >= table.columns.len() || at >= table.columns.len() {
        return;
    }
    let to = to as usize;
    table.columns.swap(at, to);
    comment::follow_column_move(table, ItemMove::Swap(at, to));
    for row in &mut table.rows {
        if row.kind != RowKind::Group && at < row.cells.len() && to < row.cells.len() {
            row.cells.swap(at, to);
        }
    }
}

fn note_editor(ui: &mut Ui, note: &mut Note, name: &str, id: Id, cx: &mut EditContext<'_>) {
    NoteEditor { name, id }.ui(ui, note, cx);
}

fn rich_line(ui: &mut Ui, text: &mut Rich, name: &str, id: Id, cx: &mut EditContext<'_>) {
    RichField::new(name, id).single_line().ui(ui, text, cx);
}

fn header_cell(ui: &mut Ui, cell: &mut HeaderCell, name: &str, id: Id, cx: &mut EditContext<'_>) {
    ui.horizontal(|ui| {
        rich_line_sized(ui, &mut cell.text, name, id, cx);
        let label = ui.label("spans");
        let before = cell.span;
        ui.add(egui::DragValue::new(&mut cell.span).range(1..=40))
            .labelled_by(label.id);
        if cell.span != before {
            cx.step();
        }
    });
}

fn rich_line_sized(ui: &mut Ui, text: &mut Rich, name: &str, id: Id, cx: &mut EditContext<'_>) {
    ui.allocate_ui(vec2(220.0, 20.0), |ui| rich_line(ui, text, name, id, cx));
}

fn remove_button(ui: &mut Ui, name: &str) -> bool {
    icon_button(ui, "✕", name, true)
}

fn name_field(ui: &Ui, response: &egui::Response, name: &str) {
    name_widget(ui, response, name);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::table_rows::tests::table;

    #[test]
    fn columns_carry_their_cells_and_skip_group_rows() {
        let mut t = table();
        add_column(&mut t, 1, Column::new("New", ColumnKind::Text));
        assert_eq!(
            t.rows[0].cells,
            vec![Cell::text("a1"), Cell::default(), Cell::text("1")]
        );
        assert_eq!(t.rows[1].cells.len(), 1);
        move_column(&mut t, 2, -1);
        assert_eq!(t.columns[1].label.to_plain(), "B");
        assert_eq!(
            t.rows[2].cells,
            vec![Cell::text("a2"), Cell::text("2"), Cell::default()]
        );
        remove_column(&mut t, 0);
        assert_eq!(t.columns[0].label.to_plain(), "B");
        assert_eq!(t.rows[2].cells, vec![Cell::text("2"), Cell::default()]);
        assert_eq!(t.rows[1].cells, vec![Cell::text("Group")]);
    }
}
