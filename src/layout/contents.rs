//! The contents page: written entries matched to the sections they name,
//! or entries generated from the headings, each with its page number and a
//! link to it.

use super::boxes::{Chunk, LineBox, leading, line_chunks};
use super::compose::Composer;
use super::compose::plain_pieces;
use super::flow::{Anchor, paginate};
use super::fonts::Face;
use super::text::{Align, Piece, Style, set_text};
use super::{Colour, Item, LinkTarget, Orientation, Page, PageKind, Place, Rect, Role};

/// The contents pages, with `anchors` on the pages they will end up on;
/// the first `front` of them are sections before the contents page.
pub fn contents_pages(composer: &mut Composer, anchors: &[Anchor], front: usize) -> Vec<Page> {
    let plan = composer.plan;
    let settings = composer.settings;
    let size = composer.typography.body;
    let width = settings.body_box(Orientation::Portrait).width;
    let mut chunks = Vec::new();
    composer.warnings.place = Place::Contents { entry: None };
    {
        // A plan that names no title for its contents gets the usual one.
        let (title, role) = match plan.contents.title.trim() {
            "" => ("Contents", Role::Label),
            _ => (plan.contents.title.as_str(), Role::Content),
        };
        let style = Style::new(Face::Bold, composer.typography.contents_title)
            .coloured(Colour::ACCENT)
            .role(role);
        let lines = composer.text_lines(
            &plain_pieces(title, &style),
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
    let entries = entries(composer, anchors, front);
    let number_width = Face::Regular.width("0000", size);
    for Entry {
        text,
        level,
        anchor,
        role,
    } in entries
    {
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
        // line links to the section, the last one carries the dot leader
        // and the page number.
        let count = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            let mut items = line.items;
            if let Some((_, anchor)) = anchor {
                if i + 1 == count {
                    let line_end = items
                        .iter()
                        .filter_map(Item::as_text)
                        .map(|run| run.x + run.width)
                        .fold(indent, f32::max);
                    let number = (anchor.page + 1).to_string();
                    let number_start = width - face.width(&number, size);
                    items.extend(dot_leader(line_end, number_start, line_height, size));
                    let number_style = Style::new(face, size).role(Role::ContentsPage);
                    let pieces: Vec<Piece> = plain_pieces(&number, &number_style);
                    let page_number = set_text(
                        &pieces,
                        Rect {
                            x: width - number_width,
                            y: 0.0,
                            width: number_width,
                            height: 0.0,
                        },
                        Align::Right,
                        line_height,
                        &mut composer.warnings,
                    );
                    items.extend(page_number.items);
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

/// A line of the contents: the words, how deep, the section it stands for
/// (its index among the anchors) and whose words they are.
struct Entry<'a> {
    text: String,
    level: usize,
    anchor: Option<(usize, &'a Anchor)>,
    role: Role,
}

/// The contents in printed order: generated from the headings, or the
/// entries the author wrote, each matched to its section, with any
/// top-level section they leave out added in its place. A written entry
/// out of the printed order is printed in order and reported.
fn entries<'a>(composer: &mut Composer, anchors: &'a [Anchor], front: usize) -> Vec<Entry<'a>> {
    let plan = composer.plan;
    let generated = |(i, a): (usize, &'a Anchor)| Entry {
        text: a.mark.title.clone(),
        level: a.mark.level,
        anchor: Some((i, a)),
        role: Role::ContentsEntry,
    };
    if plan.contents.entries.is_empty() {
        let listed = |a: &Anchor| a.mark.level <= 2 && !a.mark.sub_heading && !a.mark.contents_only;
        if !plan.contents.by_unit || plan.units.is_empty() {
            return (anchors.iter().enumerate())
                .filter(|(_, a)| listed(a))
                .map(generated)
                .collect();
        }
        // The plan-wide sections, then each unit's under its name.
        let mut out: Vec<Entry> = (anchors.iter().enumerate())
            .filter(|(_, a)| listed(a) && a.mark.unit.is_none())
            .map(generated)
            .collect();
        for (u, unit) in plan.units.iter().enumerate() {
            let own: Vec<(usize, &Anchor)> = (anchors.iter().enumerate())
                .filter(|(_, a)| a.mark.unit == Some(u) && (listed(a) || a.mark.contents_only))
                .collect();
            let Some(&first) = own.first() else { continue };
            out.push(Entry {
                text: unit.name.clone(),
                level: 1,
                anchor: Some(first),
                role: Role::ContentsEntry,
            });
            out.extend(own.into_iter().map(|a| Entry {
                level: 2,
                ..generated(a)
            }));
        }
        return out;
    }
    let mut after = 0;
    let mut entries: Vec<Entry> = Vec::new();
    for (n, e) in plan.contents.entries.iter().enumerate() {
        composer.warnings.place = Place::Contents { entry: Some(n) };
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
        match found {
            Some((i, _)) => after = i + 1,
            None => composer.warnings.add(format!(
                "contents entry \"{}\" matches no heading, so it has no page number",
                e.text
            )),
        }
        if let (Some((i, _)), Some(previous)) = (found, entries.iter().rev().find_map(|e| e.anchor))
            && i < previous.0
        {
            composer.warnings.add(format!(
                "\"{}\" is written after \"{}\", but its section prints before that one; \
                 the contents lists it in printed order",
                e.text, previous.1.mark.title
            ));
        }
        entries.push(Entry {
            text: e.text.clone(),
            level: usize::from(e.level.max(1)),
            anchor: found,
            role: Role::Content,
        });
    }
    composer.warnings.place = Place::Contents { entry: None };
    // Every top-level section after the contents page is listed.
    let listed: Vec<usize> = entries
        .iter()
        .filter_map(|e| e.anchor.map(|a| a.0))
        .collect();
    entries.extend(
        (anchors.iter().enumerate())
            .filter(|(i, a)| *i >= front && a.mark.level == 1 && !listed.contains(i))
            .map(generated),
    );
    // Printed order; an entry with no section stays after the one before it.
    let mut key = 0;
    let mut keyed: Vec<(usize, usize, Entry)> = (entries.into_iter().enumerate())
        .map(|(n, e)| {
            if let Some((i, _)) = e.anchor {
                key = i;
            }
            (key, n, e)
        })
        .collect();
    keyed.sort_by_key(|&(key, n, _)| (key, n));
    keyed.into_iter().map(|(_, _, e)| e).collect()
}

/// Dots from the end of an entry's words to its page number, on the
/// entry's last line, spaced as a typesetter's leader is.
fn dot_leader(from: f32, to: f32, height: f32, size: f32) -> Vec<Item> {
    let style = Style::new(Face::Regular, size).role(Role::Label);
    let gap = size * 0.5;
    let dot = style.face.width(". ", size);
    let count = ((to - gap - (from + gap)) / dot).floor();
    if count < 2.0 {
        return Vec::new();
    }
    let text = ". ".repeat(count as usize).trim_end().to_string();
    let width = style.face.width(&text, size);
    let set = set_text(
        &plain_pieces(&text, &style),
        Rect {
            x: to - gap - width,
            y: height - leading(size),
            width,
            height: 0.0,
        },
        Align::Left,
        leading(size),
        &mut Default::default(),
    );
    set.items
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
    let is_named = |a: &Anchor| {
        !a.mark.sub_heading && (a.mark.title == name || a.mark.aliases.iter().any(|s| s == name))
    };
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
        .filter(|(_, a)| !a.mark.sub_heading && score(a) >= ENOUGH)
        .max_by(|x, y| {
            rank(x)
                .partial_cmp(&rank(y))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
}
