//! The parts of the document around the body: the cover, the contents
//! (laid out twice, once to count its pages and once with the numbers),
//! the running header and footer, and the DRAFT watermark.

use super::blocks::{Composer, LineBox, leading, line_chunks, plain_pieces, rule};
use super::flow::{Anchor, Chunk, Paginated, paginate};
use super::fonts::Face;
use super::text::{Align, Piece, Style, set_text};
use super::{
    Colour, Document, Item, LinkTarget, Orientation, Page, PageKind, PageSettings, Rect, Role,
    TextRun,
};
use crate::model::{Plan, PlanState, Section};

pub fn lay_out_document(plan: &Plan, settings: &PageSettings) -> Document {
    let mut composer = Composer::new(plan, settings);
    // A foreword may come before the contents page.
    let (front, main) = plan
        .sections
        .split_at(plan.contents.after_sections.min(plan.sections.len()));
    let mut lay_out = |sections: &[Section], with_title: bool| {
        let mut chunks = composer.body(sections, with_title);
        if chunks.is_empty() {
            return Paginated::default();
        }
        paginate(&mut chunks, settings, &mut composer.warnings)
    };
    // The body title heads the first body page, foreword or not.
    let has_front = !front.is_empty();
    let front = lay_out(front, has_front);
    let main = lay_out(main, !has_front);

    // The contents' own length decides the body's page numbers, so lay it
    // out until the count it assumed is the count it takes.
    let after_cover = |anchors: &[Anchor], first_page: usize| -> Vec<Anchor> {
        anchors
            .iter()
            .map(|a| Anchor {
                page: a.page + first_page,
                ..a.clone()
            })
            .collect()
    };
    let mut contents_count = 1;
    let (contents, anchors) = loop {
        let mut anchors = after_cover(&front.anchors, 1);
        let main_first_page = 1 + front.pages.len() + contents_count;
        anchors.extend(after_cover(&main.anchors, main_first_page));
        let pages = contents_pages(&mut composer, &anchors);
        if pages.len() == contents_count {
            break (pages, anchors);
        }
        contents_count = pages.len();
    };

    let mut pages = vec![cover_page(&mut composer)];
    pages.extend(front.pages);
    pages.extend(contents);
    pages.extend(main.pages);
    let total = pages.len();
    let draft = plan.status.state != PlanState::SignedOff;
    for (index, page) in pages.iter_mut().enumerate() {
        if index > 0 {
            let furniture = running_header(plan, settings, page.orientation)
                .into_iter()
                .chain(footer(plan, settings, page.orientation, index, total));
            page.items.extend(furniture);
        }
        if draft {
            page.items.insert(0, watermark(page));
        }
    }
    let bookmarks = anchors.iter().map(Anchor::bookmark).collect();
    let cover = &plan.cover;
    Document {
        pages,
        bookmarks,
        title: cover.title.clone(),
        author: cover.owner().to_string(),
        subject: [cover.directorate.as_str(), cover.year.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        warnings: composer.warnings.0.into_iter().collect(),
    }
}

fn page(kind: PageKind, settings: &PageSettings) -> Page {
    let (width, height) = settings.size(Orientation::Portrait);
    Page {
        kind,
        orientation: Orientation::Portrait,
        width,
        height,
        items: Vec::new(),
    }
}

/// Stacks line boxes down the page from `top`; returns the new top.
fn place_lines(page: &mut Page, lines: Vec<LineBox>, x: f32, top: f32) -> f32 {
    let mut y = top;
    for (i, line) in lines.into_iter().enumerate() {
        if i > 0 {
            y += line.space_before;
        }
        for mut item in line.items {
            item.shift(x, y);
            page.items.push(item);
        }
        y += line.height;
    }
    y
}

/// Sets plain text across the body's width from `top`; returns the new top.
fn full_width_text(
    composer: &mut Composer,
    page: &mut Page,
    text: &str,
    style: &Style,
    top: f32,
) -> f32 {
    let body = composer.settings.body_box(Orientation::Portrait);
    let pieces = plain_pieces(text, style);
    let lines = composer.text_lines(&pieces, 0.0, body.width, Align::Left, leading(style.size));
    place_lines(page, lines, body.x, top)
}

/// The cover: who the plan belongs to, its title, who answers for it and
/// where it stands.
fn cover_page(composer: &mut Composer) -> Page {
    let plan = composer.plan;
    let settings = composer.settings;
    let cover = &plan.cover;
    let body = settings.body_box(Orientation::Portrait);
    let size = settings.body_size;
    let mut page = page(PageKind::Cover, settings);
    let accent = |face, scale: f32| Style::new(face, size * scale).coloured(Colour::ACCENT);

    let mut y = body.y;
    for (text, style) in [
        (&cover.directorate, accent(Face::Bold, 1.5)),
        (&cover.division, accent(Face::Regular, 1.25)),
        (&cover.unit, accent(Face::Regular, 1.25)),
    ] {
        if !text.trim().is_empty() {
            y = full_width_text(composer, &mut page, text, &style, y);
        }
    }
    y += size;
    page.items
        .push(rule((body.x, y), (body.right(), y), 2.0, Colour::ACCENT));

    // The title sits a third of the way down the page.
    y = y.max(body.y + body.height * 0.3);
    y = full_width_text(
        composer,
        &mut page,
        &cover.title,
        &accent(Face::Bold, 2.6),
        y,
    );
    if !cover.year.trim().is_empty() && !cover.title.contains(cover.year.trim()) {
        y = full_width_text(
            composer,
            &mut page,
            &cover.year,
            &accent(Face::Regular, 1.8),
            y,
        );
    }
    y += size * 3.0;

    let mut details: Vec<(&str, Vec<String>)> = vec![
        (cover.cabinet_label(), cover.cabinet_members.clone()),
        ("Director:", vec![cover.director.clone()]),
        ("Plan contact:", vec![cover.contact.clone()]),
    ];
    details.retain(|(_, values)| values.iter().any(|v| !v.trim().is_empty()));
    y = detail_lines(composer, &mut page, &details, y);
    y += size * 1.5;

    let status = &plan.status;
    let status_rows: Vec<(&str, Vec<String>)> = vec![
        ("Status:", vec![]),
        ("Version:", vec![status.version.clone()]),
        ("Date:", vec![status.date.clone()]),
    ];
    let state = Style::new(Face::Bold, size * 1.1).role(Role::Label);
    let label_width = detail_label_width(size);
    let lines = composer.text_lines(
        &plain_pieces(status.state.label(), &state),
        label_width,
        body.width - label_width,
        Align::Left,
        leading(size * 1.1),
    );
    place_lines(&mut page, lines, body.x, y);
    let status_rows: Vec<_> = status_rows
        .into_iter()
        .filter(|(label, values)| {
            *label == "Status:" || values.iter().any(|v| !v.trim().is_empty())
        })
        .collect();
    y = detail_lines(composer, &mut page, &status_rows, y);

    if !plan.sign_off.is_empty() {
        y += size * 1.5;
        let sign_offs: Vec<(&str, Vec<String>)> = plan
            .sign_off
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let text = [s.name.as_str(), s.role.as_str(), s.date.as_str()]
                    .into_iter()
                    .filter(|t| !t.trim().is_empty())
                    .collect::<Vec<_>>()
                    .join(", ");
                (if i == 0 { "Signed off by:" } else { "" }, vec![text])
            })
            .collect();
        y = detail_lines(composer, &mut page, &sign_offs, y);
    }

    // Anything else the cover shows goes at the foot of the page.
    let style = Style::new(Face::Regular, size).coloured(Colour::MUTED);
    let other: Vec<LineBox> = cover
        .other_lines
        .iter()
        .flat_map(|line| {
            composer.text_lines(
                &plain_pieces(line, &style),
                0.0,
                body.width,
                Align::Left,
                leading(size),
            )
        })
        .collect();
    let height: f32 = other.iter().map(|l| l.height).sum();
    place_lines(
        &mut page,
        other,
        body.x,
        (body.bottom() - height).max(y + size),
    );
    page
}

