//! The page-flow rules as assertions on laid-out pages, shared by the
//! seed-wide test and the purpose-built plans in `print_flow.rs`.

use planwright::layout::{
    Document, Item, LinkTarget, Page, PageKind, PageSettings, Part, Placed, Role,
};
use planwright::model::{Block, Location, Plan, Row, RowKind, Table};

/// Every table of a plan with its section path and block index.
pub fn tables(plan: &Plan) -> Vec<(Vec<usize>, usize, &Table)> {
    let mut out = Vec::new();
    for (path, section) in plan.walk_sections() {
        for (b, block) in section.blocks.iter().enumerate() {
            if let Block::Table(table) = block {
                out.push((path.clone(), b, table));
            }
        }
    }
    out
}

/// What `place` names, on each page that holds it: (page index, mark).
pub fn marks(document: &Document, matches: impl Fn(&Placed) -> bool) -> Vec<(usize, &Placed)> {
    (document.pages.iter().enumerate())
        .flat_map(|(i, page)| page.placed.iter().map(move |m| (i, m)))
        .filter(|(_, m)| matches(m))
        .collect()
}

pub fn row_of(mark: &Placed, path: &[usize], block: usize) -> Option<usize> {
    (mark.part == Part::Row && mark.place.sections == path && mark.place.block == Some(block))
        .then_some(mark.place.row)
        .flatten()
}

/// Where a table's closing group (memo lines, subtotals, totals after the
/// last data row, with the labels among them) starts, if it has one and
/// rows above it.
pub fn closing_group(table: &Table) -> Option<usize> {
    use RowKind::{Group, Memo, Subtotal, Total};
    let closes = |r: &Row| matches!(r.kind, Memo | Subtotal | Total | Group);
    let start = table.rows.len() - table.rows.iter().rev().take_while(|r| closes(r)).count();
    (start > 0 && start < table.rows.len()).then_some(start)
}

pub fn assert_closing_groups_keep_two_rows(name: &str, plan: &Plan, document: &Document) -> usize {
    let mut checked = 0;
    for (path, b, table) in tables(plan) {
        let Some(start) = closing_group(table) else {
            continue;
        };
        let rows = marks(document, |m| row_of(m, &path, b).is_some());
        let Some(&(page, _)) = rows
            .iter()
            .find(|(_, m)| row_of(m, &path, b) == Some(start))
        else {
            panic!("{name}: the closing row {start} of table {path:?}/{b} is not printed");
        };
        let above = (rows.iter())
            .filter(|(p, m)| *p == page && row_of(m, &path, b).is_some_and(|r| r < start))
            .count();
        assert!(
            above >= start.min(2),
            "{name} page {}: the closing group of table {path:?}/{b} has {above} rows above it",
            page + 1
        );
        checked += 1;
    }
    checked
}

/// A table's header never ends a page: a row of its table follows it.
pub fn assert_headers_have_rows_under_them(name: &str, document: &Document) {
    for (i, page) in document.pages.iter().enumerate() {
        for header in page.placed.iter().filter(|m| m.part == Part::TableHeader) {
            let row = (page.placed.iter()).any(|m| {
                m.part == Part::Row
                    && m.place.sections == header.place.sections
                    && m.place.block == header.place.block
            });
            assert!(
                row,
                "{name} page {}: table {} header with no row under it",
                i + 1,
                header.place
            );
        }
    }
}

