//! Figures and ratings in table columns. A column of figures lines up on
//! the decimal point (or where it would be: "20%" above "24.8"), with
//! footnote markers ("295 *", "43.2**") hung to the right of the
//! alignment. A rating prints as a fixed row of slots, one per band of the
//! plan's scale, filled up to its band, in a sub-column of its own after
//! the rated value, its label beside the slots.

use super::Role;
use super::boxes::{LineBox, leading};
use super::columns::row_style;
use super::compose::Composer;
use super::fonts::Face;
use super::text::{Align, Piece, Style};
use crate::model::{Cell, CellBlock, Plan, RowKind, Table};

/// A filled rating slot, and an empty one.
pub const FILLED: char = '●';
pub const EMPTY: char = '○';
/// Between the value and the slots, and between the slots and the label, in ems.
const VALUE_GAP: f32 = 0.4;
const LABEL_GAP: f32 = 0.3;

/// A figure split where it aligns: `£1,530.8**` is `£1,530` | `.8` | `**`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Figure<'a> {
    /// Sign, currency and the digits before the decimal point.
    pub whole: &'a str,
    /// The decimal point, its digits and any unit after them (`%`, `m`, `)`).
    pub fraction: &'a str,
    /// Footnote marks after the figure, with any space before them.
    pub marker: &'a str,
}

/// Reads `text` as a figure, or `None` for words (which print left-aligned).
pub fn split_figure(text: &str) -> Option<Figure<'_>> {
    let text = text.trim();
    let body = text.trim_end_matches(['*', '†', '‡', '#']).trim_end();
    let marker = &text[body.len()..];
    if body.is_empty() {
        return None;
    }
    if matches!(body, "-" | "–" | "—") {
        return Some(Figure {
            whole: body,
            fraction: "",
            marker,
        });
    }
    let prefix = body.len()
        - body
            .trim_start_matches(['(', '+', '-', '−', '£', '€', '$'])
            .len();
    let rest = &body[prefix..];
    let digits = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ','))
        .unwrap_or(rest.len());
    if !rest[..digits].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let whole_end = prefix + digits;
    let mut fraction = &body[whole_end..];
    if let Some(decimals) = fraction.strip_prefix('.') {
        let count = decimals
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(decimals.len());
        if count == 0 {
            return None;
        }
        fraction = &decimals[count..];
    }
    let unit = fraction
        .trim_start_matches(['%', 'm', 'k'])
        .trim_start_matches(')');
    if !unit.is_empty() {
        return None;
    }
    Some(Figure {
        whole: &body[..whole_end],
        fraction: &body[whole_end..],
        marker,
    })
}

/// The plain text of a cell that is one paragraph, optionally rated.
fn value_text(cell: &Cell) -> Option<String> {
    match cell.0.as_slice() {
        [CellBlock::Para(rich)] | [CellBlock::Para(rich), CellBlock::Rating(_)] => {
            Some(rich.to_plain())
        }
        _ => None,
    }
}

/// A cell's figure, if it holds one (with or without a rating).
pub fn cell_figure(cell: &Cell) -> Option<String> {
    value_text(cell).filter(|text| split_figure(text).is_some())
}

/// What a column of figures and ratings needs, in ems of its type.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct FigureColumn {
    pub whole: f32,
    pub fraction: f32,
    pub marker: f32,
    /// Slots per rating (the plan's scale), or 0 for a column of no ratings.
    pub slots: usize,
    /// The widest word of a rating label, and the longest label.
    pub label_word: f32,
    pub label: f32,
}

impl FigureColumn {
    /// The figures' block: every figure fits it, decimal points aligned.
    pub fn figures(&self) -> f32 {
        self.whole + self.fraction + self.marker
    }

    /// Where the slots start, from the column's text edge.
    pub fn slots_at(&self) -> f32 {
        if self.figures() > 0.0 {
            self.figures() + VALUE_GAP
        } else {
            0.0
        }
    }

    /// Where a rating's label starts, after the slots.
    pub fn label_at(&self) -> f32 {
        if self.slots == 0 {
            return self.figures();
        }
        self.slots_at() + slot_width() * self.slots as f32 + LABEL_GAP
    }

    /// The narrowest the column's text may be: labels may wrap.
    pub fn min(&self) -> f32 {
        self.label_at() + self.label_word
    }

    /// Everything on one line.
    pub fn preferred(&self) -> f32 {
        self.label_at() + self.label
    }

    fn widen(&mut self, figure: &Figure, face: Face) {
        self.whole = self.whole.max(face.width(figure.whole, 1.0));
        self.fraction = self.fraction.max(face.width(figure.fraction, 1.0));
        self.marker = self.marker.max(face.width(figure.marker, 1.0));
    }
}

/// One slot's width in ems (filled and empty slots are as wide).
fn slot_width() -> f32 {
    Face::Regular
        .char_width(FILLED, 1.0)
        .max(Face::Regular.char_width(EMPTY, 1.0))
}

