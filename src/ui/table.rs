//! One editor for every typed table: an editable grid (rows added,
//! inserted, moved, deleted, regrouped), the computed sum beside each
//! stated total, and the table's layout (caption, columns, header rows,
//! notes) behind a fold. The table's kind only changes column widths and
//! what the checks look for, never the editor.

use super::table_cell::{CellPlace, Computed, cell_ui};
use super::table_widths::{column_start, label_column, overlay, sideways_offset};
use super::{EditContext, Editor, mark_findings, set_accessible_name, show_findings};
use crate::model::arithmetic::computed_row_sums;
use crate::model::check::computed_totals;
use crate::model::{Cell, Column, ColumnKind, Location, Rich, Row, RowKind, Table};
use egui::{Id, Rect, RichText, Sense, Ui, vec2};
use std::collections::HashMap;

/// The row's menu and kind label, left of its cells.
pub const CONTROLS_WIDTH: f32 = 64.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RowOp {
    InsertAbove(usize, RowKind),
    InsertBelow(usize, RowKind),
    Up(usize),
    Down(usize),
    Delete(usize),
    SetKind(usize, RowKind),
}

pub struct TableEditor<'n> {
    pub name: &'n str,
    pub id: Id,
    /// The block's place, for findings and jumps to rows and cells.
    pub location: Location,
}

impl Editor<Table> for TableEditor<'_> {
    fn ui(&mut self, ui: &mut Ui, table: &mut Table, cx: &mut EditContext<'_>) {
        for line in &table.caption {
            ui.label(RichText::new(line.to_plain()).strong());
        }
        if !cx.units.is_empty() {
            ui.horizontal(|ui| super::units::unit_picker(ui, self.name, &mut table.unit, cx));
        }
        egui::CollapsingHeader::new("Table layout: caption, columns, header rows, notes")
            .id_salt(self.id.with("layout"))
            .show(ui, |ui| {
                super::table_layout::layout_ui(ui, table, self.name, self.id, cx)
            });

        let widths = super::table_widths::stable_widths(ui, self.id, table, ui.available_width());
        let total_width: f32 =
            CONTROLS_WIDTH + widths.iter().sum::<f32>() + spacing(ui) * widths.len() as f32;
        let mut op = None;
        egui::ScrollArea::horizontal()
            .id_salt(self.id.with("grid"))
            .auto_shrink([false, true])
            .show(ui, |ui| {
                ui.set_min_width(total_width);
                header(ui, table, &widths);
                self.rows(ui, table, &widths, &mut op, cx);
            });
        let scroll_to = self.id.with("scroll-to");
        if let Some(rect) = ui.data(|d| d.get_temp::<Rect>(scroll_to)) {
            ui.data_mut(|d| d.remove::<Rect>(scroll_to));
            ui.scroll_to_rect(rect, Some(egui::Align::Center));
        }
        if table.rows.is_empty() {
            ui.label(RichText::new("No rows yet.").weak());
        }
        ui.horizontal(|ui| {
            if ui
                .button("+ Add row")
                .on_hover_text(format!("Add a row at the end of {}", self.name))
                .clicked()
            {
                let row = table.blank_row(RowKind::Data);
                table.rows.push(row);
                cx.step();
            }
            if ui
                .button("+ Add total row")
                .on_hover_text(format!("Add a total row at the end of {}", self.name))
                .clicked()
            {
                let row = table.blank_row(RowKind::Total);
                table.rows.push(row);
                cx.step();
            }
        });
        if let Some(op) = op {
            apply(table, op);
            cx.step();
        }
        for note in &table.notes {
            ui.label(RichText::new(format!("{} {}", note.marker, note.text.to_plain())).weak());
        }
    }
}