fn detail_label_width(size: f32) -> f32 {
    size * 11.0
}

/// `Director:   Name` lines: labels in a column, values beside them.
fn detail_lines(
    composer: &mut Composer,
    page: &mut Page,
    details: &[(&str, Vec<String>)],
    mut y: f32,
) -> f32 {
    let body = composer.settings.body_box(Orientation::Portrait);
    let size = composer.settings.body_size * 1.1;
    let label_width = detail_label_width(composer.settings.body_size);
    let label_style = Style::new(Face::Regular, size)
        .coloured(Colour::MUTED)
        .role(Role::Label);
    let value_style = Style::new(Face::Regular, size);
    for (label, values) in details {
        let labels = composer.text_lines(
            &plain_pieces(label, &label_style),
            0.0,
            label_width,
            Align::Left,
            leading(size),
        );
        place_lines(page, labels, body.x, y);
        let mut bottom = y + leading(size);
        for value in values {
            let lines = composer.text_lines(
                &plain_pieces(value, &value_style),
                label_width,
                body.width - label_width,
                Align::Left,
                leading(size),
            );
            bottom = place_lines(page, lines, body.x, bottom - leading(size)) + leading(size);
        }
        y = bottom - leading(size) + leading(size) * 1.25;
    }
    y
}

/// The contents pages, with `anchors` on the pages they will end up on.
fn contents_pages(composer: &mut Composer, anchors: &[Anchor]) -> Vec<Page> {
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
                let found = matching_anchor(&e.text, anchors, after);
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
        let set = set_text(
            &plain_pieces(&text, &style),
            Rect {
                x: indent,
                y: 0.0,
                width: text_width,
                height: 0.0,
            },
            Align::Left,
            line_height,
            &mut composer.warnings,
        );
        let mut items = set.items;
        if let Some(anchor) = anchor {
            let number = (anchor.page + 1).to_string();
            let number_style = Style::new(face, size).role(Role::ContentsPage);
            let pieces: Vec<Piece> = plain_pieces(&number, &number_style);
            let page_number = set_text(
                &pieces,
                Rect {
                    x: width - number_width,
                    y: set.height - line_height,
                    width: number_width,
                    height: 0.0,
                },
                Align::Right,
                line_height,
                &mut composer.warnings,
            );
            items.extend(page_number.items);
            items.push(Item::Link {
                rect: Rect {
                    x: 0.0,
                    y: 0.0,
                    width,
                    height: set.height,
                },
                target: LinkTarget::Page {
                    page: anchor.page,
                    y: anchor.y,
                },
            });
        }
        chunks.push(Chunk {
            items,
            height: set.height,
            space_before: if level == 1 { size * 0.6 } else { size * 0.15 },
            ..Chunk::default()
        });
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

fn furniture_style(role: Role) -> Style {
    Style::new(Face::Regular, 8.0)
        .coloured(Colour::MUTED)
        .role(role)
}

/// One line of furniture text, left- or right-aligned in `band`.
fn furniture_text(text: &str, band: Rect, align: Align, role: Role) -> Vec<Item> {
    let style = furniture_style(role);
    let width = style.face.width(text, style.size);
    let x = match align {
        Align::Right => band.right() - width,
        Align::Centre => band.x + (band.width - width) / 2.0,
        Align::Left => band.x,
    };
    vec![Item::Text(TextRun {
        text: text.to_string(),
        x,
        baseline: band.y + band.height / 2.0 + style.size * 0.35,
        face: style.face,
        size: style.size,
        colour: style.colour,
        role,
        underline: false,
        rotation: 0.0,
        joins_next: false,
        width,
    })]
}

/// Unit on the left, plan title on the right, a rule beneath.
fn running_header(plan: &Plan, settings: &PageSettings, orientation: Orientation) -> Vec<Item> {
    let band = settings.header_box(orientation);
    let half = Rect {
        width: band.width / 2.0 - 6.0,
        ..band
    };
    let right_half = Rect {
        x: band.x + band.width / 2.0 + 6.0,
        ..half
    };
    let mut items = furniture_text(
        &fit(plan.cover.owner(), half.width),
        half,
        Align::Left,
        Role::RunningHeader,
    );
    items.extend(furniture_text(
        &fit(&plan.cover.title, right_half.width),
        right_half,
        Align::Right,
        Role::RunningHeader,
    ));
    let under = band.bottom() - 0.5;
    items.push(rule(
        (band.x, under),
        (band.right(), under),
        0.5,
        Colour::GRID,
    ));
    items
}

/// Status and version on the left, "Page X of Y" on the right.
fn footer(
    plan: &Plan,
    settings: &PageSettings,
    orientation: Orientation,
    index: usize,
    total: usize,
) -> Vec<Item> {
    let band = settings.footer_box(orientation);
    let status = &plan.status;
    let mut left = status.state.label().to_string();
    if !status.version.trim().is_empty() {
        left.push_str(&format!(" · Version {}", status.version.trim()));
    }
    if !status.date.trim().is_empty() {
        left.push_str(&format!(" · {}", status.date.trim()));
    }
    let over = band.y + 0.5;
    let mut items = vec![rule(
        (band.x, over),
        (band.right(), over),
        0.5,
        Colour::GRID,
    )];
    items.extend(furniture_text(
        &fit(&left, band.width * 0.6),
        band,
        Align::Left,
        Role::Footer,
    ));
    items.extend(furniture_text(
        &format!("Page {} of {total}", index + 1),
        band,
        Align::Right,
        Role::Footer,
    ));
    items
}

/// Shortens furniture text with an ellipsis so it stays in its band.
fn fit(text: &str, width: f32) -> String {
    let style = furniture_style(Role::Footer);
    if style.face.width(text, style.size) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if style.face.width(&out, style.size) + style.face.width(&format!("{c}…"), style.size)
            > width
        {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

/// DRAFT across the page's diagonal, pale, beneath everything else.
fn watermark(page: &Page) -> Item {
    let size = page.width.min(page.height) * 0.24;
    let face = Face::Bold;
    let width = face.width("DRAFT", size);
    let angle = (page.height / page.width).atan();
    let (cx, cy) = (page.width / 2.0, page.height / 2.0);
    // Start so that the word's middle (half its cap height up) is the page's middle.
    let half_cap = size * 0.36;
    let x = cx - width / 2.0 * angle.cos() - half_cap * angle.sin();
    let y = cy + width / 2.0 * angle.sin() + half_cap * angle.cos();
    Item::Text(TextRun {
        text: "DRAFT".into(),
        x,
        baseline: y,
        face,
        size,
        colour: Colour::WATERMARK,
        role: Role::Watermark,
        underline: false,
        rotation: angle.to_degrees(),
        joins_next: false,
        width,
    })
}
