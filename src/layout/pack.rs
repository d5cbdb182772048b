//! The directorate pack: many plans as one document. One cover (the
//! directorate, the pack's title and year, each unit and where its plan
//! stands), one contents over every plan, then each plan's pages under
//! its own running header, numbered through the pack, with one watermark
//! rule: DRAFT on every page unless every plan is signed off.

use super::boxes::{AnchorMark, Chunk, ChunkKind, LineBox, leading, line_chunks};
use super::compose::Composer;
use super::flow::{Anchor, paginate};
use super::fonts::Face;
use super::furniture::{furnish, printed_status};
use super::text::{Align, Piece, Style};
use super::{
    Colour, Document, Orientation, Page, PageSettings, Part, Place, Warning, blocks, contents,
};
use crate::model::{Contents, Cover, Location, Plan, PlanState, SignOff, Status};

/// The pack's watermark: none only when every plan is signed off.
pub fn pack_mark(plans: &[Plan]) -> Option<&'static str> {
    (!plans.iter().all(Plan::is_signed_off)).then_some("DRAFT")
}

/// A plan's name in the pack: its unit and its title.
pub fn plan_name(plan: &Plan) -> String {
    match plan.cover.owner() {
        "" => plan.cover.title.clone(),
        owner => format!("{owner} – {}", plan.cover.title),
    }
}

/// Lays out `plans` as one pack titled `title`.
pub fn pack(plans: &[Plan], title: &str, settings: &PageSettings) -> Document {
    let front = front_plan(plans, title);
    let mut warnings: Vec<Warning> = Vec::new();
    let mut parts: Vec<(Vec<Page>, Vec<Anchor>)> = Vec::new();
    for (index, plan) in plans.iter().enumerate() {
        let mut composer = Composer::new(plan, settings);
        let mut chunks = plan_chunks(&mut composer, plan, index);
        let laid = paginate(&mut chunks, settings, &mut composer.warnings);
        // Warnings name the plan as well as the place in it.
        warnings.extend(composer.warnings.found.into_iter().map(|w| Warning {
            message: format!("{}: {}", plan_name(plan), w.message),
            ..w
        }));
        parts.push((laid.pages, laid.anchors));
    }

    // Every plan's anchors on the pages they will have in the pack, once
    // the contents' own length is known.
    let mut composer = Composer::new(&front, settings);
    let anchors_after = |contents: usize| -> Vec<Anchor> {
        let mut first = 1 + contents;
        let mut all = Vec::new();
        for (pages, anchors) in &parts {
            all.extend(anchors.iter().map(|a| Anchor {
                page: a.page + first,
                ..a.clone()
            }));
            first += pages.len();
        }
        all
    };
    let mut contents_count = 1;
    let (contents, anchors) = loop {
        let anchors = anchors_after(contents_count);
        let pages = contents::contents_pages(&mut composer, &anchors, 0);
        if pages.len() == contents_count {
            break (pages, anchors);
        }
        contents_count = pages.len();
    };
    warnings.extend(composer.warnings.found.iter().cloned());

    let mark = pack_mark(plans);
    let mut pages = vec![cover(&mut composer, plans, title)];
    pages.extend(contents);
    let total = pages.len() + parts.iter().map(|(p, _)| p.len()).sum::<usize>();
    for (index, page) in pages.iter_mut().enumerate() {
        let numbered = (index > 0).then_some((index, total));
        furnish(page, &front, settings, numbered, mark, 0);
    }
    for ((plan_pages, _), plan) in parts.into_iter().zip(plans) {
        for mut page in plan_pages {
            let index = pages.len();
            furnish(&mut page, plan, settings, Some((index, total)), mark, 1);
            pages.push(page);
        }
    }
    Document {
        pages,
        bookmarks: anchors.iter().map(Anchor::bookmark).collect(),
        title: title.to_string(),
        author: front.cover.directorate.clone(),
        subject: front.cover.year.clone(),
        warnings,
    }
}

/// What the pack's own pages (cover, contents) print under: the
/// directorate, the pack's title and the year, signed off only when
/// every plan is.
fn front_plan(plans: &[Plan], title: &str) -> Plan {
    let first = |field: fn(&Plan) -> &str| {
        plans
            .iter()
            .map(field)
            .find(|s| !s.trim().is_empty())
            .unwrap_or("")
            .to_string()
    };
    let all_signed = !plans.is_empty() && pack_mark(plans).is_none();
    Plan {
        format_version: crate::model::FORMAT_VERSION,
        template: first(|p| &p.template),
        cover: Cover {
            directorate: first(|p| &p.cover.directorate),
            title: title.to_string(),
            year: first(|p| &p.cover.year),
            ..Cover::default()
        },
        status: Status {
            state: if all_signed {
                PlanState::SignedOff
            } else {
                PlanState::Draft
            },
            ..Status::default()
        },
        // Every plan's sign-off, so "Signed off" prints only with names.
        sign_off: plans
            .iter()
            .flat_map(|p| p.sign_off.iter().cloned())
            .collect::<Vec<SignOff>>(),
        contents: Contents {
            title: "Contents".into(),
            ..Contents::default()
        },
        body_title: String::new(),
        rating_scale: Vec::new(),
        dictionary: Vec::new(),
        units: Vec::new(),
        sections: Vec::new(),
    }
}

