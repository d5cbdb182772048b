//! A table cell as editable lines: paragraph lines as they are, list
//! items as `• text`, nested items indented two spaces a level; and the
//! cell rebuilt from the edited text, keeping each line's styles.

use super::rich::{apply_text_edit, split_lines};
use crate::model::{Cell, CellBlock, List, ListItem, ListStyle, Rich, Span};

/// One line of a rich cell: a paragraph line or a list item.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// `Some(depth)` for a list item.
    pub item: Option<usize>,
    pub text: Rich,
    pub marker: String,
    pub style: ListStyle,
}

/// A cell as lines: paragraphs' lines as they are, list items as
/// `• text`, nested items indented two spaces a level.
pub fn cell_lines(cell: &Cell) -> Vec<Line> {
    fn items(list: &List, depth: usize, out: &mut Vec<Line>) {
        for item in &list.items {
            out.push(Line {
                item: Some(depth),
                text: item.text.clone(),
                marker: item.marker.clone(),
                style: list.style,
            });
            items(&item.children, depth + 1, out);
        }
    }
    let mut out = Vec::new();
    for block in &cell.0 {
        match block {
            CellBlock::Para(rich) => out.extend(split_lines(rich).into_iter().map(|text| Line {
                item: None,
                text,
                marker: String::new(),
                style: ListStyle::Bullet,
            })),
            CellBlock::List(list) => items(list, 0, &mut out),
            CellBlock::Rating(_) => {}
        }
    }
    out
}

pub fn line_text(line: &Line) -> String {
    match line.item {
        None => line.text.to_plain(),
        Some(depth) => format!(
            "{}• {}",
            "  ".repeat(depth),
            line.text.to_plain().replace('\n', " ")
        ),
    }
}

/// Parses `  • text` into (Some(1), "text").
fn parse_line(line: &str) -> (Option<usize>, &str) {
    let trimmed = line.trim_start_matches(' ');
    let indent = line.len() - trimmed.len();
    match trimmed.strip_prefix('•') {
        Some(rest) => (Some(indent / 2), rest.strip_prefix(' ').unwrap_or(rest)),
        None => (None, line),
    }
}

/// The cell's blocks from edited text, keeping each line's styles and
/// markers from the line that was in its place before.
pub fn rebuild(old: &[Line], text: &str) -> Vec<CellBlock> {
    let mut lines = Vec::new();
    let mut previous_depth: Option<usize> = None;
    for (i, raw) in text.split('\n').enumerate() {
        let (item, body) = parse_line(raw);
        // An item can be at most one level deeper than the one before it.
        // Nor deeper than the model's limit (depth 0 is level 1).
        let item = item.map(|d| {
            d.min(previous_depth.map_or(0, |p| p + 1))
                .min(crate::model::nesting::MAX_NESTING - 1)
        });
        previous_depth = item;
        let before = old.get(i);
        let base = before.map_or_else(Rich::default, |l| l.text.clone());
        let base_text = before.map_or_else(String::new, |l| l.text.to_plain());
        let same_kind = before.is_some_and(|l| l.item.is_some() == item.is_some());
        lines.push(Line {
            item,
            text: if same_kind {
                apply_text_edit(&base, &base_text, body)
            } else {
                Rich::plain(body)
            },
            marker: before
                .filter(|_| same_kind)
                .map_or_else(String::new, |l| l.marker.clone()),
            style: before.filter(|l| l.item == item).map_or(
                if item.unwrap_or(0) == 0 {
                    ListStyle::Bullet
                } else {
                    ListStyle::Dash
                },
                |l| l.style,
            ),
        });
    }
    let mut blocks = Vec::new();
    let mut paragraph: Vec<Rich> = Vec::new();
    let mut list: Option<List> = None;
    for line in lines {
        match line.item {
            None => {
                if let Some(l) = list.take() {
                    blocks.push(CellBlock::List(l));
                }
                paragraph.push(line.text);
                // Each paragraph line is its own paragraph.
                blocks.push(CellBlock::Para(paragraph.pop().unwrap_or_default()));
            }
            Some(depth) => {
                let root = list.get_or_insert_with(|| List {
                    style: line.style,
                    items: Vec::new(),
                });
                let mut target = root;
                for _ in 0..depth {
                    if target.items.is_empty() {
                        break;
                    }
                    let last = target.items.len() - 1;
                    let children = &mut target.items[last].children;
                    if children.items.is_empty() {
                        children.style = line.style;
                    }
                    target = children;
                }
                target.items.push(ListItem {
                    marker: line.marker,
                    text: line.text,
                    children: List::default(),
                });
            }
        }
    }
    if let Some(l) = list {
        blocks.push(CellBlock::List(l));
    }
    // A cell with nothing left in it is empty, not one empty paragraph.
    if blocks
        .iter()
        .all(|b| matches!(b, CellBlock::Para(r) if r.is_empty() && r.to_plain().is_empty()))
    {
        blocks.clear();
    }
    blocks
}

