//! Editing one table cell: a plain field for simple cells (figures, names,
//! dates), a lines editor for cells holding lists, and a rating band
//! picker. Whatever the editor does not show is kept as it was.

use super::{EditContext, name_widget};
use crate::edit::cell_text::{cell_lines, line_text, rebuild, styled_lines};
use crate::edit::rich::apply_text_edit;
use crate::model::figure::{self, Decimal, Written};
use crate::model::{Cell, CellBlock, ColumnKind, Rating, RatingBand, RowKind};
use egui::{Align, Color32, Id, Response, RichText, Ui};

/// What a cell editor needs to know about its place.
pub struct CellPlace<'a> {
    pub name: &'a str,
    pub id: Id,
    pub kind: ColumnKind,
    pub row_kind: RowKind,
    pub width: f32,
    /// What the cell should say by the table's arithmetic, if anything.
    pub computed: Option<Computed>,
}

/// A computed figure shown under its stated one, as the checks compute it.
#[derive(Clone, Debug, PartialEq)]
pub struct Computed {
    pub sum: Decimal,
    /// `Σ` for a total of rows, `=` for a sum within the row.
    pub symbol: &'static str,
    /// What adds up to it, for the hover: `the rows`, `Employee Costs +
    /// Running Costs + Contracts`.
    pub from: String,
}

/// Draws the cell; returns the main field's response (to scroll to it).
pub fn cell_ui(
    ui: &mut Ui,
    cell: &mut Cell,
    place: &CellPlace<'_>,
    cx: &mut EditContext<'_>,
) -> Response {
    // Ratings are edited by the picker; the text editors see the rest.
    let mut ratings: Vec<(usize, Rating)> = Vec::new();
    let mut text_blocks = Vec::with_capacity(cell.0.len());
    for (i, block) in cell.0.iter().enumerate() {
        match block {
            CellBlock::Rating(r) => ratings.push((i, r.clone())),
            other => text_blocks.push(other.clone()),
        }
    }
    let mut text_cell = Cell(text_blocks);
    let mut changed = false;
    let response = if text_cell.is_simple() {
        simple_field(ui, &mut text_cell, place, &mut changed, cx)
    } else {
        lines_field(ui, &mut text_cell, place, &mut changed, cx)
    };
    if place.kind == ColumnKind::Rating || !ratings.is_empty() {
        let mut rating = ratings.first().map(|(_, r)| r.clone());
        if let Some(change) = rating_picker(ui, &mut rating, place, cx.rating_scale) {
            match (rating, ratings.is_empty()) {
                (Some(r), true) => ratings.push((1, r)),
                (Some(r), false) => ratings[0].1 = r,
                (None, false) => {
                    ratings.remove(0);
                }
                (None, true) => {}
            }
            changed = true;
            match change {
                Some(id) => cx.typed(id),
                None => cx.step(),
            }
        }
    }
    if changed {
        let mut blocks = text_cell.0;
        for (i, rating) in ratings {
            blocks.insert(i.min(blocks.len()), CellBlock::Rating(rating));
        }
        *cell = Cell(blocks);
    }
    response
}

fn simple_field(
    ui: &mut Ui,
    cell: &mut Cell,
    place: &CellPlace<'_>,
    changed: &mut bool,
    cx: &mut EditContext<'_>,
) -> Response {
    let mut text = cell.as_text().unwrap_or_default();
    let checks_figures = !matches!(place.row_kind, RowKind::Group | RowKind::Hint);
    let written = figure::read(&text);
    let not_a_figure = checks_figures && place.kind.is_strict_figure() && written == Written::Words;
    let mut edit = egui::TextEdit::multiline(&mut text)
        .id(place.id)
        .desired_rows(1)
        .desired_width(place.width);
    if place.kind.is_numeric() {
        edit = edit.align(egui::Align2::RIGHT_TOP);
    }
    if place.row_kind.is_total() || place.row_kind == RowKind::Group {
        edit = edit.font(egui::TextStyle::Button);
    }
    if place.row_kind == RowKind::Hint {
        // The template's fill-in guidance, printed as the plans print it,
        // but told apart from the author's own rows on screen.
        edit = edit.text_color(ui.visuals().weak_text_color());
    }
    if not_a_figure {
        // Tinted as its finding (shown under the cell, the one message
        // about it) is coloured: a warning, since the words are kept.
        edit = edit.background_color(tint(
            ui.visuals().warn_fg_color,
            ui.visuals().extreme_bg_color,
        ));
    }
    let output = edit.show(ui);
    let response = output.response.response.clone();
    name_widget(ui, &response, place.name);
    if response.changed() {
        *cell = Cell::text(text.clone());
        *changed = true;
        cx.typed(place.id);
    }
    // Figures are not words; the rest of a cell is checked as typed.
    if !place.kind.is_numeric()
        && let Some(fix) = super::spelling::mark(ui, &output, &text, cx)
    {
        text = super::spelling::fixed(&text, &fix);
        *cell = Cell::text(text.clone());
        *changed = true;
        cx.step();
    }
    if let Some(computed) = &place.computed {
        computed_sum(ui, figure::read(&text), computed);
    }
    response
}

