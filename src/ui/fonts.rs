//! The print faces (Liberation Sans), so styled text on screen matches the
//! PDF, and DejaVu Sans as a fallback for the symbols neither egui's own
//! fonts nor Liberation have (● ▪ in egui's; ⚠ ✕ ⌘ ⇥ in Liberation).

use crate::layout::Face;
use egui::{FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

pub const REGULAR: &str = "LiberationSans";
pub const BOLD: &str = "LiberationSans-Bold";
pub const ITALIC: &str = "LiberationSans-Italic";
pub const BOLD_ITALIC: &str = "LiberationSans-BoldItalic";
const SYMBOLS: &str = "DejaVuSans";

const FACES: [(&str, Face); 4] = [
    (REGULAR, Face::Regular),
    (BOLD, Face::Bold),
    (ITALIC, Face::Italic),
    (BOLD_ITALIC, Face::BoldItalic),
];

/// Registers the faces; call before the first frame (the app's creation
/// context and every test harness).
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        SYMBOLS.to_owned(),
        Arc::new(FontData::from_static(include_bytes!(
            "../../assets/fonts/DejaVuSans.ttf"
        ))),
    );
    for (name, face) in FACES {
        fonts.font_data.insert(
            name.to_owned(),
            Arc::new(FontData::from_static(face.bytes())),
        );
        fonts.families.insert(
            FontFamily::Name(name.into()),
            vec![name.to_owned(), SYMBOLS.to_owned()],
        );
    }
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push(SYMBOLS.to_owned());
    }
    ctx.set_fonts(fonts);
}
