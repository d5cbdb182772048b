//! What changed since a version, as a document: a cover saying since
//! which version, then the changes by section, deleted words struck
//! through in red and inserted ones underlined in blue, changed figures
//! as "old → new". Pages carry the plan's running header and footer.

use super::boxes::{AnchorMark, Chunk, ChunkKind, leading, line_chunks};
use super::compose::Composer;
use super::flow::paginate;
use super::fonts::Face;
use super::furniture::{add_furniture, printed_status};
use super::text::{Align, Piece, Style};
use super::{Colour, Document, Orientation, Page, PageSettings, Part, Role};
use crate::diff::{Change, Diff, What, Word, with_context};
use crate::model::{Location, Plan};

/// Deleted words: struck through, in red.
pub const DELETED: Colour = Colour::rgb(0xb0, 0x1c, 0x1c);
/// Inserted words: underlined, in blue.
pub const INSERTED: Colour = Colour::rgb(0x1a, 0x4f, 0x9c);
/// Unchanged words shown either side of a change.
const CONTEXT_WORDS: usize = 12;

/// "Changes since version 0.1": the cover names the old version.
pub fn since_label(old: &Plan) -> String {
    let version = old.status.version.trim();
    if version.is_empty() {
        "Changes since the earlier version".into()
    } else {
        format!("Changes since version {version}")
    }
}

/// Lays out the changes from `old` to `new` as a document.
pub fn changes(old: &Plan, new: &Plan, diff: &Diff, settings: &PageSettings) -> Document {
    let mut composer = Composer::new(new, settings);
    let mut chunks = body(&mut composer, diff);
    let body = paginate(&mut chunks, settings, &mut composer.warnings);
    let mut pages = vec![cover(&mut composer, old, diff)];
    pages.extend(body.pages);
    add_furniture(&mut pages, new, settings);
    let bookmarks = body
        .anchors
        .iter()
        .map(|a| super::Bookmark {
            page: a.page + 1,
            ..a.bookmark()
        })
        .collect();
    Document {
        pages,
        bookmarks,
        title: format!("{} – {}", new.cover.title, since_label(old)),
        author: new.cover.owner().to_string(),
        subject: since_label(old),
        warnings: composer.warnings.found.into_iter().collect(),
    }
}

fn cover(composer: &mut Composer, old: &Plan, diff: &Diff) -> Page {
    let settings = composer.settings;
    let new = composer.plan;
    let body = settings.body_box(Orientation::Portrait);
    let typography = composer.typography;
    let mut lines = Vec::new();
    let mut add = |composer: &mut Composer, text: &str, style: Style, gap: f32| {
        if text.trim().is_empty() {
            return;
        }
        let pieces = [Piece::new(text, style.clone())];
        let mut set =
            composer.text_lines(&pieces, 0.0, body.width, Align::Left, leading(style.size));
        if let Some(first) = set.first_mut() {
            first.space_before = gap;
        }
        lines.extend(set);
    };
    let muted = Style::new(Face::Regular, typography.body).coloured(Colour::MUTED);
    add(composer, &new.cover.directorate, muted.clone(), 0.0);
    add(composer, new.cover.owner(), muted.clone(), 0.0);
    let title = Style::new(Face::Bold, typography.title).coloured(Colour::ACCENT);
    add(composer, &new.cover.title, title, typography.body * 4.0);
    let since = Style::new(Face::Bold, typography.heading(1));
    add(composer, &since_label(old), since, typography.body * 2.0);
    let (state, _) = printed_status(new);
    let now = match new.status.version.trim() {
        "" => format!("To the current version ({state})"),
        version => format!("To version {version} ({state})"),
    };
    let plain = Style::new(Face::Regular, typography.body);
    add(composer, &now, plain.clone(), typography.body);
    let sections = count_sections(diff);
    let summary = match diff.changes.len() {
        0 => "No changes.".to_string(),
        n => format!(
            "{n} change{} in {sections} part{} of the plan. Deleted words are struck through in red; inserted words are underlined in blue.",
            if n == 1 { "" } else { "s" },
            if sections == 1 { "" } else { "s" },
        ),
    };
    add(composer, &summary, plain, typography.body);
    super::cover::lines_cover(lines, settings, typography.body * 6.0)
}

fn count_sections(diff: &Diff) -> usize {
    let mut titles: Vec<&str> = diff.changes.iter().map(|c| c.section.as_str()).collect();
    titles.dedup();
    titles.len()
}

