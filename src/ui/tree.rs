//! The sections as a tree on the left: each marked when it is empty or has
//! findings; a click opens it.

use super::{Page, severity_colour};
use crate::model::Plan;
use crate::model::check::{Finding, Severity};
use egui::{RichText, Ui};

/// Findings per section path, counted once for the tree.
fn count_findings(findings: &[Finding], path: &[usize]) -> (usize, Option<Severity>) {
    let mut count = 0;
    let mut worst: Option<Severity> = None;
    for f in findings.iter().filter(|f| f.location.sections == path) {
        count += 1;
        worst = Some(worst.map_or(f.severity, |w| w.min(f.severity)));
    }
    (count, worst)
}

/// Draws the tree; returns the page clicked, if any.
pub fn show(ui: &mut Ui, plan: &Plan, findings: &[Finding], selected: &Page) -> Option<Page> {
    let mut clicked = None;
    let cover = ui
        .selectable_label(*selected == Page::Cover, "Cover and sign-off")
        .on_hover_text("Cover, status, version and sign-off");
    if cover.clicked() {
        clicked = Some(Page::Cover);
    }
    ui.separator();
    for (path, section) in plan.walk_sections() {
        let is_selected = *selected == Page::Section(path.clone());
        let title = super::section_label(section);
        let (count, worst) = count_findings(findings, &path);
        let empty = section.is_empty();
        ui.horizontal(|ui| {
            ui.add_space((path.len() - 1) as f32 * 14.0);
            // Marks first, from the right, so the title truncates in what is left.
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if let Some(worst) = worst {
                    ui.label(RichText::new(format!("⚠{count}")).color(severity_colour(ui, worst)))
                        .on_hover_text(format!("{title} has {count} finding(s)"));
                }
                if empty {
                    ui.label(RichText::new("○").weak())
                        .on_hover_text(format!("{title} is empty"));
                }
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    let mut text = RichText::new(&title);
                    if empty {
                        text = text.color(ui.visuals().weak_text_color());
                    }
                    let response = ui.add(egui::Button::selectable(is_selected, text).truncate());
                    let mut hover = title.clone();
                    if empty {
                        hover.push_str(" — empty");
                    }
                    if count > 0 {
                        hover.push_str(&format!(
                            " — {count} finding{}",
                            if count == 1 { "" } else { "s" }
                        ));
                    }
                    if response.on_hover_text(hover).clicked() {
                        clicked = Some(Page::Section(path.clone()));
                    }
                });
            });
        });
    }
    clicked
}