pub fn page_text(page: &Page) -> String {
    page.text_runs()
        .map(|r| r.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn assert_continued_tables_repeat_their_caption(name: &str, plan: &Plan, document: &Document) {
    for (path, b, table) in tables(plan).into_iter().filter(|t| !t.2.caption.is_empty()) {
        let pages: Vec<usize> = marks(document, |m| row_of(m, &path, b).is_some())
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        let Some(&first) = pages.first() else {
            continue;
        };
        let caption = (table.caption.last().unwrap().to_plain())
            .split_whitespace()
            .last()
            .unwrap_or_default()
            .to_string();
        for &p in pages.iter().filter(|&&p| p != first) {
            let page = &document.pages[p];
            let repeated = page.placed.iter().any(|m| {
                m.part == Part::ContinuedCaption
                    && m.place.sections == path
                    && m.place.block == Some(b)
            });
            assert!(
                repeated && page_text(page).contains(&format!("{caption} (continued)")),
                "{name} page {}: table {path:?}/{b} goes on without its caption",
                p + 1
            );
        }
    }
}

/// Column edges of a piece of a row: the grid's vertical lines across it.
pub fn column_edges(page: &Page, mark: &Placed) -> Vec<f32> {
    let middle = mark.rect.y + mark.rect.height / 2.0;
    let mut edges: Vec<f32> = (page.items.iter())
        .filter_map(|item| match item {
            Item::Line { from, to, .. }
                if from.0 == to.0 && from.1.min(to.1) <= middle && from.1.max(to.1) >= middle =>
            {
                Some(from.0)
            }
            _ => None,
        })
        .collect();
    edges.sort_by(f32::total_cmp);
    edges.dedup_by(|a, b| (*a - *b).abs() < 0.5);
    edges
}

/// The lowest text bottom in `column` of a row's piece, if any.
pub fn lowest_text(page: &Page, mark: &Placed, column: (f32, f32)) -> Option<(f32, f32)> {
    (page.text_runs())
        .filter(|r| r.x >= column.0 && r.x < column.1)
        .map(|r| (r.bounds(), r.size))
        .filter(|(b, _)| b.y >= mark.rect.y - 0.5 && b.bottom() <= mark.rect.bottom() + 0.5)
        .map(|(b, size)| (b.bottom(), size))
        .max_by(|a, b| a.0.total_cmp(&b.0))
}

/// The highest text top in `column` of a row's piece, if any.
pub fn highest_text(page: &Page, mark: &Placed, column: (f32, f32)) -> Option<(f32, f32)> {
    (page.text_runs())
        .filter(|r| r.x >= column.0 && r.x < column.1)
        .map(|r| (r.bounds(), r.size))
        .filter(|(b, _)| b.y >= mark.rect.y - 0.5 && b.bottom() <= mark.rect.bottom() + 0.5)
        .map(|(b, size)| (b.y, size))
        .min_by(|a, b| a.0.total_cmp(&b.0))
}

/// A row that goes on over a page fills the page to its foot, and none of
/// its columns that goes on leaves more than a line's room blank.
pub fn assert_split_rows_fill_their_pages(name: &str, document: &Document) -> usize {
    let settings = PageSettings::default();
    let mut pieces = 0;
    let all = marks(document, |m| m.part == Part::Row);
    for (i, (p, mark)) in all.iter().enumerate() {
        let Some((next_page, next)) = all[i + 1..].iter().find(|(_, m)| m.place == mark.place)
        else {
            continue;
        };
        pieces += 1;
        let page = &document.pages[*p];
        let body = settings.body_box(page.orientation);
        assert!(
            (mark.rect.bottom() - body.bottom()).abs() < 0.5,
            "{name} page {}: row {} goes on over the page but stops short of its foot",
            p + 1,
            mark.place
        );
        let edges = column_edges(page, mark);
        let next_page = &document.pages[*next_page];
        for column in column_edges(next_page, next)
            .windows(2)
            .map(|w| (w[0], w[1]))
        {
            if let Some((top, size)) = highest_text(next_page, next, column) {
                let blank = top - next.rect.y;
                assert!(
                    blank < 1.32 * size + 6.0,
                    "{name}: row {} goes on {blank:.0} pt below its piece's top",
                    mark.place
                );
            }
        }
        for column in edges.windows(2).map(|w| (w[0], w[1])) {
            let goes_on = lowest_text(next_page, next, column).is_some();
            if let (true, Some((bottom, size))) = (goes_on, lowest_text(page, mark, column)) {
                let blank = mark.rect.bottom() - bottom;
                assert!(
                    blank < 2.0 * 1.32 * size + 6.0,
                    "{name} page {}: row {} leaves {blank:.0} pt blank in a column that goes on",
                    p + 1,
                    mark.place
                );
            }
        }
    }
    pieces
}

pub fn assert_colons_stay_with_what_follows(name: &str, plan: &Plan, document: &Document) -> usize {
    let mut checked = 0;
    for (path, section) in plan.walk_sections() {
        for (b, pair) in section.blocks.windows(2).enumerate() {
            let Block::Paragraph(rich) = &pair[0] else {
                continue;
            };
            if !rich.to_plain().trim_end().ends_with(':') {
                continue;
            }
            let of = |block: usize| {
                let path = path.clone();
                move |m: &Placed| m.place.sections == path && m.place.block == Some(block)
            };
            let last = marks(document, of(b)).last().map(|(p, _)| *p);
            let next = marks(document, of(b + 1)).first().map(|(p, _)| *p);
            assert_eq!(
                last,
                next,
                "{name}: the lead-in {:?} is not on the page of what follows",
                rich.to_plain()
            );
            checked += 1;
        }
    }
    checked
}

/// How full a body page is: the lowest placed part, as a share of the body.
pub fn fill(page: &Page) -> f32 {
    let body = PageSettings::default().body_box(page.orientation);
    let bottom = (page.placed.iter())
        .map(|m| m.rect.bottom())
        .fold(body.y, f32::max);
    (bottom - body.y) / body.height
}

/// Whether a page starts a section (or its parent) the plan starts on a
/// new page.
pub fn opens_new_page_section(plan: &Plan, page: &Page) -> bool {
    let Some(first) = page.placed.first() else {
        return false;
    };
    (1..=first.place.sections.len()).any(|n| {
        plan.section(&first.place.sections[..n])
            .is_some_and(|s| s.new_page)
    })
}

/// Whether a page holds nothing but the end of a row from the page before
/// (under the table's repeated header).
pub fn only_goes_on(document: &Document, i: usize) -> bool {
    let before = &document.pages[i.saturating_sub(1)].placed;
    (document.pages[i].placed.iter()).all(|m| match m.part {
        Part::TableHeader | Part::ContinuedCaption => true,
        Part::Row => before
            .iter()
            .any(|b| b.part == Part::Row && b.place == m.place),
        _ => false,
    })
}

/// Body pages under 40 % full that neither end the plan (or its foreword)
/// nor come before a section that starts on a new page (unless all they
/// hold is the end of a row).
pub fn low_pages(plan: &Plan, document: &Document) -> Vec<(usize, f32)> {
    let pages = &document.pages;
    (0..pages.len().saturating_sub(1))
        .filter(|&i| pages[i].kind == PageKind::Body && pages[i + 1].kind == PageKind::Body)
        .filter(|&i| !opens_new_page_section(plan, &pages[i + 1]) || only_goes_on(document, i))
        .map(|i| (i, fill(&pages[i])))
        .filter(|&(_, fill)| fill < 0.4)
        .collect()
}

pub fn assert_every_section_prints_a_heading(name: &str, plan: &Plan, document: &Document) {
    for (path, section) in plan.walk_sections() {
        if section.slot.is_empty() && section.title().trim().is_empty() {
            continue;
        }
        let heading = marks(document, |m| {
            m.part == Part::Heading && m.place == Location::section(&path)
        });
        assert!(
            !heading.is_empty(),
            "{name}: section {path:?} ({}) prints no heading",
            section.slot
        );
    }
}

/// Contents numbers never go down, every entry has one, and every
/// top-level section after the contents is listed.
pub fn assert_contents_in_printed_order(name: &str, document: &Document) {
    let contents: Vec<(usize, &Page)> = (document.pages.iter().enumerate())
        .filter(|(_, p)| p.kind == PageKind::Contents)
        .collect();
    let numbers: Vec<usize> = (contents.iter())
        .flat_map(|(_, p)| p.text_runs())
        .filter(|r| r.role == Role::ContentsPage)
        .map(|r| r.text.parse().unwrap())
        .collect();
    assert!(
        numbers.windows(2).all(|w| w[0] <= w[1]),
        "{name}: contents numbers go down: {numbers:?}"
    );
    let links: Vec<(usize, &planwright::layout::Rect, &LinkTarget)> = (contents.iter())
        .flat_map(|(i, p)| {
            p.items.iter().filter_map(move |item| match item {
                Item::Link { rect, target } => Some((*i, rect, target)),
                _ => None,
            })
        })
        .filter(|(_, _, t)| matches!(t, LinkTarget::Page { .. }))
        .collect();
    for (i, page) in &contents {
        for run in page.text_runs().filter(|r| {
            matches!(r.role, Role::Content | Role::ContentsEntry)
                && r.size <= PageSettings::default().body_size
        }) {
            assert!(
                (links.iter()).any(|(p, rect, _)| p == i && rect.contains(&run.bounds())),
                "{name}: contents entry {:?} has no page number",
                run.text
            );
        }
    }
    let first_contents = contents.first().map_or(0, |(i, _)| *i);
    for bookmark in (document.bookmarks.iter()).filter(|b| b.level == 1 && b.page > first_contents)
    {
        let listed = (links.iter()).any(|(_, _, t)| {
            matches!(t, LinkTarget::Page { page, y } if *page == bookmark.page && *y == bookmark.y)
        });
        assert!(
            listed,
            "{name}: {:?} is not in the contents",
            bookmark.title
        );
    }
}
