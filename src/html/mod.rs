//! The plan as one self-contained, accessible HTML page for a council's
//! website: written from the model (the plan's words, not the pages),
//! with the print's section titles and order. Styles are inline; there
//! are no scripts and nothing is fetched.

mod blocks;

use crate::model::{Block, Plan, Section};
use crate::template;
use blocks::Writer;
use std::fmt::Write;

const STYLE: &str = include_str!("style.css");

/// The whole page for `plan`.
pub fn render(plan: &Plan) -> String {
    let mut w = Writer::new(plan);
    let title = plain_line(&plan.cover.title);
    let _ = write!(
        w.out,
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        escape(if title.is_empty() { "Plan" } else { &title })
    );
    cover(&mut w, plan);
    w.out.push_str("<main>\n");
    if !plan.body_title.trim().is_empty() {
        let _ = writeln!(
            w.out,
            "<p class=\"body-title\">{}</p>",
            escape(&plan.body_title)
        );
    }
    let ids = section_ids(plan);
    let front = plan.contents.after_sections.min(plan.sections.len());
    for (i, section) in plan.sections.iter().enumerate() {
        if i == front {
            contents(&mut w, plan, &ids);
        }
        write_section(&mut w, section, &[i], 2);
    }
    if front == plan.sections.len() {
        contents(&mut w, plan, &ids);
    }
    w.out.push_str("</main>\n</body>\n</html>\n");
    w.out
}

