//! The print preview pane in the window: keeps the layout current, follows
//! the section and place the author is at, turns clicks on a page into
//! the editor's place, and lists the print engine's warnings with the
//! findings.

use super::PlanwrightApp;
use crate::layout::{self, Place, Rect};
use crate::model::Location;
use crate::ui::preview::Mark;
use crate::ui::{Intent, Page};
use egui::{RichText, Ui};
use std::sync::Arc;

/// What the preview last scrolled to for the author.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Followed {
    page: Option<Page>,
    place: Option<Location>,
    /// The block holding the editor's keyboard, if any (set each frame).
    pub(super) editing: Option<Location>,
}

impl PlanwrightApp {
    /// The pages the preview shows, and the plan revision they are from.
    pub fn preview_pages(&self) -> Option<(u64, Arc<layout::Document>)> {
        let laid = self.preview.laid.as_ref()?;
        Some((laid.revision, laid.document.clone()))
    }

    /// The page (0-based) at the top of the preview.
    pub fn preview_page(&self) -> usize {
        self.preview.view.current_page
    }

    /// Keeps the layout current while the preview is shown; never waits.
    pub(super) fn tick_preview(&mut self, ctx: &egui::Context, time: f64) {
        if !self.prefs.show_preview {
            return;
        }
        let revision = self.doc.revision();
        if let Some(after) = self.preview.tick(self.doc.plan(), revision, time) {
            ctx.request_repaint_after(after);
        }
    }

    /// The place the editor is at: a jump's place, or the section shown.
    fn selected_place(&self) -> Option<Location> {
        match (&self.followed.place, &self.page) {
            (Some(place), _) => Some(place.clone()),
            (None, Page::Section(path)) => Some(Location::section(path)),
            (None, Page::Cover) => None,
        }
    }

    /// Scrolls the preview to the page the author moved to (a section
    /// opened, a place jumped to), once per move: new pages while typing
    /// leave the preview where the author has it.
    fn follow_author(&mut self) {
        let Some(laid) = &self.preview.laid else {
            return;
        };
        let jump = self.jump.as_ref().map(|(place, _, _)| place.clone());
        let page_moved = self.followed.page.as_ref() != Some(&self.page);
        let jumped = jump.is_some() && jump != self.followed.place;
        // Moving the keyboard into another block (a row of the block
        // followed already is no move: the author clicked it in the preview).
        let block = |l: &Location| (l.sections.clone(), l.block);
        let on_page = |l: &Location| matches!(&self.page, Page::Section(p) if *p == l.sections);
        let entered = match (&self.followed.editing, &self.followed.place) {
            // The keyboard still in a field of the page just left.
            (Some(editing), _) if !on_page(editing) => false,
            (Some(editing), Some(place)) => block(editing) != block(place),
            (Some(_), None) => true,
            (None, _) => false,
        };
        if !page_moved && !jumped && !entered {
            return;
        }
        self.followed.page = Some(self.page.clone());
        let editing = (self.followed.editing.clone()).filter(|l| !page_moved && on_page(l));
        self.followed.place = jump.or(editing);
        let document = &laid.document;
        self.preview.view.scroll_to = match self.selected_place() {
            None => Some((0, 0.0)),
            Some(place) => document.page_of(&Place::Body(place.clone())).map(|p| {
                let top = marked_rects(document, p, &place)
                    .map(|r| r.y)
                    .fold(f32::MAX, f32::min);
                (p, if top == f32::MAX { 0.0 } else { top })
            }),
        };
    }

