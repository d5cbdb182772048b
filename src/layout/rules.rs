//! The last touch on a page's drawing: rules over fills, and a table's
//! column lines, drawn row by row, joined into one line per column edge.

use super::Item;

/// Draws rules over fills, and joins the vertical rules that continue one
/// another (a table's column lines, drawn row by row) into one line per
/// column edge: fewer, longer lines, the same picture.
pub fn join_rules(items: &mut Vec<Item>) {
    let (lines, mut others): (Vec<Item>, Vec<Item>) = items
        .drain(..)
        .partition(|item| matches!(item, Item::Line { .. }));
    let is_vertical = |item: &Item| matches!(item, Item::Line { from, to, .. } if from.0 == to.0);
    let (mut verticals, horizontals): (Vec<Item>, Vec<Item>) =
        lines.into_iter().partition(is_vertical);
    let key = |item: &Item| match item {
        Item::Line {
            from, to, width, ..
        } => (from.0, *width, from.1.min(to.1)),
        _ => unreachable!("only lines here"),
    };
    verticals.sort_by(|a, b| {
        let (a, b) = (key(a), key(b));
        (a.0.total_cmp(&b.0))
            .then(a.1.total_cmp(&b.1))
            .then(a.2.total_cmp(&b.2))
    });
    let mut joined: Vec<Item> = Vec::with_capacity(verticals.len());
    for line in verticals {
        let Item::Line {
            from,
            to,
            width,
            colour,
        } = line
        else {
            continue;
        };
        let (top, bottom) = (from.1.min(to.1), from.1.max(to.1));
        if let Some(Item::Line {
            from: last_from,
            to: last_to,
            width: last_width,
            colour: last_colour,
        }) = joined.last_mut()
            && last_from.0 == from.0
            && *last_width == width
            && *last_colour == colour
            && top <= last_from.1.max(last_to.1) + 0.01
        {
            let end = last_from.1.max(last_to.1).max(bottom);
            *last_from = (from.0, last_from.1.min(last_to.1));
            *last_to = (from.0, end);
            continue;
        }
        joined.push(Item::Line {
            from: (from.0, top),
            to: (from.0, bottom),
            width,
            colour,
        });
    }
    others.extend(horizontals);
    others.extend(joined);
    *items = others;
}