/// Text on one line, spaces collapsed.
fn plain_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` safe in HTML text and in quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in HTML text.
            c if c.is_control() && !matches!(c, '\n' | '\t') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A paragraph per non-empty line.
fn lines(w: &mut Writer, class: &str, texts: &[&String]) {
    for text in texts.iter().filter(|t| !t.trim().is_empty()) {
        let _ = writeln!(w.out, "<p class=\"{class}\">{}</p>", escape(text));
    }
}

/// The cover's lines, status and sign-off, as the cover prints them.
fn cover(w: &mut Writer, plan: &Plan) {
    let cover = &plan.cover;
    w.out.push_str("<header class=\"cover\">\n");
    lines(
        w,
        "owner",
        &[&cover.directorate, &cover.division, &cover.unit],
    );
    let title = if cover.title.trim().is_empty() {
        "Plan".to_string()
    } else {
        plain_line(&cover.title)
    };
    let _ = writeln!(w.out, "<h1>{}</h1>", escape(&title));
    if !cover.title.contains(cover.year.trim()) {
        lines(w, "year", &[&cover.year]);
    }
    lines(w, "other", &cover.other_lines.iter().collect::<Vec<_>>());
    // Labelled as the cover prints them.
    let (status, _) = crate::layout::printed_status(plan);
    let details: [(&str, Vec<&String>); 5] = [
        (
            cover.cabinet_label(),
            cover.cabinet_members.iter().collect(),
        ),
        ("Director:", vec![&cover.director]),
        ("Plan contact:", vec![&cover.contact]),
        ("Version:", vec![&plan.status.version]),
        ("Date:", vec![&plan.status.date]),
    ];
    w.out.push_str("<dl class=\"details\">\n");
    for (label, values) in details {
        let values: Vec<&&String> = values.iter().filter(|v| !v.trim().is_empty()).collect();
        if !values.is_empty() {
            let _ = writeln!(w.out, "<dt>{label}</dt>");
        }
        for value in values {
            let _ = writeln!(w.out, "<dd>{}</dd>", escape(value));
        }
    }
    let _ = writeln!(
        w.out,
        "<dt>Status:</dt>\n<dd><strong>{status}</strong></dd>\n</dl>"
    );
    if !plan.sign_off.is_empty() {
        let signed = plan.sign_off.iter().any(|s| !s.name.trim().is_empty());
        let title = if signed { "Signed off by" } else { "Sign-off" };
        let _ = write!(
            w.out,
            "<div class=\"table-wrap\"><table class=\"sign-off\"><caption>{title}</caption>\n\
             <thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Role</th>\
             <th scope=\"col\">Date</th></tr></thead>\n<tbody>\n",
        );
        for s in &plan.sign_off {
            let _ = writeln!(
                w.out,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&s.name),
                escape(&s.role),
                escape(&s.date)
            );
        }
        w.out.push_str("</tbody></table></div>\n");
    }
    w.out.push_str("</header>\n");
}

/// Each section's printed title and its id, depth first: what the
/// contents list and the section headings share.
struct SectionId {
    path: Vec<usize>,
    id: String,
    title: String,
    slot: String,
}

fn section_id(path: &[usize]) -> String {
    let parts: Vec<String> = path.iter().map(|i| (i + 1).to_string()).collect();
    format!("section-{}", parts.join("-"))
}

/// The title a section prints under: its number and heading, else its
/// template slot's name, else its part label (as the print names it).
pub fn section_title(template_id: &str, section: &Section) -> String {
    let heading = plain_line(&section.title());
    if !heading.is_empty() {
        return heading;
    }
    let slot = template::slot_name(template_id, &section.slot);
    if !slot.is_empty() {
        return slot;
    }
    plain_line(&section.part)
}

fn section_ids(plan: &Plan) -> Vec<SectionId> {
    (plan.walk_sections().into_iter())
        .map(|(path, s)| SectionId {
            id: section_id(&path),
            title: section_title(&plan.template, s),
            slot: s.slot.clone(),
            path,
        })
        .filter(|s| !s.title.is_empty())
        .collect()
}

/// The contents list: the entries the author wrote, each linked to the
/// section it names (by slot or title), else the sections' own titles
/// down to the second level.
fn contents(w: &mut Writer, plan: &Plan, ids: &[SectionId]) {
    let title = plain_line(&plan.contents.title);
    let label = if title.is_empty() { "Contents" } else { &title };
    let _ = writeln!(
        w.out,
        "<nav class=\"contents\" aria-label=\"{}\">",
        escape(label)
    );
    if !title.is_empty() {
        let _ = writeln!(w.out, "<h2>{}</h2>", escape(&title));
    }
    let entries = if plan.contents.entries.is_empty() {
        (ids.iter())
            .filter(|s| s.path.len() <= 2)
            .map(|s| (s.title.clone(), s.path.len(), Some(s)))
            .collect()
    } else {
        written_entries(plan, ids)
    };
    nested_entries(w, &entries);
    w.out.push_str("</nav>\n");
}

/// A contents entry: its words, its level and the section it links to.
type Entry<T> = (String, usize, Option<T>);

/// The contents the author wrote, as the print lists them: each entry
/// linked to the first section of its name after the previous entry's
/// (else the first anywhere), every top-level section after the contents
/// that the entries leave out added, all in the sections' order.
fn written_entries<'a>(plan: &Plan, ids: &'a [SectionId]) -> Vec<Entry<&'a SectionId>> {
    let mut after = 0;
    let mut entries: Vec<Entry<usize>> = (plan.contents.entries.iter())
        .map(|e| {
            let wanted = if e.section.is_empty() {
                plain_line(&e.text)
            } else {
                e.section.clone()
            };
            let named = |s: &SectionId| s.slot == wanted || s.title == wanted;
            let found = (ids.iter().enumerate())
                .filter(|(_, s)| named(s))
                .map(|(i, _)| i)
                .find(|i| *i >= after)
                .or_else(|| ids.iter().position(named));
            if let Some(i) = found {
                after = i + 1;
            }
            (e.text.clone(), usize::from(e.level.max(1)), found)
        })
        .collect();
    let listed: Vec<usize> = entries.iter().filter_map(|e| e.2).collect();
    let front = plan.contents.after_sections;
    entries.extend(
        (ids.iter().enumerate())
            .filter(|(i, s)| s.path.len() == 1 && s.path[0] >= front && !listed.contains(i))
            .map(|(i, s)| (s.title.clone(), 1, Some(i))),
    );
    // Sections' order; an entry with no section stays after the one before.
    let mut key = 0;
    let mut keyed: Vec<(usize, usize, Entry<usize>)> = (entries.into_iter())
        .enumerate()
        .map(|(n, e)| {
            key = e.2.unwrap_or(key);
            (key, n, e)
        })
        .collect();
    keyed.sort_by_key(|&(key, n, _)| (key, n));
    (keyed.into_iter())
        .map(|(_, _, (text, level, i))| (text, level, i.map(|i| &ids[i])))
        .collect()
}

/// Entries as a list, sub-entries in a list inside their entry.
fn nested_entries(w: &mut Writer, entries: &[Entry<&SectionId>]) {
    let mut depth = 0;
    for (text, level, target) in entries {
        let level = (*level).max(1);
        if level > depth {
            for _ in depth..level {
                w.out.push_str("<ul>\n<li>");
            }
        } else {
            for _ in level..depth {
                w.out.push_str("</li>\n</ul>\n");
            }
            w.out.push_str("</li>\n<li>");
        }
        depth = level;
        match target {
            Some(s) => {
                let _ = write!(w.out, "<a href=\"#{}\">{}</a>", s.id, escape(text));
            }
            None => w.out.push_str(&escape(text)),
        }
    }
    for _ in 0..depth {
        w.out.push_str("</li>\n</ul>\n");
    }
}

/// A section: its part label, heading (h2 at the top, one level deeper
/// per heading above it, h6 at most: a section printed without a heading
/// does not push its sub-sections down), blocks and sub-sections.
fn write_section(w: &mut Writer, section: &Section, path: &[usize], level: usize) {
    let id = section_id(path);
    let _ = writeln!(w.out, "<section id=\"{id}\">");
    if !section.part.trim().is_empty() {
        let _ = writeln!(w.out, "<p class=\"part\">{}</p>", escape(&section.part));
    }
    let level = level.min(6);
    let has_heading = !section.heading.is_empty() || !section.number.trim().is_empty();
    let slot = template::slot_name(&w.plan.template, &section.slot);
    if has_heading {
        let _ = write!(w.out, "<h{level}>");
        if !section.number.trim().is_empty() {
            let _ = write!(w.out, "{} ", escape(section.number.trim_end()));
        }
        w.rich(&section.heading);
        let _ = writeln!(w.out, "</h{level}>");
    } else if !slot.is_empty() {
        let _ = writeln!(w.out, "<h{level}>{}</h{level}>", escape(&slot));
    }
    w.notes_of(section);
    for (b, block) in section.blocks.iter().enumerate() {
        // A sub-heading one below its section's heading, a level-4 one two
        // below when a level-3 one comes before it: never a skipped level.
        let under_three = (section.blocks[..b].iter())
            .any(|b| matches!(b, Block::Heading(h) if h.printed_level() == 3));
        let depth = match block {
            Block::Heading(h) if h.printed_level() == 4 && under_three => 2,
            _ => 1,
        };
        // Under the heading above when the section prints none.
        let base = if has_heading || !slot.is_empty() {
            level
        } else {
            level - 1
        };
        w.block(block, (base + depth).min(6));
    }
    for (i, sub) in section.subsections.iter().enumerate() {
        let mut sub_path = path.to_vec();
        sub_path.push(i);
        write_section(
            w,
            sub,
            &sub_path,
            level + usize::from(has_heading || !slot.is_empty()),
        );
    }
    w.out.push_str("</section>\n");
}
