//! The cover and sign-off form: what the cover prints, the plan's status
//! and version, and who signed it off.

use super::{EditContext, Editor, icon_button, name_widget};
use crate::model::{ContentsEntry, Plan, PlanState, SignOff};
use egui::{Id, RichText, Ui};

pub struct CoverEditor;

impl Editor<Plan> for CoverEditor {
    fn ui(&mut self, ui: &mut Ui, plan: &mut Plan, cx: &mut EditContext<'_>) {
        let id = Id::unique("cover");
        // A form reads best at about a line's length, not the screen's.
        ui.set_max_width(ui.available_width().min(820.0));
        ui.heading("Cover");
        form_grid(id.with("grid")).show(ui, |ui| {
            let cover = &mut plan.cover;
            line(ui, "Directorate", &mut cover.directorate, cx);
            line(ui, "Division", &mut cover.division, cx);
            line(ui, "Unit", &mut cover.unit, cx);
            line(ui, "Title", &mut cover.title, cx);
            line(ui, "Plan year", &mut cover.year, cx);
            lines(
                ui,
                "Cabinet members",
                "One name a line",
                &mut cover.cabinet_members,
                cx,
            );
            line(ui, "Director", &mut cover.director, cx);
            line(ui, "Contact", &mut cover.contact, cx);
            lines(
                ui,
                "Other cover lines",
                "One line each, e.g. kent.gov.uk",
                &mut cover.other_lines,
                cx,
            );
            line(ui, "Body title", &mut plan.body_title, cx);
            line(ui, "Contents heading", &mut plan.contents.title, cx);
            contents(ui, plan, cx);
        });

        ui.add_space(12.0);
        ui.heading("Status");
        form_grid(id.with("status")).show(ui, |ui| {
            let label = ui.label("State");
            let before = plan.status.state;
            // Signed off means someone signed it: not with nobody listed.
            let signed = crate::edit::status::has_record(plan);
            ui.vertical(|ui| {
                egui::ComboBox::from_id_salt(id.with("state"))
                    .selected_text(plan.status.state.label())
                    .show_ui(ui, |ui| {
                        for state in PlanState::ALL {
                            let allowed = state != PlanState::SignedOff || signed;
                            let option = ui
                                .add_enabled_ui(allowed, |ui| {
                                    ui.selectable_value(&mut plan.status.state, state, state.label())
                                })
                                .inner;
                            option.on_disabled_hover_text(crate::edit::status::NEEDS_SIGN_OFF);
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if plan.status.state == PlanState::SignedOff && !signed {
                    ui.label(
                        RichText::new(
                            "✖ Signed off, but nobody is in the sign-off list below: add who signed it off.",
                        )
                        .color(ui.visuals().error_fg_color),
                    );
                }
            });
            // Through the edit path, which moves the version on with it.
            if plan.status.state != before {
                let state = std::mem::replace(&mut plan.status.state, before);
                cx.edit(crate::edit::Edit::State(state));
            }
            if !signed {
                ui.end_row();
                ui.label("");
                ui.label(RichText::new(crate::edit::status::NEEDS_SIGN_OFF).weak());
            }
            ui.end_row();
            line(ui, "Version", &mut plan.status.version, cx);
            let label = ui.label("Status date").id;
            let date = &mut plan.status.date;
            super::date::date_field(ui, "Status date", Some(label), date, 160.0, cx);
            ui.end_row();
        });

        ui.add_space(12.0);
        ui.heading("Sign-off");
        sign_off(ui, &mut plan.sign_off, id, cx);

        ui.add_space(12.0);
        ui.heading("Units");
        super::units::units_editor(ui, &mut plan.units, cx);

        if !plan.rating_scale.is_empty() {
            ui.add_space(12.0);
            ui.heading("Rating scale");
            ui.label(
                RichText::new("The labels each band of dots may carry, and the dots' colour.")
                    .weak(),
            );
            egui::Grid::new(id.with("rating-scale"))
                .num_columns(2)
                .show(ui, |ui| {
                    for band in &mut plan.rating_scale {
                        let colour = egui::Color32::from_hex(&band.colour)
                            .unwrap_or(ui.visuals().text_color());
                        ui.label(RichText::new("●".repeat(band.band as usize)).color(colour));
                        ui.end_row();
                        let n = band.band;
                        lines(
                            ui,
                            &format!("Band {n} labels"),
                            "One label a line",
                            &mut band.labels,
                            cx,
                        );
                        colour_picker(ui, &format!("Band {n} colour"), &mut band.colour, cx);
                    }
                });
        }
    }
}

/// The contents page: where it goes, and its entries as written (one a
/// line, two spaces for each level below the top), or none to list the
/// headings.
fn contents(ui: &mut Ui, plan: &mut Plan, cx: &mut EditContext<'_>) {
    let label = ui.label("Sections before contents");
    let before = plan.contents.after_sections;
    ui.add(egui::DragValue::new(&mut plan.contents.after_sections).range(0..=plan.sections.len()))
        .labelled_by(label.id)
        .on_hover_text("How many top-level sections (a foreword) come before the contents page");
    if plan.contents.after_sections != before {
        cx.step();
    }
    ui.end_row();

    if !plan.units.is_empty() {
        ui.label("");
        let mut by_unit = plan.contents.by_unit;
        let response = ui
            .checkbox(&mut by_unit, "Group the contents by unit")
            .on_hover_text("List the plan-wide sections, then each unit's sections and tables under its name (a contents generated from the headings)");
        if response.changed() {
            plan.contents.by_unit = by_unit;
            cx.step();
        }
        ui.end_row();
    }

    let label = ui.label("Contents entries");
    let mut text = entries_text(&plan.contents.entries);
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut text)
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .hint_text("Empty: the section headings. Or one entry a line; two spaces before a sub-entry"),
        )
        .labelled_by(label.id);
    if response.changed() {
        let mut entries = parse_entries(&text);
        keep_sections(&plan.contents.entries, &mut entries);
        plan.contents.entries = entries;
        cx.typed(response.id);
    }
    ui.end_row();
}

fn entries_text(entries: &[ContentsEntry]) -> String {
    let lines: Vec<String> = entries
        .iter()
        .map(|e| {
            format!(
                "{}{}",
                "  ".repeat(e.level.saturating_sub(1) as usize),
                e.text
            )
        })
        .collect();
    lines.join("\n")
}

/// The text edits only the wording and levels: each entry keeps the
/// section it stood for, found by its unchanged text.
fn keep_sections(old: &[ContentsEntry], new: &mut [ContentsEntry]) {
    let mut unused: Vec<&ContentsEntry> = old.iter().filter(|e| !e.section.is_empty()).collect();
    for entry in new.iter_mut() {
        if let Some(i) = unused.iter().position(|o| o.text == entry.text) {
            entry.section = unused.remove(i).section.clone();
        }
    }
}

fn parse_entries(text: &str) -> Vec<ContentsEntry> {
    if text.is_empty() {
        return Vec::new();
    }
    text.split('\n')
        .map(|line| {
            let body = line.trim_start_matches(' ');
            let indent = line.len() - body.len();
            ContentsEntry {
                text: body.to_owned(),
                level: (indent / 2 + 1).min(9) as u8,
                section: String::new(),
            }
        })
        .collect()
}

/// A two-column form: labels on the left, fields on the right.
fn form_grid(id: Id) -> egui::Grid {
    egui::Grid::new(id)
        .num_columns(2)
        .spacing([10.0, 6.0])
        // Wide enough for "Sections before contents", so the cover, status
        // and sign-off forms line up.
        .min_col_width(150.0)
}

fn line(ui: &mut Ui, label: &str, text: &mut String, cx: &mut EditContext<'_>) {
    super::labelled_line(ui, label, text, cx);
    ui.end_row();
}

/// A list of lines edited as one multi-line field.
fn lines(ui: &mut Ui, label: &str, hint: &str, values: &mut Vec<String>, cx: &mut EditContext<'_>) {
    let label = ui.label(label);
    let mut text = values.join("\n");
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut text)
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .hint_text(hint),
        )
        .labelled_by(label.id);
    if response.changed() {
        *values = if text.is_empty() {
            Vec::new()
        } else {
            text.split('\n').map(str::to_owned).collect()
        };
        cx.typed(response.id);
    }
    ui.end_row();
}

