//! The furniture around the body: the running header and footer on every
//! page after the cover, and the watermark that says where the plan stands.

use super::boxes::rule;
use super::fonts::Face;
use super::text::{Align, Style};
use super::{Colour, Item, Orientation, Page, PageSettings, Rect, Role, RunTag, TextRun};
use crate::model::{Plan, PlanState};

/// Where the plan stands, as its pages say it, and the watermark that
/// says so on every page. A plan marked signed off with no signer prints
/// as awaiting sign-off: "Signed off" never prints without a name.
pub fn printed_status(plan: &Plan) -> (&'static str, Option<&'static str>) {
    match plan.status.state {
        PlanState::Draft => ("Draft", Some("DRAFT")),
        PlanState::ForSmtReview => ("For SMT review", Some("FOR SMT REVIEW")),
        PlanState::SignedOff if plan.is_signed_off() => ("Signed off", None),
        PlanState::SignedOff => ("Awaiting sign-off", Some("NOT SIGNED OFF")),
    }
}

/// The running header and footer on every page after the cover, and the
/// watermark on every page of a plan not yet signed off.
pub fn add_furniture(pages: &mut [Page], plan: &Plan, settings: &PageSettings) {
    let total = pages.len();
    let (_, mark) = printed_status(plan);
    for (index, page) in pages.iter_mut().enumerate() {
        let numbered = (index > 0).then_some((index, total));
        furnish(page, plan, settings, numbered, mark, 0);
    }
}

/// One page's furniture: `plan`'s running header and footer, numbered
/// as page `index` (0-based) of `total` when `numbered`, and the watermark.
/// `depth` is how many levels the page's places sit below the plan's own
/// (1 in a pack, where each plan's sections sit under the plan).
pub fn furnish(
    page: &mut Page,
    plan: &Plan,
    settings: &PageSettings,
    numbered: Option<(usize, usize)>,
    mark: Option<&str>,
    depth: usize,
) {
    if let Some((index, total)) = numbered {
        let owner = page_owner(plan, page, depth);
        let furniture = running_header(plan, &owner, settings, page.orientation)
            .into_iter()
            .chain(footer(plan, settings, page.orientation, index, total));
        page.items.extend(furniture);
    }
    if let Some(mark) = mark {
        page.items.insert(0, watermark(page, mark));
    }
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
        strike: false,
        rotation: 0.0,
        joins_next: false,
        width,
        cell: None,
        placed: None,
        tag: RunTag::Plain,
    })]
}

/// Whose page it is, for its running header: the plan's owner, and the
/// unit the page prints (`Strategy, Policy and Performance Division ·
/// Management Information`). A page that prints parts of several units
/// names the first and the last, as a directory's header does
/// (`… · Ashford (AS 1) – Canterbury Coastal`).
fn page_owner(plan: &Plan, page: &Page, depth: usize) -> String {
    let owner = plan.cover.owner();
    let body = page.placed.iter().filter(|p| !p.place.is_cover());
    let mut units: Vec<usize> = body
        .filter_map(|p| {
            let sections = p.place.sections.get(depth..)?;
            match p.place.block {
                Some(b) => plan.block_unit(sections, b),
                None => plan.section_unit(sections),
            }
        })
        .collect();
    units.dedup();
    let name = |u: &usize| plan.units[*u].name.trim();
    let named = match (units.first(), units.last()) {
        (Some(first), Some(last)) if first == last => name(first).to_string(),
        (Some(first), Some(last)) => format!("{} – {}", name(first), name(last)),
        _ => String::new(),
    };
    if named.is_empty() || named == owner.trim() {
        owner.to_string()
    } else {
        format!("{owner} · {named}")
    }
}

/// Whose page it is on the left, plan title on the right, a rule beneath.
fn running_header(
    plan: &Plan,
    owner: &str,
    settings: &PageSettings,
    orientation: Orientation,
) -> Vec<Item> {
    let band = settings.header_box(orientation);
    // The title takes what it needs (up to half); the owner the rest.
    let style = furniture_style(Role::RunningHeader);
    let title_width = style.face.width(&plan.cover.title, style.size);
    let right_width = title_width.min(band.width / 2.0 - 6.0);
    let half = Rect {
        width: band.width - right_width - 12.0,
        ..band
    };
    let right_half = Rect {
        x: band.right() - right_width,
        width: right_width,
        ..band
    };
    let mut items = furniture_text(
        &fit(owner, half.width),
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
    let mut left = printed_status(plan).0.to_string();
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

/// `text` across the page's diagonal, pale, beneath everything else, as
/// large as fits along three fifths of the diagonal.
fn watermark(page: &Page, text: &str) -> Item {
    let face = Face::Bold;
    let diagonal = page.width.hypot(page.height);
    let size = (page.width.min(page.height) * 0.24).min(diagonal * 0.6 / face.width(text, 1.0));
    let width = face.width(text, size);
    let angle = (page.height / page.width).atan();
    let (cx, cy) = (page.width / 2.0, page.height / 2.0);
    // Start so that the word's middle (half its cap height up) is the page's middle.
    let half_cap = size * 0.36;
    let x = cx - width / 2.0 * angle.cos() - half_cap * angle.sin();
    let y = cy + width / 2.0 * angle.sin() + half_cap * angle.cos();
    Item::Text(TextRun {
        text: text.into(),
        x,
        baseline: y,
        face,
        size,
        colour: Colour::WATERMARK,
        role: Role::Watermark,
        underline: false,
        strike: false,
        rotation: angle.to_degrees(),
        joins_next: false,
        width,
        cell: None,
        placed: None,
        tag: RunTag::Plain,
    })
}
