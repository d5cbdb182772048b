//! Editing one table cell: a plain field for simple cells (figures, names,
//! dates), a lines editor for cells holding lists, and a rating band
//! picker. Whatever the editor does not show is kept as it was.

use super::rich::{apply_text_edit, split_lines};
use super::{EditContext, name_widget};
use crate::model::figure::{self, Decimal, Written};
use crate::model::{
    Cell, CellBlock, ColumnKind, List, ListItem, ListStyle, Rating, RatingBand, Rich, RowKind,
};
use egui::{Align, Color32, Id, Response, RichText, Ui};

/// What a cell editor needs to know about its place.
pub struct CellPlace<'a> {
    pub name: &'a str,
    pub id: Id,
    pub kind: ColumnKind,
    pub row_kind: RowKind,
    pub width: f32,
    /// The computed sum, for a stated subtotal or total.
    pub computed: Option<Decimal>,
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
                super::Change::Typing(id) => cx.typed(id),
                super::Change::Step => cx.step(),
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
        edit = edit.background_color(tint(
            ui.visuals().error_fg_color,
            ui.visuals().extreme_bg_color,
        ));
    }
    let response = ui.add(edit);
    name_widget(ui, &response, place.name);
    if response.changed() {
        *cell = Cell::text(text.clone());
        *changed = true;
        cx.typed(place.id);
    }
    if not_a_figure {
        ui.label(
            RichText::new("Not a figure (kept as typed)")
                .small()
                .color(ui.visuals().error_fg_color),
        );
    }
    if let Some(sum) = place.computed {
        computed_sum(ui, figure::read(&text), sum);
    }
    response
}

/// `Σ 1,234.5` under a stated total: muted when it agrees, red when not.
fn computed_sum(ui: &mut Ui, stated: Written, sum: Decimal) {
    let (colour, hover) = match stated {
        Written::Figure(s) if s.same_value(sum) => (
            ui.visuals().weak_text_color(),
            format!("The rows add up to {sum}, as stated"),
        ),
        Written::Figure(s) => (
            ui.visuals().error_fg_color,
            format!("Stated {s}, but the rows add up to {sum}"),
        ),
        _ => (
            ui.visuals().weak_text_color(),
            format!("The rows add up to {sum}; no total is stated"),
        ),
    };
    ui.with_layout(egui::Layout::right_to_left(Align::TOP), |ui| {
        ui.label(RichText::new(format!("Σ {sum}")).small().color(colour))
            .on_hover_text(hover);
    });
}

fn tint(colour: Color32, base: Color32) -> Color32 {
    base.lerp_to_gamma(colour, 0.18)
}

/// One line of a rich cell: a paragraph line or a list item.
#[derive(Clone, Debug, PartialEq)]
struct Line {
    /// `Some(depth)` for a list item.
    item: Option<usize>,
    text: Rich,
    marker: String,
    style: ListStyle,
}

/// A cell as lines: paragraphs' lines as they are, list items as
/// `• text`, nested items indented two spaces a level.
fn cell_lines(cell: &Cell) -> Vec<Line> {
    fn items(list: &List, depth: usize, out: &mut Vec<Line>) {
        for item in &list.items {
            out.push(Line {
                item: Some(depth),
                text: item.text.clone(),
                marker: item.marker.clone(),
                style: list.style,
            });
            items(&item.children, depth + 1, out);
        }
    }
    let mut out = Vec::new();
    for block in &cell.0 {
        match block {
            CellBlock::Para(rich) => out.extend(split_lines(rich).into_iter().map(|text| Line {
                item: None,
                text,
                marker: String::new(),
                style: ListStyle::Bullet,
            })),
            CellBlock::List(list) => items(list, 0, &mut out),
            CellBlock::Rating(_) => {}
        }
    }
    out
}

fn line_text(line: &Line) -> String {
    match line.item {
        None => line.text.to_plain(),
        Some(depth) => format!(
            "{}• {}",
            "  ".repeat(depth),
            line.text.to_plain().replace('\n', " ")
        ),
    }
}

/// Parses `  • text` into (Some(1), "text").
fn parse_line(line: &str) -> (Option<usize>, &str) {
    let trimmed = line.trim_start_matches(' ');
    let indent = line.len() - trimmed.len();
    match trimmed.strip_prefix('•') {
        Some(rest) => (Some(indent / 2), rest.strip_prefix(' ').unwrap_or(rest)),
        None => (None, line),
    }
}