/// One plan's body, starting on a new page under its name, with every
/// place and section level moved one down, below the plan.
fn plan_chunks(composer: &mut Composer, plan: &Plan, index: usize) -> Vec<Chunk> {
    let typography = composer.typography;
    let name = plan_name(plan);
    let mut chunks = vec![Chunk {
        kind: ChunkKind::Anchor(AnchorMark {
            title: name.clone(),
            aliases: Vec::new(),
            level: 1,
            ..AnchorMark::default()
        }),
        ..Chunk::default()
    }];
    let style = Style::new(Face::Bold, typography.heading(1)).coloured(Colour::MUTED);
    let lines = composer.text_lines(
        &[Piece::new(name, style.clone())],
        0.0,
        composer.body_width(),
        Align::Left,
        leading(style.size),
    );
    for mut chunk in line_chunks(lines, 0.0, true) {
        chunk.place = Location::section(&[index]);
        chunk.part = Part::Heading;
        chunks.push(chunk);
    }
    if let Some(last) = chunks.last_mut() {
        last.height += typography.body;
    }
    let mut body = blocks::body(composer, &plan.sections, 0, true);
    for chunk in &mut body {
        chunk.place.sections.insert(0, index);
        if let ChunkKind::Anchor(mark) = &mut chunk.kind {
            mark.level += 1;
        }
    }
    chunks.extend(body);
    chunks
}

/// The pack's cover: directorate, title, year, and each unit with where
/// its plan stands; under a DRAFT watermark, why.
fn cover(composer: &mut Composer, plans: &[Plan], title: &str) -> Page {
    let settings = composer.settings;
    let front = composer.plan;
    let body = settings.body_box(Orientation::Portrait);
    let typography = composer.typography;
    composer.warnings.place = Place::Cover;
    let mut lines: Vec<LineBox> = Vec::new();
    let mut add = |composer: &mut Composer, pieces: Vec<Piece>, gap: f32| {
        let size = pieces.first().map_or(typography.body, |p| p.style.size);
        let mut set = composer.text_lines(&pieces, 0.0, body.width, Align::Left, leading(size));
        if let Some(first) = set.first_mut() {
            first.space_before = gap;
        }
        lines.extend(set);
    };
    let muted = Style::new(Face::Regular, typography.body * 1.2).coloured(Colour::MUTED);
    add(
        composer,
        vec![Piece::new(front.cover.directorate.clone(), muted)],
        0.0,
    );
    let big = Style::new(Face::Bold, typography.title * 1.2).coloured(Colour::ACCENT);
    add(
        composer,
        vec![Piece::new(title, big)],
        typography.body * 3.0,
    );
    if !front.cover.year.is_empty() {
        let year = Style::new(Face::Bold, typography.heading(1));
        add(
            composer,
            vec![Piece::new(front.cover.year.clone(), year)],
            typography.body,
        );
    }
    let label = Style::new(Face::Bold, typography.body);
    let plain = Style::new(Face::Regular, typography.body);
    let count = format!(
        "The plans of {} unit{}",
        plans.len(),
        if plans.len() == 1 { "" } else { "s" }
    );
    add(
        composer,
        vec![Piece::new(count, label.clone())],
        typography.body * 3.0,
    );
    for plan in plans {
        let (state, _) = printed_status(plan);
        let mut stands = state.to_string();
        if !plan.status.version.trim().is_empty() {
            stands.push_str(&format!(", version {}", plan.status.version.trim()));
        }
        let pieces = vec![
            Piece::new(format!("{}: ", plan_name(plan)), plain.clone()),
            Piece::new(stands, label.clone()),
        ];
        add(composer, pieces, typography.body * 0.4);
    }
    if pack_mark(plans).is_some() {
        let note = "Marked DRAFT: not every plan in this pack is signed off.";
        let style = Style::new(Face::Italic, typography.body);
        add(
            composer,
            vec![Piece::new(note, style)],
            typography.body * 2.0,
        );
    }
    super::cover::lines_cover(lines, settings, typography.body * 4.0)
}
