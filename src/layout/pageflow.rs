//! Page-flow problems an author should see before printing: a body page
//! left mostly empty, and a table's last row (its totals) alone on a page.
//! Found on the laid-out pages, so the preview marks them where they are.

use super::{Document, PageKind, Part, Place, Warning};
use std::collections::BTreeMap;

/// A body page filled less than this (of its body height) is reported.
pub const SHORT_PAGE: f32 = 0.4;

/// A page-flow problem and the page (0-based) it is on.
#[derive(Clone, Debug, PartialEq)]
pub struct FlowWarning {
    pub page: usize,
    pub warning: Warning,
}

/// The short pages and lone last rows of `document`, page by page.
pub fn page_flow(document: &Document, settings: &super::PageSettings) -> Vec<FlowWarning> {
    let mut found = Vec::new();
    // The last row laid out of each table, by (sections, block).
    let mut last_row: BTreeMap<(Vec<usize>, usize), usize> = BTreeMap::new();
    for page in &document.pages {
        for placed in page.placed.iter().filter(|p| p.part == Part::Row) {
            if let (Some(block), Some(row)) = (placed.place.block, placed.place.row) {
                let last = last_row
                    .entry((placed.place.sections.clone(), block))
                    .or_insert(row);
                *last = (*last).max(row);
            }
        }
    }
    let last_body = (document.pages.iter()).rposition(|p| p.kind == PageKind::Body);
    for (index, page) in document.pages.iter().enumerate() {
        if page.kind != PageKind::Body || page.placed.is_empty() {
            continue;
        }
        let body = settings.body_box(page.orientation);
        let bottom = (page.placed.iter()).fold(body.y, |b, p| b.max(p.rect.bottom()));
        let filled = (bottom - body.y) / body.height;
        if Some(index) != last_body && filled < SHORT_PAGE {
            let last = &page.placed[page.placed.len() - 1];
            found.push(FlowWarning {
                page: index,
                warning: Warning {
                    place: Place::Body(last.place.clone()),
                    message: format!(
                        "page {} is only {:.0} % full: the page after it starts with what did not fit",
                        index + 1,
                        filled * 100.0
                    ),
                },
            });
        }
        // A table whose only row on this page is its last, after rows on
        // earlier pages: its totals are parted from what they total.
        let mut rows: BTreeMap<(Vec<usize>, usize), Vec<usize>> = BTreeMap::new();
        for placed in page.placed.iter().filter(|p| p.part == Part::Row) {
            if let (Some(block), Some(row)) = (placed.place.block, placed.place.row) {
                let on_page = rows
                    .entry((placed.place.sections.clone(), block))
                    .or_default();
                if !on_page.contains(&row) {
                    on_page.push(row);
                }
            }
        }
        for (table, on_page) in rows {
            let lone_last = on_page.len() == 1 && last_row.get(&table) == Some(&on_page[0]);
            if lone_last && on_page[0] > 0 {
                let placed = page.placed.iter().find(|p| {
                    p.part == Part::Row
                        && p.place.block == Some(table.1)
                        && p.place.sections == table.0
                });
                if let Some(placed) = placed {
                    found.push(FlowWarning {
                        page: index,
                        warning: Warning {
                            place: Place::Body(placed.place.clone()),
                            message: format!(
                                "the table's last row is alone on page {}, apart from the rows it follows",
                                index + 1
                            ),
                        },
                    });
                }
            }
        }
    }
    found
}
