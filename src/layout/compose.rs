//! Text set into line boxes: paragraphs, lists, notes and table cells,
//! which every pass that prints the plan's words shares. Holds what the
//! passes share while laying out: the plan, the page settings, the type
//! sizes and the warnings.

use super::Warnings;
use super::boxes::{LineBox, Typography, leading};
use super::figures::{scale_length, slots};
use super::fonts::Face;
use super::text::{Align, Piece, Style, break_lines, rich_pieces, set_lines};
use super::{Colour, ListPlace, Orientation, PageSettings, Role, RunTag};
use crate::model::{Cell, CellBlock, List, ListStyle, Note, Plan, Rich};
use crate::template;

/// Plain text in a style, as pieces.
pub fn plain_pieces(text: &str, style: &Style) -> Vec<Piece> {
    rich_pieces(&Rich::plain(text), style)
}

/// The prose measure in ems: Liberation Sans averages 0.44 em a character
/// in the plans' English, so 36 ems is about 80 characters.
const MEASURE_EMS: f32 = 36.0;

/// Sets the plan's text for the passes and collects their warnings.
pub struct Composer<'a> {
    pub plan: &'a Plan,
    pub settings: &'a PageSettings,
    pub typography: Typography,
    pub warnings: Warnings,
    tables: usize,
    /// The rating key prints once, under the first table with ratings.
    pub rating_key_printed: bool,
}

