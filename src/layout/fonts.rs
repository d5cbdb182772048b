//! The embedded DejaVu Sans faces and their metrics.
//!
//! printpdf draws each character with its glyph's advance and no kerning,
//! so summing advances here gives exactly the width a viewer draws.

use std::sync::OnceLock;

/// The four faces of the one font family every PDF uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Face {
    pub const ALL: [Face; 4] = [Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic];

    pub fn styled(bold: bool, italic: bool) -> Face {
        match (bold, italic) {
            (false, false) => Face::Regular,
            (true, false) => Face::Bold,
            (false, true) => Face::Italic,
            (true, true) => Face::BoldItalic,
        }
    }

    pub fn is_bold(self) -> bool {
        matches!(self, Face::Bold | Face::BoldItalic)
    }

    pub fn is_italic(self) -> bool {
        matches!(self, Face::Italic | Face::BoldItalic)
    }

    /// The TrueType bytes, embedded in the binary so every platform prints alike.
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => include_bytes!("../../assets/fonts/DejaVuSans.ttf"),
            Face::Bold => include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf"),
            Face::Italic => include_bytes!("../../assets/fonts/DejaVuSans-Oblique.ttf"),
            Face::BoldItalic => include_bytes!("../../assets/fonts/DejaVuSans-BoldOblique.ttf"),
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    fn metrics(self) -> &'static FaceMetrics {
        static METRICS: OnceLock<[FaceMetrics; 4]> = OnceLock::new();
        &METRICS.get_or_init(|| Face::ALL.map(FaceMetrics::load))[self.index()]
    }

    /// The width of `text` at `size` points.
    pub fn width(self, text: &str, size: f32) -> f32 {
        let metrics = self.metrics();
        text.chars().map(|c| metrics.advance(c)).sum::<f32>() * size
    }

    /// The width of one character at `size` points.
    pub fn char_width(self, c: char, size: f32) -> f32 {
        self.metrics().advance(c) * size
    }

    /// True when the face has a glyph for `c` (otherwise the PDF shows a box).
    pub fn has_glyph(self, c: char) -> bool {
        c.is_whitespace() || self.metrics().has_glyph(c)
    }
}

/// How far the tallest glyphs reach above the baseline, as a fraction of
/// the font size (DejaVu's ascender).
pub const ASCENT: f32 = 0.93;
/// How far descenders reach below the baseline, as a fraction of the size.
pub const DESCENT: f32 = 0.24;

/// Characters below this are looked up in a table; the rest in the cmap.
const TABLE_SIZE: usize = 0x3000;
/// Marks a character the face has no glyph for.
const MISSING: f32 = -1.0;

struct FaceMetrics {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
    /// Advance in ems for each character below `TABLE_SIZE`, or `MISSING`.
    advances: Vec<f32>,
    /// The advance of the "missing glyph" box that replaces unknown characters.
    notdef_advance: f32,
}

impl FaceMetrics {
    fn load(face: Face) -> FaceMetrics {
        let parsed = ttf_parser::Face::parse(face.bytes(), 0).expect("embedded font parses");
        let units_per_em = f32::from(parsed.units_per_em());
        let advance_of = |gid| {
            parsed
                .glyph_hor_advance(gid)
                .map_or(0.0, |a| f32::from(a) / units_per_em)
        };
        let notdef_advance = advance_of(ttf_parser::GlyphId(0));
        let advances = (0..TABLE_SIZE as u32)
            .map(|cp| {
                char::from_u32(cp)
                    .and_then(|c| parsed.glyph_index(c))
                    .map_or(MISSING, advance_of)
            })
            .collect();
        FaceMetrics {
            face: parsed,
            units_per_em,
            advances,
            notdef_advance,
        }
    }

    fn lookup(&self, c: char) -> f32 {
        match self.advances.get(c as usize) {
            Some(&advance) => advance,
            None => self.face.glyph_index(c).map_or(MISSING, |gid| {
                self.face
                    .glyph_hor_advance(gid)
                    .map_or(0.0, |a| f32::from(a) / self.units_per_em)
            }),
        }
    }

    fn advance(&self, c: char) -> f32 {
        match self.lookup(c) {
            MISSING => self.notdef_advance,
            advance => advance,
        }
    }

    fn has_glyph(&self, c: char) -> bool {
        self.lookup(c) != MISSING
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_with_the_fonts_own_advances() {
        let face = ttf_parser::Face::parse(Face::Regular.bytes(), 0).unwrap();
        let units = |c| {
            f32::from(
                face.glyph_hor_advance(face.glyph_index(c).unwrap())
                    .unwrap(),
            )
        };
        let expected = (units('H') + units('i')) / f32::from(face.units_per_em()) * 10.0;
        assert!((Face::Regular.width("Hi", 10.0) - expected).abs() < 1e-4);
        // DejaVu's em is 2048 units; its "H" is three quarters of an em wide.
        assert!((Face::Regular.width("H", 10.0) - 7.52).abs() < 0.01);
        assert!(Face::Bold.width("Hi", 10.0) > Face::Regular.width("Hi", 10.0));
    }

    #[test]
    fn covers_the_characters_plans_use() {
        for face in Face::ALL {
            for c in "£€●▪•èé½“”‘’–—".chars() {
                assert!(face.has_glyph(c), "{face:?} lacks {c}");
            }
        }
        assert!(!Face::Regular.has_glyph('中'));
    }
}