/// How many slots a rating has: one per band of the plan's scale (the
/// highest band it names), five if it has none.
pub fn scale_length(plan: &Plan) -> usize {
    plan.rating_scale
        .iter()
        .map(|b| usize::from(b.band))
        .max()
        .unwrap_or(5)
}

/// `●●●○○` for band 3 of 5: the filled and the empty slots.
pub fn slots(band: u8, scale: usize) -> (String, String) {
    let filled = usize::from(band).min(scale);
    (
        FILLED.to_string().repeat(filled),
        EMPTY.to_string().repeat(scale - filled),
    )
}

/// Measures each column's figures and ratings.
pub fn figure_columns(table: &Table, plan: &Plan) -> Vec<FigureColumn> {
    let mut columns = vec![FigureColumn::default(); table.columns.len()];
    let base = Style::new(Face::Regular, 1.0);
    for row in table.rows.iter().filter(|r| r.kind != RowKind::Group) {
        let face = row_style(row.kind, &base).face;
        for (column, cell) in columns.iter_mut().zip(&row.cells) {
            let rating = cell.0.iter().find_map(|block| match block {
                CellBlock::Rating(rating) => Some(rating),
                _ => None,
            });
            if let Some(text) = value_text(cell)
                && let Some(figure) = split_figure(&text)
            {
                column.widen(&figure, face);
            }
            if let Some(rating) = rating {
                column.slots = scale_length(plan);
                let label = rating.label.trim();
                column.label = column.label.max(face.width(label, 1.0));
                let widest = label
                    .split_whitespace()
                    .map(|word| face.width(word, 1.0))
                    .fold(0.0, f32::max);
                column.label_word = column.label_word.max(widest);
            }
        }
    }
    columns
}

/// Two cells' lines side by side: line `i` of each on one line.
pub fn beside(left: Vec<LineBox>, right: Vec<LineBox>) -> Vec<LineBox> {
    let count = left.len().max(right.len());
    let mut left = left.into_iter();
    let mut right = right.into_iter();
    (0..count)
        .map(|_| {
            let (a, b) = (
                left.next().unwrap_or_default(),
                right.next().unwrap_or_default(),
            );
            let mut items = a.items;
            items.extend(b.items);
            LineBox {
                items,
                height: a.height.max(b.height),
                space_before: a.space_before.max(b.space_before),
            }
        })
        .collect()
}

/// "Rating key: ●○○○○ Significantly Below Average  ●●○○○ Ask Questions …":
/// what each band of the plan's scale means, under the first table with
/// ratings.
pub fn rating_key(composer: &mut Composer, width: f32) -> Vec<LineBox> {
    let size = composer.typography.small;
    let label = Style::new(Face::Regular, size).role(Role::Label);
    let mut pieces = vec![Piece::new(
        "Rating key:",
        Style {
            face: Face::Bold,
            ..label.clone()
        },
    )];
    let mut bands: Vec<_> = composer.plan.rating_scale.clone();
    bands.sort_by_key(|b| b.band);
    for band in bands {
        pieces.push(Piece::new("   ", label.clone()));
        pieces.extend(composer.slot_pieces(band.band, &label));
        let meaning = if band.labels.is_empty() {
            format!("band {}", band.band)
        } else {
            band.labels.join(" / ")
        };
        pieces.push(Piece::new(format!(" {meaning}"), label.clone()));
    }
    composer.text_lines(&pieces, 0.0, width, Align::Left, leading(size))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Option<(&str, &str, &str)> {
        split_figure(text).map(|f| (f.whole, f.fraction, f.marker))
    }

    #[test]
    fn figures_split_at_the_decimal_point_with_markers_hung() {
        assert_eq!(parts("1,530.8"), Some(("1,530", ".8", "")));
        assert_eq!(parts("295 *"), Some(("295", "", " *")));
        assert_eq!(parts("43.2**"), Some(("43", ".2", "**")));
        assert_eq!(parts("20%"), Some(("20", "%", "")));
        assert_eq!(parts("-250.0"), Some(("-250", ".0", "")));
        assert_eq!(parts("£839.4m"), Some(("£839", ".4m", "")));
        assert_eq!(parts("+3.3%"), Some(("+3", ".3%", "")));
        assert_eq!(parts("(1,180.5)"), Some(("(1,180", ".5)", "")));
        assert_eq!(parts("–"), Some(("–", "", "")));
        for words in ["n/a", "See note 1", "", "*", "12 months", "3.", "Q1"] {
            assert_eq!(parts(words), None, "{words:?}");
        }
    }

    #[test]
    fn slots_fill_up_to_the_band() {
        assert_eq!(slots(3, 5), ("●●●".into(), "○○".into()));
        assert_eq!(slots(0, 4), ("".into(), "○○○○".into()));
        assert_eq!(slots(7, 5), ("●●●●●".into(), "".into()));
    }
}