/// Every computed figure of the table by (row, column): the sums of
/// stated totals (Σ) and, in budgets, each row's gross and controllable (=).
fn computed_figures(table: &Table) -> HashMap<(usize, usize), Computed> {
    let totals = computed_totals(table).into_iter().map(|t| {
        let computed = Computed {
            sum: t.sum,
            symbol: "Σ",
            from: "The rows".to_owned(),
        };
        ((t.row, t.column), computed)
    });
    let rows = computed_row_sums(table).into_iter().map(|s| {
        let names: Vec<String> = s.parts.iter().map(|&p| table.column_name(p)).collect();
        let computed = Computed {
            sum: s.sum,
            symbol: "=",
            from: names.join(" + "),
        };
        ((s.row, s.column), computed)
    });
    totals.chain(rows).collect()
}

fn spacing(ui: &Ui) -> f32 {
    ui.spacing().item_spacing.x
}

fn header(ui: &mut Ui, table: &Table, widths: &[f32]) {
    let gap = spacing(ui);
    for header_row in &table.header_rows {
        ui.horizontal(|ui| {
            ui.add_space(CONTROLS_WIDTH);
            let mut column = 0;
            for cell in header_row {
                let span = (cell.span.max(1) as usize).min(widths.len().saturating_sub(column));
                let width: f32 = widths[column..column + span].iter().sum::<f32>()
                    + gap * span.saturating_sub(1) as f32;
                column += span;
                ui.add_sized(
                    [width, 18.0],
                    egui::Label::new(RichText::new(cell.text.to_plain()).strong()),
                );
            }
        });
    }
    let label = |ui: &mut Ui, c: usize| {
        let (column, width) = (&table.columns[c], widths[c]);
        ui.allocate_ui_with_layout(
            vec2(width, 0.0),
            egui::Layout::top_down(egui::Align::Min),
            |ui| {
                ui.set_width(width);
                let align = if column.kind.is_numeric() {
                    egui::Align::Max
                } else {
                    egui::Align::Min
                };
                ui.with_layout(egui::Layout::top_down(align), |ui| {
                    ui.add(
                        egui::Label::new(RichText::new(column.label.to_plain()).strong()).wrap(),
                    );
                });
            },
        );
    };
    // The label column's label sticks with its cells (see `row`).
    let sticky = label_column(&table.columns);
    let left = ui.cursor().min.x;
    let laid = ui.horizontal_top(|ui| {
        ui.add_space(CONTROLS_WIDTH);
        for (c, width) in widths.iter().enumerate() {
            if sticky == Some(c) {
                ui.add_space(width + gap);
            } else {
                label(ui, c);
            }
        }
    });
    if let Some(k) = sticky {
        let rect = laid.response.rect;
        let base = ui.visuals().panel_fill;
        let controls_at = Rect::from_min_size(
            egui::pos2(left + sideways_offset(ui), rect.top()),
            vec2(CONTROLS_WIDTH, rect.height()),
        );
        overlay(ui, controls_at, [base, base], |_| {});
        let natural = left + CONTROLS_WIDTH + column_start(widths, k, gap);
        let label_at = Rect::from_min_size(
            egui::pos2(natural.max(controls_at.right()), rect.top()),
            vec2(widths[k], rect.height()),
        );
        let bottom = overlay(ui, label_at, [base, base], |ui| label(ui, k));
        if bottom > rect.bottom() {
            ui.allocate_space(vec2(0.0, bottom - rect.bottom()));
        }
    }
    ui.separator();
}

