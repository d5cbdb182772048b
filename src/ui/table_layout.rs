//! A table's layout, folded away under the grid: caption lines, columns
//! and their kinds, extra header rows with spans, and notes.

use super::table::{
    add_column, header_cell, move_column, name_field, note_editor, remove_button, remove_column,
    rich_line,
};
use super::{EditContext, icon_button};
use crate::model::{Column, ColumnKind, HeaderCell, Note, Rich, Table};
use egui::{Id, RichText, Ui};

pub fn layout_ui(ui: &mut Ui, table: &mut Table, name: &str, id: Id, cx: &mut EditContext<'_>) {
    ui.label(RichText::new("Caption lines (printed above the table)").strong());
    let mut remove = None;
    for (i, line) in table.caption.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            if remove_button(ui, &format!("Remove caption line {} of {name}", i + 1)) {
                remove = Some(i);
            }
            rich_line(
                ui,
                line,
                &format!("{name} caption line {}", i + 1),
                id.with(("caption", i)),
                cx,
            );
        });
    }
    if let Some(i) = remove {
        table.caption.remove(i);
        cx.step();
    }
    if ui.button("+ Add caption line").clicked() {
        table.caption.push(Rich::default());
        cx.step();
    }

    ui.separator();
    columns(ui, table, name, id, cx);
    ui.separator();
    header_rows(ui, table, name, id, cx);
    ui.separator();

    ui.label(RichText::new("Notes (printed under the table)").strong());
    let mut remove = None;
    for (i, note) in table.notes.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            if remove_button(ui, &format!("Remove note {} of {name}", i + 1)) {
                remove = Some(i);
            }
            note_editor(
                ui,
                note,
                &format!("{name} note {}", i + 1),
                id.with(("note", i)),
                cx,
            );
        });
    }
    if let Some(i) = remove {
        table.notes.remove(i);
        cx.step();
    }
    if ui.button("+ Add note").clicked() {
        table.notes.push(Note::default());
        cx.step();
    }
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

fn header_rows(ui: &mut Ui, table: &mut Table, name: &str, id: Id, cx: &mut EditContext<'_>) {
    ui.label(RichText::new("Header rows above the column labels").strong());
    let mut remove_row = None;
    for (h, header_row) in table.header_rows.iter_mut().enumerate() {
        let row_name = format!("{name} header row {}", h + 1);
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
                    id.with(("header", h, i)),
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
        table.header_rows.remove(h);
        cx.step();
    }
    if ui.button("+ Add header row").clicked() {
        let span = table.columns.len().max(1) as u16;
        table.header_rows.push(vec![HeaderCell {
            text: Rich::default(),
            span,
        }]);
        cx.step();
    }
}