/// The cell's blocks from edited text, keeping each line's styles and
/// markers from the line that was in its place before.
fn rebuild(old: &[Line], text: &str) -> Vec<CellBlock> {
    let mut lines = Vec::new();
    let mut previous_depth: Option<usize> = None;
    for (i, raw) in text.split('\n').enumerate() {
        let (item, body) = parse_line(raw);
        // An item can be at most one level deeper than the one before it.
        // Nor deeper than the model's limit (depth 0 is level 1).
        let item = item.map(|d| {
            d.min(previous_depth.map_or(0, |p| p + 1))
                .min(crate::model::nesting::MAX_NESTING - 1)
        });
        previous_depth = item;
        let before = old.get(i);
        let base = before.map_or_else(Rich::default, |l| l.text.clone());
        let base_text = before.map_or_else(String::new, |l| l.text.to_plain());
        let same_kind = before.is_some_and(|l| l.item.is_some() == item.is_some());
        lines.push(Line {
            item,
            text: if same_kind {
                apply_text_edit(&base, &base_text, body)
            } else {
                Rich::plain(body)
            },
            marker: before
                .filter(|_| same_kind)
                .map_or_else(String::new, |l| l.marker.clone()),
            style: before.filter(|l| l.item == item).map_or(
                if item.unwrap_or(0) == 0 {
                    ListStyle::Bullet
                } else {
                    ListStyle::Dash
                },
                |l| l.style,
            ),
        });
    }
    let mut blocks = Vec::new();
    let mut paragraph: Vec<Rich> = Vec::new();
    let mut list: Option<List> = None;
    for line in lines {
        match line.item {
            None => {
                if let Some(l) = list.take() {
                    blocks.push(CellBlock::List(l));
                }
                paragraph.push(line.text);
                // Each paragraph line is its own paragraph.
                blocks.push(CellBlock::Para(paragraph.pop().unwrap_or_default()));
            }
            Some(depth) => {
                let root = list.get_or_insert_with(|| List {
                    style: line.style,
                    items: Vec::new(),
                });
                let mut target = root;
                for _ in 0..depth {
                    if target.items.is_empty() {
                        break;
                    }
                    let last = target.items.len() - 1;
                    let children = &mut target.items[last].children;
                    if children.items.is_empty() {
                        children.style = line.style;
                    }
                    target = children;
                }
                target.items.push(ListItem {
                    marker: line.marker,
                    text: line.text,
                    children: List::default(),
                });
            }
        }
    }
    if let Some(l) = list {
        blocks.push(CellBlock::List(l));
    }
    // A cell with nothing left in it is empty, not one empty paragraph.
    if blocks
        .iter()
        .all(|b| matches!(b, CellBlock::Para(r) if r.is_empty() && r.to_plain().is_empty()))
    {
        blocks.clear();
    }
    blocks
}

/// All the lines as one styled text, markers and indents unstyled.
fn styled_lines(lines: &[Line]) -> Rich {
    let mut spans = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            spans.push(crate::model::Span::plain("\n"));
        }
        if let Some(depth) = line.item {
            spans.push(crate::model::Span::plain(format!(
                "{}• ",
                "  ".repeat(depth)
            )));
        }
        spans.extend(line.text.0.iter().map(|span| crate::model::Span {
            text: span.text.replace('\n', " "),
            ..span.clone()
        }));
    }
    Rich(spans).normalized()
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
    let response = egui::TextEdit::multiline(&mut text)
        .id(place.id)
        .desired_rows(2)
        .desired_width(place.width)
        .layouter(&mut layouter)
        .show(ui)
        .response
        .response;
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

/// The band picker and label; what changed, if anything (a band picked
/// is a step, the label typed into is typing).
fn rating_picker(
    ui: &mut Ui,
    rating: &mut Option<Rating>,
    place: &CellPlace<'_>,
    scale: &[RatingBand],
) -> Option<super::Change> {
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
            changed = Some(super::Change::Step);
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
                    .desired_width((place.width - 78.0).max(40.0))
                    .hint_text("Label"),
            );
            name_widget(ui, &response, &format!("{} rating label", place.name));
            if response.changed() {
                changed = Some(super::Change::Typing(response.id));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn rich_cell() -> Cell {
        Cell(vec![
            CellBlock::Para(Rich(vec![
                Span {
                    text: "Lead:".into(),
                    bold: true,
                    ..Span::default()
                },
                Span::plain(" all"),
            ])),
            CellBlock::List(List {
                style: ListStyle::Dash,
                items: vec![
                    ListItem {
                        marker: "a)".into(),
                        text: "one".into(),
                        children: List {
                            style: ListStyle::Bullet,
                            items: vec![ListItem::new("deep")],
                        },
                    },
                    ListItem::new("two"),
                ],
            }),
        ])
    }

    #[test]
    fn unchanged_text_rebuilds_the_same_cell() {
        let cell = rich_cell();
        let lines = cell_lines(&cell);
        let text: Vec<String> = lines.iter().map(line_text).collect();
        assert_eq!(text, ["Lead: all", "• one", "  • deep", "• two"]);
        assert_eq!(Cell(rebuild(&lines, &text.join("\n"))), cell);
    }

    #[test]
    fn edits_keep_styles_markers_and_list_styles() {
        let cell = rich_cell();
        let lines = cell_lines(&cell);
        let blocks = rebuild(&lines, "Lead: all staff\n• one\n  • deep\n• two\n• three");
        let CellBlock::Para(p) = &blocks[0] else {
            panic!()
        };
        assert!(p.0[0].bold);
        assert_eq!(p.to_plain(), "Lead: all staff");
        let CellBlock::List(l) = &blocks[1] else {
            panic!()
        };
        assert_eq!(l.style, ListStyle::Dash);
        assert_eq!(l.items[0].marker, "a)");
        assert_eq!(l.items[2].text.to_plain(), "three");
        assert_eq!(l.items[0].children.items[0].text.to_plain(), "deep");
    }

    #[test]
    fn the_styled_text_is_the_edited_text() {
        let lines = cell_lines(&rich_cell());
        let text: Vec<String> = lines.iter().map(line_text).collect();
        let styled = styled_lines(&lines);
        assert_eq!(styled.to_plain(), text.join("\n"));
        assert!(styled.0[0].bold, "Lead: stays bold");
    }

    #[test]
    fn clearing_a_rich_cell_empties_it() {
        assert!(rebuild(&cell_lines(&rich_cell()), "").is_empty());
    }

    #[test]
    fn too_deep_items_are_clamped() {
        let blocks = rebuild(&[], "    • x");
        let CellBlock::List(l) = &blocks[0] else {
            panic!()
        };
        assert_eq!(l.items[0].text.to_plain(), "x");
    }
}