    /// The preview pane: the pages, the selection and the warnings marked.
    pub(super) fn preview_panel(&mut self, ui: &mut Ui) -> Vec<Intent> {
        // A resizable panel keeps the width its contents took.
        ui.set_min_size(ui.available_size());
        self.follow_author();
        let note = self.preview.note(self.doc.revision());
        let Some(laid) = &self.preview.laid else {
            ui.label(note.unwrap_or_default());
            return Vec::new();
        };
        let document = laid.document.clone();
        let mut marks: Vec<Mark> = Vec::new();
        if let Some(place) = self.selected_place() {
            for (page, _) in document.pages.iter().enumerate() {
                marks.extend(marked_rects(&document, page, &place).map(|rect| Mark {
                    page,
                    rect,
                    text: None,
                }));
            }
        }
        marks.extend(warning_marks(&document, &laid.page_flow));
        let response = crate::ui::preview::show(
            ui,
            &document,
            &mut self.preview.view,
            &marks,
            note.as_deref(),
        );
        match response.clicked {
            Some(mut place) => {
                // A row opens with its first cell taking the keyboard.
                if place.row.is_some() && place.column.is_none() {
                    place.column = Some(0);
                }
                // The preview stays where the author clicked.
                self.followed.page = Some(Page::of(&place));
                self.followed.place = Some(place.clone());
                vec![Intent::Open(Page::of(&place), Some(place))]
            }
            None => Vec::new(),
        }
    }

    /// The print engine's warnings and page-flow problems, under the
    /// findings; a click shows the page and the place.
    pub(super) fn layout_findings(&mut self, ui: &mut Ui) -> Option<Intent> {
        let laid = self.preview.laid.as_ref()?;
        let document = laid.document.clone();
        let mut listed: Vec<(Option<usize>, layout::Warning)> = (document.warnings.iter())
            .map(|w| (document.page_of(&w.place), w.clone()))
            .collect();
        listed.extend(
            laid.page_flow
                .iter()
                .map(|f| (Some(f.page), f.warning.clone())),
        );
        let mut clicked = None;
        for (page, warning) in listed {
            ui.horizontal_wrapped(|ui| {
                let amber = egui::Color32::from_rgb(230, 140, 0);
                ui.label(RichText::new("⚠ On paper").color(amber));
                let on_page = page.map_or(String::new(), |p| format!("page {}: ", p + 1));
                let link = ui.link(format!("{on_page}{}", warning.message));
                if link.on_hover_text("Show this page").clicked() {
                    if let Some(p) = page {
                        self.preview.view.scroll_to = Some((p, 0.0));
                    }
                    if let Place::Body(location) = &warning.place {
                        clicked = Some(Intent::Open(Page::of(location), Some(location.clone())));
                    }
                }
            });
        }
        clicked
    }
}

/// The areas on `page` that print `place` (a section's heading when no
/// block is named).
fn marked_rects<'d>(
    document: &'d layout::Document,
    page: usize,
    place: &'d Location,
) -> impl Iterator<Item = Rect> + 'd {
    document.pages[page]
        .placed
        .iter()
        .filter(move |p| {
            p.place.sections == place.sections
                && match place.block {
                    None => p.part == layout::Part::Heading,
                    Some(block) => {
                        p.place.block == Some(block)
                            && (place.row.is_none() || p.place.row == place.row)
                    }
                }
        })
        .map(|p| p.rect)
}

/// The warnings framed on their pages: a page-flow problem frames the
/// page's body, a layout warning the part it names.
fn warning_marks(document: &layout::Document, page_flow: &[layout::FlowWarning]) -> Vec<Mark> {
    let settings = layout::PageSettings::default();
    let mut marks: Vec<Mark> = page_flow
        .iter()
        .map(|f| Mark {
            page: f.page,
            rect: settings.body_box(document.pages[f.page].orientation),
            text: Some(f.warning.message.clone()),
        })
        .collect();
    for warning in &document.warnings {
        let Some(page) = document.page_of(&warning.place) else {
            continue;
        };
        let rect = match &warning.place {
            Place::Body(location) => marked_rects(document, page, location).reduce(|a, b| {
                let (x, y) = (a.x.min(b.x), a.y.min(b.y));
                Rect {
                    x,
                    y,
                    width: a.right().max(b.right()) - x,
                    height: a.bottom().max(b.bottom()) - y,
                }
            }),
            _ => None,
        };
        let page_size = &document.pages[page];
        marks.push(Mark {
            page,
            rect: rect.unwrap_or(Rect {
                x: 0.0,
                y: 0.0,
                width: page_size.width,
                height: page_size.height,
            }),
            text: Some(warning.message.clone()),
        });
    }
    marks
}
