//! The embedded Liberation Sans faces and their metrics.
//!
//! Liberation Sans is metric-compatible with Arial, which councils write
//! in, covers every character plans use (£ € ½ curly quotes, dashes and
//! the rating dots ● ○), and its figures are all one width, so columns of
//! numbers line up. printpdf draws each character with its glyph's advance
//! and no kerning, so summing advances here gives exactly the width a
//! viewer draws.

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
            Face::Regular => include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf"),
            Face::Bold => include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf"),
            Face::Italic => include_bytes!("../../assets/fonts/LiberationSans-Italic.ttf"),
            Face::BoldItalic => include_bytes!("../../assets/fonts/LiberationSans-BoldItalic.ttf"),
        }
    }

    /// Each face is measured the first time it is used: a plan in one
    /// face never reads the other three.
    fn metrics(self) -> &'static FaceMetrics {
        static METRICS: [OnceLock<FaceMetrics>; 4] = [const { OnceLock::new() }; 4];
        METRICS[self as usize].get_or_init(|| FaceMetrics::load(self))
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

    /// The glyph that draws `c`, if the face has one.
    pub fn glyph(self, c: char) -> Option<u16> {
        let metrics = self.metrics();
        match metrics.glyphs.get(c as usize) {
            Some(&0) => None,
            Some(&gid) => Some(gid),
            None => metrics.face.glyph_index(c).map(|gid| gid.0),
        }
    }

    /// True when the face has a glyph for `c` (otherwise the PDF shows a box).
    pub fn has_glyph(self, c: char) -> bool {
        c.is_whitespace() || self.metrics().has_glyph(c)
    }
}

/// How far the tallest glyphs reach above the baseline, as a fraction of
/// the font size (Liberation Sans's ascender, 1854 of 2048 units).
pub const ASCENT: f32 = 0.905;
/// How far descenders reach below the baseline (434 of 2048 units).
pub const DESCENT: f32 = 0.212;

/// Characters below this are looked up in a table; the rest in the cmap.
/// It covers Latin, punctuation, currency and the geometric shapes.
const TABLE_SIZE: usize = 0x2600;
/// Marks a character the face has no glyph for.
const MISSING: f32 = -1.0;

struct FaceMetrics {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
    /// Advance in ems for each character below `TABLE_SIZE`, or `MISSING`.
    advances: Vec<f32>,
    /// The glyph for each character below `TABLE_SIZE`, 0 for none.
    glyphs: Vec<u16>,
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
        // Walk the characters the font maps (a few thousand) rather than
        // look up every code point below the table's end.
        let mut advances = vec![MISSING; TABLE_SIZE];
        let mut glyphs = vec![0; TABLE_SIZE];
        let unicode = parsed
            .tables()
            .cmap
            .into_iter()
            .flat_map(|cmap| cmap.subtables)
            .filter(|subtable| subtable.is_unicode());
        for subtable in unicode {
            subtable.codepoints(|cp| {
                if let Some(slot) = advances.get_mut(cp as usize)
                    && *slot == MISSING
                    && let Some(gid) = subtable.glyph_index(cp)
                {
                    *slot = advance_of(gid);
                    glyphs[cp as usize] = gid.0;
                }
            });
        }
        FaceMetrics {
            face: parsed,
            units_per_em,
            advances,
            glyphs,
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

    fn parsed(face: Face) -> ttf_parser::Face<'static> {
        ttf_parser::Face::parse(face.bytes(), 0).unwrap()
    }

    #[test]
    fn measures_with_the_fonts_own_advances() {
        let face = parsed(Face::Regular);
        let units = |c| {
            f32::from(
                face.glyph_hor_advance(face.glyph_index(c).unwrap())
                    .unwrap(),
            )
        };
        let expected = (units('H') + units('i')) / f32::from(face.units_per_em()) * 10.0;
        assert!((Face::Regular.width("Hi", 10.0) - expected).abs() < 1e-4);
        // Arial's metrics: "H" is 1479 of 2048 units wide.
        assert!((Face::Regular.width("H", 10.0) - 7.22).abs() < 0.01);
        assert!(Face::Bold.width("Hi", 10.0) > Face::Regular.width("Hi", 10.0));
        // Beyond the table, the cmap answers.
        assert!(!Face::Regular.has_glyph('中'));
    }

    #[test]
    fn the_table_agrees_with_the_cmap_for_every_character() {
        for face in Face::ALL {
            let font = parsed(face);
            for c in (0..TABLE_SIZE as u32).filter_map(char::from_u32) {
                assert_eq!(
                    face.metrics().has_glyph(c),
                    font.glyph_index(c).is_some(),
                    "{face:?} {c:?}"
                );
                assert_eq!(
                    face.glyph(c),
                    font.glyph_index(c).map(|g| g.0),
                    "{face:?} {c:?}"
                );
            }
        }
    }

    #[test]
    fn covers_the_characters_plans_use() {
        for face in Face::ALL {
            for c in "£€●○▪•□èé½“”‘’–—…·".chars() {
                assert!(face.has_glyph(c), "{face:?} lacks {c}");
            }
        }
    }

    #[test]
    fn figures_are_tabular_in_every_face() {
        for face in Face::ALL {
            let zero = face.char_width('0', 10.0);
            for c in "123456789".chars() {
                assert_eq!(face.char_width(c, 10.0), zero, "{face:?} {c}");
            }
        }
    }

    #[test]
    fn ascent_and_descent_are_the_fonts_own() {
        for face in Face::ALL {
            let font = parsed(face);
            let em = f32::from(font.units_per_em());
            assert!((f32::from(font.ascender()) / em - ASCENT).abs() < 0.001);
            assert!((-f32::from(font.descender()) / em - DESCENT).abs() < 0.001);
        }
    }
}
