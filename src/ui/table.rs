//! One editor for every typed table: an editable grid (rows added,
//! inserted, moved, deleted, regrouped), the computed sum beside each
//! stated total, and the table's layout (caption, columns, header rows,
//! notes) behind a fold. The table's kind only changes column widths and
//! what the checks look for, never the editor.

use super::table_cell::{CellPlace, Computed, cell_ui};
use super::table_widths::{column_start, label_column, overlay, sideways_offset};
use super::{EditContext, Editor, Intent, mark_findings, set_accessible_name, show_findings};
use crate::edit::table_rows::{RowOp, apply, paired_columns};
use crate::model::arithmetic::computed_row_sums;
use crate::model::check::computed_totals;
use crate::model::spans::SpanMap;
use crate::model::{Cell, Column, ColumnKind, HeaderCell, Location, Rich, Row, RowKind, Table};
use egui::{Id, Rect, RichText, Sense, Ui, vec2};
use std::collections::HashMap;

/// The row's menu and kind label, left of its cells.
pub const CONTROLS_WIDTH: f32 = 64.0;

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
        match op {
            Some(RowOp::Comment(r)) => cx.intents.push(Intent::NewComment(Location::cell(
                &self.location.sections,
                self.location.block.unwrap_or(0),
                r,
                None,
            ))),
            Some(op) if apply(table, op) => cx.step(),
            _ => {}
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

/// An extra header row, its cells spanning their columns.
fn header_band(ui: &mut Ui, header_row: &[HeaderCell], widths: &[f32], gap: f32) {
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

fn header(ui: &mut Ui, table: &Table, widths: &[f32]) {
    let gap = spacing(ui);
    for header_row in &table.header_rows {
        header_band(ui, header_row, widths, gap);
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
    for header_row in &table.header_rows_below {
        header_band(ui, header_row, widths, gap);
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
        let grid = Grid {
            names: column_names(&table.columns),
            sums: computed_figures(table),
            spans: table.span_map(),
            paired: !paired_columns(table).is_empty(),
            count: table.rows.len(),
        };
        // Rows off screen are skipped, using their height from last frame,
        // so a long table costs only what is visible.
        let heights_id = self.id.with("row-heights");
        let mut heights: Vec<f32> = ui.data(|d| d.get_temp(heights_id)).unwrap_or_default();
        heights.resize(table.rows.len(), 0.0);
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
                    self.row(ui, r, row, &table.columns, &grid, widths, op, cx)
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
        row: &mut Row,
        columns: &[Column],
        grid: &Grid,
        widths: &[f32],
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
                let label_only = row.kind == RowKind::Group && row.cells.len() <= 1;
                let mut cell = |ui: &mut Ui, c: usize, cx: &mut EditContext<'_>| {
                    let spans_all = label_only;
                    let width = if spans_all {
                        widths.iter().sum::<f32>()
                            + spacing(ui) * (widths.len().saturating_sub(1)) as f32
                    } else {
                        widths[c]
                    };
                    let column_name = &grid.names[c];
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
                            // A merged cell is edited as one, in its top row.
                            if !spans_all && grid.spans.is_covered(r, c) {
                                let merged = format!("(merged with the {column_name} above)");
                                ui.label(RichText::new(merged).weak().italics());
                                return;
                            }
                            let place = CellPlace {
                                name: &name,
                                id: self.id.with(("cell", r, c)),
                                kind,
                                row_kind: row.kind,
                                width,
                                computed: grid.sums.get(&(r, c)).cloned(),
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
                            super::comments::cell_menu(&response, cx, &cell_location);
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
                let menu = RowMenu {
                    r,
                    kind,
                    level: row.level,
                    label_only,
                    table_name: self.name,
                };
                let mut controls = |ui: &mut Ui| {
                    ui.allocate_ui_with_layout(
                        vec2(controls_width, 0.0),
                        egui::Layout::top_down(egui::Align::Min),
                        |ui| {
                            ui.set_width(controls_width);
                            row_menu(ui, &menu, grid, op);
                            if kind != RowKind::Data {
                                ui.label(RichText::new(kind.label()).weak());
                            }
                        },
                    );
                };
                let shown = if label_only { 1 } else { columns.len() };
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

/// What every row of the grid needs to know about the whole table.
struct Grid {
    /// Each column's name, for cells' accessible names.
    names: Vec<String>,
    /// Computed sums beside stated figures.
    sums: HashMap<(usize, usize), Computed>,
    /// Cells merged over rows.
    spans: SpanMap,
    /// The table pairs items with dates line by line.
    paired: bool,
    count: usize,
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

/// One row's menu: what it offers depends on the row.
struct RowMenu<'a> {
    r: usize,
    kind: RowKind,
    level: u8,
    /// A group row showing only its label.
    label_only: bool,
    table_name: &'a str,
}

fn row_menu(ui: &mut Ui, menu: &RowMenu<'_>, grid: &Grid, op: &mut Option<RowOp>) {
    let RowMenu { r, kind, .. } = *menu;
    let name = format!("Row {} actions ({})", r + 1, menu.table_name);
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
            if grid.paired && kind == RowKind::Data {
                let add = ui
                    .button("Add a deliverable with its date")
                    .on_hover_text("A new line under this row's lines, beside the same project");
                if add.clicked() {
                    *op = Some(RowOp::AddPair(r));
                }
            }
            if kind == RowKind::Group {
                group_items(ui, menu, op);
            }
            ui.separator();
            if ui
                .add_enabled(r > 0, egui::Button::new("Move row up"))
                .clicked()
            {
                *op = Some(RowOp::Up(r));
            }
            if ui
                .add_enabled(r + 1 < grid.count, egui::Button::new("Move row down"))
                .clicked()
            {
                *op = Some(RowOp::Down(r));
            }
            if kind == RowKind::Data {
                ui.menu_button("Merge cells over rows", |ui| merge_items(ui, r, grid, op));
            }
            ui.separator();
            ui.label(RichText::new("This row is a").weak());
            for k in RowKind::ALL {
                if ui.radio(k == kind, k.label()).clicked() && k != kind {
                    *op = Some(RowOp::SetKind(r, k));
                }
            }
            ui.separator();
            if ui.button("✎ Comment on this row").clicked() {
                *op = Some(RowOp::Comment(r));
            }
            if ui.button("Delete row").clicked() {
                *op = Some(RowOp::Delete(r));
            }
        })
        .response;
    set_accessible_name(ui, &response, &name);
    response.on_hover_text("Insert, move, delete or change this row");
}

/// A group row's own items: its level, and figures of its own.
fn group_items(ui: &mut Ui, menu: &RowMenu<'_>, op: &mut Option<RowOp>) {
    let r = menu.r;
    if menu.level == 0 && ui.button("Make a sub-group of the group above").clicked() {
        *op = Some(RowOp::Nest(r));
    }
    if menu.level > 0 && ui.button("Make a group of its own").clicked() {
        *op = Some(RowOp::Unnest(r));
    }
    if menu.label_only
        && ui
            .button("Give this group figures of its own")
            .on_hover_text("An indicator with its own figures heading its breakdown rows")
            .clicked()
    {
        *op = Some(RowOp::GroupFigures(r));
    }
}

/// For each column, merge the cell with the row below or split it again.
fn merge_items(ui: &mut Ui, r: usize, grid: &Grid, op: &mut Option<RowOp>) {
    let below = r + 1 < grid.count;
    for (c, name) in grid.names.iter().enumerate() {
        let merged = grid.spans.is_covered(r, c) || grid.spans.rows(r, c) > 1;
        let text = format!("Merge {name} with the row below");
        if ui.add_enabled(below, egui::Button::new(text)).clicked() {
            *op = Some(RowOp::MergeDown(r, c));
        }
        if merged && ui.button(format!("Split merged {name}")).clicked() {
            *op = Some(RowOp::Unmerge(r, c));
        }
    }
}
