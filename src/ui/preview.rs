//! The print preview: draws the layout's pages with egui's painter, in the
//! print faces, at the layout's own positions, so what is on screen is
//! what the PDF prints. Clicks map back to the plan through each page's
//! `placed` record; nothing here lays anything out again.

use crate::layout::{Colour, Document, Item, Page, Part, Rect, TextRun};
use crate::model::Location;
use egui::{Color32, FontId, Pos2, Sense, Shape, Stroke, Ui, Vec2, pos2, vec2};

/// Room around and between pages, in screen points.
const GAP: f32 = 12.0;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Zoom {
    #[default]
    FitWidth,
    FitPage,
    /// One screen point per printer's point.
    Actual,
}

/// What the pane remembers between frames.
#[derive(Clone, Debug, Default)]
pub struct PreviewState {
    pub zoom: Zoom,
    /// A page (0-based) and a height on it to bring into view next frame.
    pub scroll_to: Option<(usize, f32)>,
    /// The page at the top of the view, for "Page X of Y".
    pub current_page: usize,
    /// The scale the pages were last drawn at.
    scale: f32,
    /// The page the strip last showed as current.
    strip_page: Option<usize>,
}

/// Something marked on a page: the selected block, or a warning.
pub struct Mark {
    pub page: usize,
    pub rect: Rect,
    /// Shown when hovered and read by screen readers; none for the selection.
    pub text: Option<String>,
}

/// What the author did in the preview this frame.
#[derive(Default)]
pub struct PreviewResponse {
    /// A click on a part of the plan on a page.
    pub clicked: Option<Location>,
}

/// Draws the zoom buttons, the page strip and the pages.
pub fn show(
    ui: &mut Ui,
    document: &Document,
    state: &mut PreviewState,
    marks: &[Mark],
    note: Option<&str>,
) -> PreviewResponse {
    let count = document.pages.len();
    ui.horizontal_wrapped(|ui| {
        for (zoom, text) in [
            (Zoom::FitWidth, "Fit width"),
            (Zoom::FitPage, "Fit page"),
            (Zoom::Actual, "100 %"),
        ] {
            if ui.selectable_label(state.zoom == zoom, text).clicked() {
                state.zoom = zoom;
                state.scroll_to = Some((state.current_page, 0.0));
            }
        }
        ui.separator();
        ui.label(format!("Page {} of {count}", state.current_page + 1));
        // On the same line, so the pages do not jump as it comes and goes.
        if let Some(note) = note {
            ui.separator();
            ui.label(egui::RichText::new(note).weak());
        }
    });
    page_strip(ui, count, state);
    ui.separator();

    let widest = document.pages.iter().map(|p| p.width).fold(1.0, f32::max);
    let tallest = document.pages.iter().map(|p| p.height).fold(1.0, f32::max);
    let room = ui.available_size() - vec2(2.0 * GAP + 14.0, 2.0 * GAP);
    let scale = match state.zoom {
        Zoom::FitWidth => room.x / widest,
        Zoom::FitPage => (room.x / widest).min(room.y / tallest),
        Zoom::Actual => 1.0,
    }
    .max(0.1);

    let mut response = PreviewResponse::default();
    // A new scale (zoom, a resized pane) keeps the page at the top in view.
    if (scale - state.scale).abs() > 0.001 {
        if state.scroll_to.is_none() && state.scale > 0.0 {
            state.scroll_to = Some((state.current_page, 0.0));
        }
        state.scale = scale;
    }
    // Scrolls by setting the offset: every page's height is known, so the
    // place is reached this frame, even before the area has seen the pages.
    let mut area = egui::ScrollArea::both()
        .id_salt("print preview")
        .auto_shrink([false, false]);
    if let Some((target, y)) = state.scroll_to.take() {
        let above: f32 = (document.pages.iter().take(target))
            .map(|p| p.height * scale + GAP)
            .sum();
        area = area.vertical_scroll_offset((GAP + above + y * scale - GAP).max(0.0));
    }
    area.show(ui, |ui| {
        // Pages and gaps only, so the offsets above add up.
        ui.spacing_mut().item_spacing.y = 0.0;
        let view = ui.clip_rect();
        let mut top_page = None;
        ui.add_space(GAP);
        for (index, page) in document.pages.iter().enumerate() {
            let size = vec2(page.width, page.height) * scale;
            let width = ui.available_width().max(size.x);
            let (row, _) = ui.allocate_exact_size(vec2(width, size.y), Sense::hover());
            let rect =
                egui::Rect::from_min_size(pos2(row.center().x - size.x / 2.0, row.min.y), size);
            let id = ui.scope_id().with(("preview page", index));
            let page_response = ui.interact(rect, id, Sense::click());
            let name = format!("Page {} of {count}", index + 1);
            super::set_accessible_name(ui, &page_response, &name);
            if top_page.is_none() && rect.bottom() > view.top() + view.height() * 0.3 {
                top_page = Some(index);
            }
            if ui.is_rect_visible(rect) {
                paint_page(ui.painter(), page, rect.min, scale);
                paint_marks(ui, marks, index, rect.min, scale);
            }
            if let Some(pointer) = page_response.interact_pointer_pos()
                && page_response.clicked()
            {
                let at = (pointer - rect.min) / scale;
                response.clicked = part_at(page, at.x, at.y);
            }
            ui.add_space(GAP);
        }
        let top_page = top_page.unwrap_or(count.saturating_sub(1));
        // The page number above and the strip were drawn with the old
        // page: draw again.
        if top_page != state.current_page {
            ui.ctx().request_repaint();
        }
        state.current_page = top_page;
    });
    response
}

