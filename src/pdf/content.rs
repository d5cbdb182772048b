//! A page's content stream, written directly: printpdf's own operator
//! layer (an object per operator, glyph lookups and hex formatting per
//! character) took half the time of a render. Colours, line widths and
//! fonts are set only when they change, and runs of text on one baseline
//! share one `TJ`.

use super::embed::Subsets;
use super::file::integer;
use super::tags::{Artifact, Mark};
use crate::layout::{Colour, Face, Item, Page, Role, RunTag, TextRun};

/// Writes one page's operators into bytes.
pub struct ContentWriter<'s> {
    out: Vec<u8>,
    page_height: f32,
    subsets: &'s Subsets,
    marks: &'s mut Marks,
    in_text: bool,
    fill: Option<Colour>,
    stroke: Option<(Colour, f32)>,
    font: Option<(Face, f32)>,
    /// Where the last `TJ`'s pen stopped: its face, size, colour, baseline
    /// and x; a run continuing it joins its array.
    open_run: Option<(Face, f32, Colour, f32, f32)>,
    /// The marked content being written, if any.
    mark: Option<Mark>,
    /// Whether that marked content began inside the open text object (it
    /// must then end inside it too).
    mark_in_text: bool,
}

impl<'s> ContentWriter<'s> {
    /// `tags` marks each of the page's items as content or artifact.
    pub fn page(page: &Page, tags: &[Mark], subsets: &'s Subsets, marks: &'s mut Marks) -> Vec<u8> {
        let mut writer = ContentWriter {
            out: Vec::with_capacity(page.items.len() * 40),
            page_height: page.height,
            subsets,
            marks,
            in_text: false,
            fill: None,
            stroke: None,
            font: None,
            open_run: None,
            mark: None,
            mark_in_text: false,
        };
        let spaced = line_ends(page, tags);
        writer.out.extend_from_slice(b"0 J\n");
        for (i, (item, &tag)) in page.items.iter().zip(tags).enumerate() {
            if matches!(item, Item::Link { .. }) {
                continue;
            }
            if writer.mark != Some(tag) {
                let words = rating_words(&page.items[i..], &spaced[i..]);
                let text_only = only_text(&page.items[i..], &tags[i..]);
                writer.set_mark(tag, words.as_deref(), text_only);
            }
            match item {
                Item::Text(run) if run.role == Role::Watermark => writer.outlined(run),
                Item::Text(run) => writer.text(run, spaced[i]),
                Item::Line {
                    from,
                    to,
                    width,
                    colour,
                } => writer.line(*from, *to, *width, *colour),
                Item::Fill { rect, colour } => {
                    writer.end_text();
                    writer.set_fill(*colour);
                    let y = page.height - rect.bottom();
                    writer.numbers(&[rect.x, y, rect.width, rect.height]);
                    writer.out.extend_from_slice(b"re f\n");
                }
                // Links are annotations, not content.
                Item::Link { .. } => {}
            }
        }
        writer.end_mark();
        writer.end_text();
        writer.out
    }

    /// Starts marked content for `mark`, to be read as `words` if given.
    /// A sequence may not straddle a text object's end. One of text alone
    /// (`text_only`: a paragraph's lines, a row's cells) starts and ends
    /// inside the text object, which stays open from one to the next; any
    /// other starts and ends outside one. Its first run is placed where
    /// the layout put it (its own `Tm`): carrying on from the last run's
    /// pen would add up the rounding of each advance along a row.
    fn set_mark(&mut self, mark: Mark, words: Option<&str>, text_only: bool) {
        self.end_mark();
        if text_only && !self.in_text {
            self.out.extend_from_slice(b"BT\n");
            self.in_text = true;
        } else if !text_only {
            self.end_text();
        }
        self.mark = Some(mark);
        self.mark_in_text = text_only;
        match mark {
            Mark::Content { mcid, .. } => {
                self.out.extend_from_slice(b"/Span <</MCID ");
                integer(&mut self.out, mcid.into());
                if let Some(words) = words {
                    // ASCII words and digits: a literal string as is.
                    self.out.extend_from_slice(b" /ActualText (");
                    self.out.extend_from_slice(words.as_bytes());
                    self.out.push(b')');
                }
                self.out.extend_from_slice(b">> BDC\n");
            }
            Mark::Artifact(Artifact::Layout) => {
                self.out
                    .extend_from_slice(b"/Artifact <</Type /Layout>> BDC\n");
            }
            Mark::Artifact(kind) => {
                let subtype: &[u8] = match kind {
                    Artifact::Header => b" /Subtype /Header",
                    Artifact::Footer => b" /Subtype /Footer",
                    Artifact::Watermark => b" /Subtype /Watermark",
                    _ => b"",
                };
                self.out.extend_from_slice(b"/Artifact <</Type /Pagination");
                self.out.extend_from_slice(subtype);
                self.out.extend_from_slice(b">> BDC\n");
            }
        }
    }

