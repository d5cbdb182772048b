//! Find and replace: every place in the plan whose text holds the query,
//! in document order (the cover, then each section's heading, blocks,
//! captions, column labels and cells), and replacing them.

use super::rich::apply_text_edit;
use super::{Page, block_name, section_label};
use crate::model::{Block, CellBlock, List, Location, Plan, Rich, Section, Table};
use std::ops::Range;

/// What to look for, and where.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    pub match_case: bool,
    pub whole_word: bool,
    /// Only this page (the cover, or one section without its
    /// sub-sections); `None` for the whole plan.
    pub scope: Option<Page>,
}

impl Query {
    /// A case-insensitive search of the whole plan.
    pub fn plain(text: &str) -> Self {
        Query {
            text: text.to_owned(),
            ..Query::default()
        }
    }
}

/// A match: where it is, the name of its section, and the text around it.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    pub location: Location,
    /// `Cover`, or the section's name (`3.2 Revenue Budget`).
    pub section: String,
    pub snippet: String,
}

/// Replacing every match of `query` with `with` (one undo step).
#[derive(Clone, Debug, PartialEq)]
pub struct Replace {
    pub query: Query,
    pub with: String,
    /// Only the match at this place and this position among the place's
    /// matches (Replace, not Replace all).
    pub only: Option<(Location, usize)>,
}

/// A piece of the plan's text, plain or styled.
enum Text<'a> {
    Plain(&'a mut String),
    Styled(&'a mut Rich),
}

impl Text<'_> {
    fn plain(&self) -> String {
        match self {
            Text::Plain(s) => (**s).clone(),
            Text::Styled(r) => r.to_plain(),
        }
    }

    /// Replaces the byte range `range` of the plain text with `with`.
    fn replace(&mut self, range: Range<usize>, with: &str) {
        match self {
            Text::Plain(s) => s.replace_range(range, with),
            Text::Styled(r) => {
                let old = r.to_plain();
                let mut new = old.clone();
                new.replace_range(range, with);
                **r = apply_text_edit(r, &old, &new);
            }
        }
    }
}