/// A strip of page numbers to jump to, the current one highlighted.
fn page_strip(ui: &mut Ui, count: usize, state: &mut PreviewState) {
    // A scroll bar of its own under the numbers: a floating one covered
    // them and took the clicks meant for them.
    ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
    egui::ScrollArea::horizontal()
        .id_salt("page strip")
        .show(ui, |ui| {
            // The strip follows the pages only when the page changes, so
            // the author can scroll it to a page far away.
            let follow = state.strip_page != Some(state.current_page);
            state.strip_page = Some(state.current_page);
            ui.horizontal(|ui| {
                for index in 0..count {
                    let shown = state.current_page == index;
                    let button = ui.selectable_label(shown, (index + 1).to_string());
                    super::set_accessible_name(ui, &button, &format!("Go to page {}", index + 1));
                    if button.clicked() {
                        state.scroll_to = Some((index, 0.0));
                    } else if shown && follow {
                        button.scroll_to_me(None);
                    }
                }
            });
        });
}

/// The part of the plan at (`x`, `y`) points on `page`: a table row before
/// the block around it, the last drawn when parts overlap.
fn part_at(page: &Page, x: f32, y: f32) -> Option<Location> {
    let inside = |r: &Rect| x >= r.x && x <= r.right() && y >= r.y && y <= r.bottom();
    let mut hits = page.placed.iter().rev().filter(|p| inside(&p.rect));
    let row = hits.clone().find(|p| p.part == Part::Row);
    row.or_else(|| hits.next()).map(|p| p.place.clone())
}

fn colour(c: Colour) -> Color32 {
    let channel = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    Color32::from_rgb(channel(c.r), channel(c.g), channel(c.b))
}

fn at(origin: Pos2, scale: f32, x: f32, y: f32) -> Pos2 {
    origin + vec2(x, y) * scale
}

/// Paints one page: paper, then its items in order, as the PDF draws them.
pub fn paint_page(painter: &egui::Painter, page: &Page, origin: Pos2, scale: f32) {
    let paper = egui::Rect::from_min_size(origin, vec2(page.width, page.height) * scale);
    painter.rect_filled(
        paper.translate(vec2(2.0, 2.0)),
        0.0,
        Color32::from_black_alpha(60),
    );
    painter.rect_filled(paper, 0.0, Color32::WHITE);
    // A hairline is never thinner than a pixel, as in PDF viewers: thinner
    // lines were drawn faint (table grids all but vanished).
    let hairline = 1.0 / painter.pixels_per_point();
    let shapes = painter.fonts_mut(|fonts| page_shapes(fonts, page, origin, scale, hairline));
    painter.extend(shapes);
}