    fn numbers(&mut self, values: &[f32]) {
        for &value in values {
            number(&mut self.out, value);
            self.out.push(b' ');
        }
    }

    fn set_fill(&mut self, c: Colour) {
        if self.fill != Some(c) {
            self.close_run();
            self.numbers(&[c.r, c.g, c.b]);
            self.out.extend_from_slice(b"rg\n");
            self.fill = Some(c);
        }
    }

    fn set_stroke(&mut self, c: Colour, width: f32) {
        if self.stroke != Some((c, width)) {
            self.numbers(&[c.r, c.g, c.b]);
            self.out.extend_from_slice(b"RG ");
            self.numbers(&[width]);
            self.out.extend_from_slice(b"w\n");
            self.stroke = Some((c, width));
        }
    }

    fn close_run(&mut self) {
        if self.open_run.take().is_some() {
            self.out.extend_from_slice(b"] TJ\n");
        }
    }

    /// Ends the marked content being written, and the text object around
    /// it when it began outside that.
    fn end_mark(&mut self) {
        self.close_run();
        if self.mark.take().is_some() {
            if !self.mark_in_text {
                self.end_text();
            }
            self.out.extend_from_slice(b"EMC\n");
        }
    }

    /// Paths may not be drawn inside a text object.
    fn end_text(&mut self) {
        debug_assert!(
            self.mark.is_none() || !self.mark_in_text,
            "marked content begun in a text object must end in it"
        );
        self.close_run();
        if self.in_text {
            self.out.extend_from_slice(b"ET\n");
            self.in_text = false;
        }
    }

    fn line(&mut self, from: (f32, f32), to: (f32, f32), width: f32, c: Colour) {
        self.end_text();
        self.set_stroke(c, width);
        let h = self.page_height;
        self.numbers(&[from.0, h - from.1]);
        self.out.extend_from_slice(b"m ");
        self.numbers(&[to.0, h - to.1]);
        self.out.extend_from_slice(b"l S\n");
    }

    /// Draws `run` as filled glyph outlines rather than text: a watermark
    /// is not part of the plan's words, so it must not turn up when the
    /// page's text is copied, searched or read aloud. The outlines are one
    /// form object (see [`Marks`]) drawn on every page.
    fn outlined(&mut self, run: &TextRun) {
        let Some((name, units_per_em)) = self.marks.name(run) else {
            return;
        };
        self.end_text();
        self.set_fill(run.colour);
        let scale = run.size / units_per_em;
        let (sin, cos) = run.rotation.to_radians().sin_cos();
        self.out.extend_from_slice(b"q ");
        self.numbers(&[cos * scale, sin * scale, -sin * scale, cos * scale]);
        self.numbers(&[run.x, self.page_height - run.baseline]);
        self.out.extend_from_slice(b"cm /");
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(b" Do Q\n");
    }

