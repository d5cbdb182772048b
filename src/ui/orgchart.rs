//! Structure charts: boxes top down, each with its lines (name, post) and
//! its depth in the chart.

use super::{EditContext, Editor, icon_button, name_widget};
use crate::model::{OrgBox, OrgChart};
use egui::{Id, Ui};

pub struct OrgChartEditor<'n> {
    pub name: &'n str,
    pub id: Id,
}

impl Editor<OrgChart> for OrgChartEditor<'_> {
    fn ui(&mut self, ui: &mut Ui, chart: &mut OrgChart, cx: &mut EditContext<'_>) {
        let mut remove = None;
        let mut swap = None;
        let count = chart.boxes.len();
        for (i, org_box) in chart.boxes.iter_mut().enumerate() {
            let box_name = format!("{} box {}", self.name, i + 1);
            ui.horizontal(|ui| {
                ui.add_space(org_box.level as f32 * 24.0);
                let mut level = org_box.level;
                let label = ui.label("Level");
                let r = ui
                    .add(egui::DragValue::new(&mut level).range(0..=9))
                    .labelled_by(label.id);
                if level != org_box.level {
                    org_box.level = level;
                    cx.step();
                }
                let _ = r;
                ui.with_layout(egui::Layout::right_to_left(egui::Align::TOP), |ui| {
                    if icon_button(ui, "✕", &format!("Remove {box_name}"), true) {
                        remove = Some(i);
                    }
                    if icon_button(ui, "↓", &format!("Move {box_name} down"), i + 1 < count) {
                        swap = Some((i, 1));
                    }
                    if icon_button(ui, "↑", &format!("Move {box_name} up"), i > 0) {
                        swap = Some((i, -1));
                    }
                    // One line of the box per line of text.
                    let mut text = org_box.lines.join("\n");
                    let response = ui.add(
                        egui::TextEdit::multiline(&mut text)
                            .id(self.id.with(i))
                            .desired_rows(2)
                            .desired_width(f32::INFINITY)
                            .hint_text("Name\nPost"),
                    );
                    name_widget(ui, &response, &box_name);
                    if response.changed() {
                        org_box.lines = text.split('\n').map(str::to_owned).collect();
                        cx.typed(response.id);
                    }
                });
            });
        }
        if let Some(i) = remove {
            chart.boxes.remove(i);
            cx.step();
        }
        if let Some((i, delta)) = swap {
            super::move_item(&mut chart.boxes, i, delta);
            cx.step();
        }
        if ui.button("+ Add box").clicked() {
            let level = chart.boxes.last().map_or(0, |b| b.level);
            chart.boxes.push(OrgBox {
                lines: vec![String::new()],
                level,
            });
            cx.step();
        }
    }
}
