//! Draws a laid-out [`Document`] as PDF: printpdf makes the document (pages,
//! metadata, links) and subsets the fonts; the pages' content streams and
//! the font objects are written here (see `content` and `embed`), title,
//! author and subject go in the metadata, and a bookmark for every section.
//!
//! Nothing here decides where anything goes; the layout did that. Layout
//! measures from the top of the page, PDF from the bottom, so every `y` is
//! flipped here.

mod content;
mod embed;
mod file;
mod structure;
pub mod tags;

use crate::layout::{Bookmark, Document, Face, Item, LinkTarget, Page, Rect};
use content::{ContentWriter, Marks};
use embed::Subsets;
use file::Serialised;
use printpdf::{
    Actions, BorderArray, Destination, LinkAnnotation, Mm, Op, PaintMode, ParsedFont, PdfDocument,
    PdfPage, PdfParseErrorSeverity, PdfSaveOptions, Pt, WindingOrder,
};
use tags::Structure;

/// Why a PDF could not be made. The caller keeps whatever file was
/// there: a failed render never writes.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the embedded {0:?} font could not be read")]
    Font(Face),
    #[error("the PDF writer failed: {0}")]
    Writer(String),
}

/// Writes `document` as PDF bytes; any error the writer reports fails the
/// whole render, since the file would be missing text or unreadable.
pub fn render(document: &Document) -> Result<Vec<u8>, PdfError> {
    render_with(document, Tagging::On)
}

/// Whether the PDF carries its structure tree. Every PDF the app makes is
/// tagged; `Off` exists so the render benchmark can measure what tagging
/// costs (the same drawing, every item an artifact, no tree).
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tagging {
    On,
    Off,
}

#[doc(hidden)]
pub fn render_with(document: &Document, tagging: Tagging) -> Result<Vec<u8>, PdfError> {
    for page in &document.pages {
        check_colours(page)?;
    }
    let mut pdf = PdfDocument::new(&document.title);
    let info = &mut pdf.metadata.info;
    info.author = document.author.clone();
    info.subject = document.subject.clone();
    info.creator = "Planwright".into();
    // printpdf dates documents 1970 unless told otherwise.
    let now = printpdf::OffsetDateTime::now_utc();
    info.creation_date = now;
    info.modification_date = now;
    info.metadata_date = now;
    info.producer = format!("Planwright {} (printpdf)", env!("CARGO_PKG_VERSION"));
    let pages: Vec<PdfPage> = document
        .pages
        .iter()
        .map(|page| PdfPage::new(mm(page.width), mm(page.height), links(page)))
        .collect();
    pdf.with_pages(pages);

    // The structure tree is built on a second thread while this one
    // subsets the fonts and makes printpdf's document: neither needs the
    // other, and the tree is most of what tagging adds to a render.
    let (subsets, structure, (mut doc, warnings)) = std::thread::scope(|scope| {
        let structure = scope.spawn(|| match tagging {
            Tagging::On => Structure::of(document),
            Tagging::Off => Structure::untagged(document),
        });
        let subsets = Subsets::of(document);
        let mut warnings = Vec::new();
        let doc =
            printpdf::serialize::to_lopdf_doc(&pdf, &PdfSaveOptions::default(), &mut warnings);
        let structure = structure
            .join()
            .map_err(|_| PdfError::Writer("building the structure tree failed".to_string()))?;
        Ok::<_, PdfError>((subsets, structure, (doc, warnings)))
    })?;
    let mut marks = Marks::default();
    let contents: Vec<Vec<u8>> = (document.pages.iter())
        .zip(&structure.marks)
        .map(|(page, tags)| ContentWriter::page(page, tags, &subsets, &mut marks))
        .collect();
    let errors: Vec<String> = warnings
        .into_iter()
        .filter(|w| w.severity == PdfParseErrorSeverity::Error)
        .map(|w| w.msg)
        .collect();
    if !errors.is_empty() {
        return Err(PdfError::Writer(errors.join("; ")));
    }
    fill_pages(&mut doc, contents, &subsets, &marks)?;
    add_outline(&mut doc, &document.bookmarks);
    let elements = match tagging {
        Tagging::On => structure::write(&mut doc, &structure, &document.title)
            .map_err(|e| PdfError::Writer(e.to_string()))?,
        Tagging::Off => Serialised::default(),
    };
    describe(&mut doc).map_err(|e| PdfError::Writer(e.to_string()))?;
    save(doc, &elements).map_err(|e| PdfError::Writer(e.to_string()))
}

