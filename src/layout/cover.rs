//! The cover page: who the plan belongs to, its title, who answers for it,
//! where it stands and who signed it off. The page is filled top to
//! bottom: the unit at the head, the sign-off block at the foot, the title
//! and the details spread between them.

use super::Warnings;
use super::boxes::{LineBox, leading, rule, stack};
use super::compose::Composer;
use super::compose::plain_pieces;
use super::fonts::Face;
use super::furniture::printed_status;
use super::text::{Align, Style, break_lines};
use super::{Colour, Item, Orientation, Page, PageKind, PageSettings, Role, RunTag};

/// A block of the cover, laid out from its own top.
#[derive(Default)]
struct Group {
    items: Vec<Item>,
    height: f32,
}

impl Group {
    /// Adds lines below what the group holds, `gap` below it.
    fn push_lines(&mut self, lines: Vec<LineBox>, gap: f32) {
        if lines.is_empty() {
            return;
        }
        let top = if self.items.is_empty() {
            self.height
        } else {
            self.height + gap
        };
        let (mut items, height) = stack(lines);
        items.iter_mut().for_each(|item| item.shift(0.0, top));
        self.items.extend(items);
        self.height = top + height;
    }

    fn push_item(&mut self, item: Item) {
        self.items.push(item);
    }

    fn place(self, page: &mut Page, x: f32, top: f32) {
        for mut item in self.items {
            item.shift(x, top);
            page.items.push(item);
        }
    }
}

/// A cover of lines stacked down from `drop` below the top of the body
/// (the changes document's and the pack's).
pub fn lines_cover(lines: Vec<LineBox>, settings: &PageSettings, drop: f32) -> Page {
    let body = settings.body_box(Orientation::Portrait);
    let (width, height) = settings.size(Orientation::Portrait);
    let (mut items, _) = stack(lines);
    for item in &mut items {
        item.shift(body.x, body.y + drop);
    }
    Page {
        kind: PageKind::Cover,
        orientation: Orientation::Portrait,
        width,
        height,
        items,
        placed: Vec::new(),
    }
}

/// The cover: who the plan belongs to, its title, who answers for it,
/// where it stands and who signed it off.
pub fn cover_page(composer: &mut Composer) -> Page {
    let settings = composer.settings;
    let body = settings.body_box(Orientation::Portrait);
    let (width, height) = settings.size(Orientation::Portrait);
    let mut page = Page {
        kind: PageKind::Cover,
        orientation: Orientation::Portrait,
        width,
        height,
        items: Vec::new(),
        placed: Vec::new(),
    };
    let head = unit_group(composer, body.width);
    let title = title_group(composer, body.width);
    let details = details_group(composer, body.width);
    let foot = sign_off_group(composer, body.width);

    // The unit at the head and the sign-off at the foot; the title a
    // little above the middle of what is left, the details below it.
    let free = (body.height - head.height - title.height - details.height - foot.height).max(0.0);
    let mut y = body.y;
    let gaps = [0.35, 0.2, 0.45].map(|share| free * share);
    for (group, gap) in [head, title, details]
        .into_iter()
        .zip([0.0, gaps[0], gaps[1]])
    {
        y += gap;
        let h = group.height;
        group.place(&mut page, body.x, y);
        y += h;
    }
    let foot_top = (body.bottom() - foot.height).max(y);
    foot.place(&mut page, body.x, foot_top);
    page
}

fn accent(size: f32, face: Face) -> Style {
    Style::new(face, size).coloured(Colour::ACCENT)
}

fn text_lines(
    composer: &mut Composer,
    text: &str,
    style: &Style,
    x: f32,
    width: f32,
) -> Vec<LineBox> {
    let pieces = plain_pieces(text, style);
    composer.text_lines(&pieces, x, width, Align::Left, leading(style.size))
}