/// A colour picker over a `#rrggbb` colour; a colour that does not read
/// is shown as it is written, and picking replaces it.
fn colour_picker(ui: &mut Ui, label: &str, hex: &mut String, cx: &mut EditContext<'_>) {
    let label = ui.label(label);
    let colour = egui::Color32::from_hex(hex.trim()).ok();
    let mut rgb = colour.map_or([0, 0, 0], |c| [c.r(), c.g(), c.b()]);
    ui.horizontal(|ui| {
        let response = ui.color_edit_button_srgb(&mut rgb).labelled_by(label.id);
        if response.changed() {
            *hex = egui::Color32::from_rgb(rgb[0], rgb[1], rgb[2]).to_hex()[..7].to_owned();
            cx.step();
        }
        ui.label(RichText::new(hex.as_str()).weak());
        if colour.is_none() {
            ui.label(RichText::new("⚠ not a colour: pick one").color(ui.visuals().warn_fg_color));
        }
    });
    ui.end_row();
}

fn sign_off(ui: &mut Ui, records: &mut Vec<SignOff>, id: Id, cx: &mut EditContext<'_>) {
    let mut remove = None;
    if records.is_empty() {
        ui.label(RichText::new("Nobody has signed this plan off yet.").weak());
    } else {
        egui::Grid::new(id.with("sign-off"))
            .num_columns(4)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                ui.label(RichText::new("Name").strong());
                ui.label(RichText::new("Role").strong());
                ui.label(RichText::new("Date").strong());
                ui.label("");
                ui.end_row();
                for (i, record) in records.iter_mut().enumerate() {
                    for (field, what, width) in [
                        (&mut record.name, "name", 200.0),
                        (&mut record.role, "role", 220.0),
                    ] {
                        let response =
                            ui.add(egui::TextEdit::singleline(field).desired_width(width));
                        name_widget(ui, &response, &format!("Sign-off {} {what}", i + 1));
                        if response.changed() {
                            cx.typed(response.id);
                        }
                    }
                    let name = format!("Sign-off {} date", i + 1);
                    super::date::date_field(ui, &name, None, &mut record.date, 130.0, cx);
                    if icon_button(ui, "✕", &format!("Remove sign-off {}", i + 1), true) {
                        remove = Some(i);
                    }
                    ui.end_row();
                }
            });
    }
    if let Some(i) = remove {
        records.remove(i);
        cx.step();
    }
    if ui.button("+ Add sign-off").clicked() {
        records.push(SignOff::default());
        cx.step();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contents_entries_round_trip_through_the_text() {
        let entries = vec![
            ContentsEntry {
                text: "1. Purpose".into(),
                level: 1,
                section: String::new(),
            },
            ContentsEntry {
                text: "Local Context".into(),
                level: 2,
                section: String::new(),
            },
            ContentsEntry {
                text: "".into(),
                level: 1,
                section: String::new(),
            },
        ];
        let text = entries_text(&entries);
        assert_eq!(text, "1. Purpose\n  Local Context\n");
        assert_eq!(parse_entries(&text), entries);
        assert!(parse_entries("").is_empty());
    }

    #[test]
    fn editing_the_entries_keeps_the_sections_they_stand_for() {
        let old = vec![ContentsEntry {
            text: "Service Comparisons".into(),
            level: 2,
            section: "Key Performance Indicators and Service Comparisons".into(),
        }];
        let mut new = parse_entries("Purpose\n  Service Comparisons");
        keep_sections(&old, &mut new);
        assert_eq!(new[0].section, "");
        assert_eq!(new[1].section, old[0].section);
    }
}
