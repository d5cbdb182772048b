//! The embedded fonts: each face the pages use, subset to the glyphs they
//! use (printpdf's subsetter), as a Type0 font with Identity-H encoding,
//! its widths, and a ToUnicode map so the text can be searched and copied.

use super::PdfError;
use super::file::integer;
use crate::layout::{Document, Face};
use lopdf::{Dictionary, Object, Stream};
use std::collections::BTreeMap;

/// One face's subset: which glyphs, and the code each is written with.
pub struct Subset {
    /// The font's name in the pages' resources (`F0`).
    pub resource: String,
    face: Face,
    /// Glyph id -> code in the subset (its position: .notdef is 0).
    codes: Vec<u16>,
    /// The glyphs used, ascending, each with a character it draws.
    used: BTreeMap<u16, char>,
}

/// The subsets of the faces a document uses.
pub struct Subsets(Vec<Subset>);

impl Subsets {
    /// Collects the glyphs each face draws across the document.
    pub fn of(document: &Document) -> Subsets {
        // Per face, a character for each glyph it draws (indexed by glyph).
        let mut drawn: [Vec<Option<char>>; 4] = Default::default();
        for run in document.pages.iter().flat_map(|page| page.text_runs()) {
            let glyphs = &mut drawn[run.face as usize];
            // A space too: the writer ends lines with one (see `content`).
            for c in run.text.chars().chain([' ']) {
                let gid = usize::from(run.face.glyph(c).unwrap_or(0));
                if gid >= glyphs.len() {
                    glyphs.resize(gid + 1, None);
                }
                glyphs[gid].get_or_insert(c);
            }
        }
        let subsets = (Face::ALL.into_iter().zip(drawn))
            .filter(|(_, glyphs)| !glyphs.is_empty())
            .enumerate()
            .map(|(i, (face, glyphs))| {
                let used: BTreeMap<u16, char> = (glyphs.iter().enumerate().skip(1))
                    .filter_map(|(gid, c)| Some((gid as u16, (*c)?)))
                    .collect();
                let mut codes = vec![0u16; glyphs.len()];
                for (code, &gid) in used.keys().enumerate() {
                    codes[usize::from(gid)] = code as u16 + 1;
                }
                Subset {
                    resource: format!("F{i}"),
                    face,
                    codes,
                    used,
                }
            })
            .collect();
        Subsets(subsets)
    }

    pub fn get(&self, face: Face) -> Option<&Subset> {
        self.0.iter().find(|s| s.face == face)
    }

    /// Adds each subset's font objects to `doc` and names them in `fonts`
    /// (the pages' shared font resources).
    pub fn embed(&self, doc: &mut lopdf::Document, fonts: &mut Dictionary) -> Result<(), PdfError> {
        for subset in &self.0 {
            let font = subset.font_object(doc)?;
            fonts.set(subset.resource.as_str(), font);
        }
        Ok(())
    }
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

fn hex4(out: &mut Vec<u8>, value: u16) {
    let nibble = |shift: u16| HEX[usize::from((value >> shift) & 0xF)];
    out.extend_from_slice(&[nibble(12), nibble(8), nibble(4), nibble(0)]);
}

impl Subset {
    /// Writes `text` (and a space after it when `spaced`) as a hex
    /// string of subset codes.
    pub fn encode(&self, text: &str, spaced: bool, out: &mut Vec<u8>) {
        out.push(b'<');
        let space = spaced.then_some(' ');
        for c in text.chars().chain(space) {
            let gid = self.face.glyph(c).unwrap_or(0);
            hex4(out, self.codes.get(usize::from(gid)).copied().unwrap_or(0));
        }
        out.push(b'>');
    }

