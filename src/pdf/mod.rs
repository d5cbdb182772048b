//! Draws a laid-out [`Document`] with printpdf: one PDF page per layout
//! page, the Liberation Sans faces embedded and subset, title, author and subject in
//! the metadata, and a bookmark for every section.
//!
//! Nothing here decides where anything goes; the layout did that. Layout
//! measures from the top of the page, PDF from the bottom, so every `y` is
//! flipped here.

use crate::layout::{Bookmark, Colour, Document, Face, Item, LinkTarget, Page, Rect, TextRun};
use printpdf::{
    Actions, BorderArray, Color, Destination, FontId, Line, LineCapStyle, LinePoint,
    LinkAnnotation, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle, PdfPage,
    PdfParseErrorSeverity, PdfSaveOptions, Point, Pt, Rgb, TextItem, TextMatrix, WindingOrder,
};

pub mod output;

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

    // Only the faces the pages use: printpdf scans every page once per font.
    let used: std::collections::BTreeSet<Face> = document
        .pages
        .iter()
        .flat_map(|page| page.text_runs().map(|run| run.face))
        .collect();
    let mut fonts: Vec<(Face, FontId)> = Vec::new();
    for face in used {
        let font = parsed_font(face).ok_or(PdfError::Font(face))?;
        fonts.push((face, pdf.add_font(font)));
    }
    let font_of = |face: Face| {
        fonts
            .iter()
            .find(|(f, _)| *f == face)
            .map(|(_, id)| id.clone())
    };

    let pages: Vec<PdfPage> = document
        .pages
        .iter()
        .map(|page| draw_page(page, &font_of))
        .collect();
    pdf.with_pages(pages);
    let mut warnings = Vec::new();
    let bytes = save(&pdf, &document.bookmarks, &mut warnings)
        .map_err(|e| PdfError::Writer(e.to_string()))?;
    let errors: Vec<String> = warnings
        .into_iter()
        .filter(|w| w.severity == PdfParseErrorSeverity::Error)
        .map(|w| w.msg)
        .collect();
    if !errors.is_empty() {
        return Err(PdfError::Writer(errors.join("; ")));
    }
    Ok(bytes)
}

/// Serializes the document, compressing its streams at a fast deflate
/// level: printpdf's own `save` always uses the slowest, which took most of
/// the time of a render for a few percent of size.
fn save(
    pdf: &PdfDocument,
    bookmarks: &[Bookmark],
    warnings: &mut Vec<printpdf::PdfWarnMsg>,
) -> std::io::Result<Vec<u8>> {
    use flate2::{Compression, write::ZlibEncoder};
    use std::io::Write;
    let mut doc = printpdf::serialize::to_lopdf_doc(pdf, &PdfSaveOptions::default(), warnings);
    add_outline(&mut doc, bookmarks);
    describe(&mut doc)?;
    let mut streams: Vec<&mut lopdf::Stream> = doc
        .objects
        .values_mut()
        .filter_map(|object| match object {
            lopdf::Object::Stream(stream) if stream.dict.get(b"Filter").is_err() => Some(stream),
            _ => None,
        })
        .collect();
    // Two halves on two threads: compression is the one part that splits.
    let half = streams.len() / 2;
    let (first, second) = streams.split_at_mut(half);
    let compress_all = |streams: &mut [&mut lopdf::Stream]| -> std::io::Result<()> {
        for stream in streams {
            let mut encoder = ZlibEncoder::new(Vec::new(), Compression::fast());
            encoder.write_all(&stream.content)?;
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(encoder.finish()?);
        }
        Ok(())
    };
    std::thread::scope(|scope| {
        let other = scope.spawn(|| compress_all(second));
        compress_all(first)?;
        other
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("compression failed")))
    })?;
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes)?;
    Ok(bytes)
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

/// Each face is parsed once per process; parsing is the slow part.
fn parsed_font(face: Face) -> Option<&'static ParsedFont> {
    use std::sync::OnceLock;
    static FONTS: OnceLock<Vec<Option<ParsedFont>>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            Face::ALL
                .into_iter()
                .map(|face| ParsedFont::from_bytes(face.bytes(), 0, &mut Vec::new()))
                .collect()
        })
        .get(face as usize)
        .and_then(Option::as_ref)
}

fn colour(c: Colour) -> Color {
    Color::Rgb(Rgb {
        r: c.r,
        g: c.g,
        b: c.b,
        icc_profile: None,
    })
}

fn hundredths(points: f32) -> f32 {
    (points * 100.0).round() / 100.0
}

fn mm(points: f32) -> Mm {
    Mm(points * 25.4 / 72.0)
}

/// Converts a layout rectangle (top-down) to a PDF one (bottom-up).
fn pdf_rect(rect: &Rect, page_height: f32) -> printpdf::Rect {
    printpdf::Rect {
        x: Pt(rect.x),
        y: Pt(page_height - rect.bottom()),
        width: Pt(rect.width),
        height: Pt(rect.height),
        mode: Some(PaintMode::Fill),
        winding_order: Some(WindingOrder::NonZero),
    }
}

/// Writes one page's operators, setting colours, line widths and fonts
/// only when they change and keeping runs of text in one text object:
/// smaller content streams, faster to write and to open.
struct PageWriter<'f, F: Fn(Face) -> Option<FontId>> {
    ops: Vec<Op>,
    page_height: f32,
    font_of: &'f F,
    in_text: bool,
    fill: Option<Colour>,
    stroke: Option<(Colour, f32)>,
    font: Option<(Face, f32)>,
    /// The last `ShowText`: its index, baseline and where its pen stopped.
    last_show: Option<(usize, f32, f32)>,
}