/// `Σ 1,234.5` under a stated total, `= 12.5` under a row's gross: muted
/// when it agrees, red when not.
fn computed_sum(ui: &mut Ui, stated: Written, computed: &Computed) {
    let Computed { sum, symbol, from } = computed;
    let (colour, hover) = match stated {
        Written::Figure(s) if s.same_value(*sum) => (
            ui.visuals().weak_text_color(),
            format!("{from} add up to {sum}, as stated"),
        ),
        Written::Figure(s) => (
            ui.visuals().error_fg_color,
            format!("Stated {s}, but {from} add up to {sum}"),
        ),
        _ => (
            ui.visuals().weak_text_color(),
            format!("{from} add up to {sum}; nothing is stated"),
        ),
    };
    ui.with_layout(egui::Layout::right_to_left(Align::TOP), |ui| {
        ui.label(RichText::new(format!("{symbol} {sum}")).color(colour))
            .on_hover_text(hover);
    });
}

fn tint(colour: Color32, base: Color32) -> Color32 {
    base.lerp_to_gamma(colour, 0.18)
}

fn lines_field(
    ui: &mut Ui,
    cell: &mut Cell,
    place: &CellPlace<'_>,
    changed: &mut bool,
    cx: &mut EditContext<'_>,
) -> Response {
    let old = cell_lines(cell);
    let old_text: Vec<String> = old.iter().map(line_text).collect();
    let old_text = old_text.join("\n");
    let mut text = old_text.clone();
    // The lines with their styles, so bold and italic show as they print.
    let styled = styled_lines(&old);
    let look = super::rich::Look::body(ui, egui::FontFamily::Proportional);
    let mut layouter = |ui: &Ui, buffer: &dyn egui::TextBuffer, wrap_width: f32| {
        let edited;
        let rich = if buffer.as_str() == old_text {
            &styled
        } else {
            edited = apply_text_edit(&styled, &old_text, buffer.as_str());
            &edited
        };
        let mut job = super::rich::layout_job(rich, &look);
        job.wrap.max_width = wrap_width;
        ui.fonts_mut(|f| f.layout_job(job))
    };
    let output = egui::TextEdit::multiline(&mut text)
        .id(place.id)
        .desired_rows(2)
        .desired_width(place.width)
        .layouter(&mut layouter)
        .show(ui);
    let response = output.response.response.clone();
    if let Some(fix) = super::spelling::mark(ui, &output, &text, cx) {
        text = super::spelling::fixed(&text, &fix);
    }
    name_widget(ui, &response, place.name);
    response
        .clone()
        .on_hover_text("Start a line with • for a list item; indent two spaces to nest it");
    if text != old_text {
        *cell = Cell(rebuild(&old, &text));
        *changed = true;
        cx.typed(place.id);
    }
    response
}

/// The band picker and label; what changed, if anything: `Some(None)`
/// for a band picked (a step), `Some(Some(id))` for the label typed into.
fn rating_picker(
    ui: &mut Ui,
    rating: &mut Option<Rating>,
    place: &CellPlace<'_>,
    scale: &[RatingBand],
) -> Option<Option<Id>> {
    let mut changed = None;
    let band = rating.as_ref().map_or(0, |r| r.band);
    ui.horizontal(|ui| {
        let mut picked = band;
        let response = egui::ComboBox::from_id_salt(place.id.with("band"))
            .width(64.0)
            .selected_text(band_text(band, scale, ui))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut picked, 0, "No rating");
                for b in 1..=5u8 {
                    let label = scale
                        .iter()
                        .find(|s| s.band == b)
                        .and_then(|s| s.labels.first())
                        .map_or(String::new(), |l| format!(" {l}"));
                    let mut text = band_text(b, scale, ui);
                    text.append(
                        &label,
                        0.0,
                        egui::TextFormat::simple(
                            egui::TextStyle::Body.resolve(ui.style()),
                            ui.visuals().text_color(),
                        ),
                    );
                    ui.selectable_value(&mut picked, b, text);
                }
            })
            .response;
        name_widget(ui, &response, &format!("{} rating band", place.name));
        if picked != band {
            changed = Some(None);
            *rating = (picked > 0).then(|| {
                let old_label = rating.as_ref().map_or(String::new(), |r| r.label.clone());
                // The scale's wording for the new band, unless the author wrote their own.
                let was_scale_label = old_label.trim().is_empty()
                    || scale.iter().any(|s| {
                        s.labels
                            .iter()
                            .any(|l| l.eq_ignore_ascii_case(old_label.trim()))
                    });
                let label = if was_scale_label {
                    scale
                        .iter()
                        .find(|s| s.band == picked)
                        .and_then(|s| s.labels.first())
                        .cloned()
                        .unwrap_or_default()
                } else {
                    old_label
                };
                Rating {
                    band: picked,
                    label,
                }
            });
        }
        if let Some(r) = rating.as_mut() {
            let response = ui.add(
                egui::TextEdit::singleline(&mut r.label)
                    .id(place.id.with("rating-label"))
                    .desired_width((place.width - super::table_widths::RATING_PICKER).max(40.0))
                    .hint_text("Label"),
            );
            name_widget(ui, &response, &format!("{} rating label", place.name));
            if response.changed() {
                changed = Some(Some(response.id));
            }
        }
    });
    changed
}

/// `●●●` in the band's colour from the plan's scale.
fn band_text(band: u8, scale: &[RatingBand], ui: &Ui) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::default();
    let font = egui::TextStyle::Body.resolve(ui.style());
    if band == 0 {
        job.append(
            "—",
            0.0,
            egui::TextFormat::simple(font, ui.visuals().weak_text_color()),
        );
        return job;
    }
    let colour = scale
        .iter()
        .find(|s| s.band == band)
        .and_then(|s| Color32::from_hex(&s.colour).ok())
        .unwrap_or(ui.visuals().text_color());
    job.append(
        &"●".repeat(band as usize),
        0.0,
        egui::TextFormat::simple(font, colour),
    );
    job
}
