//! Editing styled text through a plain-text field: the field edits the
//! plain text, and the spans are carried over by diffing old against new.
//! Positions are in characters, as text cursors count them.

use crate::model::{Rich, Span};
use std::ops::Range;

/// A style an author can toggle on a selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Bold,
    Italic,
    Underline,
    Superscript,
}

impl Style {
    fn get(self, span: &Span) -> bool {
        match self {
            Style::Bold => span.bold,
            Style::Italic => span.italic,
            Style::Underline => span.underline,
            Style::Superscript => span.superscript,
        }
    }

    fn set(self, span: &mut Span, on: bool) {
        match self {
            Style::Bold => span.bold = on,
            Style::Italic => span.italic = on,
            Style::Underline => span.underline = on,
            Style::Superscript => span.superscript = on,
        }
    }
}

/// A change of style the author asked for, for the selection of the
/// styled field that last had the keyboard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Restyle {
    Toggle(Style),
    /// Make the selection a link to this address (empty: no link).
    Link(String),
}

impl Restyle {
    /// `rich` with the change made over the character range `range`.
    pub fn apply(&self, rich: &Rich, range: Range<usize>) -> Rich {
        match self {
            Restyle::Toggle(style) => toggle_style(rich, range, *style),
            Restyle::Link(url) => set_link(rich, range, url.trim()),
        }
    }
}

/// Links the characters in `range` to `url`, or unlinks them if it is empty.
pub fn set_link(rich: &Rich, range: Range<usize>, url: &str) -> Rich {
    if range.is_empty() {
        return rich.clone();
    }
    let mut spans = split_at_chars(rich, &[range.start, range.end]);
    let mut offset = 0;
    for span in &mut spans {
        let len = span.text.chars().count();
        if offset >= range.start && offset + len <= range.end {
            span.link = url.to_owned();
        }
        offset += len;
    }
    Rich(spans).normalized()
}

/// One span per character would be simplest; this keeps the spans but
/// splits them at character positions instead.
fn split_at_chars(rich: &Rich, cuts: &[usize]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut offset = 0;
    for span in &rich.0 {
        let len = span.text.chars().count();
        let mut start = 0;
        for &cut in cuts {
            if cut > offset + start && cut < offset + len {
                let local = cut - offset;
                out.push(with_text(span, char_slice(&span.text, start..local)));
                start = local;
            }
        }
        out.push(with_text(span, char_slice(&span.text, start..len)));
        offset += len;
    }
    out
}

fn with_text(span: &Span, text: &str) -> Span {
    Span {
        text: text.to_owned(),
        ..span.clone()
    }
}

fn char_slice(text: &str, range: Range<usize>) -> &str {
    let byte = |i: usize| text.char_indices().nth(i).map_or(text.len(), |(b, _)| b);
    &text[byte(range.start)..byte(range.end)]
}

