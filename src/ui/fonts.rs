//! The bundled DejaVu faces: a fallback for glyphs egui's own fonts lack
//! (● ▪ £ –), and the faces styled text is shown in, matching the PDF.

use egui::{FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

pub const REGULAR: &str = "DejaVuSans";
pub const BOLD: &str = "DejaVuSans-Bold";
pub const ITALIC: &str = "DejaVuSans-Oblique";
pub const BOLD_ITALIC: &str = "DejaVuSans-BoldOblique";

const FACES: [(&str, &[u8]); 4] = [
    (REGULAR, include_bytes!("../../assets/fonts/DejaVuSans.ttf")),
    (
        BOLD,
        include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf"),
    ),
    (
        ITALIC,
        include_bytes!("../../assets/fonts/DejaVuSans-Oblique.ttf"),
    ),
    (
        BOLD_ITALIC,
        include_bytes!("../../assets/fonts/DejaVuSans-BoldOblique.ttf"),
    ),
];

/// Registers the faces; call before the first frame (the app's creation
/// context and every test harness).
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    for (name, bytes) in FACES {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
        fonts
            .families
            .insert(FontFamily::Name(name.into()), vec![name.to_owned()]);
    }
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push(REGULAR.to_owned());
    }
    ctx.set_fonts(fonts);
}