    /// The Type0 font, its CID font, descriptor, font file and ToUnicode
    /// map; returns the Type0 font's reference.
    fn font_object(&self, doc: &mut lopdf::Document) -> Result<Object, PdfError> {
        let face = self.face;
        let parsed = ttf_parser::Face::parse(face.bytes(), 0).map_err(|_| PdfError::Font(face))?;
        let source = super::parsed_font(face).ok_or(PdfError::Font(face))?;
        let glyphs: BTreeMap<u16, String> = self
            .used
            .iter()
            .map(|(&gid, &c)| (gid, c.to_string()))
            .collect();
        let subset = printpdf::subset_font(source, &glyphs).map_err(PdfError::Writer)?;

        let em = f32::from(parsed.units_per_em());
        let thousandths = |units: f32| (units * 1000.0 / em).round() as i64;
        let name = format!("{}+{}", subset_tag(face), postscript_name(face));
        let length = subset.bytes.len() as i64;
        let mut file = Stream::new(Dictionary::new(), subset.bytes);
        file.dict.set("Length1", length);
        let file = doc.add_object(file);
        let bbox = parsed.global_bounding_box();
        let mut flags = 32; // non-symbolic
        if face.is_italic() {
            flags |= 64;
        }
        let descriptor = Dictionary::from_iter(vec![
            ("Type", Object::Name(b"FontDescriptor".to_vec())),
            ("FontName", Object::Name(name.clone().into_bytes())),
            ("Flags", Object::Integer(flags)),
            (
                "FontBBox",
                Object::Array(
                    [bbox.x_min, bbox.y_min, bbox.x_max, bbox.y_max]
                        .map(|v| Object::Integer(thousandths(f32::from(v))))
                        .to_vec(),
                ),
            ),
            ("ItalicAngle", Object::Real(parsed.italic_angle())),
            (
                "Ascent",
                Object::Integer(thousandths(f32::from(parsed.ascender()))),
            ),
            (
                "Descent",
                Object::Integer(thousandths(f32::from(parsed.descender()))),
            ),
            (
                "CapHeight",
                Object::Integer(thousandths(f32::from(
                    parsed.capital_height().unwrap_or(parsed.ascender()),
                ))),
            ),
            (
                "StemV",
                Object::Integer(if face.is_bold() { 120 } else { 80 }),
            ),
            ("FontFile2", Object::Reference(file)),
        ]);
        let descriptor = doc.add_object(descriptor);
        // Widths of codes 1.. in order; .notdef (code 0) takes the default.
        let widths: Vec<Object> = self
            .used
            .keys()
            .map(|&gid| {
                let advance = parsed
                    .glyph_hor_advance(ttf_parser::GlyphId(gid))
                    .unwrap_or(0);
                Object::Integer(thousandths(f32::from(advance)))
            })
            .collect();
        let cid_font = Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Font".to_vec())),
            ("Subtype", Object::Name(b"CIDFontType2".to_vec())),
            ("BaseFont", Object::Name(name.clone().into_bytes())),
            (
                "CIDSystemInfo",
                Object::Dictionary(Dictionary::from_iter(vec![
                    ("Registry", Object::string_literal("Adobe")),
                    ("Ordering", Object::string_literal("Identity")),
                    ("Supplement", Object::Integer(0)),
                ])),
            ),
            ("FontDescriptor", Object::Reference(descriptor)),
            (
                "W",
                Object::Array(vec![Object::Integer(1), Object::Array(widths)]),
            ),
            ("CIDToGIDMap", Object::Name(b"Identity".to_vec())),
        ]);
        let cid_font = doc.add_object(cid_font);
        let to_unicode = doc.add_object(Stream::new(Dictionary::new(), self.to_unicode()));
        let font = Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Font".to_vec())),
            ("Subtype", Object::Name(b"Type0".to_vec())),
            ("BaseFont", Object::Name(name.into_bytes())),
            ("Encoding", Object::Name(b"Identity-H".to_vec())),
            (
                "DescendantFonts",
                Object::Array(vec![Object::Reference(cid_font)]),
            ),
            ("ToUnicode", Object::Reference(to_unicode)),
        ]);
        Ok(Object::Reference(doc.add_object(font)))
    }

    /// The CMap from codes back to characters.
    fn to_unicode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.used.len() * 16 + 400);
        out.extend_from_slice(
            b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
              /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
              /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
              1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
        );
        let chars: Vec<char> = self.used.values().copied().collect();
        for (block, chunk) in chars.chunks(100).enumerate() {
            integer(&mut out, chunk.len() as i64);
            out.extend_from_slice(b" beginbfchar\n");
            for (i, &c) in chunk.iter().enumerate() {
                out.push(b'<');
                hex4(&mut out, (block * 100 + i + 1) as u16);
                out.extend_from_slice(b"> <");
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    hex4(&mut out, *unit);
                }
                out.extend_from_slice(b">\n");
            }
            out.extend_from_slice(b"endbfchar\n");
        }
        out.extend_from_slice(
            b"endcmap\nCMapName currentdict /CMapName get exch defineresource pop\nend\nend\n",
        );
        out
    }
}

/// Six capitals before a subset font's name, one set per face.
fn subset_tag(face: Face) -> &'static str {
    match face {
        Face::Regular => "PWRTAA",
        Face::Bold => "PWRTAB",
        Face::Italic => "PWRTAC",
        Face::BoldItalic => "PWRTAD",
    }
}

fn postscript_name(face: Face) -> &'static str {
    match face {
        Face::Regular => "LiberationSans",
        Face::Bold => "LiberationSans-Bold",
        Face::Italic => "LiberationSans-Italic",
        Face::BoldItalic => "LiberationSans-BoldItalic",
    }
}
