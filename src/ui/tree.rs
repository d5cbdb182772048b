//! The sections as a tree on the left: each marked when it is empty or has
//! findings; a click opens it, its context menu adds, moves and deletes.

use super::{Intent, Page, severity_colour};
use crate::edit::{Edit, SectionOp};
use crate::model::check::{Finding, Severity};
use crate::model::nesting::MAX_NESTING;
use crate::model::{Block, Location, Plan, Section};
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

/// Draws the tree; returns what was asked for, if anything. With `focus`
/// the selected item takes the keyboard (F6); egui's arrow-key focus
/// then moves through the items and Enter opens one.
pub fn show(
    ui: &mut Ui,
    plan: &Plan,
    findings: &[Finding],
    selected: &Page,
    focus: bool,
) -> Option<Intent> {
    let mut clicked = None;
    let cover = ui
        .selectable_label(*selected == Page::Cover, "Cover and sign-off")
        .on_hover_text("Cover, status, version and sign-off");
    if cover.clicked() {
        clicked = Some(Intent::Open(Page::Cover, None));
    }
    // The selected item, to give the keyboard to (F6).
    let mut selected_item = cover.id;
    ui.separator();
    for (path, section) in plan.walk_sections() {
        let is_selected = *selected == Page::Section(path.clone());
        let title = super::section_label(&plan.template, section);
        let (count, worst) = count_findings(findings, &path);
        let empty = section.is_empty();
        ui.horizontal(|ui| {
            ui.add_space((path.len() - 1) as f32 * 14.0);
            // Marks first, from the right, so the title truncates in what is left.
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if let Some(worst) = worst {
                    let icon = super::severity_icon(worst);
                    ui.label(
                        RichText::new(format!("{icon}{count}")).color(severity_colour(ui, worst)),
                    )
                    .on_hover_text(format!("{title} has {count} finding(s)"));
                }
                if empty {
                    ui.label(RichText::new("○").weak())
                        .on_hover_text(format!("{title} is empty"));
                }
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    let mut text = RichText::new(&title);
                    // Muted when empty, but never on the selection's highlight.
                    if empty && !is_selected {
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
                    let response = response.on_hover_text(hover);
                    if is_selected {
                        selected_item = response.id;
                    }
                    if response.clicked() {
                        clicked = Some(Intent::Open(Page::Section(path.clone()), None));
                    }
                    response.context_menu(|ui| {
                        if let Some(action) = section_menu(ui, plan, &path) {
                            clicked = Some(Intent::Edit(Edit::Sections(action)));
                        }
                    });
                });
            });
        });
        if let Some(intent) = sub_headings(ui, section, &path) {
            clicked = Some(intent);
        }
    }
    if focus {
        ui.memory_mut(|m| m.request_focus(selected_item));
    }
    ui.add_space(6.0);
    if ui
        .button("+ Add section")
        .on_hover_text("Add a section at the end of the plan (right-click a section for more)")
        .clicked()
    {
        let op = match plan.sections.len() {
            0 => SectionOp::AddInside(Vec::new()),
            n => SectionOp::AddAfter(vec![n - 1]),
        };
        clicked = Some(Intent::Edit(Edit::Sections(op)));
    }
    clicked
}

/// A section's sub-headings, under it and indented by level; a click
/// opens the section at the sub-heading.
fn sub_headings(ui: &mut Ui, section: &Section, path: &[usize]) -> Option<Intent> {
    let mut clicked = None;
    for (b, block) in section.blocks.iter().enumerate() {
        let Block::Heading(heading) = block else {
            continue;
        };
        let title = heading.text.to_plain();
        let title = if title.trim().is_empty() {
            "(untitled sub-heading)".to_string()
        } else {
            title
        };
        ui.horizontal(|ui| {
            let depth = path.len() + usize::from(heading.printed_level()) - 2;
            ui.add_space(depth as f32 * 14.0);
            let text = RichText::new(format!("· {title}")).italics();
            let response = ui
                .add(egui::Button::selectable(false, text).truncate())
                .on_hover_text(format!("Go to the sub-heading {title}"));
            if response.clicked() {
                let page = Page::Section(path.to_vec());
                clicked = Some(Intent::Open(page, Some(Location::block(path, b))));
            }
        });
    }
    clicked
}

fn section_menu(ui: &mut Ui, plan: &Plan, path: &[usize]) -> Option<SectionOp> {
    let (&last, parent) = path.split_last()?;
    let siblings = match parent {
        [] => plan.sections.len(),
        parent => plan.section(parent).map_or(0, |s| s.subsections.len()),
    };
    let mut action = None;
    if ui.button("Add section after").clicked() {
        action = Some(SectionOp::AddAfter(path.to_vec()));
    }
    let room_inside = path.len() < MAX_NESTING;
    if ui
        .add_enabled(room_inside, egui::Button::new("Add sub-section"))
        .on_disabled_hover_text(format!("Sections nest at most {MAX_NESTING} levels"))
        .clicked()
    {
        action = Some(SectionOp::AddInside(path.to_vec()));
    }
    ui.separator();
    if ui
        .add_enabled(last > 0, egui::Button::new("Move up"))
        .clicked()
    {
        action = Some(SectionOp::Move(path.to_vec(), -1));
    }
    if ui
        .add_enabled(last + 1 < siblings, egui::Button::new("Move down"))
        .clicked()
    {
        action = Some(SectionOp::Move(path.to_vec(), 1));
    }
    ui.separator();
    if ui.button("Delete section").clicked() {
        action = Some(SectionOp::Delete(path.to_vec()));
    }
    action
}
