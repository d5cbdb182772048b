//! The PDF file itself: version, language, title bar, metadata, its
//! cross-reference stream, marked content in the pages' text objects,
//! and a writer failure reported as an error rather than an empty file.

mod print_common;

use lopdf::Document as Pdf;
use lopdf::content::Content;
use planwright::layout::{Colour, Item, PageSettings, layout};
use planwright::pdf::{PdfError, render};
use planwright::template;
use print_common::{lay_out, plans};

fn template_pdf() -> lopdf::Document {
    let plan = template::all().remove(0).new_plan();
    let bytes = render(&layout(&plan, &PageSettings::default())).unwrap();
    assert!(bytes.starts_with(b"%PDF-1.7\n"), "PDF version 1.7");
    lopdf::Document::load_mem(&bytes).unwrap()
}

#[test]
fn the_pdf_is_version_1_7_in_british_english_with_its_title_in_the_title_bar() {
    let pdf = template_pdf();
    assert_eq!(pdf.version, "1.7");
    let catalog = pdf.catalog().unwrap();
    assert_eq!(
        catalog.get(b"Lang").unwrap().as_str().unwrap(),
        b"en-GB".as_slice()
    );
    let preferences = catalog.get(b"ViewerPreferences").unwrap();
    let preferences = preferences.as_dict().unwrap();
    assert!(
        preferences
            .get(b"DisplayDocTitle")
            .unwrap()
            .as_bool()
            .unwrap()
    );
}

#[test]
fn the_metadata_has_no_empty_or_pdfx_keys() {
    let pdf = template_pdf();
    let info = pdf.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let info = pdf.get_dictionary(info).unwrap();
    assert!(info.get(b"GTS_PDFXVersion").is_err(), "{info:?}");
    for (key, value) in info.iter() {
        if let Ok(text) = value.as_str() {
            assert!(
                !text.is_empty(),
                "{} is empty",
                String::from_utf8_lossy(key)
            );
        }
    }
    assert!(info.get(b"Title").is_ok());
}

#[test]
fn a_writer_error_is_an_error_not_an_empty_file() {
    let plan = template::all().remove(0).new_plan();
    let mut document = layout(&plan, &PageSettings::default());
    // A colour outside 0–1 is one thing printpdf refuses to write.
    document.pages[0].items.push(Item::Fill {
        rect: Default::default(),
        colour: Colour {
            r: 2.0,
            g: 0.0,
            b: 0.0,
        },
    });
    match render(&document) {
        Err(PdfError::Writer(message)) => assert!(message.contains("out of range"), "{message}"),
        other => panic!("expected a writer error, got {:?}", other.map(|b| b.len())),
    }
}

#[test]
fn every_face_is_embedded_subset_with_a_unicode_map_and_every_page_parses() {
    let pdf = template_pdf();
    let mut faces = 0;
    for (_, page) in pdf.get_pages() {
        let content = pdf.get_and_decode_page_content(page).unwrap();
        assert!(
            content.operations.iter().any(|op| op.operator == "TJ"),
            "every page shows text"
        );
        for (name, font) in pdf.get_page_fonts(page).unwrap() {
            assert_eq!(font.get(b"Subtype").unwrap().as_name().unwrap(), b"Type0");
            assert_eq!(
                font.get(b"Encoding").unwrap().as_name().unwrap(),
                b"Identity-H"
            );
            assert!(font.get(b"ToUnicode").is_ok(), "{name:?}");
            let base = font.get(b"BaseFont").unwrap().as_name().unwrap();
            assert!(base.starts_with(b"PWRTA") && base.windows(10).any(|w| w == b"Liberation"));
            let descendants = font.get(b"DescendantFonts").unwrap().as_array().unwrap();
            let cid = pdf
                .get_dictionary(descendants[0].as_reference().unwrap())
                .unwrap();
            let descriptor = cid.get(b"FontDescriptor").unwrap().as_reference().unwrap();
            let descriptor = pdf.get_dictionary(descriptor).unwrap();
            assert!(descriptor.get(b"FontFile2").is_ok());
            faces += 1;
        }
    }
    assert!(faces > 0);
}

#[test]
fn the_watermark_is_drawn_as_outlines_not_as_text() {
    // A draft: every page carries DRAFT, which must not be copied or read
    // aloud with the page's words.
    let pdf = template_pdf();
    for (_, page) in pdf.get_pages() {
        let content = pdf.get_and_decode_page_content(page).unwrap();
        let ops = &content.operations;
        assert!(
            ops.iter().any(|op| op.operator == "Do"),
            "the mark is drawn"
        );
        for op in ops.iter().filter(|op| op.operator == "Tf") {
            let size = op.operands[1].as_float().unwrap();
            assert!(size < 40.0, "text of {size} pt is the watermark as text");
        }
    }
}

/// The cross-reference stream (an entry for each of thousands of
/// structure elements) is deflated, and the file still reads.
#[test]
fn the_cross_reference_stream_is_compressed() {
    let (name, plan) = plans().pop().unwrap();
    let bytes = render(&lay_out(&plan)).unwrap();
    let start = bytes.windows(9).rposition(|w| w == b"startxref").unwrap();
    let tail = String::from_utf8_lossy(&bytes[start + 9..]);
    let offset: usize = tail.split_whitespace().next().unwrap().parse().unwrap();
    let end = bytes[offset..]
        .windows(6)
        .position(|w| w == b"stream")
        .unwrap();
    let dict = String::from_utf8_lossy(&bytes[offset..offset + end]);
    assert!(dict.contains("/XRef"), "{name}: {dict}");
    assert!(dict.contains("/Filter/FlateDecode"), "{name}: {dict}");
    let pdf = Pdf::load_mem(&bytes).unwrap();
    assert_eq!(pdf.get_pages().len(), lay_out(&plan).pages.len(), "{name}");
}

/// Marked content and text objects nest (a sequence begun inside a text
/// object ends inside it), and each sequence's first text is placed
/// where the layout put it (its own `Tm`), never carried on from the
/// sequence before: a row's cells would add up the rounding of every
/// advance along the row.
#[test]
fn marked_text_nests_in_text_objects_and_is_placed_where_laid_out() {
    for (name, plan) in plans() {
        let pdf = Pdf::load_mem(&render(&lay_out(&plan)).unwrap()).unwrap();
        for (number, id) in pdf.get_pages() {
            let content = Content::decode(&pdf.get_page_content(id)).unwrap();
            // Whether each open sequence began inside the text object.
            let mut open: Vec<bool> = Vec::new();
            let mut in_text = false;
            let mut unplaced = false;
            for op in &content.operations {
                let at = format!("{name}, page {number}: {}", op.operator);
                match op.operator.as_str() {
                    "BT" => in_text = true,
                    "ET" => {
                        assert!(!open.contains(&true), "{at} inside a sequence begun in it");
                        in_text = false;
                    }
                    "BDC" | "BMC" => {
                        open.push(in_text);
                        unplaced = true;
                    }
                    "EMC" => {
                        let began_in_text = open.pop().expect("EMC without BDC");
                        assert_eq!(began_in_text, in_text, "{at} across a text object's edge");
                    }
                    "Tm" => unplaced = false,
                    "Tj" | "TJ" => assert!(!unplaced, "{at} before any Tm in its sequence"),
                    _ => {}
                }
            }
        }
    }
}