    /// Draws `run`, and a space after it when `spaced` (see [`line_ends`]).
    fn text(&mut self, run: &TextRun, spaced: bool) {
        let Some(subset) = self.subsets.get(run.face) else {
            return;
        };
        let width = match spaced {
            true => run.width + run.face.width(" ", run.size),
            false => run.width,
        };
        // A run that carries on the last one's line (a table row's cells)
        // joins its TJ array: the gap becomes a spacing adjustment.
        if let Some((face, size, colour, baseline, pen)) = self.open_run
            && !run.underline
            && !run.strike
            && run.rotation == 0.0
            && (face, size, colour, baseline) == (run.face, run.size, run.colour, run.baseline)
            && run.x >= pen - 0.01
        {
            // Thousandths of an em; negative moves right.
            self.out.push(b' ');
            number(&mut self.out, -(run.x - pen) * 1000.0 / run.size);
            self.out.push(b' ');
            subset.encode(&run.text, spaced, &mut self.out);
            self.open_run = Some((face, size, colour, baseline, run.x + width));
            return;
        }
        self.close_run();
        if !self.in_text {
            self.out.extend_from_slice(b"BT\n");
            self.in_text = true;
        }
        self.set_fill(run.colour);
        if self.font != Some((run.face, run.size)) {
            self.out.extend_from_slice(b"/");
            self.out.extend_from_slice(subset.resource.as_bytes());
            self.out.push(b' ');
            self.numbers(&[run.size]);
            self.out.extend_from_slice(b"Tf\n");
            self.font = Some((run.face, run.size));
        }
        let (sin, cos) = run.rotation.to_radians().sin_cos();
        if run.rotation == 0.0 {
            self.out.extend_from_slice(b"1 0 0 1 ");
        } else {
            self.numbers(&[cos, sin, -sin, cos]);
        }
        // Absolute placement: `Tm` replaces the text matrix.
        self.numbers(&[run.x, self.page_height - run.baseline]);
        self.out.extend_from_slice(b"Tm [");
        subset.encode(&run.text, spaced, &mut self.out);
        self.open_run = Some((run.face, run.size, run.colour, run.baseline, run.x + width));
        if run.rotation != 0.0 || run.underline || run.strike {
            self.close_run();
        }
        let end = run.x + run.width;
        let lines = [
            (run.underline, run.underline_y()),
            (run.strike, run.strike_y()),
        ];
        for (_, y) in lines.into_iter().filter(|(on, _)| *on) {
            self.line((run.x, y), (end, y), run.rule_weight(), run.colour);
        }
    }
}

/// Whether the items marked as the first of `items` is, up to the next
/// mark, are plain text runs only (no rules, fills, watermark, underline
/// or strike-through, which need the text object ended).
fn only_text(items: &[Item], tags: &[Mark]) -> bool {
    let tag = tags.first();
    (items.iter().zip(tags))
        .filter(|(item, _)| !matches!(item, Item::Link { .. }))
        .take_while(|(_, mark)| Some(*mark) == tag)
        .all(|(item, _)| match item {
            Item::Text(run) => run.role != Role::Watermark && !run.underline && !run.strike,
            _ => false,
        })
}

/// What a rating's slots say when they start `items` (they have a
/// marked content sequence of their own): ", 4 of 5," and the space
/// drawn after them, if any.
fn rating_words(items: &[Item], spaced: &[bool]) -> Option<String> {
    let tag = items.first()?.as_text()?.tag;
    let RunTag::Rating { band, of } = tag else {
        return None;
    };
    let last = (items.iter().zip(spaced))
        .take_while(|(item, _)| item.as_text().is_some_and(|run| run.tag == tag))
        .last()
        .is_some_and(|(_, &spaced)| spaced);
    Some(format!(", {band} of {of},{}", if last { " " } else { "" }))
}

/// Which of a page's runs end a line of their words: the last run on a
/// line, or one followed by a gap. Each is drawn with a space after it,
/// so text read from the structure (which joins an element's lines as
/// drawn) keeps its words apart; a word broken across lines gets none.
fn line_ends(page: &Page, tags: &[Mark]) -> Vec<bool> {
    let mut spaced = vec![false; page.items.len()];
    let mut next: Option<&TextRun> = None;
    for (i, item) in page.items.iter().enumerate().rev() {
        let Item::Text(run) = item else {
            continue;
        };
        let content = matches!(tags.get(i), Some(Mark::Content { .. }));
        let ends_word = !run.joins_next && !run.text.is_empty() && !run.text.ends_with(' ');
        let carries_on = next.is_some_and(|next| {
            let end = run.x + run.width;
            let same_line = (next.baseline - run.baseline).abs() < run.size.max(next.size) / 2.0;
            next.text.starts_with(' ') || (same_line && (next.x - end).abs() < 0.5)
        });
        spaced[i] = content && ends_word && !carries_on;
        next = Some(run);
    }
    spaced
}

/// Watermarks as form objects: each text once, as filled glyph outlines in
/// font units, named `PWM0`, `PWM1`...
#[derive(Default)]
pub struct Marks(Vec<(Face, String)>);

impl Marks {
    /// The form object's name for `run`'s text, and its face's em.
    fn name(&mut self, run: &TextRun) -> Option<(String, f32)> {
        let font = ttf_parser::Face::parse(run.face.bytes(), 0).ok()?;
        let key = (run.face, run.text.clone());
        let index = match self.0.iter().position(|mark| *mark == key) {
            Some(index) => index,
            None => {
                self.0.push(key);
                self.0.len() - 1
            }
        };
        Some((format!("PWM{index}"), f32::from(font.units_per_em())))
    }