/// All the lines as one styled text, markers and indents unstyled.
pub fn styled_lines(lines: &[Line]) -> Rich {
    let mut spans = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            spans.push(Span::plain("\n"));
        }
        if let Some(depth) = line.item {
            spans.push(Span::plain(format!("{}• ", "  ".repeat(depth))));
        }
        spans.extend(line.text.0.iter().map(|span| Span {
            text: span.text.replace('\n', " "),
            ..span.clone()
        }));
    }
    Rich(spans).normalized()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rich_cell() -> Cell {
        Cell(vec![
            CellBlock::Para(Rich(vec![
                Span {
                    text: "Lead:".into(),
                    bold: true,
                    ..Span::default()
                },
                Span::plain(" all"),
            ])),
            CellBlock::List(List {
                style: ListStyle::Dash,
                items: vec![
                    ListItem {
                        marker: "a)".into(),
                        text: "one".into(),
                        children: List {
                            style: ListStyle::Bullet,
                            items: vec![ListItem::new("deep")],
                        },
                    },
                    ListItem::new("two"),
                ],
            }),
        ])
    }

    #[test]
    fn unchanged_text_rebuilds_the_same_cell() {
        let cell = rich_cell();
        let lines = cell_lines(&cell);
        let text: Vec<String> = lines.iter().map(line_text).collect();
        assert_eq!(text, ["Lead: all", "• one", "  • deep", "• two"]);
        assert_eq!(Cell(rebuild(&lines, &text.join("\n"))), cell);
    }

    #[test]
    fn edits_keep_styles_markers_and_list_styles() {
        let cell = rich_cell();
        let lines = cell_lines(&cell);
        let blocks = rebuild(&lines, "Lead: all staff\n• one\n  • deep\n• two\n• three");
        let CellBlock::Para(p) = &blocks[0] else {
            panic!()
        };
        assert!(p.0[0].bold);
        assert_eq!(p.to_plain(), "Lead: all staff");
        let CellBlock::List(l) = &blocks[1] else {
            panic!()
        };
        assert_eq!(l.style, ListStyle::Dash);
        assert_eq!(l.items[0].marker, "a)");
        assert_eq!(l.items[2].text.to_plain(), "three");
        assert_eq!(l.items[0].children.items[0].text.to_plain(), "deep");
    }

    #[test]
    fn the_styled_text_is_the_edited_text() {
        let lines = cell_lines(&rich_cell());
        let text: Vec<String> = lines.iter().map(line_text).collect();
        let styled = styled_lines(&lines);
        assert_eq!(styled.to_plain(), text.join("\n"));
        assert!(styled.0[0].bold, "Lead: stays bold");
    }

    #[test]
    fn clearing_a_rich_cell_empties_it() {
        assert!(rebuild(&cell_lines(&rich_cell()), "").is_empty());
    }

    #[test]
    fn too_deep_items_are_clamped() {
        let blocks = rebuild(&[], "    • x");
        let CellBlock::List(l) = &blocks[0] else {
            panic!()
        };
        assert_eq!(l.items[0].text.to_plain(), "x");
    }
}