/// Colours are 0–1 per channel; anything else is a layout bug the PDF
/// must not carry silently.
fn check_colours(page: &Page) -> Result<(), PdfError> {
    let colours = page.items.iter().filter_map(|item| match item {
        Item::Text(run) => Some(run.colour),
        Item::Line { colour, .. } | Item::Fill { colour, .. } => Some(*colour),
        Item::Link { .. } => None,
    });
    for c in colours {
        if [c.r, c.g, c.b].iter().any(|v| !(0.0..=1.0).contains(v)) {
            return Err(PdfError::Writer(format!(
                "colour {c:?} is out of range (each channel must be 0 to 1)"
            )));
        }
    }
    Ok(())
}

/// Puts each page's content stream in place, the fonts in the pages'
/// shared font resources and the watermarks in their shared XObjects.
fn fill_pages(
    doc: &mut lopdf::Document,
    contents: Vec<Vec<u8>>,
    subsets: &Subsets,
    marks: &Marks,
) -> Result<(), PdfError> {
    let broken = |e: lopdf::Error| PdfError::Writer(e.to_string());
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    let mut fonts_id: Option<lopdf::ObjectId> = None;
    let mut xobjects_id: Option<lopdf::ObjectId> = None;
    for (page, content) in pages.into_iter().zip(contents) {
        let page = doc.get_dictionary(page).map_err(broken)?;
        let stream = page
            .get(b"Contents")
            .and_then(lopdf::Object::as_reference)
            .map_err(broken)?;
        let resources = page
            .get(b"Resources")
            .and_then(lopdf::Object::as_reference)
            .map_err(broken)?;
        let resources = doc.get_dictionary(resources).map_err(broken)?;
        let shared = |key: &[u8]| resources.get(key).and_then(lopdf::Object::as_reference);
        fonts_id = Some(shared(b"Font").map_err(broken)?);
        xobjects_id = Some(shared(b"XObject").map_err(broken)?);
        match doc.get_object_mut(stream).map_err(broken)? {
            lopdf::Object::Stream(stream) => stream.set_content(content),
            _ => return Err(PdfError::Writer("a page has no content stream".into())),
        }
    }
    if let Some(fonts_id) = fonts_id {
        let mut fonts = doc.get_dictionary(fonts_id).map_err(broken)?.clone();
        subsets.embed(doc, &mut fonts)?;
        doc.objects
            .insert(fonts_id, lopdf::Object::Dictionary(fonts));
    }
    if let Some(xobjects_id) = xobjects_id {
        let mut xobjects = doc.get_dictionary(xobjects_id).map_err(broken)?.clone();
        for (name, form) in marks.forms() {
            xobjects.set(name, doc.add_object(form));
        }
        doc.objects
            .insert(xobjects_id, lopdf::Object::Dictionary(xobjects));
    }
    Ok(())
}

/// Compresses the streams at a fast deflate level (printpdf's own `save`
/// always uses the slowest, for a few percent of size) and writes the file.
fn save(mut doc: lopdf::Document, serialised: &Serialised) -> std::io::Result<Vec<u8>> {
    // The structure tree is thousands of small objects: in compressed
    // object streams they cost a fifth of what they do written loose.
    let mut packing = file::pack(&doc, serialised);
    let contents = doc.objects.values_mut().filter_map(|object| match object {
        lopdf::Object::Stream(stream)
            if stream.allows_compression && stream.dict.get(b"Filter").is_err() =>
        {
            Some(Deflate::Content(stream))
        }
        _ => None,
    });
    let mut jobs: Vec<Deflate> = contents
        .chain(packing.streams.iter_mut().map(Deflate::Objects))
        .collect();
    // Compression is the one part that splits: two threads take the
    // streams largest first, so neither waits long for the other.
    jobs.sort_by_key(Deflate::len);
    let jobs = std::sync::Mutex::new(jobs);
    let work = || -> std::io::Result<()> {
        loop {
            let job = jobs
                .lock()
                .map_err(|_| std::io::Error::other("compression failed"))?
                .pop();
            match job {
                Some(job) => job.run(serialised)?,
                None => return Ok(()),
            }
        }
    };
    std::thread::scope(|scope| {
        let other = scope.spawn(work);
        work()?;
        other
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("compression failed")))
    })?;
    file::write(&doc, packing)
}