/// Directorate, division and unit, and a rule under them.
fn unit_group(composer: &mut Composer, width: f32) -> Group {
    let cover = &composer.plan.cover;
    let size = composer.typography.body;
    let mut group = Group::default();
    for (text, style) in [
        (&cover.directorate, accent(size * 1.5, Face::Bold)),
        (&cover.division, accent(size * 1.25, Face::Regular)),
        (&cover.unit, accent(size * 1.25, Face::Regular)),
    ] {
        if !text.trim().is_empty() {
            let lines = text_lines(composer, text, &style, 0.0, width);
            group.push_lines(lines, 0.0);
        }
    }
    let y = group.height + size;
    group.push_item(rule((0.0, y), (width, y), 2.0, Colour::ACCENT));
    group.height = y + 1.0;
    group
}

/// The title, its lines balanced so the last word never stands alone,
/// and the year if the title lacks it.
fn title_group(composer: &mut Composer, width: f32) -> Group {
    let cover = &composer.plan.cover;
    let size = composer.typography.body;
    let mut group = Group::default();
    let style = accent(size * 2.6, Face::Bold).tagged(RunTag::Title);
    let title_width = balanced_width(&cover.title, &style, width);
    let lines = text_lines(composer, &cover.title, &style, 0.0, title_width);
    group.push_lines(lines, 0.0);
    if !cover.year.trim().is_empty() && !cover.title.contains(cover.year.trim()) {
        let lines = text_lines(
            composer,
            &cover.year,
            &accent(size * 1.8, Face::Regular),
            0.0,
            width,
        );
        group.push_lines(lines, 0.0);
    }
    group
}

/// The narrowest width that sets `text` in as few lines as `width` does,
/// so its lines come out even and the last is not a lone word.
fn balanced_width(text: &str, style: &Style, width: f32) -> f32 {
    let pieces = plain_pieces(text, style);
    let count = |w: f32| break_lines(&pieces, w, &mut Warnings::default()).len();
    let lines = count(width);
    if lines < 2 {
        return width;
    }
    let widest_word = text
        .split_whitespace()
        .map(|word| style.face.width(word, style.size))
        .fold(0.0, f32::max);
    let (mut low, mut high) = (widest_word.min(width), width);
    for _ in 0..16 {
        let middle = (low + high) / 2.0;
        if count(middle) <= lines {
            high = middle;
        } else {
            low = middle;
        }
    }
    high
}

/// `Director:   Name` lines, then the status, version and date.
fn details_group(composer: &mut Composer, width: f32) -> Group {
    let plan = composer.plan;
    let cover = &plan.cover;
    let size = composer.typography.body;
    let mut people: Vec<(&str, Vec<String>)> = vec![
        (cover.cabinet_label(), cover.cabinet_members.clone()),
        ("Director:", vec![cover.director.clone()]),
        ("Plan contact:", vec![cover.contact.clone()]),
    ];
    people.retain(|(_, values)| values.iter().any(|v| !v.trim().is_empty()));
    let status = &plan.status;
    let mut standing: Vec<(&str, Vec<String>)> = vec![
        ("Version:", vec![status.version.clone()]),
        ("Date:", vec![status.date.clone()]),
    ];
    standing.retain(|(_, values)| values.iter().any(|v| !v.trim().is_empty()));

    let mut group = Group::default();
    detail_lines(composer, &mut group, &people, width);
    group.height += if group.items.is_empty() {
        0.0
    } else {
        size * 1.5
    };
    let state = Style::new(Face::Bold, size * 1.1).role(Role::Label);
    let label_width = detail_label_width(size);
    let state_top = group.height;
    detail_lines(composer, &mut group, &[("Status:", Vec::new())], width);
    let (label, _) = printed_status(plan);
    let lines = text_lines(composer, label, &state, label_width, width - label_width);
    let (mut items, _) = stack(lines);
    items.iter_mut().for_each(|item| item.shift(0.0, state_top));
    group.items.extend(items);
    detail_lines(composer, &mut group, &standing, width);
    group
}

fn detail_label_width(size: f32) -> f32 {
    size * 10.5
}