impl TableEditor<'_> {
    fn rows(
        &self,
        ui: &mut Ui,
        table: &mut Table,
        widths: &[f32],
        op: &mut Option<RowOp>,
        cx: &mut EditContext<'_>,
    ) {
        let sums = computed_figures(table);
        // Rows off screen are skipped, using their height from last frame,
        // so a long table costs only what is visible.
        let heights_id = self.id.with("row-heights");
        let mut heights: Vec<f32> = ui.data(|d| d.get_temp(heights_id)).unwrap_or_default();
        heights.resize(table.rows.len(), 0.0);
        let count = table.rows.len();
        let names = column_names(&table.columns);
        let row_width = ui.available_width();
        let jump_row = cx
            .jump
            .as_ref()
            .filter(|j| j.sections == self.location.sections && j.block == self.location.block)
            .and_then(|j| j.row);
        for (r, row) in table.rows.iter_mut().enumerate() {
            let guess = Rect::from_min_size(ui.cursor().min, vec2(row_width, heights[r]));
            if heights[r] > 0.0 && !ui.is_rect_visible(guess) && jump_row != Some(r) {
                ui.allocate_exact_size(vec2(row_width, heights[r]), Sense::hover());
                continue;
            }
            let response = ui
                .push_id(r, |ui| {
                    self.row(
                        ui,
                        r,
                        count,
                        row,
                        &table.columns,
                        &names,
                        widths,
                        &sums,
                        op,
                        cx,
                    )
                })
                .response;
            heights[r] = response.rect.height();
        }
        ui.data_mut(|d| d.insert_temp(heights_id, heights));
    }

    #[expect(clippy::too_many_arguments, reason = "one row's whole context")]
    fn row(
        &self,
        ui: &mut Ui,
        r: usize,
        count: usize,
        row: &mut Row,
        columns: &[Column],
        names: &[String],
        widths: &[f32],
        sums: &HashMap<(usize, usize), Computed>,
        op: &mut Option<RowOp>,
        cx: &mut EditContext<'_>,
    ) {
        let fill = match row.kind {
            RowKind::Group => ui.visuals().faint_bg_color,
            RowKind::Subtotal | RowKind::Total => ui.visuals().widgets.inactive.bg_fill,
            _ => egui::Color32::TRANSPARENT,
        };
        let row_location = Location::cell(
            &self.location.sections,
            self.location.block.unwrap_or(0),
            r,
            None,
        );
        // The row's controls and its label column stick to the left edge
        // when a wide table scrolls sideways (as a spreadsheet's frozen
        // column): the other cells are laid out in place, then these are
        // drawn over them, on the panel's colour.
        let sticky = label_column(columns).filter(|_| row.kind != RowKind::Group);
        let offset = sideways_offset(ui);
        let gap = spacing(ui);
        let controls_width = CONTROLS_WIDTH - 8.0;
        let base = ui.visuals().panel_fill;
        egui::Frame::new()
            .fill(fill)
            .inner_margin(2.0)
            .show(ui, |ui| {
                let left = ui.cursor().min.x;
                let mut cell = |ui: &mut Ui, c: usize, cx: &mut EditContext<'_>| {
                    let spans_all = row.kind == RowKind::Group;
                    let width = if spans_all {
                        widths.iter().sum::<f32>()
                            + spacing(ui) * (widths.len().saturating_sub(1)) as f32
                    } else {
                        widths[c]
                    };
                    let column_name = &names[c];
                    let name = if spans_all {
                        format!("{} row {} group", self.name, r + 1)
                    } else {
                        format!("{} row {} {}", self.name, r + 1, column_name)
                    };
                    let kind = if spans_all {
                        ColumnKind::Text
                    } else {
                        columns[c].kind
                    };
                    let cell_location = Location::cell(
                        &self.location.sections,
                        self.location.block.unwrap_or(0),
                        r,
                        Some(c),
                    );
                    ui.allocate_ui_with_layout(
                        vec2(width, 0.0),
                        egui::Layout::top_down(egui::Align::Min),
                        |ui| {
                            ui.set_width(width);
                            let place = CellPlace {
                                name: &name,
                                id: self.id.with(("cell", r, c)),
                                kind,
                                row_kind: row.kind,
                                width,
                                computed: sums.get(&(r, c)).cloned(),
                            };
                            // A row shorter than the table gets its missing
                            // cells only when one is typed into.
                            let mut spare = Cell::default();
                            let cell = row.cells.get_mut(c).unwrap_or(&mut spare);
                            let response = cell_ui(ui, cell, &place, cx);
                            if spare != Cell::default() {
                                row.cells.resize(c, Cell::default());
                                row.cells.push(spare);
                            }
                            mark_findings(ui, cx, &cell_location, &response);
                            if cx.is_jump_target(&cell_location) {
                                self.scroll_after_grid(ui, response.rect);
                                if cx.jump_focus {
                                    response.request_focus();
                                }
                                cx.jump = None;
                            }
                        },
                    );
                };
                let kind = row.kind;
                let mut controls = |ui: &mut Ui| {
                    ui.allocate_ui_with_layout(
                        vec2(controls_width, 0.0),
                        egui::Layout::top_down(egui::Align::Min),
                        |ui| {
                            ui.set_width(controls_width);
                            row_menu(ui, r, count, kind, self.name, op);
                            if kind != RowKind::Data {
                                ui.label(RichText::new(kind.label()).weak());
                            }
                        },
                    );
                };
                let shown = if kind == RowKind::Group {
                    1
                } else {
                    columns.len()
                };
                let laid = ui.horizontal_top(|ui| {
                    if sticky.is_some() {
                        ui.add_space(controls_width + gap);
                    } else {
                        controls(ui);
                    }
                    for (c, width) in widths.iter().enumerate().take(shown) {
                        if sticky == Some(c) {
                            ui.add_space(width + gap);
                        } else {
                            cell(ui, c, cx);
                        }
                    }
                });
                if let Some(k) = sticky {
                    let row_rect = laid.response.rect;
                    let fills = [base, fill];
                    let at = |x: f32, width: f32| {
                        Rect::from_min_size(
                            egui::pos2(x, row_rect.top()),
                            vec2(width, row_rect.height()),
                        )
                    };
                    // Wide enough to cover the gap before the label column too.
                    let controls_at = at(left + offset, controls_width + gap);
                    let mut bottom = overlay(ui, controls_at, fills, |ui| controls(ui));
                    let natural = left + controls_width + gap + column_start(widths, k, gap);
                    let x = natural.max(controls_at.right());
                    let label_at = at(x, widths[k]);
                    bottom = bottom.max(overlay(ui, label_at, fills, |ui| cell(ui, k, cx)));
                    if bottom > row_rect.bottom() {
                        ui.allocate_space(vec2(0.0, bottom - row_rect.bottom()));
                    }
                }
                show_findings(ui, cx, &row_location);
            });
        if cx.is_jump_target(&row_location) {
            self.scroll_after_grid(ui, ui.min_rect());
            cx.jump = None;
        }
    }

    /// Remembers a place to scroll to once the grid is drawn: the grid's
    /// own sideways scroll area would swallow an up-and-down scroll asked
    /// for inside it.
    fn scroll_after_grid(&self, ui: &Ui, rect: Rect) {
        ui.data_mut(|d| d.insert_temp(self.id.with("scroll-to"), rect));
        // Sideways, the grid's scroll area brings the place into view.
        ui.scroll_to_rect(rect, Some(egui::Align::Center));
    }
}

