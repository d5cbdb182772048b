//! The sections as a tree on the left: each marked when it is empty or has
//! findings; a click opens it, its context menu adds, moves and deletes.

use super::{Page, severity_colour};
use crate::model::check::{Finding, Severity};
use crate::model::nesting::MAX_NESTING;
use crate::model::{Block, Plan, Rich, Section};
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

/// What the author asked the tree for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TreeAction {
    Open(Page),
    /// A new section after the one at this path, at the same level.
    AddAfter(Vec<usize>),
    /// A new last sub-section of the section at this path.
    AddInside(Vec<usize>),
    Move(Vec<usize>, isize),
    Delete(Vec<usize>),
}

/// Draws the tree; returns what was asked for, if anything.
pub fn show(ui: &mut Ui, plan: &Plan, findings: &[Finding], selected: &Page) -> Option<TreeAction> {
    let mut clicked = None;
    let cover = ui
        .selectable_label(*selected == Page::Cover, "Cover and sign-off")
        .on_hover_text("Cover, status, version and sign-off");
    if cover.clicked() {
        clicked = Some(TreeAction::Open(Page::Cover));
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
                    if response.clicked() {
                        clicked = Some(TreeAction::Open(Page::Section(path.clone())));
                    }
                    response.context_menu(|ui| {
                        if let Some(action) = section_menu(ui, plan, &path) {
                            clicked = Some(action);
                        }
                    });
                });
            });
        });
    }
    ui.add_space(6.0);
    if ui
        .button("+ Add section")
        .on_hover_text("Add a section at the end of the plan (right-click a section for more)")
        .clicked()
    {
        clicked = Some(match plan.sections.len() {
            0 => TreeAction::AddInside(Vec::new()),
            n => TreeAction::AddAfter(vec![n - 1]),
        });
    }
    clicked
}

fn section_menu(ui: &mut Ui, plan: &Plan, path: &[usize]) -> Option<TreeAction> {
    let (&last, parent) = path.split_last()?;
    let siblings = match parent {
        [] => plan.sections.len(),
        parent => plan.section(parent).map_or(0, |s| s.subsections.len()),
    };
    let mut action = None;
    if ui.button("Add section after").clicked() {
        action = Some(TreeAction::AddAfter(path.to_vec()));
    }
    let room_inside = path.len() < MAX_NESTING;
    if ui
        .add_enabled(room_inside, egui::Button::new("Add sub-section"))
        .on_disabled_hover_text(format!("Sections nest at most {MAX_NESTING} levels"))
        .clicked()
    {
        action = Some(TreeAction::AddInside(path.to_vec()));
    }
    ui.separator();
    if ui
        .add_enabled(last > 0, egui::Button::new("Move up"))
        .clicked()
    {
        action = Some(TreeAction::Move(path.to_vec(), -1));
    }
    if ui
        .add_enabled(last + 1 < siblings, egui::Button::new("Move down"))
        .clicked()
    {
        action = Some(TreeAction::Move(path.to_vec(), 1));
    }
    ui.separator();
    if ui.button("Delete section").clicked() {
        action = Some(TreeAction::Delete(path.to_vec()));
    }
    action
}

/// The sections beside the one at `path` (the plan's top level or a
/// section's sub-sections) and its index among them.
fn siblings_mut<'p>(plan: &'p mut Plan, path: &[usize]) -> Option<(&'p mut Vec<Section>, usize)> {
    let (&last, parent) = path.split_last()?;
    let list = match parent {
        [] => &mut plan.sections,
        parent => &mut plan.section_mut(parent)?.subsections,
    };
    Some((list, last))
}

fn new_section() -> Section {
    Section {
        heading: Rich::plain("New section"),
        blocks: vec![Block::Paragraph(Rich::default())],
        ..Section::default()
    }
}

/// Applies a structural action; returns the page to show after it, or
/// `None` when nothing changed (an `Open` changes nothing).
pub fn apply(plan: &mut Plan, action: &TreeAction) -> Option<Page> {
    match action {
        TreeAction::Open(_) => None,
        TreeAction::AddAfter(path) => {
            let (list, i) = siblings_mut(plan, path)?;
            list.insert((i + 1).min(list.len()), new_section());
            let mut new = path.clone();
            *new.last_mut()? = (i + 1).min(list.len() - 1);
            Some(Page::Section(new))
        }
        TreeAction::AddInside(path) => {
            let list = if path.is_empty() {
                &mut plan.sections
            } else {
                &mut plan.section_mut(path)?.subsections
            };
            list.push(new_section());
            let mut new = path.clone();
            new.push(list.len() - 1);
            Some(Page::Section(new))
        }
        TreeAction::Move(path, delta) => {
            let (list, i) = siblings_mut(plan, path)?;
            if !super::move_item(list, i, *delta) {
                return None;
            }
            let mut moved = path.clone();
            *moved.last_mut()? = (i as isize + delta) as usize;
            Some(Page::Section(moved))
        }
        TreeAction::Delete(path) => {
            let (list, i) = siblings_mut(plan, path)?;
            if i >= list.len() {
                return None;
            }
            list.remove(i);
            // Show the section that took its place, else the one before, else the parent.
            let mut next = path.clone();
            if list.is_empty() {
                next.pop();
            } else {
                *next.last_mut()? = i.min(list.len() - 1);
            }
            Some(if next.is_empty() {
                Page::Cover
            } else {
                Page::Section(next)
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(plan: &Plan) -> Vec<String> {
        plan.walk_sections()
            .into_iter()
            .map(|(p, s)| format!("{}{}", "  ".repeat(p.len() - 1), s.title()))
            .collect()
    }

    fn plan() -> Plan {
        let mut plan = crate::template::all()[0].new_plan();
        plan.sections.truncate(2);
        plan.sections[1].subsections.truncate(1);
        plan
    }

    #[test]
    fn add_move_and_delete_sections() {
        let mut p = plan();
        assert_eq!(
            titles(&p),
            [
                "PURPOSE OF THE SERVICE",
                "PLANNING CONTEXT AND PRIORITIES",
                "  Local Context"
            ]
        );
        assert_eq!(
            apply(&mut p, &TreeAction::AddAfter(vec![0])),
            Some(Page::Section(vec![1]))
        );
        assert_eq!(
            apply(&mut p, &TreeAction::AddInside(vec![2])),
            Some(Page::Section(vec![2, 1]))
        );
        assert_eq!(
            titles(&p),
            [
                "PURPOSE OF THE SERVICE",
                "New section",
                "PLANNING CONTEXT AND PRIORITIES",
                "  Local Context",
                "  New section"
            ]
        );
        assert_eq!(
            apply(&mut p, &TreeAction::Move(vec![2, 1], -1)),
            Some(Page::Section(vec![2, 0]))
        );
        assert_eq!(
            apply(&mut p, &TreeAction::Move(vec![2, 0], -1)),
            None,
            "already first"
        );
        assert_eq!(
            apply(&mut p, &TreeAction::Delete(vec![2, 0])),
            Some(Page::Section(vec![2, 0]))
        );
        assert_eq!(
            apply(&mut p, &TreeAction::Delete(vec![2, 0])),
            Some(Page::Section(vec![2]))
        );
        assert_eq!(
            apply(&mut p, &TreeAction::Delete(vec![1])),
            Some(Page::Section(vec![1]))
        );
        assert_eq!(
            titles(&p),
            ["PURPOSE OF THE SERVICE", "PLANNING CONTEXT AND PRIORITIES"]
        );
    }
}