/// Calls `f` on every piece of text in `scope`, with its place.
fn each_text(plan: &mut Plan, scope: Option<&Page>, f: &mut dyn FnMut(&Location, Text<'_>)) {
    if matches!(scope, None | Some(Page::Cover)) {
        let cover = Location::default();
        let c = &mut plan.cover;
        for s in [
            &mut c.directorate,
            &mut c.division,
            &mut c.unit,
            &mut c.title,
            &mut c.year,
            &mut c.director,
            &mut c.contact,
        ] {
            f(&cover, Text::Plain(s));
        }
        for s in c.cabinet_members.iter_mut().chain(&mut c.other_lines) {
            f(&cover, Text::Plain(s));
        }
        for record in &mut plan.sign_off {
            f(&cover, Text::Plain(&mut record.name));
            f(&cover, Text::Plain(&mut record.role));
        }
        f(&cover, Text::Plain(&mut plan.contents.title));
        // A contents page written as the author worded it prints these.
        for entry in &mut plan.contents.entries {
            f(&cover, Text::Plain(&mut entry.text));
        }
        f(&cover, Text::Plain(&mut plan.body_title));
    }
    walk_sections(&mut plan.sections, &mut Vec::new(), &mut |path, section| {
        if scope.is_some_and(|p| *p != Page::Section(path.to_vec())) {
            return;
        }
        let here = Location::section(path);
        f(&here, Text::Plain(&mut section.number));
        f(&here, Text::Styled(&mut section.heading));
        f(&here, Text::Plain(&mut section.part));
        for (b, block) in section.blocks.iter_mut().enumerate() {
            let here = Location::block(path, b);
            match block {
                Block::Paragraph(text) => f(&here, Text::Styled(text)),
                Block::Heading(heading) => f(&here, Text::Styled(&mut heading.text)),
                Block::Note(note) => f(&here, Text::Styled(&mut note.text)),
                Block::List(list) => list_texts(list, &here, f),
                Block::OrgChart(chart) => {
                    for line in chart.boxes.iter_mut().flat_map(|b| &mut b.lines) {
                        f(&here, Text::Plain(line));
                    }
                }
                Block::Table(table) => table_texts(table, path, b, f),
            }
        }
    });
}

/// Calls `f` on every section with its path, in document order.
fn walk_sections(
    sections: &mut [Section],
    parent: &mut Vec<usize>,
    f: &mut dyn FnMut(&[usize], &mut Section),
) {
    for (i, section) in sections.iter_mut().enumerate() {
        parent.push(i);
        f(parent, section);
        walk_sections(&mut section.subsections, parent, f);
        parent.pop();
    }
}

fn table_texts(
    table: &mut Table,
    path: &[usize],
    b: usize,
    f: &mut dyn FnMut(&Location, Text<'_>),
) {
    let here = Location::block(path, b);
    for line in &mut table.caption {
        f(&here, Text::Styled(line));
    }
    for cell in table.header_rows.iter_mut().flatten() {
        f(&here, Text::Styled(&mut cell.text));
    }
    for column in &mut table.columns {
        f(&here, Text::Styled(&mut column.label));
    }
    for (r, row) in table.rows.iter_mut().enumerate() {
        for (c, cell) in row.cells.iter_mut().enumerate() {
            let at = Location::cell(path, b, r, Some(c));
            for block in &mut cell.0 {
                match block {
                    CellBlock::Para(p) => f(&at, Text::Styled(p)),
                    CellBlock::List(l) => list_texts(l, &at, f),
                    CellBlock::Rating(r) => f(&at, Text::Plain(&mut r.label)),
                }
            }
        }
    }
    for note in &mut table.notes {
        f(&here, Text::Styled(&mut note.text));
    }
}

fn list_texts(list: &mut List, here: &Location, f: &mut dyn FnMut(&Location, Text<'_>)) {
    for item in &mut list.items {
        f(here, Text::Styled(&mut item.text));
        list_texts(&mut item.children, here, f);
    }
}

/// The character ranges of `query`'s matches in `text`, as byte ranges.
fn matches(text: &str, query: &Query) -> Vec<Range<usize>> {
    let needle: Vec<char> = query.text.chars().collect();
    if query.text.trim().is_empty() {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let same =
        |a: char, b: char| a == b || (!query.match_case && a.to_lowercase().eq(b.to_lowercase()));
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= chars.len() {
        let window = &chars[i..i + needle.len()];
        let hit = window.iter().zip(&needle).all(|((_, a), b)| same(*a, *b));
        let bounded = !query.whole_word
            || (i.checked_sub(1).is_none_or(|p| !is_word(chars[p].1))
                && chars
                    .get(i + needle.len())
                    .is_none_or(|(_, c)| !is_word(*c)));
        if hit && bounded {
            let end = chars.get(i + needle.len()).map_or(text.len(), |(b, _)| *b);
            out.push(chars[i].0..end);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

/// Every match of `query`, in document order.
pub fn search(plan: &Plan, query: &Query) -> Vec<Match> {
    let mut out = Vec::new();
    if query.text.trim().is_empty() {
        return out;
    }
    // The walk hands out text to change; searching changes a copy.
    let mut copy = plan.clone();
    each_text(&mut copy, query.scope.as_ref(), &mut |location, text| {
        let plain = text.plain();
        for range in matches(&plain, query) {
            out.push(Match {
                location: location.clone(),
                section: place_name(plan, location),
                snippet: snippet(&plain, range),
            });
        }
    });
    out
}

/// Every piece of the plan's text with its place, in document order (for
/// the spelling check).
pub fn texts(plan: &Plan) -> Vec<(Location, String)> {
    let mut out = Vec::new();
    let mut copy = plan.clone();
    each_text(&mut copy, None, &mut |location, text| {
        let plain = text.plain();
        if !plain.trim().is_empty() {
            out.push((location.clone(), plain));
        }
    });
    out
}

/// Case-insensitive search of the whole plan.
pub fn find(plan: &Plan, query: &str) -> Vec<Match> {
    search(plan, &Query::plain(query.trim()))
}

impl Replace {
    /// Replaces the matches in `plan`; returns how many.
    pub fn apply(&self, plan: &mut Plan) -> usize {
        let mut count = 0;
        let mut seen_at_place = 0;
        let mut last_place: Option<Location> = None;
        each_text(
            plan,
            self.query.scope.as_ref(),
            &mut |location, mut text| {
                if last_place.as_ref() != Some(location) {
                    last_place = Some(location.clone());
                    seen_at_place = 0;
                }
                let plain = text.plain();
                let found = matches(&plain, &self.query);
                let first = seen_at_place;
                seen_at_place += found.len();
                // From the last, so earlier ranges stay where they were.
                for (n, range) in found.into_iter().enumerate().rev() {
                    let wanted = match &self.only {
                        None => true,
                        Some((place, index)) => place == location && *index == first + n,
                    };
                    if wanted {
                        text.replace(range, &self.with);
                        count += 1;
                    }
                }
            },
        );
        count
    }
}

/// `Cover`, or the name of the section a place is in.
pub fn place_name(plan: &Plan, location: &Location) -> String {
    if location.sections.is_empty() {
        return "Cover".to_owned();
    }
    let Some(section) = plan.section(&location.sections) else {
        return String::new();
    };
    let mut name = section_label(&plan.template, section);
    if let Some(b) = location.block
        && let Some(block) = section.blocks.get(b)
    {
        name = format!("{name} › {}", block_name(block, b));
    }
    name
}

/// Up to 60 characters around the match at byte range `at`.
fn snippet(text: &str, at: Range<usize>) -> String {
    let before: Vec<char> = text[..at.start].chars().collect();
    let after: Vec<char> = text[at.end..].chars().collect();
    let start = before.len().saturating_sub(25);
    let end = after.len().min(35);
    let mut s: String = before[start..].iter().collect();
    s.push_str(&text[at]);
    s.extend(&after[..end]);
    let mut s = s.replace('\n', " ");
    if start > 0 {
        s.insert(0, '…');
    }
    if end < after.len() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::super::test_plan as plan;
    use super::*;

    #[test]
    fn finds_in_headings_and_paragraphs_case_insensitively() {
        let plan = plan();
        let found = find(&plan, "purpose");
        assert!(!found.is_empty());
        assert_eq!(found[0].location, Location::section(&[0]));
        assert_eq!(found[0].section, "PURPOSE OF THE SERVICE");
        assert!(find(&plan, "zzzz-nothing").is_empty());
        assert!(find(&plan, "  ").is_empty());
    }

    #[test]
    fn snippets_are_short_and_marked() {
        let text = "a".repeat(100) + "Needle" + &"b".repeat(100);
        let s = snippet(&text, 100..106);
        assert!(s.starts_with('…') && s.ends_with('…') && s.contains("Needle"));
    }

    #[test]
    fn match_case_and_whole_word() {
        let q = |text: &str, match_case, whole_word| Query {
            text: text.into(),
            match_case,
            whole_word,
            scope: None,
        };
        let text = "Care, care homes and carers; CARE";
        assert_eq!(matches(text, &q("care", false, false)).len(), 4);
        assert_eq!(matches(text, &q("care", true, false)).len(), 2);
        assert_eq!(matches(text, &q("care", false, true)).len(), 3);
        let exact = matches(text, &q("care", true, true));
        assert_eq!((exact.len(), exact[0].clone()), (1, 6..10));
        assert_eq!(matches("££ ££", &q("££", false, true)).len(), 2);
    }

    #[test]
    fn replace_all_reaches_the_cover_captions_and_column_labels() {
        let mut p = plan();
        p.cover.title = "Plan for Services".into();
        let query = Query {
            text: "Service".into(),
            ..Query::default()
        };
        let before = search(&p, &query);
        assert!(before.iter().any(|m| m.section == "Cover"));
        let replace = Replace {
            query: query.clone(),
            with: "Team".into(),
            only: None,
        };
        let n = replace.apply(&mut p);
        assert_eq!(n, before.len());
        assert!(search(&p, &query).is_empty());
        assert_eq!(p.cover.title, "Plan for Teams");
    }

    #[test]
    fn replace_reaches_a_contents_page_worded_by_the_author() {
        let mut p = plan();
        p.contents.entries.push(crate::model::ContentsEntry {
            text: "Purpose of the Servise".into(),
            ..Default::default()
        });
        let query = Query {
            text: "Servise".into(),
            match_case: true,
            whole_word: true,
            scope: Some(Page::Cover),
        };
        assert_eq!(search(&p, &query).len(), 1);
        let replace = Replace {
            query,
            with: "Service".into(),
            only: None,
        };
        assert_eq!(replace.apply(&mut p), 1);
        assert_eq!(p.contents.entries[0].text, "Purpose of the Service");
    }

    #[test]
    fn replacing_one_match_and_keeping_styles() {
        let mut p = plan();
        p.sections[0].blocks[0] = Block::Paragraph(Rich(vec![
            crate::model::Span::plain("a cat and "),
            crate::model::Span {
                text: "a cat".into(),
                bold: true,
                ..Default::default()
            },
        ]));
        let query = Query {
            text: "cat".into(),
            scope: Some(Page::Section(vec![0])),
            ..Query::default()
        };
        let found = search(&p, &query);
        assert_eq!(found.len(), 2);
        let one = Replace {
            query,
            with: "dog".into(),
            only: Some((found[1].location.clone(), 1)),
        };
        assert_eq!(one.apply(&mut p), 1);
        let Block::Paragraph(text) = &p.sections[0].blocks[0] else {
            panic!()
        };
        assert_eq!(text.to_plain(), "a cat and a dog");
        assert!(text.0.last().unwrap().bold, "the replaced word stays bold");
    }

    #[test]
    fn the_scope_keeps_to_one_page() {
        let p = plan();
        let all = find(&p, "the");
        let mut query = Query::plain("the");
        query.scope = Some(Page::Section(vec![0]));
        let here = search(&p, &query);
        assert!(!here.is_empty() && here.len() < all.len());
        assert!(here.iter().all(|m| m.location.sections == [0]));
    }
}