/// The shapes that draw `page`'s items with its top-left corner at
/// `origin`, `scale` screen points to a printer's point; no line thinner
/// than `hairline`.
pub fn page_shapes(
    fonts: &mut egui::epaint::text::FontsView<'_>,
    page: &Page,
    origin: Pos2,
    scale: f32,
    hairline: f32,
) -> Vec<Shape> {
    let mut shapes = Vec::with_capacity(page.items.len());
    for item in &page.items {
        match item {
            Item::Fill { rect, colour: c } => {
                let r = egui::Rect::from_min_size(
                    at(origin, scale, rect.x, rect.y),
                    vec2(rect.width, rect.height) * scale,
                );
                shapes.push(Shape::rect_filled(r, 0.0, colour(*c)));
            }
            Item::Line {
                from,
                to,
                width,
                colour: c,
            } => shapes.push(Shape::line_segment(
                [
                    at(origin, scale, from.0, from.1),
                    at(origin, scale, to.0, to.1),
                ],
                Stroke::new((width * scale).max(hairline), colour(*c)),
            )),
            Item::Text(run) => shapes.extend(text_shapes(fonts, run, origin, scale, hairline)),
            // Links are invisible on paper too.
            Item::Link { .. } => {}
        }
    }
    shapes
}

/// A run's glyphs with their baseline on the run's baseline, and its
/// underline and strike-through where the PDF writer draws them.
fn text_shapes(
    fonts: &mut egui::epaint::text::FontsView<'_>,
    run: &TextRun,
    origin: Pos2,
    scale: f32,
    hairline: f32,
) -> Vec<Shape> {
    if run.text.is_empty() {
        return Vec::new();
    }
    let family = super::rich::family(run.face.is_bold(), run.face.is_italic());
    let galley = fonts.layout_no_wrap(
        run.text.clone(),
        FontId::new(run.size * scale, family),
        colour(run.colour),
    );
    let baseline_in_galley = galley
        .rows
        .first()
        .and_then(|row| row.glyphs.first().map(|g| row.pos.y + g.pos.y))
        .unwrap_or(0.0);
    let start = at(origin, scale, run.x, run.baseline);
    let mut shapes = Vec::new();
    if run.rotation == 0.0 {
        let pos = start - vec2(0.0, baseline_in_galley);
        shapes.push(Shape::galley(pos, galley, colour(run.colour)));
    } else {
        // egui turns clockwise about the galley's top-left; the layout
        // turns anticlockwise about the baseline's start.
        let angle = -run.rotation.to_radians();
        let up = Vec2::new(angle.sin(), -angle.cos()) * baseline_in_galley;
        let text =
            egui::epaint::TextShape::new(start + up, galley, colour(run.colour)).with_angle(angle);
        shapes.push(Shape::Text(text));
    }
    let lines = [
        (run.underline, run.underline_y()),
        (run.strike, run.strike_y()),
    ];
    for (_, y) in lines.into_iter().filter(|(on, _)| *on) {
        shapes.push(Shape::line_segment(
            [
                at(origin, scale, run.x, y),
                at(origin, scale, run.x + run.width, y),
            ],
            Stroke::new(
                (run.rule_weight() * scale).max(hairline),
                colour(run.colour),
            ),
        ));
    }
    shapes
}

/// Frames the marks on page `index`; a warning's text shows on hover and
/// names it for screen readers.
fn paint_marks(ui: &Ui, marks: &[Mark], index: usize, origin: Pos2, scale: f32) {
    for (n, mark) in marks.iter().enumerate().filter(|(_, m)| m.page == index) {
        let rect = egui::Rect::from_min_size(
            at(origin, scale, mark.rect.x, mark.rect.y),
            vec2(mark.rect.width, mark.rect.height) * scale,
        )
        .expand(2.0);
        match &mark.text {
            None => {
                let fill = Color32::from_rgba_unmultiplied(60, 120, 220, 28);
                ui.painter().rect_filled(rect, 2.0, fill);
                let stroke = Stroke::new(1.5, Color32::from_rgb(60, 120, 220));
                ui.painter()
                    .rect_stroke(rect, 2.0, stroke, egui::StrokeKind::Outside);
            }
            Some(text) => {
                let amber = Color32::from_rgb(230, 140, 0);
                ui.painter().rect_stroke(
                    rect,
                    2.0,
                    Stroke::new(2.0, amber),
                    egui::StrokeKind::Outside,
                );
                let id = ui.scope_id().with(("preview warning", index, n));
                let response = ui.interact(rect, id, Sense::hover()).on_hover_text(text);
                super::set_accessible_name(ui, &response, &format!("Warning: {text}"));
            }
        }
    }
}