impl<'a> Composer<'a> {
    pub fn new(plan: &'a Plan, settings: &'a PageSettings) -> Composer<'a> {
        Composer {
            plan,
            settings,
            typography: Typography::new(settings.body_size),
            warnings: Warnings::default(),
            tables: 0,
            rating_key_printed: false,
        }
    }

    /// What a section in `slot` is called: its template's heading, else
    /// the slot's own name (`structure-chart` as `Structure chart`).
    pub fn slot_name(&self, slot: &str) -> String {
        template::slot_name(&self.plan.template, slot)
    }

    pub fn body_style(&self) -> Style {
        Style::new(Face::Regular, self.typography.body)
    }

    /// The width of a portrait page's body.
    pub fn body_width(&self) -> f32 {
        self.settings.body_box(Orientation::Portrait).width
    }

    /// How wide prose is set: about 80 characters a line, which reads
    /// better than the body's whole width (tables and charts use all of it).
    pub fn measure(&self) -> f32 {
        self.body_width().min(self.typography.body * MEASURE_EMS)
    }

    /// A number for the next table, so its header repeats above its own
    /// rows only.
    pub fn next_table_id(&mut self) -> usize {
        self.tables += 1;
        self.tables
    }

    /// Breaks `pieces` into lines, each a box of its own.
    pub fn text_lines(
        &mut self,
        pieces: &[Piece],
        x: f32,
        width: f32,
        align: Align,
        leading: f32,
    ) -> Vec<LineBox> {
        break_lines(pieces, width, &mut self.warnings)
            .iter()
            .map(|line| LineBox {
                items: set_lines(std::slice::from_ref(line), x, 0.0, width, align, leading).items,
                height: leading,
                space_before: 0.0,
            })
            .collect()
    }

    /// A list with hanging indents: markers in a gutter as wide as the
    /// widest marker, item text beside them, nested lists indented further.
    pub fn list_lines(&mut self, list: &List, x: f32, width: f32, style: &Style) -> Vec<LineBox> {
        let markers: Vec<String> = (0..list.items.len()).map(|i| list.marker(i)).collect();
        let indent = list_indent(list, style);
        let leading = leading(style.size);
        // A nested list's style carries the item it is in.
        let parent = match style.tag {
            RunTag::List(place) => place,
            _ => ListPlace::default(),
        };
        let mut out = Vec::new();
        for (i, (item, marker)) in list.items.iter().zip(&markers).enumerate() {
            let place = parent.child(i);
            let style = &style.clone().tagged(RunTag::List(place));
            let pieces = rich_pieces(&item.text, style);
            let mut lines =
                self.text_lines(&pieces, x + indent, width - indent, Align::Left, leading);
            if lines.is_empty() {
                lines.push(LineBox {
                    height: leading,
                    ..LineBox::default()
                });
            }
            if !marker.is_empty() {
                let role = if item.marker.is_empty() {
                    Role::Marker
                } else {
                    Role::Content
                };
                let marker_style = (style.clone().role(role)).tagged(RunTag::List(place.marker()));
                let mut set = self.text_lines(
                    &[Piece::new(marker.clone(), marker_style)],
                    x,
                    indent,
                    Align::Left,
                    leading,
                );
                if let Some(marker_line) = set.first_mut() {
                    lines[0].items.splice(0..0, marker_line.items.drain(..));
                }
            }
            lines[0].space_before = Typography::list_item_gap(style.size);
            out.extend(lines);
            if !item.children.is_empty() {
                out.extend(self.list_lines(&item.children, x + indent, width - indent, style));
            }
        }
        out
    }

    /// A note in smaller type, its marker hanging in the margin of the
    /// text; `index` tells a block's notes apart.
    pub fn note_lines(&mut self, note: &Note, x: f32, width: f32, index: usize) -> Vec<LineBox> {
        let size = self.typography.small;
        let style = (Style::new(Face::Regular, size).coloured(Colour::MUTED))
            .tagged(RunTag::Note(index.min(usize::from(u16::MAX)) as u16));
        let mut pieces = Vec::new();
        if !note.marker.is_empty() {
            pieces.push(Piece::new(format!("{} ", note.marker), style.clone()));
        }
        pieces.extend(rich_pieces(&note.text, &style));
        self.text_lines(&pieces, x, width, Align::Left, leading(size))
    }

    /// A table cell's paragraphs, lists and ratings, top to bottom.
    pub fn cell_lines(
        &mut self,
        cell: &Cell,
        x: f32,
        width: f32,
        align: Align,
        style: &Style,
    ) -> Vec<LineBox> {
        let mut out = Vec::new();
        let leading = leading(style.size);
        let blocks = &cell.0;
        let mut i = 0;
        while i < blocks.len() {
            let mut lines = match &blocks[i] {
                CellBlock::Para(rich) => {
                    let mut pieces = rich_pieces(rich, style);
                    // A rating prints on the line of the value it rates.
                    if let Some(CellBlock::Rating(rating)) = blocks.get(i + 1) {
                        pieces.extend(self.rating_pieces(rating.band, &rating.label, style));
                        i += 1;
                    }
                    self.text_lines(&pieces, x, width, align, leading)
                }
                CellBlock::Rating(rating) => {
                    let pieces = self.rating_pieces(rating.band, &rating.label, style);
                    self.text_lines(&pieces, x, width, align, leading)
                }
                CellBlock::List(list) => {
                    let place = RunTag::List(ListPlace::cell_block(i));
                    self.list_lines(list, x, width, &style.clone().tagged(place))
                }
            };
            if let Some(first) = lines.first_mut().filter(|_| !out.is_empty()) {
                first.space_before = first
                    .space_before
                    .max(Typography::cell_block_gap(style.size));
            }
            out.extend(lines);
            i += 1;
        }
        out
    }

    /// ` ●●●○○ Acceptable`: a slot for each band of the plan's scale, the
    /// filled ones in the band's colour, then the label.
    pub fn rating_pieces(&mut self, band: u8, label: &str, style: &Style) -> Vec<Piece> {
        // The space before the slots is read with them, as their words.
        let slots = self.slot_pieces(band, style);
        let tag = slots.first().map_or(style.tag, |piece| piece.style.tag);
        let mut pieces = vec![Piece::new(" ", style.clone().tagged(tag))];
        pieces.extend(slots);
        if !label.trim().is_empty() {
            pieces.push(Piece::new(format!(" {label}"), style.clone()));
        }
        pieces
    }

    /// `●●●○○`: the filled slots in the band's colour, the empty ones grey.
    pub fn slot_pieces(&mut self, band: u8, style: &Style) -> Vec<Piece> {
        let colour = match self.plan.band_colour(band) {
            Some(hex) => Colour::from_hex(hex).unwrap_or_else(|| {
                self.warnings.add(format!(
                    "rating band {band} has colour \"{hex}\", which is not #rrggbb; printed grey"
                ));
                Colour::grey(0.5)
            }),
            None => Colour::grey(0.5),
        };
        let scale = scale_length(self.plan);
        let (filled, empty) = slots(band, scale);
        let of = scale.min(usize::from(u8::MAX)) as u8;
        let marker = (style.clone().role(Role::Marker)).tagged(RunTag::Rating { band, of });
        let mut pieces = Vec::new();
        if !filled.is_empty() {
            pieces.push(Piece::new(filled, marker.clone().coloured(colour)));
        }
        if !empty.is_empty() {
            pieces.push(Piece::new(empty, marker.coloured(Colour::GRID)));
        }
        pieces
    }
}

/// How far a list's text is indented: the widest marker and a gap, so the
/// markers hang in a gutter of their own.
pub fn list_indent(list: &List, style: &Style) -> f32 {
    let widest = (0..list.items.len())
        .map(|i| style.face.width(&list.marker(i), style.size))
        .fold(0.0, f32::max);
    if widest == 0.0 && list.style == ListStyle::Plain {
        0.0
    } else {
        (widest + style.size * 0.6).max(style.size * 1.3)
    }
}
