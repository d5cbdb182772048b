//! Drawing styled text in a text field: the faces and colours of its
//! runs. The editing itself (diffing, toggling styles) is
//! [`crate::edit::rich`].

use crate::model::{Rich, Span};
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontFamily, FontId, Stroke};

/// Font families for styled runs; registered by [`super::install_fonts`].
pub fn family(bold: bool, italic: bool) -> FontFamily {
    FontFamily::Name(
        match (bold, italic) {
            (false, false) => super::fonts::REGULAR,
            (true, false) => super::fonts::BOLD,
            (false, true) => super::fonts::ITALIC,
            (true, true) => super::fonts::BOLD_ITALIC,
        }
        .into(),
    )
}

/// How styled text is drawn: its size, colours, and the face of its
/// unstyled runs (Liberation Sans in paragraphs, as printed; the UI's own face in
/// table cells, to match the cells beside them).
pub struct Look {
    pub size: f32,
    pub colour: Color32,
    pub link: Color32,
    pub underline: Color32,
    pub plain: FontFamily,
}

impl Look {
    /// The look of body text in `ui`, unstyled runs in `plain`.
    pub fn body(ui: &egui::Ui, plain: FontFamily) -> Self {
        Look {
            size: egui::TextStyle::Body.resolve(ui.style()).size,
            // The text field paints placeholder-coloured text in its own
            // colour, so styled text matches the plain fields around it.
            colour: Color32::PLACEHOLDER,
            link: ui.visuals().hyperlink_color,
            underline: ui.visuals().text_color(),
            plain,
        }
    }
}

/// The text laid out with its styles, for a text field's layouter.
pub fn layout_job(rich: &Rich, look: &Look) -> LayoutJob {
    let (size, color, link) = (look.size, look.colour, look.link);
    let face = |span: &Span| {
        if span.bold || span.italic {
            family(span.bold, span.italic)
        } else {
            look.plain.clone()
        }
    };
    let mut job = LayoutJob::default();
    for span in &rich.0 {
        let mut format = TextFormat {
            font_id: FontId::new(size, face(span)),
            color,
            ..TextFormat::default()
        };
        if span.superscript {
            format.font_id.size = size * 0.7;
            format.valign = egui::Align::TOP;
        }
        if span.underline || !span.link.is_empty() {
            let line = if span.link.is_empty() {
                look.underline
            } else {
                link
            };
            format.underline = Stroke::new(1.0, line);
        }
        if !span.link.is_empty() {
            format.color = link;
        }
        job.append(&span.text, 0.0, format);
    }
    if job.sections.is_empty() {
        // An empty job still needs a font for the cursor's height.
        job.append(
            "",
            0.0,
            TextFormat::simple(FontId::new(size, look.plain.clone()), color),
        );
    }
    job
}
