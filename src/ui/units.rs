//! The plan's units: the list on the cover page (name, short name,
//! manager), and the picker a section or table belongs to a unit by.

use super::{EditContext, icon_button, name_widget};
use crate::model::Unit;
use egui::{RichText, Ui};

/// The picker for the unit a section or table belongs to: the plan's
/// units, or none (the whole plan's). A name the author typed that is
/// none of the plan's units is shown as such and kept until a unit is
/// picked. Only shown for a plan that lists units.
pub fn unit_picker(ui: &mut Ui, name: &str, unit: &mut String, cx: &mut EditContext<'_>) {
    if cx.units.is_empty() {
        return;
    }
    let units = cx.units;
    let resolved = crate::model::unit_index(units, unit);
    let shown = match resolved {
        Some(u) => units[u].label(),
        None if unit.trim().is_empty() => "The whole plan".to_string(),
        None => format!("{unit} (not one of the plan's units)"),
    };
    let mut picked = resolved;
    let label = ui.label("Unit");
    let response = egui::ComboBox::from_id_salt(ui.scope_id().with(name).with("unit"))
        .selected_text(shown)
        .width(260.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut picked, None, "The whole plan");
            for (u, choice) in units.iter().enumerate() {
                ui.selectable_value(&mut picked, Some(u), choice.label());
            }
        })
        .response
        .labelled_by(label.id);
    name_widget(ui, &response, &format!("{name} unit"));
    if picked != resolved {
        *unit = picked.map(|u| units[u].name.clone()).unwrap_or_default();
        cx.step();
    }
}

/// The units the plan covers, one a row, with an add button under them.
pub fn units_editor(ui: &mut Ui, units: &mut Vec<Unit>, cx: &mut EditContext<'_>) {
    ui.label(
        RichText::new(
            "The business units this plan covers. Sections and tables can then belong to a unit; \
             each unit's pages name it in their header.",
        )
        .weak(),
    );
    let mut remove = None;
    egui::Grid::new("plan-units")
        .num_columns(4)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            ui.label(RichText::new("Name").strong());
            ui.label(RichText::new("Short name").strong());
            ui.label(RichText::new("Manager").strong());
            ui.end_row();
            for (u, unit) in units.iter_mut().enumerate() {
                let n = u + 1;
                let fields = [
                    (&mut unit.name, format!("Unit {n} name"), 260.0),
                    (&mut unit.short_name, format!("Unit {n} short name"), 120.0),
                    (&mut unit.manager, format!("Unit {n} manager"), 180.0),
                ];
                for (text, field_name, width) in fields {
                    let response = ui.add(egui::TextEdit::singleline(text).desired_width(width));
                    name_widget(ui, &response, &field_name);
                    if response.changed() {
                        cx.typed(response.id);
                    }
                }
                let title = if unit.name.trim().is_empty() {
                    format!("unit {n}")
                } else {
                    unit.name.clone()
                };
                if icon_button(ui, "✕", &format!("Remove {title}"), true) {
                    remove = Some(u);
                }
                ui.end_row();
            }
        });
    if let Some(u) = remove {
        units.remove(u);
        cx.step();
    }
    if ui.button("+ Add unit").clicked() {
        units.push(Unit::default());
        cx.step();
    }
}