/// Labels in a column, values beside them, each value on its own lines.
fn detail_lines(
    composer: &mut Composer,
    group: &mut Group,
    details: &[(&str, Vec<String>)],
    width: f32,
) {
    let size = composer.typography.body * 1.1;
    let label_width = detail_label_width(composer.typography.body);
    let label_style = Style::new(Face::Regular, size)
        .coloured(Colour::MUTED)
        .role(Role::Label);
    let value_style = Style::new(Face::Regular, size);
    for (label, values) in details {
        let top = group.height;
        let labels = text_lines(composer, label, &label_style, 0.0, label_width);
        let (mut items, mut bottom) = stack(labels);
        let mut values_top = 0.0;
        for value in values.iter().filter(|v| !v.trim().is_empty()) {
            let lines = text_lines(
                composer,
                value,
                &value_style,
                label_width,
                width - label_width,
            );
            let (mut set, h) = stack(lines);
            set.iter_mut().for_each(|item| item.shift(0.0, values_top));
            items.extend(set);
            values_top += h;
        }
        bottom = bottom.max(values_top);
        items.iter_mut().for_each(|item| item.shift(0.0, top));
        group.items.extend(items);
        group.height = top + bottom + size * 0.3;
    }
}

/// "Signed off by" with name, role and date for each sign-off record, or
/// lines to sign on when there is none; then anything else the cover shows.
fn sign_off_group(composer: &mut Composer, width: f32) -> Group {
    let plan = composer.plan;
    let size = composer.typography.body;
    let mut group = Group::default();
    let heading = Style::new(Face::Bold, size * 1.1)
        .coloured(Colour::ACCENT)
        .role(Role::Label);
    let signers: Vec<_> = plan
        .sign_off
        .iter()
        .filter(|s| !s.name.trim().is_empty())
        .collect();
    let title = if signers.is_empty() {
        "Sign-off"
    } else {
        "Signed off by"
    };
    group.push_lines(text_lines(composer, title, &heading, 0.0, width), 0.0);
    group.push_item(rule(
        (0.0, group.height + 2.0),
        (width, group.height + 2.0),
        0.6,
        Colour::ACCENT,
    ));
    group.height += 6.0;
    let columns = [0.0, width * 0.3, width * 0.78];
    let label = Style::new(Face::Regular, size * 0.85)
        .coloured(Colour::MUTED)
        .role(Role::Label);
    let header: Vec<Vec<LineBox>> = ["Name", "Role", "Date"]
        .iter()
        .zip(columns)
        .map(|(text, x)| text_lines(composer, text, &label, x, width * 0.28))
        .collect();
    group.push_row(header, 0.0);
    let value = Style::new(Face::Regular, size * 1.05);
    if signers.is_empty() {
        // A signature line in each column, to sign the printed copy on.
        let y = group.height + leading(size) * 2.2;
        for (i, &x) in columns.iter().enumerate() {
            let end = columns.get(i + 1).map_or(width, |next| next - size);
            group.push_item(rule((x, y), (end, y), 0.6, Colour::BLACK));
        }
        group.height = y + size * 0.5;
    }
    for signer in signers {
        let cells: Vec<Vec<LineBox>> = [&signer.name, &signer.role, &signer.date]
            .into_iter()
            .zip(columns.iter().zip([columns[1], columns[2], width]))
            .map(|(text, (&x, end))| text_lines(composer, text, &value, x, end - x - size))
            .collect();
        group.push_row(cells, size * 0.3);
    }
    let muted = Style::new(Face::Regular, size).coloured(Colour::MUTED);
    for line in &plan.cover.other_lines {
        let lines = text_lines(composer, line, &muted, 0.0, width);
        group.push_lines(lines, size * 1.5);
    }
    group
}

impl Group {
    /// Cells side by side, `gap` below what the group holds.
    fn push_row(&mut self, cells: Vec<Vec<LineBox>>, gap: f32) {
        let top = self.height + gap;
        let mut bottom: f32 = 0.0;
        for lines in cells {
            let (mut items, h) = stack(lines);
            items.iter_mut().for_each(|item| item.shift(0.0, top));
            self.items.extend(items);
            bottom = bottom.max(h);
        }
        self.height = top + bottom;
    }
}
