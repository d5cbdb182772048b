//! Rich-text line breaking: styled pieces in, lines of measured fragments
//! out. Breaks at spaces; a word wider than the line breaks inside itself
//! rather than overflowing.

use super::fonts::{ASCENT, DESCENT, Face};
use super::{Colour, Item, LinkTarget, Rect, Role, RunTag, TextRun, Warnings};
use crate::model::Rich;

/// Superscripts print at this fraction of the size, raised by `RAISE`.
const SUPERSCRIPT_SCALE: f32 = 0.65;
const SUPERSCRIPT_RAISE: f32 = 0.38;

/// Widths computed along different paths differ in the last bits; a word
/// this much wider than the room still fits.
const TOLERANCE: f32 = 0.01;

/// How a piece of text looks.
#[derive(Clone, Debug, PartialEq)]
pub struct Style {
    pub face: Face,
    pub size: f32,
    pub colour: Colour,
    pub role: Role,
    pub underline: bool,
    /// A line through the words: deleted text in a list of changes.
    pub strike: bool,
    pub superscript: bool,
    pub link: Option<String>,
    /// What its runs are in the tagged PDF.
    pub tag: RunTag,
}

impl Style {
    pub fn new(face: Face, size: f32) -> Style {
        Style {
            face,
            size,
            colour: Colour::BLACK,
            role: Role::Content,
            underline: false,
            strike: false,
            superscript: false,
            link: None,
            tag: RunTag::Plain,
        }
    }

    pub fn tagged(self, tag: RunTag) -> Style {
        Style { tag, ..self }
    }

    pub fn coloured(self, colour: Colour) -> Style {
        Style { colour, ..self }
    }

    pub fn role(self, role: Role) -> Style {
        Style { role, ..self }
    }

    /// The size glyphs are drawn at (smaller for superscripts).
    fn drawn_size(&self) -> f32 {
        if self.superscript {
            self.size * SUPERSCRIPT_SCALE
        } else {
            self.size
        }
    }

    fn width(&self, text: &str) -> f32 {
        self.face.width(text, self.drawn_size())
    }
}

/// A stretch of text in one style, before line breaking.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    pub text: String,
    pub style: Style,
}

impl Piece {
    pub fn new(text: impl Into<String>, style: Style) -> Piece {
        Piece {
            text: text.into(),
            style,
        }
    }
}

/// Turns rich text into pieces: bold and italic pick the face, links turn
/// blue and underlined, all on top of `base`.
pub fn rich_pieces(rich: &Rich, base: &Style) -> Vec<Piece> {
    rich.0
        .iter()
        .map(|span| {
            let mut style = base.clone();
            style.face = Face::styled(
                span.bold || base.face.is_bold(),
                span.italic || base.face.is_italic(),
            );
            style.underline = span.underline || base.underline;
            style.superscript = span.superscript;
            if !span.link.is_empty() {
                style.link = Some(span.link.clone());
                style.colour = Colour::LINK;
                style.underline = true;
            }
            Piece::new(span.text.clone(), style)
        })
        .collect()
}

/// A measured stretch of one line in one style.
#[derive(Clone, Debug, PartialEq)]
pub struct Fragment {
    pub text: String,
    pub style: Style,
    /// From the line's start.
    pub x: f32,
    pub width: f32,
    pub joins_next: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Line {
    pub fragments: Vec<Fragment>,
    pub width: f32,
}

/// One word's part in one style.
struct Segment<'a> {
    text: &'a str,
    style: &'a Style,
    width: f32,
}

enum Token<'a> {
    Word(Vec<Segment<'a>>),
    /// A space, measured in the style of the text it sits in.
    Space(f32),
    Newline,
}

fn flush_word<'a>(word: &mut Vec<Segment<'a>>, tokens: &mut Vec<Token<'a>>) {
    if !word.is_empty() {
        tokens.push(Token::Word(std::mem::take(word)));
    }
}

fn tokenize(pieces: &[Piece]) -> Vec<Token<'_>> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut word: Vec<Segment> = Vec::new();
    let flush = flush_word;
    for piece in pieces {
        let text = piece.text.as_str();
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if c.is_whitespace() && !binds_to_next(text, start, i) {
                if start < i {
                    let part = &text[start..i];
                    word.push(Segment {
                        text: part,
                        style: &piece.style,
                        width: piece.style.width(part),
                    });
                }
                flush(&mut word, &mut tokens);
                tokens.push(if c == '\n' {
                    Token::Newline
                } else {
                    Token::Space(piece.style.width(" "))
                });
                start = i + c.len_utf8();
            }
        }
        if start < text.len() {
            let part = &text[start..];
            word.push(Segment {
                text: part,
                style: &piece.style,
                width: piece.style.width(part),
            });
        }
    }
    flush(&mut word, &mut tokens);
    tokens
}

/// A lone "&" and the space after it stay with the next word, so "&"
/// never ends a line ("Contracts / & / Projects" in a narrow column).
fn binds_to_next(text: &str, word_start: usize, space: usize) -> bool {
    &text[word_start..space] == "&"
        && text[space..].starts_with(' ')
        && text[space + 1..]
            .chars()
            .next()
            .is_some_and(|next| !next.is_whitespace())
}