/// Each column's name for its cells' accessible names: the label's first
/// words, with the column's number where two columns read the same.
fn column_names(columns: &[Column]) -> Vec<String> {
    let short: Vec<String> = columns.iter().map(|c| first_words(&c.label)).collect();
    short
        .iter()
        .enumerate()
        .map(|(i, name)| {
            if short.iter().filter(|n| *n == name).count() > 1 {
                format!("{name} (column {})", i + 1)
            } else {
                name.clone()
            }
        })
        .collect()
}

/// A column label's first few words, for cell names.
fn first_words(label: &Rich) -> String {
    let text = label.to_plain();
    let words: Vec<&str> = text.split_whitespace().take(6).collect();
    let name = words.join(" ");
    if name.is_empty() {
        "cell".to_owned()
    } else {
        name
    }
}

fn row_menu(
    ui: &mut Ui,
    r: usize,
    count: usize,
    kind: RowKind,
    table_name: &str,
    op: &mut Option<RowOp>,
) {
    let name = format!("Row {} actions ({table_name})", r + 1);
    let response = ui
        .menu_button(format!("{} ▾", r + 1), |ui| {
            if ui.button("Insert row above").clicked() {
                *op = Some(RowOp::InsertAbove(r, RowKind::Data));
            }
            if ui.button("Insert row below").clicked() {
                *op = Some(RowOp::InsertBelow(r, RowKind::Data));
            }
            if ui.button("Insert group row above").clicked() {
                *op = Some(RowOp::InsertAbove(r, RowKind::Group));
            }
            ui.separator();
            if ui
                .add_enabled(r > 0, egui::Button::new("Move row up"))
                .clicked()
            {
                *op = Some(RowOp::Up(r));
            }
            if ui
                .add_enabled(r + 1 < count, egui::Button::new("Move row down"))
                .clicked()
            {
                *op = Some(RowOp::Down(r));
            }
            ui.separator();
            ui.label(RichText::new("This row is a").weak());
            for k in RowKind::ALL {
                if ui.radio(k == kind, k.label()).clicked() && k != kind {
                    *op = Some(RowOp::SetKind(r, k));
                }
            }
            ui.separator();
            if ui.button("Delete row").clicked() {
                *op = Some(RowOp::Delete(r));
            }
        })
        .response;
    set_accessible_name(ui, &response, &name);
    response.on_hover_text("Insert, move, delete or change this row");
}

