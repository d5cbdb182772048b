//! The body as chunks for the paginator: the body title, each section's
//! part label and heading, and its blocks (paragraphs, lists, notes,
//! structure charts here; tables in `table`).

use super::boxes::{AnchorMark, Chunk, ChunkKind, LineBox, leading, line_chunks, rule, stack};
use super::compose::Composer;
use super::fonts::Face;
use super::table;
use super::text::{Align, Piece, Style, rich_pieces};
use super::{Colour, Item, Part, Place, Role, RunTag};
use crate::model::{Block, Heading, Location, OrgChart, Section};

/// The chunks of `sections` (the plan's top-level sections from index
/// `first` on), under the body title if `with_title`.
pub fn body(
    composer: &mut Composer,
    sections: &[Section],
    first: usize,
    with_title: bool,
) -> Vec<Chunk> {
    let mut chunks = Vec::new();
    if with_title && !composer.plan.body_title.trim().is_empty() {
        let style = Style::new(Face::Bold, composer.typography.title).coloured(Colour::ACCENT);
        let pieces = [Piece::new(composer.plan.body_title.clone(), style.clone())];
        let lines = composer.text_lines(
            &pieces,
            0.0,
            composer.body_width(),
            Align::Centre,
            leading(style.size),
        );
        chunks.extend(line_chunks(lines, 0.0, true).into_iter().map(heading));
        if let Some(last) = chunks.last_mut() {
            last.height += composer.typography.body;
        }
    }
    for (i, section) in sections.iter().enumerate() {
        section_chunks(composer, section, &[first + i], &mut chunks);
    }
    chunks
}

/// A line of a heading: kept with what follows.
fn heading(chunk: Chunk) -> Chunk {
    Chunk {
        part: Part::Heading,
        ..chunk
    }
}

/// The chunks of the section at `path`, its blocks and its sub-sections.
fn section_chunks(
    composer: &mut Composer,
    section: &Section,
    path: &[usize],
    chunks: &mut Vec<Chunk>,
) {
    let level = path.len();
    let start = chunks.len();
    composer.warnings.place = Place::Body(Location::section(path));
    if section.new_page {
        chunks.push(Chunk::page_break());
    }
    // A section the plan leaves without a heading prints its slot's name,
    // the name its bookmark and contents entry use.
    let slot = composer.slot_name(&section.slot);
    let heading = section
        .title()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let slot_heading = heading.is_empty() && !slot.is_empty();
    let title = if slot_heading { slot.clone() } else { heading };
    let title = Some(title).filter(|t| !t.is_empty()).unwrap_or_else(|| {
        section
            .part
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    });
    if !title.is_empty() {
        chunks.push(Chunk {
            kind: ChunkKind::Anchor(AnchorMark {
                title,
                aliases: vec![slot.clone(), section.slot.clone()],
                level,
                unit: composer.plan.section_unit(path),
                ..AnchorMark::default()
            }),
            ..Chunk::default()
        });
    }
    let typography = composer.typography;
    let width = composer.body_width();
    let mut space = if level == 1 {
        typography.section_gap
    } else {
        typography.subsection_gap
    };
    if !section.part.trim().is_empty() {
        let style = Style::new(Face::Bold, typography.part).coloured(Colour::MUTED);
        let pieces = [Piece::new(section.part.clone(), style)];
        let lines = composer.text_lines(&pieces, 0.0, width, Align::Left, leading(typography.part));
        chunks.extend(line_chunks(lines, space, true));
        space = typography.part_gap;
    }
    if !section.heading.is_empty() || !section.number.trim().is_empty() || slot_heading {
        let heading_size = typography.heading(level);
        let style = Style::new(Face::Bold, heading_size).coloured(Colour::ACCENT);
        let mut pieces = Vec::new();
        if slot_heading {
            pieces.push(Piece::new(slot, style.clone().role(Role::Label)));
        }
        if !section.number.trim().is_empty() {
            pieces.push(Piece::new(
                format!("{} ", section.number.trim_end()),
                style.clone(),
            ));
        }
        pieces.extend(rich_pieces(&section.heading, &style));
        let lines = composer.text_lines(&pieces, 0.0, width, Align::Left, leading(heading_size));
        chunks.extend(line_chunks(lines, space, true));
        if let Some(last) = chunks.last_mut() {
            last.height += typography.after_heading;
        }
    }
    for chunk in &mut chunks[start..] {
        chunk.place = Location::section(path);
        chunk.part = Part::Heading;
    }
    for (b, block) in section.blocks.iter().enumerate() {
        let start = chunks.len();
        let place = Location::block(path, b);
        composer.warnings.place = Place::Body(place.clone());
        if let Block::Heading(sub) = block {
            // The outline nests without gaps: a level-4 sub-heading sits
            // under the level-3 one before it, else under the section.
            let under_three = section.blocks[..b]
                .iter()
                .any(|b| matches!(b, Block::Heading(h) if h.printed_level() == 3));
            let depth = if sub.printed_level() == 4 && under_three {
                2
            } else {
                1
            };
            sub_heading_chunks(composer, sub, level + depth, chunks);
        } else {
            unit_table_anchor(composer, block, path, b, chunks);
            block_chunks(composer, block, &place, chunks);
        }
        // Tables name their own rows.
        for chunk in chunks[start..].iter_mut() {
            if chunk.place.sections.is_empty() {
                chunk.place = place.clone();
            }
        }
    }
    for (i, sub) in section.subsections.iter().enumerate() {
        let sub_path: Vec<usize> = path.iter().copied().chain([i]).collect();
        section_chunks(composer, sub, &sub_path, chunks);
    }
}