/// Builds lines fragment by fragment.
struct LineBuilder<'w> {
    max_width: f32,
    lines: Vec<Line>,
    current: Line,
    /// Width of the space owed before the next word on this line.
    pending_space: Option<f32>,
    warnings: &'w mut Warnings,
}

impl LineBuilder<'_> {
    fn push_segment(&mut self, text: &str, style: &Style, width: f32, space_before: f32) {
        let line = &mut self.current;
        match line.fragments.last_mut() {
            // Same style after a space: extend the run, space included.
            Some(last) if space_before > 0.0 && !last.joins_next && last.style == *style => {
                last.text.push(' ');
                last.text.push_str(text);
                last.width += space_before + width;
            }
            _ => line.fragments.push(Fragment {
                text: text.to_string(),
                style: style.clone(),
                x: line.width + space_before,
                width,
                joins_next: false,
            }),
        }
        line.width += space_before + width;
    }

    fn end_line(&mut self) {
        self.lines.push(std::mem::take(&mut self.current));
        self.pending_space = None;
    }

    fn push_word(&mut self, segments: &[Segment]) {
        let word_width: f32 = segments.iter().map(|s| s.width).sum();
        let mut space = self
            .pending_space
            .filter(|_| !self.current.fragments.is_empty())
            .unwrap_or(0.0);
        if !self.current.fragments.is_empty()
            && self.current.width + space + word_width > self.max_width + TOLERANCE
        {
            self.end_line();
            space = 0.0;
        }
        self.pending_space = None;
        if word_width <= self.max_width + TOLERANCE - self.current.width - space {
            for (i, segment) in segments.iter().enumerate() {
                self.join_previous(i > 0);
                let gap = if i == 0 { space } else { 0.0 };
                self.push_segment(segment.text, segment.style, segment.width, gap);
            }
        } else {
            self.break_inside(segments);
        }
    }

    /// Marks the previous fragment as continued by the next (no space).
    fn join_previous(&mut self, joined: bool) {
        if joined && let Some(last) = self.current.fragments.last_mut() {
            last.joins_next = true;
        }
    }

    /// Lays a word wider than the line character by character, breaking
    /// wherever the line is full: after the line's last `/`, `.` or `-`
    /// if it has one (a URL breaks between its parts), else between
    /// letters. Each character is measured once, so a word of any length
    /// takes time in proportion to it.
    fn break_inside(&mut self, segments: &[Segment]) {
        let word: String = segments.iter().map(|s| s.text).collect();
        self.warnings.add(format!(
            "\"{}\" is wider than its column and was broken inside the word",
            abbreviated(&word)
        ));
        for (i, segment) in segments.iter().enumerate() {
            self.join_previous(i > 0);
            let text = segment.text;
            let mut start = 0;
            let mut width = 0.0;
            // Where this line's part could end after a `/`, `.` or `-`,
            // and its width up to there.
            let mut opening: Option<(usize, f32)> = None;
            for (at, c) in text.char_indices() {
                let w = segment.style.width(&text[at..at + c.len_utf8()]);
                while self.current.width + width + w > self.max_width + TOLERANCE
                    && (at > start || !self.current.fragments.is_empty())
                {
                    let (end, end_width) = opening.take().unwrap_or((at, width));
                    if end > start {
                        self.push_segment(&text[start..end], segment.style, end_width, 0.0);
                    }
                    self.join_previous(true);
                    self.end_line();
                    start = end;
                    width -= end_width;
                }
                width += w;
                if matches!(c, '/' | '.' | '-') {
                    opening = Some((at + c.len_utf8(), width));
                }
            }
            if start < text.len() {
                self.push_segment(&text[start..], segment.style, width, 0.0);
            }
        }
    }
}

/// A long word cut short for a message: its first 40 characters.
fn abbreviated(word: &str) -> String {
    const SHOWN: usize = 40;
    match word.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("{}… ({} characters)", &word[..cut], word.chars().count()),
        None => word.to_owned(),
    }
}

/// Breaks styled text into lines no wider than `max_width`.
pub fn break_lines(pieces: &[Piece], max_width: f32, warnings: &mut Warnings) -> Vec<Line> {
    let replaced = replace_missing_glyphs(pieces, warnings);
    let pieces = replaced.as_deref().unwrap_or(pieces);
    let mut builder = LineBuilder {
        max_width,
        lines: Vec::new(),
        current: Line::default(),
        pending_space: None,
        warnings,
    };
    for token in tokenize(pieces) {
        match token {
            Token::Word(segments) => builder.push_word(&segments),
            Token::Space(width) => {
                builder.pending_space = Some(builder.pending_space.unwrap_or(width).max(width))
            }
            Token::Newline => builder.end_line(),
        }
    }
    if !builder.current.fragments.is_empty() {
        builder.end_line();
    }
    builder.lines
}

/// Adds `c` to `list` unless it is there; returns it.
fn push_new(list: &mut Vec<char>, c: char) -> char {
    if !list.contains(&c) {
        list.push(c);
    }
    c
}

