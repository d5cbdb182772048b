//! The findings panel: the model's findings, each a link to its place.

use super::severity_colour;
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
        parts.push(super::section_label(section));
        if let Some(b) = location.block
            && let Some(block) = section.blocks.get(b)
        {
            parts.push(super::section::block_name(block, b));
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

/// Draws the list; returns the finding's place when one is clicked.
pub fn show(ui: &mut Ui, plan: &Plan, findings: &[Finding]) -> Option<Location> {
    let mut clicked = None;
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
            for finding in findings {
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(finding.severity.to_string())
                            .color(severity_colour(ui, finding.severity)),
                    );
                    let place = describe(plan, &finding.location);
                    let text = format!("{place}: {}", finding.message);
                    if ui.link(text).on_hover_text("Go to this place").clicked() {
                        clicked = Some(finding.location.clone());
                    }
                });
            }
        });
    clicked
}
