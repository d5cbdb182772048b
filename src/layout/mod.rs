//! The layout engine: turns a plan into pages of positioned boxes.
//!
//! Pages hold text runs, lines, filled rectangles and links, placed in
//! points from the page's top-left corner. Nothing here knows about
//! printpdf: the PDF writer only draws these pages, and a print preview can
//! draw the same pages on screen. Tests assert on the pages directly.

mod blocks;
mod boxes;
mod changes;
mod columns;
mod compose;
mod contents;
mod cover;
mod figures;
mod flow;
pub mod fonts;
mod furniture;
mod pack;
mod page;
mod pageflow;
mod rowsplit;
mod rules;
mod run_tag;
mod table;
mod text;

pub use changes::{DELETED, INSERTED, changes, since_label};
pub use fonts::Face;
pub use furniture::printed_status;
pub use pack::{pack, pack_mark, plan_name};
pub use page::*;
pub use pageflow::{FlowWarning, SHORT_PAGE, page_flow};
pub use run_tag::{ListPlace, RunTag};

use crate::model::{Plan, Section};
use compose::Composer;
use flow::{Anchor, Paginated, paginate};

/// Lays out a whole plan: cover, foreword and contents (the contents laid
/// out until its page count settles), body, running header and footer,
/// watermark. The passes, in the order a render runs them: `blocks` and
/// `table` (with `columns`) turn the plan into chunks, `flow` paginates
/// them, `contents` and `cover` make the front pages, `furniture` adds the
/// header, footer and watermark. They all build on `compose` (setting
/// text), `boxes` (line boxes, chunks, row frames, type sizes) and `text`
/// (line breaking).
pub fn layout(plan: &Plan, settings: &PageSettings) -> Document {
    let mut composer = Composer::new(plan, settings);
    // A foreword may come before the contents page.
    let (front, main) = plan
        .sections
        .split_at(plan.contents.after_sections.min(plan.sections.len()));
    let mut lay_out = |sections: &[Section], first: usize, with_title: bool| {
        let mut chunks = blocks::body(&mut composer, sections, first, with_title);
        if chunks.is_empty() {
            return Paginated::default();
        }
        paginate(&mut chunks, settings, &mut composer.warnings)
    };
    // The body title heads the first body page, foreword or not.
    let has_front = !front.is_empty();
    let first_main = front.len();
    let front = lay_out(front, 0, has_front);
    let main = lay_out(main, first_main, !has_front);

    // The contents' own length decides the body's page numbers, so lay it
    // out until the count it assumed is the count it takes.
    let after_cover = |anchors: &[Anchor], first_page: usize| -> Vec<Anchor> {
        anchors
            .iter()
            .map(|a| Anchor {
                page: a.page + first_page,
                ..a.clone()
            })
            .collect()
    };
    let mut contents_count = 1;
    let (contents, anchors) = loop {
        let mut anchors = after_cover(&front.anchors, 1);
        let main_first_page = 1 + front.pages.len() + contents_count;
        anchors.extend(after_cover(&main.anchors, main_first_page));
        let pages = contents::contents_pages(&mut composer, &anchors, front.anchors.len());
        if pages.len() == contents_count {
            break (pages, anchors);
        }
        contents_count = pages.len();
    };

    composer.warnings.place = Place::Cover;
    let mut pages = vec![cover::cover_page(&mut composer)];
    pages.extend(front.pages);
    pages.extend(contents);
    pages.extend(main.pages);
    furniture::add_furniture(&mut pages, plan, settings);
    let bookmarks = (anchors.iter())
        .filter(|a| !a.mark.contents_only)
        .map(Anchor::bookmark)
        .collect();
    let cover = &plan.cover;
    Document {
        pages,
        bookmarks,
        title: cover.title.clone(),
        author: cover.owner().to_string(),
        subject: [cover.directorate.as_str(), cover.year.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        warnings: composer.warnings.found.into_iter().collect(),
    }
}