/// The changes under a heading per section, in plan order. Each group
/// is a section of this document and each change a paragraph in it.
fn body(composer: &mut Composer, diff: &Diff) -> Vec<Chunk> {
    let typography = composer.typography;
    let width = composer.body_width();
    let mut chunks = Vec::new();
    let mut group = 0;
    let mut current: Option<&str> = None;
    let mut in_group = 0;
    if diff.changes.is_empty() {
        let pieces = [Piece::new("No changes.", composer.body_style())];
        let lines = composer.text_lines(&pieces, 0.0, width, Align::Left, leading(typography.body));
        chunks.extend(line_chunks(lines, 0.0, false));
        for chunk in &mut chunks {
            chunk.place = Location::section(&[0]);
        }
        return chunks;
    }
    for change in &diff.changes {
        if current != Some(change.section.as_str()) {
            if current.is_some() {
                group += 1;
            }
            current = Some(&change.section);
            in_group = 0;
            let title = if change.section.is_empty() {
                "Cover and status".to_string()
            } else {
                change.section.clone()
            };
            chunks.push(Chunk {
                kind: ChunkKind::Anchor(AnchorMark {
                    title: title.clone(),
                    aliases: Vec::new(),
                    level: 1,
                    ..AnchorMark::default()
                }),
                ..Chunk::default()
            });
            let size = typography.heading(2);
            let style = Style::new(Face::Bold, size).coloured(Colour::ACCENT);
            let lines = composer.text_lines(
                &[Piece::new(title, style)],
                0.0,
                width,
                Align::Left,
                leading(size),
            );
            let space = if group == 0 {
                0.0
            } else {
                typography.section_gap
            };
            for mut chunk in line_chunks(lines, space, true) {
                chunk.place = Location::section(&[group]);
                chunk.part = Part::Heading;
                chunks.push(chunk);
            }
        }
        let place = Location::block(&[group], in_group);
        in_group += 1;
        let mut pieces = vec![Piece::new(
            format!("{}: ", label(change)),
            Style::new(Face::Bold, typography.body).role(Role::Label),
        )];
        pieces.extend(change_pieces(&change.what, &composer.body_style()));
        let lines = composer.text_lines(&pieces, 0.0, width, Align::Left, leading(typography.body));
        for mut chunk in line_chunks(lines, typography.block_gap, false) {
            chunk.place = place.clone();
            chunk.part = Part::Line;
            chunks.push(chunk);
        }
    }
    chunks
}

/// What the change concerns, as a reader would say it.
pub fn label(change: &Change) -> String {
    let mut label = match &change.what {
        What::Cover { field, .. } => format!("Cover, {field}"),
        What::Status { field, .. } => capitalised(field),
        What::SectionAdded => "Section added".into(),
        What::SectionRemoved => "Section removed".into(),
        What::SectionMoved { from, to } => format!("Section moved from {from} to {to}"),
        What::Text { part, .. } => capitalised(part),
        What::Figure { row, column, .. } => format!("Figure, row “{row}”, column “{column}”"),
        What::RowAdded { table, .. } => format!("Row added to the {table}"),
        What::RowRemoved { table, .. } => format!("Row removed from the {table}"),
        What::RowMoved { table, .. } => format!("Row moved in the {table}"),
        What::BlockAdded { kind, .. } => format!("{} added", capitalised(kind)),
        What::BlockRemoved { kind, .. } => format!("{} removed", capitalised(kind)),
        What::BlockMoved { kind, .. } => format!("{} moved", capitalised(kind)),
    };
    if label.is_empty() {
        label = "Change".into();
    }
    label
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn deleted(style: &Style) -> Style {
    Style {
        strike: true,
        ..style.clone().coloured(DELETED)
    }
}

fn inserted(style: &Style) -> Style {
    Style {
        underline: true,
        ..style.clone().coloured(INSERTED)
    }
}

/// The change's words: struck, underlined or plain.
fn change_pieces(what: &What, base: &Style) -> Vec<Piece> {
    let old_new = |old: &str, new: &str| {
        let mut pieces = Vec::new();
        let blank = Style::new(Face::Italic, base.size)
            .coloured(Colour::MUTED)
            .role(Role::Label);
        if old.trim().is_empty() {
            pieces.push(Piece::new("(blank)", blank.clone()));
        } else {
            pieces.push(Piece::new(old, deleted(base)));
        }
        pieces.push(Piece::new(" → ", base.clone().role(Role::Label)));
        if new.trim().is_empty() {
            pieces.push(Piece::new("(blank)", blank));
        } else {
            pieces.push(Piece::new(new, inserted(base)));
        }
        pieces
    };
    match what {
        What::Cover { old, new, .. } | What::Status { old, new, .. } => old_new(old, new),
        What::Figure { old, new, .. } => old_new(old, new),
        What::Text { words, .. } => word_pieces(words, base),
        What::SectionAdded | What::SectionRemoved | What::SectionMoved { .. } => Vec::new(),
        What::RowAdded { row, .. } | What::BlockAdded { summary: row, .. } => {
            vec![Piece::new(row.clone(), inserted(base))]
        }
        What::RowRemoved { row, .. } | What::BlockRemoved { summary: row, .. } => {
            vec![Piece::new(row.clone(), deleted(base))]
        }
        What::RowMoved { row, .. } | What::BlockMoved { summary: row, .. } => {
            vec![Piece::new(row.clone(), base.clone())]
        }
    }
}

/// Words with the changes marked, long unchanged stretches shortened to `…`.
fn word_pieces(words: &[Word], base: &Style) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    for word in with_context(words, CONTEXT_WORDS) {
        // The space between words is plain: no line runs on past a word.
        if !pieces.is_empty() {
            pieces.push(Piece::new(" ", base.clone()));
        }
        let (text, style) = match word {
            None => ("…", base.clone().role(Role::Label)),
            Some(w @ Word::Same(_)) => (w.text(), base.clone()),
            Some(w @ Word::Deleted(_)) => (w.text(), deleted(base)),
            Some(w @ Word::Inserted(_)) => (w.text(), inserted(base)),
        };
        pieces.push(Piece::new(text, style));
    }
    pieces
}
