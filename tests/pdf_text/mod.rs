//! Reads the words back out of a PDF Planwright wrote: each page's text
//! operators decoded through its fonts' ToUnicode maps (lopdf's own text
//! extraction does not read Identity-H fonts). A new placement (`Tm`) or a
//! wide gap in a `TJ` array is a space.

#![allow(dead_code)] // each test file uses its own share of these

use lopdf::content::Content;
use lopdf::{Document, Object, ObjectId};
use std::collections::HashMap;

/// The text of each page, in drawing order.
pub fn page_texts(pdf: &Document) -> Vec<String> {
    pdf.get_pages()
        .values()
        .map(|&page| page_text(pdf, page))
        .collect()
}

/// A gap wider than this in a TJ array (thousandths of an em) is a space.
const SPACE_GAP: f32 = 150.0;

fn page_text(pdf: &Document, page: ObjectId) -> String {
    let maps: HashMap<Vec<u8>, HashMap<u16, String>> = pdf
        .get_page_fonts(page)
        .unwrap_or_default()
        .into_iter()
        .map(|(name, font)| (name, unicode_map(pdf, font)))
        .collect();
    let content = pdf.get_page_content(page);
    let content = Content::decode(&content).unwrap();
    let mut out = String::new();
    let mut font: Option<&HashMap<u16, String>> = None;
    let decode = |bytes: &[u8], font: Option<&HashMap<u16, String>>, out: &mut String| {
        let Some(map) = font else { return };
        for pair in bytes.chunks(2) {
            if let [hi, lo] = pair {
                let code = u16::from_be_bytes([*hi, *lo]);
                if let Some(text) = map.get(&code) {
                    out.push_str(text);
                }
            }
        }
    };
    for op in content.operations {
        match op.operator.as_str() {
            "Tf" => {
                font = op
                    .operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .and_then(|n| maps.get(n));
            }
            "Tm" | "Td" | "TD" | "T*" | "BT" => out.push(' '),
            "Tj" => {
                if let Some(Object::String(bytes, _)) = op.operands.first() {
                    decode(bytes, font, &mut out);
                }
            }
            "TJ" => {
                if let Some(Object::Array(items)) = op.operands.first() {
                    for item in items {
                        match item {
                            Object::String(bytes, _) => decode(bytes, font, &mut out),
                            other => {
                                let gap = other.as_float().unwrap_or(0.0);
                                if -gap > SPACE_GAP {
                                    out.push(' ');
                                }
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// A font's ToUnicode `bfchar` entries: code to text.
fn unicode_map(pdf: &Document, font: &lopdf::Dictionary) -> HashMap<u16, String> {
    let mut map = HashMap::new();
    let Ok(reference) = font.get(b"ToUnicode").and_then(Object::as_reference) else {
        return map;
    };
    let Ok(stream) = pdf.get_object(reference).and_then(Object::as_stream) else {
        return map;
    };
    let bytes = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    let text = String::from_utf8_lossy(&bytes);
    let mut in_chars = false;
    for line in text.lines() {
        if line.ends_with("beginbfchar") {
            in_chars = true;
            continue;
        }
        if line.starts_with("endbfchar") {
            in_chars = false;
            continue;
        }
        if !in_chars {
            continue;
        }
        let hexes: Vec<&str> = line
            .split(['<', '>'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        if let [code, unicode] = hexes[..] {
            let Ok(code) = u16::from_str_radix(code, 16) else {
                continue;
            };
            let units: Vec<u16> = (0..unicode.len() / 4)
                .filter_map(|i| u16::from_str_radix(&unicode[i * 4..i * 4 + 4], 16).ok())
                .collect();
            map.insert(code, String::from_utf16_lossy(&units));
        }
    }
    map
}