    /// Each mark's name and form object: its outlines, filled.
    pub fn forms(&self) -> Vec<(String, lopdf::Stream)> {
        let mut forms = Vec::new();
        for (index, (face, text)) in self.0.iter().enumerate() {
            let Ok(font) = ttf_parser::Face::parse(face.bytes(), 0) else {
                continue;
            };
            let mut out = Vec::new();
            let mut pen = 0.0;
            for c in text.chars() {
                let Some(glyph) = font.glyph_index(c) else {
                    continue;
                };
                let mut path = Outline {
                    out: &mut out,
                    dx: pen,
                    last: (0.0, 0.0),
                };
                font.outline_glyph(glyph, &mut path);
                pen += f32::from(font.glyph_hor_advance(glyph).unwrap_or(0));
            }
            out.extend_from_slice(b"f\n");
            let bbox = font.global_bounding_box();
            let bounds = [
                f32::from(bbox.x_min),
                f32::from(bbox.y_min),
                pen + f32::from(bbox.x_max),
                f32::from(bbox.y_max),
            ];
            let dict = lopdf::Dictionary::from_iter(vec![
                ("Type", lopdf::Object::Name(b"XObject".to_vec())),
                ("Subtype", lopdf::Object::Name(b"Form".to_vec())),
                (
                    "BBox",
                    lopdf::Object::Array(bounds.map(lopdf::Object::Real).to_vec()),
                ),
            ]);
            forms.push((format!("PWM{index}"), lopdf::Stream::new(dict, out)));
        }
        forms
    }
}

/// Writes a glyph's outline as path operators, `dx` font units along.
struct Outline<'o> {
    out: &'o mut Vec<u8>,
    dx: f32,
    last: (f32, f32),
}

impl Outline<'_> {
    fn point(&mut self, x: f32, y: f32) {
        number(self.out, x + self.dx);
        self.out.push(b' ');
        number(self.out, y);
        self.out.push(b' ');
    }
}

impl ttf_parser::OutlineBuilder for Outline<'_> {
    fn move_to(&mut self, x: f32, y: f32) {
        self.point(x, y);
        self.out.extend_from_slice(b"m\n");
        self.last = (x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.point(x, y);
        self.out.extend_from_slice(b"l\n");
        self.last = (x, y);
    }

    /// PDF has only cubic curves: the quadratic's control point, raised.
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let (x0, y0) = self.last;
        let two_thirds = 2.0 / 3.0;
        self.point(x0 + two_thirds * (x1 - x0), y0 + two_thirds * (y1 - y0));
        self.point(x + two_thirds * (x1 - x), y + two_thirds * (y1 - y));
        self.point(x, y);
        self.out.extend_from_slice(b"c\n");
        self.last = (x, y);
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.point(x1, y1);
        self.point(x2, y2);
        self.point(x, y);
        self.out.extend_from_slice(b"c\n");
        self.last = (x, y);
    }

    fn close(&mut self) {
        self.out.extend_from_slice(b"h\n");
    }
}

/// Writes `value` to hundredths of a point (finer than any printer),
/// without trailing zeros: shorter streams than `{}` and no formatter.
pub fn number(out: &mut Vec<u8>, value: f32) {
    let hundredths = (f64::from(value) * 100.0).round() as i64;
    if hundredths < 0 {
        out.push(b'-');
    }
    let magnitude = hundredths.unsigned_abs();
    integer(out, (magnitude / 100) as i64);
    let fraction = magnitude % 100;
    if fraction != 0 {
        out.push(b'.');
        out.push(b'0' + (fraction / 10) as u8);
        if !fraction.is_multiple_of(10) {
            out.push(b'0' + (fraction % 10) as u8);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(value: f32) -> String {
        let mut out = Vec::new();
        number(&mut out, value);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn numbers_are_written_to_hundredths_without_trailing_zeros() {
        assert_eq!(written(0.0), "0");
        assert_eq!(written(12.0), "12");
        assert_eq!(written(12.5), "12.5");
        assert_eq!(written(-3.456), "-3.46");
        assert_eq!(written(841.89), "841.89");
        assert_eq!(written(0.05), "0.05");
        assert_eq!(written(-0.004), "0");
    }
}