fn apply(table: &mut Table, op: RowOp) {
    match op {
        RowOp::InsertAbove(r, kind) => {
            let row = table.blank_row(kind);
            table.rows.insert(r.min(table.rows.len()), row);
        }
        RowOp::InsertBelow(r, kind) => {
            let row = table.blank_row(kind);
            table.rows.insert((r + 1).min(table.rows.len()), row);
        }
        RowOp::Up(r) => {
            super::move_item(&mut table.rows, r, -1);
        }
        RowOp::Down(r) => {
            super::move_item(&mut table.rows, r, 1);
        }
        RowOp::Delete(r) if r < table.rows.len() => {
            table.rows.remove(r);
        }
        RowOp::Delete(_) => {}
        RowOp::SetKind(r, kind) => {
            if let Some(row) = table.rows.get_mut(r) {
                row.kind = kind;
                // A group row shows one cell; keep the rest rather than lose them.
                if kind != RowKind::Group && row.cells.len() < table.columns.len() {
                    row.cells.resize(table.columns.len(), Cell::default());
                }
            }
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Two data rows around a group row, with text and money columns.
    pub fn table() -> Table {
        let mut t = Table::new(
            crate::model::TableKind::Generic,
            vec![
                Column::new("A", ColumnKind::Text),
                Column::new("B", ColumnKind::Money),
            ],
        );
        t.rows.push(Row::new(
            RowKind::Data,
            vec![Cell::text("a1"), Cell::text("1")],
        ));
        t.rows
            .push(Row::new(RowKind::Group, vec![Cell::text("Group")]));
        t.rows.push(Row::new(
            RowKind::Data,
            vec![Cell::text("a2"), Cell::text("2")],
        ));
        t
    }

    #[test]
    fn rows_insert_move_delete_and_change_kind() {
        let mut t = table();
        apply(&mut t, RowOp::InsertBelow(0, RowKind::Data));
        assert_eq!(t.rows.len(), 4);
        assert!(t.rows[1].is_empty());
        apply(&mut t, RowOp::Delete(1));
        apply(&mut t, RowOp::Down(0));
        assert_eq!(t.rows[1].cells[0], Cell::text("a1"));
        apply(&mut t, RowOp::SetKind(0, RowKind::Data));
        assert_eq!(
            t.rows[0].cells.len(),
            2,
            "a group turned into a row gets its cells"
        );
        assert_eq!(t.rows[0].cells[0], Cell::text("Group"));
    }
}