/// Where a unit's table in a plan-wide section starts (a budget per
/// unit), for a contents grouped by unit: named by its caption.
fn unit_table_anchor(
    composer: &Composer,
    block: &Block,
    path: &[usize],
    b: usize,
    chunks: &mut Vec<Chunk>,
) {
    let plan = composer.plan;
    let Block::Table(table) = block else { return };
    let unit = plan.block_unit(path, b);
    if !plan.contents.by_unit || unit.is_none() || unit == plan.section_unit(path) {
        return;
    }
    let Some(caption) = table.caption.first() else {
        return;
    };
    let title = caption
        .to_plain()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    chunks.push(Chunk {
        kind: ChunkKind::Anchor(AnchorMark {
            title,
            level: path.len() + 1,
            unit,
            contents_only: true,
            ..AnchorMark::default()
        }),
        ..Chunk::default()
    });
}

/// A sub-heading among a section's blocks: its outline entry (`level`
/// deep, under its section's) and its lines, kept with what follows.
fn sub_heading_chunks(
    composer: &mut Composer,
    sub: &Heading,
    level: usize,
    chunks: &mut Vec<Chunk>,
) {
    let title = sub
        .text
        .to_plain()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if title.is_empty() {
        return;
    }
    chunks.push(Chunk {
        kind: ChunkKind::Anchor(AnchorMark {
            title,
            aliases: Vec::new(),
            level,
            sub_heading: true,
            ..AnchorMark::default()
        }),
        ..Chunk::default()
    });
    let typography = composer.typography;
    // Sized by its own level, below any section heading: level 3 as a
    // third-level section's, level 4 at body size.
    let size = match sub.printed_level() {
        3 => typography.heading(3),
        _ => typography.body,
    };
    let style = Style::new(Face::Bold, size).coloured(Colour::ACCENT);
    let pieces = rich_pieces(&sub.text, &style);
    let lines = composer.text_lines(&pieces, 0.0, composer.measure(), Align::Left, leading(size));
    let mut lines = line_chunks(lines, typography.subsection_gap, true);
    if let Some(last) = lines.last_mut() {
        last.height += typography.after_heading;
    }
    chunks.extend(lines.into_iter().map(|chunk| Chunk {
        part: Part::SubHeading(sub.printed_level()),
        ..chunk
    }));
}

fn block_chunks(composer: &mut Composer, block: &Block, place: &Location, chunks: &mut Vec<Chunk>) {
    let width = composer.measure();
    let size = composer.typography.body;
    let space = composer.typography.block_gap;
    let lines = match block {
        Block::Paragraph(rich) => {
            let pieces = rich_pieces(rich, &composer.body_style());
            composer.text_lines(&pieces, 0.0, width, Align::Left, leading(size))
        }
        Block::List(list) => {
            let style = composer.body_style();
            composer.list_lines(list, 0.0, width, &style)
        }
        Block::Note(note) => composer.note_lines(note, 0.0, width, 0),
        Block::OrgChart(chart) => org_chart(composer, chart, composer.body_width()),
        // Laid out with its outline entry by `sub_heading_chunks`.
        Block::Heading(_) => return,
        Block::Table(t) => {
            let id = composer.next_table_id();
            let mut table_chunks = table::table_chunks(composer, t, id, place);
            if let Some(first) = table_chunks.first_mut() {
                // A table's first chunk carries the usual gap above.
                first.space_before = first.space_before.max(space);
            }
            chunks.extend(table_chunks);
            return;
        }
    };
    let mut lines = line_chunks(lines, space, false);
    // A lead-in ending in a colon stays with what it introduces.
    if let Block::Paragraph(rich) = block
        && rich.to_plain().trim_end().ends_with(':')
        && let Some(last) = lines.last_mut()
    {
        last.keep_with_next = true;
    }
    chunks.extend(lines);
}