/// `rich` after its plain text changed from `old` to `new`: the unchanged
/// start and end keep their styles, typed text takes the style of the
/// character before it.
pub fn apply_text_edit(rich: &Rich, old: &str, new: &str) -> Rich {
    if old == new {
        return rich.clone();
    }
    let old_chars: Vec<char> = old.chars().collect();
    let new_chars: Vec<char> = new.chars().collect();
    let prefix = old_chars
        .iter()
        .zip(&new_chars)
        .take_while(|(a, b)| a == b)
        .count();
    let max_suffix = old_chars.len().min(new_chars.len()) - prefix;
    let suffix = old_chars
        .iter()
        .rev()
        .zip(new_chars.iter().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    let removed_end = old_chars.len() - suffix;
    let inserted: String = new_chars[prefix..new_chars.len() - suffix].iter().collect();

    let spans = split_at_chars(rich, &[prefix, removed_end]);
    let mut out = Vec::with_capacity(spans.len() + 1);
    let mut offset = 0;
    // The style typed text inherits: the span ending at the insertion point.
    let mut inherit: Option<Span> = None;
    let mut inserted_done = inserted.is_empty();
    for span in spans {
        let len = span.text.chars().count();
        let (start, end) = (offset, offset + len);
        offset = end;
        if end <= prefix {
            if len > 0 {
                inherit = Some(span.clone());
            }
            out.push(span);
            continue;
        }
        if !inserted_done {
            out.push(styled_like(inherit.as_ref().unwrap_or(&span), &inserted));
            inserted_done = true;
        }
        if start >= removed_end {
            out.push(span);
        }
    }
    if !inserted_done {
        let style = inherit
            .or_else(|| rich.0.last().cloned())
            .unwrap_or_default();
        out.push(styled_like(&style, &inserted));
    }
    Rich(out).normalized()
}

fn styled_like(style: &Span, text: &str) -> Span {
    Span {
        text: text.to_owned(),
        // A link is a link to its own words: typing next to it is not.
        link: String::new(),
        ..style.clone()
    }
}

/// Turns `style` on over `range`, or off where it is all on already.
pub fn toggle_style(rich: &Rich, range: Range<usize>, style: Style) -> Rich {
    if range.is_empty() {
        return rich.clone();
    }
    let spans = split_at_chars(rich, &[range.start, range.end]);
    let mut offset = 0;
    let mut inside = Vec::new();
    for (i, span) in spans.iter().enumerate() {
        let len = span.text.chars().count();
        if offset >= range.start && offset + len <= range.end && len > 0 {
            inside.push(i);
        }
        offset += len;
    }
    let all_on = inside.iter().all(|&i| style.get(&spans[i]));
    let mut spans = spans;
    for i in inside {
        style.set(&mut spans[i], !all_on);
    }
    Rich(spans).normalized()
}

/// True when every character in `range` has `style`.
pub fn has_style(rich: &Rich, range: Range<usize>, style: Style) -> bool {
    let mut offset = 0;
    let mut any = false;
    for span in &rich.0 {
        let len = span.text.chars().count();
        let overlaps = offset < range.end && offset + len > range.start;
        if overlaps {
            any = true;
            if !style.get(span) {
                return false;
            }
        }
        offset += len;
    }
    any
}

/// The text split at its line breaks, each line keeping its styles.
pub fn split_lines(rich: &Rich) -> Vec<Rich> {
    let mut lines = vec![Vec::new()];
    for span in &rich.0 {
        for (i, piece) in span.text.split('\n').enumerate() {
            if i > 0 {
                lines.push(Vec::new());
            }
            if let Some(line) = lines.last_mut() {
                line.push(with_text(span, piece));
            }
        }
    }
    lines.into_iter().map(|l| Rich(l).normalized()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bold(text: &str) -> Span {
        Span {
            text: text.into(),
            bold: true,
            ..Span::default()
        }
    }

    fn sample() -> Rich {
        Rich(vec![Span::plain("The "), bold("key"), Span::plain(" aim")])
    }

    #[test]
    fn typing_inside_a_bold_word_stays_bold() {
        let r = apply_text_edit(&sample(), "The key aim", "The keys aim");
        assert_eq!(
            r.0,
            vec![Span::plain("The "), bold("keys"), Span::plain(" aim")]
        );
    }

    #[test]
    fn deleting_across_spans_keeps_the_rest() {
        let r = apply_text_edit(&sample(), "The key aim", "Thaim");
        assert_eq!(r.to_plain(), "Thaim");
        assert_eq!(r.0, vec![Span::plain("Thaim")]);
        let r = apply_text_edit(&sample(), "The key aim", "The kaim");
        assert_eq!(
            r.0,
            vec![Span::plain("The "), bold("k"), Span::plain("aim")]
        );
    }

    #[test]
    fn typing_at_the_start_and_end_and_into_empty_text() {
        // One edit a frame, as typing makes them.
        let r = apply_text_edit(&sample(), "The key aim", "So The key aim");
        let r = apply_text_edit(&r, "So The key aim", "So The key aims");
        assert_eq!(r.to_plain(), "So The key aims");
        assert_eq!(r.0[1], bold("key"));
        let r = apply_text_edit(&Rich::default(), "", "new");
        assert_eq!(r, Rich::plain("new"));
        let r = apply_text_edit(&Rich(vec![bold("x")]), "x", "");
        assert_eq!(r, Rich::default());
    }

    #[test]
    fn repeated_characters_and_multibyte_text() {
        let r = apply_text_edit(&Rich(vec![bold("££"), Span::plain("é")]), "££é", "£££é");
        assert_eq!(r.0, vec![bold("£££"), Span::plain("é")]);
    }

    #[test]
    fn splitting_lines_keeps_styles() {
        let r = Rich(vec![Span::plain("a\nb"), bold("c\nd")]);
        let lines = split_lines(&r);
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[1].0, vec![Span::plain("b"), bold("c")]);
        assert_eq!(lines[2].0, vec![bold("d")]);
        assert_eq!(split_lines(&Rich::default()), vec![Rich::default()]);
    }

    #[test]
    fn underline_superscript_and_links_on_a_selection() {
        let r = Restyle::Toggle(Style::Underline).apply(&Rich::plain("one two"), 0..3);
        assert!(r.0[0].underline && !r.0[1].underline);
        let r = Restyle::Toggle(Style::Superscript).apply(&Rich::plain("1st"), 1..3);
        assert_eq!(r.0[1].text, "st");
        assert!(r.0[1].superscript);
        let r = Restyle::Link(" https://example.org ".into()).apply(&Rich::plain("see it"), 4..6);
        assert_eq!(r.0[1].link, "https://example.org");
        assert_eq!(r.0[1].text, "it");
        let r = Restyle::Link(String::new()).apply(&r, 0..6);
        assert_eq!(r, Rich::plain("see it"), "an empty address unlinks");
    }

    #[test]
    fn toggling_bold_on_and_off() {
        let r = toggle_style(&Rich::plain("one two"), 4..7, Style::Bold);
        assert_eq!(r.0, vec![Span::plain("one "), bold("two")]);
        assert!(has_style(&r, 4..7, Style::Bold));
        assert!(!has_style(&r, 2..7, Style::Bold));
        let r = toggle_style(&r, 4..7, Style::Bold);
        assert_eq!(r, Rich::plain("one two"));
        let r = toggle_style(&sample(), 0..11, Style::Italic);
        assert!(r.0.iter().all(|s| s.italic));
        assert_eq!(r.to_plain(), "The key aim");
    }
}
