//! The PDF file itself: version, language, title bar, metadata, and a
//! writer failure reported as an error rather than an empty file.

use planwright::layout::{Colour, Item, PageSettings, layout};
use planwright::pdf::{PdfError, render};
use planwright::template;

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