impl<F: Fn(Face) -> Option<FontId>> PageWriter<'_, F> {
    fn set_fill(&mut self, c: Colour) {
        if self.fill != Some(c) {
            self.ops.push(Op::SetFillColor { col: colour(c) });
            self.fill = Some(c);
        }
    }

    fn set_stroke(&mut self, c: Colour, width: f32) {
        if self.stroke != Some((c, width)) {
            self.ops.push(Op::SetOutlineColor { col: colour(c) });
            self.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
            self.stroke = Some((c, width));
        }
    }

    fn begin_text(&mut self) {
        if !self.in_text {
            self.ops.push(Op::StartTextSection);
            self.in_text = true;
        }
    }

    /// Paths may not be drawn inside a text object.
    fn end_text(&mut self) {
        if self.in_text {
            self.ops.push(Op::EndTextSection);
            self.in_text = false;
        }
    }

    fn line(&mut self, from: (f32, f32), to: (f32, f32), width: f32, c: Colour) {
        self.end_text();
        self.set_stroke(c, width);
        self.ops.push(Op::DrawLine {
            line: straight_line(from, to, self.page_height),
        });
    }

    fn fill(&mut self, rect: &Rect, c: Colour) {
        self.end_text();
        self.set_fill(c);
        self.ops.push(Op::DrawRectangle {
            rectangle: pdf_rect(rect, self.page_height),
        });
    }

    /// Adds `run` to the text shown last if it continues that line in the
    /// same face, size and colour (a table row's cells): the gap becomes a
    /// `TJ` spacing adjustment instead of a new text matrix.
    fn continue_line(&mut self, run: &TextRun) -> bool {
        let Some((index, baseline, pen)) = self.last_show else {
            return false;
        };
        let continues = index + 1 == self.ops.len()
            && self.fill == Some(run.colour)
            && self.font == Some((run.face, run.size))
            && run.rotation == 0.0
            && baseline == run.baseline
            && run.x >= pen - 0.01;
        if !continues {
            return false;
        }
        if let Some(Op::ShowText { items }) = self.ops.last_mut() {
            // Thousandths of an em; negative moves right.
            items.push(TextItem::Offset(-(run.x - pen) * 1000.0 / run.size));
            items.push(TextItem::Text(run.text.clone()));
        }
        self.last_show = Some((index, run.baseline, run.x + run.width));
        true
    }

    fn text(&mut self, run: &TextRun) {
        let Some(font) = (self.font_of)(run.face) else {
            return;
        };
        if !run.underline && self.continue_line(run) {
            return;
        }
        self.begin_text();
        self.set_fill(run.colour);
        if self.font != Some((run.face, run.size)) {
            self.ops.push(Op::SetFont {
                font: PdfFontHandle::External(font),
                size: Pt(run.size),
            });
            self.font = Some((run.face, run.size));
        }
        // Hundredths of a point are finer than any printer: shorter numbers, smaller streams.
        let (x, y) = (
            hundredths(run.x),
            hundredths(self.page_height - run.baseline),
        );
        let (sin, cos) = run.rotation.to_radians().sin_cos();
        // Absolute placement: `Tm` replaces the text matrix (`Td` would be relative).
        self.ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Raw([cos, sin, -sin, cos, x, y]),
        });
        self.ops.push(Op::ShowText {
            items: vec![TextItem::Text(run.text.clone())],
        });
        self.last_show =
            (run.rotation == 0.0).then_some((self.ops.len() - 1, run.baseline, run.x + run.width));
        if run.underline {
            let under = run.baseline + run.size * 0.12;
            let end = run.x + run.width;
            self.line((run.x, under), (end, under), run.size * 0.06, run.colour);
        }
    }

    fn link(&mut self, rect: &Rect, target: &LinkTarget) {
        let actions = match target {
            LinkTarget::Page { page, y } => Actions::Goto(Destination::Xyz {
                page: page + 1,
                left: None,
                top: Some(self.page_height - y),
                zoom: None,
            }),
            LinkTarget::Uri(uri) => Actions::Uri(uri.clone()),
        };
        let no_border = Some(BorderArray::Solid([0.0, 0.0, 0.0]));
        let rect = pdf_rect(rect, self.page_height);
        self.ops.push(Op::LinkAnnotation {
            link: LinkAnnotation::new(rect, actions, no_border, None, None),
        });
    }
}

fn draw_page(page: &Page, font_of: &impl Fn(Face) -> Option<FontId>) -> PdfPage {
    let mut writer = PageWriter {
        ops: Vec::with_capacity(page.items.len() * 3),
        page_height: page.height,
        font_of,
        in_text: false,
        fill: None,
        stroke: None,
        font: None,
        last_show: None,
    };
    writer.ops.push(Op::SetLineCapStyle {
        cap: LineCapStyle::Butt,
    });
    for item in &page.items {
        match item {
            Item::Text(run) => writer.text(run),
            Item::Line {
                from,
                to,
                width,
                colour,
            } => writer.line(*from, *to, *width, *colour),
            Item::Fill { rect, colour } => writer.fill(rect, *colour),
            Item::Link { rect, target } => writer.link(rect, target),
        }
    }
    writer.end_text();
    PdfPage::new(mm(page.width), mm(page.height), writer.ops)
}

fn straight_line(from: (f32, f32), to: (f32, f32), page_height: f32) -> Line {
    let point = |(x, y): (f32, f32)| LinePoint {
        p: Point {
            x: Pt(hundredths(x)),
            y: Pt(hundredths(page_height - y)),
        },
        bezier: false,
    };
    Line {
        points: vec![point(from), point(to)],
        is_closed: false,
    }
}
