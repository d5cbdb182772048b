//! Find: every place in the plan whose text contains the query, in
//! document order, as places the editor can jump to.

use crate::model::{Block, CellBlock, List, Location, Plan};

/// A match: where it is and a snippet of the text around it.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    pub location: Location,
    pub snippet: String,
}

/// Case-insensitive search through headings, paragraphs, lists, notes,
/// tables and charts.
pub fn find(plan: &Plan, query: &str) -> Vec<Match> {
    let query = query.trim().to_lowercase();
    let mut out = Vec::new();
    if query.is_empty() {
        return out;
    }
    let mut check = |location: Location, text: &str| {
        if let Some(snippet) = snippet(text, &query) {
            out.push(Match { location, snippet });
        }
    };
    for (path, section) in plan.walk_sections() {
        check(Location::section(&path), &section.title());
        for (b, block) in section.blocks.iter().enumerate() {
            let here = Location::block(&path, b);
            match block {
                Block::Paragraph(text) => check(here, &text.to_plain()),
                Block::Note(note) => check(here, &note.text.to_plain()),
                Block::List(list) => check(here, &list_text(list)),
                Block::OrgChart(chart) => {
                    let text: Vec<String> = chart.boxes.iter().map(|b| b.lines.join(" ")).collect();
                    check(here, &text.join(" "));
                }
                Block::Table(table) => {
                    for (r, row) in table.rows.iter().enumerate() {
                        for (c, cell) in row.cells.iter().enumerate() {
                            let text: Vec<String> = cell
                                .0
                                .iter()
                                .map(|b| match b {
                                    CellBlock::Para(p) => p.to_plain(),
                                    CellBlock::List(l) => list_text(l),
                                    CellBlock::Rating(r) => r.label.clone(),
                                })
                                .collect();
                            check(Location::cell(&path, b, r, Some(c)), &text.join(" "));
                        }
                    }
                }
            }
        }
    }
    out
}

fn list_text(list: &List) -> String {
    let mut parts = Vec::new();
    for item in &list.items {
        parts.push(item.text.to_plain());
        parts.push(list_text(&item.children));
    }
    parts.join(" ")
}

/// Up to 60 characters around the first match, or `None`.
fn snippet(text: &str, query: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let at = lower.find(query)?;
    // Lower-casing can change byte lengths; map back through characters.
    let char_at = lower[..at].chars().count();
    let chars: Vec<char> = text.chars().collect();
    let start = char_at.saturating_sub(25);
    let end = (char_at + query.chars().count() + 35).min(chars.len());
    let mut s: String = chars[start..end].iter().collect();
    s = s.replace('\n', " ");
    if start > 0 {
        s.insert(0, '…');
    }
    if end < chars.len() {
        s.push('…');
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_in_headings_and_paragraphs_case_insensitively() {
        let plan = crate::template::find("operating-plan-2008")
            .unwrap()
            .new_plan();
        let found = find(&plan, "purpose");
        assert!(!found.is_empty());
        assert_eq!(found[0].location, Location::section(&[0]));
        assert!(find(&plan, "zzzz-nothing").is_empty());
        assert!(find(&plan, "  ").is_empty());
    }

    #[test]
    fn snippets_are_short_and_marked() {
        let text = "a".repeat(100) + "Needle" + &"b".repeat(100);
        let s = snippet(&text, "needle").unwrap();
        assert!(s.starts_with('…') && s.ends_with('…') && s.contains("Needle"));
    }
}
