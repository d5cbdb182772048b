//! The cover page: who the plan belongs to, its title, who answers for it
//! and where it stands.

use super::boxes::{LineBox, leading, rule};
use super::compose::Composer;
use super::fonts::Face;
use super::text::{Align, Style, plain_pieces};
use super::{Colour, Orientation, Page, PageKind, PageSettings, Role};

fn page(kind: PageKind, settings: &PageSettings) -> Page {
    let (width, height) = settings.size(Orientation::Portrait);
    Page {
        kind,
        orientation: Orientation::Portrait,
        width,
        height,
        items: Vec::new(),
        placed: Vec::new(),
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
pub fn cover_page(composer: &mut Composer) -> Page {
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