/// A structure chart: one row of boxes per level, joined by lines.
fn org_chart(composer: &mut Composer, chart: &OrgChart, width: f32) -> Vec<LineBox> {
    const GAP: f32 = 10.0;
    const MAX_PER_ROW: usize = 5;
    let size = composer.typography.small;
    let style = Style::new(Face::Regular, size);
    let mut levels: Vec<u8> = chart.boxes.iter().map(|b| b.level).collect();
    levels.sort_unstable();
    levels.dedup();
    let mut rows: Vec<Vec<&crate::model::OrgBox>> = Vec::new();
    for level in levels {
        let boxes: Vec<_> = chart.boxes.iter().filter(|b| b.level == level).collect();
        rows.extend(boxes.chunks(MAX_PER_ROW).map(<[_]>::to_vec));
    }
    let mut out = Vec::new();
    let mut box_index: u16 = 0;
    for (r, row) in rows.iter().enumerate() {
        let n = row.len() as f32;
        let box_width = ((width - GAP * (n - 1.0)) / n).min(150.0);
        let total = box_width * n + GAP * (n - 1.0);
        let left = (width - total) / 2.0;
        let connector = if r == 0 { 0.0 } else { GAP };
        let mut items = Vec::new();
        let mut height: f32 = 0.0;
        let mut boxes = Vec::new();
        for (i, org_box) in row.iter().enumerate() {
            let x = left + i as f32 * (box_width + GAP);
            let style = style.clone().tagged(RunTag::ChartBox(box_index));
            box_index = box_index.saturating_add(1);
            let pieces: Vec<Piece> = org_box
                .lines
                .iter()
                .enumerate()
                .map(|(l, line)| {
                    let face = if l == 0 { Face::Bold } else { Face::Regular };
                    let text = if l + 1 < org_box.lines.len() {
                        format!("{line}\n")
                    } else {
                        line.clone()
                    };
                    Piece::new(
                        text,
                        Style {
                            face,
                            ..style.clone()
                        },
                    )
                })
                .collect();
            let lines = composer.text_lines(
                &pieces,
                x + 4.0,
                box_width - 8.0,
                Align::Centre,
                leading(size),
            );
            let (mut set, h) = stack(lines);
            for item in &mut set {
                item.shift(0.0, connector + 4.0);
            }
            items.extend(set);
            height = height.max(h + 8.0);
            boxes.push(x);
        }
        for &x in &boxes {
            items.extend(outline(x, connector, box_width, height));
            if r > 0 {
                let centre = x + box_width / 2.0;
                items.push(rule(
                    (centre, 0.0),
                    (centre, connector),
                    CHART_LINE,
                    Colour::GRID,
                ));
            }
        }
        if r > 0 {
            let first = boxes[0] + box_width / 2.0;
            let last = boxes[boxes.len() - 1] + box_width / 2.0;
            let middle = width / 2.0;
            let bar = CHART_LINE / 2.0;
            items.push(rule(
                (first.min(middle), bar),
                (last.max(middle), bar),
                CHART_LINE,
                Colour::GRID,
            ));
        }
        if r + 1 < rows.len() {
            let middle = width / 2.0;
            let bottom = connector + height;
            items.push(rule(
                (middle, bottom),
                (middle, bottom + GAP),
                CHART_LINE,
                Colour::GRID,
            ));
        }
        let extra = if r + 1 < rows.len() { GAP } else { 0.0 };
        out.push(LineBox {
            items,
            height: connector + height + extra,
            space_before: 0.0,
        });
    }
    out
}

/// The width of a structure chart's lines.
const CHART_LINE: f32 = 0.6;

/// The four sides of a box.
fn outline(x: f32, y: f32, width: f32, height: f32) -> Vec<Item> {
    // Inset by half the line, so the box stays inside its bounds.
    const HALF: f32 = CHART_LINE / 2.0;
    let (x, y, r, b) = (x + HALF, y + HALF, x + width - HALF, y + height - HALF);
    [
        ((x, y), (r, y)),
        ((r, y), (r, b)),
        ((r, b), (x, b)),
        ((x, b), (x, y)),
    ]
    .into_iter()
    .map(|(from, to)| rule(from, to, CHART_LINE, Colour::ACCENT))
    .collect()
}
