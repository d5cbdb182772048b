//! A date field: free text as the plans write dates ("April 2008"), with
//! a calendar beside it that writes "1 April 2008" or a whole month.

use super::{EditContext, name_widget, set_accessible_name};
use crate::edit::dates::{Date, MONTHS, days_in_month, weekday};
use egui::containers::menu::{MenuButton, MenuConfig};
use egui::{PopupCloseBehavior, Response, Ui};

/// The month the calendar shows, kept while it is open.
fn shown_month_id(field: egui::Id) -> egui::Id {
    field.with("calendar-month")
}

/// The text field and its calendar button; `name` names both for screen
/// readers (`Status date`, `Pick Status date`), unless a visible label
/// (`label`) names the field.
pub fn date_field(
    ui: &mut Ui,
    name: &str,
    label: Option<egui::Id>,
    text: &mut String,
    width: f32,
    cx: &mut EditContext<'_>,
) -> Response {
    ui.horizontal(|ui| {
        let response = ui.add(
            egui::TextEdit::singleline(text)
                .desired_width(width)
                .hint_text("e.g. 1 April 2008"),
        );
        let response = match label {
            Some(label) => response.labelled_by(label),
            None => {
                name_widget(ui, &response, name);
                response
            }
        };
        cx.take_focus(&response);
        if response.changed() {
            cx.typed(response.id);
        }
        let config = MenuConfig::new().close_behavior(PopupCloseBehavior::CloseOnClickOutside);
        let (button, _) = MenuButton::new("▾").config(config).ui(ui, |ui| {
            if let Some(picked) = calendar(ui, response.id, text) {
                *text = picked.format();
                cx.step();
                ui.close();
            }
        });
        set_accessible_name(ui, &button, &format!("Pick {name}"));
        button.on_hover_text("Pick a date or a month from a calendar");
        response
    })
    .inner
}

/// A month's calendar; returns the day or the month picked.
fn calendar(ui: &mut Ui, field: egui::Id, text: &str) -> Option<Date> {
    let key = shown_month_id(field);
    let today_or_text = Date::parse(text).unwrap_or_else(Date::today);
    let mut month: Date = ui.data(|d| d.get_temp::<(i32, u32)>(key)).map_or(
        Date {
            day: None,
            ..today_or_text
        },
        |(year, month)| Date {
            year,
            month,
            day: None,
        },
    );
    let mut picked = None;
    ui.horizontal(|ui| {
        let back = ui.button("◀");
        set_accessible_name(ui, &back, "Previous month");
        if back.clicked() {
            month = month.add_months(-1);
        }
        let title = format!("{} {}", MONTHS[month.month as usize - 1], month.year);
        if ui
            .button(&title)
            .on_hover_text("Use the whole month, as in \"April 2008\"")
            .clicked()
        {
            picked = Some(month);
        }
        let next = ui.button("▶");
        set_accessible_name(ui, &next, "Next month");
        if next.clicked() {
            month = month.add_months(1);
        }
    });
    egui::Grid::new(field.with("days"))
        .num_columns(7)
        .spacing([2.0, 2.0])
        .show(ui, |ui| {
            for day in ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"] {
                ui.label(day);
            }
            ui.end_row();
            let first = weekday(month.year, month.month, 1);
            for _ in 0..first {
                ui.label("");
            }
            for day in 1..=days_in_month(month.year, month.month) {
                let chosen = Date::parse(text).is_some_and(|d| {
                    d.day == Some(day) && d.month == month.month && d.year == month.year
                });
                let button = ui.selectable_label(chosen, day.to_string());
                let full = Date {
                    day: Some(day),
                    ..month
                };
                set_accessible_name(ui, &button, &full.format());
                if button.clicked() {
                    picked = Some(full);
                }
                if (first + day).is_multiple_of(7) {
                    ui.end_row();
                }
            }
        });
    ui.data_mut(|d| d.insert_temp(key, (month.year, month.month)));
    picked
}
