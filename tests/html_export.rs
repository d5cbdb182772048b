//! The HTML export: every word of the plan, headings in order, tables a
//! screen reader can navigate, and well-formed markup (checked by a small
//! parser here; `.ci/run` also validates it with html5lib).

mod print_common;
use print_common as common;

use common::{Words, count_words, model_words, plans};
use planwright::html;
use planwright::model::{Block, RowKind};

/// Elements that have no end tag.
const VOID: [&str; 5] = ["meta", "br", "hr", "img", "input"];

/// One tag: its name, attributes' text, and whether it closes.
struct Tag<'a> {
    name: String,
    attributes: &'a str,
    closing: bool,
}

/// Every tag in `page`, in order, after checking that the text between
/// tags has no stray `<` or `>` and every `&` starts an entity.
fn tags(page: &str) -> Vec<Tag<'_>> {
    let mut tags = Vec::new();
    let mut rest = page;
    while let Some(open) = rest.find('<') {
        let text = &rest[..open];
        assert!(!text.contains('>'), "stray > in {text:?}");
        check_entities(text);
        let close = rest[open..].find('>').expect("a tag is closed") + open;
        let inner = &rest[open + 1..close];
        assert!(!inner.contains('<'), "< inside a tag: {inner:?}");
        if !inner.starts_with('!') {
            let closing = inner.starts_with('/');
            let inner = inner.trim_start_matches('/');
            let end = inner.find(' ').unwrap_or(inner.len());
            tags.push(Tag {
                name: inner[..end].to_ascii_lowercase(),
                attributes: &inner[end..],
                closing,
            });
        }
        rest = &rest[close + 1..];
        // A style sheet's text is not HTML.
        if tags.last().is_some_and(|t| t.name == "style" && !t.closing) {
            let end = rest.find("</style>").expect("the style sheet ends");
            rest = &rest[end..];
        }
    }
    tags
}

fn check_entities(text: &str) {
    for (i, _) in text.match_indices('&') {
        let entity = &text[i..text[i..].find(';').map_or(text.len(), |e| i + e + 1)];
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].contains(&entity),
            "bare & in {text:?}"
        );
    }
}

/// Checks that every element is closed in order; returns the open path
/// at each tag for the structural assertions.
fn check_balanced(name: &str, tags: &[Tag]) {
    let mut open: Vec<&str> = Vec::new();
    for tag in tags {
        if VOID.contains(&tag.name.as_str()) {
            assert!(!tag.closing, "{name}: </{}>", tag.name);
        } else if tag.closing {
            let top = open.pop();
            assert_eq!(
                top,
                Some(tag.name.as_str()),
                "{name}: </{}> closes {top:?}",
                tag.name
            );
        } else {
            open.push(&tag.name);
        }
    }
    assert!(open.is_empty(), "{name}: left open: {open:?}");
}

fn attribute<'a>(tag: &'a Tag, key: &str) -> Option<&'a str> {
    let start = tag.attributes.find(&format!(" {key}=\""))? + key.len() + 3;
    let len = tag.attributes[start..].find('"')?;
    Some(&tag.attributes[start..start + len])
}

/// Tags inside a line of text: they do not part words (`1<sup>st</sup>`).
const INLINE: [&str; 6] = ["a", "strong", "em", "u", "sup", "span"];

/// The words a reader sees: the body's text, block tags as spaces (a
/// rating is shown as a block), entities decoded.
fn page_words(page: &str) -> Words {
    let body = &page[page.find("<body>").expect("a body")..];
    let mut text = String::new();
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let close = rest[open..].find('>').expect("a tag is closed") + open;
        let tag = rest[open + 1..close].trim_start_matches('/');
        let name = tag.split(' ').next().unwrap_or("");
        if !INLINE.contains(&name) || tag.contains("class=\"rating\"") {
            text.push(' ');
        }
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    let mut words = Words::new();
    count_words(&mut words, &text);
    words
}