/// Stands in for a character the font lacks, so the reader sees that
/// something is missing: a white square, or `?` in a face without one.
fn replacement(face: Face) -> char {
    if face.has_glyph('□') { '□' } else { '?' }
}

/// The pieces with each character their face lacks replaced by a visible
/// stand-in, and one warning naming those characters (`None` if the faces
/// have them all).
fn replace_missing_glyphs(pieces: &[Piece], warnings: &mut Warnings) -> Option<Vec<Piece>> {
    const NAMED: usize = 8;
    let lacks = |piece: &Piece| piece.text.chars().any(|c| !piece.style.face.has_glyph(c));
    if !pieces.iter().any(lacks) {
        return None;
    }
    let mut missing: Vec<char> = Vec::new();
    let mut stand_ins: Vec<char> = Vec::new();
    let replaced = pieces
        .iter()
        .map(|piece| {
            let face = piece.style.face;
            let text: String = (piece.text.chars())
                .map(|c| match face.has_glyph(c) {
                    true => c,
                    false => {
                        push_new(&mut missing, c);
                        push_new(&mut stand_ins, replacement(face))
                    }
                })
                .collect();
            Piece::new(text, piece.style.clone())
        })
        .collect();
    let mut named: Vec<String> = (missing.iter().take(NAMED))
        .map(|c| format!("'{}' (U+{:04X})", c.escape_debug(), *c as u32))
        .collect();
    if missing.len() > NAMED {
        named.push(format!("and {} more", missing.len() - NAMED));
    }
    let stand_ins: Vec<String> = stand_ins.iter().map(|c| format!("\"{c}\"")).collect();
    warnings.add(format!(
        "the font has no glyph for {} character{}: {}; printed as {}",
        missing.len(),
        if missing.len() == 1 { "" } else { "s" },
        named.join(", "),
        stand_ins.join(" or ")
    ));
    Some(replaced)
}

/// How wide text is, for sizing the column it goes in.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Extents {
    /// The widest word: narrower, and words would have to break.
    pub widest_word: f32,
    /// The text set on one line (its longest hard line).
    pub natural: f32,
}

/// Measures `pieces` for column sizing, in one pass.
pub fn extents(pieces: &[Piece]) -> Extents {
    let mut extents = Extents::default();
    let mut line = 0.0;
    let mut space = 0.0;
    for token in tokenize(pieces) {
        match token {
            Token::Word(segments) => {
                let word: f32 = segments.iter().map(|s| s.width).sum();
                extents.widest_word = extents.widest_word.max(word);
                if line > 0.0 {
                    line += space;
                }
                line += word;
                space = 0.0;
            }
            Token::Space(w) => space = w,
            Token::Newline => {
                extents.natural = extents.natural.max(line);
                line = 0.0;
            }
        }
    }
    extents.natural = extents.natural.max(line);
    extents
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Centre,
}

/// Lines set in a column: the items, placed with the first line's top at
/// `top`.
pub struct SetText {
    pub items: Vec<Item>,
}

/// Places broken lines in a column `width` wide starting at (`x`, `top`),
/// one every `leading` points.
pub fn set_lines(
    lines: &[Line],
    x: f32,
    top: f32,
    width: f32,
    align: Align,
    leading: f32,
) -> SetText {
    let mut items = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let offset = match align {
            Align::Left => 0.0,
            Align::Right => width - line.width,
            Align::Centre => (width - line.width) / 2.0,
        };
        let size = line
            .fragments
            .iter()
            .map(|f| f.style.size)
            .fold(0.0, f32::max);
        // Centre the glyphs' height in the line's leading.
        let glyphs = (ASCENT + DESCENT) * size;
        let baseline = top + i as f32 * leading + (leading - glyphs) / 2.0 + ASCENT * size;
        for fragment in &line.fragments {
            let style = &fragment.style;
            let raise = if style.superscript {
                style.size * SUPERSCRIPT_RAISE
            } else {
                0.0
            };
            let run = TextRun {
                text: fragment.text.clone(),
                x: x + offset + fragment.x,
                baseline: baseline - raise,
                face: style.face,
                size: style.drawn_size(),
                colour: style.colour,
                role: style.role,
                underline: style.underline,
                strike: style.strike,
                rotation: 0.0,
                joins_next: fragment.joins_next,
                width: fragment.width,
                cell: None,
                placed: None,
                tag: style.tag,
            };
            if let Some(uri) = &style.link {
                items.push(Item::Link {
                    rect: run.bounds(),
                    target: LinkTarget::Uri(uri.clone()),
                });
            }
            items.push(Item::Text(run));
        }
    }
    SetText { items }
}

/// Breaks and sets text in one go.
pub fn set_text(
    pieces: &[Piece],
    area: Rect,
    align: Align,
    leading: f32,
    warnings: &mut Warnings,
) -> SetText {
    let lines = break_lines(pieces, area.width, warnings);
    set_lines(&lines, area.x, area.y, area.width, align, leading)
}

#[cfg(test)]
mod tests;