/// A stream to deflate: a page's content (or a font, a form), or an
/// object stream.
enum Deflate<'d> {
    Content(&'d mut lopdf::Stream),
    Objects(&'d mut file::ObjectStream),
}

impl Deflate<'_> {
    fn len(&self) -> usize {
        match self {
            Deflate::Content(stream) => stream.content.len(),
            Deflate::Objects(stream) => stream.len(),
        }
    }

    fn run(self, serialised: &Serialised) -> std::io::Result<()> {
        match self {
            Deflate::Content(stream) => {
                let data = file::deflate(&[&stream.content])?;
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(data);
                Ok(())
            }
            Deflate::Objects(stream) => stream.compress(serialised),
        }
    }
}

/// What printpdf leaves out or gets wrong for a plain office document:
/// PDF 1.7 (printpdf says 1.3), the language for screen readers and
/// hyphenation, the title in the viewer's title bar instead of the file
/// name, and no empty PDF/X version or other blank metadata.
fn describe(doc: &mut lopdf::Document) -> std::io::Result<()> {
    doc.version = "1.7".into();
    let catalog = doc.catalog_mut().map_err(std::io::Error::other)?;
    catalog.set("Lang", lopdf::Object::string_literal("en-GB"));
    let mut preferences = lopdf::Dictionary::new();
    preferences.set("DisplayDocTitle", true);
    catalog.set("ViewerPreferences", preferences);
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
        .map_err(std::io::Error::other)?;
    let info = doc
        .get_dictionary_mut(info)
        .map_err(std::io::Error::other)?;
    let blank: Vec<Vec<u8>> = info
        .iter()
        .filter(|(_, value)| is_blank(value))
        .map(|(key, _)| key.clone())
        .collect();
    for key in blank {
        info.remove(&key);
    }
    info.remove(b"GTS_PDFXVersion");
    Ok(())
}

fn is_blank(value: &lopdf::Object) -> bool {
    matches!(value, lopdf::Object::String(bytes, _) if bytes.is_empty())
}

/// The outline (bookmarks) nested as the sections nest, in document order.
/// printpdf's own outline is flat and sorts a page's entries by title.
fn add_outline(doc: &mut lopdf::Document, bookmarks: &[Bookmark]) {
    let pages = doc.get_pages();
    // The open bookmarks above the next one: (level, id).
    let mut parents: Vec<(usize, u32)> = Vec::new();
    for bookmark in bookmarks {
        let Some(&page) = pages.get(&(bookmark.page as u32 + 1)) else {
            continue;
        };
        while parents
            .last()
            .is_some_and(|(level, _)| *level >= bookmark.level)
        {
            parents.pop();
        }
        let entry = lopdf::Bookmark::new(bookmark.title.clone(), [0.0; 3], 0, page);
        let id = doc.add_bookmark(entry, parents.last().map(|(_, id)| *id));
        parents.push((bookmark.level, id));
    }
    if let Some(outline) = doc.build_outline()
        && let Ok(catalog) = doc.catalog_mut()
    {
        catalog.set("Outlines", outline);
        catalog.set("PageMode", "UseOutlines");
    }
}

/// Each face is parsed once per process for printpdf's subsetter.
fn parsed_font(face: Face) -> Option<&'static ParsedFont> {
    use std::sync::OnceLock;
    static FONTS: [OnceLock<Option<ParsedFont>>; 4] = [const { OnceLock::new() }; 4];
    FONTS[face as usize]
        .get_or_init(|| ParsedFont::from_bytes(face.bytes(), 0, &mut Vec::new()))
        .as_ref()
}

fn mm(points: f32) -> Mm {
    Mm(points * 25.4 / 72.0)
}

/// A page's links, as printpdf annotations.
fn links(page: &Page) -> Vec<Op> {
    let to_pdf = |rect: &Rect| printpdf::Rect {
        x: Pt(rect.x),
        y: Pt(page.height - rect.bottom()),
        width: Pt(rect.width),
        height: Pt(rect.height),
        mode: Some(PaintMode::Fill),
        winding_order: Some(WindingOrder::NonZero),
    };
    page.items
        .iter()
        .filter_map(|item| match item {
            Item::Link { rect, target } => Some((rect, target)),
            _ => None,
        })
        .map(|(rect, target)| {
            let actions = match target {
                LinkTarget::Page { page: to, y } => Actions::Goto(Destination::Xyz {
                    page: to + 1,
                    left: None,
                    top: Some(page.height - y),
                    zoom: None,
                }),
                LinkTarget::Uri(uri) => Actions::Uri(uri.clone()),
            };
            let no_border = Some(BorderArray::Solid([0.0, 0.0, 0.0]));
            Op::LinkAnnotation {
                link: LinkAnnotation::new(to_pdf(rect), actions, no_border, None, None),
            }
        })
        .collect()
}