#[test]
fn every_plan_exports_well_formed_self_contained_html() {
    for (name, plan) in plans() {
        let page = html::render(&plan);
        assert!(
            page.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"),
            "{name}"
        );
        let tags = tags(&page);
        check_balanced(&name, &tags);
        for tag in &tags {
            assert!(
                !["script", "link", "img", "iframe"].contains(&tag.name.as_str()),
                "{name}: <{}> would run or fetch something",
                tag.name
            );
        }
        assert!(!page.contains("url("), "{name}: the style sheet fetches");
        // Every link inside the page lands on an element of that id.
        for tag in tags.iter().filter(|t| t.name == "a" && !t.closing) {
            if let Some(target) = attribute(tag, "href").and_then(|h| h.strip_prefix('#')) {
                assert!(
                    page.contains(&format!(" id=\"{target}\"")),
                    "{name}: #{target}"
                );
            }
        }
    }
}

#[test]
fn headings_go_down_one_level_at_a_time_and_every_header_cell_has_a_scope() {
    for (name, plan) in plans() {
        let page = html::render(&plan);
        let tags = tags(&page);
        let levels: Vec<u8> = (tags.iter())
            .filter(|t| !t.closing && t.name.len() == 2 && t.name.starts_with('h'))
            .filter_map(|t| t.name[1..].parse().ok())
            .collect();
        assert_eq!(levels.first(), Some(&1), "{name}: starts with the title");
        assert_eq!(levels.iter().filter(|&&l| l == 1).count(), 1, "{name}");
        for pair in levels.windows(2) {
            assert!(
                pair[1] <= pair[0] + 1,
                "{name}: h{} after h{}",
                pair[1],
                pair[0]
            );
        }
        let sections = plan.walk_sections().len();
        assert!(
            levels.len() > sections / 2,
            "{name}: {} headings",
            levels.len()
        );

        let opened = |n: &str| tags.iter().filter(|t| t.name == n && !t.closing).count();
        let tables = opened("table");
        assert_eq!(opened("caption"), tables, "{name}");
        assert_eq!(opened("thead"), tables, "{name}");
        assert_eq!(opened("tbody"), tables, "{name}");
        let wrapped = page.matches("<div class=\"table-wrap\">").count();
        assert_eq!(
            wrapped, tables,
            "{name}: every table scrolls sideways in its wrapper"
        );
        for th in tags.iter().filter(|t| t.name == "th" && !t.closing) {
            let scope = attribute(th, "scope");
            assert!(
                matches!(scope, Some("col" | "colgroup" | "rowgroup")),
                "{name}: <th{}>",
                th.attributes
            );
        }
        let model_tables = (plan.walk_sections().iter())
            .flat_map(|(_, s)| &s.blocks)
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .collect::<Vec<_>>();
        let groups = (model_tables.iter())
            .flat_map(|t| &t.rows)
            .filter(|r| r.kind == RowKind::Group)
            .count();
        let totals = (model_tables.iter())
            .flat_map(|t| &t.rows)
            .filter(|r| r.kind.is_total())
            .count();
        let scoped = |s: &str| page.matches(&format!("<th scope=\"{s}\"")).count();
        assert_eq!(scoped("rowgroup"), groups, "{name}");
        assert_eq!(
            page.matches("<tr class=\"total\">").count(),
            totals,
            "{name}"
        );
        let sign_off = usize::from(!plan.sign_off.is_empty());
        assert_eq!(tables, model_tables.len() + sign_off, "{name}");
    }
}

#[test]
fn every_word_of_every_plan_is_in_its_html() {
    for (name, plan) in plans() {
        let page = page_words(&html::render(&plan));
        let missing: Vec<String> = (model_words(&plan).into_iter())
            .filter(|(word, count)| page.get(word).copied().unwrap_or(0) < *count)
            .map(|(word, count)| format!("{word:?}: plan has {count}, page {:?}", page.get(&word)))
            .collect();
        assert!(missing.is_empty(), "{name}:\n{}", missing.join("\n"));
    }
}

