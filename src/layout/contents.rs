//! The contents page: written entries matched to the sections they name,
//! or entries generated from the headings, each with its page number and a
//! link to it.

use super::blocks::{Composer, LineBox, leading, line_chunks, plain_pieces};
use super::flow::{Anchor, Chunk, paginate};
use super::fonts::Face;
use super::text::{Align, Piece, Style, set_text};
use super::{Colour, Item, LinkTarget, Orientation, Page, PageKind, Rect, Role};

/// The contents pages, with `anchors` on the pages they will end up on.
pub fn contents_pages(composer: &mut Composer, anchors: &[Anchor]) -> Vec<Page> {
    let plan = composer.plan;
    let settings = composer.settings;
    let size = settings.body_size;
    let width = settings.body_box(Orientation::Portrait).width;
    let mut chunks = Vec::new();
    if !plan.contents.title.trim().is_empty() {
        let style = Style::new(Face::Bold, size * 1.5).coloured(Colour::ACCENT);
        let lines = composer.text_lines(
            &plain_pieces(&plan.contents.title, &style),
            0.0,
            width,
            Align::Left,
            leading(style.size),
        );
        chunks.extend(line_chunks(lines, 0.0, true));
        if let Some(last) = chunks.last_mut() {
            last.height += size;
        }
    }
    let entries: Vec<(String, usize, Option<&Anchor>, Role)> = if plan.contents.entries.is_empty() {
        anchors
            .iter()
            .filter(|a| a.mark.level <= 2)
            .map(|a| {
                (
                    a.mark.title.clone(),
                    a.mark.level,
                    Some(a),
                    Role::ContentsEntry,
                )
            })
            .collect()
    } else {
        let mut after = 0;
        plan.contents
            .entries
            .iter()
            .map(|e| {
                let named = (!e.section.is_empty())
                    .then(|| named_anchor(&e.section, anchors, after))
                    .flatten();
                if !e.section.is_empty() && named.is_none() {
                    composer.warnings.add(format!(
                        "contents entry \"{}\" stands for a section \"{}\" that the plan does not have",
                        e.text, e.section
                    ));
                }
                let found = named.or_else(|| matching_anchor(&e.text, anchors, after));
                if let Some((i, _)) = found {
                    after = i + 1;
                }
                let anchor = found.map(|(_, a)| a);
                if anchor.is_none() {
                    composer.warnings.add(format!(
                        "contents entry \"{}\" matches no heading, so it has no page number",
                        e.text
                    ));
                }
                (
                    e.text.clone(),
                    usize::from(e.level.max(1)),
                    anchor,
                    Role::Content,
                )
            })
            .collect()
    };
    let number_width = Face::Regular.width("0000", size);
    for (text, level, anchor, role) in entries {
        let indent = size * 1.8 * (level - 1) as f32;
        let face = if level == 1 {
            Face::Bold
        } else {
            Face::Regular
        };
        let style = Style::new(face, size).role(role);
        let line_height = leading(size);
        let text_width = width - indent - number_width - size;
        let pieces = plain_pieces(&text, &style);
        let mut lines = composer.text_lines(&pieces, indent, text_width, Align::Left, line_height);
        if lines.is_empty() {
            lines.push(LineBox {
                height: line_height,
                ..LineBox::default()
            });
        }
        // A line a chunk, so an entry longer than a page still flows; each
        // line links to the section, the last one carries its page number.
        let count = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            let mut items = line.items;
            if let Some(anchor) = anchor {
                if i + 1 == count {
                    let number = (anchor.page + 1).to_string();
                    let number_style = Style::new(face, size).role(Role::ContentsPage);
                    let pieces: Vec<Piece> = plain_pieces(&number, &number_style);
                    let area = Rect {
                        x: width - number_width,
                        y: 0.0,
                        width: number_width,
                        height: 0.0,
                    };
                    let set = set_text(
                        &pieces,
                        area,
                        Align::Right,
                        line_height,
                        &mut composer.warnings,
                    );
                    items.extend(set.items);
                }
                items.push(Item::Link {
                    rect: Rect {
                        x: 0.0,
                        y: 0.0,
                        width,
                        height: line_height,
                    },
                    target: LinkTarget::Page {
                        page: anchor.page,
                        y: anchor.y,
                    },
                });
            }
            let space_before = if level == 1 { size * 0.6 } else { size * 0.15 };
            chunks.push(Chunk {
                items,
                height: line_height,
                space_before: if i == 0 { space_before } else { 0.0 },
                keep_with_next: i + 1 < count,
                ..Chunk::default()
            });
        }
    }
    let mut pages = paginate(&mut chunks, settings, &mut composer.warnings).pages;
    for page in &mut pages {
        page.kind = PageKind::Contents;
    }
    pages
}

/// Words that carry meaning, lower-cased, for matching contents entries
/// to headings worded a little differently.
fn key_words(text: &str) -> Vec<String> {
    const FILLER: [&str; 6] = ["and", "the", "of", "for", "to", "a"];
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().any(char::is_alphabetic) && !FILLER.contains(w))
        .map(singular)
        .collect()
}

/// `equalities` as `equality`, `risks` as `risk`: near enough for matching.
fn singular(word: &str) -> String {
    match word.strip_suffix("ies") {
        Some(stem) => format!("{stem}y"),
        None => word.strip_suffix('s').unwrap_or(word).to_string(),
    }
}

/// How much of `entry` a name covers: the share of its key words in it.
fn coverage(entry: &[String], name: &str) -> f32 {
    let name = key_words(name);
    let shared = entry.iter().filter(|w| name.contains(w)).count();
    shared as f32 / entry.len().max(1) as f32
}

/// The section a contents entry names: the first with that title or slot
/// after the previous entry's section, else the first anywhere (a plan may
/// have two sections of one name, as "Equalities and Diversity" is both a
/// section and a part of Staffing).
fn named_anchor<'a>(
    name: &str,
    anchors: &'a [Anchor],
    after: usize,
) -> Option<(usize, &'a Anchor)> {
    let is_named = |a: &Anchor| a.mark.title == name || a.mark.aliases.iter().any(|s| s == name);
    let mut named = anchors.iter().enumerate().filter(|(_, a)| is_named(a));
    let first = named.clone().next();
    named.find(|(i, _)| *i >= after).or(first)
}

/// The section a written contents entry stands for: the best-covered
/// title or alias.
fn matching_anchor<'a>(
    entry: &str,
    anchors: &'a [Anchor],
    after: usize,
) -> Option<(usize, &'a Anchor)> {
    const ENOUGH: f32 = 0.5;
    let wanted = key_words(entry);
    if wanted.is_empty() {
        return None;
    }
    let score = |a: &Anchor| {
        std::iter::once(&a.mark.title)
            .chain(&a.mark.aliases)
            .map(|name| coverage(&wanted, name))
            .fold(0.0, f32::max)
    };
    // The best-covered section wins; among equals, the first after the
    // previous entry's (written contents mostly follow the plan's order).
    let rank = |&(i, a): &(usize, &Anchor)| (score(a), i >= after, std::cmp::Reverse(i));
    anchors
        .iter()
        .enumerate()
        .filter(|(_, a)| score(a) >= ENOUGH)
        .max_by(|x, y| {
            rank(x)
                .partial_cmp(&rank(y))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
}
