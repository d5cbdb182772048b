//! The findings panel: the model's findings, each a link to its place.

use super::{Intent, Page, severity_colour};
use crate::model::check::Finding;
use crate::model::{Location, Plan};
use egui::{RichText, Ui};

/// `Budget › row 4 › Total`: where a finding is, in the author's words.
pub fn describe(plan: &Plan, location: &Location) -> String {
    if location.is_cover() {
        return "Cover and status".into();
    }
    let mut parts = Vec::new();
    if let Some(section) = plan.section(&location.sections) {
        parts.push(super::section_label(&plan.template, section));
        if let Some(b) = location.block
            && let Some(block) = section.blocks.get(b)
        {
            parts.push(super::block_name(block, b));
            if let (Some(r), crate::model::Block::Table(t)) = (location.row, block) {
                parts.push(format!("row {}", r + 1));
                if let Some(c) = location.column {
                    let name = t.column_name(c);
                    parts.push(if name.trim().is_empty() {
                        format!("column {}", c + 1)
                    } else {
                        name
                    });
                }
            }
        }
    }
    parts.join(" › ")
}

/// The unit filter over the findings (a plan with units only), and the
/// picked unit's own totals. Returns the picked unit, if any.
fn unit_filter(ui: &mut Ui, plan: &Plan) -> Option<usize> {
    if plan.units.is_empty() {
        return None;
    }
    let id = egui::Id::unique("findings-unit-filter");
    let mut picked: Option<usize> = ui.data(|d| d.get_temp(id)).flatten();
    picked = picked.filter(|&u| u < plan.units.len());
    let name = |u: Option<usize>| u.map_or("All units".to_string(), |u| plan.units[u].label());
    ui.horizontal(|ui| {
        let label = ui.label("Unit");
        let combo = egui::ComboBox::from_id_salt(id)
            .selected_text(name(picked))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut picked, None, name(None));
                for u in 0..plan.units.len() {
                    ui.selectable_value(&mut picked, Some(u), name(Some(u)));
                }
            })
            .response
            .labelled_by(label.id);
        super::name_widget(ui, &combo, "Findings unit filter");
    });
    ui.data_mut(|d| d.insert_temp(id, picked));
    if let Some(u) = picked {
        let totals = crate::model::unit_check::unit_totals(plan, u);
        if !totals.is_empty() {
            let lines: Vec<String> = totals
                .iter()
                .map(|(what, sum)| format!("{what}: {sum}"))
                .collect();
            ui.label(RichText::new(format!("Totals as stated: {}", lines.join("; "))).weak());
        }
    }
    picked
}

/// Draws the list; a click on a finding asks to go to its place. With
/// `focus` the first finding takes the keyboard (F6).
pub fn show(ui: &mut Ui, plan: &Plan, findings: &[Finding], focus: bool) -> Option<Intent> {
    let mut clicked = None;
    let unit = unit_filter(ui, plan);
    let filtered: Vec<&Finding> = findings
        .iter()
        .filter(|f| unit.is_none() || f.unit == unit)
        .collect();
    if filtered.is_empty() && unit.is_some() {
        ui.label(RichText::new("No findings about this unit.").weak());
        return None;
    }
    if findings.is_empty() {
        ui.label(
            RichText::new(
                "No findings: every total adds up and every required section is filled in.",
            )
            .weak(),
        );
        return None;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (n, finding) in filtered.iter().enumerate() {
                ui.horizontal_wrapped(|ui| {
                    let icon = super::severity_icon(finding.severity);
                    let mut label = RichText::new(format!("{icon} {}", finding.severity))
                        .color(severity_colour(ui, finding.severity));
                    if finding.severity == crate::model::check::Severity::Error {
                        label = label.strong();
                    }
                    ui.label(label);
                    let place = describe(plan, &finding.location);
                    let text = format!("{place}: {}", finding.message);
                    let link = ui.link(text).on_hover_text("Go to this place");
                    if focus && n == 0 {
                        link.request_focus();
                    }
                    if link.clicked() {
                        clicked = Some(Intent::Open(
                            Page::of(&finding.location),
                            Some(finding.location.clone()),
                        ));
                    }
                });
            }
        });
    clicked
}