#[test]
fn text_is_escaped_and_ratings_read_as_words() {
    use planwright::model::{Cell, CellBlock, Column, ColumnKind, Rating, Rich, Row, Table};
    let mut plan = planwright::template::all()[0].new_plan();
    let mut table = Table::new(
        planwright::model::TableKind::Kpi,
        vec![Column::new("<b>KPI</b> & \"x\"", ColumnKind::Rating)],
    );
    table.rows.push(Row::new(
        RowKind::Data,
        vec![Cell(vec![
            CellBlock::Para(Rich::plain("13.4")),
            CellBlock::Rating(Rating {
                band: 5,
                label: "V Good".into(),
            }),
        ])],
    ));
    plan.sections[0].blocks = vec![Block::Table(table)];
    plan.sections[0].heading = Rich::plain("<script>alert(1)</script>");
    let page = html::render(&plan);
    assert!(!page.contains("<script>"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("&lt;b&gt;KPI&lt;/b&gt; &amp; &quot;x&quot;"));
    let bands = plan.rating_scale.iter().map(|b| b.band).max().unwrap_or(5);
    let read: String = page_words(&page)
        .keys()
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        page.contains(&format!(
            "13.4<span class=\"rating\"><span class=\"sep\">,</span> 5 of {bands}, V Good</span>"
        )),
        "{read}"
    );
}

#[test]
fn a_footnote_mark_links_to_its_note_but_a_star_inside_a_word_does_not() {
    use planwright::model::{Note, Rich};
    let mut plan = planwright::template::all()[0].new_plan();
    plan.sections[0].blocks = vec![
        Block::Paragraph(Rich::plain("Visits rose to 6473* and grades A*-G held.")),
        Block::Paragraph(Rich::plain("See note 1; footnote 10 is not it.")),
        Block::Note(Note {
            marker: String::new(),
            text: Rich::plain("* Final figures due March 08"),
        }),
        Block::Note(Note {
            marker: "Note 1:".into(),
            text: Rich::plain("Targets are set in May."),
        }),
    ];
    let page = html::render(&plan);
    let id = page
        .split("<p class=\"note\" id=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the note has an id");
    assert!(
        page.contains(&format!(
            "6473<a href=\"#{id}\" class=\"mark\">*</a> and grades A*-G held."
        )),
        "{page}"
    );
    assert!(page.contains("\">* Final figures due March 08</p>"));
    let second = page.split("<p class=\"note\" id=\"").nth(2).unwrap();
    let id = second.split('"').next().unwrap();
    assert!(
        page.contains(&format!(
            "See <a href=\"#{id}\" class=\"mark\">note 1</a>; footnote 10 is not it."
        )),
        "{page}"
    );
    assert!(second.contains("\">Note 1: Targets are set in May.</p>"));
    check_balanced("marks", &tags(&page));
}

#[test]
fn a_section_without_a_heading_does_not_push_its_sub_sections_down() {
    use planwright::model::Section;
    let mut plan = planwright::template::all()[0].new_plan();
    let parent = Section {
        subsections: vec![Section::new("Child heading")],
        ..Section::default()
    };
    plan.sections = vec![parent];
    plan.contents.title.clear();
    let page = html::render(&plan);
    assert!(page.contains("<h2>Child heading</h2>"), "{page}");
}

#[test]
fn written_contents_link_their_sections_and_gain_the_sections_they_leave_out() {
    use planwright::model::ContentsEntry;
    let mut plan = planwright::template::all()[0].new_plan();
    let second = html::section_title(&plan.template, &plan.sections[1]);
    plan.contents.entries = vec![ContentsEntry {
        text: "Our own wording".into(),
        section: second,
        level: 1,
    }];
    let page = html::render(&plan);
    let nav = &page[page.find("<nav").unwrap()..page.find("</nav>").unwrap()];
    assert!(
        nav.contains("<a href=\"#section-2\">Our own wording</a>"),
        "{nav}"
    );
    // The first section, left out, is listed before it under its own title.
    let first = html::section_title(&plan.template, &plan.sections[0]);
    let first_link = format!("<a href=\"#section-1\">{}</a>", html::escape(&first));
    assert!(nav.find(&first_link) < nav.find("Our own wording"), "{nav}");
    assert!(nav.find(&first_link).is_some(), "{nav}");
}
